//! Snapshot -> Envoy resources for a connect proxy (sidecar): pure and deterministic, as for
//! gateways, and pinned by golden files.
//!
//! - `public_listener:<addr>:<port>`: terminates mTLS with the service's leaf, requires a client
//!   certificate signed by the federation's roots, lets through only clients the intentions
//!   allow (the RBAC filter, `rbac.rs`), and proxies TCP to `local_app`.
//! - `local_app`: the application, at `LocalServiceAddress:LocalServicePort`.
//! - Per upstream, `<upstream-id>:<bind addr>:<bind port>` (plaintext, local) proxies TCP to the
//!   cluster `<svc>.default.<dc>.internal.<trust-domain>`, whose TLS presents the leaf, sends
//!   that name as SNI, and accepts only a peer whose certificate carries the upstream's SPIFFE
//!   ID (the reference before 1.8.14 checked only the roots).
//! - Per upstream, its endpoints: the upstream service's healthy-or-not connect instances at
//!   their proxy ports, with their health.

use envoy_types::pb::envoy::config::cluster::v3::{Cluster, cluster};
use envoy_types::pb::envoy::config::core::v3::HealthStatus;
use envoy_types::pb::envoy::config::core::v3::{DataSource, TransportSocket, data_source, transport_socket};
use envoy_types::pb::envoy::config::endpoint::v3::{
    ClusterLoadAssignment, LbEndpoint, LocalityLbEndpoints, cluster_load_assignment,
};
use envoy_types::pb::envoy::config::listener::v3::{FilterChain, Listener};
use envoy_types::pb::envoy::extensions::transport_sockets::tls::v3::{
    CertificateValidationContext, CommonTlsContext, DownstreamTlsContext, SubjectAltNameMatcher, TlsCertificate,
    TlsParameters, UpstreamTlsContext, common_tls_context, subject_alt_name_matcher,
};
use envoy_types::pb::envoy::r#type::matcher::v3::{StringMatcher, string_matcher};
use envoy_types::pb::envoy::r#type::v3::Percent;
use envoy_types::pb::google::protobuf::{BoolValue, UInt32Value};
use envoy_types::util::pack_any;

use super::Resources;
use super::resources::{
    assignment, eds_cluster, endpoint, health_and_weight, socket, tcp_proxy, tcp_proxy_config_filter, tcp_proxy_filter,
};
use crate::connect::{Chain, Mode, Target};
use crate::proxycfg::Snapshot;
use crate::state::{CheckServiceNode, Upstream, config_positive, weak_bool};
use crate::tls::leaf::service_spiffe_id;
use envoy_types::pb::envoy::extensions::filters::network::tcp_proxy::v3::UpstreamConnectMode;

/// The cluster of the local application.
pub const LOCAL_APP: &str = "local_app";
/// The reference's default `local_connect_timeout_ms` and upstream `connect_timeout_ms`.
const DEFAULT_TIMEOUT_MS: u64 = 5000;
/// What a client may send before the application is dialled (held by Envoy meanwhile).
const EARLY_DATA_BYTES: u32 = 64 * 1024;

/// The resources of a connect proxy's snapshot (which must be valid: roots and leaf present).
pub fn connect_proxy(snap: &Snapshot) -> Resources {
    let mut r = Resources::default();
    let Some(tls) = Tls::of(snap) else { return r };
    r.listeners.push(public_listener(snap, &tls));
    r.clusters.push(local_app(snap));
    let td = snap.trust_domain();
    for upstream in snap.sidecar.chains(&snap.datacenter) {
        // A chain that does not compile has no listener; `fedctl debug proxy` says why.
        let Ok(chain) = &upstream.chain else { continue };
        let cluster = chain.cluster_name(td);
        r.listeners.push(upstream_listener(&upstream.id, upstream.upstream, &cluster));
        let mut sans: Vec<String> =
            chain.targets.iter().map(|t| service_spiffe_id(td, &t.datacenter, &t.service)).collect();
        sans.sort();
        sans.dedup();
        let timeout = u64::try_from(chain.connect_timeout.as_millis()).unwrap_or(u64::MAX);
        let (sni, groups) = endpoint_plan(snap, chain);
        r.clusters.push(upstream_cluster(&cluster, &sni, timeout, &tls, &sans));
        if let Some(groups) = groups {
            r.endpoints.push(prioritized(&cluster, groups));
        }
    }
    r.clusters.sort_by(|a, b| a.name.cmp(&b.name));
    r.endpoints.sort_by(|a, b| a.cluster_name.cmp(&b.cluster_name));
    // The public listener first, then the upstreams in registration order, as the reference.
    r
}

