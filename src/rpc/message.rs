//! RPC requests and replies (MessagePack with field names on the wire).
//!
//! Every request travels in an [`Envelope`] with its [`RequestContext`]; every answer is an
//! [`Answer`]: the reply, or the typed reason there is none.

use serde::{Deserialize, Serialize};

use crate::state::{Command, ReadReply, ReadRequest, RequestContext, RequestError, Response};

/// A request to a server, with its context.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    pub context: RequestContext,
    pub request: Request,
}

/// What a server is asked to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Who are you? Also a cheap liveness probe.
    Ping,
    /// A write.
    Apply(Command),
    /// A (possibly blocking) read.
    Read(ReadRequest),
    /// Who leads, who votes.
    Status,
    /// The datacenters this server knows (its own and those in the WAN pool).
    Datacenters,
    /// Remove a raft member (by node id); served by the leader.
    RemovePeer(u64),
    /// Sign a Connect leaf CSR (PEM) with this datacenter's CA; served by any server.
    ConnectSign { csr: String },
    /// Sign a secondary datacenter's intermediate CA CSR (PEM) with the root; served by any
    /// server of the primary, for servers only.
    ConnectSignIntermediate { csr: String },
    /// Set the CA's settings (and rotate its root when they name a new key); served by any
    /// server of the primary. Answers `Applied(Bool(rotated))`.
    ConnectCaSetConfig(Box<crate::state::CaConfigRequest>),
    /// A keyring operation on this datacenter's LAN pool, or (`wan`) the WAN pool; served by
    /// any server.
    Keyring { wan: bool, op: crate::gossip::KeyringOp },
    /// Restart a session's TTL timer; served by the leader (where the timers are). Answers
    /// `Read` with the session (none: not found).
    SessionRenew { id: String },
}

/// A server's answer to a request it served.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    Pong(PeerInfo),
    Applied(Response),
    Read(ReadReply),
    Status(StatusInfo),
    Datacenters(Vec<String>),
    Removed,
    Signed(SignedCert),
    /// An intermediate CA certificate the primary signed.
    SignedIntermediate(SignedIntermediate),
    /// What a pool's members answered to a keyring operation.
    Keyring(crate::gossip::PoolKeys),
}

/// An intermediate CA certificate (PEM) the primary signed, and when it expires (RFC 3339).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedIntermediate {
    pub cert_pem: String,
    pub not_before: String,
    pub not_after: String,
    /// The root that signed it.
    pub root_id: String,
}

/// A leaf certificate a server signed (the private key never leaves the agent that asked).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SignedCert {
    pub cert_pem: String,
    pub serial_number: String,
    pub service: String,
    pub service_uri: String,
    /// RFC 3339.
    pub valid_after: String,
    pub valid_before: String,
    /// The raft index at signing: what blocking queries on the leaf compare.
    pub index: u64,
}

/// What travels back: the reply, or why there is none.
pub type Answer = Result<Reply, RequestError>;

/// What a server says about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeerInfo {
    pub node: String,
    pub datacenter: String,
    pub server: bool,
    /// It is leaving the datacenter (a graceful leave has begun).
    #[serde(default)]
    pub leaving: bool,
}

/// The raft view of a server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusInfo {
    /// The leader's server address, or empty.
    pub leader: String,
    pub peers: Vec<String>,
}

pub fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>, std::io::Error> {
    rmp_serde::to_vec_named(value).map_err(std::io::Error::other)
}

pub fn decode<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, std::io::Error> {
    rmp_serde::from_slice(bytes).map_err(std::io::Error::other)
}
