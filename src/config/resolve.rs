//! Layering and validation: defaults < config files (in order) < flags.

use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;

use super::file::{FileConfig, load_file};
use super::{AgentConfig, ConfigError, ConfigFlags, Origin, Ports, TlsSettings};
use crate::tls::names::{check_dns_label, check_dns_name};

/// The last value set for a key, with where it came from.
struct Pick<T> {
    value: T,
    origin: Origin,
}

/// Loads the files named by the flags and resolves the final configuration.
pub fn resolve(flags: &ConfigFlags) -> Result<AgentConfig, ConfigError> {
    let mut layers: Vec<(PathBuf, FileConfig)> = Vec::new();
    // Every file is read, so one run reports the problems of all of them.
    let mut problems = Vec::new();
    for path in config_paths(flags)? {
        match load_file(&path) {
            Ok(file) => layers.push((path, file)),
            Err(e) => problems.push(e),
        }
    }
    match problems.len() {
        0 => {}
        1 => return Err(problems.remove(0)),
        _ => return Err(ConfigError::Files(problems)),
    }

    // The last layer that sets a key wins; flags win over every file.
    macro_rules! pick {
        ($field:ident, $flag:expr, $flag_name:literal) => {{
            let from_flag = $flag.clone().map(|v| Pick { value: v, origin: Origin::Flag($flag_name) });
            from_flag.or_else(|| {
                layers.iter().rev().find_map(|(path, f)| {
                    f.$field.clone().map(|v| Pick { value: v, origin: Origin::File(path.clone()) })
                })
            })
        }};
    }
    macro_rules! pick_port {
        ($field:ident, $flag:expr, $flag_name:literal) => {{
            let from_flag = $flag.map(|v| Pick { value: v, origin: Origin::Flag($flag_name) });
            from_flag.or_else(|| {
                layers
                    .iter()
                    .rev()
                    .find_map(|(path, f)| f.ports.$field.map(|v| Pick { value: v, origin: Origin::File(path.clone()) }))
            })
        }};
    }

    let dev = flags.dev;
    let server = dev || flags.server || pick!(server, None::<bool>, "server").is_some_and(|p| p.value);
    let bootstrap_expect = pick!(bootstrap_expect, flags.bootstrap_expect, "bootstrap-expect");
    let node = pick!(node_name, flags.node, "node");
    let datacenter = pick!(datacenter, flags.datacenter, "datacenter");
    let data_dir = pick!(data_dir, flags.data_dir, "data-dir");
    let bind = pick!(bind_addr, flags.bind, "bind");
    let advertise = pick!(advertise_addr, flags.advertise, "advertise");
    let client = pick!(client_addr, flags.client, "client");
    let domain = pick!(domain, flags.domain, "domain");
    let primary = pick!(primary_datacenter, flags.primary_datacenter, "primary-datacenter");
    let log_level = pick!(log_level, flags.log_level, "log-level");
    let tls = resolve_tls(&layers)?;
    let limits = super::limits::resolve_limits(&layers)?;
    let raft_snapshot_threshold = match pick!(raft_snapshot_threshold, None::<u64>, "raft-snapshot-threshold") {
        Some(p) if p.value == 0 => {
            return Err(invalid(&p, "raft_snapshot_threshold", "must be at least 1".into()));
        }
        Some(p) => p.value,
        None => 16_384,
    };
    let log_json = flags.log_json || pick!(log_json, None::<bool>, "log-json").is_some_and(|p| p.value);

    let node_name = match node {
        Some(p) => {
            check_dns_label(&p.value)
                .map_err(|problem| invalid(&p, "node_name", format!("must be a DNS label: {problem}")))?;
            p.value
        }
        None => default_node_name(),
    };
    let datacenter = match datacenter {
        Some(p) => {
            check_dns_label(&p.value)
                .map_err(|problem| invalid(&p, "datacenter", format!("must be a DNS label: {problem}")))?;
            p.value
        }
        None => "dc1".to_owned(),
    };
    let domain = match domain {
        Some(p) => {
            check_dns_name(&p.value, false)
                .map_err(|problem| invalid(&p, "domain", format!("must be a DNS name: {problem}")))?;
            p.value
        }
        None => "consul".to_owned(),
    };
    let primary_datacenter = match primary {
        Some(p) => {
            check_dns_label(&p.value)
                .map_err(|problem| invalid(&p, "primary_datacenter", format!("must be a DNS label: {problem}")))?;
            p.value
        }
        None => datacenter.clone(),
    };
    let data_dir = match (data_dir, dev) {
        (Some(p), _) if p.value.is_empty() => {
            return Err(invalid(&p, "data_dir", "must not be empty".into()));
        }
        (Some(p), _) => Some(PathBuf::from(p.value)),
        (None, true) => None,
        (None, false) => return Err(ConfigError::MissingDataDir),
    };
    let bootstrap_expect = match bootstrap_expect {
        Some(p) if p.value == 0 => {
            return Err(invalid(&p, "bootstrap_expect", "must be at least 1".into()));
        }
        Some(p) => p.value,
        None => 1,
    };
    let default_bind = if dev { IpAddr::V4(Ipv4Addr::LOCALHOST) } else { IpAddr::V4(Ipv4Addr::UNSPECIFIED) };
    let bind_addr = parse_ip(bind, "bind_addr")?.unwrap_or(default_bind);
    let advertise_addr = match parse_ip(advertise, "advertise_addr")? {
        Some(ip) => ip,
        None if bind_addr.is_unspecified() => default_advertise(),
        None => bind_addr,
    };
    let client_addr = parse_ip(client, "client_addr")?.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
    let defaults = Ports::default();
    let ports = Ports {
        http: port(pick_port!(http, flags.http_port, "http-port"), "ports.http", defaults.http)?,
        server: port(pick_port!(server, flags.server_port, "server-port"), "ports.server", defaults.server)?,
        serf_lan: port(
            pick_port!(serf_lan, flags.serf_lan_port, "serf-lan-port"),
            "ports.serf_lan",
            defaults.serf_lan,
        )?,
        serf_wan: port(
            pick_port!(serf_wan, flags.serf_wan_port, "serf-wan-port"),
            "ports.serf_wan",
            defaults.serf_wan,
        )?,
        grpc: port(pick_port!(grpc, flags.grpc_port, "grpc-port"), "ports.grpc", defaults.grpc)?,
        grpc_tls: port(
            pick_port!(grpc_tls, flags.grpc_tls_port, "grpc-tls-port"),
            "ports.grpc_tls",
            defaults.grpc_tls,
        )?,
        https: port(pick_port!(https, flags.https_port, "https-port"), "ports.https", defaults.https)?,
        dns: port(pick_port!(dns, flags.dns_port, "dns-port"), "ports.dns", defaults.dns)?,
    };
    let log_level = match log_level {
        Some(p) => match p.value.to_ascii_lowercase().as_str() {
            l @ ("trace" | "debug" | "info" | "warn" | "error") => l.to_owned(),
            _ => {
                return Err(invalid(&p, "log_level", "expected one of trace, debug, info, warn, error".into()));
            }
        },
        None => "info".to_owned(),
    };

    let mut services = Vec::new();
    let mut checks = Vec::new();
    for (path, f) in &layers {
        for service in f.service.0.iter().chain(&f.services) {
            service.normalize().map_err(|e| ConfigError::Key {
                path: path.clone(),
                line: None,
                key: "service".into(),
                message: e.to_string(),
            })?;
            services.push(service.clone());
        }
        for check in f.check.0.iter().chain(&f.checks) {
            check.kind().map_err(|e| ConfigError::Key {
                path: path.clone(),
                line: None,
                key: "check".into(),
                message: e.to_string(),
            })?;
            checks.push(check.clone());
        }
    }

    // Each connect key: the last file that sets it wins.
    let connect_enabled =
        layers.iter().rev().find_map(|(_, f)| f.connect.as_ref().and_then(|c| c.enabled)).unwrap_or(false);
    let mesh_gateway_wan_federation = layers
        .iter()
        .rev()
        .find_map(|(_, f)| f.connect.as_ref().and_then(|c| c.enable_mesh_gateway_wan_federation))
        .unwrap_or(false);
    let primary_gateways: Vec<String> = flags
        .primary_gateways
        .iter()
        .cloned()
        .chain(layers.iter().flat_map(|(_, f)| f.primary_gateways.clone()))
        .collect();
    let retry_join_wan: Vec<String> =
        flags.join_wan.iter().cloned().chain(layers.iter().flat_map(|(_, f)| f.retry_join_wan.clone())).collect();
    let rule = |m: &str| Err(ConfigError::Rule(m.to_owned()));
    let (acl, acl_tokens, acl_master_token) = resolve_acl(&layers)?;
    // As the reference: with ACLs on, what no intention decides follows `acl.default_policy`;
    // without, it is allowed. `connect.default_intention_policy` says otherwise.
    let intention_policy =
        layers.iter().rev().find_map(|(_, f)| f.connect.as_ref().and_then(|c| c.default_intention_policy.as_deref()));
    let intention_default_by_acl = intention_policy.is_none() && acl.enabled;
    let intention_default_allow = match intention_policy {
        None => !acl.enabled || acl.default_allow,
        Some("allow") => true,
        Some("deny") => false,
        Some(other) => {
            return rule(&format!("'connect.default_intention_policy' must be \"allow\" or \"deny\", not {other:?}"));
        }
    };
    let last_bool = |get: fn(&FileConfig) -> Option<bool>| layers.iter().rev().find_map(|(_, f)| get(f));
    let encrypt = flags.encrypt.clone().or_else(|| layers.iter().rev().find_map(|(_, f)| f.encrypt.clone()));
    if let Some(key) = &encrypt {
        crate::gossip::parse_key(key).map_err(|e| ConfigError::Rule(format!("encrypt has invalid key: {e}")))?;
    }
    let encrypt_verify = crate::gossip::Verify {
        incoming: last_bool(|f| f.encrypt_verify_incoming).unwrap_or(true),
        outgoing: last_bool(|f| f.encrypt_verify_outgoing).unwrap_or(true),
    };
    let disable_keyring_file = last_bool(|f| f.disable_keyring_file).unwrap_or(false);
    if mesh_gateway_wan_federation {
        if !server {
            return rule("'connect.enable_mesh_gateway_wan_federation = true' requires 'server = true'");
        }
        if !connect_enabled {
            return rule("'connect.enable_mesh_gateway_wan_federation=true' requires 'connect.enabled=true'");
        }
        if !retry_join_wan.is_empty() {
            return rule("'retry_join_wan' is incompatible with 'connect.enable_mesh_gateway_wan_federation = true'");
        }
        if !(tls.enabled() && tls.verify_incoming && tls.verify_outgoing && tls.verify_server_hostname) {
            return rule(
                "'connect.enable_mesh_gateway_wan_federation = true' requires TLS: ca_file, cert_file, key_file, \
                 verify_incoming, verify_outgoing and verify_server_hostname",
            );
        }
    }
    if !primary_gateways.is_empty() {
        if !server {
            return rule("'primary_gateways' requires 'server = true'");
        }
        if primary_datacenter == datacenter {
            return rule("'primary_gateways' should only be configured in a secondary datacenter");
        }
        if let Some(bad) = primary_gateways
            .iter()
            .find(|g| !g.rsplit_once(':').is_some_and(|(h, p)| !h.is_empty() && p.parse::<u16>().is_ok()))
        {
            return Err(ConfigError::Rule(format!(
                "'primary_gateways' entry {bad:?} needs a host and a port (host:port)"
            )));
        }
    }
    let primary_gateways_interval = layers
        .iter()
        .rev()
        .find_map(|(_, f)| f.primary_gateways_interval)
        .map_or(std::time::Duration::from_secs(30), |d| d.0);
    if primary_gateways_interval < std::time::Duration::from_secs(1) {
        return rule("'primary_gateways_interval' must be at least 1s");
    }

    let dns = super::dns::resolve_dns(&layers, &domain, &datacenter)?;
    Ok(AgentConfig {
        node_name,
        datacenter,
        server,
        bootstrap_expect,
        data_dir,
        dev,
        bind_addr,
        advertise_addr,
        client_addr,
        ports,
        dns,
        domain,
        log_level,
        log_json,
        tls,
        retry_join: flags.join.iter().cloned().chain(layers.iter().flat_map(|(_, f)| f.retry_join.clone())).collect(),
        retry_join_wan,
        primary_datacenter,
        federation_state_prune_grace: layers
            .iter()
            .rev()
            .find_map(|(_, f)| f.federation_state_prune_grace)
            .map_or(std::time::Duration::from_secs(24 * 3600), |d| d.0),
        session_ttl_min: layers
            .iter()
            .rev()
            .find_map(|(_, f)| f.session_ttl_min)
            .map_or(std::time::Duration::from_secs(10), |d| d.0),
        raft_snapshot_threshold,
        connect_enabled,
        intention_default_allow,
        intention_default_by_acl,
        mesh_gateway_wan_federation,
        acl,
        acl_tokens,
        acl_master_token,
        encrypt,
        encrypt_verify,
        disable_keyring_file,
        primary_gateways,
        primary_gateways_interval,
        limits,
        services,
        checks,
    })
}

