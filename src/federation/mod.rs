//! Federation states: every datacenter's leader pushes its mesh gateways to the primary
//! (anti-entropy); every secondary's leader pulls all states from the primary (replication).
//!
//! The Connect CA follows the same pattern: created once in the primary, mirrored by
//! secondaries; so do config entries (written in the primary, mirrored by every secondary's
//! leader).
//!
//! The loops run on every server and act only while it leads its datacenter, so leadership
//! changes need no coordination: the new leader's loop simply starts acting. They reach the
//! primary through the backend (and, federated through mesh gateways, over the paths `wan`
//! finds); the agent spawns each `run_*` loop and owns it.

mod acl_builtins;
mod acl_replication;
mod anti_entropy;
mod config_replication;
mod connect_ca;
mod prune;
mod replication;
pub mod replicator;

use std::time::Duration;

pub use acl_builtins::run_acl_builtins;
pub use acl_replication::{AclCounters, AclReplicationStatus, AclTable};
pub use anti_entropy::{HEALTHY_STATE_MAX_AGE, run_anti_entropy};
pub use config_replication::{
    ConfigCounters, ConfigEntryDiff, ConfigEntryTable, ConfigReplicationStatus, diff_config_entries,
};
pub use connect_ca::{new_connect_ca, run_connect_ca};
pub use prune::run_pruning;
pub use replication::{FederationCounters, FederationStateTable, ReplicationStatus};

use crate::duration::now_rfc3339;
use crate::raft::RaftNode;
use crate::state::{CheckServiceNode, RaftIndex};
use crate::tasks::stopped;

/// What each replication from the primary last did, shared with the HTTP API.
#[derive(Debug, Clone, Default)]
pub struct Replications {
    pub federation_states: replicator::Shared<FederationCounters>,
    pub config_entries: replicator::Shared<ConfigCounters>,
    pub acl: replicator::Shared<AclCounters>,
}

/// Gateway lists compared by what users see, ignoring raft indexes (the reference's IsSame).
pub fn same_gateways(a: &[CheckServiceNode], b: &[CheckServiceNode]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| strip(x) == strip(y))
}

fn strip(c: &CheckServiceNode) -> CheckServiceNode {
    let mut c = c.clone();
    c.node.index = RaftIndex::default();
    c.service.index = RaftIndex::default();
    for check in &mut c.checks {
        check.index = RaftIndex::default();
    }
    c
}

/// Waits until this server leads its datacenter (or `shutdown`); false on shutdown.
async fn until_leader(raft: &RaftNode, shutdown: &mut tokio::sync::watch::Receiver<bool>) -> bool {
    loop {
        if *shutdown.borrow() {
            return false;
        }
        if raft.leader() == Some(raft.id()) {
            return true;
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_millis(100)) => {}
            _ = stopped(shutdown) => return false,
        }
    }
}