/// The proxy's certificate and what it trusts.
struct Tls {
    cert_chain: String,
    private_key: String,
    roots: String,
}

impl Tls {
    fn of(snap: &Snapshot) -> Option<Tls> {
        let leaf = snap.sidecar.leaf.as_ref()?;
        let roots = snap.roots.as_ref()?;
        let mut bundle = String::new();
        for root in &roots.roots {
            bundle.push_str(root.root_cert.trim_end());
            bundle.push('\n');
        }
        Some(Tls { cert_chain: leaf.cert.cert_pem.clone(), private_key: leaf.private_key_pem.clone(), roots: bundle })
    }

    /// The leaf and the roots; with `sans`, a peer must present one of these URIs.
    fn common(&self, sans: &[String]) -> CommonTlsContext {
        let inline = |s: &str| DataSource {
            specifier: Some(data_source::Specifier::InlineString(s.to_owned())),
            ..DataSource::default()
        };
        let matchers = sans
            .iter()
            .map(|uri| SubjectAltNameMatcher {
                san_type: subject_alt_name_matcher::SanType::Uri as i32,
                matcher: Some(StringMatcher {
                    match_pattern: Some(string_matcher::MatchPattern::Exact(uri.clone())),
                    ..StringMatcher::default()
                }),
                ..SubjectAltNameMatcher::default()
            })
            .collect();
        CommonTlsContext {
            tls_params: Some(TlsParameters::default()),
            tls_certificates: vec![TlsCertificate {
                certificate_chain: Some(inline(&self.cert_chain)),
                private_key: Some(inline(&self.private_key)),
                ..TlsCertificate::default()
            }],
            validation_context_type: Some(common_tls_context::ValidationContextType::ValidationContext(
                CertificateValidationContext {
                    trusted_ca: Some(inline(&self.roots)),
                    match_typed_subject_alt_names: matchers,
                    ..CertificateValidationContext::default()
                },
            )),
            ..CommonTlsContext::default()
        }
    }
}

fn transport_socket(config: envoy_types::pb::google::protobuf::Any) -> TransportSocket {
    TransportSocket { name: "tls".to_owned(), config_type: Some(transport_socket::ConfigType::TypedConfig(config)) }
}

fn public_listener(snap: &Snapshot, tls: &Tls) -> Listener {
    let config = &snap.sidecar.proxy.config;
    let address = config_str(config, "bind_address")
        .or_else(|| Some(snap.address.clone()).filter(|a| !a.is_empty()))
        .unwrap_or_else(|| "0.0.0.0".to_owned());
    let port = config_positive(config, "bind_port").and_then(|p| u16::try_from(p).ok()).unwrap_or(snap.port);
    // Envoy's RBAC filter decides on a connection's first bytes, and the TCP proxy would dial
    // the application as soon as the client connects: while the intentions can refuse anyone,
    // the application is dialled only once the client sent data the filter let through, so a
    // refused client never reaches it. A server-first protocol (the application speaks
    // first) needs the dial at once: `server_first_protocol = true`.
    let rbac = snap.sidecar.rbac();
    let mut to_app = tcp_proxy(LOCAL_APP, "public_listener_tcp");
    let server_first = config.get("server_first_protocol").and_then(weak_bool).unwrap_or(false);
    if rbac.can_deny() && !server_first {
        to_app.upstream_connect_mode = UpstreamConnectMode::OnDownstreamData as i32;
        to_app.max_early_data_bytes = Some(UInt32Value { value: EARLY_DATA_BYTES });
    }
    let downstream = DownstreamTlsContext {
        common_tls_context: Some(tls.common(&[])),
        require_client_certificate: Some(BoolValue { value: true }),
        ..DownstreamTlsContext::default()
    };
    Listener {
        name: format!("public_listener:{address}:{port}"),
        address: Some(socket(&address, port)),
        filter_chains: vec![FilterChain {
            filters: vec![super::rbac::network_filter(&rbac), tcp_proxy_config_filter(to_app)],
            transport_socket: Some(transport_socket(pack_any(downstream))),
            ..FilterChain::default()
        }],
        ..Listener::default()
    }
}

