//! The replicated data model, in the JSON shapes of the reference HTTP API (PascalCase,
//! `ID`-style acronyms), so values serialize straight into Consul-compatible responses.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::duration::GoDuration;

/// Indexes every stored entry carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct RaftIndex {
    pub create_index: u64,
    pub modify_index: u64,
}

/// A node of the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Node {
    #[serde(rename = "ID")]
    pub id: String,
    pub node: String,
    pub address: String,
    pub datacenter: String,
    pub tagged_addresses: BTreeMap<String, String>,
    pub meta: BTreeMap<String, String>,
    #[serde(flatten)]
    pub index: RaftIndex,
}

/// `mesh-gateway` and friends; empty for a typical service.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, PartialOrd, Ord, Hash)]
#[serde(transparent)]
pub struct ServiceKind(pub String);

/// The service meta key marking a mesh gateway that carries server-to-server traffic.
pub const META_WAN_FEDERATION: &str = "consul-wan-federation";

impl ServiceKind {
    pub const MESH_GATEWAY: &'static str = "mesh-gateway";
    pub const CONNECT_PROXY: &'static str = "connect-proxy";

    pub fn is_typical(&self) -> bool {
        self.0.is_empty()
    }
}

/// A service address of one kind (`lan`, `wan`, `lan_ipv4`, ...).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ServiceAddress {
    #[serde(alias = "address")]
    pub address: String,
    #[serde(alias = "port")]
    pub port: u16,
}

/// DNS SRV weights by health.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Weights {
    #[serde(alias = "passing")]
    pub passing: u32,
    #[serde(alias = "warning")]
    pub warning: u32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights { passing: 1, warning: 1 }
    }
}

/// A service instance on a node (`NodeService` in the reference).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct NodeService {
    pub kind: ServiceKind,
    #[serde(rename = "ID")]
    pub id: String,
    pub service: String,
    pub tags: Vec<String>,
    pub address: String,
    pub tagged_addresses: BTreeMap<String, ServiceAddress>,
    pub meta: BTreeMap<String, String>,
    pub port: u16,
    pub weights: Weights,
    pub enable_tag_override: bool,
    /// Proxy settings of a gateway or proxy (`Proxy.Config` is what the xDS side reads).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proxy: Option<ServiceProxy>,
    /// Connect settings (native Connect); omitted when none are set.
    #[serde(skip_serializing_if = "is_default_connect")]
    pub connect: ServiceConnect,
    pub datacenter: String,
    #[serde(flatten)]
    pub index: RaftIndex,
}

impl NodeService {
    /// A `connect-proxy` fronting `service`, or a native Connect instance of it (the name
    /// matched regardless of case, as the reference's indexes).
    pub fn is_connect_instance_of(&self, service: &str) -> bool {
        let proxy_for = self.kind.0 == ServiceKind::CONNECT_PROXY
            && self.proxy.as_ref().is_some_and(|p| p.destination_service_name.eq_ignore_ascii_case(service));
        proxy_for || (self.connect.native && self.service.eq_ignore_ascii_case(service))
    }
}