/// The `acl { }` keys: the last file that sets each wins.
fn resolve_acl(
    layers: &[(PathBuf, FileConfig)],
) -> Result<(crate::acl::AclSettings, crate::acl::Tokens, String), ConfigError> {
    use crate::acl::{AclSettings, DownPolicy, Tokens};
    let last = |get: &dyn Fn(&super::FileAcl) -> Option<String>| {
        layers.iter().rev().find_map(|(_, f)| f.acl.as_ref().and_then(get))
    };
    let token = |get: &dyn Fn(&super::FileAclTokens) -> Option<String>| {
        last(&|a| a.tokens.as_ref().and_then(get)).unwrap_or_default()
    };
    let enabled = layers.iter().rev().find_map(|(_, f)| f.acl.as_ref().and_then(|a| a.enabled)).unwrap_or(false);
    let default_allow = match last(&|a| a.default_policy.clone()).as_deref() {
        None | Some("allow") => true,
        Some("deny") => false,
        Some(other) => return Err(ConfigError::Rule(format!("Unsupported default ACL policy: {other}"))),
    };
    let down_policy = match last(&|a| a.down_policy.clone()) {
        None => DownPolicy::default(),
        Some(text) => {
            DownPolicy::parse(&text).ok_or_else(|| ConfigError::Rule(format!("Unsupported down ACL policy: {text}")))?
        }
    };
    let token_ttl = layers
        .iter()
        .rev()
        .find_map(|(_, f)| f.acl.as_ref().and_then(|a| a.token_ttl))
        .map_or(std::time::Duration::from_secs(30), |d| d.0);
    let tokens = Tokens {
        default: token(&|t| t.default.clone()),
        agent: token(&|t| t.agent.clone()),
        agent_master: token(&|t| t.agent_master.clone()),
        replication: token(&|t| t.replication.clone()),
    };
    let settings = AclSettings { enabled, default_allow, down_policy, token_ttl };
    Ok((settings, tokens, token(&|t| t.master.clone())))
}

