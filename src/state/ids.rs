//! Identifiers of the data model: random UUIDs (node IDs, cluster IDs), and a server as raft
//! and the RPC layer name it.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A random (version 4) UUID.
pub fn new_uuid() -> String {
    use ring::rand::SecureRandom;
    let mut b = [0u8; 16];
    let _ = ring::rand::SystemRandom::new().fill(&mut b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

/// A server: its node name (for `<node>.server.<dc>.<domain>`) and server port address. Raft's
/// member type, and what a "not the leader" answer names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ServerNode {
    pub name: String,
    pub addr: String,
}

impl fmt::Display for ServerNode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}@{}", self.name, self.addr)
    }
}
