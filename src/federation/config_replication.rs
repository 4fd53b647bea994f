//! Each secondary's leader mirrors the primary's config entries (the reference's `config entry
//! replication` leader routine). Each round is a blocking list of every entry at the primary,
//! waiting for its table to pass the index of the last round; the answer is compared with the
//! local table by (kind, name): an entry only here is deleted, one only at the primary or
//! whose content differs is written. The changes are applied as one raft command that makes
//! the local table equal to the primary's, so readers never see half a round, and a replicated
//! entry keeps the primary's content exactly (only its indexes are this datacenter's).
//! Its status is kept for `/v1/internal/config-entries/replication`.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::sync::watch;

use super::{now_rfc3339, until_leader};
use crate::backend::Backend;
use crate::raft::RaftNode;
use crate::state::{Command, ConfigEntry, ConfigEntryOp, Query, QueryResult, ReadReply, ReadRequest, RequestContext};
use crate::tasks::{sleep_unless_stopped, stopped};

/// How long one blocking list waits at the primary before asking again; a silent partition
/// shows in the status after `WAIT` plus `SLACK`.
const WAIT: Duration = Duration::from_secs(10);
const SLACK: Duration = Duration::from_secs(5);
/// The longest pause between failed attempts: a healed partition is noticed this soon.
const MAX_BACKOFF: Duration = Duration::from_secs(5);
const FIRST_BACKOFF: Duration = Duration::from_millis(100);
/// The least time between rounds (rate limit). Rounds are paced by the blocking list, which
/// answers only once the primary's table changed, so this is short: a write in the primary
/// reaches every secondary in about one round trip.
const MIN_ROUND: Duration = Duration::from_millis(20);

/// What config-entry replication last did, for operators.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ConfigReplicationStatus {
    /// Replication runs in secondaries only.
    pub enabled: bool,
    /// This server leads its datacenter and is replicating.
    pub running: bool,
    pub source_datacenter: String,
    pub last_success: Option<String>,
    pub last_error: Option<String>,
    pub last_error_message: Option<String>,
    /// The primary's config-entry index last replicated.
    pub replicated_index: u64,
    /// Config entries held here after the last round.
    pub local_entries: usize,
    /// Rounds answered by the primary since this server started.
    pub rounds: u64,
    /// Config entries written or removed here by replication since this server started.
    pub entries_applied: u64,
    /// Entries of the primary this datacenter refuses (`<kind> "<name>": <why>`; a rule this
    /// version has and the primary's lacks): left out, the others replicated all the same.
    pub skipped: Vec<String>,
}

/// What replication changes locally to equal the primary: entries only here are deleted,
/// entries only at the primary or whose content differs are written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConfigEntryDiff {
    /// (kind, name) of the entries to delete.
    pub deletes: Vec<(String, String)>,
    pub upserts: Vec<ConfigEntry>,
}

impl ConfigEntryDiff {
    pub fn is_empty(&self) -> bool {
        self.deletes.is_empty() && self.upserts.is_empty()
    }

    /// How many entries the diff writes or removes.
    pub fn len(&self) -> usize {
        self.deletes.len() + self.upserts.len()
    }
}

/// Compares the local table with the primary's by (kind, name), and by content (never by
/// index: each datacenter stores an entry at its own raft indexes). Pure.
pub fn diff_config_entries(local: &[ConfigEntry], remote: &[ConfigEntry]) -> ConfigEntryDiff {
    let key = |e: &ConfigEntry| (e.kind().to_owned(), e.name().to_owned());
    let remote_keys: std::collections::BTreeSet<(String, String)> = remote.iter().map(key).collect();
    let local_by_key: std::collections::BTreeMap<(String, String), &ConfigEntry> =
        local.iter().map(|e| (key(e), e)).collect();
    let deletes = local_by_key.keys().filter(|k| !remote_keys.contains(*k)).cloned().collect();
    let upserts =
        remote.iter().filter(|r| !local_by_key.get(&key(r)).is_some_and(|l| l.same_content(r))).cloned().collect();
    ConfigEntryDiff { deletes, upserts }
}

