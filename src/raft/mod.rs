//! Raft for one datacenter's servers: openraft 0.9 over a redb log (group commit), with the
//! state store as its state machine.
//!
//! [`RaftNode::apply`] proposes a command on this node and returns the command's
//! [`Response`](crate::state::Response), or a [`RequestError`]: the state machine's rejection,
//! `NotLeader` naming the leader, or raft's failure to commit it. Raft never forwards and never
//! builds application messages; the backend decides where a request goes.

mod db;
mod lease;
mod log_store;
mod membership;
mod network;
mod proposer;
mod read;
mod state_machine;
mod types;
mod write;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use openraft::error::RaftError;
use openraft::{Config, SnapshotPolicy};

pub use log_store::LogStore;
pub use network::{RaftReply, RaftRequest, RpcNetwork};
pub use state_machine::StateMachine;
pub use types::{Entry, LogId, NodeId, Raft, ServerNode, StorageError, TypeConfig};

use crate::rpc::RpcClient;
use crate::state::{RequestError, StateHandle};

/// How to run the raft node.
#[derive(Debug, Clone)]
pub struct RaftOptions {
    /// Where `raft.db` lives; `None` keeps everything in memory (`-dev`).
    pub data_dir: Option<PathBuf>,
    pub node_id: NodeId,
    /// This server's node name.
    pub node_name: String,
    pub datacenter: String,
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
            node_name: "server".into(),
            datacenter: "dc1".into(),
            rpc_addr: "127.0.0.1:8300".into(),
            snapshot_threshold: 16_384,
            keep_after_snapshot: 1_024,
        }
    }
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
    /// Every local write goes through the proposer (group commit).
    proposer: tokio::sync::mpsc::Sender<proposer::Proposal>,
    /// What this server last heard from a quorum (leading) or from its leader (following).
    contact: lease::Contact,
    /// The proposer's task and the lease tracker, owned by the node and ended by
    /// [`RaftNode::shutdown`].
    tasks: Arc<std::sync::Mutex<Vec<tokio::task::JoinHandle<()>>>>,
}

impl std::fmt::Debug for RaftNode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RaftNode").field("id", &self.id).finish_non_exhaustive()
    }
}

impl RaftNode {
    /// Opens the log and the last snapshot and starts raft, talking to peers through `rpc`.
    /// Call [`RaftNode::bootstrap`] to form a new cluster.
    pub async fn start(opts: &RaftOptions, rpc: RpcClient) -> Result<RaftNode, RaftStartError> {
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
        let network = RpcNetwork::new(rpc, &opts.datacenter);
        let raft = Raft::new(opts.node_id, Arc::new(config), network, log.clone(), sm)
            .await
            .map_err(|e| RaftStartError::Start(e.to_string()))?;
        let (proposer, task) = proposer::spawn(raft.clone());
        let contact = lease::Contact::default();
        let tracker = tokio::spawn(lease::track(raft.clone(), contact.clone()));
        let tasks = Arc::new(std::sync::Mutex::new(vec![task, tracker]));
        Ok(RaftNode { raft, state, log, id: opts.node_id, proposer, contact, tasks })
    }

    /// Forms a cluster of `members` if raft has never been initialised; a no-op on restart or
    /// when another member already formed it. Every founding member may call this with the
    /// same set.
    pub async fn bootstrap(&self, members: &[(NodeId, ServerNode)]) -> Result<(), RequestError> {
        let initialized = self.raft.is_initialized().await.map_err(|e| RequestError::Storage(e.to_string()))?;
        if initialized {
            return Ok(());
        }
        let members: BTreeMap<NodeId, ServerNode> = members.iter().cloned().collect();
        match self.raft.initialize(members).await {
            Ok(()) => Ok(()),
            Err(RaftError::APIError(openraft::error::InitializeError::NotAllowed(_))) => Ok(()),
            Err(e) => Err(RequestError::Storage(e.to_string())),
        }
    }

    /// Confirms with a quorum that this node is still the leader, so a read that follows
    /// sees every write acknowledged before it (`?consistent`, and a default read once the
    /// lease has lapsed). A deposed leader, or a round unanswered within a second, is
    /// `LeadershipLost`.
    pub async fn ensure_linearizable(&self) -> Result<(), RequestError> {
        if let Some(since) = self.deposed() {
            return Err(RequestError::LeadershipLost { since_ms: since.as_millis() as u64, proposed: false });
        }
        if !self.is_leader() {
            return Err(self.not_leader(self.leader()));
        }
        // A quorum round: a heartbeat's answers, unless they do not come in time.
        match tokio::time::timeout(lease::DEPOSED_AFTER, self.raft.ensure_linearizable()).await {
            Ok(Ok(_)) => Ok(()),
            Ok(Err(RaftError::APIError(openraft::error::CheckIsLeaderError::ForwardToLeader(f)))) => {
                Err(self.not_leader(f.leader_id))
            }
            Ok(Err(e)) => Err(RequestError::Storage(e.to_string())),
            Err(_) => Err(RequestError::LeadershipLost {
                since_ms: self.contact.without_quorum().unwrap_or_default().as_millis() as u64,
                proposed: false,
            }),
        }
    }

    /// `NotLeader`, naming the leader `leader_id` (when it is a known member).
    pub fn not_leader(&self, leader_id: Option<NodeId>) -> RequestError {
        let leader = leader_id
            .filter(|l| *l != self.id)
            .and_then(|l| self.members().into_iter().find(|(id, _)| *id == l).map(|(_, node)| node));
        RequestError::NotLeader { leader }
    }

