//! Agent config files: HCL (`.hcl`) or JSON (`.json`), Consul's keys.
//!
//! Both are parsed to a JSON value first, then deserialized with the key path tracked, so an
//! error says which key is wrong. Keys the schema does not know are errors too, all of a
//! file's in one report (see `keys`).

use std::path::Path;

use serde::Deserialize;

use super::ConfigError;
use super::keys::{self, Syntax};
use crate::local::{CheckDefinition, ServiceDefinition};

/// One config file's contents; absent keys are `None`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct FileConfig {
    pub node_name: Option<String>,
    pub datacenter: Option<String>,
    pub server: Option<bool>,
    pub bootstrap_expect: Option<u32>,
    pub data_dir: Option<String>,
    pub bind_addr: Option<String>,
    pub advertise_addr: Option<String>,
    pub client_addr: Option<String>,
    pub ports: FilePorts,
    pub domain: Option<String>,
    pub log_level: Option<String>,
    pub log_json: Option<bool>,
    /// Addresses to join at start (retried with backoff), host or host:port.
    pub retry_join: Vec<String>,
    /// WAN addresses of servers in other datacenters to join (port 8302 by default).
    pub retry_join_wan: Vec<String>,
    /// The datacenter that holds the canonical federation states (default: this one).
    pub primary_datacenter: Option<String>,
    /// How long a datacenter may be gone from the WAN pool before the primary prunes its
    /// federation state (default 24h).
    pub federation_state_prune_grace: Option<crate::duration::GoDuration>,
    /// The shortest session TTL accepted (default 10s).
    pub session_ttl_min: Option<crate::duration::GoDuration>,
    /// `connect { enabled, enable_mesh_gateway_wan_federation }`.
    pub connect: Option<FileConnect>,
    /// `acl { enabled, default_policy, down_policy, token_ttl, tokens { .. } }`.
    pub acl: Option<FileAcl>,
    /// The gossip encryption key (base64 of 16 or 32 bytes).
    pub encrypt: Option<String>,
    /// Refuse gossip packets that are not sealed (default true).
    pub encrypt_verify_incoming: Option<bool>,
    /// Seal gossip packets sent (default true).
    pub encrypt_verify_outgoing: Option<bool>,
    /// Keep the keyring in memory only, not in `<data_dir>/serf/`.
    pub disable_keyring_file: Option<bool>,
    /// Mesh gateways of the primary datacenter to bootstrap WAN federation through
    /// (host:port or DNS name:port); secondaries only.
    pub primary_gateways: Vec<String>,
    /// How often `primary_gateways` are resolved again (default 30s).
    pub primary_gateways_interval: Option<crate::duration::GoDuration>,
    pub ca_file: Option<String>,
    pub cert_file: Option<String>,
    pub key_file: Option<String>,
    pub verify_incoming: Option<bool>,
    /// Require a client certificate from the CA on the HTTPS port (`verify_incoming` does too).
    pub verify_incoming_https: Option<bool>,
    pub verify_outgoing: Option<bool>,
    pub verify_server_hostname: Option<bool>,
    /// Raft log entries between snapshots (the reference's key; default 16384).
    pub raft_snapshot_threshold: Option<u64>,
    /// `limits { ... }`.
    pub limits: super::FileLimits,
    /// `dns_config { ... }`.
    pub dns_config: super::FileDnsConfig,
    /// Where DNS names outside the domain are asked.
    pub recursors: Vec<String>,
    /// A second domain the DNS interface answers.
    pub alt_domain: Option<String>,
    pub service: OneOrMany<ServiceDefinition>,
    pub services: Vec<ServiceDefinition>,
    pub check: OneOrMany<CheckDefinition>,
    pub checks: Vec<CheckDefinition>,
}

/// `connect { ... }`. Unknown keys are collected with the rest of the file's, not refused
/// here one at a time.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct FileConnect {
    pub enabled: Option<bool>,
    pub enable_mesh_gateway_wan_federation: Option<bool>,
    /// `allow` or `deny`: what intentions decide where none matches.
    pub default_intention_policy: Option<String>,
}

