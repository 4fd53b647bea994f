//! How an agent reaches the federation's state: one request path for servers and client
//! agents alike. A server serves what it can from its own raft node and forwards the rest (to
//! its leader, or through its [`Router`] to another datacenter); a client agent sends
//! everything to a server it knows from gossip ([`ServerPool`]). The HTTP API, the server
//! port, anti-entropy and every replication loop go through [`Backend`]; the one function that
//! chooses where a request goes and how long it may take is in `forward.rs`.

mod acl;
mod ca_config;
mod forward;
mod pool;
mod router;
mod rpc;
mod serve;
mod sessions;
mod txn;

use std::sync::Arc;

pub use acl::BackendAcl;
pub use pool::ServerPool;
pub use router::{ConfirmedServers, Router};
pub use rpc::server_handlers;

use crate::raft::RaftNode;
use crate::rpc::RpcClient;
use crate::rpc::message::{Answer, Envelope, PeerInfo, Reply, Request, SignedCert, StatusInfo};
use crate::state::{Command, ReadReply, ReadRequest, RequestContext, RequestError, Response};

/// The reach of one agent; cheap to clone.
#[derive(Debug, Clone)]
pub struct Backend {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    local: Local,
    rpc: RpcClient,
    /// This agent, as it answers a ping.
    me: PeerInfo,
    /// Set once a graceful leave begins; a ping says so.
    leaving: std::sync::atomic::AtomicBool,
    /// Present while ACLs are enabled.
    acl: Option<BackendAcl>,
    /// A server's gossip pools, for keyring operations (set once they run).
    pools: std::sync::OnceLock<Pools>,
    /// The TTL timers of the sessions, kept while this server leads.
    session_timers: sessions::SessionTimers,
}

/// A server's gossip pools.
#[derive(Debug, Clone)]
pub struct Pools {
    pub lan: Option<crate::gossip::Gossip>,
    pub wan: Option<crate::gossip::Gossip>,
}

#[derive(Debug)]
enum Local {
    /// A server: its raft node, and the router to other datacenters.
    Server { raft: RaftNode, router: Router },
    /// A client agent: the servers it knows from gossip.
    Client(ServerPool),
}

impl Backend {
    /// A server's backend: its raft node, and the router to other datacenters.
    pub fn server(raft: RaftNode, rpc: RpcClient, router: Router, me: PeerInfo, acl: Option<BackendAcl>) -> Backend {
        Backend {
            inner: Arc::new(Inner {
                local: Local::Server { raft, router },
                rpc,
                me,
                leaving: Default::default(),
                acl,
                pools: Default::default(),
                session_timers: Default::default(),
            }),
        }
    }

    /// A client agent's backend: the servers it knows from gossip (which route requests for
    /// other datacenters on).
    pub fn client(pool: ServerPool, rpc: RpcClient, me: PeerInfo, acl: Option<BackendAcl>) -> Backend {
        let pools = Default::default();
        Backend {
            inner: Arc::new(Inner {
                local: Local::Client(pool),
                rpc,
                me,
                leaving: Default::default(),
                acl,
                pools,
                session_timers: Default::default(),
            }),
        }
    }

    /// A graceful leave has begun: from now on a ping answers `leaving`, which is how the
    /// leader tells a real leave from a forged gossip message.
    pub fn mark_leaving(&self) {
        self.inner.leaving.store(true, std::sync::atomic::Ordering::Relaxed);
    }

    /// This agent as a ping answers.
    pub(super) fn me(&self) -> PeerInfo {
        PeerInfo { leaving: self.inner.leaving.load(std::sync::atomic::Ordering::Relaxed), ..self.inner.me.clone() }
    }

    /// Hands a server its gossip pools, which keyring operations run on.
    pub fn set_pools(&self, pools: Pools) {
        let _ = self.inner.pools.set(pools);
    }

    /// A keyring operation on `ctx`'s datacenter's LAN pool, or (`wan`) the WAN pool, run by
    /// a server there.
    pub async fn keyring(
        &self,
        ctx: &RequestContext,
        wan: bool,
        op: crate::gossip::KeyringOp,
    ) -> Result<crate::gossip::PoolKeys, RequestError> {
        match self.send(ctx, &Request::Keyring { wan, op }).await? {
            Reply::Keyring(keys) => Ok(keys),
            other => Err(unexpected(other)),
        }
    }

