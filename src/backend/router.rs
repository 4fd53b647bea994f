//! Which servers serve which datacenter: the WAN pool's alive members, by datacenter (and,
//! federated through mesh gateways, the gateways' name for "any server there").

use super::pool::alive_servers;
use crate::gossip::Gossip;
use crate::rpc::Target;

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
        self.wan.as_ref().map_or_else(Vec::new, |w| alive_servers(w, datacenter))
    }

    /// Where to send a request for another datacenter, in order: its WAN members, then
    /// (through gateways) any server there by the `server.<dc>.<domain>` name its gateways
    /// route, which is the only way before the WAN pool knows the datacenter.
    pub fn targets(&self, datacenter: &str) -> Vec<Target> {
        let mut targets = self.servers_in(datacenter);
        if self.via_gateways {
            targets.push(Target {
                addr: format!("server.{datacenter}"),
                node: None,
                datacenter: datacenter.to_owned(),
            });
        }
        targets
    }
}