/// A proxy-like service's `Proxy` block (the reference's `ConnectProxyConfig`): for a
/// `connect-proxy`, the service it fronts and its upstreams; for a gateway, only `Config`.
/// Decoding takes the reference's snake_case spellings too; `Config` maps are opaque.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ServiceProxy {
    /// The service this proxy represents (required for a `connect-proxy`).
    #[serde(alias = "destination_service_name", skip_serializing_if = "String::is_empty")]
    pub destination_service_name: String,
    /// The instance it fronts.
    #[serde(
        rename = "DestinationServiceID",
        alias = "destination_service_id",
        skip_serializing_if = "String::is_empty"
    )]
    pub destination_service_id: String,
    /// Where the proxy dials the application (empty: 127.0.0.1).
    #[serde(alias = "local_service_address", skip_serializing_if = "String::is_empty")]
    pub local_service_address: String,
    #[serde(alias = "local_service_port", skip_serializing_if = "is_zero")]
    pub local_service_port: u16,
    /// Opaque settings; for gateways the `envoy_gateway_*` bind keys and `connect_timeout_ms`.
    #[serde(alias = "config", skip_serializing_if = "serde_json::Map::is_empty")]
    pub config: serde_json::Map<String, serde_json::Value>,
    #[serde(alias = "upstreams", skip_serializing_if = "Vec::is_empty")]
    pub upstreams: Vec<Upstream>,
    /// The proxy-wide default mesh gateway mode of its upstreams.
    #[serde(alias = "mesh_gateway")]
    pub mesh_gateway: MeshGatewayConfig,
    /// Paths of the local service the proxy serves outside the mesh. Never omitted, as
    /// `MeshGateway`: the reference's `omitempty` does nothing to a struct, so its JSON always
    /// has `"Expose": {}`.
    #[serde(alias = "expose")]
    pub expose: ExposeConfig,
}

fn is_default_connect(c: &ServiceConnect) -> bool {
    *c == ServiceConnect::default()
}

fn is_zero(port: &u16) -> bool {
    *port == 0
}

/// One upstream of a proxy: a service (or prepared query) it reaches on a local port.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Upstream {
    /// `service` or `prepared_query`; an empty one is stored as `service` (as the reference's
    /// registration does).
    #[serde(alias = "destination_type", skip_serializing_if = "String::is_empty")]
    pub destination_type: String,
    #[serde(alias = "destination_namespace", skip_serializing_if = "String::is_empty")]
    pub destination_namespace: String,
    #[serde(alias = "destination_name")]
    pub destination_name: String,
    #[serde(alias = "datacenter", skip_serializing_if = "String::is_empty")]
    pub datacenter: String,
    /// Empty: 127.0.0.1.
    #[serde(alias = "local_bind_address", skip_serializing_if = "String::is_empty")]
    pub local_bind_address: String,
    #[serde(alias = "local_bind_port", skip_serializing_if = "is_zero")]
    pub local_bind_port: u16,
    #[serde(alias = "config", skip_serializing_if = "serde_json::Map::is_empty")]
    pub config: serde_json::Map<String, serde_json::Value>,
    #[serde(alias = "mesh_gateway")]
    pub mesh_gateway: MeshGatewayConfig,
}

/// `{ "Mode": "" | "none" | "local" | "remote" }`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct MeshGatewayConfig {
    #[serde(alias = "mode", skip_serializing_if = "String::is_empty")]
    pub mode: String,
}

/// A proxy's `Expose` block: the reference's `ExposeConfig`, empty fields omitted as there.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ExposeConfig {
    /// Expose the paths of the service's HTTP (and, in the reference, gRPC) checks.
    #[serde(alias = "checks", skip_serializing_if = "std::ops::Not::not")]
    pub checks: bool,
    #[serde(alias = "paths", skip_serializing_if = "Vec::is_empty")]
    pub paths: Vec<ExposePath>,
}

/// One exposed path (`ExposePath`): the proxy listens on `ListenerPort` and forwards `Path`
/// to the service's `LocalPathPort`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ExposePath {
    #[serde(alias = "listener_port", skip_serializing_if = "is_zero")]
    pub listener_port: u16,
    #[serde(alias = "path", skip_serializing_if = "String::is_empty")]
    pub path: String,
    #[serde(alias = "local_path_port", skip_serializing_if = "is_zero")]
    pub local_path_port: u16,
    /// `http` or `http2`; empty is `http`.
    #[serde(alias = "protocol", skip_serializing_if = "String::is_empty")]
    pub protocol: String,
    /// Set for a path exposed for a check rather than written in the definition. Always in
    /// the JSON, as the reference (no `omitempty`); no snake_case spelling, as Consul's config
    /// files have no key for it.
    pub parsed_from_check: bool,
}