/// The TLS keys: the last file that sets each wins. Verification needs all three files.
fn resolve_tls(layers: &[(PathBuf, FileConfig)]) -> Result<TlsSettings, ConfigError> {
    let last = |get: &dyn Fn(&FileConfig) -> Option<String>| {
        layers.iter().rev().find_map(|(path, f)| get(f).map(|v| (path.clone(), v)))
    };
    let flag =
        |get: &dyn Fn(&FileConfig) -> Option<bool>| layers.iter().rev().find_map(|(_, f)| get(f)).unwrap_or(false);
    let ca = last(&|f| f.ca_file.clone());
    let cert = last(&|f| f.cert_file.clone());
    let key = last(&|f| f.key_file.clone());
    let settings = TlsSettings {
        ca_file: ca.as_ref().map(|(_, v)| PathBuf::from(v)),
        cert_file: cert.as_ref().map(|(_, v)| PathBuf::from(v)),
        key_file: key.as_ref().map(|(_, v)| PathBuf::from(v)),
        verify_incoming: flag(&|f| f.verify_incoming),
        verify_incoming_https: flag(&|f| f.verify_incoming) || flag(&|f| f.verify_incoming_https),
        verify_outgoing: flag(&|f| f.verify_outgoing),
        verify_server_hostname: flag(&|f| f.verify_server_hostname),
    };
    let any_file = ca.is_some() || cert.is_some() || key.is_some();
    let any_verify = settings.verify_incoming
        || settings.verify_incoming_https
        || settings.verify_outgoing
        || settings.verify_server_hostname;
    if (any_file || any_verify) && (ca.is_none() || cert.is_none() || key.is_none()) {
        let missing: Vec<&str> = [("ca_file", &ca), ("cert_file", &cert), ("key_file", &key)]
            .iter()
            .filter(|(_, v)| v.is_none())
            .map(|(k, _)| *k)
            .collect();
        let origin = [&ca, &cert, &key]
            .iter()
            .find_map(|v| v.as_ref().map(|(p, _)| Origin::File(p.clone())))
            .or_else(|| layers.last().map(|(p, _)| Origin::File(p.clone())))
            .unwrap_or(Origin::Default);
        return Err(ConfigError::Invalid {
            origin,
            key: "tls",
            value: missing.join(", "),
            expected: "TLS needs ca_file, cert_file and key_file together; these are missing".into(),
        });
    }
    Ok(settings)
}

