//! Snapshot -> Envoy resources for a mesh gateway: a pure function (no I/O, deterministic
//! order), so golden files pin the exact output.
//!
//! Listeners route by SNI only (`tls_inspector` reads it; TLS is never terminated):
//! `*.<dc>.internal.<trust-domain>` and, with WAN federation, `*.server.<dc>.<domain>` go to
//! that datacenter's gateways; `<node>.server.<local-dc>.<domain>` goes to that server; a
//! final chain lets `sni_cluster` pick the cluster named like the SNI (which serves
//! `server.<local-dc>.<domain>` and `<service>.default.<local-dc>.internal.<trust-domain>`:
//! one cluster per local service, whose endpoints are its sidecars). With WAN federation,
//! `_gateway.server.<local-dc>.<domain>` is answered by the gateway itself (a fixed line
//! naming it, no TLS), so probes can measure each hop: this gateway, a remote one, the
//! servers behind it.

use envoy_types::pb::envoy::config::cluster::v3::{Cluster, OutlierDetection, cluster};
use envoy_types::pb::envoy::config::core::v3::Address;
use envoy_types::pb::envoy::config::core::v3::{
    AggregatedConfigSource, ApiVersion, ConfigSource, DataSource, HealthStatus, SocketAddress, address, config_source,
    data_source, socket_address,
};
use envoy_types::pb::envoy::config::endpoint::v3::{
    ClusterLoadAssignment, Endpoint, LbEndpoint, LocalityLbEndpoints, lb_endpoint,
};
use envoy_types::pb::envoy::config::listener::v3::{Filter, FilterChain, FilterChainMatch, Listener, ListenerFilter};
use envoy_types::pb::envoy::config::listener::v3::{filter, listener_filter};
use envoy_types::pb::envoy::extensions::filters::listener::tls_inspector::v3::TlsInspector;
use envoy_types::pb::envoy::extensions::filters::network::direct_response::v3::Config as DirectResponse;
use envoy_types::pb::envoy::extensions::filters::network::sni_cluster::v3::SniCluster;
use envoy_types::pb::envoy::extensions::filters::network::tcp_proxy::v3::{TcpProxy, tcp_proxy};
use envoy_types::pb::google::protobuf::{Duration as PbDuration, UInt32Value};
use envoy_types::util::pack_any;

use crate::proxycfg::Snapshot;
use crate::state::{CheckServiceNode, HealthStatus as CheckStatus};
pub use crate::tls::names::{datacenter_sni, service_sni};
use crate::tls::names::{gateway_probe_answer, gateway_probe_name};

/// A gateway's whole configuration, each list sorted by resource name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resources {
    pub clusters: Vec<Cluster>,
    pub endpoints: Vec<ClusterLoadAssignment>,
    pub listeners: Vec<Listener>,
}

/// The resources of a mesh gateway's snapshot.
pub fn mesh_gateway(snap: &Snapshot) -> Resources {
    let mut r = Resources { listeners: listeners(snap), ..Resources::default() };
    let td = snap.trust_domain();
    let wanfed = snap.wan_federation();
    for dc in snap.remote_datacenters() {
        let gateways = snap.fed_state_gateways.get(dc).map(Vec::as_slice).unwrap_or_default();
        let mut endpoints: Vec<LbEndpoint> = gateways.iter().map(|g| gateway_endpoint(g, true)).collect();
        if dc == snap.primary_datacenter {
            for addr in &snap.primary_fallback {
                let known = gateways.iter().any(|g| g.best_address(true) == (addr.ip().to_string(), addr.port()));
                if !known {
                    endpoints.push(endpoint(&addr.ip().to_string(), addr.port(), HealthStatus::Healthy, 1));
                }
            }
        }
        // Without the trust domain (not replicated yet) only the server routes exist.
        let mut names = if td.is_empty() { Vec::new() } else { vec![datacenter_sni(dc, td)] };
        if wanfed {
            names.push(server_sni(None, dc, &snap.domain));
        }
        for name in names {
            r.clusters.push(eds_cluster(&name, snap.config.connect_timeout_ms));
            r.endpoints.push(assignment(&name, endpoints.clone()));
        }
    }
    // This datacenter's services, by the SNI their clients send (`sni_cluster` picks the
    // cluster named so): their sidecars and native instances at their LAN addresses.
    if !td.is_empty() {
        for (service, instances) in &snap.local_services {
            let name = service_sni(service, &snap.datacenter, td);
            let endpoints = instances.iter().map(|i| gateway_endpoint(i, false)).collect();
            r.clusters.push(eds_cluster(&name, snap.config.connect_timeout_ms));
            r.endpoints.push(assignment(&name, endpoints));
        }
    }
    if wanfed && !snap.servers.is_empty() {
        let mut all = Vec::new();
        for server in &snap.servers {
            let name = server_sni(Some(&server.node.node), &snap.datacenter, &snap.domain);
            let endpoint = server_endpoint(server);
            r.clusters.push(eds_cluster(&name, snap.config.connect_timeout_ms));
            r.endpoints.push(assignment(&name, vec![endpoint.clone()]));
            all.push(endpoint);
        }
        let name = server_sni(None, &snap.datacenter, &snap.domain);
        r.clusters.push(eds_cluster(&name, snap.config.connect_timeout_ms));
        r.endpoints.push(assignment(&name, all));
    }
    r.clusters.sort_by(|a, b| a.name.cmp(&b.name));
    r.endpoints.sort_by(|a, b| a.cluster_name.cmp(&b.cluster_name));
    r
}

