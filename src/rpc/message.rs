//! RPC requests and replies (MessagePack with field names on the wire).

use serde::{Deserialize, Serialize};

use crate::raft::ApplyError;
use crate::state::{Command, Query, QueryResult, Response};

/// A request to a server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Who are you? Also a cheap liveness probe.
    Ping,
    /// A write. `forwarded` is set when a server forwards to the leader: such a write is
    /// proposed there or fails, it never travels further.
    Apply { command: Command, forwarded: bool },
    /// A (possibly blocking) read.
    Read(ReadRequest),
    /// Who leads, who votes.
    Status,
    /// The datacenters this server knows (its own and those in the WAN pool).
    Datacenters,
    /// `request`, to be served in `datacenter` (a client agent asks a server to route it).
    InDc { datacenter: String, request: Box<Request> },
    /// Remove a raft member (by node id); served by the leader.
    RemovePeer(u64),
}

/// A server's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    Pong(PeerInfo),
    Applied(Result<Response, ApplyError>),
    Removed(Result<(), ApplyError>),
    Read(Result<ReadReply, ApplyError>),
    Status(StatusInfo),
    Datacenters(Vec<String>),
    /// The request could not be served here (not a server, unknown request, ...).
    Refused(String),
}

/// What a server says about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeerInfo {
    pub node: String,
    pub datacenter: String,
    pub server: bool,
}

pub fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>, std::io::Error> {
    rmp_serde::to_vec_named(value).map_err(std::io::Error::other)
}

pub fn decode<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, std::io::Error> {
    rmp_serde::from_slice(bytes).map_err(std::io::Error::other)
}

/// A read over RPC: served locally when stale or by the leader, forwarded once otherwise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReadRequest {
    pub query: Query,
    pub min_index: u64,
    pub wait_ms: u64,
    pub stale: bool,
    pub consistent: bool,
    pub forwarded: bool,
}

/// A read's answer and what the reference's `X-Consul-*` headers need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReadReply {
    pub index: u64,
    pub result: QueryResult,
    pub known_leader: bool,
    pub last_contact_ms: u64,
}

/// The raft view of a server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusInfo {
    /// The leader's server address, or empty.
    pub leader: String,
    pub peers: Vec<String>,
}
