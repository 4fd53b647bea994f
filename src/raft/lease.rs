//! How sure a server is of who leads: the leader's lease, and how recently each side heard
//! from the other.
//!
//! A leader knows when a quorum last acknowledged it: raft stamps each append-entries with the
//! time it was sent, and the quorum's newest acknowledged send time is the leader's "quorum
//! contact". A follower that acknowledged a request sent at `t` does not start an election
//! before `t` + the election timeout (300 ms at least) and refuses to vote for another before
//! `t` + 600 ms (raft's vote lease), so no other leader can exist before `t` + 300 ms. Within
//! [`LEASE`] of its quorum contact (300 ms less a 100 ms margin for clock drift between servers
//! and for the delay between raft reporting an acknowledgement and this tracker observing it)
//! a leader can serve a read from its own state and be linearizable; later it must confirm
//! with a quorum first (a read index). The vote lease leaves 400 ms more in the usual case;
//! the 300 ms bound is for a follower that restarts right after acknowledging (it forgets
//! when it last heard the leader, but waits an election timeout before campaigning).
//!
//! A leader without quorum contact for [`DEPOSED_AFTER`] acts as deposed: it names no leader,
//! refuses reads and new writes at once, and fails writes still waiting to commit, all with
//! `LeadershipLost`, instead of holding them until a partition heals.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use super::types::Raft;

/// How long after its quorum contact a leader serves reads from its own state.
pub const LEASE: Duration = Duration::from_millis(200);
/// A leader without quorum contact this long acts as deposed.
pub const DEPOSED_AFTER: Duration = Duration::from_secs(1);

/// What this server last heard: as leader, from a quorum; as follower, from its leader.
#[derive(Debug, Clone, Default)]
pub(super) struct Contact(Arc<Mutex<Heard>>);

#[derive(Debug, Default, Clone, Copy)]
struct Heard {
    quorum: Option<Instant>,
    leader: Option<Instant>,
    /// When this server became leader (the term it leads), if it leads.
    leading_since: Option<(Instant, u64)>,
}

impl Contact {
    fn with<T>(&self, f: impl FnOnce(&mut Heard) -> T) -> T {
        f(&mut self.0.lock().unwrap_or_else(PoisonError::into_inner))
    }

    /// As leader: how long since a quorum acknowledged this server; `None` when it does not
    /// lead (or has not heard from a quorum yet).
    pub(super) fn since_quorum(&self) -> Option<Duration> {
        self.with(|h| h.quorum.map(|t| t.elapsed()))
    }

    /// As leader: how long it has led without a quorum's acknowledgement (since the last
    /// one, or since it was elected if none came yet); `None` when it does not lead.
    pub(super) fn without_quorum(&self) -> Option<Duration> {
        self.with(|h| h.quorum.or(h.leading_since.map(|(t, _)| t)).map(|t| t.elapsed()))
    }

    /// As follower: how long since the leader's last append-entries arrived.
    pub(super) fn since_leader(&self) -> Option<Duration> {
        self.with(|h| h.leader.map(|t| t.elapsed()))
    }

    /// The leader's append-entries arrived (and was for the current term).
    pub(super) fn heard_leader(&self) {
        self.with(|h| h.leader = Some(Instant::now()));
    }
}

/// Follows raft's metrics and stamps the leader's quorum contact with the time it was
/// observed (the metrics say how long ago, as of when they were reported). Ends with raft.
pub(super) async fn track(raft: Raft, contact: Contact) {
    let mut metrics = raft.metrics();
    loop {
        {
            let m = metrics.borrow_and_update();
            let leading = m.current_leader == Some(m.id);
            let acked = m.millis_since_quorum_ack.filter(|_| leading).map(Duration::from_millis);
            let now = Instant::now();
            let term = m.current_term;
            contact.with(|h| {
                // Whole milliseconds, rounded down by raft: one more, to stay on the safe side.
                h.quorum = acked.and_then(|ago| now.checked_sub(ago + Duration::from_millis(1)));
                h.leading_since = match h.leading_since {
                    Some((since, t)) if leading && t == term => Some((since, t)),
                    _ if leading => Some((now, term)),
                    _ => None,
                };
                if leading {
                    h.leader = None;
                }
            });
        }
        if metrics.changed().await.is_err() {
            return;
        }
    }
}
