//! Each secondary's leader mirrors the primary's federation states. Each round is a blocking
//! read at the primary for the states modified since the last round (one change costs one
//! state on the wire, however many datacenters there are), applied as upserts through local
//! raft. The answer also carries the size and digest of the primary's whole table; when the
//! local table does not match them after the upserts (a datacenter was removed, or this is
//! the first round after an error), the full list is read and diffed, deletes included.
//! Its status and cost counters are kept for `/v1/internal/federation-states/replication`.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use tokio::sync::watch;

use super::{now_rfc3339, until_leader};
use crate::backend::Backend;
use crate::raft::RaftNode;
use crate::rpc::frame::FRAME_OVERHEAD;
use crate::rpc::message::{self, Reply};
use crate::state::{
    Command, FederationState, FederationStateOp, Query, QueryResult, ReadReply, ReadRequest, RequestContext,
    RequestError, federation_digest,
};
use crate::tasks::{sleep_unless_stopped, stopped};

/// How long one blocking list waits at the primary before asking again. Short enough that a
/// silent partition (no reset, the request just never answers) shows in the replication status
/// within seconds: the request times out at `WAIT` plus `SLACK`.
const WAIT: Duration = Duration::from_secs(10);
const SLACK: Duration = Duration::from_secs(5);
/// The longest pause between failed attempts: a healed partition is noticed this soon.
const MAX_BACKOFF: Duration = Duration::from_secs(5);
/// The least time between rounds (rate limit).
const MIN_ROUND: Duration = Duration::from_millis(20);

/// What replication last did, for operators.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
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
    /// Rounds answered by the primary since this server started.
    pub rounds: u64,
    /// Bytes of the primary's replies (RPC frames, before TLS) since this server started.
    pub bytes_received: u64,
    /// Federation states written or removed here by replication.
    pub states_applied: u64,
    /// Rounds that needed the full list (a removed datacenter, a first round, a mismatch).
    pub full_lists: u64,
    /// Time spent applying replicated changes through local raft, in microseconds.
    pub apply_micros: u64,
}

/// The loop of a secondary, until shutdown.
pub async fn run_replication(
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
    let mut index = 0;
    let mut backoff = Duration::from_millis(100);
    while until_leader(&raft, &mut shutdown).await {
        set(&status, |s| s.running = true);
        let started = tokio::time::Instant::now();
        // A silent partition shows within the wait plus a few seconds.
        let at_primary = RequestContext::new().in_datacenter(Some(&primary)).with_timeout(WAIT + SLACK);
        let read = ReadRequest::blocking(Query::FederationStatesSince { index }, index, WAIT);
        let asked = tokio::select! {
            r = backend.read(&at_primary, read) => r,
            _ = stopped(&mut shutdown) => return,
        };
        let outcome = match asked {
            Ok(reply) => round(&raft, &backend, &primary, reply).await,
            Err(e) => Err(format!("listing at the primary {primary}: {e}")),
        };
        match outcome {
            Ok(done) => {
                index = done.index;
                backoff = Duration::from_millis(100);
                set(&status, |s| {
                    s.last_success = Some(now_rfc3339());
                    s.replicated_index = done.index;
                    s.local_states = done.held;
                    s.rounds += 1;
                    s.bytes_received += done.bytes;
                    s.states_applied += done.applied;
                    s.full_lists += u64::from(done.full);
                    s.apply_micros += done.apply_micros;
                });
            }
            Err(message) => {
                let retry_in = fail(&status, &mut backoff, &mut index, message);
                if !sleep_unless_stopped(retry_in, &mut shutdown).await {
                    return;
                }
            }
        }
        if !sleep_unless_stopped(MIN_ROUND.saturating_sub(started.elapsed()), &mut shutdown).await {
            return;
        }
        if raft.leader() != Some(raft.id()) {
            set(&status, |s| s.running = false);
        }
    }
}

/// What one round did.
struct Round {
    /// The primary's index this round brought the local table to.
    index: u64,
    held: usize,
    bytes: u64,
    applied: u64,
    full: bool,
    apply_micros: u64,
}