/// `acl { ... }`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct FileAcl {
    pub enabled: Option<bool>,
    /// `allow` or `deny`: what a token gets where no rule of its policies decides.
    pub default_policy: Option<String>,
    /// `allow`, `deny`, `extend-cache` or `async-cache`.
    pub down_policy: Option<String>,
    pub token_ttl: Option<crate::duration::GoDuration>,
    pub tokens: Option<FileAclTokens>,
}

/// `acl { tokens { ... } }`: the agent's own tokens.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct FileAclTokens {
    /// Installed as a management token by the primary's leader.
    pub master: Option<String>,
    pub default: Option<String>,
    pub agent: Option<String>,
    pub agent_master: Option<String>,
    pub replication: Option<String>,
}

/// `ports { ... }`; -1 disables a listener.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct FilePorts {
    pub http: Option<i64>,
    pub server: Option<i64>,
    pub serf_lan: Option<i64>,
    pub serf_wan: Option<i64>,
    pub grpc: Option<i64>,
    pub grpc_tls: Option<i64>,
    pub https: Option<i64>,
    pub dns: Option<i64>,
}

/// HCL writes one block as an object and repeated blocks as an array; accept both.
#[derive(Debug, Clone, Default)]
pub struct OneOrMany<T>(pub Vec<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A visitor, not an untagged enum: the input is not buffered, so errors keep their
        // message and key path, and unknown nested keys are still seen.
        struct Visitor<T>(std::marker::PhantomData<T>);

        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Visitor<T> {
            type Value = OneOrMany<T>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a block/object or a list of them")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(OneOrMany(items))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(|t| OneOrMany(vec![t]))
            }
        }

        d.deserialize_any(Visitor(std::marker::PhantomData))
    }
}

/// Reads and parses one config file, by extension.
pub fn load_file(path: &Path) -> Result<FileConfig, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read { path: path.to_owned(), source })?;
    let (syntax, value): (Syntax, serde_json::Value) = match path.extension().and_then(|e| e.to_str()) {
        Some("json") => (Syntax::Json, serde_json::from_str(&text).map_err(|e| parse_error(path, e))?),
        Some("hcl") => (Syntax::Hcl, hcl::from_str(&text).map_err(|e| hcl_error(path, e))?),
        _ => {
            return Err(ConfigError::Extension { path: path.to_owned() });
        }
    };
    from_value(path, &text, syntax, value)
}

fn parse_error(path: &Path, e: impl std::fmt::Display) -> ConfigError {
    ConfigError::Parse { path: path.to_owned(), message: e.to_string() }
}

/// An HCL syntax error in one line, `line L, column C: what was expected`, rather than the
/// parser's multi-line drawing.
fn hcl_error(path: &Path, e: hcl::Error) -> ConfigError {
    match &e {
        hcl::Error::Parse(p) => {
            let at = p.location();
            let message = format!("line {}, column {}: {}", at.line(), at.column(), p.message());
            ConfigError::Parse { path: path.to_owned(), message }
        }
        _ => parse_error(path, e),
    }
}

/// Deserializes with key paths in errors. A value of the wrong type stops there, with its key;
/// otherwise every key serde did not take is reported at once, each with its line in `text`.
fn from_value(path: &Path, text: &str, syntax: Syntax, value: serde_json::Value) -> Result<FileConfig, ConfigError> {
    let mut unknown: Vec<Vec<keys::Segment>> = Vec::new();
    let mut record = |p: serde_ignored::Path<'_>| unknown.push(keys::segments(&p));
    let ignored = serde_ignored::Deserializer::new(value, &mut record);
    let parsed: Result<FileConfig, _> = serde_path_to_error::deserialize(ignored);
    let parsed = parsed.map_err(|e| ConfigError::Key {
        path: path.to_owned(),
        line: keys::line_of_value(text, syntax, e.path()),
        key: e.path().to_string(),
        message: e.into_inner().to_string(),
    })?;
    if !unknown.is_empty() {
        return Err(ConfigError::UnknownKeys { path: path.to_owned(), keys: keys::problems(text, syntax, unknown) });
    }
    Ok(parsed)
}
