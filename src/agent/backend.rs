//! How an agent reaches the federation's state: a server through its own raft node (and,
//! for other datacenters, its WAN router); a client agent through RPC to a server it knows
//! from gossip. The HTTP API and anti-entropy use only this, so a client agent serves the same
//! API as a server, and any request may name another datacenter.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use super::router::Router;
use crate::gossip::{Gossip, MemberStatus};
use crate::raft::{ApplyError, RaftNode};
use crate::rpc::message::{ReadReply, ReadRequest, Reply, Request, StatusInfo};
use crate::rpc::{RpcClient, RpcError, Target};
use crate::state::{Command, Query, Response};

/// The reach of one agent.
#[derive(Debug, Clone)]
pub struct Backend {
    local: Local,
    rpc: RpcClient,
    router: Router,
    datacenter: String,
}

#[derive(Debug, Clone)]
enum Local {
    Server(RaftNode),
    Client(ServerPool),
}

/// A read's options.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    pub min_index: u64,
    pub wait: Duration,
    pub stale: bool,
    pub consistent: bool,
    /// Another datacenter to read from (`?dc=`); `None` is this one.
    pub datacenter: Option<String>,
}

impl Backend {
    pub fn server(raft: RaftNode, rpc: RpcClient, router: Router, datacenter: &str) -> Backend {
        Backend { local: Local::Server(raft), rpc, router, datacenter: datacenter.to_owned() }
    }

    pub fn client(pool: ServerPool, rpc: RpcClient, router: Router, datacenter: &str) -> Backend {
        Backend { local: Local::Client(pool), rpc, router, datacenter: datacenter.to_owned() }
    }

    /// `Some(dc)` when `dc` names another datacenter.
    fn remote_dc<'a>(&self, dc: Option<&'a str>) -> Option<&'a str> {
        dc.filter(|d| !d.is_empty() && *d != self.datacenter)
    }

    /// The write path (see [`RaftNode::apply`]) in this datacenter or `datacenter`.
    pub async fn apply_in(&self, datacenter: Option<&str>, command: Command) -> Result<Response, ApplyError> {
        let request = Request::Apply { command, forwarded: false };
        if let Some(dc) = self.remote_dc(datacenter) {
            return match self.remote(dc, request, None).await? {
                Reply::Applied(result) => result,
                other => Err(unexpected(other)),
            };
        }
        match (&self.local, request) {
            (Local::Server(raft), Request::Apply { command, .. }) => raft.apply(command).await,
            (Local::Client(pool), request) => match pool.request(&request, None).await? {
                Reply::Applied(result) => result,
                other => Err(unexpected(other)),
            },
            (_, other) => Err(unexpected_request(other)),
        }
    }

    /// A write in this datacenter.
    pub async fn apply(&self, command: Command) -> Result<Response, ApplyError> {
        self.apply_in(None, command).await
    }

    /// A (possibly blocking) read, by the leader unless `stale`, here or in `opts.datacenter`.
    pub async fn read(&self, query: Query, opts: ReadOptions) -> Result<ReadReply, ApplyError> {
        let request = ReadRequest {
            query,
            min_index: opts.min_index,
            wait_ms: opts.wait.as_millis() as u64,
            stale: opts.stale,
            consistent: opts.consistent,
            forwarded: false,
        };
        if let Some(dc) = self.remote_dc(opts.datacenter.as_deref()) {
            return match self.remote(dc, Request::Read(request), Some(opts.wait)).await? {
                Reply::Read(result) => result,
                other => Err(unexpected(other)),
            };
        }
        match &self.local {
            Local::Server(raft) => raft.read(request).await,
            Local::Client(pool) => match pool.request(&Request::Read(request), Some(opts.wait)).await? {
                Reply::Read(result) => result,
                other => Err(unexpected(other)),
            },
        }
    }

    /// Who leads and who votes in this datacenter.
    pub async fn status(&self) -> Result<StatusInfo, ApplyError> {
        match &self.local {
            Local::Server(raft) => Ok(raft.status()),
            Local::Client(pool) => match pool.request(&Request::Status, None).await? {
                Reply::Status(status) => Ok(status),
                other => Err(unexpected(other)),
            },
        }
    }

    /// Every datacenter of the federation this agent knows of.
    pub async fn datacenters(&self) -> Result<Vec<String>, ApplyError> {
        match &self.local {
            Local::Server(_) => Ok(self.router.datacenters()),
            Local::Client(pool) => match pool.request(&Request::Datacenters, None).await? {
                Reply::Datacenters(dcs) => Ok(dcs),
                other => Err(unexpected(other)),
            },
        }
    }

    /// Serves `request` in datacenter `dc`: a server routes it over the WAN, a client asks a
    /// server to.
    pub async fn remote(&self, dc: &str, request: Request, wait: Option<Duration>) -> Result<Reply, ApplyError> {
        match &self.local {
            Local::Server(_) => self.router.request(&self.rpc, dc, &request, wait).await,
            Local::Client(pool) => {
                pool.request(&Request::InDc { datacenter: dc.to_owned(), request: Box::new(request) }, wait).await
            }
        }
    }

    /// This agent's raft node, on servers.
    pub fn raft(&self) -> Option<&RaftNode> {
        match &self.local {
            Local::Server(raft) => Some(raft),
            Local::Client(_) => None,
        }
    }
}

fn unexpected(reply: Reply) -> ApplyError {
    ApplyError::Raft(format!("unexpected reply {reply:?}"))
}

fn unexpected_request(request: Request) -> ApplyError {
    ApplyError::Raft(format!("cannot serve {request:?} here"))
}

/// The servers a client agent knows from gossip, tried in turn.
#[derive(Debug, Clone)]
pub struct ServerPool {
    rpc: RpcClient,
    gossip: Gossip,
    datacenter: String,
    /// Where to start the next round, so load spreads and a dead server is skipped.
    next: Arc<AtomicUsize>,
}

impl ServerPool {
    pub fn new(rpc: RpcClient, gossip: Gossip, datacenter: &str) -> ServerPool {
        ServerPool { rpc, gossip, datacenter: datacenter.to_owned(), next: Arc::default() }
    }

    fn servers(&self) -> Vec<Target> {
        self.gossip
            .members()
            .into_iter()
            .filter(|m| m.status == MemberStatus::Alive && m.id.meta.server && m.id.meta.datacenter == self.datacenter)
            .map(|m| Target {
                addr: m.id.rpc_addr().to_string(),
                node: Some(m.id.name.clone()),
                datacenter: self.datacenter.clone(),
            })
            .collect()
    }

    /// Sends `request` to a server, moving on to the next one when a server cannot be reached.
    async fn request(&self, request: &Request, wait: Option<Duration>) -> Result<Reply, ApplyError> {
        let servers = self.servers();
        if servers.is_empty() {
            return Err(ApplyError::NotLeader { leader: None });
        }
        let timeout = wait.unwrap_or_default() + Duration::from_secs(30);
        let start = self.next.fetch_add(1, Ordering::Relaxed);
        let mut last: Option<RpcError> = None;
        for i in 0..servers.len() {
            let target = &servers[(start + i) % servers.len()];
            match self.rpc.request_within(target, request, timeout).await {
                Ok(reply) => return Ok(reply),
                Err(e) => {
                    self.rpc.forget(target);
                    last = Some(e);
                }
            }
        }
        Err(ApplyError::Forward {
            leader: "any server".into(),
            reason: last.map(|e| e.to_string()).unwrap_or_default(),
        })
    }
}
