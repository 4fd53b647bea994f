//! Raft for one datacenter's servers: openraft 0.9 over a redb log (group commit), with the
//! state store as its state machine.
//!
//! [`RaftNode::apply`] is the one write path: it proposes a command and returns the
//! command's [`Response`], or an [`ApplyError`] that is either the state machine's rejection
//! of that command or raft's failure to commit it. No caller inspects a successful response
//! for an error.

mod db;
mod log_store;
mod network;
mod proposer;
mod state_machine;
mod types;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use openraft::error::RaftError;
use openraft::{BasicNode, Config, SnapshotPolicy};

pub use log_store::LogStore;
pub use network::NoPeers;
pub use state_machine::StateMachine;
pub use types::{Entry, LogId, NodeId, Raft, StorageError, TypeConfig};

use crate::state::{Command, Response, StateError, StateHandle};

/// How to run the raft node.
#[derive(Debug, Clone)]
pub struct RaftOptions {
    /// Where `raft.db` lives; `None` keeps everything in memory (`-dev`).
    pub data_dir: Option<PathBuf>,
    pub node_id: NodeId,
    /// This server's RPC address, as peers will dial it.
    pub rpc_addr: String,
    /// Take a snapshot (and compact the log) after this many entries.
    pub snapshot_threshold: u64,
    /// Entries kept in the log behind a snapshot, for slow followers.
    pub keep_after_snapshot: u64,
}

impl Default for RaftOptions {
    fn default() -> Self {
        RaftOptions {
            data_dir: None,
            node_id: 1,
            rpc_addr: "127.0.0.1:8300".into(),
            snapshot_threshold: 16_384,
            keep_after_snapshot: 1_024,
        }
    }
}

/// Why a write did not happen. Serializable: it travels back over forwarded RPCs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum ApplyError {
    /// The state machine rejected the command; nothing changed.
    #[error(transparent)]
    Rejected(#[from] StateError),
    /// This server is not the leader.
    #[error("this server is not the raft leader (leader: {})", leader.map_or("unknown".to_owned(), |l| l.to_string()))]
    NotLeader { leader: Option<NodeId> },
    /// Raft stopped or storage failed.
    #[error("raft: {0}")]
    Raft(String),
}

/// Why raft could not start.
#[derive(Debug, thiserror::Error)]
pub enum RaftStartError {
    #[error("opening the raft database {path}: {source}")]
    Database { path: String, source: redb::Error },
    #[error("loading raft state: {0}")]
    Load(#[from] std::io::Error),
    #[error("raft configuration: {0}")]
    Config(String),
    #[error("starting raft: {0}")]
    Start(String),
}

/// A running raft member and the state it replicates.
#[derive(Clone)]
pub struct RaftNode {
    raft: Raft,
    state: StateHandle,
    log: LogStore,
    id: NodeId,
    /// Every write goes through the proposer (group commit).
    proposer: tokio::sync::mpsc::Sender<proposer::Proposal>,
}

impl std::fmt::Debug for RaftNode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RaftNode")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

impl RaftNode {
    /// Opens the log and the last snapshot and starts raft. Call [`RaftNode::bootstrap`] to
    /// form a new single-server cluster.
    pub async fn start(opts: &RaftOptions) -> Result<RaftNode, RaftStartError> {
        let (log, sm) = open_storage(opts.data_dir.as_deref())?;
        let state = sm.state();
        let config = Config {
            cluster_name: "fedctl".into(),
            heartbeat_interval: 100,
            election_timeout_min: 300,
            election_timeout_max: 600,
            snapshot_policy: SnapshotPolicy::LogsSinceLast(opts.snapshot_threshold),
            max_in_snapshot_log_to_keep: opts.keep_after_snapshot,
            max_payload_entries: 1024,
            ..Config::default()
        }
        .validate()
        .map_err(|e| RaftStartError::Config(e.to_string()))?;
        let raft = Raft::new(opts.node_id, Arc::new(config), NoPeers, log.clone(), sm)
            .await
            .map_err(|e| RaftStartError::Start(e.to_string()))?;
        let proposer = proposer::spawn(raft.clone());
        Ok(RaftNode {
            raft,
            state,
            log,
            id: opts.node_id,
            proposer,
        })
    }

    /// Forms a single-voter cluster of this node if raft has never been initialised; a no-op
    /// on restart.
    pub async fn bootstrap(&self, rpc_addr: &str) -> Result<(), ApplyError> {
        let initialized = self
            .raft
            .is_initialized()
            .await
            .map_err(|e| ApplyError::Raft(e.to_string()))?;
        if initialized {
            return Ok(());
        }
        let members = BTreeMap::from([(
            self.id,
            BasicNode {
                addr: rpc_addr.to_owned(),
            },
        )]);
        match self.raft.initialize(members).await {
            Ok(()) => Ok(()),
            Err(RaftError::APIError(openraft::error::InitializeError::NotAllowed(_))) => Ok(()),
            Err(e) => Err(ApplyError::Raft(e.to_string())),
        }
    }

