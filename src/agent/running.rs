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

/// How long the agent's tasks get to end once shutdown starts, before they are aborted.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(3);

/// A started agent; it owns every task it started.
#[derive(Debug)]
pub struct Running {
    /// Where the HTTP API listens (`None` when disabled).
    pub http_addr: Option<SocketAddr>,
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

    /// Stops the agent in order: stop accepting and end every stream, stop gossip and every
    /// loop, await every task (aborting those that do not end within a few seconds), close
    /// the pooled connections, stop raft last (flushing its log).
    pub async fn shutdown(mut self) {
        let _ = self.shutdown.send(true);
        let aborted = self.tasks.join(SHUTDOWN_GRACE).await;
        if !aborted.is_empty() {
            tracing::warn!(tasks = ?aborted, grace = ?SHUTDOWN_GRACE, "aborted tasks that did not stop in time");
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
