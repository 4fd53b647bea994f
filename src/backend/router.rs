//! Which servers serve which datacenter: the WAN pool's alive members, by datacenter (and,
//! federated through mesh gateways, the gateways' name for "any server there").

use std::collections::HashSet;
use std::sync::{Arc, Mutex, PoisonError};

use super::pool::alive_servers;
use crate::gossip::{Gossip, Member, MemberId};
use crate::rpc::Target;

/// The WAN members of other datacenters that confirmed, over the server port, that they are
/// the servers gossip names (by their whole identity: name, incarnation, address and
/// metadata, so a copy of a confirmed identity with another address or datacenter is not). Gossip is not authenticated: only
/// these are routed to and make a datacenter known, so a forged WAN member creates neither.
#[derive(Debug, Clone, Default)]
pub struct ConfirmedServers(Arc<Mutex<HashSet<MemberId>>>);

impl ConfirmedServers {
    pub fn confirm(&self, id: &MemberId) {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).insert(id.clone());
    }

    pub fn contains(&self, id: &MemberId) -> bool {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).contains(id)
    }

    /// Forgets identities no longer in the pool.
    pub fn retain(&self, members: &[Member]) {
        let present: HashSet<&MemberId> = members.iter().map(|m| &m.id).collect();
        self.0.lock().unwrap_or_else(PoisonError::into_inner).retain(|id| present.contains(id));
    }
}

/// Routes requests to other datacenters (servers only; a client has no WAN pool).
#[derive(Debug, Clone)]
pub struct Router {
    wan: Option<Gossip>,
    datacenter: String,
    /// Other datacenters are reached through mesh gateways, which route `server.<dc>` to
    /// any of their servers: usable before (or without) their WAN members.
    via_gateways: bool,
    /// The primary datacenter: reachable through gateways before anything else is known of it.
    primary: String,
    confirmed: ConfirmedServers,
}

impl Router {
    pub fn new(wan: Option<Gossip>, datacenter: &str) -> Router {
        Router {
            wan,
            datacenter: datacenter.to_owned(),
            via_gateways: false,
            primary: datacenter.to_owned(),
            confirmed: ConfirmedServers::default(),
        }
    }

    /// The servers of other datacenters confirmed so far; the agent's WAN confirmation task
    /// adds to it.
    pub fn confirmed(&self) -> &ConfirmedServers {
        &self.confirmed
    }

    /// Whether `member` may be believed: of this datacenter, or confirmed.
    fn trusted(&self, member: &MemberId) -> bool {
        member.meta.datacenter == self.datacenter || self.confirmed.contains(member)
    }

    /// A router whose requests to other datacenters go through mesh gateways.
    pub fn via_gateways(mut self, yes: bool) -> Router {
        self.via_gateways = yes;
        self
    }

    /// The federation's primary datacenter (default: this one).
    pub fn primary(mut self, primary: &str) -> Router {
        self.primary = primary.to_owned();
        self
    }

    /// Whether `datacenter` is this agent's own.
    pub fn is_local(&self, datacenter: &str) -> bool {
        datacenter == self.datacenter
    }

    /// The federation's primary datacenter.
    pub fn primary_datacenter(&self) -> &str {
        &self.primary
    }

    /// This datacenter and every datacenter of a confirmed server in the WAN pool, sorted.
    pub fn datacenters(&self) -> Vec<String> {
        let mut dcs: Vec<String> = self
            .wan
            .iter()
            .flat_map(|w| w.members())
            .filter(|m| self.trusted(&m.id))
            .map(|m| m.id.meta.datacenter)
            .chain(std::iter::once(self.datacenter.clone()))
            .collect();
        dcs.sort();
        dcs.dedup();
        dcs
    }

    /// The alive, confirmed servers of `datacenter` in the WAN pool.
    pub fn servers_in(&self, datacenter: &str) -> Vec<Target> {
        self.wan.as_ref().map_or_else(Vec::new, |w| alive_servers(w, datacenter, |id| self.trusted(id)))
    }

    /// Where to send a request for another datacenter, in order: its WAN members, then
    /// (through gateways) any server there by the `server.<dc>.<domain>` name its gateways
    /// route, which is the only way before the WAN pool knows the datacenter. That name is
    /// tried only for a datacenter known some way: the primary, one with a federation state
    /// (`has_state`), or one the WAN pool has seen; a name nothing knows has no path.
    pub fn targets(&self, datacenter: &str, has_state: bool) -> Vec<Target> {
        let mut targets = self.servers_in(datacenter);
        let seen = || self.wan.iter().flat_map(|w| w.members()).any(|m| m.id.meta.datacenter == datacenter);
        if self.via_gateways && (datacenter == self.primary || has_state || seen()) {
            targets.push(Target {
                addr: format!("server.{datacenter}"),
                node: None,
                datacenter: datacenter.to_owned(),
            });
        }
        targets
    }
}
