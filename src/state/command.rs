//! What goes into the raft log: one [`Command`] per entry, applied by every server's state
//! machine in log order. Adding a table means adding a variant here and its apply arm in
//! `store.rs`; nothing else in the raft path changes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::config_entry::ConfigEntry;
use super::intention::IntentionOp;
use super::types::{ConnectCa, FederationState, HealthCheck, NodeService, SigningIntermediate};

/// A replicated write.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Command {
    /// Catalog register: a node, optionally a service on it and checks.
    Register(Box<RegisterRequest>),
    /// Catalog deregister: a whole node, one service (and its checks), or one check.
    Deregister(DeregisterRequest),
    /// A key/value operation.
    Kv(KvOp),
    /// Write or remove a datacenter's federation state.
    FederationState(FederationStateOp),
    /// Create or replace the Connect CA (trust domain and roots).
    ConnectCa(ConnectCaOp),
    /// Write or remove config entries (`ConfigEntry.Apply` / `Delete`, and replication).
    ConfigEntry(ConfigEntryOp),
    /// ACL tokens, policies and roles.
    Acl(super::acl::AclOp),
    /// Create or destroy a session.
    Session(super::session::SessionOp),
    /// A transaction (`/v1/txn`): every op applied, or none ([`Response::Txn`] says which).
    Txn(Vec<super::txn::TxnOp>),
    /// Several independent commands proposed together (group commit): applied in order at
    /// one raft index, each with its own outcome in [`Response::Batch`]. Never nested.
    Batch(Vec<Command>),
}

impl From<RegisterRequest> for Command {
    fn from(req: RegisterRequest) -> Self {
        Command::Register(Box::new(req))
    }
}

/// `/v1/catalog/register`'s body (`RegisterRequest` in the reference).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct RegisterRequest {
    pub datacenter: String,
    #[serde(rename = "ID")]
    pub id: String,
    pub node: String,
    pub address: String,
    pub tagged_addresses: BTreeMap<String, String>,
    pub node_meta: BTreeMap<String, String>,
    pub service: Option<NodeService>,
    pub check: Option<HealthCheck>,
    pub checks: Vec<HealthCheck>,
    /// Register the service/checks without touching the node's own fields.
    pub skip_node_update: bool,
}

/// `/v1/catalog/deregister`'s body.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DeregisterRequest {
    pub datacenter: String,
    pub node: String,
    #[serde(rename = "ServiceID")]
    pub service_id: String,
    #[serde(rename = "CheckID")]
    pub check_id: String,
}

/// Key/value operations, as the reference's KV verbs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum KvOp {
    Set {
        key: String,
        value: Vec<u8>,
        flags: u64,
    },
    /// Set only if the key's ModifyIndex is `index` (0: only if the key does not exist).
    Cas {
        key: String,
        value: Vec<u8>,
        flags: u64,
        index: u64,
    },
    Delete {
        key: String,
    },
    /// Delete only if the key's ModifyIndex is `index`.
    DeleteCas {
        key: String,
        index: u64,
    },
    /// Delete every key starting with `prefix`.
    DeleteTree {
        prefix: String,
    },
    /// `?acquire=`: take the key for `session` (false when another session holds it).
    Lock {
        key: String,
        value: Vec<u8>,
        flags: u64,
        session: String,
    },
    /// `?release=`: let go of the key (false unless `session` holds it).
    Unlock {
        key: String,
        value: Vec<u8>,
        flags: u64,
        session: String,
    },
}

/// Federation-state writes (`FederationState.Apply`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FederationStateOp {
    Upsert(Box<FederationState>),
    Delete { datacenter: String },
}