/// `-config-file`s in order, then each `-config-dir`'s `*.hcl` / `*.json` in name order.
fn config_paths(flags: &ConfigFlags) -> Result<Vec<PathBuf>, ConfigError> {
    let mut paths = flags.config_files.clone();
    for dir in &flags.config_dirs {
        let entries = std::fs::read_dir(dir).map_err(|source| ConfigError::ReadDir { path: dir.clone(), source })?;
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file() && matches!(p.extension().and_then(|e| e.to_str()), Some("hcl" | "json")))
            .collect();
        files.sort();
        paths.extend(files);
    }
    Ok(paths)
}

fn invalid<T: ToString>(pick: &Pick<T>, key: &'static str, expected: String) -> ConfigError {
    ConfigError::Invalid { origin: pick.origin.clone(), key, value: pick.value.to_string(), expected }
}

fn parse_ip(pick: Option<Pick<String>>, key: &'static str) -> Result<Option<IpAddr>, ConfigError> {
    pick.map(|p| p.value.parse::<IpAddr>().map_err(|_| invalid(&p, key, "expected an IP address".into()))).transpose()
}

fn port(pick: Option<Pick<i64>>, key: &'static str, default: Option<u16>) -> Result<Option<u16>, ConfigError> {
    match pick {
        None => Ok(default),
        Some(p) if p.value == -1 => Ok(None),
        Some(p) => u16::try_from(p.value)
            .map(Some)
            .map_err(|_| invalid(&p, key, "expected a port number 0-65535, or -1 to disable".into())),
    }
}

/// The machine's host name, cut to its first label and made DNS-safe.
fn default_node_name() -> String {
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .unwrap_or_default();
    let label: String = host
        .trim()
        .split('.')
        .next()
        .unwrap_or("")
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' })
        .take(63)
        .collect();
    let label = label.trim_matches('-');
    if label.is_empty() { "node".to_owned() } else { label.to_owned() }
}

/// The address other machines would reach us at: the source address of the default route
/// (no packet is sent), or loopback when there is none.
fn default_advertise() -> IpAddr {
    let probe = || -> std::io::Result<IpAddr> {
        let socket = std::net::UdpSocket::bind("0.0.0.0:0")?;
        socket.connect("192.0.2.1:9")?;
        Ok(socket.local_addr()?.ip())
    };
    probe().ok().filter(|ip| !ip.is_unspecified()).unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST))
}
