use std::path::PathBuf;

use fedctl::agent::{AgentError, StartOptions, start};
use fedctl::config::{ConfigFlags, resolve};

use crate::cli::{CliError, Ctx};

/// Run an agent: a server or a client of a datacenter, with its HTTP API.
///
/// `fedctl agent -dev` runs one in-memory server with no flags at all. A durable server:
/// `fedctl agent -server -bootstrap-expect 1 -data-dir /var/lib/fedctl`. Settings come from
/// defaults, then HCL/JSON config files (-config-file, -config-dir; later files win), then
/// flags. Stop with Ctrl-C, SIGTERM or `fedctl leave`: the agent finishes in-flight requests,
/// closes its gateways' xDS streams and exits within seconds; a second Ctrl-C exits at once.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  fedctl agent -dev\n  fedctl agent -server -bootstrap-expect 1 -data-dir /tmp/fedctl -node n1\n  fedctl agent -config-dir /etc/fedctl.d"
)]
pub struct Args {
    /// Development mode: one in-memory server listening on 127.0.0.1; nothing is kept.
    #[arg(long)]
    pub dev: bool,
    /// Run as a server (raft member holding the datacenter's state).
    #[arg(long)]
    pub server: bool,
    /// Number of servers to wait for before the datacenter elects its first leader (each
    /// server of a new datacenter is started with the same number; a lone server uses 1).
    #[arg(long, value_name = "N")]
    pub bootstrap_expect: Option<u32>,
    /// Node name, a DNS label [default: the host name].
    #[arg(long, value_name = "NAME")]
    pub node: Option<String>,
    /// Datacenter name [default: dc1].
    #[arg(long, value_name = "DC")]
    pub datacenter: Option<String>,
    /// Directory for durable state (required unless -dev).
    #[arg(long, value_name = "PATH")]
    pub data_dir: Option<String>,
    /// Address to bind server listeners to [default: 0.0.0.0; 127.0.0.1 with -dev].
    #[arg(long, value_name = "IP")]
    pub bind: Option<String>,
    /// Address to advertise to other nodes [default: the bind address, or the primary IP].
    #[arg(long, value_name = "IP")]
    pub advertise: Option<String>,
    /// Address for the HTTP API [default: 127.0.0.1].
    #[arg(long, value_name = "IP")]
    pub client: Option<String>,
    /// HTTP API port (-1 disables, 0 picks a free port) [default: 8500].
    #[arg(long, value_name = "PORT")]
    pub http_port: Option<i64>,
    /// Server RPC port [default: 8300].
    #[arg(long, value_name = "PORT")]
    pub server_port: Option<i64>,
    /// LAN gossip port [default: 8301].
    #[arg(long, value_name = "PORT")]
    pub serf_lan_port: Option<i64>,
    /// WAN gossip port [default: 8302].
    #[arg(long, value_name = "PORT")]
    pub serf_wan_port: Option<i64>,
    /// xDS gRPC port [default: 8502].
    #[arg(long, value_name = "PORT")]
    pub grpc_port: Option<i64>,
    /// xDS gRPC port with TLS (the agent's certificate; -1 disables) [default: disabled].
    #[arg(long, value_name = "PORT")]
    pub grpc_tls_port: Option<i64>,
    /// HTTPS API port with the agent's certificate (-1 disables) [default: disabled].
    #[arg(long, value_name = "PORT")]
    pub https_port: Option<i64>,
    /// DNS interface port, UDP and TCP (-1 disables) [default: 8600].
    #[arg(long, value_name = "PORT")]
    pub dns_port: Option<i64>,
    /// The cluster's DNS domain [default: consul].
    #[arg(long, value_name = "DOMAIN")]
    pub domain: Option<String>,
    /// A LAN address to join (host, host:port or DNS name; port 8301 by default); retried
    /// with backoff until a member answers; repeatable. Also the retry_join config key.
    #[arg(long, value_name = "ADDR", visible_alias = "retry-join")]
    pub join: Vec<String>,
    /// A WAN address of a server in another datacenter to join (port 8302 by default);
    /// retried with backoff; repeatable. Also the retry_join_wan config key. Servers only.
    #[arg(long, value_name = "ADDR", visible_alias = "retry-join-wan")]
    pub join_wan: Vec<String>,
    /// The gossip encryption key: base64 of 16 or 32 bytes (`fedctl keygen`). Also the encrypt
    /// config key.
    #[arg(long, value_name = "KEY")]
    pub encrypt: Option<String>,
    /// A mesh gateway of the primary datacenter (host:port or DNS name:port) to bootstrap WAN
    /// federation through; repeatable; secondaries with
    /// connect.enable_mesh_gateway_wan_federation. Also the primary_gateways config key.
    #[arg(long, value_name = "ADDR")]
    pub primary_gateway: Vec<String>,
    /// The federation's primary datacenter, which holds the canonical federation states
    /// [default: this datacenter]. Also the primary_datacenter config key.
    #[arg(long, value_name = "DC")]
    pub primary_datacenter: Option<String>,
    /// A config file (.hcl or .json); repeatable, later files win.
    #[arg(long, value_name = "PATH")]
    pub config_file: Vec<PathBuf>,
    /// A directory of .hcl/.json config files, read in name order; repeatable.
    #[arg(long, value_name = "PATH")]
    pub config_dir: Vec<PathBuf>,
    /// Log level: trace, debug, info, warn or error [default: info]; FEDCTL_LOG overrides.
    #[arg(long, value_name = "LEVEL")]
    pub log_level: Option<String>,
    /// Log as JSON lines.
    #[arg(long)]
    pub log_json: bool,
}

