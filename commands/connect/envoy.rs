use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

use fedctl::api::AgentSelf;
use fedctl::duration::GoDuration;
use fedctl::state::{NodeService, ServiceKind};
use fedctl::xds::bootstrap::{BootstrapInput, EnvoyLog, bootstrap_json};
use fedctl::xds::gateway_plan::{GatewayFlags, PlanError, plan};
use reqwest::Method;

use super::exec::{exec_envoy, find_envoy};
use super::ready::spawn_watcher;
use crate::cli::{CliError, ClientArgs, Ctx, api_error};

/// Run Envoy as a service's sidecar or as a mesh gateway, its whole configuration coming
/// from the local agent over xDS.
///
/// With -sidecar-for <service-id> Envoy is the sidecar proxy registered for that service
/// (`Connect.SidecarService` in its definition): it serves the service's mTLS public port
/// with the service's leaf certificate, and each upstream on its local port.
///
/// With -register the gateway service is registered first (kind mesh-gateway, tagged lan/wan
/// addresses, a TCP check `mesh-gateway listening` every 10s); -expose-servers adds the meta
/// consul-wan-federation=1, so the gateway also routes server-to-server traffic by SNI
/// (`<node>.server.<dc>.<domain>`). Then the bootstrap is written to an in-memory file and
/// this process becomes Envoy (`--disable-hot-restart` unless you pass restart flags after
/// `--`), logging warnings and errors only unless -envoy-log-level says otherwise. One line on
/// stderr then says when Envoy is ready (listening, with the agent's configuration accepted)
/// or why it is not (e.g. it rejected a listener whose port is taken). With -bootstrap the
/// bootstrap JSON is printed instead.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    fedctl connect envoy -sidecar-for web -admin-bind localhost:19001\n  \
    fedctl connect envoy -gateway=mesh -register -expose-servers -address 10.0.0.5:8443 -wan-address 203.0.113.5:8443\n  \
    fedctl connect envoy -gateway=mesh -bootstrap > bootstrap.json\n  \
    fedctl connect envoy -gateway=mesh -register -address 127.0.0.1:8443 -- --base-id 7 -l debug")]