    /// Fills in the leader of a `NotLeader` that only knew its id (from the proposer).
    fn name_leader(&self, e: RequestError) -> RequestError {
        match e {
            RequestError::NotLeader { leader: None } => self.not_leader(self.leader()),
            other => other,
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
        let leader = self.raft.metrics().borrow().current_leader;
        match leader {
            Some(l) if l == self.id && self.deposed().is_some() => None,
            other => other,
        }
    }

    /// As leader: `Some(how long)` when no quorum has acknowledged this server for
    /// [`lease::DEPOSED_AFTER`] or more; it then acts as deposed (see [`lease`]).
    pub fn deposed(&self) -> Option<Duration> {
        if self.raft.metrics().borrow().current_leader != Some(self.id) {
            return None;
        }
        let since = self.contact.without_quorum()?;
        (since >= lease::DEPOSED_AFTER).then_some(since)
    }

    /// Whether this leader may serve a linearizable read from its own state now: within its
    /// lease, and with an entry of its own term applied (so every write committed by an
    /// earlier leader is applied here too).
    fn within_lease(&self) -> bool {
        let m = self.raft.metrics().borrow().clone();
        m.current_leader == Some(self.id)
            && m.last_applied.is_some_and(|l| l.leader_id.term == m.current_term)
            && self.contact.since_quorum().is_some_and(|since| since < lease::LEASE)
    }

    /// Whether this server knows a leader it has heard from lately: as leader, a quorum
    /// acknowledged it within [`lease::DEPOSED_AFTER`]; as follower, the leader's last
    /// append-entries is that recent.
    pub fn known_leader(&self) -> bool {
        match self.leader() {
            None => false,
            Some(l) if l == self.id => true,
            Some(_) => self.contact.since_leader().is_some_and(|since| since < lease::DEPOSED_AFTER),
        }
    }

    /// Whether this node leads its datacenter.
    pub fn is_leader(&self) -> bool {
        self.leader() == Some(self.id)
    }

    /// The current leader's name and address, if known.
    pub fn leader_node(&self) -> Option<ServerNode> {
        let leader = self.leader()?;
        self.members().into_iter().find(|(id, _)| *id == leader).map(|(_, n)| n)
    }

    /// Time since the leader was last heard from: on a follower, since its last
    /// append-entries; on the leader, since a quorum last acknowledged it (zero when it is the
    /// only voter, its own quorum).
    pub fn last_contact(&self) -> Option<Duration> {
        if self.raft.metrics().borrow().current_leader == Some(self.id) {
            if self.voters().len() <= 1 {
                return Some(Duration::ZERO);
            }
            return self.contact.since_quorum();
        }
        self.contact.since_leader()
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

    /// Every member of the current membership (voters and learners).
    pub fn members(&self) -> Vec<(NodeId, ServerNode)> {
        let metrics = self.raft.metrics().borrow().clone();
        metrics.membership_config.membership().nodes().map(|(id, n)| (*id, n.clone())).collect()
    }

    /// The raft voters.
    pub fn voters(&self) -> Vec<(NodeId, ServerNode)> {
        let metrics = self.raft.metrics().borrow().clone();
        let membership = metrics.membership_config.membership();
        let voters: Vec<NodeId> = membership.voter_ids().collect();
        membership.nodes().filter(|(id, _)| voters.contains(id)).map(|(id, n)| (*id, n.clone())).collect()
    }

    /// The current raft term (a new one begins with each election).
    pub fn term(&self) -> u64 {
        self.raft.metrics().borrow().current_term
    }

    /// Raft's own counters: term, last log index, last applied index, and whether this node
    /// leads (1), follows (0) or campaigns (2).
    pub fn raft_gauges(&self) -> [(&'static str, f64); 4] {
        let m = self.raft.metrics().borrow().clone();
        let role = match m.state {
            openraft::ServerState::Leader => 1.0,
            openraft::ServerState::Candidate => 2.0,
            _ => 0.0,
        };
        [
            ("fedctl.raft.term", m.current_term as f64),
            ("fedctl.raft.last_log_index", m.last_log_index.unwrap_or(0) as f64),
            ("fedctl.raft.applied_index", m.last_applied.map_or(0, |l| l.index) as f64),
            ("fedctl.raft.role", role),
        ]
    }

    /// Entries currently in the log (compaction keeps this bounded).
    pub fn log_len(&self) -> usize {
        self.log.len()
    }

    /// The index of the latest snapshot, if any.
    pub fn snapshot_index(&self) -> Option<u64> {
        self.raft.metrics().borrow().snapshot.map(|s| s.index)
    }

    /// Serves one raft request that arrived on the server port.
    pub async fn handle_raft(&self, body: &[u8]) -> Vec<u8> {
        network::handle(&self.raft, body, &self.contact).await
    }

    /// Stops raft (pending writes fail), flushes the log and releases the database.
    pub async fn shutdown(&self) {
        if let Err(e) = self.raft.shutdown().await {
            tracing::warn!(error = %e, "raft did not shut down cleanly");
        }
        let tasks = std::mem::take(&mut *self.tasks.lock().unwrap_or_else(|e| e.into_inner()));
        for task in tasks {
            task.abort();
            let _ = task.await;
        }
        if let Err(e) = self.log.close().await {
            tracing::warn!(error = %e, "closing the raft log failed");
        }
    }
}

/// Opens raft's storage in `data_dir` (`raft.db`), or in memory: the log store and the state
/// machine restored from the latest snapshot.
pub fn open_storage(data_dir: Option<&std::path::Path>) -> Result<(LogStore, StateMachine), RaftStartError> {
    let db = db::open(data_dir).map_err(|source| RaftStartError::Database {
        path: data_dir.map_or("<memory>".into(), |d| d.join("raft.db").display().to_string()),
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