pub async fn cmd_agent(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let flags = ConfigFlags {
        dev: args.dev,
        server: args.server,
        bootstrap_expect: args.bootstrap_expect,
        node: args.node,
        datacenter: args.datacenter,
        data_dir: args.data_dir,
        bind: args.bind,
        advertise: args.advertise,
        client: args.client,
        http_port: args.http_port,
        server_port: args.server_port,
        serf_lan_port: args.serf_lan_port,
        serf_wan_port: args.serf_wan_port,
        grpc_port: args.grpc_port,
        grpc_tls_port: args.grpc_tls_port,
        https_port: args.https_port,
        dns_port: args.dns_port,
        domain: args.domain,
        join: args.join,
        join_wan: args.join_wan,
        encrypt: args.encrypt,
        primary_gateways: args.primary_gateway,
        primary_datacenter: args.primary_datacenter,
        config_files: args.config_file,
        config_dirs: args.config_dir,
        log_level: args.log_level,
        log_json: args.log_json,
    };
    let cfg = resolve(&flags).map_err(CliError::failure)?;
    crate::cli::init_logging(&cfg.log_level, cfg.log_json);
    raise_open_file_limit();

    let agent = start(cfg, StartOptions::default()).await.map_err(|e| {
        let hint = matches!(e, AgentError::PortsInUse { .. }).then_some(
            "is another agent running here? Stop it (`fedctl leave`), or choose other ports (-http-port, -server-port, -serf-lan-port, -serf-wan-port, -grpc-port; 0 picks a free one)",
        );
        let error = CliError::failure(e);
        match hint {
            Some(h) => error.hint(h),
            None => error,
        }
    })?;
    for line in banner(&agent) {
        ctx.out.info(line);
    }

    let mut signals = Signals::new();
    tokio::select! {
        _ = signals.next() => ctx.out.info("==> shutting down (a second Ctrl-C exits at once)"),
        _ = agent.left.notified() => ctx.out.info("==> left the datacenter gracefully; shutting down"),
    }
    tokio::select! {
        _ = agent.shutdown() => Ok(()),
        _ = signals.next() => {
            ctx.out.info("==> second signal: exiting now, without finishing the shutdown");
            Err(CliError::Interrupted)
        }
    }
}

