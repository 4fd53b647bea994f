//! The agent: one process that runs raft, the state store, agent-local state with its
//! checks and anti-entropy, and the HTTP API.
//!
//! [`start`] binds the listeners first (so a port conflict fails fast and the API answers
//! quickly), then starts raft and the background tasks. [`RunningAgent::shutdown`] stops
//! them in reverse order. Every task watches one shutdown channel owned by `RunningAgent`.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::config::AgentConfig;
use crate::gossip::{Gossip, GossipOptions, MemberMeta};
use crate::http::{AgentInfo, AppState, Metrics};
use crate::local::LocalState;
use crate::local::sync::{Managed, NodeIdentity, SyncTiming};
use crate::raft::{RaftNode, RaftOptions, RaftStartError, ServerNode, node_id_for};
use crate::rpc::message::PeerInfo;
use crate::rpc::{ClientOptions, RpcClient, ServerOptions};
use crate::tls::{AgentTls, TlsError};

mod cluster;
mod rpc;

use crate::state::{HealthCheck, HealthStatus, NodeService};
pub use rpc::server_handlers;

/// Knobs tests and benchmarks turn; defaults suit production.
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    pub sync: SyncTiming,
}

/// Why the agent could not start.
#[derive(Debug, thiserror::Error)]
pub enum AgentError {
    #[error("preparing data directory {}: {source}", path.display())]
    DataDir { path: PathBuf, source: std::io::Error },
    #[error("binding the {what} listener on {addr}: {source}")]
    Bind { what: &'static str, addr: SocketAddr, source: std::io::Error },
    #[error(transparent)]
    Raft(#[from] RaftStartError),
    #[error("loading the agent TLS files: {0}")]
    Tls(#[from] TlsError),
    #[error("forming the raft cluster: {0}")]
    Bootstrap(String),
    #[error("bootstrap_expect = {0} needs LAN gossip to find the other servers, but the serf_lan port is disabled")]
    NoGossip(u32),
    #[error("registering {what} from the configuration: {message}")]
    Definition { what: String, message: String },
}

/// A started agent.
#[derive(Debug)]
pub struct RunningAgent {
    /// Where the HTTP API listens (`None` when disabled).
    pub http_addr: Option<SocketAddr>,
    /// The server port address peers dial (advertise address, bound port).
    pub rpc_addr: String,
    /// The LAN gossip pool (`None` when the serf_lan port is disabled).
    pub gossip: Option<Gossip>,
    /// Notified when a graceful leave through the API completed.
    pub left: Arc<tokio::sync::Notify>,
    pub raft: RaftNode,
    pub local: Arc<LocalState>,
    pub config: AgentConfig,
    shutdown: watch::Sender<bool>,
    tasks: Vec<JoinHandle<()>>,
}

/// Starts an agent for `cfg`.
pub async fn start(cfg: AgentConfig, opts: StartOptions) -> Result<RunningAgent, AgentError> {
    crate::tls::install_default_provider();
    if let Some(dir) = &cfg.data_dir {
        std::fs::create_dir_all(dir).map_err(|source| AgentError::DataDir { path: dir.clone(), source })?;
    }
    let node_id = node_uuid(cfg.data_dir.as_deref())
        .map_err(|source| AgentError::DataDir { path: cfg.data_dir.clone().unwrap_or_default(), source })?;

    let http_listener = match cfg.ports.http {
        Some(port) => {
            let addr = SocketAddr::new(cfg.client_addr, port);
            let listener = tokio::net::TcpListener::bind(addr).await.map_err(|source| AgentError::Bind {
                what: "HTTP",
                addr,
                source,
            })?;
            Some(listener)
        }
        None => None,
    };
    let http_addr = http_listener.as_ref().and_then(|l| l.local_addr().ok());

    let tls = AgentTls::load(&cfg.tls, &cfg.datacenter, &cfg.domain)?;
    let rpc_listener = match cfg.ports.server {
        Some(port) => {
            let addr = SocketAddr::new(cfg.bind_addr, port);
            let listener = tokio::net::TcpListener::bind(addr).await.map_err(|source| AgentError::Bind {
                what: "server RPC",
                addr,
                source,
            })?;
            Some(listener)
        }
        None => None,
    };
    // Peers dial the port actually bound (port 0 picks one).
    let server_port = rpc_listener.as_ref().and_then(|l| l.local_addr().ok()).map_or(8300, |a| a.port());
    let rpc_addr = SocketAddr::new(cfg.advertise_addr, server_port).to_string();
    let rpc_client = RpcClient::new(ClientOptions { tls: tls.clone(), ..ClientOptions::default() });
    let raft_opts = RaftOptions {
        data_dir: cfg.data_dir.clone(),
        node_id: node_id_for(&cfg.node_name),
        node_name: cfg.node_name.clone(),
        datacenter: cfg.datacenter.clone(),
        rpc_addr: rpc_addr.clone(),
        snapshot_threshold: cfg.raft_snapshot_threshold,
        // Trailing entries kept behind a snapshot for lagging followers: at most one
        // snapshot's worth, so a small threshold really bounds the log.
        keep_after_snapshot: cfg.raft_snapshot_threshold.min(1024),
        forward_timeout: std::time::Duration::from_secs(7),
    };
    let raft = RaftNode::start(&raft_opts, rpc_client.clone()).await?;
    let me = ServerNode { name: cfg.node_name.clone(), addr: rpc_addr.clone() };
    if cfg.bootstrap_expect == 1 {
        raft.bootstrap(&[(raft_opts.node_id, me)]).await.map_err(|e| AgentError::Bootstrap(e.to_string()))?;
    }
    let (shutdown_tx, shutdown_rx) = watch::channel(false);
    let gossip = match cfg.ports.serf_lan {
        Some(port) => {
            let bind = SocketAddr::new(cfg.bind_addr, port);
            let opts = GossipOptions {
                bind,
                advertise: cfg.advertise_addr,
                name: cfg.node_name.clone(),
                meta: MemberMeta {
                    server: cfg.server,
                    datacenter: cfg.datacenter.clone(),
                    rpc_port: server_port,
                    build: env!("CARGO_PKG_VERSION").to_owned(),
                    leaving: false,
                },
                expected_size: cfg.bootstrap_expect.max(3),
            };
            let gossip = Gossip::start(opts, shutdown_rx.clone()).await.map_err(|source| AgentError::Bind {
                what: "LAN gossip",
                addr: bind,
                source,
            })?;
            cluster::spawn_join(gossip.clone(), cfg.retry_join.clone(), shutdown_rx.clone());
            if cfg.server {
                if cfg.bootstrap_expect > 1 {
                    cluster::spawn_bootstrap(
                        gossip.clone(),
                        raft.clone(),
                        cfg.bootstrap_expect,
                        cfg.datacenter.clone(),
                        shutdown_rx.clone(),
                    );
                }
                cluster::spawn_reconcile(gossip.clone(), raft.clone(), cfg.datacenter.clone(), shutdown_rx.clone());
            }
            Some(gossip)
        }
        None if cfg.bootstrap_expect > 1 => return Err(AgentError::NoGossip(cfg.bootstrap_expect)),
        None => None,
    };

    let local = LocalState::new(&cfg.node_name);
    for service in &cfg.services {
        local.add_service(service).map_err(|e| AgentError::Definition {
            what: format!("service {:?}", service.name),
            message: e.to_string(),
        })?;
    }
    for check in &cfg.checks {
        local
            .add_check(check)
            .map_err(|e| AgentError::Definition { what: format!("check {:?}", check.id), message: e.to_string() })?;
    }

    let mut tasks = Vec::new();
    let left = Arc::new(tokio::sync::Notify::new());
    let identity = NodeIdentity {
        node: cfg.node_name.clone(),
        id: node_id.clone(),
        address: cfg.advertise_addr.to_string(),
        datacenter: cfg.datacenter.clone(),
        tagged_addresses: BTreeMap::from([
            ("lan".to_owned(), cfg.advertise_addr.to_string()),
            ("wan".to_owned(), cfg.advertise_addr.to_string()),
        ]),
        meta: BTreeMap::new(),
    };
    tasks.push(tokio::spawn(crate::local::sync::run(
        local.clone(),
        raft.clone(),
        identity,
        managed_entries(&cfg, server_port),
        opts.sync,
        shutdown_rx.clone(),
    )));

    if let Some(listener) = rpc_listener {
        let me = PeerInfo { node: cfg.node_name.clone(), datacenter: cfg.datacenter.clone(), server: cfg.server };
        let handlers = rpc::server_handlers(raft.clone(), me);
        let options = ServerOptions { tls: tls.clone(), ..ServerOptions::default() };
        tasks.push(tokio::spawn(crate::rpc::serve(listener, options, handlers, shutdown_rx.clone())));
    }

    if let Some(listener) = http_listener {
        let state = AppState {
            raft: raft.clone(),
            local: local.clone(),
            info: Arc::new(AgentInfo {
                node_name: cfg.node_name.clone(),
                node_id,
                datacenter: cfg.datacenter.clone(),
                domain: cfg.domain.clone(),
                server: cfg.server,
                advertise_addr: cfg.advertise_addr.to_string(),
                server_port,
                serf_lan_port: cfg.ports.serf_lan.unwrap_or(8301),
                version: env!("CARGO_PKG_VERSION").to_owned(),
            }),
            metrics: Arc::new(Metrics::default()),
            gossip: gossip.clone(),
            left: left.clone(),
        };
        let mut stop = shutdown_rx.clone();
        tasks.push(tokio::spawn(async move {
            let shutdown = async move {
                let _ = stop.wait_for(|s| *s).await;
            };
            if let Err(e) = crate::http::serve(listener, state, shutdown).await {
                tracing::error!(error = %e, "the HTTP API stopped");
            }
        }));
    }

    tracing::info!(node = %cfg.node_name, datacenter = %cfg.datacenter, http = ?http_addr, dev = cfg.dev, "agent started");
    Ok(RunningAgent { http_addr, rpc_addr, gossip, left, raft, local, config: cfg, shutdown: shutdown_tx, tasks })
}

impl RunningAgent {
    /// Stops the API and background tasks, then raft (flushing its log).
    pub async fn shutdown(self) {
        let _ = self.shutdown.send(true);
        for task in self.tasks {
            let _ = task.await;
        }
        self.raft.shutdown().await;
        tracing::info!("agent stopped");
    }
}

/// A server's own catalog entries: the `consul` service on its RPC port and the
/// `serfHealth` node check, as the reference registers them.
fn managed_entries(cfg: &AgentConfig, server_port: u16) -> Managed {
    if !cfg.server {
        return Managed::default();
    }
    Managed {
        services: vec![NodeService {
            id: "consul".into(),
            service: "consul".into(),
            port: server_port,
            meta: BTreeMap::from([("raft_version".to_owned(), "3".to_owned())]),
            ..NodeService::default()
        }],
        checks: vec![HealthCheck {
            node: cfg.node_name.clone(),
            check_id: "serfHealth".into(),
            name: "Serf Health Status".into(),
            status: HealthStatus::Passing,
            output: "Agent alive and reachable".into(),
            ..HealthCheck::default()
        }],
    }
}

/// The node's UUID, kept in `<data-dir>/node-id` so it survives restarts.
fn node_uuid(data_dir: Option<&Path>) -> std::io::Result<String> {
    if let Some(dir) = data_dir {
        let path = dir.join("node-id");
        if let Ok(existing) = std::fs::read_to_string(&path) {
            let existing = existing.trim();
            if !existing.is_empty() {
                return Ok(existing.to_owned());
            }
        }
        let id = new_uuid();
        std::fs::write(&path, &id)?;
        return Ok(id);
    }
    Ok(new_uuid())
}

fn new_uuid() -> String {
    use ring::rand::SecureRandom;
    let mut b = [0u8; 16];
    let _ = ring::rand::SystemRandom::new().fill(&mut b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}