pub struct Args {
    /// Configure Envoy as a gateway of this kind: mesh (terminating and ingress are not
    /// supported yet).
    #[arg(long, value_name = "KIND")]
    pub gateway: Option<String>,
    /// Deprecated spelling of -gateway=mesh.
    #[arg(long, hide = true)]
    pub mesh_gateway: bool,
    /// Register the gateway service with the local agent before starting Envoy.
    #[arg(long)]
    pub register: bool,
    /// Route server-to-server traffic (WAN federation) through this gateway: registers it
    /// with meta consul-wan-federation=1. Needs -gateway=mesh and -register.
    #[arg(long)]
    pub expose_servers: bool,
    /// LAN address to advertise and listen on, ip:port (`:port` for any address; no port
    /// means 8443).
    #[arg(long, value_name = "IP:PORT")]
    pub address: Option<String>,
    /// WAN address other datacenters dial, ip:port.
    #[arg(long, value_name = "IP:PORT")]
    pub wan_address: Option<String>,
    /// A listener to bind, name=ip:port; repeatable. Replaces the default binds.
    #[arg(long, value_name = "NAME=IP:PORT")]
    pub bind_address: Vec<String>,
    /// Run the sidecar proxy of this service instance (the service's ID): the one
    /// connect-proxy registered on the agent whose Proxy.DestinationServiceID it is.
    #[arg(long, value_name = "SERVICE-ID")]
    pub sidecar_for: Option<String>,
    /// Service name to register [default: mesh-gateway].
    #[arg(long, value_name = "NAME")]
    pub service: Option<String>,
    /// The proxy's service ID on the local agent [default: with -sidecar-for, that service's
    /// sidecar; for a gateway, the service name when registering, else the one mesh gateway
    /// registered there] [env: CONNECT_PROXY_ID].
    #[arg(long, value_name = "ID")]
    pub proxy_id: Option<String>,
    /// Envoy's admin listener, host:port.
    #[arg(long, value_name = "HOST:PORT", default_value = "localhost:19000")]
    pub admin_bind: String,
    /// Where Envoy writes the admin access log.
    #[arg(long, value_name = "PATH", default_value = "/dev/null")]
    pub admin_access_log_path: String,
    /// Print the bootstrap JSON to stdout instead of running Envoy.
    #[arg(long)]
    pub bootstrap: bool,
    /// Envoy's own log level: trace, debug, info, warning, error, critical or off (Envoy's
    /// `-l`; `-- -l LEVEL` does the same).
    #[arg(long, value_name = "LEVEL", default_value = fedctl::xds::bootstrap::DEFAULT_ENVOY_LOG_LEVEL,
          value_parser = clap::builder::PossibleValuesParser::new(fedctl::xds::bootstrap::ENVOY_LOG_LEVELS))]
    pub envoy_log_level: String,
    /// Write Envoy's own log to this file instead of stderr (Envoy's `--log-path`).
    #[arg(long, value_name = "PATH")]
    pub envoy_log_path: Option<String>,
    /// The Envoy binary [default: `envoy` on PATH] [env: FEDCTL_ENVOY_BIN].
    #[arg(long, value_name = "PATH")]
    pub envoy_binary: Option<PathBuf>,
    /// The agent's xDS gRPC address, [http(s)://]host:port [default: the agent's gRPC port,
    /// from /v1/agent/self] [env: FEDCTL_GRPC_ADDR, CONSUL_GRPC_ADDR].
    #[arg(long, value_name = "ADDR")]
    pub grpc_addr: Option<String>,
    /// Deregister the gateway after its check has been critical this long.
    #[arg(long, value_name = "DURATION", default_value = "6h")]
    pub deregister_after_critical: GoDuration,
    /// Arguments after `--` are passed to Envoy.
    #[arg(last = true, value_name = "ENVOY ARGS")]
    pub envoy_args: Vec<String>,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_connect_envoy(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    // Resolved once: the client, the token in the bootstrap and the CA for xDS TLS.
    let settings = args.client.resolve()?;
    let client = fedctl::api::Client::new(&settings).map_err(api_error)?;
    let mut proxy_id =
        args.proxy_id.clone().or_else(|| std::env::var("CONNECT_PROXY_ID").ok()).filter(|p| !p.is_empty());
    if let Some(service_id) = args.sidecar_for.as_deref().filter(|_| proxy_id.is_none()) {
        proxy_id = Some(lookup_sidecar(&client, service_id).await?);
    }
    let flags = GatewayFlags {
        gateway: args.gateway.clone(),
        mesh_gateway: args.mesh_gateway,
        register: args.register,
        expose_servers: args.expose_servers,
        proxy_id,
        service: args.service.clone(),
        address: args.address.clone(),
        wan_address: args.wan_address.clone(),
        bind_addresses: args.bind_address.clone(),
        deregister_after_critical: args.deregister_after_critical,
    };
    let plan = plan(&flags, |ip| std::net::TcpListener::bind(SocketAddr::new(*ip, 0)).is_ok()).map_err(|e| {
        let hint = match e {
            PlanError::NoProxyId => {
                Some("for a service's sidecar pass -sidecar-for <service-id>; for a gateway, -gateway=mesh")
            }
            PlanError::NotBindable(_) => Some("a gateway behind NAT: pass -bind-address default=0.0.0.0:PORT"),
            _ => None,
        };
        let err = CliError::failure(e);
        match hint {
            Some(h) => err.hint(h),
            None => err,
        }
    })?;
    // Find Envoy before registering anything, so a missing binary leaves no registration.
    let envoy = if args.bootstrap { None } else { Some(find_envoy(args.envoy_binary_or_env().as_deref())?) };

    let (proxy_id, service) = match (&plan.registration, &plan.proxy_id) {
        (Some(def), _) => {
            let body = serde_json::to_vec(def).map_err(CliError::failure)?;
            register(ctx, &client, body)
                .await
                .map_err(|e| CliError::failure(format!("Error registering service {:?}: {e}", def.name)))?;
            ctx.out.info(format!("Registered service: {}", def.name));
            (def.id.clone(), def.name.clone())
        }
        (None, Some(id)) if plan.kind.is_none() => (id.clone(), proxy_cluster(&client, id).await?),
        (None, Some(id)) => (id.clone(), plan.service.clone()),
        (None, None) => lookup_gateway(&client, plan.kind.as_deref().unwrap_or_default()).await?,
    };

    let (agent_address, agent_port, agent_tls) = grpc_target(&client, args.grpc_addr.as_deref()).await?;
    let agent_ca_pem = if agent_tls { Some(read_ca(&settings)?) } else { None };
    let (admin_host, admin_port) = split_host_port("admin-bind", &args.admin_bind)?;
    let admin_address = resolve(&admin_host, admin_port).await?;
    let input = BootstrapInput {
        proxy_id: proxy_id.clone(),
        proxy_cluster: service,
        agent_address: agent_address.to_string(),
        agent_port,
        agent_ca_pem,
        admin_address: admin_address.to_string(),
        admin_port,
        admin_access_log_path: args.admin_access_log_path.clone(),
        token: settings.token.value.clone().unwrap_or_default(),
    };
    let bootstrap = serde_json::to_string_pretty(&bootstrap_json(&input)).map_err(CliError::failure)?;
    let Some(binary) = envoy else { return ctx.out.line(bootstrap) };
    let log = EnvoyLog { level: args.envoy_log_level.clone(), path: args.envoy_log_path.clone() };
    spawn_watcher(&settings, &SocketAddr::new(admin_address, admin_port).to_string(), &proxy_id);
    Err(exec_envoy(&binary, &bootstrap, &log, &args.envoy_args))
}

