//! Agent configuration: defaults, then config files in order (later wins), then flags,
//! resolved once into a validated [`AgentConfig`]. Every error names where the bad value came
//! from (`config file a.hcl, key ports.http` or `flag -node`).

mod dns;
mod file;
mod keys;
mod limits;
mod resolve;

use std::fmt;
use std::net::IpAddr;
use std::path::PathBuf;

pub use dns::{FileDnsConfig, FileSoa};
pub use file::{FileAcl, FileAclTokens, FileConfig, FileConnect, FilePorts, load_file};
pub use keys::{CONFIG_KEYS, KeyProblem, KeyProblemKind, accepted_keys, config_keys_help};
pub use limits::{FileLimits, Limits};
pub use resolve::resolve;

use crate::local::{CheckDefinition, ServiceDefinition};
pub use crate::tls::TlsSettings;

/// The agent's settings, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct AgentConfig {
    pub node_name: String,
    pub datacenter: String,
    pub server: bool,
    pub bootstrap_expect: u32,
    /// `None` only in `-dev` mode: state is kept in memory.
    pub data_dir: Option<PathBuf>,
    pub dev: bool,
    pub bind_addr: IpAddr,
    pub advertise_addr: IpAddr,
    pub client_addr: IpAddr,
    pub ports: Ports,
    pub domain: String,
    /// The DNS interface: `domain`, `alt_domain`, `recursors`, `dns_config { }`.
    pub dns: crate::dns::DnsSettings,
    pub log_level: String,
    pub log_json: bool,
    pub tls: TlsSettings,
    /// LAN addresses to join (host, host:port or DNS name; port defaults to 8301).
    pub retry_join: Vec<String>,
    /// WAN addresses to join (servers only; port defaults to 8302).
    pub retry_join_wan: Vec<String>,
    /// The federation's primary datacenter.
    pub primary_datacenter: String,
    /// How long a datacenter may be gone from the WAN pool before its state is pruned.
    pub federation_state_prune_grace: std::time::Duration,
    /// The shortest session TTL accepted.
    pub session_ttl_min: std::time::Duration,
    /// Raft log entries between snapshots; the log is compacted after each.
    pub raft_snapshot_threshold: u64,
    /// `connect { enabled }`.
    pub connect_enabled: bool,
    /// `connect { default_intention_policy }`: true for `allow` (the default), false for
    /// `deny`, what a connection no intention matches gets.
    pub intention_default_allow: bool,
    /// That default comes from `acl.default_policy` (ACLs on, the connect key unset).
    pub intention_default_by_acl: bool,
    /// Servers of different datacenters talk only through mesh gateways.
    pub mesh_gateway_wan_federation: bool,
    /// `acl { }`: on or off, the default and down policies.
    pub acl: crate::acl::AclSettings,
    /// `acl { tokens { } }`: the agent's own tokens.
    pub acl_tokens: crate::acl::Tokens,
    /// `acl { tokens { master } }`: installed by the primary's leader.
    pub acl_master_token: String,
    /// `encrypt`: the gossip key (checked), if gossip is encrypted.
    pub encrypt: Option<String>,
    /// `encrypt_verify_incoming` / `encrypt_verify_outgoing`.
    pub encrypt_verify: crate::gossip::Verify,
    /// `disable_keyring_file`.
    pub disable_keyring_file: bool,
    /// The primary's gateways to bootstrap through (secondaries).
    pub primary_gateways: Vec<String>,
    pub primary_gateways_interval: std::time::Duration,
    /// `limits { ... }`: what one client may hold of the agent.
    pub limits: Limits,
    pub services: Vec<ServiceDefinition>,
    pub checks: Vec<CheckDefinition>,
}

/// Agent config text for TLS with these files and all three `verify_*` settings on (what
/// WAN federation through mesh gateways requires).
pub fn verified_tls_hcl(ca: &std::path::Path, cert: &std::path::Path, key: &std::path::Path) -> String {
    format!(
        "ca_file = {:?}\ncert_file = {:?}\nkey_file = {:?}\nverify_incoming = true\nverify_outgoing = true\nverify_server_hostname = true\n",
        ca.display().to_string(),
        cert.display().to_string(),
        key.display().to_string(),
    )
}

