//! The Envoy bootstrap `fedctl connect envoy` writes: who the proxy is (`node.id` = its
//! service ID, `node.cluster` = its service name), the admin listener, one static cluster
//! `local_agent` pointing at the agent's gRPC port (HTTP/2), and ADS (SotW, v3) for
//! everything else. Pure: the CLI resolves addresses first.

use serde_json::{Value, json};

/// The static cluster that reaches the agent's xDS server.
pub const LOCAL_AGENT_CLUSTER: &str = "local_agent";

/// Everything the bootstrap is built from.
#[derive(Debug, Clone, PartialEq)]
pub struct BootstrapInput {
    pub proxy_id: String,
    pub proxy_cluster: String,
    /// The agent's gRPC address: a resolved IP and port.
    pub agent_address: String,
    pub agent_port: u16,
    /// Verify the agent's gRPC TLS certificate against this CA (PEM); `None` is plaintext.
    pub agent_ca_pem: Option<String>,
    pub admin_address: String,
    pub admin_port: u16,
    pub admin_access_log_path: String,
    /// Sent as gRPC metadata `x-consul-token`.
    pub token: String,
}

pub fn bootstrap_json(input: &BootstrapInput) -> Value {
    let mut local_agent = json!({
        "name": LOCAL_AGENT_CLUSTER,
        "connect_timeout": "1s",
        "type": "STATIC",
        "typed_extension_protocol_options": {
            "envoy.extensions.upstreams.http.v3.HttpProtocolOptions": {
                "@type": "type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions",
                "explicit_http_config": { "http2_protocol_options": {} }
            }
        },
        "load_assignment": {
            "cluster_name": LOCAL_AGENT_CLUSTER,
            "endpoints": [{ "lb_endpoints": [{ "endpoint": { "address": {
                "socket_address": { "address": input.agent_address, "port_value": input.agent_port }
            }}}]}]
        }
    });
    if let Some(ca) = &input.agent_ca_pem {
        local_agent["transport_socket"] = json!({
            "name": "envoy.transport_sockets.tls",
            "typed_config": {
                "@type": "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext",
                "common_tls_context": { "validation_context": { "trusted_ca": { "inline_string": ca } } }
            }
        });
    }
    json!({
        "admin": {
            "access_log": [{
                "name": "envoy.access_loggers.file",
                "typed_config": {
                    "@type": "type.googleapis.com/envoy.extensions.access_loggers.file.v3.FileAccessLog",
                    "path": input.admin_access_log_path
                }
            }],
            "address": { "socket_address": { "address": input.admin_address, "port_value": input.admin_port } }
        },
        "node": {
            "cluster": input.proxy_cluster,
            "id": input.proxy_id,
            // Where the agent reads this Envoy's counters (the RBAC filter's denials).
            "metadata": { "namespace": "default", "envoy_admin": format!("{}:{}", input.admin_address, input.admin_port) }
        },
        "static_resources": { "clusters": [local_agent] },
        "dynamic_resources": {
            "lds_config": { "ads": {}, "resource_api_version": "V3" },
            "cds_config": { "ads": {}, "resource_api_version": "V3" },
            "ads_config": {
                "api_type": "GRPC",
                "transport_api_version": "V3",
                "grpc_services": [{
                    "initial_metadata": [{ "key": "x-consul-token", "value": input.token }],
                    "envoy_grpc": { "cluster_name": LOCAL_AGENT_CLUSTER }
                }]
            }
        }
    })
}

/// Envoy flags that mean the user manages hot restart; without any of them
/// `--disable-hot-restart` is added.
const RESTART_FLAGS: [&str; 4] =
    ["--restart-epoch", "--hot-restart-version", "--drain-time-s", "--parent-shutdown-time-s"];

/// Where Envoy's own log goes and how much of it: `-envoy-log-level` (Envoy's `-l`) and
/// `-envoy-log-path` (Envoy's `--log-path`). Envoy's defaults are `info` on stderr, some 270
/// lines at start-up; fedctl's default level is `warning`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnvoyLog {
    pub level: String,
    pub path: Option<String>,
}

impl Default for EnvoyLog {
    fn default() -> Self {
        EnvoyLog { level: DEFAULT_ENVOY_LOG_LEVEL.to_owned(), path: None }
    }
}

pub const DEFAULT_ENVOY_LOG_LEVEL: &str = "warning";

/// Envoy's log levels, as its `-l` accepts them.
pub const ENVOY_LOG_LEVELS: [&str; 7] = ["trace", "debug", "info", "warning", "error", "critical", "off"];

fn given(user_args: &[String], flags: &[&str]) -> bool {
    user_args
        .iter()
        .any(|a| flags.iter().any(|f| a == f || a.strip_prefix(f).is_some_and(|rest| rest.starts_with('='))))
}

/// Envoy's argv after the binary: the config path, `--disable-hot-restart` unless the user
/// passed a restart flag, the log level and path unless the user passed them after `--`,
/// then the user's arguments.
pub fn envoy_args(config_path: &str, log: &EnvoyLog, user_args: &[String]) -> Vec<String> {
    let mut args = vec!["--config-path".to_owned(), config_path.to_owned()];
    if !given(user_args, &RESTART_FLAGS) {
        args.push("--disable-hot-restart".to_owned());
    }
    if !given(user_args, &["-l", "--log-level"]) {
        args.extend(["-l".to_owned(), log.level.clone()]);
    }
    if let Some(path) = log.path.as_ref().filter(|_| !given(user_args, &["--log-path"])) {
        args.extend(["--log-path".to_owned(), path.clone()]);
    }
    args.extend(user_args.iter().cloned());
    args
}
