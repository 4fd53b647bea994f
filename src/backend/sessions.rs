//! Session TTLs, on the leader: each session with a TTL has a timer of twice its TTL (the
//! reference's `SessionTTLMultiplier`), restarted by a renew; one that runs out destroys the
//! session through raft. The timers are in memory only: a new leader arms every one afresh,
//! so a session outlives its TTL by up to 2×TTL plus the failover (as the reference).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tokio::sync::watch;
use tokio::time::Instant;

use super::Backend;
use crate::duration::parse_go_duration;
use crate::raft::RaftNode;
use crate::state::{Command, Session, SessionOp, Table};
use crate::tasks::stopped;

/// A timer runs for this many TTLs.
const TTL_MULTIPLIER: u32 = 2;
/// How often the timers are looked at without a change to the sessions.
const TICK: Duration = Duration::from_secs(1);
/// The shortest wait between two looks (a failed destroy waits a whole tick).
const RETRY: Duration = Duration::from_millis(10);

/// The deadlines of the sessions with a TTL, while this server leads.
#[derive(Debug, Clone, Default)]
pub struct SessionTimers(Arc<Mutex<HashMap<String, Instant>>>);

impl SessionTimers {
    fn lock(&self) -> MutexGuard<'_, HashMap<String, Instant>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Restarts `session`'s timer (a session without a TTL has none).
    pub fn renew(&self, session: &Session) {
        if let Some(ttl) = ttl_of(session) {
            self.lock().insert(session.id.clone(), Instant::now() + ttl * TTL_MULTIPLIER);
        }
    }
}

/// A session's TTL, if it has one.
fn ttl_of(session: &Session) -> Option<Duration> {
    parse_go_duration(&session.ttl).ok().filter(|d| !d.is_zero())
}

impl Backend {
    /// Renews session `id` at its datacenter's leader: the session, or `None` when there is
    /// no such session.
    pub async fn renew_session(
        &self,
        ctx: &crate::state::RequestContext,
        id: &str,
    ) -> Result<Option<Session>, crate::state::RequestError> {
        match self.send(ctx, &crate::rpc::message::Request::SessionRenew { id: id.to_owned() }).await? {
            crate::rpc::message::Reply::Read(crate::state::ReadReply {
                result: crate::state::QueryResult::Sessions(mut sessions),
                ..
            }) => Ok(sessions.pop()),
            other => Err(super::unexpected(other)),
        }
    }

    /// Keeps the TTL timers while this server leads (a server's task; returns at `stop`).
    pub async fn run_session_ttl(self, raft: RaftNode, mut stop: watch::Receiver<bool>) {
        let timers = self.inner.session_timers.clone();
        let mut seen = 0;
        let mut term = 0;
        loop {
            // Not leading, or leading in a new term (the lead may have gone and come back
            // meanwhile, renews served elsewhere): no old timers, so every one starts afresh.
            let now_term = raft.term();
            if !raft.is_leader() || now_term != term {
                timers.lock().clear();
            }
            term = now_term;
            if raft.is_leader() {
                let sessions = raft.state().read(|s| s.sessions(None));
                let expired: Vec<String> = {
                    let mut deadlines = timers.lock();
                    // Timers of sessions gone; new sessions (all of them on gaining the lead).
                    let ids: std::collections::HashSet<&str> = sessions.iter().map(|s| s.id.as_str()).collect();
                    deadlines.retain(|id, _| ids.contains(id.as_str()));
                    for session in &sessions {
                        if let Some(ttl) = ttl_of(session) {
                            deadlines
                                .entry(session.id.clone())
                                .or_insert_with(|| Instant::now() + ttl * TTL_MULTIPLIER);
                        }
                    }
                    let now = Instant::now();
                    deadlines.iter().filter(|(_, at)| **at <= now).map(|(id, _)| id.clone()).collect()
                };
                for id in expired {
                    tracing::info!(session = %id, "a session's TTL ran out; destroying it");
                    match raft.apply(Command::Session(SessionOp::Destroy { id: id.clone() })).await {
                        Ok(_) => {
                            timers.lock().remove(&id);
                        }
                        Err(error) => {
                            tracing::warn!(session = %id, %error, "an expired session could not be destroyed; retrying in 1s");
                            timers.lock().insert(id, Instant::now() + TICK);
                        }
                    }
                }
            }
            let next =
                timers.lock().values().min().copied().map_or(TICK, |at| at.saturating_duration_since(Instant::now()));
            let next = next.clamp(RETRY, TICK);
            let changed =
                raft.state().blocking(&[Table::Sessions], seen.max(1), next, |s| s.table_index(Table::Sessions));
            tokio::select! {
                r = changed => seen = r.index,
                _ = stopped(&mut stop) => return,
            }
        }
    }
}