/// Agent config text turning on WAN federation through mesh gateways.
pub const WAN_FEDERATION_HCL: &str = "connect {\n  enabled = true\n  enable_mesh_gateway_wan_federation = true\n}\n";

/// Listener ports; `None` means disabled (-1). Port 0 asks the OS for a free port.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ports {
    pub http: Option<u16>,
    pub server: Option<u16>,
    pub serf_lan: Option<u16>,
    pub serf_wan: Option<u16>,
    pub grpc: Option<u16>,
    /// xDS over TLS with the agent's certificate; off unless configured.
    pub grpc_tls: Option<u16>,
    /// The HTTP API over TLS with the agent's certificate; off unless configured.
    pub https: Option<u16>,
    /// The DNS interface, UDP and TCP.
    pub dns: Option<u16>,
}

impl Default for Ports {
    /// Consul's defaults.
    fn default() -> Self {
        Ports {
            http: Some(8500),
            server: Some(8300),
            serf_lan: Some(8301),
            serf_wan: Some(8302),
            grpc: Some(8502),
            grpc_tls: None,
            https: None,
            dns: Some(8600),
        }
    }
}

/// Settings given as `fedctl agent` flags; `None` means not given.
#[derive(Debug, Clone, Default)]
pub struct ConfigFlags {
    pub dev: bool,
    pub server: bool,
    pub bootstrap_expect: Option<u32>,
    pub node: Option<String>,
    pub datacenter: Option<String>,
    pub data_dir: Option<String>,
    pub bind: Option<String>,
    pub advertise: Option<String>,
    pub client: Option<String>,
    pub http_port: Option<i64>,
    pub server_port: Option<i64>,
    pub serf_lan_port: Option<i64>,
    pub serf_wan_port: Option<i64>,
    pub grpc_port: Option<i64>,
    pub grpc_tls_port: Option<i64>,
    pub https_port: Option<i64>,
    pub dns_port: Option<i64>,
    pub domain: Option<String>,
    pub join: Vec<String>,
    pub join_wan: Vec<String>,
    /// `-encrypt`: the gossip key.
    pub encrypt: Option<String>,
    pub primary_gateways: Vec<String>,
    pub primary_datacenter: Option<String>,
    pub config_files: Vec<PathBuf>,
    pub config_dirs: Vec<PathBuf>,
    pub log_level: Option<String>,
    pub log_json: bool,
}

/// Where a setting came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Default,
    Flag(&'static str),
    File(PathBuf),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Default => write!(f, "the default"),
            Origin::Flag(flag) => write!(f, "flag -{flag}"),
            Origin::File(path) => write!(f, "config file {}", path.display()),
        }
    }
}

/// A configuration that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("reading config file {}: {source}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("reading config directory {}: {source}", path.display())]
    ReadDir { path: PathBuf, source: std::io::Error },
    #[error("config file {}: the name must end in .hcl or .json", path.display())]
    Extension { path: PathBuf },
    #[error("config file {}: {message}", path.display())]
    Parse { path: PathBuf, message: String },
    #[error("config file {}{}, key {key}: {message}", path.display(), line.map_or(String::new(), |l| format!(":{l}")))]
    Key { path: PathBuf, line: Option<usize>, key: String, message: String },
    /// Every key of one file that fedctl cannot use (unknown, or a Consul setting it does not
    /// support yet): a heading, then one `file:line: ...` line per key.
    #[error("{}", keys::describe(path, keys))]
    UnknownKeys { path: PathBuf, keys: Vec<KeyProblem> },
    /// The problems of several config files, each as it would be reported alone.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Files(Vec<ConfigError>),
    #[error("{origin}, {key} = {value:?}: {expected}")]
    Invalid { origin: Origin, key: &'static str, value: String, expected: String },
    #[error("no data directory: set -data-dir or data_dir in a config file (or run with -dev)")]
    MissingDataDir,
    /// A combination of settings the reference refuses, in its words.
    #[error("{0}")]
    Rule(String),
}

impl AgentConfig {
    /// What a connection no intention matches gets, with the reference's reason.
    pub fn intention_default(&self) -> crate::connect::intentions::DefaultPolicy {
        match self.intention_default_by_acl {
            true => crate::connect::intentions::DefaultPolicy::of_acls(self.intention_default_allow),
            false => crate::connect::intentions::DefaultPolicy::of_setting(self.intention_default_allow),
        }
    }
}
