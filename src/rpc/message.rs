//! RPC requests and replies (MessagePack with field names on the wire).

use serde::{Deserialize, Serialize};

use crate::raft::ApplyError;
use crate::state::{Command, Response};

/// A request to a server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Who are you? Also a cheap liveness probe.
    Ping,
    /// A write for the leader to propose.
    Apply(Command),
    /// Remove a raft member (by node id); served by the leader.
    RemovePeer(u64),
}

/// A server's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    Pong(PeerInfo),
    Applied(Result<Response, ApplyError>),
    Removed(Result<(), ApplyError>),
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
