//! The agent: one process that runs (on servers) raft and the server port, LAN gossip,
//! agent-local state with its checks and anti-entropy, and the HTTP API.
//!
//! [`start`] binds the listeners first (so a port conflict fails fast and the API answers
//! quickly), then starts raft and the background tasks. [`RunningAgent::shutdown`] stops
//! them in reverse order. Every task watches one shutdown channel owned by `RunningAgent`.

mod cluster;
mod identity;

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::backend::{Backend, Router, ServerPool};
use crate::config::AgentConfig;
use crate::gossip::{Gossip, GossipOptions, MemberMeta};
use crate::http::{AgentInfo, ApiState, AppState, Metrics};
use crate::local::LocalState;
use crate::local::sync::{NodeIdentity, SyncTiming};
use crate::raft::{RaftNode, RaftOptions, RaftStartError, ServerNode, node_id_for};
use crate::rpc::message::PeerInfo;
use crate::rpc::{ClientOptions, RpcClient, ServerOptions};
use crate::tls::{AgentTls, TlsError};

/// Knobs tests and benchmarks turn; defaults suit production.
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    pub sync: SyncTiming,
    pub proxycfg: crate::proxycfg::ManagerOptions,
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
    #[error("ports.grpc_tls serves xDS with the agent's certificate, but {0}")]
    GrpcTls(String),
    #[error(
        "the server certificate {cert} is not valid for {name}, which WAN federation through mesh gateways needs; make one with `fedctl tls cert create -server -dc {dc} -node {node}`"
    )]
    Preflight { cert: String, name: String, dc: String, node: String },
    #[error("reading the server certificate {0}")]
    CertRead(String),
    #[error("forming the raft cluster: {0}")]
    Bootstrap(String),
    #[error("{0} needs LAN gossip to find the servers, but the serf_lan port is disabled")]
    NoGossip(&'static str),
    #[error("registering {what} from the configuration: {message}")]
    Definition { what: String, message: String },
}

/// A started agent.
#[derive(Debug)]
pub struct RunningAgent {
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
    shutdown: watch::Sender<bool>,
    tasks: Vec<JoinHandle<()>>,
}

async fn bind(what: &'static str, addr: SocketAddr) -> Result<TcpListener, AgentError> {
    TcpListener::bind(addr).await.map_err(|source| AgentError::Bind { what, addr, source })
}

/// WAN federation through gateways routes by `<node>.server.<dc>.<domain>`: the server
/// certificate must carry it (and `server.<dc>.<domain>`), or every cross-datacenter
/// handshake would fail later, far from the cause.
fn preflight(cfg: &AgentConfig) -> Result<(), AgentError> {
    let Some(cert_file) = &cfg.tls.cert_file else { return Ok(()) };
    let domain = cfg.domain.trim_end_matches('.');
    let names = [
        crate::tls::names::node_server_name(&cfg.node_name, &cfg.datacenter, domain),
        crate::tls::names::server_name(&cfg.datacenter, domain),
    ];
    let unreadable = |e: String| AgentError::CertRead(format!("{}: {e}", cert_file.display()));
    let pem = std::fs::read(cert_file).map_err(|e| unreadable(e.to_string()))?;
    let cert = crate::tls::keys::first_cert_from_pem(&pem).map_err(|e| unreadable(e.to_string()))?;
    match crate::tls::first_missing_name(&cert, &names) {
        Ok(None) => Ok(()),
        Ok(Some(name)) | Err(name) => Err(AgentError::Preflight {
            cert: cert_file.display().to_string(),
            name,
            dc: cfg.datacenter.clone(),
            node: cfg.node_name.clone(),
        }),
    }
}

/// The agent's certificate and key, for xDS over TLS.
fn grpc_identity(cfg: &AgentConfig) -> Result<tonic::transport::Identity, AgentError> {
    let (Some(cert), Some(key)) = (&cfg.tls.cert_file, &cfg.tls.key_file) else {
        return Err(AgentError::GrpcTls("cert_file and key_file are not set".to_owned()));
    };
    let read = |p: &std::path::Path| {
        std::fs::read(p).map_err(|e| AgentError::GrpcTls(format!("reading {}: {e}", p.display())))
    };
    Ok(tonic::transport::Identity::from_pem(read(cert)?, read(key)?))
}