/// The loop of a secondary's servers (it acts while the server leads), until shutdown.
pub async fn run_config_replication(
    raft: RaftNode,
    backend: Backend,
    primary: String,
    status: Arc<Mutex<ConfigReplicationStatus>>,
    mut shutdown: watch::Receiver<bool>,
) {
    set(&status, |s| {
        s.enabled = true;
        s.source_datacenter = primary.clone();
    });
    let mut index = 0;
    let mut backoff = FIRST_BACKOFF;
    while until_leader(&raft, &mut shutdown).await {
        set(&status, |s| s.running = true);
        let started = tokio::time::Instant::now();
        // Read from the primary's leader (the reference allows a stale read, but a lagging
        // server's older list would briefly undo newer entries here).
        let at_primary = RequestContext::new().in_datacenter(Some(&primary)).with_timeout(WAIT + SLACK);
        let read = ReadRequest::blocking(Query::ConfigEntries { kind: None }, index, WAIT);
        let asked = tokio::select! {
            r = backend.read(&at_primary, read) => r,
            _ = stopped(&mut shutdown) => return,
        };
        let outcome = match asked {
            Ok(reply) => round(&raft, index, reply).await,
            Err(e) => Err(format!("listing config entries at the primary {primary}: {e}")),
        };
        match outcome {
            Ok(done) => {
                index = done.index;
                backoff = FIRST_BACKOFF;
                set(&status, |s| {
                    s.last_success = Some(now_rfc3339());
                    s.replicated_index = done.index;
                    s.local_entries = done.held;
                    s.rounds += 1;
                    s.entries_applied += done.applied;
                    s.skipped = done.skipped.clone();
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
    applied: u64,
    skipped: Vec<String>,
}

/// Applies one answer of the primary: the diff against the local table, as one command.
async fn round(raft: &RaftNode, last_index: u64, reply: ReadReply) -> Result<Round, String> {
    let QueryResult::ConfigEntries(mut remote) = reply.result else {
        return Err("the primary answered the config-entry list with another kind of reply".to_owned());
    };
    // One entry this datacenter refuses must not hold back all the others.
    let mut skipped = Vec::new();
    remote.retain(|e| match e.validate() {
        Ok(()) => true,
        Err(why) => {
            skipped.push(format!("{} {:?}: {why}", e.kind(), e.name()));
            false
        }
    });
    if !skipped.is_empty() {
        tracing::warn!(?skipped, "config entries of the primary refused here; the others are replicated");
    }
    if reply.index < last_index {
        // The primary's state was rebuilt (restored from a snapshot, say): the whole table is
        // compared anyway, and the next round waits from the index it answered.
        tracing::warn!(
            from = last_index,
            to = reply.index,
            "Config Entry replication remote index moved backwards, forcing a full Config Entry sync"
        );
    }
    let local = raft.state().read(|s| s.config_entries(None));
    let diff = diff_config_entries(&local, &remote);
    tracing::debug!(
        local = local.len(),
        remote = remote.len(),
        deletions = diff.deletes.len(),
        updates = diff.upserts.len(),
        "Config Entry replication"
    );
    let (held, applied) = (remote.len(), diff.len() as u64);
    if !diff.is_empty() {
        raft.apply(Command::ConfigEntry(ConfigEntryOp::Replace { entries: remote }))
            .await
            .map_err(|e| format!("applying the primary's config entries locally: {e}"))?;
    }
    Ok(Round { index: reply.index, held, applied, skipped })
}

/// Records a failed round; returns how long to wait before the next.
fn fail(status: &Mutex<ConfigReplicationStatus>, backoff: &mut Duration, index: &mut u64, message: String) -> Duration {
    tracing::warn!(error = %message, retry_in = ?*backoff, "config entry replication failed");
    set(status, |s| {
        s.last_error = Some(now_rfc3339());
        s.last_error_message = Some(message);
    });
    *index = 0;
    let wait = *backoff;
    *backoff = (*backoff * 2).min(MAX_BACKOFF);
    wait
}

fn set(status: &Mutex<ConfigReplicationStatus>, f: impl FnOnce(&mut ConfigReplicationStatus)) {
    f(&mut status.lock().unwrap_or_else(|e| e.into_inner()));
}