/// `<node>.server.<dc>.<domain>`, or `server.<dc>.<domain>` for any server.
pub fn server_sni(node: Option<&str>, dc: &str, domain: &str) -> String {
    match node {
        Some(n) if !n.is_empty() && n != "*" => format!("{n}.server.{dc}.{domain}"),
        _ => format!("server.{dc}.{domain}"),
    }
}

/// Where this gateway listens: `(name, address, port)`, in the reference's order. A bind whose
/// address and port an earlier one already has is dropped (a gateway whose `lan` and `wan`
/// tagged addresses are the same would otherwise be rejected by Envoy as a duplicate).
fn binds(snap: &Snapshot) -> Vec<(String, String, u16)> {
    let mut binds = Vec::new();
    if !snap.config.no_default_bind {
        let address = if snap.address.is_empty() { "0.0.0.0" } else { snap.address.as_str() };
        binds.push(("default".to_owned(), address.to_owned(), snap.port));
    }
    if snap.config.bind_tagged_addresses {
        for (tag, a) in &snap.tagged_addresses {
            binds.push((tag.clone(), a.address.clone(), a.port));
        }
    }
    for (name, a) in &snap.config.bind_addresses {
        binds.push((name.clone(), a.address.clone(), a.port));
    }
    let mut seen = std::collections::BTreeSet::new();
    binds.retain(|(_, address, port)| seen.insert((address.clone(), *port)));
    binds
}

