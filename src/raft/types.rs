use std::io::Cursor;

pub use crate::state::ServerNode;
use crate::state::{Command, CommandResult};

openraft::declare_raft_types!(
    /// fedctl's raft: log entries carry a [`Command`]; applying one yields its [`CommandResult`].
    pub TypeConfig:
        D = Command,
        R = CommandResult,
        Node = ServerNode,
);

pub type NodeId = u64;
pub type Entry = openraft::Entry<TypeConfig>;
pub type LogId = openraft::LogId<NodeId>;
pub type Vote = openraft::Vote<NodeId>;
pub type StorageError = openraft::StorageError<NodeId>;
pub type StoredMembership = openraft::StoredMembership<NodeId, ServerNode>;
pub type SnapshotMeta = openraft::SnapshotMeta<NodeId, ServerNode>;
pub type Raft = openraft::Raft<TypeConfig>;