fn local_app(snap: &Snapshot) -> Cluster {
    let proxy = &snap.sidecar.proxy;
    let address = if proxy.local_service_address.is_empty() { "127.0.0.1" } else { &proxy.local_service_address };
    let timeout = config_positive(&proxy.config, "local_connect_timeout_ms").unwrap_or(DEFAULT_TIMEOUT_MS);
    let health = HealthStatus::Unknown;
    let mut cluster = eds_cluster(LOCAL_APP, timeout);
    cluster.cluster_discovery_type = Some(cluster::ClusterDiscoveryType::Type(cluster::DiscoveryType::Static as i32));
    cluster.eds_cluster_config = None;
    cluster.outlier_detection = None;
    let mut load = assignment(LOCAL_APP, vec![endpoint(address, proxy.local_service_port, health, 1)]);
    load.endpoints[0].lb_endpoints[0].load_balancing_weight = None;
    cluster.load_assignment = Some(load);
    cluster
}

fn upstream_listener(id: &str, upstream: &Upstream, cluster: &str) -> Listener {
    let address = if upstream.local_bind_address.is_empty() { "127.0.0.1" } else { &upstream.local_bind_address };
    let port = upstream.local_bind_port;
    Listener {
        name: format!("{id}:{address}:{port}"),
        address: Some(socket(address, port)),
        filter_chains: vec![FilterChain {
            filters: vec![tcp_proxy_filter(cluster, &format!("upstream_{}_tcp", id.replace(':', "_")))],
            ..FilterChain::default()
        }],
        ..Listener::default()
    }
}

fn upstream_cluster(name: &str, sni: &str, timeout_ms: u64, tls: &Tls, sans: &[String]) -> Cluster {
    let mut cluster = eds_cluster(name, timeout_ms);
    cluster.alt_stat_name = name.to_owned();
    // Panic mode off: an unhealthy instance is never picked because all are unhealthy.
    cluster.common_lb_config = Some(cluster::CommonLbConfig {
        healthy_panic_threshold: Some(Percent { value: 0.0 }),
        ..cluster::CommonLbConfig::default()
    });
    let upstream = UpstreamTlsContext {
        common_tls_context: Some(tls.common(sans)),
        sni: sni.to_owned(),
        ..UpstreamTlsContext::default()
    };
    cluster.transport_socket = Some(transport_socket(pack_any(upstream)));
    cluster
}

fn config_str(config: &serde_json::Map<String, serde_json::Value>, key: &str) -> Option<String> {
    config.get(key).and_then(|v| v.as_str()).map(str::to_owned).filter(|s| !s.is_empty())
}

/// The SNI an upstream's cluster sends, and its endpoint groups by priority (`None` while a
/// target's instances or the gateways it needs have not arrived: no assignment is sent).
///
/// Direct failover keeps the primary's SNI and puts each target in its own priority (the
/// receiving sidecar ignores SNI). Through gateways the SNI must name the target, and Envoy
/// sets SNI per cluster, so the cluster carries the first healthy target alone (the
/// reference's rule, §4.6).
fn endpoint_plan(snap: &Snapshot, chain: &Chain) -> (String, Option<Vec<Vec<LbEndpoint>>>) {
    let td = snap.trust_domain();
    if chain.fails_over_through_gateway() {
        let target = chain.targets.iter().find(|t| target_healthy(snap, t)).unwrap_or(&chain.targets[0]);
        return (target.sni(td), target_group(snap, target).map(|g| vec![g]));
    }
    let groups: Option<Vec<_>> = chain.targets.iter().map(|t| target_group(snap, t)).collect();
    (chain.targets[0].sni(td), groups)
}

