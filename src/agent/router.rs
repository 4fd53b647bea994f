//! Which servers serve which datacenter: the WAN pool's alive members, by datacenter.

use std::time::Duration;

use crate::gossip::{Gossip, MemberStatus};
use crate::raft::ApplyError;
use crate::rpc::message::{Reply, Request};
use crate::rpc::{RpcClient, Target};

/// Routes requests to other datacenters (servers only; a client has no WAN pool).
#[derive(Debug, Clone)]
pub struct Router {
    wan: Option<Gossip>,
    datacenter: String,
    /// Other datacenters are reached through mesh gateways, which route `server.<dc>` to
    /// any of their servers: usable before (or without) their WAN members.
    via_gateways: bool,
}

impl Router {
    pub fn new(wan: Option<Gossip>, datacenter: &str) -> Router {
        Router { wan, datacenter: datacenter.to_owned(), via_gateways: false }
    }

    /// A router whose requests to other datacenters go through mesh gateways.
    pub fn via_gateways(mut self, yes: bool) -> Router {
        self.via_gateways = yes;
        self
    }

    /// Whether `datacenter` is this agent's own.
    pub fn is_local(&self, datacenter: &str) -> bool {
        datacenter == self.datacenter
    }

    /// This datacenter and every datacenter seen in the WAN pool, sorted.
    pub fn datacenters(&self) -> Vec<String> {
        let mut dcs: Vec<String> = self
            .wan
            .iter()
            .flat_map(|w| w.members())
            .map(|m| m.id.meta.datacenter)
            .chain(std::iter::once(self.datacenter.clone()))
            .collect();
        dcs.sort();
        dcs.dedup();
        dcs
    }

    /// The alive servers of `datacenter` in the WAN pool.
    pub fn servers_in(&self, datacenter: &str) -> Vec<Target> {
        self.wan
            .iter()
            .flat_map(|w| w.members())
            .filter(|m| m.status == MemberStatus::Alive && m.id.meta.server && m.id.meta.datacenter == datacenter)
            .map(|m| Target {
                addr: m.id.rpc_addr().to_string(),
                // WAN member names are `<node>.<dc>`; servers are dialled by node name.
                node: Some(m.id.name.strip_suffix(&format!(".{datacenter}")).unwrap_or(&m.id.name).to_owned()),
                datacenter: datacenter.to_owned(),
            })
            .collect()
    }

    /// Sends `request` to a server of `datacenter`, trying each until one answers.
    pub async fn request(
        &self,
        rpc: &RpcClient,
        datacenter: &str,
        request: &Request,
        wait: Option<Duration>,
    ) -> Result<Reply, ApplyError> {
        let mut servers = self.servers_in(datacenter);
        if self.via_gateways && !self.is_local(datacenter) {
            // Last resort (or the only way, before the WAN pool knows the datacenter): any
            // server there, by the `server.<dc>.<domain>` name its gateways route.
            servers.push(Target {
                addr: format!("server.{datacenter}"),
                node: None,
                datacenter: datacenter.to_owned(),
            });
        }
        if servers.is_empty() {
            return Err(ApplyError::NoPathToDatacenter(datacenter.to_owned()));
        }
        // A blocking read is held for exactly `wait` by the remote server (its jitter is already
        // in `wait`), so a few seconds of slack tell a silent partition from a slow answer.
        let timeout = wait.map_or(Duration::from_secs(30), |w| w + Duration::from_secs(5));
        let mut last = String::new();
        for target in &servers {
            match rpc.request_within(target, request, timeout).await {
                Ok(reply) => return Ok(reply),
                Err(e) => {
                    rpc.forget(target);
                    last = e.to_string();
                }
            }
        }
        Err(ApplyError::Forward { leader: format!("datacenter {datacenter}"), reason: last })
    }
}
