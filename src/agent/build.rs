//! Building an agent: everything that can fail before anything runs.

use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::sync::watch;

use super::error::AgentError;
use super::{StartOptions, identity};
use crate::config::AgentConfig;
use crate::gossip::{Gossip, GossipOptions, MemberMeta};
use crate::local::LocalState;
use crate::rpc::{ClientOptions, GatewayRoute, RpcClient};
use crate::tls::AgentTls;
use crate::wan::{GatewayTunnel, Locator};

/// A gossip pool's driving task, not started yet.
pub(super) type PoolTask = Pin<Box<dyn Future<Output = ()> + Send>>;

/// A bound gossip pool: its handle and its task.
pub(super) struct Pool {
    pub gossip: Gossip,
    pub task: PoolTask,
}

/// Every listener, bound.
pub(super) struct Listeners {
    pub http: Option<TcpListener>,
    pub grpc: Option<TcpListener>,
    pub grpc_tls: Option<(TcpListener, Arc<rustls::ServerConfig>)>,
    /// The HTTP API over TLS (`ports.https`).
    pub https: Option<(TcpListener, Arc<rustls::ServerConfig>)>,
    /// The DNS interface (`ports.dns`): UDP and TCP on one port.
    pub dns: Option<(tokio::net::UdpSocket, TcpListener)>,
    /// The server port (servers).
    pub server: Option<TcpListener>,
    /// The server port peers dial: the bound one (port 0 picks one), or the configured one.
    pub server_port: u16,
}

/// An agent that is built and not yet running: dropping it releases everything it bound.
pub struct Agent {
    pub(super) cfg: AgentConfig,
    pub(super) opts: StartOptions,
    pub(super) node_id: String,
    pub(super) tls: Option<Arc<AgentTls>>,
    pub(super) listeners: Listeners,
    pub(super) rpc: RpcClient,
    /// Servers federated through mesh gateways reach other datacenters only through the
    /// gateway it picks.
    pub(super) locator: Option<Locator>,
    pub(super) tunnel: Option<GatewayTunnel>,
    pub(super) lan: Option<Pool>,
    pub(super) wan: Option<Pool>,
    pub(super) local: Arc<LocalState>,
    pub(super) shutdown: watch::Sender<bool>,
}

impl std::fmt::Debug for Agent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Agent").field("node", &self.cfg.node_name).finish_non_exhaustive()
    }
}

impl Agent {
    /// Prepares an agent for `cfg`: data directory and node ID, TLS, every listener and gossip
    /// socket, the configured services and checks. Nothing is running afterwards but the
    /// configured checks, which the agent's local state owns.
    pub async fn build(cfg: AgentConfig, opts: StartOptions) -> Result<Agent, AgentError> {
        crate::tls::install_default_provider();
        let node_id = prepare_data_dir(&cfg)?;
        let tls = AgentTls::load(&cfg.tls, &cfg.datacenter, &cfg.domain)?;
        if cfg.mesh_gateway_wan_federation {
            preflight(&cfg)?;
        }
        let locator = (cfg.server && cfg.mesh_gateway_wan_federation)
            .then(|| Locator::new(&cfg.datacenter, &cfg.primary_datacenter));
        let gateways = locator.clone().map(|l| Arc::new(l) as Arc<dyn GatewayRoute>);
        let rpc = RpcClient::new(ClientOptions { tls: tls.clone(), gateways, ..ClientOptions::default() });
        let tunnel = locator.as_ref().zip(tls.as_ref()).map(|(l, t)| GatewayTunnel::new(l.clone(), t.clone()));
        let (shutdown, _) = watch::channel(false);
        // Everything bound so far is closed again when a bind fails, before the ports are
        // checked, so a port taken by this agent itself is not reported.
        let bound = async {
            let listeners = Listeners::bind(&cfg, tls.as_deref()).await?;
            let dns = listeners.dns_advertised(&cfg);
            let wan = bind_wan(&cfg, listeners.server_port, &dns, tunnel.as_ref(), &shutdown).await?;
            let wan_port = wan.as_ref().map_or(0, |w| w.gossip.local().addr.port());
            let lan = bind_lan(&cfg, listeners.server_port, &dns, wan_port, &shutdown).await?;
            Ok((listeners, wan, lan))
        }
        .await;
        let (listeners, wan, lan) = bound.map_err(|e| super::ports::every_port_in_use(&cfg, e))?;
        let local = local_definitions(&cfg)?;
        Ok(Agent { cfg, opts, node_id, tls, listeners, rpc, locator, tunnel, lan, wan, local, shutdown })
    }
}