impl Args {
    fn envoy_binary_or_env(&self) -> Option<PathBuf> {
        self.envoy_binary.clone().or_else(|| std::env::var_os("FEDCTL_ENVOY_BIN").map(PathBuf::from))
    }
}

/// The ID of the one sidecar proxy registered for the service instance `service_id` (the
/// reference compares the IDs case-insensitively).
async fn lookup_sidecar(client: &fedctl::api::Client, service_id: &str) -> Result<String, CliError> {
    let services: BTreeMap<String, NodeService> = client
        .get("/v1/agent/services", &[])
        .await
        .map_err(|e| CliError::failure(format!("Failed looking up sidecar proxy info for {service_id}: {e}")))?
        .value;
    let found: Vec<String> = services
        .into_values()
        .filter(|s| {
            s.kind.0 == ServiceKind::CONNECT_PROXY
                && s.proxy.as_ref().is_some_and(|p| p.destination_service_id.eq_ignore_ascii_case(service_id))
        })
        .map(|s| s.id)
        .collect();
    match found.as_slice() {
        [] => Err(CliError::failure(format!("No sidecar proxy registered for {service_id}"))
            .hint("register the service with a Connect.SidecarService block (see `fedctl services register -help`)")),
        [one] => Ok(one.clone()),
        many => Err(CliError::failure(format!(
            "More than one sidecar proxy registered for {service_id}.\n    Start proxy with -proxy-id and one of the following IDs: {}",
            many.join(", ")
        ))),
    }
}

/// Envoy's `node.cluster` for the proxy `id`: a sidecar's destination service name, else
/// its own service name.
async fn proxy_cluster(client: &fedctl::api::Client, id: &str) -> Result<String, CliError> {
    let path = format!("/v1/agent/service/{id}");
    let service: NodeService = client
        .get(&path, &[])
        .await
        .map_err(|e| CliError::failure(format!("failed fetch proxy config from local agent: {e}")))?
        .value;
    Ok(match service.proxy {
        Some(p) if service.kind.0 == ServiceKind::CONNECT_PROXY && !p.destination_service_name.is_empty() => {
            p.destination_service_name
        }
        _ => service.service,
    })
}

/// The one gateway of `kind` registered on the agent: `(id, service name)`.
async fn lookup_gateway(client: &fedctl::api::Client, kind: &str) -> Result<(String, String), CliError> {
    let services: BTreeMap<String, NodeService> = client.get("/v1/agent/services", &[]).await.map_err(api_error)?.value;
    let found: Vec<(String, String)> =
        services.into_values().filter(|s| s.kind.0 == kind).map(|s| (s.id, s.service)).collect();
    match found.as_slice() {
        [] => Err(CliError::failure(format!("No {kind} services registered with this agent"))
            .hint("register one with -register, or pass -proxy-id")),
        [one] => Ok(one.clone()),
        _ => Err(CliError::failure(format!(
            "Cannot lookup the {kind}'s proxy ID because multiple are registered with the agent"
        ))
        .hint("pass -proxy-id")),
    }
}

