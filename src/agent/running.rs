//! A running agent, and its shutdown.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;

use crate::backend::Backend;
use crate::config::AgentConfig;
use crate::gossip::Gossip;
use crate::local::LocalState;
use crate::raft::RaftNode;
use crate::rpc::RpcClient;
use crate::tasks::TaskSet;
use crate::wan::GatewayTunnel;

/// How long each set of the agent's tasks (the edges, then the rest) gets to end once told to,
/// before what is left is aborted.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(2);

/// A started agent; it owns every task it started.
#[derive(Debug)]
pub struct Running {
    /// Where the HTTP API listens (`None` when disabled).
    pub http_addr: Option<SocketAddr>,
    /// Where the HTTPS API listens (`None` unless `ports.https` is set).
    pub https_addr: Option<SocketAddr>,
    /// Where the DNS interface listens, UDP and TCP (`None` unless `ports.dns` is set).
    pub dns_addr: Option<SocketAddr>,
    /// Where the xDS gRPC server listens (`None` when disabled).
    pub grpc_addr: Option<SocketAddr>,
    /// Where xDS over TLS listens (`None` unless `ports.grpc_tls` is set).
    pub grpc_tls_addr: Option<SocketAddr>,
    /// The proxy config manager of this agent's gateways.
    pub proxycfg: crate::proxycfg::Manager,
    /// What each local gateway's xDS stream last did.
    pub xds: crate::xds::XdsStatus,
    /// The server port address peers dial (advertise address, bound port); empty on clients.
    pub rpc_addr: String,
    /// The LAN gossip pool (`None` when the serf_lan port is disabled).
    pub gossip: Option<Gossip>,
    /// The WAN pool (servers, unless the serf_wan port is disabled).
    pub wan: Option<Gossip>,
    /// Notified when a graceful leave through the API completed.
    pub left: Arc<tokio::sync::Notify>,
    /// How this agent reaches the state: its raft node (servers) or servers (clients).
    pub backend: Backend,
    pub local: Arc<LocalState>,
    pub config: AgentConfig,
    /// The listeners and their connections and streams, stopped first.
    pub(super) stop_edges: watch::Sender<bool>,
    pub(super) edges: TaskSet,
    /// Everything else: gossip, every loop, proxy config; stopped once the edges are.
    pub(super) shutdown: watch::Sender<bool>,
    pub(super) tasks: TaskSet,
    pub(super) rpc: RpcClient,
    pub(super) tunnel: Option<GatewayTunnel>,
}

impl Running {
    /// This agent's raft node (servers only).
    pub fn raft(&self) -> Option<&RaftNode> {
        self.backend.raft()
    }

    /// Stops the agent in order: stop accepting and end every connection and stream (HTTP
    /// requests get a moment, xDS streams are closed), then stop gossip and every loop, each
    /// set awaited (what does not end within [`SHUTDOWN_GRACE`] is aborted); then close the
    /// pooled connections and stop raft last (flushing its log).
    pub async fn shutdown(mut self) {
        for (stop, tasks) in [(&self.stop_edges, &mut self.edges), (&self.shutdown, &mut self.tasks)] {
            let _ = stop.send(true);
            let aborted = tasks.join(SHUTDOWN_GRACE).await;
            if !aborted.is_empty() {
                tracing::warn!(tasks = ?aborted, grace = ?SHUTDOWN_GRACE, "aborted tasks that did not stop in time");
            }
        }
        self.local.stop_checks().await;
        if let Some(tunnel) = &self.tunnel {
            tunnel.close().await;
        }
        self.rpc.close().await;
        if let Some(raft) = self.backend.raft() {
            raft.shutdown().await;
        }
        tracing::info!("agent stopped");
    }
}
