//! Snapshot -> xDS resources, pinned by golden JSON files under tests/golden/xds/.
//! Regenerate after an intended change with `FEDCTL_UPDATE_GOLDEN=1 cargo test xds_golden`
//! and review the diff.

use std::collections::BTreeMap;
use std::path::PathBuf;

use fedctl::proxycfg::{GatewayConfig, Snapshot};
use fedctl::state::{
    CaRoot, CheckServiceNode, ConnectCa, HealthCheck, HealthStatus, Node, NodeService, ServiceAddress, ServiceKind,
};

const TRUST_DOMAIN: &str = "11111111-2222-3333-4444-555555555555.consul";

fn check(node: &str, status: HealthStatus) -> HealthCheck {
    HealthCheck { node: node.into(), check_id: "c".into(), status, ..HealthCheck::default() }
}

fn gateway(dc: &str, node: &str, lan: &str, wan: &str, status: HealthStatus) -> CheckServiceNode {
    let tagged = |a: &str| ServiceAddress { address: a.into(), port: 8443 };
    CheckServiceNode {
        node: Node { node: node.into(), address: lan.into(), datacenter: dc.into(), ..Node::default() },
        service: NodeService {
            kind: ServiceKind(ServiceKind::MESH_GATEWAY.into()),
            id: "mesh-gateway".into(),
            service: "mesh-gateway".into(),
            address: lan.into(),
            port: 8443,
            tagged_addresses: BTreeMap::from([("lan".into(), tagged(lan)), ("wan".into(), tagged(wan))]),
            meta: BTreeMap::from([("consul-wan-federation".into(), "1".into())]),
            ..NodeService::default()
        },
        checks: vec![check(node, status)],
    }
}

fn server(node: &str, addr: &str, status: HealthStatus) -> CheckServiceNode {
    CheckServiceNode {
        node: Node { node: node.into(), address: addr.into(), datacenter: "dc1".into(), ..Node::default() },
        service: NodeService { id: "consul".into(), service: "consul".into(), port: 8300, ..NodeService::default() },
        checks: vec![check(node, status)],
    }
}

/// dc1's gateway at 10.0.1.1:8443, WAN 198.18.0.1:443.
fn base(wan_federation: bool) -> Snapshot {
    let gw = gateway("dc1", "gw-node", "10.0.1.1", "198.18.0.1", HealthStatus::Passing);
    let mut snap = Snapshot::for_service(&gw.service, "dc1", "consul.");
    snap.tagged_addresses.insert("wan".into(), ServiceAddress { address: "198.18.0.1".into(), port: 443 });
    if !wan_federation {
        snap.meta.clear();
    }
    snap.roots = Some(ConnectCa {
        trust_domain: TRUST_DOMAIN.into(),
        active_root_id: "root".into(),
        roots: vec![CaRoot { id: "root".into(), active: true, ..CaRoot::default() }],
        signing_key: None,
    });
    snap.datacenters = vec!["dc1".into(), "dc2".into(), "dc3".into()];
    snap.fed_state_gateways.insert("dc1".into(), vec![gw]);
    snap
}

fn with_remotes(mut snap: Snapshot) -> Snapshot {
    snap.fed_state_gateways.insert(
        "dc2".into(),
        vec![
            gateway("dc2", "gw-a", "10.0.2.1", "198.18.2.1", HealthStatus::Passing),
            gateway("dc2", "gw-b", "10.0.2.2", "198.18.2.2", HealthStatus::Passing),
        ],
    );
    snap.fed_state_gateways
        .insert("dc3".into(), vec![gateway("dc3", "gw-c", "10.0.3.1", "198.18.3.1", HealthStatus::Passing)]);
    snap
}

fn assert_golden(name: &str, snap: &Snapshot) {
    assert!(snap.is_valid(), "{name}: the fixture must be a deliverable snapshot");
    let rendered = fedctl::xds::render::resources(&fedctl::xds::mesh_gateway(snap));
    let text = serde_json::to_string_pretty(&rendered).unwrap() + "\n";
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/xds").join(format!("{name}.json"));
    if std::env::var_os("FEDCTL_UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (create it with FEDCTL_UPDATE_GOLDEN=1)", path.display()));
    assert!(
        expected == text,
        "{name}: the resources differ from {}; if intended, regenerate with FEDCTL_UPDATE_GOLDEN=1\n--- got:\n{text}",
        path.display()
    );
}

#[test]
fn local_only() {
    assert_golden("local-only", &base(false));
}

#[test]
fn with_remote_datacenters() {
    assert_golden("remote-datacenters", &with_remotes(base(false)));
}

#[test]
fn with_exposed_servers() {
    let mut snap = with_remotes(base(true));
    snap.servers =
        vec![server("s1", "10.0.1.11", HealthStatus::Passing), server("s2", "10.0.1.12", HealthStatus::Passing)];
    assert_golden("exposed-servers", &snap);
}

#[test]
fn with_unhealthy_gateways() {
    let mut snap = with_remotes(base(true));
    snap.servers = vec![server("s1", "10.0.1.11", HealthStatus::Critical)];
    let dc2 = snap.fed_state_gateways.get_mut("dc2").unwrap();
    dc2[1].checks[0].status = HealthStatus::Critical;
    dc2[0].checks.push(check("gw-a", HealthStatus::Warning));
    dc2[0].service.weights.warning = 3;
    assert_golden("unhealthy-gateways", &snap);
}

#[test]
fn bind_settings_shape_the_listeners() {
    let mut snap = with_remotes(base(true));
    snap.servers = vec![server("s1", "10.0.1.11", HealthStatus::Passing)];
    let config = serde_json::json!({
        "envoy_gateway_no_default_bind": "true",
        "envoy_mesh_gateway_bind_tagged_addresses": true,
        "envoy_gateway_bind_addresses": { "extra": { "Address": "0.0.0.0", "Port": 9443 } },
        "connect_timeout_ms": 1500
    });
    snap.config = GatewayConfig::parse(config.as_object());
    snap.tagged_addresses.insert("lan".into(), ServiceAddress { address: "10.0.1.1".into(), port: 8443 });
    assert_golden("bind-settings", &snap);
}

#[test]
fn a_wan_federation_gateway_is_not_deliverable_before_a_server_is_known() {
    let snap = base(true);
    assert!(!snap.is_valid());
    let mut no_roots = base(false);
    no_roots.roots = None;
    assert!(!no_roots.is_valid());
}

#[test]
fn before_the_trust_domain_arrives_a_federation_gateway_routes_servers_only() {
    let mut snap = with_remotes(base(true));
    snap.roots = None;
    snap.servers = vec![server("s1", "10.0.1.11", HealthStatus::Passing)];
    snap.primary_datacenter = "dc1".into();
    assert_golden("no-trust-domain-yet", &snap);
}

#[test]
fn a_secondary_gateway_adds_the_configured_primary_gateways() {
    let mut snap = with_remotes(base(true));
    snap.datacenter = "dc3".into();
    snap.primary_datacenter = "dc2".into();
    snap.servers = vec![server("s3", "10.0.3.11", HealthStatus::Passing)];
    // One configured address is dc2's known gateway (not repeated), one is new.
    snap.primary_fallback = vec!["198.18.2.1:8443".parse().unwrap(), "203.0.113.7:8443".parse().unwrap()];
    assert_golden("primary-fallback", &snap);
}