/// Connect CA writes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ConnectCaOp {
    /// The primary's first leader: store this CA unless one exists (so a second leader racing
    /// the first cannot replace the federation's trust domain). Answers whether it was stored.
    Initialize(Box<ConnectCa>),
    /// A secondary mirroring the primary's CA.
    Replace(Box<ConnectCa>),
    /// The primary's new CA settings, and after a rotation its new roots: applied only while
    /// the active root is still `expected_active` (two racing rotations cannot both win).
    Update { expected_active: String, ca: Box<ConnectCa> },
    /// A secondary's leader stores the intermediate the primary signed for it.
    SetIntermediate(Box<SigningIntermediate>),
}

/// Config-entry writes. Users' writes and deletes are applied in the primary only; each
/// secondary mirrors the primary's table with [`ConfigEntryOp::Replace`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ConfigEntryOp {
    /// Creates or replaces one entry (normalised, then validated). With `cas`, only while the
    /// stored entry's ModifyIndex is `cas` (0: only if there is none); a mismatch answers
    /// `Bool(false)` and changes nothing, a write `Bool(true)`.
    Set { entry: Box<ConfigEntry>, cas: Option<u64> },
    /// Removes one entry (nothing to remove is not an error).
    Delete { kind: String, name: String },
    /// A secondary's replication: the whole table becomes `entries` (the primary's content,
    /// kept as it is) in one step, so a reader never sees half a round. Entries whose content
    /// did not change keep their indexes; the table's index moves only when something did.
    Replace { entries: Vec<ConfigEntry> },
    /// A 1.8 `/v1/connect/intentions` write, applied onto the `service-intentions` entries.
    Intention(IntentionOp),
}

/// The result of a command the state machine accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Response {
    Done,
    /// KV operations answer true/false; a failed CAS is `Bool(false)`, not an error.
    Bool(bool),
    /// The outcomes of a [`Command::Batch`], in order. Only the raft layer sees this: it
    /// hands each proposer its own command's result.
    Batch(Vec<CommandResult>),
    /// A transaction's results, or its failures (then nothing changed).
    Txn(super::txn::TxnOutcome),
}

/// A command the state machine rejected. Deterministic: every server rejects it the same
/// way, and the store is left unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum StateError {
    #[error("missing node name")]
    MissingNode,
    /// A session refused, or a lock naming a session that does not exist, in the
    /// reference's words.
    #[error("{0}")]
    Session(String),
    #[error("missing node address")]
    MissingAddress,
    #[error("missing service ID")]
    MissingServiceId,
    #[error("missing service name")]
    MissingServiceName,
    #[error("missing check ID")]
    MissingCheckId,
    #[error("missing key name")]
    MissingKey,
    #[error("unknown service ID {service_id:?} for check ID {check_id:?} on node {node:?}")]
    UnknownServiceForCheck { node: String, service_id: String, check_id: String },
    #[error("check {check_id:?} is for node {check_node:?}, not {node:?}")]
    CheckNodeMismatch { node: String, check_node: String, check_id: String },
    #[error("node {node:?} is not registered; register it with its address first")]
    UnknownNode { node: String },
    #[error("batches cannot be nested")]
    NestedBatch,
    #[error("invalid Connect CA: {0}")]
    InvalidConnectCa(String),
    #[error("invalid federation state: {0}")]
    InvalidFederationState(String),
    /// A config entry the reference's validation refuses, in its words (the HTTP API answers
    /// the message alone, as the reference does).
    #[error("{0}")]
    InvalidConfigEntry(String),
    /// An intention the reference refuses (invalid, a duplicate, an unknown ID), in its words.
    #[error("{0}")]
    InvalidIntention(String),
    /// An ACL write the reference refuses, in its words.
    #[error("{0}")]
    InvalidAcl(String),
    /// `/v1/acl/bootstrap` after the first token was made.
    #[error("Permission denied: ACL bootstrap no longer allowed (reset index: {reset_index})")]
    AclBootstrapDone { reset_index: u64 },
}

/// What the state machine returns for each log entry: the command's own outcome. It travels
/// through raft unchanged and becomes the `Err` of the one apply function when rejected.
pub type CommandResult = Result<Response, StateError>;