/// One target's endpoints: its instances when dialled directly (at their WAN address in
/// another datacenter), else the gateways that carry it, each healthy only while the target
/// has a healthy instance and the gateway itself is healthy (the reference looks at the
/// instances only, so a gateway in maintenance still got traffic).
fn target_group(snap: &Snapshot, target: &Target) -> Option<Vec<LbEndpoint>> {
    let instances = snap.sidecar.instances(target)?;
    let local = snap.datacenter.as_str();
    let Some(gateway_dc) = target.gateway_datacenter(local) else {
        return Some(
            instances
                .iter()
                .map(|i| {
                    let (address, port) = i.best_address(i.node.datacenter != local);
                    let (health, weight) = health_and_weight(i);
                    endpoint(&address, port, health, weight)
                })
                .collect(),
        );
    };
    if !snap.sidecar.gateways_known {
        return None;
    }
    let backends = instances.iter().any(CheckServiceNode::is_healthy);
    let gateways = gateways_of(snap, gateway_dc)?;
    Some(
        gateways
            .iter()
            .map(|g| {
                let (address, port) = g.best_address(gateway_dc != local);
                let health = if backends && g.is_healthy() { HealthStatus::Healthy } else { HealthStatus::Unhealthy };
                endpoint(&address, port, health, 1)
            })
            .collect(),
    )
}

/// A target can take traffic: its reads are not failing again and again (a datacenter whose
/// gateway is gone fails every read through it, long before the gateway's check turns
/// critical; one failed read is not enough) with a
/// healthy instance, and when gateways carry it, a healthy gateway on each side (for `local`
/// mode the target datacenter's gateways too, which the local gateway forwards to).
fn target_healthy(snap: &Snapshot, target: &Target) -> bool {
    let healthy_gateway = |dc: &str| gateways_of(snap, dc).is_some_and(|g| g.iter().any(CheckServiceNode::is_healthy));
    let key = (target.service.clone(), target.datacenter.clone());
    let read_ok = snap.sidecar.targets.get(&key).is_some_and(|t| !t.failing());
    let instances = snap.sidecar.instances(target).unwrap_or_default();
    read_ok
        && instances.iter().any(CheckServiceNode::is_healthy)
        && match target.mode {
            Mode::Direct => true,
            Mode::Remote => healthy_gateway(&target.datacenter),
            Mode::Local => healthy_gateway(&snap.datacenter) && healthy_gateway(&target.datacenter),
        }
}

/// Endpoint groups as priorities 0, 1, ...; with more than one, traffic moves to the next only
/// when a priority has no healthy endpoint at all.
fn prioritized(cluster: &str, groups: Vec<Vec<LbEndpoint>>) -> ClusterLoadAssignment {
    let several = groups.len() > 1;
    let mut load = assignment(cluster, Vec::new());
    load.endpoints = groups
        .into_iter()
        .enumerate()
        .map(|(i, lb_endpoints)| LocalityLbEndpoints {
            priority: u32::try_from(i).unwrap_or(u32::MAX),
            lb_endpoints,
            ..LocalityLbEndpoints::default()
        })
        .collect();
    if several {
        load.policy = Some(cluster_load_assignment::Policy {
            overprovisioning_factor: Some(UInt32Value { value: 100_000 }),
            ..cluster_load_assignment::Policy::default()
        });
    }
    load
}

/// A datacenter's mesh gateways: this one's from its own catalog (`None` until read), another
/// one's from the federation states.
fn gateways_of<'a>(snap: &'a Snapshot, dc: &str) -> Option<&'a [CheckServiceNode]> {
    if dc == snap.datacenter {
        snap.sidecar.local_gateways.as_deref()
    } else {
        Some(snap.fed_state_gateways.get(dc).map(Vec::as_slice).unwrap_or_default())
    }
}
