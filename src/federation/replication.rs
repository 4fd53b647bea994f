//! Each secondary's leader mirrors the primary's federation states: a blocking list against
//! the primary, diffed by datacenter against the local table, applied as upserts and deletes
//! through local raft. Its status is kept for `/v1/internal/federation-states/replication`.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::Serialize;
use tokio::sync::watch;

use super::{now_rfc3339, until_leader};
use crate::agent::{Backend, BackendRead};
use crate::raft::RaftNode;
use crate::state::{Command, FederationState, FederationStateOp, Query, QueryResult};

/// How long one blocking list waits at the primary before asking again. Short enough that a
/// silent partition (no reset, the request just never answers) shows in the replication status
/// within seconds: the request times out at `WAIT` plus the router's slack.
const WAIT: Duration = Duration::from_secs(10);
/// The longest pause between failed attempts: a healed partition is noticed this soon.
const MAX_BACKOFF: Duration = Duration::from_secs(5);
/// The least time between rounds (rate limit).
const MIN_ROUND: Duration = Duration::from_millis(20);

/// What replication last did, for operators.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ReplicationStatus {
    /// Replication runs in secondaries only.
    pub enabled: bool,
    /// This server leads its datacenter and is replicating.
    pub running: bool,
    pub source_datacenter: String,
    pub last_success: Option<String>,
    pub last_error: Option<String>,
    pub last_error_message: Option<String>,
    /// The primary's federation-state index last replicated.
    pub replicated_index: u64,
    /// Federation states held here.
    pub local_states: usize,
}

/// Starts the loop on a secondary; it ends on shutdown.
pub fn spawn_replication(
    raft: RaftNode,
    backend: Backend,
    primary: String,
    status: Arc<Mutex<ReplicationStatus>>,
    mut shutdown: watch::Receiver<bool>,
) {
    set(&status, |s| {
        s.enabled = true;
        s.source_datacenter = primary.clone();
    });
    tokio::spawn(async move {
        let mut index = 0;
        let mut backoff = Duration::from_millis(100);
        while until_leader(&raft, &mut shutdown).await {
            set(&status, |s| s.running = true);
            let started = tokio::time::Instant::now();
            let read = BackendRead {
                min_index: index,
                wait: WAIT,
                datacenter: Some(primary.clone()),
                ..BackendRead::default()
            };
            let listed = tokio::select! {
                r = backend.read(Query::FederationStates, read) => r,
                _ = shutdown.changed() => return,
            };
            match listed {
                Ok(reply) => {
                    let QueryResult::FederationStates(remote) = reply.result else {
                        let message = "the primary answered the list with another kind of reply".to_owned();
                        fail(&status, &mut backoff, &mut index, message).await;
                        continue;
                    };
                    match apply_diff(&raft, remote).await {
                        Ok(local) => {
                            index = reply.index;
                            backoff = Duration::from_millis(100);
                            set(&status, |s| {
                                s.last_success = Some(now_rfc3339());
                                s.replicated_index = reply.index;
                                s.local_states = local;
                            });
                        }
                        Err(e) => fail(&status, &mut backoff, &mut index, format!("applying locally: {e}")).await,
                    }
                }
                Err(e) => {
                    fail(&status, &mut backoff, &mut index, format!("listing at the primary {primary}: {e}")).await
                }
            }
            tokio::time::sleep(MIN_ROUND.saturating_sub(started.elapsed())).await;
            if raft.leader() != Some(raft.id()) {
                set(&status, |s| s.running = false);
            }
        }
    });
}

/// Makes the local table equal to `remote`; returns how many states are held locally.
async fn apply_diff(raft: &RaftNode, remote: Vec<FederationState>) -> Result<usize, crate::raft::ApplyError> {
    let local = raft.state().read(|s| s.federation_states());
    for r in &remote {
        let primary_index = r.index.modify_index;
        let current = local.iter().find(|l| l.datacenter == r.datacenter);
        if current.is_some_and(|l| l.primary_modify_index == primary_index) {
            continue;
        }
        let mut copy = r.clone();
        copy.primary_modify_index = primary_index;
        raft.apply(Command::FederationState(FederationStateOp::Upsert(Box::new(copy)))).await?;
    }
    for l in local.iter().filter(|l| !remote.iter().any(|r| r.datacenter == l.datacenter)) {
        let delete = FederationStateOp::Delete { datacenter: l.datacenter.clone() };
        raft.apply(Command::FederationState(delete)).await?;
    }
    Ok(remote.len())
}

async fn fail(status: &Mutex<ReplicationStatus>, backoff: &mut Duration, index: &mut u64, message: String) {
    tracing::warn!(error = %message, retry_in = ?*backoff, "federation state replication failed");
    set(status, |s| {
        s.last_error = Some(now_rfc3339());
        s.last_error_message = Some(message);
    });
    *index = 0;
    tokio::time::sleep(*backoff).await;
    *backoff = (*backoff * 2).min(MAX_BACKOFF);
}

fn set(status: &Mutex<ReplicationStatus>, f: impl FnOnce(&mut ReplicationStatus)) {
    f(&mut status.lock().unwrap_or_else(|e| e.into_inner()));
}