    /// The one write path: propose `command`, wait until it is committed and applied, and
    /// return its outcome. Concurrent calls share raft entries (see `proposer`), but each
    /// gets only its own command's result.
    pub async fn apply(&self, command: Command) -> Result<Response, ApplyError> {
        if matches!(command, Command::Batch(_)) {
            return Err(ApplyError::Rejected(StateError::NestedBatch));
        }
        let (reply, answer) = tokio::sync::oneshot::channel();
        self.proposer
            .send(proposer::Proposal { command, reply })
            .await
            .map_err(|_| ApplyError::Raft("raft is shutting down".into()))?;
        answer
            .await
            .map_err(|_| ApplyError::Raft("raft stopped before the write was answered".into()))?
    }

    /// Confirms with a quorum that this node is still the leader, so a read that follows
    /// sees every write acknowledged before it (`?consistent`).
    pub async fn ensure_linearizable(&self) -> Result<(), ApplyError> {
        match self.raft.ensure_linearizable().await {
            Ok(_) => Ok(()),
            Err(RaftError::APIError(openraft::error::CheckIsLeaderError::ForwardToLeader(f))) => {
                Err(ApplyError::NotLeader {
                    leader: f.leader_id,
                })
            }
            Err(e) => Err(ApplyError::Raft(e.to_string())),
        }
    }

    /// The replicated state, for reads.
    pub fn state(&self) -> &StateHandle {
        &self.state
    }

    pub fn id(&self) -> NodeId {
        self.id
    }

    /// The current leader's id, if known.
    pub fn leader(&self) -> Option<NodeId> {
        self.raft.metrics().borrow().current_leader
    }

    /// Time since the leader was last heard from (zero on the leader itself).
    pub fn last_contact(&self) -> Option<Duration> {
        let metrics = self.raft.metrics().borrow().clone();
        if metrics.current_leader == Some(self.id) {
            return Some(Duration::ZERO);
        }
        metrics.millis_since_quorum_ack.map(Duration::from_millis)
    }

    /// Waits until some node is leader, up to `timeout`.
    pub async fn wait_for_leader(&self, timeout: Duration) -> Option<NodeId> {
        let mut metrics = self.raft.metrics();
        let wait = async {
            loop {
                if let Some(leader) = metrics.borrow().current_leader {
                    return leader;
                }
                if metrics.changed().await.is_err() {
                    std::future::pending::<()>().await;
                }
            }
        };
        tokio::time::timeout(timeout, wait).await.ok()
    }

    /// Raft voters and their RPC addresses.
    pub fn voters(&self) -> Vec<(NodeId, String)> {
        let metrics = self.raft.metrics().borrow().clone();
        let membership = metrics.membership_config.membership();
        membership
            .nodes()
            .filter(|(id, _)| membership.voter_ids().any(|v| v == **id))
            .map(|(id, n)| (*id, n.addr.clone()))
            .collect()
    }

    /// Entries currently in the log (compaction keeps this bounded).
    pub fn log_len(&self) -> usize {
        self.log.len()
    }

    /// The index of the latest snapshot, if any.
    pub fn snapshot_index(&self) -> Option<u64> {
        self.raft.metrics().borrow().snapshot.map(|s| s.index)
    }

    /// Asks raft to take a snapshot now.
    pub async fn trigger_snapshot(&self) -> Result<(), ApplyError> {
        self.raft
            .trigger()
            .snapshot()
            .await
            .map_err(|e| ApplyError::Raft(e.to_string()))
    }

    /// Stops raft (pending writes fail), flushes the log and releases the database.
    pub async fn shutdown(&self) {
        if let Err(e) = self.raft.shutdown().await {
            tracing::warn!(error = %e, "raft did not shut down cleanly");
        }
        if let Err(e) = self.log.close().await {
            tracing::warn!(error = %e, "closing the raft log failed");
        }
    }
}

/// Opens raft's storage in `data_dir` (`raft.db`), or in memory: the log store and the state
/// machine restored from the latest snapshot.
pub fn open_storage(
    data_dir: Option<&std::path::Path>,
) -> Result<(LogStore, StateMachine), RaftStartError> {
    let db = db::open(data_dir).map_err(|source| RaftStartError::Database {
        path: data_dir.map_or("<memory>".into(), |d| {
            d.join("raft.db").display().to_string()
        }),
        source,
    })?;
    Ok((LogStore::open(db.clone())?, StateMachine::open(db)?))
}

/// A stable raft node id for a node name (the first 8 bytes of its SHA-256).
pub fn node_id_for(name: &str) -> NodeId {
    let digest = ring::digest::digest(&ring::digest::SHA256, name.as_bytes());
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&digest.as_ref()[..8]);
    u64::from_be_bytes(bytes)
}
