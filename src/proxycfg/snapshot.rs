//! What a proxy's xDS configuration is built from: an immutable snapshot of the proxy's
//! registration and everything its watches returned. Pure data; `xds::resources` (gateways)
//! and `xds::sidecar` (connect proxies) turn it into Envoy resources.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde_json::{Map, Value};

use crate::connect::intentions::{DefaultPolicy, Rbac, Rule, rules_for};
use crate::connect::{self, Chain, ChainError, ChainRequest};
use crate::local::Leaf;
use crate::state::{
    CheckServiceNode, ConfigEntries, ConnectCa, META_WAN_FEDERATION, NodeService, ServiceAddress, ServiceKind,
    ServiceProxy, Upstream, weak_bool, weak_u64,
};

/// A proxy's view of the federation at one moment: a mesh gateway's, or with [`Sidecar`]
/// filled, a connect proxy's.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Snapshot {
    pub kind: ServiceKind,
    /// The gateway's service ID: Envoy's node ID.
    pub proxy_id: String,
    pub service: String,
    pub address: String,
    pub port: u16,
    pub tagged_addresses: BTreeMap<String, ServiceAddress>,
    pub meta: BTreeMap<String, String>,
    pub config: GatewayConfig,
    /// This agent's datacenter and DNS domain (without a trailing dot).
    pub datacenter: String,
    pub domain: String,
    /// The Connect CA (trust domain); `None` until the primary created it and it reached here.
    pub roots: Option<ConnectCa>,
    /// Every datacenter of the federation.
    pub datacenters: Vec<String>,
    /// Each datacenter's mesh gateways from the replicated federation states.
    pub fed_state_gateways: BTreeMap<String, Vec<CheckServiceNode>>,
    /// This datacenter's servers (the `consul` service), for a gateway that exposes them.
    pub servers: Vec<CheckServiceNode>,
    /// A gateway's view of this datacenter's services: each service's connect-capable
    /// instances, which incoming service traffic is routed to by SNI.
    pub local_services: BTreeMap<String, Vec<CheckServiceNode>>,
    /// The federation's primary datacenter.
    pub primary_datacenter: String,
    /// In a secondary: the resolved `primary_gateways`, added to the primary's gateways, so
    /// the gateway can carry the bootstrap before federation states arrive and after the
    /// primary's gateways moved.
    pub primary_fallback: Vec<std::net::SocketAddr>,
    /// A connect proxy's own part (empty for a gateway).
    pub sidecar: Sidecar,
}

/// What a connect proxy's snapshot adds: its registration's `Proxy` block, its leaf, the
/// config entries its upstreams' chains compile against, and what each target's watch
/// returned.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sidecar {
    pub proxy: ServiceProxy,
    pub leaf: Option<Arc<Leaf>>,
    /// `None` until the config entries' watch answered.
    pub entries: Option<Arc<ConfigEntries>>,
    /// By target (service, datacenter): its connect-capable instances (sidecars and native
    /// services), or why they could not be read.
    pub targets: BTreeMap<TargetKey, TargetInstances>,
    /// The federation states' gateways arrived (in [`Snapshot::fed_state_gateways`]); needed
    /// once a target goes through gateways (the target datacenter's).
    pub gateways_known: bool,
    /// This datacenter's mesh gateways, from its own catalog (so a change is seen here at
    /// once, and while the primary is away); `None` until read, read once a target is `local`.
    pub local_gateways: Option<Vec<CheckServiceNode>>,
    /// What a connection no intention matches gets (intentions are among the entries).
    pub intention_default: DefaultPolicy,
}

/// What a sidecar's chains need watched.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Needs {
    pub targets: std::collections::BTreeSet<TargetKey>,
    /// Some target goes through gateways: every datacenter's, from the federation states.
    pub federation_gateways: bool,
    /// Some target is `local`: this datacenter's gateways, from its catalog.
    pub local_gateways: bool,
}

/// A discovery-chain target: (service, datacenter).
pub type TargetKey = (String, String);

/// What a target's watch last returned. A failed read keeps the last instances it had and
/// says why it failed: it is never turned into "no healthy instance".
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TargetInstances {
    pub instances: Option<Vec<CheckServiceNode>>,
    pub error: Option<String>,
    /// Reads failed in a row (0 after a success).
    pub failures: u32,
}

/// Failed reads in a row after which failover through gateways passes a target by: one
/// error (a remote election, a timeout) does not move traffic; a datacenter whose gateway is
/// gone fails every retry, and is passed by within about half a second.
pub const FAILURES_TO_PASS_BY: u32 = 3;

impl TargetInstances {
    /// The watch answered, with instances or an error.
    pub fn answered(&self) -> bool {
        self.instances.is_some() || self.error.is_some()
    }

    /// Failover through gateways passes this target by: its reads keep failing.
    pub fn failing(&self) -> bool {
        self.failures >= FAILURES_TO_PASS_BY
    }
}