/// A service's `Connect` settings as the catalog keeps them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ServiceConnect {
    /// The service speaks Connect itself (fetches its own leaf certificate).
    #[serde(alias = "native", skip_serializing_if = "std::ops::Not::not")]
    pub native: bool,
}

/// passing, warning or critical (and `maintenance` for maintenance mode).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum HealthStatus {
    Passing,
    Warning,
    #[default]
    Critical,
    Maintenance,
}

impl HealthStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            HealthStatus::Passing => "passing",
            HealthStatus::Warning => "warning",
            HealthStatus::Critical => "critical",
            HealthStatus::Maintenance => "maintenance",
        }
    }

    pub fn parse(s: &str) -> Option<HealthStatus> {
        match s {
            "passing" => Some(HealthStatus::Passing),
            "warning" => Some(HealthStatus::Warning),
            "critical" => Some(HealthStatus::Critical),
            "maintenance" => Some(HealthStatus::Maintenance),
            _ => None,
        }
    }
}

/// How a check is run, as stored in the catalog (`Definition` in the reference).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct CheckDefinition {
    #[serde(rename = "TCP", skip_serializing_if = "String::is_empty")]
    pub tcp: String,
    #[serde(rename = "HTTP", skip_serializing_if = "String::is_empty")]
    pub http: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interval: Option<GoDuration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout: Option<GoDuration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deregister_critical_service_after: Option<GoDuration>,
}

/// A health check of a node or of one service on it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct HealthCheck {
    pub node: String,
    #[serde(rename = "CheckID")]
    pub check_id: String,
    pub name: String,
    pub status: HealthStatus,
    pub notes: String,
    pub output: String,
    #[serde(rename = "ServiceID")]
    pub service_id: String,
    pub service_name: String,
    pub service_tags: Vec<String>,
    /// `tcp`, `http`, `ttl`, or empty.
    #[serde(rename = "Type")]
    pub check_type: String,
    pub definition: CheckDefinition,
    #[serde(flatten)]
    pub index: RaftIndex,
}

/// A key/value entry. `Value` is raw bytes internally and base64 in JSON.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct KvEntry {
    pub key: String,
    pub flags: u64,
    #[serde(with = "base64_bytes")]
    pub value: Vec<u8>,
    pub lock_index: u64,
    /// The session holding it (empty: nobody).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub session: String,
    #[serde(flatten)]
    pub index: RaftIndex,
}

mod base64_bytes {
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        if bytes.is_empty() {
            // The reference API returns null for an empty value.
            s.serialize_none()
        } else {
            s.serialize_str(&STANDARD.encode(bytes))
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text: Option<String> = Option::deserialize(d)?;
        match text {
            None => Ok(Vec::new()),
            Some(t) => STANDARD.decode(t).map_err(serde::de::Error::custom),
        }
    }
}

/// A datacenter's mesh gateways as the federation knows them (`FederationState`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct FederationState {
    pub datacenter: String,
    /// The datacenter's `mesh-gateway` instances with their node and checks (omitted when
    /// empty, as the reference).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub mesh_gateways: Vec<super::CheckServiceNode>,
    /// When the datacenter's leader last wrote it (RFC 3339).
    pub updated_at: String,
    /// The primary's ModifyIndex of this state, as replicated to secondaries.
    pub primary_modify_index: u64,
    #[serde(flatten)]
    pub index: RaftIndex,
}

/// The federation states modified after an index, and what lets the receiver check that it
/// then holds exactly the sender's table: the table's size and digest.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct FederationStatesDelta {
    pub changed: Vec<FederationState>,
    pub count: usize,
    /// [`federation_digest`] of every (datacenter, ModifyIndex) in the sender's table.
    pub digest: u64,
}

