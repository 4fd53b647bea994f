//! The one place that decides where a request is served and how long it may take.
//!
//! Where: another datacenter's requests go to one of its servers (a server's router: its WAN
//! members, then the gateways' `server.<dc>` name; a client agent: any of its own servers,
//! which routes them on). This datacenter's requests are served here on a server, or at the
//! leader raft names when this server does not lead (once: a request forwarded to the leader is
//! served there or fails at once); a client agent sends them to its servers, in turn.
//!
//! How long: every attempt ends by the context's deadline, and each hop passes on a little
//! less time ([`HOP_MARGIN`](crate::state::HOP_MARGIN)), so the server further along gives up first and says why. A
//! request that meets an election (no leader yet, a leader that stepped down, a server of this
//! datacenter that cannot be reached) is retried with backoff for at most [`HOLD_TIMEOUT`],
//! never past the deadline. Another datacenter's servers are each tried once. A write whose
//! connection closed after it was sent is never sent again: it may have been applied.

use std::time::Duration;

use tokio::time::Instant;

use super::{Backend, Local, Router};
use crate::raft::RaftNode;
use crate::rpc::message::{Answer, Request};
use crate::rpc::{RpcError, Target};
use crate::state::{HOLD_TIMEOUT, RequestContext, RequestError};

const FIRST_BACKOFF: Duration = Duration::from_millis(20);
const MAX_BACKOFF: Duration = Duration::from_millis(500);

/// How one attempt failed, when it may be tried again.
enum Attempt {
    /// An answer (which may be an error) from the server that served the request.
    Answered(Answer),
    /// Nothing reached a server of this datacenter, or what did was not answered and can be
    /// sent again (a read): the same request may succeed once a leader is known.
    Retry(RequestError),
}

impl Backend {
    /// Serves `request` where `ctx` says, forwarding it as needed.
    pub(super) async fn forward(&self, ctx: &RequestContext, request: &Request) -> Answer {
        let started = Instant::now();
        let hold_until = ctx.deadline.min(started + HOLD_TIMEOUT);
        let mut backoff = FIRST_BACKOFF;
        loop {
            let error = match self.attempt(ctx, request, started).await {
                // A request forwarded to the leader is answered at once, whatever happened
                // here: the server that forwarded it retries.
                Attempt::Answered(answer) if ctx.forwarded => return answer,
                Attempt::Answered(Err(e @ (RequestError::NotLeader { .. } | RequestError::NoServers))) => e,
                Attempt::Answered(answer) => return answer,
                Attempt::Retry(e) if ctx.forwarded => return Err(e),
                Attempt::Retry(e) => e,
            };
            if Instant::now() + backoff >= hold_until {
                return Err(match error {
                    RequestError::NotLeader { .. } => RequestError::NoLeader,
                    other => other,
                });
            }
            tracing::debug!(?request, %error, retry_in = ?backoff, "retrying a request");
            tokio::time::sleep(backoff).await;
            backoff = (backoff * 2).min(MAX_BACKOFF);
        }
    }

    /// One try.
    async fn attempt(&self, ctx: &RequestContext, request: &Request, started: Instant) -> Attempt {
        let remote = ctx.datacenter.as_deref().filter(|dc| *dc != self.inner.me.datacenter);
        match (&self.inner.local, remote) {
            (Local::Server { router, raft }, Some(dc)) => {
                let has_state = raft.state().read(|s| s.federation_state(dc).is_some());
                let targets = router.targets(dc, has_state);
                if targets.is_empty() {
                    return Attempt::Answered(Err(RequestError::NoPathToDatacenter(dc.to_owned())));
                }
                let stripped = self.for_other_datacenter(raft, ctx, dc);
                let ctx = stripped.as_ref().unwrap_or(ctx);
                // Each of another datacenter's servers is tried once; that is the retry.
                match self.call_first(&targets, ctx, false, request).await {
                    Attempt::Retry(e) => Attempt::Answered(Err(e)),
                    answered => answered,
                }
            }
            (Local::Client(pool), _) => {
                let targets = pool.servers();
                if targets.is_empty() {
                    return Attempt::Answered(Err(RequestError::NoServers));
                }
                self.call_first(&targets, ctx, false, request).await
            }
            (Local::Server { raft, router }, None) => self.here_or_leader(raft, router, ctx, request, started).await,
        }
    }

    /// Serves the request here; on a follower, at the leader it names.
    async fn here_or_leader(
        &self,
        raft: &RaftNode,
        router: &Router,
        ctx: &RequestContext,
        request: &Request,
        started: Instant,
    ) -> Attempt {
        let Ok(served) = tokio::time::timeout_at(ctx.deadline, self.serve(raft, router, ctx, request)).await else {
            return Attempt::Answered(Err(RequestError::Timeout(started.elapsed())));
        };
        match served {
            Err(RequestError::NotLeader { leader: Some(leader) }) if !ctx.forwarded => {
                let target =
                    Target { addr: leader.addr, node: Some(leader.name), datacenter: self.inner.me.datacenter.clone() };
                self.call_first(&[target], ctx, true, request).await
            }
            other => Attempt::Answered(other),
        }
    }

    /// Sends the request to each target in turn until one answers (an answer may be an
    /// error); a target that cannot be reached moves on to the next. A write that was sent and
    /// not answered is not sent again.
    async fn call_first(
        &self,
        targets: &[Target],
        ctx: &RequestContext,
        to_leader: bool,
        request: &Request,
    ) -> Attempt {
        let next = ctx.next_hop(to_leader);
        let mut last = RequestError::NoServers;
        for target in targets {
            let timeout = ctx.remaining();
            if timeout.is_zero() {
                return Attempt::Answered(Err(RequestError::Timeout(Duration::ZERO)));
            }
            let error = match self.inner.rpc.send(target, &next, request, timeout).await {
                Ok(answer) => return Attempt::Answered(answer),
                Err(e) => e,
            };
            self.inner.rpc.forget(target);
            let where_ = if target.datacenter == self.inner.me.datacenter {
                target.addr.clone()
            } else {
                format!("{} in datacenter {}", target.addr, target.datacenter)
            };
            let unreachable = RequestError::Unreachable { target: where_, reason: error.to_string() };
            match error {
                RpcError::Timeout { timeout, .. } => return Attempt::Answered(Err(RequestError::Timeout(timeout))),
                RpcError::Codec(reason) => return Attempt::Answered(Err(RequestError::Protocol(reason))),
                RpcError::Closed { sent: true, .. } if is_write(request) => return Attempt::Answered(Err(unreachable)),
                _ => last = unreachable,
            }
        }
        Attempt::Retry(last)
    }
}

/// Requests that change state: sent at most once after they may have arrived.
fn is_write(request: &Request) -> bool {
    matches!(request, Request::Apply(_) | Request::RemovePeer(_))
}
