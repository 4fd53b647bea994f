//! What each gateway's xDS stream last did: versions sent and acknowledged per resource type,
//! and the last rejection (NACK) with Envoy's own error message. Kept for operators
//! (`GET /v1/internal/xds`, and `fedctl debug gateways`).

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use serde::Serialize;

pub(super) use crate::duration::now_rfc3339;

/// Per proxy ID.
#[derive(Debug, Clone, Default)]
pub struct XdsStatus {
    inner: Arc<Mutex<BTreeMap<String, ProxyStatus>>>,
}

/// One gateway's xDS state.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
#[serde(rename_all = "PascalCase")]
pub struct ProxyStatus {
    /// Open ADS streams for this proxy ID.
    pub streams: u32,
    /// The snapshot version the last stream built (`%08x` in responses).
    pub config_version: u64,
    /// By short type name (`clusters`, `endpoints`, `listeners`).
    pub types: BTreeMap<String, TypeStatus>,
    /// How many responses Envoy rejected.
    pub nacks: u64,
    pub last_nack: Option<Nack>,
    /// The admin address its bootstrap names (`node.metadata.envoy_admin`).
    pub envoy_admin: Option<String>,
    /// Streams refused for their token (ACLs on), and why the last one was.
    pub refused: u64,
    pub last_refusal: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
#[serde(rename_all = "PascalCase")]
pub struct TypeStatus {
    pub sent_version: String,
    pub sent_nonce: String,
    pub sent_resources: usize,
    /// The version Envoy last accepted.
    pub acked_version: String,
    pub acked_at: Option<String>,
}

/// A rejected response: Envoy keeps its last good configuration.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "PascalCase")]
pub struct Nack {
    #[serde(rename = "TypeURL")]
    pub type_url: String,
    /// The version Envoy rejected.
    pub rejected_version: String,
    /// The version Envoy still runs.
    pub kept_version: String,
    pub nonce: String,
    pub message: String,
    pub at: String,
}

impl XdsStatus {
    pub fn update(&self, proxy_id: &str, f: impl FnOnce(&mut ProxyStatus)) {
        let mut map = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        f(map.entry(proxy_id.to_owned()).or_default());
    }

    pub fn get(&self, proxy_id: &str) -> Option<ProxyStatus> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner()).get(proxy_id).cloned()
    }

    pub fn all(&self) -> BTreeMap<String, ProxyStatus> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}