/// Starts an agent for `cfg`.
/// This agent as a member of a gossip pool (LAN or WAN) bound on `port`. Servers advertise
/// their RPC port (`rpc_port`, 0 for a client).
fn pool_options(cfg: &AgentConfig, port: u16, name: String, rpc_port: u16, expected_size: u32) -> GossipOptions {
    GossipOptions {
        bind: SocketAddr::new(cfg.bind_addr, port),
        advertise: cfg.advertise_addr,
        name,
        meta: MemberMeta {
            server: cfg.server,
            datacenter: cfg.datacenter.clone(),
            rpc_port,
            build: env!("CARGO_PKG_VERSION").to_owned(),
            leaving: false,
            wan_port: 0,
        },
        expected_size,
        tunnel: None,
    }
}

async fn start_pool(
    what: &'static str,
    opts: GossipOptions,
    shutdown: &watch::Receiver<bool>,
) -> Result<Gossip, AgentError> {
    let addr = opts.bind;
    Gossip::start(opts, shutdown.clone()).await.map_err(|source| AgentError::Bind { what, addr, source })
}

pub async fn start(cfg: AgentConfig, opts: StartOptions) -> Result<RunningAgent, AgentError> {
    crate::tls::install_default_provider();
    if let Some(dir) = &cfg.data_dir {
        std::fs::create_dir_all(dir).map_err(|source| AgentError::DataDir { path: dir.clone(), source })?;
    }
    let node_id = identity::node_uuid(cfg.data_dir.as_deref())
        .map_err(|source| AgentError::DataDir { path: cfg.data_dir.clone().unwrap_or_default(), source })?;

    let http_listener = match cfg.ports.http {
        Some(port) => Some(bind("HTTP", SocketAddr::new(cfg.client_addr, port)).await?),
        None => None,
    };
    let http_addr = http_listener.as_ref().and_then(|l| l.local_addr().ok());
    let grpc_listener = match cfg.ports.grpc {
        Some(port) => Some(bind("xDS gRPC", SocketAddr::new(cfg.client_addr, port)).await?),
        None => None,
    };
    let grpc_addr = grpc_listener.as_ref().and_then(|l| l.local_addr().ok());
    let grpc_tls = match cfg.ports.grpc_tls {
        Some(port) => {
            let identity = grpc_identity(&cfg)?;
            Some((bind("xDS gRPC TLS", SocketAddr::new(cfg.client_addr, port)).await?, identity))
        }
        None => None,
    };
    let grpc_tls_addr = grpc_tls.as_ref().and_then(|(l, _)| l.local_addr().ok());
    let tls = AgentTls::load(&cfg.tls, &cfg.datacenter, &cfg.domain)?;
    if cfg.mesh_gateway_wan_federation {
        preflight(&cfg)?;
    }
    // Servers of a federation through mesh gateways reach other datacenters only through
    // the gateway the locator picks.
    let locator = (cfg.server && cfg.mesh_gateway_wan_federation)
        .then(|| crate::wan::Locator::new(&cfg.datacenter, &cfg.primary_datacenter));
    let gateways = locator.clone().map(|l| Arc::new(l) as Arc<dyn crate::rpc::GatewayRoute>);
    let rpc_client = RpcClient::new(ClientOptions { tls: tls.clone(), gateways, ..ClientOptions::default() });
    let (shutdown_tx, shutdown_rx) = watch::channel(false);
    let mut tasks = Vec::new();

    // Servers: the server port and raft.
    let mut server_port = cfg.ports.server.unwrap_or(8300);
    let mut raft = None;
    let mut rpc_addr = String::new();
    let mut server_listener = None;
    if cfg.server {
        let rpc_listener = match cfg.ports.server {
            Some(port) => Some(bind("server RPC", SocketAddr::new(cfg.bind_addr, port)).await?),
            None => None,
        };
        // Peers dial the port actually bound (port 0 picks one).
        server_port = rpc_listener.as_ref().and_then(|l| l.local_addr().ok()).map_or(server_port, |a| a.port());
        rpc_addr = SocketAddr::new(cfg.advertise_addr, server_port).to_string();
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
        };
        let node = RaftNode::start(&raft_opts, rpc_client.clone()).await?;
        if cfg.bootstrap_expect == 1 {
            let me = ServerNode { name: cfg.node_name.clone(), addr: rpc_addr.clone() };
            node.bootstrap(&[(raft_opts.node_id, me)]).await.map_err(|e| AgentError::Bootstrap(e.to_string()))?;
        }
        server_listener = rpc_listener;
        raft = Some(node);
    }

    // Servers: the WAN pool of every datacenter's servers, member names `<node>.<dc>`.
    let wan = match (&raft, cfg.ports.serf_wan) {
        (Some(_), Some(port)) => {
            let mut opts = pool_options(&cfg, port, format!("{}.{}", cfg.node_name, cfg.datacenter), server_port, 9);
            if let (Some(locator), Some(tls)) = (&locator, &tls) {
                opts.tunnel = Some(Arc::new(crate::wan::GatewayTunnel::new(locator.clone(), tls.clone())));
            }
            let wan = start_pool("WAN gossip", opts, &shutdown_rx).await?;
            cluster::spawn_join(wan.clone(), cfg.retry_join_wan.clone(), 8302, shutdown_rx.clone());
            if locator.is_some() && cfg.datacenter != cfg.primary_datacenter {
                cluster::spawn_gateway_join(wan.clone(), cfg.primary_datacenter.clone(), shutdown_rx.clone());
            }
            Some(wan)
        }
        _ => None,
    };
    // Everyone: LAN gossip.
    let gossip = match cfg.ports.serf_lan {
        Some(port) => {
            let rpc_port = if cfg.server { server_port } else { 0 };
            let mut opts = pool_options(&cfg, port, cfg.node_name.clone(), rpc_port, cfg.bootstrap_expect.max(3));
            // Servers tell their datacenter where their WAN pool listens, so they introduce
            // each other there (every server of a datacenter ends up in the WAN pool even
            // when each joined it through a different server elsewhere).
            opts.meta.wan_port = wan.as_ref().map_or(0, |w| w.local().addr.port());
            let gossip = start_pool("LAN gossip", opts, &shutdown_rx).await?;
            cluster::spawn_join(gossip.clone(), cfg.retry_join.clone(), 8301, shutdown_rx.clone());
            if let Some(node) = &raft {
                if cfg.bootstrap_expect > 1 {
                    let (g, r, dc) = (gossip.clone(), node.clone(), cfg.datacenter.clone());
                    cluster::spawn_bootstrap(g, r, cfg.bootstrap_expect, dc, shutdown_rx.clone());
                }
                cluster::spawn_reconcile(gossip.clone(), node.clone(), cfg.datacenter.clone(), shutdown_rx.clone());
            }
            if let Some(wan) = &wan {
                cluster::spawn_wan_flood(gossip.clone(), wan.clone(), cfg.datacenter.clone(), shutdown_rx.clone());
            }
            Some(gossip)
        }
        None if cfg.server && cfg.bootstrap_expect > 1 => return Err(AgentError::NoGossip("bootstrap_expect > 1")),
        None if !cfg.server => return Err(AgentError::NoGossip("a client agent")),
        None => None,
    };
    let router = Router::new(wan.clone(), &cfg.datacenter).via_gateways(locator.is_some());
    let me = PeerInfo { node: cfg.node_name.clone(), datacenter: cfg.datacenter.clone(), server: cfg.server };
    let backend = match (&raft, &gossip) {
        (Some(node), _) => Backend::server(node.clone(), rpc_client.clone(), router, me),
        (None, Some(g)) => {
            let pool = ServerPool::new(g.clone(), &cfg.datacenter);
            Backend::client(pool, rpc_client.clone(), router, me)
        }
        (None, None) => return Err(AgentError::NoGossip("a client agent")),
    };
    // Servers: federation states (anti-entropy everywhere, replication in secondaries).
    let replication = Arc::new(std::sync::Mutex::new(crate::federation::ReplicationStatus::default()));
    if let (Some(node), Some(locator)) = (&raft, &locator) {
        crate::wan::spawn_locator_refresh(locator.clone(), node.state().clone(), shutdown_rx.clone());
        if let Some(tls) = &tls {
            crate::wan::spawn_gateway_prober(locator.clone(), tls.clone(), shutdown_rx.clone());
        }
        crate::wan::spawn_primary_gateway_discovery(
            locator.clone(),
            cfg.primary_gateways.clone(),
            cfg.primary_gateways_interval,
            shutdown_rx.clone(),
        );
    }
    if let Some(node) = &raft {
        let (dc, primary) = (cfg.datacenter.clone(), cfg.primary_datacenter.clone());
        crate::federation::spawn_connect_ca(
            node.clone(),
            backend.clone(),
            dc.clone(),
            primary.clone(),
            shutdown_rx.clone(),
        );
        crate::federation::spawn_anti_entropy(
            node.clone(),
            backend.clone(),
            dc.clone(),
            primary.clone(),
            shutdown_rx.clone(),
        );
        if dc != primary {
            crate::federation::spawn_replication(
                node.clone(),
                backend.clone(),
                primary,
                replication.clone(),
                shutdown_rx.clone(),
            );
        } else {
            let router = Router::new(wan.clone(), &cfg.datacenter).via_gateways(locator.is_some());
            crate::federation::spawn_pruning(
                node.clone(),
                router,
                cfg.federation_state_prune_grace,
                shutdown_rx.clone(),
            );
        }
    }
    if let (Some(listener), Some(node)) = (server_listener, &raft) {
        let _ = node;
        let handlers = crate::backend::server_handlers(backend.clone(), tls.clone());
        let gossip_packets = if locator.is_some() { wan.as_ref().map(Gossip::ingest) } else { None };
        let options = ServerOptions { tls: tls.clone(), gossip_packets, ..ServerOptions::default() };
        tasks.push(tokio::spawn(crate::rpc::serve(listener, options, handlers, shutdown_rx.clone())));
    }

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
    let node_identity = NodeIdentity {
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
        backend.clone(),
        node_identity,
        identity::managed_entries(&cfg, server_port),
        opts.sync,
        shutdown_rx.clone(),
    )));

    let proxycfg = crate::proxycfg::Manager::start(
        local.clone(),
        backend.clone(),
        &cfg.datacenter,
        &cfg.domain,
        crate::proxycfg::ManagerOptions {
            primary_datacenter: Some(cfg.primary_datacenter.clone()),
            primary_fallback: locator.as_ref().map(|l| l.fallback()),
            ..opts.proxycfg.clone()
        },
        shutdown_rx.clone(),
    );
    let xds = crate::xds::XdsStatus::default();
    let tls_listener =
        grpc_tls.map(|(l, identity)| (l, Some(tonic::transport::ServerTlsConfig::new().identity(identity))));
    for (listener, tls) in grpc_listener.map(|l| (l, None)).into_iter().chain(tls_listener) {
        let ads = crate::xds::Ads::new(proxycfg.clone(), xds.clone());
        let mut stop = shutdown_rx.clone();
        tasks.push(tokio::spawn(async move {
            let shutdown = async move {
                let _ = stop.wait_for(|s| *s).await;
            };
            if let Err(e) = crate::xds::serve(listener, ads, tls, shutdown).await {
                tracing::error!(error = %e, "the xDS server stopped");
            }
        }));
    }

    let left = Arc::new(tokio::sync::Notify::new());
    if let Some(listener) = http_listener {
        let state = AppState::new(ApiState {
            backend: backend.clone(),
            local: local.clone(),
            info: Arc::new(AgentInfo {
                node_name: cfg.node_name.clone(),
                node_id,
                datacenter: cfg.datacenter.clone(),
                primary_datacenter: cfg.primary_datacenter.clone(),
                domain: cfg.domain.clone(),
                server: cfg.server,
                advertise_addr: cfg.advertise_addr.to_string(),
                server_port,
                serf_lan_port: cfg.ports.serf_lan.unwrap_or(8301),
                grpc_port: grpc_addr.map_or(0, |a| a.port()),
                grpc_tls_port: grpc_tls_addr.map_or(0, |a| a.port()),
                version: env!("CARGO_PKG_VERSION").to_owned(),
            }),
            metrics: Arc::new(Metrics::default()),
            gossip: gossip.clone(),
            wan: wan.clone(),
            replication: replication.clone(),
            left: left.clone(),
            xds: xds.clone(),
            locator: locator.clone(),
            tls: tls.clone(),
        });
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

    tracing::info!(node = %cfg.node_name, datacenter = %cfg.datacenter, server = cfg.server, http = ?http_addr, "agent started");
    Ok(RunningAgent {
        http_addr,
        grpc_addr,
        grpc_tls_addr,
        proxycfg,
        xds,
        rpc_addr,
        gossip,
        wan,
        left,
        backend,
        local,
        config: cfg,
        shutdown: shutdown_tx,
        tasks,
    })
}

impl RunningAgent {
    /// This agent's raft node (servers only).
    pub fn raft(&self) -> Option<&RaftNode> {
        self.backend.raft()
    }

    /// Stops the API and background tasks, then raft (flushing its log).
    pub async fn shutdown(self) {
        let _ = self.shutdown.send(true);
        for task in self.tasks {
            let _ = task.await;
        }
        if let Some(raft) = self.backend.raft() {
            raft.shutdown().await;
        }
        tracing::info!("agent stopped");
    }
}
