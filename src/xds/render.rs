//! Envoy resources as proto3 JSON (camelCase fields, `@type` on typed configs), for golden
//! files and for showing what a gateway was sent. Renders every field `resources` sets; a
//! new field there needs its line here (the golden tests then show it).

use envoy_types::pb::envoy::config::cluster::v3::{Cluster, cluster};
use envoy_types::pb::envoy::config::core::v3::{
    Address, DataSource, HealthStatus, TransportSocket, address, config_source, data_source, socket_address,
    transport_socket,
};
use envoy_types::pb::envoy::config::endpoint::v3::{ClusterLoadAssignment, lb_endpoint};
use envoy_types::pb::envoy::config::listener::v3::{Filter, Listener, filter, listener_filter};
use envoy_types::pb::envoy::config::rbac::v3::{Principal, Rbac as RbacRules, permission, principal, rbac};
use envoy_types::pb::envoy::extensions::filters::network::direct_response::v3::Config as DirectResponse;
use envoy_types::pb::envoy::extensions::filters::network::rbac::v3::Rbac as NetworkRbac;
use envoy_types::pb::envoy::extensions::filters::network::tcp_proxy::v3::{TcpProxy, UpstreamConnectMode, tcp_proxy};
use envoy_types::pb::envoy::extensions::transport_sockets::tls::v3::{
    CommonTlsContext, DownstreamTlsContext, UpstreamTlsContext, common_tls_context, subject_alt_name_matcher,
};
use envoy_types::pb::envoy::r#type::matcher::v3::string_matcher;
use envoy_types::pb::google::protobuf::{Any, Duration};
use prost::Message;
use serde_json::{Map, Value, json};

use super::Resources;

/// `{"clusters": [...], "endpoints": [...], "listeners": [...]}`.
pub fn resources(r: &Resources) -> Value {
    json!({
        "clusters": r.clusters.iter().map(cluster).collect::<Vec<_>>(),
        "endpoints": r.endpoints.iter().map(assignment).collect::<Vec<_>>(),
        "listeners": r.listeners.iter().map(listener).collect::<Vec<_>>(),
    })
}

pub fn cluster(c: &Cluster) -> Value {
    let mut m = Map::new();
    m.insert("@type".into(), json!("type.googleapis.com/envoy.config.cluster.v3.Cluster"));
    m.insert("name".into(), json!(c.name));
    if let Some(cluster::ClusterDiscoveryType::Type(t)) = c.cluster_discovery_type {
        let name = cluster::DiscoveryType::try_from(t).map_or("UNKNOWN", |t| t.as_str_name());
        m.insert("type".into(), json!(name));
    }
    if let Some(eds) = &c.eds_cluster_config {
        let mut config = Map::new();
        if let Some(source) = &eds.eds_config {
            let mut s = Map::new();
            if let Some(config_source::ConfigSourceSpecifier::Ads(_)) = source.config_source_specifier {
                s.insert("ads".into(), json!({}));
            }
            if source.resource_api_version != 0 {
                s.insert("resourceApiVersion".into(), json!("V3"));
            }
            config.insert("edsConfig".into(), Value::Object(s));
        }
        if !eds.service_name.is_empty() {
            config.insert("serviceName".into(), json!(eds.service_name));
        }
        m.insert("edsClusterConfig".into(), Value::Object(config));
    }
    if let Some(t) = &c.connect_timeout {
        m.insert("connectTimeout".into(), json!(duration(t)));
    }
    if c.outlier_detection.is_some() {
        m.insert("outlierDetection".into(), json!({}));
    }
    if !c.alt_stat_name.is_empty() {
        m.insert("altStatName".into(), json!(c.alt_stat_name));
    }
    if let Some(lb) = &c.common_lb_config {
        let mut config = Map::new();
        if let Some(p) = &lb.healthy_panic_threshold {
            // proto3 JSON leaves a zero out: `{}` is 0 %, panic mode off.
            config.insert(
                "healthyPanicThreshold".into(),
                if p.value == 0.0 { json!({}) } else { json!({ "value": p.value }) },
            );
        }
        m.insert("commonLbConfig".into(), Value::Object(config));
    }
    if let Some(load) = &c.load_assignment {
        let mut load = assignment(load);
        if let Some(o) = load.as_object_mut() {
            o.remove("@type");
        }
        m.insert("loadAssignment".into(), load);
    }
    if let Some(ts) = &c.transport_socket {
        m.insert("transportSocket".into(), transport_socket(ts));
    }
    Value::Object(m)
}

