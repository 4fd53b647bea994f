//! Talking to an agent's HTTP API: how the CLI finds the agent and authenticates, and the
//! response shapes the agent writes and the CLI reads.
//!
//! [`ClientFlags::resolve`] applies one precedence rule to every setting:
//! flag, then `FEDCTL_*` environment variable, then the `CONSUL_*` one (so existing Consul
//! environments keep working), then the default. It is pure: the environment is passed in.

mod acl;
mod client;
mod config;
mod intentions;
mod keyring;
mod types;

pub use client::{Client, ClientError, Indexed};
pub use keyring::KeyringResponse;
use serde::Serialize;
pub use types::{
    AgentMember, AgentSelf, AgentSelfConfig, DebugConfig, FederationStateResponse, RaftConfiguration, RaftServer,
    XdsPorts,
};

/// The agent address used when nothing else is set.
pub const DEFAULT_HTTP_ADDR: &str = "127.0.0.1:8500";

/// Client settings as given on the command line (all optional).
#[derive(Debug, Default, Clone)]
pub struct ClientFlags {
    pub http_addr: Option<String>,
    pub token: Option<String>,
    pub token_file: Option<String>,
    pub ca_file: Option<String>,
    pub client_cert: Option<String>,
    pub client_key: Option<String>,
    pub tls_server_name: Option<String>,
    pub datacenter: Option<String>,
}

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "name")]
pub enum Source {
    Flag,
    Env(&'static str),
    Default,
    Unset,
}

/// A resolved setting and its origin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Setting {
    pub value: Option<String>,
    pub source: Source,
}

/// Resolved client settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClientSettings {
    /// The agent's base URL: `http://host:port`, `https://host:port` or `unix:///path`.
    pub http_addr: Setting,
    /// The ACL token; never shown in full by the CLI.
    pub token: Setting,
    pub ca_file: Setting,
    pub client_cert: Setting,
    pub client_key: Setting,
    pub tls_server_name: Setting,
    pub datacenter: Setting,
}

/// A client setting that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClientConfigError {
    #[error("invalid HTTP address {value:?}: {reason}")]
    BadAddress { value: String, reason: &'static str },
    #[error("-client-cert and -client-key must be given together")]
    HalfClientCert,
    #[error("reading token file {path}: {reason}")]
    TokenFile { path: String, reason: String },
}

impl ClientFlags {
    /// Resolves flags against the environment (`env` looks a variable up).
    pub fn resolve(&self, env: impl Fn(&str) -> Option<String>) -> Result<ClientSettings, ClientConfigError> {
        let pick = |flag: &Option<String>, names: &[&'static str]| -> Setting {
            if let Some(v) = flag.as_ref().filter(|v| !v.is_empty()) {
                return Setting { value: Some(v.clone()), source: Source::Flag };
            }
            names
                .iter()
                .find_map(|n| env(n).filter(|v| !v.is_empty()).map(|v| (n, v)))
                .map(|(n, v)| Setting { value: Some(v), source: Source::Env(n) })
                .unwrap_or(Setting { value: None, source: Source::Unset })
        };

        let mut http_addr = pick(&self.http_addr, &["FEDCTL_HTTP_ADDR", "CONSUL_HTTP_ADDR"]);
        if http_addr.value.is_none() {
            http_addr = Setting { value: Some(DEFAULT_HTTP_ADDR.to_owned()), source: Source::Default };
        }
        let ssl = ["FEDCTL_HTTP_SSL", "CONSUL_HTTP_SSL"]
            .iter()
            .find_map(|n| env(n))
            .is_some_and(|v| matches!(v.to_ascii_lowercase().as_str(), "1" | "true"));
        let raw = http_addr.value.take().unwrap_or_default();
        http_addr.value = Some(normalize_addr(&raw, ssl)?);

        let mut token = pick(&self.token, &["FEDCTL_HTTP_TOKEN", "CONSUL_HTTP_TOKEN"]);
        if token.value.is_none() {
            let file = pick(&self.token_file, &["FEDCTL_HTTP_TOKEN_FILE", "CONSUL_HTTP_TOKEN_FILE"]);
            if let Some(path) = file.value {
                let contents = std::fs::read_to_string(&path)
                    .map_err(|e| ClientConfigError::TokenFile { path: path.clone(), reason: e.to_string() })?;
                token = Setting { value: Some(contents.trim().to_owned()), source: file.source };
            }
        }
        let settings = ClientSettings {
            http_addr,
            token,
            ca_file: pick(&self.ca_file, &["FEDCTL_CACERT", "CONSUL_CACERT"]),
            client_cert: pick(&self.client_cert, &["FEDCTL_CLIENT_CERT", "CONSUL_CLIENT_CERT"]),
            client_key: pick(&self.client_key, &["FEDCTL_CLIENT_KEY", "CONSUL_CLIENT_KEY"]),
            tls_server_name: pick(&self.tls_server_name, &["FEDCTL_TLS_SERVER_NAME", "CONSUL_TLS_SERVER_NAME"]),
            datacenter: pick(&self.datacenter, &["FEDCTL_DATACENTER"]),
        };
        if settings.client_cert.value.is_some() != settings.client_key.value.is_some() {
            return Err(ClientConfigError::HalfClientCert);
        }
        Ok(settings)
    }
}

/// Adds the scheme Consul users leave out (`127.0.0.1:8500` -> `http://127.0.0.1:8500`) and
/// rejects what cannot be an agent address.
pub fn normalize_addr(addr: &str, default_https: bool) -> Result<String, ClientConfigError> {
    let bad = |reason| ClientConfigError::BadAddress { value: addr.to_owned(), reason };
    let addr = addr.trim();
    if let Some(path) = addr.strip_prefix("unix://") {
        return if path.is_empty() { Err(bad("the socket path is empty")) } else { Ok(addr.to_owned()) };
    }
    let (scheme, rest) = match addr.split_once("://") {
        Some((s @ ("http" | "https"), rest)) => (s, rest),
        Some(_) => return Err(bad("the scheme must be http, https or unix")),
        None if default_https => ("https", addr),
        None => ("http", addr),
    };
    let host_port = rest.trim_end_matches('/');
    if host_port.is_empty() || host_port.contains('/') {
        return Err(bad("expected host:port"));
    }
    let port_ok =
        host_port.rsplit_once(':').is_some_and(|(host, port)| !host.is_empty() && port.parse::<u16>().is_ok());
    if !port_ok {
        return Err(bad("expected host:port with a port number"));
    }
    Ok(format!("{scheme}://{host_port}"))
}
