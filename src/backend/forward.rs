//! The one place that decides where a request is served and how long it may take.
//!
//! Where: another datacenter's requests go to one of its servers (a server's router: its WAN
//! members, then the gateways' `server.<dc>` name; a client agent: any of its own servers,
//! which routes them on). This datacenter's requests are served here on a server, or at the
//! leader raft names when this server does not lead (once: a request forwarded to the leader is
//! served there or fails); a client agent sends them to its servers, in turn.
//!
//! How long: every attempt ends by the context's deadline, and each hop passes on a little
//! less time ([`HOP_MARGIN`]), so the server further along gives up first and says why. A
//! request that meets an election (no leader yet, a leader that stepped down, or a server of
//! this datacenter that cannot be reached) is retried with backoff for at most
//! [`HOLD_TIMEOUT`], never past the deadline. Another datacenter's servers are each tried once.

use std::time::Duration;

use tokio::time::Instant;

use super::{Backend, Local};
use crate::raft::RaftNode;
use crate::rpc::message::{Answer, Request};
use crate::rpc::{RpcError, Target};
use crate::state::{HOLD_TIMEOUT, HOP_MARGIN, RequestContext, RequestError};

const FIRST_BACKOFF: Duration = Duration::from_millis(20);
const MAX_BACKOFF: Duration = Duration::from_millis(500);

impl Backend {
    /// Serves `request` where `ctx` says, forwarding it as needed.
    pub(super) async fn forward(&self, ctx: &RequestContext, request: &Request) -> Answer {
        let started = Instant::now();
        let hold_until = ctx.deadline.min(started + HOLD_TIMEOUT);
        let mut backoff = FIRST_BACKOFF;
        loop {
            let (answer, here) = self.attempt(ctx, request, started).await;
            let passing = match &answer {
                Err(RequestError::NotLeader { .. } | RequestError::NoServers) => true,
                Err(RequestError::Unreachable { .. }) => here,
                _ => false,
            };
            if !passing {
                return answer;
            }
            if Instant::now() + backoff >= hold_until {
                return match answer {
                    Err(RequestError::NotLeader { .. }) => Err(RequestError::NoLeader),
                    other => other,
                };
            }
            tracing::debug!(?request, error = ?answer.as_ref().err(), retry_in = ?backoff, "retrying a request");
            tokio::time::sleep(backoff).await;
            backoff = (backoff * 2).min(MAX_BACKOFF);
        }
    }

    /// One try; also says whether it stayed in this datacenter.
    async fn attempt(&self, ctx: &RequestContext, request: &Request, started: Instant) -> (Answer, bool) {
        let inner = &self.inner;
        let remote = ctx.datacenter.as_deref().filter(|dc| *dc != inner.me.datacenter);
        match (&inner.local, remote) {
            (Local::Server(_), Some(dc)) => {
                let targets = inner.router.targets(dc);
                if targets.is_empty() {
                    return (Err(RequestError::NoPathToDatacenter(dc.to_owned())), false);
                }
                (self.call_first(&targets, ctx, false, request).await, false)
            }
            (Local::Client(pool), _) => {
                let targets = pool.servers();
                if targets.is_empty() {
                    return (Err(RequestError::NoServers), true);
                }
                (self.call_first(&targets, ctx, false, request).await, remote.is_none())
            }
            (Local::Server(raft), None) => (self.here_or_leader(raft, ctx, request, started).await, true),
        }
    }

    /// Serves the request here; on a follower, at the leader it names.
    async fn here_or_leader(
        &self,
        raft: &RaftNode,
        ctx: &RequestContext,
        request: &Request,
        started: Instant,
    ) -> Answer {
        let Ok(served) = tokio::time::timeout_at(ctx.deadline, self.serve(raft, ctx, request)).await else {
            return Err(RequestError::Timeout(started.elapsed()));
        };
        match served {
            Err(RequestError::NotLeader { leader: Some(leader) }) if !ctx.forwarded => {
                let target =
                    Target { addr: leader.addr, node: Some(leader.name), datacenter: self.inner.me.datacenter.clone() };
                self.call_first(&[target], ctx, true, request).await
            }
            other => other,
        }
    }

    /// Sends the request to each target in turn until one answers (an answer may be an
    /// error: only an unreachable target moves on to the next).
    async fn call_first(&self, targets: &[Target], ctx: &RequestContext, to_leader: bool, request: &Request) -> Answer {
        let next = ctx.next_hop(to_leader);
        let mut last = RequestError::NoServers;
        for target in targets {
            let timeout = next.remaining() + HOP_MARGIN;
            match self.inner.rpc.send(target, &next, request, timeout).await {
                Ok(answer) => return answer,
                Err(e) => {
                    self.inner.rpc.forget(target);
                    match e {
                        RpcError::Timeout { timeout, .. } => return Err(RequestError::Timeout(timeout)),
                        RpcError::Codec(reason) => return Err(RequestError::Protocol(reason)),
                        other => {
                            last = RequestError::Unreachable { target: target.addr.clone(), reason: other.to_string() }
                        }
                    }
                }
            }
        }
        Err(last)
    }
}