/// A TLS transport socket with the fields sidecars set.
fn transport_socket(ts: &TransportSocket) -> Value {
    let mut m = Map::new();
    m.insert("name".into(), json!(ts.name));
    if let Some(transport_socket::ConfigType::TypedConfig(any)) = &ts.config_type {
        let mut config = Map::new();
        config.insert("@type".into(), json!(any.type_url));
        if any.type_url.ends_with(".DownstreamTlsContext")
            && let Ok(tls) = DownstreamTlsContext::decode(any.value.as_slice())
        {
            if let Some(common) = &tls.common_tls_context {
                config.insert("commonTlsContext".into(), common_tls(common));
            }
            if let Some(required) = tls.require_client_certificate {
                config.insert("requireClientCertificate".into(), json!(required.value));
            }
        }
        if any.type_url.ends_with(".UpstreamTlsContext")
            && let Ok(tls) = UpstreamTlsContext::decode(any.value.as_slice())
        {
            if let Some(common) = &tls.common_tls_context {
                config.insert("commonTlsContext".into(), common_tls(common));
            }
            config.insert("sni".into(), json!(tls.sni));
        }
        m.insert("typedConfig".into(), Value::Object(config));
    }
    Value::Object(m)
}

fn common_tls(c: &CommonTlsContext) -> Value {
    let inline = |d: &Option<DataSource>| match d.as_ref().and_then(|d| d.specifier.as_ref()) {
        Some(data_source::Specifier::InlineString(s)) => json!({ "inlineString": s }),
        _ => json!({}),
    };
    let mut m = Map::new();
    if c.tls_params.is_some() {
        m.insert("tlsParams".into(), json!({}));
    }
    let certs: Vec<Value> = c
        .tls_certificates
        .iter()
        .map(|t| json!({ "certificateChain": inline(&t.certificate_chain), "privateKey": inline(&t.private_key) }))
        .collect();
    m.insert("tlsCertificates".into(), Value::Array(certs));
    if let Some(common_tls_context::ValidationContextType::ValidationContext(v)) = &c.validation_context_type {
        let mut vc = Map::new();
        vc.insert("trustedCa".into(), inline(&v.trusted_ca));
        if !v.match_typed_subject_alt_names.is_empty() {
            let sans: Vec<Value> = v
                .match_typed_subject_alt_names
                .iter()
                .map(|san| {
                    let typ = subject_alt_name_matcher::SanType::try_from(san.san_type)
                        .map_or("UNKNOWN", |t| t.as_str_name());
                    let exact = match san.matcher.as_ref().and_then(|m| m.match_pattern.as_ref()) {
                        Some(string_matcher::MatchPattern::Exact(e)) => json!({ "exact": e }),
                        _ => json!({}),
                    };
                    json!({ "sanType": typ, "matcher": exact })
                })
                .collect();
            vc.insert("matchTypedSubjectAltNames".into(), Value::Array(sans));
        }
        m.insert("validationContext".into(), Value::Object(vc));
    }
    Value::Object(m)
}

