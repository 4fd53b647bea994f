//! Why a request was not served: the one error type of every read and write, from the state
//! machine's rejection to a server that could not be reached. Serializable, so it travels back
//! over forwarded RPCs unchanged; the HTTP API maps it to a status and body in one place.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::command::StateError;
use super::ids::ServerNode;

/// Why a request failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum RequestError {
    /// The request is invalid (the state machine refused it; the error names the field).
    /// Nothing changed.
    #[error(transparent)]
    Rejected(#[from] StateError),
    /// The request cannot be served as asked: `field` says which part of it.
    #[error("invalid {field}: {reason}")]
    Invalid { field: String, reason: String },
    /// This server is not the raft leader; the leader, when one is known.
    #[error("this server is not the raft leader (leader: {})", leader.as_ref().map_or("unknown".to_owned(), ToString::to_string))]
    NotLeader { leader: Option<ServerNode> },
    /// This server led, but no quorum has acknowledged it for `since_ms`: a partition may have
    /// deposed it. A read or a new write was not served; a write already `proposed` may
    /// still be committed (or not) once the partition heals.
    #[error("leadership lost: no quorum of servers has answered this leader for {since_ms} ms{}", if *proposed { "; the write was proposed and may still be committed" } else { "" })]
    LeadershipLost { since_ms: u64, proposed: bool },
    /// The request as a whole is not acceptable; the message says why, in the reference's
    /// words where it has them. Nothing changed.
    #[error("{0}")]
    BadInput(String),
    /// The Connect CA could not sign (no CA yet, no key here, or a CSR it refuses), in the
    /// reference's words.
    #[error("{0}")]
    Ca(String),
    /// No leader was elected while the request was retried.
    #[error("No cluster leader")]
    NoLeader,
    /// A client agent knows no server of its datacenter (it has not joined yet).
    #[error("No known Consul servers")]
    NoServers,
    /// No server of that datacenter is known (not in the WAN pool, and no gateway route).
    #[error("No path to datacenter {0:?}")]
    NoPathToDatacenter(String),
    /// A server that was tried could not be reached.
    #[error("reaching {target}: {reason}")]
    Unreachable { target: String, reason: String },
    /// The caller may not do this: `Permission denied: …` or `ACL not found`, as the reference.
    #[error("{0}")]
    PermissionDenied(String),
    /// What the request names does not exist.
    #[error("{0}")]
    NotFound(String),
    /// The request was not answered before its deadline.
    #[error("no answer within {0:?}")]
    Timeout(Duration),
    /// Raft stopped or its storage failed.
    #[error("storage: {0}")]
    Storage(String),
    /// A peer answered something this agent does not understand (a malformed request or
    /// reply, a version mismatch).
    #[error("protocol: {0}")]
    Protocol(String),
}