/// One upstream's compiled chain (or why it could not be compiled).
#[derive(Debug)]
pub struct UpstreamChain<'a> {
    pub id: String,
    pub upstream: &'a Upstream,
    pub chain: Result<Chain, ChainError>,
}

impl Sidecar {
    /// The intentions that apply to connections to this proxy's service, in the reference's
    /// order (none before the config entries arrived).
    pub fn intentions(&self) -> Vec<Rule> {
        self.entries.as_ref().map(|e| rules_for(e, &self.proxy.destination_service_name)).unwrap_or_default()
    }

    /// What the public listener lets through: the intentions as RBAC rules.
    pub fn rbac(&self) -> Rbac {
        connect::intentions::rbac(&self.intentions(), &self.intention_default)
    }

    /// The upstreams this proxy serves: services (prepared-query upstreams are not served
    /// yet: fedctl has no prepared queries).
    pub fn service_upstreams(&self) -> impl Iterator<Item = &Upstream> {
        self.proxy.upstreams.iter().filter(|u| u.destination_type.is_empty() || u.destination_type == "service")
    }

    /// Every service upstream's chain, in registration order; empty before the config entries
    /// arrived.
    pub fn chains(&self, local_datacenter: &str) -> Vec<UpstreamChain<'_>> {
        let Some(entries) = &self.entries else { return Vec::new() };
        self.service_upstreams()
            .map(|upstream| {
                let req = ChainRequest { upstream, proxy_mode: &self.proxy.mesh_gateway.mode, local_datacenter };
                UpstreamChain { id: upstream_id(upstream), upstream, chain: connect::compile(req, entries) }
            })
            .collect()
    }

    /// What the chains need watched: every target, and which gateways.
    pub fn needs(&self, local_datacenter: &str) -> Needs {
        let mut needs = Needs::default();
        for c in self.chains(local_datacenter) {
            for t in c.chain.iter().flat_map(|ch| &ch.targets) {
                needs.federation_gateways |= t.mode != connect::Mode::Direct;
                needs.local_gateways |= t.mode == connect::Mode::Local;
                needs.targets.insert((t.service.clone(), t.datacenter.clone()));
            }
        }
        needs
    }

    /// The target's instances once its watch answered; none when it only ever failed (a
    /// failed read is no route, and the chain fails over past it).
    pub fn instances(&self, target: &connect::Target) -> Option<&[CheckServiceNode]> {
        let key = (target.service.clone(), target.datacenter.clone());
        let t = self.targets.get(&key)?;
        match (&t.instances, &t.error) {
            (Some(i), _) => Some(i),
            (None, Some(_)) => Some(&[]),
            (None, None) => None,
        }
    }
}

/// The reference's `Upstream.Identifier()`: `[<type>:][<namespace>/]<name>[?dc=<dc>]`, the type
/// and the default namespace left out.
pub fn upstream_id(u: &Upstream) -> String {
    let typ = u.destination_type.as_str();
    let mut name = u.destination_name.clone();
    if typ != "prepared_query" && !u.destination_namespace.is_empty() && u.destination_namespace != "default" {
        name = format!("{}/{}", u.destination_namespace, name);
    }
    if !u.datacenter.is_empty() {
        name = format!("{name}?dc={}", u.datacenter);
    }
    if typ.is_empty() || typ == "service" { name } else { format!("{typ}:{name}") }
}

impl Snapshot {
    /// A snapshot of `service` before any watch answered.
    pub fn for_service(service: &NodeService, datacenter: &str, domain: &str) -> Snapshot {
        Snapshot {
            kind: service.kind.clone(),
            proxy_id: service.id.clone(),
            service: service.service.clone(),
            address: service.address.clone(),
            port: service.port,
            tagged_addresses: service.tagged_addresses.clone(),
            meta: service.meta.clone(),
            config: GatewayConfig::parse(service.proxy.as_ref().map(|p| &p.config)),
            datacenter: datacenter.to_owned(),
            domain: domain.trim_end_matches('.').to_owned(),
            sidecar: Sidecar {
                proxy: service
                    .proxy
                    .clone()
                    .filter(|_| service.kind.0 == ServiceKind::CONNECT_PROXY)
                    .unwrap_or_default(),
                ..Sidecar::default()
            },
            ..Snapshot::default()
        }
    }

    /// A connect proxy (sidecar), not a gateway.
    pub fn is_sidecar(&self) -> bool {
        self.kind.0 == ServiceKind::CONNECT_PROXY
    }

    /// The gateway carries WAN federation traffic (meta `consul-wan-federation=1`).
    pub fn wan_federation(&self) -> bool {
        self.meta.get(META_WAN_FEDERATION).map(String::as_str) == Some("1")
    }