pub fn assignment(a: &ClusterLoadAssignment) -> Value {
    let groups: Vec<Value> = a
        .endpoints
        .iter()
        .map(|g| {
            let lb: Vec<Value> = g
                .lb_endpoints
                .iter()
                .map(|e| {
                    let mut m = Map::new();
                    if let Some(lb_endpoint::HostIdentifier::Endpoint(ep)) = &e.host_identifier
                        && let Some(addr) = &ep.address
                    {
                        m.insert("endpoint".into(), json!({ "address": address_json(addr) }));
                    }
                    if e.health_status != 0 {
                        let name = HealthStatus::try_from(e.health_status).map_or("UNKNOWN", |h| h.as_str_name());
                        m.insert("healthStatus".into(), json!(name));
                    }
                    if let Some(w) = &e.load_balancing_weight {
                        m.insert("loadBalancingWeight".into(), json!(w.value));
                    }
                    Value::Object(m)
                })
                .collect();
            let mut group = json!({ "lbEndpoints": lb });
            if g.priority != 0 {
                group["priority"] = json!(g.priority);
            }
            group
        })
        .collect();
    let mut out = json!({
        "@type": "type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment",
        "clusterName": a.cluster_name,
        "endpoints": groups,
    });
    if let Some(factor) = a.policy.as_ref().and_then(|p| p.overprovisioning_factor.as_ref()) {
        out["policy"] = json!({ "overprovisioningFactor": factor.value });
    }
    out
}

/// An assignment's endpoints, flat, for operators: `{"Address": "ip:port", "Health", "Priority"}`.
pub fn endpoint_views(a: &ClusterLoadAssignment) -> Vec<Value> {
    let mut out = Vec::new();
    for g in &a.endpoints {
        for e in &g.lb_endpoints {
            let Some(lb_endpoint::HostIdentifier::Endpoint(ep)) = &e.host_identifier else { continue };
            let address = ep.address.as_ref().map(address_json).unwrap_or_default();
            let health = HealthStatus::try_from(e.health_status).map_or("UNKNOWN", |h| h.as_str_name());
            out.push(json!({
                "Address": format!("{}:{}", address["socketAddress"]["address"].as_str().unwrap_or(""), address["socketAddress"]["portValue"]),
                "Health": health,
                "Priority": g.priority,
            }));
        }
    }
    out
}

pub fn listener(l: &Listener) -> Value {
    let chains: Vec<Value> = l
        .filter_chains
        .iter()
        .map(|c| {
            let mut m = Map::new();
            if let Some(fcm) = &c.filter_chain_match {
                m.insert("filterChainMatch".into(), json!({ "serverNames": fcm.server_names }));
            }
            m.insert("filters".into(), Value::Array(c.filters.iter().map(network_filter).collect()));
            if let Some(ts) = &c.transport_socket {
                m.insert("transportSocket".into(), transport_socket(ts));
            }
            Value::Object(m)
        })
        .collect();
    let listener_filters: Vec<Value> = l
        .listener_filters
        .iter()
        .map(|f| {
            let mut m = Map::new();
            m.insert("name".into(), json!(f.name));
            if let Some(listener_filter::ConfigType::TypedConfig(any)) = &f.config_type {
                m.insert("typedConfig".into(), json!({ "@type": any.type_url }));
            }
            Value::Object(m)
        })
        .collect();
    let mut m = Map::new();
    m.insert("@type".into(), json!("type.googleapis.com/envoy.config.listener.v3.Listener"));
    m.insert("name".into(), json!(l.name));
    if let Some(a) = &l.address {
        m.insert("address".into(), address_json(a));
    }
    m.insert("filterChains".into(), Value::Array(chains));
    if !listener_filters.is_empty() {
        m.insert("listenerFilters".into(), Value::Array(listener_filters));
    }
    Value::Object(m)
}

fn network_filter(f: &Filter) -> Value {
    let mut m = Map::new();
    m.insert("name".into(), json!(f.name));
    if let Some(filter::ConfigType::TypedConfig(any)) = &f.config_type {
        m.insert("typedConfig".into(), typed_config(any));
    }
    Value::Object(m)
}