/// Applies a delta; falls back to the full list when the local table then differs from the
/// primary's (by size or digest).
async fn round(raft: &RaftNode, backend: &Backend, primary: &str, reply: ReadReply) -> Result<Round, String> {
    let bytes = wire_bytes(&reply);
    let QueryResult::FederationStatesDelta(delta) = reply.result else {
        return Err("the primary answered the delta with another kind of reply".to_owned());
    };
    let started = Instant::now();
    let applied = apply_upserts(raft, &delta.changed).await.map_err(|e| format!("applying locally: {e}"))?;
    let local = raft.state().read(|s| s.federation_states());
    let digest = federation_digest(local.iter().map(|l| (l.datacenter.as_str(), l.primary_modify_index)));
    let mut done = Round { index: reply.index, held: local.len(), bytes, applied, full: false, apply_micros: 0 };
    if local.len() != delta.count || digest != delta.digest {
        let at_primary = RequestContext::new().in_datacenter(Some(primary));
        let full = backend
            .read(&at_primary, ReadRequest::now(Query::FederationStates))
            .await
            .map_err(|e| format!("listing at the primary {primary}: {e}"))?;
        done.bytes += wire_bytes(&full);
        done.index = full.index;
        done.full = true;
        let QueryResult::FederationStates(remote) = full.result else {
            return Err("the primary answered the list with another kind of reply".to_owned());
        };
        done.held = remote.len();
        done.applied += apply_diff(raft, remote).await.map_err(|e| format!("applying locally: {e}"))?;
    }
    done.apply_micros = started.elapsed().as_micros() as u64;
    Ok(done)
}

/// The size of the RPC frame that carried `reply` (the encoding is deterministic).
fn wire_bytes(reply: &ReadReply) -> u64 {
    let encoded = message::encode(&Ok::<_, RequestError>(Reply::Read(reply.clone()))).map_or(0, |b| b.len());
    (encoded + FRAME_OVERHEAD) as u64
}

/// Writes every state the local table does not hold at the same primary index; returns how
/// many were written.
async fn apply_upserts(raft: &RaftNode, remote: &[FederationState]) -> Result<u64, RequestError> {
    let local = raft.state().read(|s| s.federation_states());
    let mut written = 0;
    for r in remote {
        let primary_index = r.index.modify_index;
        let current = local.iter().find(|l| l.datacenter == r.datacenter);
        if current.is_some_and(|l| l.primary_modify_index == primary_index) {
            continue;
        }
        let mut copy = r.clone();
        copy.primary_modify_index = primary_index;
        raft.apply(Command::FederationState(FederationStateOp::Upsert(Box::new(copy)))).await?;
        written += 1;
    }
    Ok(written)
}

/// Makes the local table equal to `remote`; returns how many states were written or removed.
async fn apply_diff(raft: &RaftNode, remote: Vec<FederationState>) -> Result<u64, RequestError> {
    let mut written = apply_upserts(raft, &remote).await?;
    let local = raft.state().read(|s| s.federation_states());
    for l in local.iter().filter(|l| !remote.iter().any(|r| r.datacenter == l.datacenter)) {
        let delete = FederationStateOp::Delete { datacenter: l.datacenter.clone() };
        raft.apply(Command::FederationState(delete)).await?;
        written += 1;
    }
    Ok(written)
}

/// Records a failed round; returns how long to wait before the next.
fn fail(status: &Mutex<ReplicationStatus>, backoff: &mut Duration, index: &mut u64, message: String) -> Duration {
    tracing::warn!(error = %message, retry_in = ?*backoff, "federation state replication failed");
    set(status, |s| {
        s.last_error = Some(now_rfc3339());
        s.last_error_message = Some(message);
    });
    *index = 0;
    let wait = *backoff;
    *backoff = (*backoff * 2).min(MAX_BACKOFF);
    wait
}

fn set(status: &Mutex<ReplicationStatus>, f: impl FnOnce(&mut ReplicationStatus)) {
    f(&mut status.lock().unwrap_or_else(|e| e.into_inner()));
}
