//! Who a gossip member is: its node name, gossip address and metadata.

use std::net::SocketAddr;

use serde::{Deserialize, Serialize};

/// What every member tells the others about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MemberMeta {
    pub server: bool,
    pub datacenter: String,
    /// The member's server port (servers only).
    pub rpc_port: u16,
    pub build: String,
    /// Set on the way out, so peers can tell a graceful leave from a failure.
    pub leaving: bool,
    /// A server's WAN gossip port, told to its LAN pool (0: none).
    pub wan_port: u16,
    /// Where its DNS interface answers (`ip:port`; empty: none).
    pub dns: String,
}

/// A member's identity. `generation` changes when an agent restarts or rejoins, so the
/// newer incarnation of the same address wins.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MemberId {
    pub name: String,
    pub addr: SocketAddr,
    pub generation: u64,
    pub meta: MemberMeta,
}

impl MemberId {
    pub fn new(name: &str, addr: SocketAddr, meta: MemberMeta) -> MemberId {
        let generation = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_micros() as u64)
            .unwrap_or(0);
        MemberId { name: name.to_owned(), addr, generation, meta }
    }

    /// A placeholder for an address we only know from `-join`: foca sends it an announce, and
    /// the real member answers with its own identity.
    pub fn probe(addr: SocketAddr) -> MemberId {
        MemberId { name: String::new(), addr, generation: 0, meta: MemberMeta::default() }
    }

    /// A placeholder for "any server of `datacenter`", reached through mesh gateways: the
    /// address is never dialled (TEST-NET-1, as the reference's `*.<dc>/192.0.2.2`).
    pub fn probe_datacenter(datacenter: &str) -> MemberId {
        let addr = SocketAddr::from(([192, 0, 2, 2], 8302));
        MemberId {
            name: String::new(),
            addr,
            generation: 0,
            meta: MemberMeta { server: true, datacenter: datacenter.to_owned(), ..MemberMeta::default() },
        }
    }

    /// The node name of a WAN member (`<node>.<dc>`), or `None` for a probe.
    pub fn node(&self) -> Option<&str> {
        if self.name.is_empty() {
            return None;
        }
        Some(self.name.strip_suffix(&format!(".{}", self.meta.datacenter)).unwrap_or(&self.name))
    }

    pub fn is_probe(&self) -> bool {
        self.name.is_empty()
    }

    /// The same member, announcing that it is leaving.
    pub fn leaving(&self) -> MemberId {
        let mut id = self.clone();
        id.generation += 1;
        id.meta.leaving = true;
        id
    }

    /// The server port address of a server member.
    pub fn rpc_addr(&self) -> SocketAddr {
        SocketAddr::new(self.addr.ip(), self.meta.rpc_port)
    }
}

impl foca::Identity for MemberId {
    type Addr = SocketAddr;

    fn renew(&self) -> Option<Self> {
        let mut id = self.clone();
        id.generation += 1;
        Some(id)
    }

    fn addr(&self) -> SocketAddr {
        self.addr
    }

    fn win_addr_conflict(&self, adversary: &Self) -> bool {
        self.generation > adversary.generation
    }
}
