//! The servers a client agent knows from gossip.

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::gossip::{Gossip, MemberId, MemberStatus};
use crate::rpc::Target;

/// The alive servers of `datacenter` in a gossip pool, as RPC targets named by node (a WAN
/// member `<node>.<dc>` by its node).
pub(super) fn alive_servers(gossip: &Gossip, datacenter: &str, trusted: impl Fn(&MemberId) -> bool) -> Vec<Target> {
    gossip
        .members()
        .into_iter()
        .filter(|m| m.status == MemberStatus::Alive && m.id.meta.server && m.id.meta.datacenter == datacenter)
        .filter(|m| trusted(&m.id))
        .map(|m| Target {
            addr: m.id.rpc_addr().to_string(),
            node: m.id.node().map(str::to_owned),
            datacenter: datacenter.to_owned(),
        })
        .collect()
}

/// The alive servers of this agent's datacenter in its LAN pool.
#[derive(Debug)]
pub struct ServerPool {
    gossip: Gossip,
    datacenter: String,
    /// Where the next request starts, so load spreads and a dead server is not always first.
    next: AtomicUsize,
}

impl ServerPool {
    pub fn new(gossip: Gossip, datacenter: &str) -> ServerPool {
        ServerPool { gossip, datacenter: datacenter.to_owned(), next: AtomicUsize::new(0) }
    }

    /// The alive servers, starting with a different one each time. Not confirmed as a
    /// server's WAN members are: with verify_server_hostname a forged member fails the TLS
    /// handshake (it has no certificate for `<node>.server.<dc>.<domain>`) and the request
    /// goes on to the next server.
    pub fn servers(&self) -> Vec<Target> {
        let mut servers = alive_servers(&self.gossip, &self.datacenter, |_| true);
        if !servers.is_empty() {
            let start = self.next.fetch_add(1, Ordering::Relaxed) % servers.len();
            servers.rotate_left(start);
        }
        servers
    }
}