/// A digest of (datacenter, index) pairs, independent of their order: FNV-1a of each pair,
/// summed. Stable across builds and platforms (it crosses the wire).
pub fn federation_digest<'a>(pairs: impl Iterator<Item = (&'a str, u64)>) -> u64 {
    pairs
        .map(|(datacenter, index)| {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for b in datacenter.bytes().chain([0]).chain(index.to_be_bytes()) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
            h
        })
        .fold(0, u64::wrapping_add)
}

/// One Connect CA root certificate (`CARoot` in the reference).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct CaRoot {
    #[serde(rename = "ID")]
    pub id: String,
    pub name: String,
    pub serial_number: u64,
    #[serde(rename = "RootCert")]
    pub root_cert: String,
    pub not_before: String,
    pub not_after: String,
    /// CA certificates between this root and the leaves it trusts: in a secondary, the
    /// datacenter's intermediate; after a rotation, the old root's cross-signature of this one.
    /// `null` when there are none, as the reference shows it.
    pub intermediate_certs: Option<Vec<String>>,
    pub active: bool,
    #[serde(flatten)]
    pub index: RaftIndex,
}

/// A secondary datacenter's intermediate CA: signed by the primary's root `root_id`, its key
/// signs this datacenter's leaves. Kept in the datacenter's own raft state, never replicated
/// elsewhere nor shown with its key.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct SigningIntermediate {
    #[serde(rename = "RootID")]
    pub root_id: String,
    pub cert_pem: String,
    pub key_pem: String,
    /// RFC 3339.
    pub not_before: String,
    pub not_after: String,
}

/// The federation's Connect CA: its trust domain and roots. Created once by the primary;
/// secondaries hold a replicated copy without the signing key.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ConnectCa {
    /// `<cluster-uuid>.consul`.
    pub trust_domain: String,
    #[serde(rename = "ActiveRootID")]
    pub active_root_id: String,
    pub roots: Vec<CaRoot>,
    /// The active root's private key (PEM); only in the primary, never in an API answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signing_key: Option<String>,
    /// The CA's settings; only in the primary (`None`: the defaults), never in a roots answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub config: Option<CaConfig>,
}

impl ConnectCa {
    /// The copy every other datacenter and every API answer gets: no signing key, no settings.
    pub fn public(&self) -> ConnectCa {
        ConnectCa { signing_key: None, config: None, ..self.clone() }
    }
}

/// The body of `PUT /v1/connect/ca/configuration`: the provider, its settings as given (keys
/// as the reference spells them), and the reference's read-only `State`.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct CaConfigRequest {
    pub provider: String,
    pub config: serde_json::Map<String, serde_json::Value>,
    pub state: Option<serde_json::Map<String, serde_json::Value>>,
    pub force_without_cross_signing: bool,
}

/// Never shows `PrivateKey` (requests are logged when they are retried).
impl std::fmt::Debug for CaConfigRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let keys: Vec<&String> = self.config.keys().collect();
        f.debug_struct("CaConfigRequest")
            .field("provider", &self.provider)
            .field("config_keys", &keys)
            .field("force_without_cross_signing", &self.force_without_cross_signing)
            .finish_non_exhaustive()
    }
}

/// The built-in CA provider's settings (`Config` of `/v1/connect/ca/configuration`), in the
/// reference's names; durations in Go's spelling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct CaConfig {
    #[serde(rename = "LeafCertTTL")]
    pub leaf_cert_ttl: String,
    #[serde(rename = "IntermediateCertTTL")]
    pub intermediate_cert_ttl: String,
    pub rotation_period: String,
    pub private_key_type: String,
    pub private_key_bits: u32,
}

impl Default for CaConfig {
    fn default() -> Self {
        CaConfig {
            leaf_cert_ttl: "72h".to_owned(),
            intermediate_cert_ttl: "8760h".to_owned(),
            rotation_period: "2160h".to_owned(),
            private_key_type: "ec".to_owned(),
            private_key_bits: 256,
        }
    }
}