/// What the agent is and where it listens, as Consul's start banner says it; the addresses are
/// the bound ones (port 0 shows the port picked).
fn banner(agent: &fedctl::agent::Running) -> Vec<String> {
    let cfg = &agent.config;
    let mut lines = vec![
        format!("==> fedctl agent running{}", if cfg.dev { " in dev mode: state is kept in memory only" } else { "" }),
        format!("        Version: {}", env!("CARGO_PKG_VERSION")),
        format!("      Node name: {}", cfg.node_name),
        format!("     Datacenter: {} (primary: {})", cfg.datacenter, cfg.primary_datacenter),
        if cfg.server {
            format!("         Server: true (bootstrap expect: {})", cfg.bootstrap_expect)
        } else {
            "         Server: false (a client agent)".to_owned()
        },
    ];
    let mut at = |name: &str, addr: Option<String>| {
        lines.push(format!("{name:>15}: {}", addr.unwrap_or_else(|| "disabled".to_owned())));
    };
    at("HTTP API", agent.http_addr.map(|a| format!("http://{a}")));
    if agent.dns_addr.is_some() {
        at("DNS", agent.dns_addr.map(|a| format!("{a} (UDP and TCP)")));
    }
    if agent.https_addr.is_some() {
        at("HTTPS API", agent.https_addr.map(|a| format!("https://{a}")));
    }
    if cfg.server {
        at("Server RPC", Some(agent.rpc_addr.clone()));
    }
    at("xDS gRPC", agent.grpc_addr.map(|a| a.to_string()));
    if agent.grpc_tls_addr.is_some() {
        at("xDS gRPC (TLS)", agent.grpc_tls_addr.map(|a| a.to_string()));
    }
    if cfg.server {
        at("WAN gossip", agent.wan.as_ref().map(|w| w.local().addr.to_string()));
    }
    at("LAN gossip", agent.gossip.as_ref().map(|g| g.local().addr.to_string()));
    let tls = &cfg.tls;
    // The keyring in use (a keyring file may encrypt without `encrypt` being set).
    let gossip_encrypted = agent.gossip.as_ref().or(agent.wan.as_ref()).is_some_and(|g| g.keyring().is_some());
    lines.push(format!(
        "        Encrypt: Gossip: {gossip_encrypted}, TLS-Outgoing: {}, TLS-Incoming: {}, Verify-Server-Hostname: {}",
        tls.verify_outgoing, tls.verify_incoming, tls.verify_server_hostname
    ));
    if cfg.server {
        lines.push(format!(
            " WAN federation: {}",
            if cfg.mesh_gateway_wan_federation {
                "through mesh gateways"
            } else {
                "direct (WAN gossip between servers)"
            }
        ));
    }
    if let Some(dir) = &cfg.data_dir {
        lines.push(format!("       Data dir: {}", dir.display()));
    }
    lines
}

/// Ctrl-C (SIGINT) and SIGTERM, as one stream of signals.
struct Signals {
    term: Option<tokio::signal::unix::Signal>,
    int: Option<tokio::signal::unix::Signal>,
}

impl Signals {
    fn new() -> Signals {
        use tokio::signal::unix::{SignalKind, signal};
        Signals { term: signal(SignalKind::terminate()).ok(), int: signal(SignalKind::interrupt()).ok() }
    }

    async fn next(&mut self) {
        async fn recv(s: &mut Option<tokio::signal::unix::Signal>) {
            match s {
                Some(s) => {
                    s.recv().await;
                }
                None => std::future::pending().await,
            }
        }
        tokio::select! {
            _ = recv(&mut self.term) => {}
            _ = recv(&mut self.int) => {}
        }
    }
}

/// Raises the soft limit on open files to the hard one, as Go programs (and so the reference)
/// do at start: each connection is a file, and a low soft limit would let a few thousand idle
/// clients starve every other one.
fn raise_open_file_limit() {
    use rustix::process::{Resource, getrlimit, setrlimit};
    let limit = getrlimit(Resource::Nofile);
    if limit.current < limit.maximum {
        let raised = rustix::process::Rlimit { current: limit.maximum, maximum: limit.maximum };
        match setrlimit(Resource::Nofile, raised) {
            Ok(()) => tracing::debug!(from = ?limit.current, to = ?limit.maximum, "raised the open-file limit"),
            Err(e) => tracing::warn!(error = %e, "could not raise the open-file limit"),
        }
    }
}