/// The agent's gRPC address as (ip, port, tls): the flag or env, else the port the agent
/// reports on the host of its HTTP address.
async fn grpc_target(client: &fedctl::api::Client, flag: Option<&str>) -> Result<(IpAddr, u16, bool), CliError> {
    let configured = flag
        .map(str::to_owned)
        .or_else(|| std::env::var("FEDCTL_GRPC_ADDR").ok())
        .or_else(|| std::env::var("CONSUL_GRPC_ADDR").ok())
        .filter(|a| !a.is_empty());
    let (addr, tls) = match configured {
        Some(a) if a.starts_with("unix://") => {
            return Err(CliError::failure(format!("-grpc-addr {a}: unix sockets are not supported yet")));
        }
        Some(a) => match a.strip_prefix("https://") {
            Some(rest) => (rest.to_owned(), true),
            None => (a.strip_prefix("http://").unwrap_or(&a).to_owned(), false),
        },
        None => {
            let me: AgentSelf = client.get("/v1/agent/self", &[]).await.map_err(api_error)?.value;
            // The reference shows the plaintext port only in DebugConfig.
            let port = if me.xds.port > 0 { me.xds.port } else { me.debug_config.grpc_port };
            let tls_port = me.xds.tls_port;
            // Plaintext when the agent serves it, else its TLS port, else the default.
            match (port > 0, tls_port > 0) {
                (true, _) => (format!("{}:{port}", client.host()), false),
                (false, true) => (format!("{}:{tls_port}", client.host()), true),
                (false, false) => (format!("{}:8502", client.host()), false),
            }
        }
    };
    let (host, port) = split_host_port("grpc-addr", &addr)?;
    Ok((resolve(&host, port).await?, port, tls))
}

fn split_host_port(flag: &str, value: &str) -> Result<(String, u16), CliError> {
    let bad = || CliError::failure(format!("invalid value {value:?} for flag -{flag}: expected host:port"));
    let (host, port) = value.rsplit_once(':').ok_or_else(bad)?;
    let port = port.parse().map_err(|_| bad())?;
    let host = host.trim_start_matches('[').trim_end_matches(']');
    Ok((if host.is_empty() { "127.0.0.1".to_owned() } else { host.to_owned() }, port))
}

/// Envoy's static clusters need an IP: resolve names here.
async fn resolve(host: &str, port: u16) -> Result<IpAddr, CliError> {
    if let Ok(ip) = host.parse() {
        return Ok(ip);
    }
    let mut addrs =
        tokio::net::lookup_host((host, port)).await.map_err(|e| CliError::failure(format!("resolving {host}: {e}")))?;
    addrs.next().map(|a| a.ip()).ok_or_else(|| CliError::failure(format!("resolving {host}: no addresses")))
}

fn read_ca(settings: &fedctl::api::ClientSettings) -> Result<String, CliError> {
    let Some(path) = &settings.ca_file.value else {
        return Err(CliError::failure(
            "an https:// gRPC address needs -ca-file (or FEDCTL_CACERT) to verify the agent",
        ));
    };
    std::fs::read_to_string(path).map_err(|e| CliError::failure(format!("reading CA file {path}: {e}")))
}

/// How long a registration waits for its datacenter to resolve the token (a secondary asks the
/// primary about a token it has not replicated yet, and reaches it once its path to the
/// primary's gateways works).
const TOKEN_WAIT: std::time::Duration = std::time::Duration::from_secs(60);

/// Registers the service; while the agent cannot resolve the token yet (`ACL not found`, or
/// an unresolved token while the primary is out of reach), says so once and tries again.
async fn register(ctx: &Ctx, client: &fedctl::api::Client, body: Vec<u8>) -> Result<(), fedctl::api::ClientError> {
    let deadline = tokio::time::Instant::now() + TOKEN_WAIT;
    let mut said = false;
    loop {
        let result = client.call::<()>(Method::PUT, "/v1/agent/service/register", &[], Some(body.clone())).await;
        let unresolved = matches!(&result, Err(fedctl::api::ClientError::Status { status, body, .. })
            if status.as_u16() == 403 && (body.contains("an unresolved token") || body.contains("ACL not found")));
        if !unresolved || tokio::time::Instant::now() >= deadline {
            return result;
        }
        if !said {
            ctx.out.info("==> waiting for the agent to resolve the token: in a secondary datacenter that needs its servers to reach the primary (through primary_gateways, or ACL replication)");
            said = true;
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
}