fn listeners(snap: &Snapshot) -> Vec<Listener> {
    let td = snap.trust_domain();
    let remote = snap.remote_datacenters();
    let mut out: Vec<Listener> = binds(snap)
        .into_iter()
        .map(|(bind, address, port)| {
            let mut chains = Vec::new();
            for dc in remote.iter().filter(|_| !td.is_empty()) {
                let prefix = format!("mesh_gateway_remote.{bind}.{dc}");
                chains.push(sni_chain(&format!("*.{}", datacenter_sni(dc, td)), &datacenter_sni(dc, td), &prefix));
            }
            if snap.wan_federation() {
                for dc in &remote {
                    let cluster = server_sni(None, dc, &snap.domain);
                    let prefix = format!("mesh_gateway_remote.{bind}.{dc}");
                    chains.push(sni_chain(&format!("*.{cluster}"), &cluster, &prefix));
                }
                chains.push(probe_answer_chain(snap));
                for server in &snap.servers {
                    let name = server_sni(Some(&server.node.node), &snap.datacenter, &snap.domain);
                    let prefix = format!("mesh_gateway_local_server.{bind}.{}", snap.datacenter);
                    chains.push(sni_chain(&name, &name, &prefix));
                }
            }
            chains.push(FilterChain {
                filters: vec![
                    typed_filter("envoy.filters.network.sni_cluster", pack_any(SniCluster {})),
                    tcp_proxy_filter("", &format!("mesh_gateway_local.{bind}")),
                ],
                ..FilterChain::default()
            });
            Listener {
                name: format!("{bind}:{address}:{port}"),
                address: Some(socket(&address, port)),
                listener_filters: vec![ListenerFilter {
                    name: "envoy.filters.listener.tls_inspector".to_owned(),
                    config_type: Some(listener_filter::ConfigType::TypedConfig(pack_any(TlsInspector::default()))),
                    ..ListenerFilter::default()
                }],
                filter_chains: chains,
                ..Listener::default()
            }
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

fn sni_chain(server_name: &str, cluster: &str, stat_prefix: &str) -> FilterChain {
    FilterChain {
        filter_chain_match: Some(FilterChainMatch {
            server_names: vec![server_name.to_owned()],
            ..FilterChainMatch::default()
        }),
        filters: vec![tcp_proxy_filter(cluster, stat_prefix)],
        ..FilterChain::default()
    }
}

/// The chain that answers [`gateway_probe_name`] with this gateway's name instead of routing it.
fn probe_answer_chain(snap: &Snapshot) -> FilterChain {
    let answer = gateway_probe_answer(&snap.datacenter, &snap.proxy_id);
    let config = DirectResponse {
        response: Some(DataSource {
            specifier: Some(data_source::Specifier::InlineString(answer)),
            ..DataSource::default()
        }),
    };
    FilterChain {
        filter_chain_match: Some(FilterChainMatch {
            server_names: vec![gateway_probe_name(&snap.datacenter, &snap.domain)],
            ..FilterChainMatch::default()
        }),
        filters: vec![typed_filter("envoy.filters.network.direct_response", pack_any(config))],
        ..FilterChain::default()
    }
}

/// Connection attempts per downstream connection: a gateway that is gone (its address still
/// in a replicated federation state) costs one attempt, not the connection.
const CONNECT_ATTEMPTS: u32 = 3;

pub(super) fn tcp_proxy_filter(cluster: &str, stat_prefix: &str) -> Filter {
    tcp_proxy_config_filter(tcp_proxy(cluster, stat_prefix))
}

pub(super) fn tcp_proxy(cluster: &str, stat_prefix: &str) -> TcpProxy {
    TcpProxy {
        stat_prefix: stat_prefix.to_owned(),
        cluster_specifier: Some(tcp_proxy::ClusterSpecifier::Cluster(cluster.to_owned())),
        max_connect_attempts: Some(UInt32Value { value: CONNECT_ATTEMPTS }),
        ..TcpProxy::default()
    }
}

pub(super) fn tcp_proxy_config_filter(config: TcpProxy) -> Filter {
    typed_filter("envoy.filters.network.tcp_proxy", pack_any(config))
}

pub(super) fn typed_filter(name: &str, config: envoy_types::pb::google::protobuf::Any) -> Filter {
    Filter { name: name.to_owned(), config_type: Some(filter::ConfigType::TypedConfig(config)) }
}

pub(super) fn eds_cluster(name: &str, connect_timeout_ms: u64) -> Cluster {
    Cluster {
        name: name.to_owned(),
        connect_timeout: Some(PbDuration {
            seconds: (connect_timeout_ms / 1000) as i64,
            nanos: ((connect_timeout_ms % 1000) * 1_000_000) as i32,
        }),
        cluster_discovery_type: Some(cluster::ClusterDiscoveryType::Type(cluster::DiscoveryType::Eds as i32)),
        eds_cluster_config: Some(cluster::EdsClusterConfig {
            eds_config: Some(ConfigSource {
                resource_api_version: ApiVersion::V3 as i32,
                config_source_specifier: Some(config_source::ConfigSourceSpecifier::Ads(AggregatedConfigSource {})),
                ..ConfigSource::default()
            }),
            ..cluster::EdsClusterConfig::default()
        }),
        outlier_detection: Some(OutlierDetection::default()),
        ..Cluster::default()
    }
}

pub(super) fn assignment(name: &str, endpoints: Vec<LbEndpoint>) -> ClusterLoadAssignment {
    ClusterLoadAssignment {
        cluster_name: name.to_owned(),
        endpoints: vec![LocalityLbEndpoints { lb_endpoints: endpoints, ..LocalityLbEndpoints::default() }],
        ..ClusterLoadAssignment::default()
    }
}

pub(super) fn socket(address: &str, port: u16) -> Address {
    Address {
        address: Some(address::Address::SocketAddress(SocketAddress {
            address: address.to_owned(),
            port_specifier: Some(socket_address::PortSpecifier::PortValue(u32::from(port))),
            ..SocketAddress::default()
        })),
    }
}

pub(super) fn endpoint(address: &str, port: u16, health: HealthStatus, weight: u32) -> LbEndpoint {
    LbEndpoint {
        host_identifier: Some(lb_endpoint::HostIdentifier::Endpoint(Endpoint {
            address: Some(socket(address, port)),
            ..Endpoint::default()
        })),
        health_status: health as i32,
        load_balancing_weight: Some(UInt32Value { value: weight }),
        ..LbEndpoint::default()
    }
}

/// An instance as an endpoint: its WAN address (for another datacenter) or LAN address, and
/// its health.
fn gateway_endpoint(g: &CheckServiceNode, wan: bool) -> LbEndpoint {
    let (address, port) = g.best_address(wan);
    let (health, weight) = health_and_weight(g);
    endpoint(&address, port, health, weight)
}

/// A server's RPC address (its LAN address and the `consul` service port) and its health.
fn server_endpoint(s: &CheckServiceNode) -> LbEndpoint {
    let (address, port) = s.best_address(false);
    let (health, weight) = health_and_weight(s);
    endpoint(&address, port, health, weight)
}

/// An instance that is not healthy ([`CheckServiceNode::is_healthy`]) is unhealthy with
/// weight 1; a warning uses the warning weight; a weight below 1 is unhealthy with weight 1;
/// weights are capped at 128.
pub(super) fn health_and_weight(c: &CheckServiceNode) -> (HealthStatus, u32) {
    let warning = c.checks.iter().any(|ch| ch.status == CheckStatus::Warning);
    let weight = if warning { c.service.weights.warning } else { c.service.weights.passing };
    match (c.is_healthy(), weight) {
        (false, _) | (true, 0) => (HealthStatus::Unhealthy, 1),
        (true, w) => (HealthStatus::Healthy, w.min(128)),
    }
}