fn prepare_data_dir(cfg: &AgentConfig) -> Result<String, AgentError> {
    if let Some(dir) = &cfg.data_dir {
        crate::files::create_private_dir(dir).map_err(|source| AgentError::DataDir { path: dir.clone(), source })?;
    }
    identity::node_uuid(cfg.data_dir.as_deref())
        .map_err(|source| AgentError::DataDir { path: cfg.data_dir.clone().unwrap_or_default(), source })
}

async fn bind(what: &'static str, addr: SocketAddr) -> Result<TcpListener, AgentError> {
    TcpListener::bind(addr).await.map_err(|source| AgentError::Bind { what, addr, source })
}

impl Listeners {
    /// Where the DNS interface listens (`None`: off).
    pub(super) fn dns_addr(&self) -> Option<SocketAddr> {
        self.dns.as_ref().and_then(|(udp, _)| udp.local_addr().ok())
    }

    /// Where the DNS interface answers, as members are told: `ip:port`, with the advertise
    /// address when it listens on every address; empty when it is off.
    pub(super) fn dns_advertised(&self, cfg: &AgentConfig) -> String {
        let Some(addr) = self.dns_addr() else { return String::new() };
        let ip = if addr.ip().is_unspecified() { cfg.advertise_addr } else { addr.ip() };
        SocketAddr::new(ip, addr.port()).to_string()
    }

    async fn bind(cfg: &AgentConfig, tls: Option<&AgentTls>) -> Result<Listeners, AgentError> {
        let on = |port| SocketAddr::new(cfg.client_addr, port);
        let http = match cfg.ports.http {
            Some(port) => Some(bind("HTTP", on(port)).await?),
            None => None,
        };
        let grpc = match cfg.ports.grpc {
            Some(port) => Some(bind("xDS gRPC", on(port)).await?),
            None => None,
        };
        let grpc_tls = match cfg.ports.grpc_tls {
            Some(port) => {
                let config = grpc_tls_config(cfg)?;
                Some((bind("xDS gRPC TLS", on(port)).await?, config))
            }
            None => None,
        };
        let https = match (cfg.ports.https, tls) {
            (Some(port), Some(tls)) => {
                let config =
                    tls.https_config(cfg.tls.verify_incoming_https).map_err(|e| AgentError::Https(e.to_string()))?;
                Some((bind("HTTPS", on(port)).await?, config))
            }
            (Some(_), None) => return Err(AgentError::Https("ca_file, cert_file and key_file are not set".into())),
            (None, _) => None,
        };
        let dns = match cfg.ports.dns {
            Some(port) => Some(bind_dns(on(port)).await?),
            None => None,
        };
        let server = match (cfg.server, cfg.ports.server) {
            (true, Some(port)) => Some(bind("server RPC", SocketAddr::new(cfg.bind_addr, port)).await?),
            _ => None,
        };
        let configured = cfg.ports.server.unwrap_or(8300);
        let server_port = server.as_ref().and_then(|l| l.local_addr().ok()).map_or(configured, |a| a.port());
        Ok(Listeners { http, https, grpc, grpc_tls, dns, server, server_port })
    }
}

/// The DNS interface's UDP socket and TCP listener on one port. Port 0 lets UDP pick it and
/// TCP take the same one; when that one is taken over TCP, another is picked.
async fn bind_dns(addr: SocketAddr) -> Result<(tokio::net::UdpSocket, TcpListener), AgentError> {
    let mut tries = if addr.port() == 0 { 20 } else { 1 };
    loop {
        let udp = tokio::net::UdpSocket::bind(addr).await.map_err(|source| AgentError::Bind {
            what: "DNS (UDP)",
            addr,
            source,
        })?;
        let picked = SocketAddr::new(addr.ip(), udp.local_addr().map_or(addr.port(), |a| a.port()));
        tries -= 1;
        match TcpListener::bind(picked).await {
            Ok(tcp) => return Ok((udp, tcp)),
            Err(e) if tries > 0 && e.kind() == std::io::ErrorKind::AddrInUse => continue,
            Err(source) => return Err(AgentError::Bind { what: "DNS (TCP)", addr: picked, source }),
        }
    }
}