/// A typed config with its fields when it is one of ours (`TcpProxy`, `direct_response`), else
/// just its type.
fn typed_config(any: &Any) -> Value {
    let mut m = Map::new();
    m.insert("@type".into(), json!(any.type_url));
    if any.type_url.ends_with("envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy")
        && let Ok(tp) = TcpProxy::decode(any.value.as_slice())
    {
        m.insert("statPrefix".into(), json!(tp.stat_prefix));
        if let Some(n) = tp.max_connect_attempts {
            m.insert("maxConnectAttempts".into(), json!(n.value));
        }
        if let Some(tcp_proxy::ClusterSpecifier::Cluster(c)) = tp.cluster_specifier {
            m.insert("cluster".into(), json!(c));
        }
        if tp.upstream_connect_mode == UpstreamConnectMode::OnDownstreamData as i32 {
            m.insert("upstreamConnectMode".into(), json!("ON_DOWNSTREAM_DATA"));
        }
        if let Some(n) = tp.max_early_data_bytes {
            m.insert("maxEarlyDataBytes".into(), json!(n.value));
        }
    }
    if any.type_url.ends_with("envoy.extensions.filters.network.rbac.v3.RBAC")
        && let Ok(rbac) = NetworkRbac::decode(any.value.as_slice())
    {
        m.insert("statPrefix".into(), json!(rbac.stat_prefix));
        if let Some(rules) = &rbac.rules {
            m.insert("rules".into(), rbac_rules(rules));
        }
    }
    if any.type_url.ends_with("envoy.extensions.filters.network.direct_response.v3.Config")
        && let Ok(dr) = DirectResponse::decode(any.value.as_slice())
        && let Some(data_source::Specifier::InlineString(text)) = dr.response.and_then(|r| r.specifier)
    {
        m.insert("response".into(), json!({ "inlineString": text }));
    }
    Value::Object(m)
}

/// RBAC rules as proto3 JSON: the action only when it is not the default ALLOW, and each
/// policy's permissions and principals.
fn rbac_rules(rules: &RbacRules) -> Value {
    let mut m = Map::new();
    if rules.action == rbac::Action::Deny as i32 {
        m.insert("action".into(), json!("DENY"));
    }
    if !rules.policies.is_empty() {
        let mut policies = Map::new();
        let mut names: Vec<&String> = rules.policies.keys().collect();
        names.sort();
        for name in names {
            let policy = &rules.policies[name];
            let permissions: Vec<Value> = policy
                .permissions
                .iter()
                .map(|p| match p.rule {
                    Some(permission::Rule::Any(any)) => json!({ "any": any }),
                    _ => json!({}),
                })
                .collect();
            let principals: Vec<Value> = policy.principals.iter().map(rbac_principal).collect();
            policies.insert(name.clone(), json!({ "permissions": permissions, "principals": principals }));
        }
        m.insert("policies".into(), Value::Object(policies));
    }
    Value::Object(m)
}

fn rbac_principal(p: &Principal) -> Value {
    match &p.identifier {
        Some(principal::Identifier::AndIds(set)) => {
            json!({ "andIds": { "ids": set.ids.iter().map(rbac_principal).collect::<Vec<_>>() } })
        }
        Some(principal::Identifier::NotId(inner)) => json!({ "notId": rbac_principal(inner) }),
        Some(principal::Identifier::Authenticated(a)) => {
            let regex = match a.principal_name.as_ref().and_then(|m| m.match_pattern.as_ref()) {
                Some(string_matcher::MatchPattern::SafeRegex(r)) => r.regex.clone(),
                _ => String::new(),
            };
            json!({ "authenticated": { "principalName": { "safeRegex": { "regex": regex } } } })
        }
        Some(principal::Identifier::Any(any)) => json!({ "any": any }),
        _ => json!({}),
    }
}

fn address_json(a: &Address) -> Value {
    match &a.address {
        Some(address::Address::SocketAddress(s)) => {
            let port = match s.port_specifier {
                Some(socket_address::PortSpecifier::PortValue(p)) => json!(p),
                _ => Value::Null,
            };
            json!({ "socketAddress": { "address": s.address, "portValue": port } })
        }
        _ => json!({}),
    }
}

fn duration(d: &Duration) -> String {
    if d.nanos == 0 {
        format!("{}s", d.seconds)
    } else {
        format!("{}s", format!("{}.{:09}", d.seconds, d.nanos).trim_end_matches('0'))
    }
}
