//! The one replication loop of a secondary's leader, shared by everything the primary owns
//! (federation states, config entries, ACLs): a blocking read at the primary from the index of
//! the last round, the answer applied through local raft by the table's own [`Replicated`]
//! round, and a status operators can read. Failures back off (100 ms doubling to 5 s), reset
//! the index (the next round compares everything) and keep the last error's message.
//!
//! Every read carries the replication token (`acl.tokens.replication`) while ACLs are on; a
//! secondary without one says so in its status instead of idling silently.

use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::sync::watch;

use super::{now_rfc3339, until_leader};
use crate::acl::TokenKind;
use crate::backend::Backend;
use crate::raft::RaftNode;
use crate::state::{Query, ReadReply, ReadRequest, RequestContext};
use crate::tasks::{sleep_unless_stopped, stopped};

/// How long one blocking read waits at the primary before asking again; a silent partition
/// shows in the status after `WAIT` plus `SLACK`.
pub(super) const WAIT: Duration = Duration::from_secs(10);
pub(super) const SLACK: Duration = Duration::from_secs(5);
const FIRST_BACKOFF: Duration = Duration::from_millis(100);
/// The longest pause between failed attempts: a healed partition is noticed this soon.
const MAX_BACKOFF: Duration = Duration::from_secs(5);
/// The least time between rounds (rate limit). Rounds are paced by the blocking read, which
/// answers once the primary's table changed, so a write reaches secondaries in a round trip.
const MIN_ROUND: Duration = Duration::from_millis(20);

/// What every replicator reports, and what each adds (`extra`), in one flat JSON object.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Status<E> {
    /// Replication runs in secondaries only.
    pub enabled: bool,
    /// This server leads its datacenter and is replicating.
    pub running: bool,
    pub source_datacenter: String,
    pub last_success: Option<String>,
    pub last_error: Option<String>,
    pub last_error_message: Option<String>,
    /// The primary's index last replicated.
    pub replicated_index: u64,
    /// Rounds answered by the primary since this server started.
    pub rounds: u64,
    #[serde(flatten)]
    pub extra: E,
}

/// The status as the agent shares it.
pub type Shared<E> = Arc<Mutex<Status<E>>>;

/// What a round can reach: the local raft node, the backend (for further reads at the
/// primary) and the context those reads carry.
#[derive(Debug)]
pub struct Reach<'a> {
    pub raft: &'a RaftNode,
    pub backend: &'a Backend,
    pub at_primary: RequestContext,
}

/// One replicated table: what to read at the primary, and how its answer is applied here.
pub trait Replicated: Send + 'static {
    /// The counters this table adds to its status.
    type Extra: Default + Clone + Send + 'static;
    /// For logs: "config entry replication".
    const NAME: &'static str;
    /// The blocking read of the round after `index`.
    fn query(&self, index: u64) -> Query;
    /// Applies the primary's answer; the index it brought the local table to.
    fn apply(
        &mut self,
        reach: &Reach<'_>,
        last_index: u64,
        reply: ReadReply,
        extra: &mut Self::Extra,
    ) -> impl Future<Output = Result<u64, String>> + Send;
}

/// The loop of a secondary's servers (it acts while the server leads), until shutdown.
pub async fn run<R: Replicated>(
    mut table: R,
    raft: RaftNode,
    backend: Backend,
    primary: String,
    status: Shared<R::Extra>,
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
        let outcome = match replication_token(&backend) {
            Err(missing) => Err(missing),
            Ok(token) => {
                // From the primary's leader: a lagging server's older answer would briefly
                // undo newer changes here.
                let mut at_primary = RequestContext::new().in_datacenter(Some(&primary)).with_timeout(WAIT + SLACK);
                at_primary.token = token;
                let read = ReadRequest::blocking(table.query(index), index, WAIT);
                let asked = tokio::select! {
                    r = backend.read(&at_primary, read) => r,
                    _ = stopped(&mut shutdown) => return,
                };
                match asked {
                    Ok(reply) => {
                        let mut extra = status.lock().map(|s| s.extra.clone()).unwrap_or_default();
                        let reach = Reach { raft: &raft, backend: &backend, at_primary };
                        let done = table.apply(&reach, index, reply, &mut extra).await;
                        set(&status, |s| s.extra = extra);
                        done
                    }
                    Err(e) => Err(format!("reading at the primary {primary}: {e}")),
                }
            }
        };
        match outcome {
            Ok(done) => {
                index = done;
                backoff = FIRST_BACKOFF;
                set(&status, |s| {
                    s.last_success = Some(now_rfc3339());
                    s.replicated_index = done;
                    s.rounds += 1;
                });
            }
            Err(message) => {
                tracing::warn!(error = %message, retry_in = ?backoff, "{} failed", R::NAME);
                set(&status, |s| {
                    s.last_error = Some(now_rfc3339());
                    s.last_error_message = Some(message);
                });
                index = 0;
                let wait = backoff;
                backoff = (backoff * 2).min(MAX_BACKOFF);
                if !sleep_unless_stopped(wait, &mut shutdown).await {
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

/// The token replication reads carry: the replication token while ACLs are on (`None` while
/// they are off); its absence is the round's error.
pub(super) fn replication_token(backend: &Backend) -> Result<Option<String>, String> {
    if !backend.acl_enabled() {
        return Ok(None);
    }
    let token = backend.agent_tokens().get(TokenKind::Replication);
    if token.is_empty() {
        return Err("ACLs are enabled and this server has no replication token: set acl.tokens.replication \
                    (or run `fedctl acl set-agent-token replication <secret>`) to a token of the primary"
            .to_owned());
    }
    Ok(Some(token))
}

fn set<E>(status: &Mutex<Status<E>>, f: impl FnOnce(&mut Status<E>)) {
    f(&mut status.lock().unwrap_or_else(|e| e.into_inner()));
}