    /// Deliverable: for a WAN-federation gateway, at least one local server is known; for
    /// any other, the trust domain is. A WAN-federation gateway must not wait for the trust
    /// domain: in a secondary it arrives from the primary through this very gateway, so the
    /// server routes go out first and the `*.internal.<trust-domain>` ones follow.
    ///
    /// A sidecar is deliverable once it has the roots, its leaf, the config entries, an
    /// answer (instances or an error) for every target of every upstream, and the gateways
    /// when a target goes through them (the reference sends a sidecar's config before its upstreams are known and
    /// fails its generation; waiting sends one complete configuration instead).
    pub fn is_valid(&self) -> bool {
        if self.is_sidecar() {
            let s = &self.sidecar;
            let needs = s.needs(&self.datacenter);
            return self.roots.is_some()
                && s.leaf.is_some()
                && s.entries.is_some()
                && needs.targets.iter().all(|k| s.targets.get(k).is_some_and(TargetInstances::answered))
                && (!needs.federation_gateways || s.gateways_known)
                && (!needs.local_gateways || s.local_gateways.is_some());
        }
        if self.wan_federation() { !self.servers.is_empty() } else { self.roots.is_some() }
    }

    /// What a snapshot that is not deliverable yet still waits for, in words (empty once it is
    /// deliverable): for operators (`fedctl debug proxy`).
    pub fn waiting_for(&self) -> Vec<String> {
        let mut out = Vec::new();
        if !self.is_sidecar() {
            if self.wan_federation() && self.servers.is_empty() {
                out.push("a server of this datacenter".to_owned());
            } else if !self.wan_federation() && self.roots.is_none() {
                out.push("roots".to_owned());
            }
            return out;
        }
        let s = &self.sidecar;
        if self.roots.is_none() {
            out.push("roots".to_owned());
        }
        if s.leaf.is_none() {
            out.push("leaf".to_owned());
        }
        if s.entries.is_none() {
            out.push("config entries".to_owned());
            return out;
        }
        let needs = s.needs(&self.datacenter);
        for (service, dc) in &needs.targets {
            if !s.targets.get(&(service.clone(), dc.clone())).is_some_and(TargetInstances::answered) {
                out.push(format!("instances of {service} in {dc}"));
            }
        }
        if needs.federation_gateways && !s.gateways_known {
            out.push("gateways from the federation states".to_owned());
        }
        if needs.local_gateways && s.local_gateways.is_none() {
            out.push("this datacenter's gateways".to_owned());
        }
        out
    }

    /// The trust domain, or empty.
    pub fn trust_domain(&self) -> &str {
        self.roots.as_ref().map_or("", |r| r.trust_domain.as_str())
    }

    /// Remote datacenters with gateways, sorted (the local one skipped).
    pub fn remote_datacenters(&self) -> Vec<&str> {
        let mut dcs: Vec<&str> =
            self.fed_state_gateways.keys().map(String::as_str).filter(|dc| *dc != self.datacenter).collect();
        if !self.primary_fallback.is_empty() && self.primary_datacenter != self.datacenter {
            dcs.push(&self.primary_datacenter);
        }
        dcs.sort_unstable();
        dcs.dedup();
        dcs
    }
}

/// The gateway's `Proxy.Config` keys that shape its listeners and clusters, parsed weakly
/// (a value of the wrong type falls back to the default, as the reference).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GatewayConfig {
    /// No `default` listener on the service address.
    pub no_default_bind: bool,
    /// One listener per tagged address (`lan`, `wan`).
    pub bind_tagged_addresses: bool,
    /// One listener per entry, named by the key.
    pub bind_addresses: BTreeMap<String, ServiceAddress>,
    /// Connect timeout of gateway clusters.
    pub connect_timeout_ms: u64,
}

/// The default connect timeout of gateway clusters.
pub const DEFAULT_CONNECT_TIMEOUT_MS: u64 = 5000;

impl GatewayConfig {
    pub fn parse(config: Option<&Map<String, Value>>) -> GatewayConfig {
        let empty = Map::new();
        let config = config.unwrap_or(&empty);
        // The current key wins over the older `envoy_mesh_gateway_*` spelling.
        let get = |key: &str| {
            config.get(&format!("envoy_gateway_{key}")).or_else(|| config.get(&format!("envoy_mesh_gateway_{key}")))
        };
        let bind_addresses = get("bind_addresses")
            .and_then(|v| serde_json::from_value::<BTreeMap<String, ServiceAddress>>(v.clone()).ok())
            .unwrap_or_default();
        let connect_timeout_ms = config.get("connect_timeout_ms").and_then(weak_u64).filter(|ms| *ms >= 1);
        GatewayConfig {
            no_default_bind: get("no_default_bind").and_then(weak_bool).unwrap_or(false),
            bind_tagged_addresses: get("bind_tagged_addresses").and_then(weak_bool).unwrap_or(false),
            bind_addresses,
            connect_timeout_ms: connect_timeout_ms.unwrap_or(DEFAULT_CONNECT_TIMEOUT_MS),
        }
    }
}
