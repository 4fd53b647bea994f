//! What travels with every request from the edge that took it (HTTP, RPC, an agent's own loop)
//! to the backend and on to whichever server serves it: where it is to be served, how fresh a
//! read must be, by when it must be answered, and who asks. A forwarded request carries its
//! context to the next server, its deadline as the time left.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::time::Instant;

/// How long a request may take, beyond the wait of a blocking read.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a request that meets an election (no leader yet, a leader that stepped down or
/// died) is retried: the reference's `rpc_hold_timeout`.
pub const HOLD_TIMEOUT: Duration = Duration::from_secs(7);
/// Taken off the time left at each hop, so the server further along gives up (and says why)
/// before the caller waiting for it does.
pub const HOP_MARGIN: Duration = Duration::from_millis(250);

/// How fresh a read must be.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Consistency {
    /// Served by the leader.
    #[default]
    Default,
    /// Served by any server from its own copy (`?stale`).
    Stale,
    /// Served by the leader after a quorum confirmed it still leads (`?consistent`).
    Consistent,
}

/// The context of one request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestContext {
    /// The datacenter to serve it in; `None` is the receiving agent's own.
    pub datacenter: Option<String>,
    pub consistency: Consistency,
    /// When the caller stops waiting. On the wire: the milliseconds left.
    #[serde(with = "time_left")]
    pub deadline: Instant,
    /// The caller's ACL token (not read yet: authorization will be decided here, once).
    pub token: Option<String>,
    /// Sent to this datacenter's leader by another server: served there or failed, never
    /// forwarded again.
    pub forwarded: bool,
}

impl Default for RequestContext {
    fn default() -> Self {
        RequestContext::new()
    }
}

impl RequestContext {
    /// A request in this datacenter, read from the leader, answered within [`REQUEST_TIMEOUT`],
    /// with the token of the caller being served ([`as_caller`]), if any.
    pub fn new() -> RequestContext {
        RequestContext {
            datacenter: None,
            consistency: Consistency::Default,
            deadline: Instant::now() + REQUEST_TIMEOUT,
            token: CALLER_TOKEN.try_with(Clone::clone).ok(),
            forwarded: false,
        }
    }

    /// Served in `datacenter` (`None`: here).
    pub fn in_datacenter(mut self, datacenter: Option<&str>) -> RequestContext {
        self.datacenter = datacenter.filter(|d| !d.is_empty()).map(str::to_owned);
        self
    }

    pub fn with_consistency(mut self, consistency: Consistency) -> RequestContext {
        self.consistency = consistency;
        self
    }

    /// A stale read: any server answers from its own copy.
    pub fn stale(self) -> RequestContext {
        self.with_consistency(Consistency::Stale)
    }

    /// Answered within `timeout` from now.
    pub fn with_timeout(mut self, timeout: Duration) -> RequestContext {
        self.deadline = Instant::now() + timeout;
        self
    }

    /// A blocking read that may wait `wait`: its deadline is `wait` plus [`REQUEST_TIMEOUT`].
    pub fn blocking(self, wait: Duration) -> RequestContext {
        self.with_timeout(wait + REQUEST_TIMEOUT)
    }

    /// The time left before the deadline.
    pub fn remaining(&self) -> Duration {
        self.deadline.saturating_duration_since(Instant::now())
    }

    /// The context a server sends on to the next one: the same request with [`HOP_MARGIN`]
    /// less time, `forwarded` when it goes to this datacenter's leader.
    pub fn next_hop(&self, to_leader: bool) -> RequestContext {
        let mut next = self.clone();
        next.deadline = self.deadline.checked_sub(HOP_MARGIN).unwrap_or(self.deadline);
        next.forwarded = to_leader;
        next
    }

    /// How long a blocking read may wait here so that its answer still reaches the caller.
    pub fn clamp_wait(&self, wait: Duration) -> Duration {
        wait.min(self.remaining().saturating_sub(HOP_MARGIN))
    }
}

tokio::task_local! {
    /// The token of the caller an edge is serving (an HTTP request), for the whole handler.
    static CALLER_TOKEN: String;
}

/// Runs `work` on behalf of a caller with `token`: every context it makes carries the token,
/// so nothing done for a caller can go out in the agent's own name (a context without a token
/// is the agent's own work, sent with the agent token).
pub async fn as_caller<F: std::future::Future>(token: String, work: F) -> F::Output {
    CALLER_TOKEN.scope(token, work).await
}

/// A deadline on the wire: the milliseconds left (clocks of different servers never meet).
mod time_left {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use tokio::time::Instant;

    pub fn serialize<S: Serializer>(deadline: &Instant, s: S) -> Result<S::Ok, S::Error> {
        let left = deadline.saturating_duration_since(Instant::now());
        (left.as_millis().min(u128::from(u64::MAX)) as u64).serialize(s)
    }

    /// The longest deadline a peer may set: the longest blocking wait (10 minutes, plus its
    /// jitter) and the request timeout, with room to spare.
    const MAX_LEFT: std::time::Duration = std::time::Duration::from_secs(15 * 60);

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Instant, D::Error> {
        let left = std::time::Duration::from_millis(u64::deserialize(d)?).min(MAX_LEFT);
        Ok(Instant::now() + left)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_context_on_the_wire_keeps_its_time_left() {
        let ctx = RequestContext::new().in_datacenter(Some("dc2")).stale().with_timeout(Duration::from_secs(5));
        let bytes = rmp_serde::to_vec_named(&ctx).unwrap();
        let back: RequestContext = rmp_serde::from_slice(&bytes).unwrap();
        assert_eq!(back.datacenter.as_deref(), Some("dc2"));
        assert_eq!(back.consistency, Consistency::Stale);
        let left = back.remaining();
        assert!(left <= Duration::from_secs(5) && left > Duration::from_secs(4), "{left:?}");
    }

    #[test]
    fn each_hop_has_less_time_and_a_wait_never_outlasts_the_deadline() {
        let ctx = RequestContext::new().with_timeout(Duration::from_secs(2));
        let next = ctx.next_hop(true);
        assert!(next.forwarded && !ctx.forwarded);
        assert!(next.deadline + HOP_MARGIN == ctx.deadline);
        assert!(
            ctx.clamp_wait(Duration::from_secs(60)) < Duration::from_secs(2) - HOP_MARGIN + Duration::from_millis(1)
        );
        assert_eq!(ctx.clamp_wait(Duration::from_millis(10)), Duration::from_millis(10));
        assert_eq!(RequestContext::new().in_datacenter(Some("")).datacenter, None);
    }

    #[test]
    fn a_peer_cannot_set_a_deadline_beyond_the_longest_wait() {
        #[derive(Serialize)]
        struct Forged {
            datacenter: Option<String>,
            consistency: Consistency,
            deadline: u64,
            token: Option<String>,
            forwarded: bool,
        }
        let forged = Forged {
            datacenter: None,
            consistency: Consistency::Default,
            deadline: u64::MAX,
            token: None,
            forwarded: false,
        };
        let ctx: RequestContext = rmp_serde::from_slice(&rmp_serde::to_vec_named(&forged).unwrap()).unwrap();
        assert!(ctx.remaining() <= Duration::from_secs(15 * 60), "{:?}", ctx.remaining());
    }
}
