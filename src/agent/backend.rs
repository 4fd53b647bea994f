//! How an agent reaches the datacenter's state: a server through its own raft node, a client
//! agent through RPC to a server it knows from gossip. The HTTP API and anti-entropy use only
//! this, so a client agent serves the same API as a server.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::gossip::{Gossip, MemberStatus};
use crate::raft::{ApplyError, RaftNode};
use crate::rpc::message::{ReadReply, ReadRequest, Reply, Request, StatusInfo};
use crate::rpc::{RpcClient, RpcError, Target};
use crate::state::{Command, Query, Response};

/// The reach of one agent.
#[derive(Debug, Clone)]
pub enum Backend {
    Server(RaftNode),
    Client(ServerPool),
}

/// A read's options.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    pub min_index: u64,
    pub wait: Duration,
    pub stale: bool,
    pub consistent: bool,
}

impl Backend {
    /// The write path (see [`RaftNode::apply`]); a client sends it to a server.
    pub async fn apply(&self, command: Command) -> Result<Response, ApplyError> {
        match self {
            Backend::Server(raft) => raft.apply(command).await,
            Backend::Client(pool) => match pool.request(&Request::Apply { command, forwarded: false }, None).await? {
                Reply::Applied(result) => result,
                other => Err(unexpected(other)),
            },
        }
    }

    /// A (possibly blocking) read, by the leader unless `stale`.
    pub async fn read(&self, query: Query, opts: ReadOptions) -> Result<ReadReply, ApplyError> {
        let request = ReadRequest {
            query,
            min_index: opts.min_index,
            wait_ms: opts.wait.as_millis() as u64,
            stale: opts.stale,
            consistent: opts.consistent,
            forwarded: false,
        };
        match self {
            Backend::Server(raft) => raft.read(request).await,
            Backend::Client(pool) => match pool.request(&Request::Read(request), Some(opts.wait)).await? {
                Reply::Read(result) => result,
                other => Err(unexpected(other)),
            },
        }
    }

    /// Who leads and who votes.
    pub async fn status(&self) -> Result<StatusInfo, ApplyError> {
        match self {
            Backend::Server(raft) => Ok(raft.status()),
            Backend::Client(pool) => match pool.request(&Request::Status, None).await? {
                Reply::Status(status) => Ok(status),
                other => Err(unexpected(other)),
            },
        }
    }

    /// This agent's raft node, on servers.
    pub fn raft(&self) -> Option<&RaftNode> {
        match self {
            Backend::Server(raft) => Some(raft),
            Backend::Client(_) => None,
        }
    }
}

fn unexpected(reply: Reply) -> ApplyError {
    ApplyError::Raft(format!("unexpected reply {reply:?}"))
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
