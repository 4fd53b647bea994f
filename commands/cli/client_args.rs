//! The client flags of every command that talks to an agent (DESIGN §6).

use fedctl::api::{Client, ClientError, ClientFlags, ClientSettings};

use super::exit::CliError;

/// How to reach and authenticate to the agent. Each flag falls back to `FEDCTL_*`, then to
/// the `CONSUL_*` variable of the same meaning.
#[derive(Debug, Clone, Default, clap::Args)]
#[command(next_help_heading = "Client options")]
pub struct ClientArgs {
    /// Agent HTTP address: host:port, http(s)://host:port or unix:///path [env:
    /// FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500].
    #[arg(long, value_name = "ADDR")]
    pub http_addr: Option<String>,
    /// ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN].
    #[arg(long, value_name = "TOKEN")]
    pub token: Option<String>,
    /// File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE].
    #[arg(long, value_name = "PATH")]
    pub token_file: Option<String>,
    /// CA certificate to verify the agent's HTTPS certificate [env: FEDCTL_CACERT,
    /// CONSUL_CACERT].
    #[arg(long, value_name = "PATH")]
    pub ca_file: Option<String>,
    /// Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT,
    /// CONSUL_CLIENT_CERT].
    #[arg(long, value_name = "PATH")]
    pub client_cert: Option<String>,
    /// Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY].
    #[arg(long, value_name = "PATH")]
    pub client_key: Option<String>,
    /// Server name to expect in the agent's certificate (and send as SNI) [env:
    /// FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME].
    #[arg(long, value_name = "NAME")]
    pub tls_server_name: Option<String>,
    /// Datacenter to query [default: the agent's own] [env: FEDCTL_DATACENTER].
    #[arg(long, value_name = "DC")]
    pub datacenter: Option<String>,
}

impl ClientArgs {
    /// Resolves flags, then the environment, then defaults.
    pub fn resolve(&self) -> Result<ClientSettings, CliError> {
        let flags = ClientFlags {
            http_addr: self.http_addr.clone(),
            token: self.token.clone(),
            token_file: self.token_file.clone(),
            ca_file: self.ca_file.clone(),
            client_cert: self.client_cert.clone(),
            client_key: self.client_key.clone(),
            tls_server_name: self.tls_server_name.clone(),
            datacenter: self.datacenter.clone(),
        };
        flags
            .resolve(|name| std::env::var(name).ok())
            .map_err(|e| CliError::usage(e).hint("see `fedctl internal client-config --help`"))
    }
}

impl ClientArgs {
    /// An HTTP API client for the resolved settings.
    pub fn client(&self) -> Result<Client, CliError> {
        let settings = self.resolve()?;
        Client::new(&settings).map_err(api_error)
    }
}

/// A client error at the CLI edge, with what to try.
pub fn api_error(e: ClientError) -> CliError {
    let hint = match &e {
        // Over TLS 1.3 a refused client certificate may show as the alert, or only as the
        // connection closing after the handshake.
        ClientError::Connect { addr, reason }
            if ["alert", "certificate", "handshake"].iter().any(|w| reason.to_lowercase().contains(w))
                || (addr.starts_with("https://") && !reason.contains("refused")) =>
        {
            Some(
                "the agent refused the TLS handshake: check -ca-file, -client-cert and -client-key (FEDCTL_CACERT / CONSUL_CACERT, FEDCTL_CLIENT_CERT, FEDCTL_CLIENT_KEY)",
            )
        }
        ClientError::Connect { .. } => {
            Some("is `fedctl agent` running there? set -http-addr or FEDCTL_HTTP_ADDR to its HTTP address")
        }
        ClientError::Status { status, .. } if status.as_u16() == 403 => Some("check -token / FEDCTL_HTTP_TOKEN"),
        ClientError::Status { status, body, .. }
            if status.as_u16() == 500 && body.contains("No path to datacenter") =>
        {
            Some(
                "`fedctl catalog datacenters` lists the datacenters known here; for one it lists, `fedctl members -wan` shows whether its servers are alive and `fedctl debug gateways -probe` which hop to it is broken",
            )
        }
        ClientError::Status { status, body, .. } if status.as_u16() == 500 && body.contains(" in datacenter ") => Some(
            "the request had to reach another datacenter: `fedctl debug gateways -probe` shows which hop to it is broken (through mesh gateways; otherwise `fedctl members -wan` shows whether its servers are alive)",
        ),
        _ => None,
    };
    let err = CliError::failure(e);
    match hint {
        Some(h) => err.hint(h),
        None => err,
    }
}