    /// This agent's datacenter.
    pub fn datacenter(&self) -> &str {
        &self.inner.me.datacenter
    }

    /// This agent's raft node, on servers.
    pub fn raft(&self) -> Option<&RaftNode> {
        match &self.inner.local {
            Local::Server { raft, .. } => Some(raft),
            Local::Client(_) => None,
        }
    }

    /// A write, in `ctx`'s datacenter.
    pub async fn apply(&self, ctx: &RequestContext, command: Command) -> Result<Response, RequestError> {
        match self.send(ctx, &Request::Apply(command)).await? {
            Reply::Applied(response) => Ok(response),
            other => Err(unexpected(other)),
        }
    }

    /// A (possibly blocking) read, as fresh as `ctx` asks, in its datacenter.
    pub async fn read(&self, ctx: &RequestContext, read: ReadRequest) -> Result<ReadReply, RequestError> {
        match self.send(ctx, &Request::Read(read)).await? {
            Reply::Read(reply) => Ok(reply),
            other => Err(unexpected(other)),
        }
    }

    /// Who leads and who votes in `ctx`'s datacenter.
    pub async fn status(&self, ctx: &RequestContext) -> Result<StatusInfo, RequestError> {
        match self.send(ctx, &Request::Status).await? {
            Reply::Status(status) => Ok(status),
            other => Err(unexpected(other)),
        }
    }

    /// Every datacenter of the federation this agent (or, for a client, its server) knows.
    pub async fn datacenters(&self, ctx: &RequestContext) -> Result<Vec<String>, RequestError> {
        match self.send(ctx, &Request::Datacenters).await? {
            Reply::Datacenters(dcs) => Ok(dcs),
            other => Err(unexpected(other)),
        }
    }

    /// Removes raft member `id` (served by the leader).
    pub async fn remove_peer(&self, ctx: &RequestContext, id: u64) -> Result<(), RequestError> {
        match self.send(ctx, &Request::RemovePeer(id)).await? {
            Reply::Removed => Ok(()),
            other => Err(unexpected(other)),
        }
    }

    /// A Connect leaf CSR signed by a server of `ctx`'s datacenter.
    pub async fn connect_sign(&self, ctx: &RequestContext, csr: String) -> Result<SignedCert, RequestError> {
        match self.send(ctx, &Request::ConnectSign { csr }).await? {
            Reply::Signed(cert) => Ok(cert),
            other => Err(unexpected(other)),
        }
    }

    /// New CA settings, applied in the primary; true when the root rotated.
    pub async fn connect_ca_set_config(
        &self,
        ctx: &RequestContext,
        request: crate::state::CaConfigRequest,
    ) -> Result<bool, RequestError> {
        match self.send(ctx, &Request::ConnectCaSetConfig(Box::new(request))).await? {
            Reply::Applied(crate::state::Response::Bool(rotated)) => Ok(rotated),
            other => Err(unexpected(other)),
        }
    }

    /// The primary's signature over this (secondary) datacenter's intermediate CSR.
    pub async fn connect_sign_intermediate(
        &self,
        ctx: &RequestContext,
        csr: String,
    ) -> Result<crate::rpc::message::SignedIntermediate, RequestError> {
        match self.send(ctx, &Request::ConnectSignIntermediate { csr }).await? {
            Reply::SignedIntermediate(cert) => Ok(cert),
            other => Err(unexpected(other)),
        }
    }

    /// A request of this agent's: one without a token is the agent's own work and goes with
    /// the agent token.
    async fn send(&self, ctx: &RequestContext, request: &Request) -> crate::rpc::message::Answer {
        match self.with_agent_token(ctx) {
            Some(ctx) => self.forward(&ctx, request).await,
            None => self.forward(ctx, request).await,
        }
    }

    /// A request that arrived on the server port, answered as this agent answers its own
    /// callers (one without a token is anonymous there).
    pub async fn handle(&self, envelope: Envelope) -> Answer {
        self.forward(&envelope.context, &envelope.request).await
    }
}

fn unexpected(reply: Reply) -> RequestError {
    RequestError::Protocol(format!("a server answered with an unexpected reply: {reply:?}"))
}
