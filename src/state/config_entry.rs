//! Config entries (the reference's `proxy-defaults`, `service-defaults`, `service-resolver`
//! and `service-intentions`, the last in `intention.rs`): central settings written in the
//! primary, replicated to every secondary, and read by every proxy. JSON in the reference's shapes
//! (PascalCase, snake_case accepted on input as HCL files write it).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::intention::{SERVICE_INTENTIONS, ServiceIntentions};
use super::types::{ExposeConfig, MeshGatewayConfig};
use crate::duration::GoDuration;

pub const PROXY_DEFAULTS: &str = "proxy-defaults";
pub const SERVICE_DEFAULTS: &str = "service-defaults";
pub const SERVICE_RESOLVER: &str = "service-resolver";
/// The only name a `proxy-defaults` entry may have.
pub const PROXY_DEFAULTS_NAME: &str = "global";

/// One config entry, tagged by its `Kind`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "Kind")]
pub enum ConfigEntry {
    #[serde(rename = "proxy-defaults", alias = "proxy_defaults")]
    ProxyDefaults(ProxyDefaults),
    #[serde(rename = "service-defaults", alias = "service_defaults")]
    ServiceDefaults(ServiceDefaults),
    #[serde(rename = "service-resolver", alias = "service_resolver")]
    ServiceResolver(ServiceResolver),
    #[serde(rename = "service-intentions", alias = "service_intentions")]
    ServiceIntentions(ServiceIntentions),
}

/// `proxy-defaults` (name `global`): defaults for every proxy of the federation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ProxyDefaults {
    #[serde(alias = "name")]
    pub name: String,
    /// Opaque proxy settings; `protocol` is the key the mesh reads.
    #[serde(alias = "config", skip_serializing_if = "serde_json::Map::is_empty")]
    pub config: serde_json::Map<String, serde_json::Value>,
    #[serde(alias = "mesh_gateway")]
    pub mesh_gateway: MeshGatewayConfig,
    #[serde(alias = "expose")]
    pub expose: ExposeConfig,
    #[serde(flatten)]
    pub index: EntryIndex,
}

/// `service-defaults`: one service's protocol and mesh gateway mode.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ServiceDefaults {
    #[serde(alias = "name")]
    pub name: String,
    /// `tcp` (the default when empty), `http`, `http2` or `grpc`; stored lower-cased.
    #[serde(alias = "protocol", skip_serializing_if = "String::is_empty")]
    pub protocol: String,
    #[serde(alias = "mesh_gateway")]
    pub mesh_gateway: MeshGatewayConfig,
    #[serde(alias = "expose")]
    pub expose: ExposeConfig,
    #[serde(rename = "ExternalSNI", alias = "external_sni", skip_serializing_if = "String::is_empty")]
    pub external_sni: String,
    #[serde(flatten)]
    pub index: EntryIndex,
}