/// The TLS configuration of xDS over TLS: the agent's certificate and key, offering h2.
fn grpc_tls_config(cfg: &AgentConfig) -> Result<Arc<rustls::ServerConfig>, AgentError> {
    let (Some(cert), Some(key)) = (&cfg.tls.cert_file, &cfg.tls.key_file) else {
        return Err(AgentError::GrpcTls("cert_file and key_file are not set".to_owned()));
    };
    let config =
        crate::tls::server_config_from_files(cert, key, &[b"h2"]).map_err(|e| AgentError::GrpcTls(e.to_string()))?;
    Ok(Arc::new(config))
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
            dns: String::new(),
        },
        expected_size,
        tunnel: None,
        keyring: None,
    }
}

/// The keyring of one pool (`local.keyring` for the LAN, `remote.keyring` for the WAN, in
/// `<data_dir>/serf/`): the file's keys if it exists, else the `encrypt` key (written to the
/// file). `None`: this pool gossips in the clear.
fn keyring(cfg: &AgentConfig, file: &str) -> Result<Option<Arc<crate::gossip::Keyring>>, AgentError> {
    let path = match (&cfg.data_dir, cfg.disable_keyring_file) {
        (Some(dir), false) => Some(dir.join("serf").join(file)),
        _ => None,
    };
    let Some(seed) = crate::gossip::seed(path.as_deref(), cfg.encrypt.as_deref())? else { return Ok(None) };
    if let Some(warning) = &seed.warning {
        tracing::warn!(file, "{}", warning.trim_start());
    }
    let ring = crate::gossip::Keyring::new(seed.keys, path, cfg.encrypt_verify)?;
    Ok(Some(Arc::new(ring)))
}

async fn bind_pool(
    what: &'static str,
    opts: GossipOptions,
    shutdown: &watch::Sender<bool>,
) -> Result<Pool, AgentError> {
    let addr = opts.bind;
    let (gossip, task) =
        Gossip::bind(opts, shutdown.subscribe()).await.map_err(|source| AgentError::Bind { what, addr, source })?;
    Ok(Pool { gossip, task: Box::pin(task) })
}

/// Servers: the WAN pool of every datacenter's servers, member names `<node>.<dc>`; through
/// mesh gateways, packets for other datacenters go through the tunnel.
async fn bind_wan(
    cfg: &AgentConfig,
    server_port: u16,
    dns: &str,
    tunnel: Option<&GatewayTunnel>,
    shutdown: &watch::Sender<bool>,
) -> Result<Option<Pool>, AgentError> {
    let (true, Some(port)) = (cfg.server, cfg.ports.serf_wan) else { return Ok(None) };
    let mut opts = pool_options(cfg, port, format!("{}.{}", cfg.node_name, cfg.datacenter), server_port, 9);
    opts.tunnel = tunnel.map(|t| Arc::new(t.clone()) as Arc<dyn crate::gossip::Tunnel>);
    opts.meta.dns = dns.to_owned();
    opts.keyring = keyring(cfg, "remote.keyring")?;
    Ok(Some(bind_pool("WAN gossip", opts, shutdown).await?))
}

/// Everyone: the LAN pool. Servers tell their datacenter where their WAN pool listens, so they
/// introduce each other there (every server of a datacenter ends up in the WAN pool even when
/// each joined it through a different server elsewhere).
async fn bind_lan(
    cfg: &AgentConfig,
    server_port: u16,
    dns: &str,
    wan_port: u16,
    shutdown: &watch::Sender<bool>,
) -> Result<Option<Pool>, AgentError> {
    let Some(port) = cfg.ports.serf_lan else {
        return match (cfg.server, cfg.bootstrap_expect) {
            (true, expect) if expect > 1 => Err(AgentError::NoGossip("bootstrap_expect > 1")),
            (true, _) => Ok(None),
            (false, _) => Err(AgentError::NoGossip("a client agent")),
        };
    };
    let rpc_port = if cfg.server { server_port } else { 0 };
    let mut opts = pool_options(cfg, port, cfg.node_name.clone(), rpc_port, cfg.bootstrap_expect.max(3));
    opts.meta.wan_port = wan_port;
    opts.meta.dns = dns.to_owned();
    opts.keyring = keyring(cfg, "local.keyring")?;
    Ok(Some(bind_pool("LAN gossip", opts, shutdown).await?))
}

/// The agent-local state with the configuration's services and checks.
fn local_definitions(cfg: &AgentConfig) -> Result<Arc<LocalState>, AgentError> {
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
    Ok(local)
}