/// `service-resolver`: where a service's requests go (subsets, a redirect, failover).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ServiceResolver {
    #[serde(alias = "name")]
    pub name: String,
    #[serde(alias = "default_subset", skip_serializing_if = "String::is_empty")]
    pub default_subset: String,
    #[serde(alias = "subsets", skip_serializing_if = "BTreeMap::is_empty")]
    pub subsets: BTreeMap<String, ResolverSubset>,
    #[serde(alias = "redirect", skip_serializing_if = "Option::is_none")]
    pub redirect: Option<ResolverRedirect>,
    /// By subset name, or `*` for any.
    #[serde(alias = "failover", skip_serializing_if = "BTreeMap::is_empty")]
    pub failover: BTreeMap<String, ResolverFailover>,
    /// How long the proxy waits for a connection to an instance (default 5 s).
    #[serde(alias = "connect_timeout", skip_serializing_if = "Option::is_none")]
    pub connect_timeout: Option<GoDuration>,
    #[serde(flatten)]
    pub index: EntryIndex,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ResolverSubset {
    #[serde(alias = "filter", skip_serializing_if = "String::is_empty")]
    pub filter: String,
    #[serde(alias = "only_passing", skip_serializing_if = "std::ops::Not::not")]
    pub only_passing: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ResolverRedirect {
    #[serde(alias = "service", skip_serializing_if = "String::is_empty")]
    pub service: String,
    #[serde(alias = "service_subset", skip_serializing_if = "String::is_empty")]
    pub service_subset: String,
    #[serde(alias = "namespace", skip_serializing_if = "String::is_empty")]
    pub namespace: String,
    #[serde(alias = "datacenter", skip_serializing_if = "String::is_empty")]
    pub datacenter: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ResolverFailover {
    #[serde(alias = "service", skip_serializing_if = "String::is_empty")]
    pub service: String,
    #[serde(alias = "service_subset", skip_serializing_if = "String::is_empty")]
    pub service_subset: String,
    #[serde(alias = "namespace", skip_serializing_if = "String::is_empty")]
    pub namespace: String,
    #[serde(alias = "datacenters", skip_serializing_if = "Vec::is_empty")]
    pub datacenters: Vec<String>,
}

/// The raft indexes of a stored entry (zero in a request).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct EntryIndex {
    pub create_index: u64,
    pub modify_index: u64,
}

impl ConfigEntry {
    pub fn kind(&self) -> &'static str {
        match self {
            ConfigEntry::ProxyDefaults(_) => PROXY_DEFAULTS,
            ConfigEntry::ServiceDefaults(_) => SERVICE_DEFAULTS,
            ConfigEntry::ServiceResolver(_) => SERVICE_RESOLVER,
            ConfigEntry::ServiceIntentions(_) => SERVICE_INTENTIONS,
        }
    }

    pub fn name(&self) -> &str {
        match self {
            ConfigEntry::ProxyDefaults(e) => &e.name,
            ConfigEntry::ServiceDefaults(e) => &e.name,
            ConfigEntry::ServiceResolver(e) => &e.name,
            ConfigEntry::ServiceIntentions(e) => &e.name,
        }
    }

    pub fn index(&self) -> EntryIndex {
        match self {
            ConfigEntry::ProxyDefaults(e) => e.index,
            ConfigEntry::ServiceDefaults(e) => e.index,
            ConfigEntry::ServiceResolver(e) => e.index,
            ConfigEntry::ServiceIntentions(e) => e.index,
        }
    }

    pub fn index_mut(&mut self) -> &mut EntryIndex {
        match self {
            ConfigEntry::ProxyDefaults(e) => &mut e.index,
            ConfigEntry::ServiceDefaults(e) => &mut e.index,
            ConfigEntry::ServiceResolver(e) => &mut e.index,
            ConfigEntry::ServiceIntentions(e) => &mut e.index,
        }
    }

    /// Whether two entries say the same thing, whatever their raft indexes (each datacenter
    /// stores a replicated entry at its own indexes).
    pub fn same_content(&self, other: &ConfigEntry) -> bool {
        let mut a = self.clone();
        *a.index_mut() = EntryIndex::default();
        let mut b = other.clone();
        *b.index_mut() = EntryIndex::default();
        a == b
    }
}

/// Every entry a proxy reads, by kind: what proxies watch (one table, one index).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ConfigEntries {
    pub proxy_defaults: Option<ProxyDefaults>,
    /// By service name.
    pub service_defaults: BTreeMap<String, ServiceDefaults>,
    /// By service name.
    pub resolvers: BTreeMap<String, ServiceResolver>,
    /// By destination service name (`*`: every service).
    pub intentions: BTreeMap<String, ServiceIntentions>,
}

impl ConfigEntries {
    /// Sorts entries by kind into the shape chains read.
    pub fn from_entries(entries: impl IntoIterator<Item = ConfigEntry>) -> ConfigEntries {
        let mut out = ConfigEntries::default();
        for entry in entries {
            match entry {
                ConfigEntry::ProxyDefaults(e) => out.proxy_defaults = Some(e),
                ConfigEntry::ServiceDefaults(e) => {
                    out.service_defaults.insert(e.name.clone(), e);
                }
                ConfigEntry::ServiceResolver(e) => {
                    out.resolvers.insert(e.name.clone(), e);
                }
                ConfigEntry::ServiceIntentions(e) => {
                    out.intentions.insert(e.name.clone(), e);
                }
            }
        }
        out
    }
}
