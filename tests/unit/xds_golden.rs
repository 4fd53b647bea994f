//! Snapshot -> xDS resources, pinned by golden JSON files under tests/golden/xds/, and every
//! resource set loaded by real Envoy. After an intended change, `FEDCTL_UPDATE_GOLDEN=1 cargo
//! test xds_golden` rewrites the files that differ and fails for each of them; review the diff,
//! commit, and run again without it. `tests/run` unsets the switch.

use std::collections::BTreeMap;
use std::path::PathBuf;

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use fedctl::connect::intentions::DefaultPolicy;
use fedctl::local::Leaf;
use fedctl::proxycfg::{GatewayConfig, Snapshot, TargetInstances};
use fedctl::rpc::message::SignedCert;
use fedctl::state::{
    CaRoot, CheckServiceNode, ConfigEntries, ConfigEntry, ConnectCa, HealthCheck, HealthStatus, MeshGatewayConfig,
    Node, NodeService, ResolverFailover, ServiceAddress, ServiceDefaults, ServiceIntentions, ServiceKind, ServiceProxy,
    ServiceResolver, SourceIntention, Upstream,
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
        config: None,
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
    let rendered = fedctl::xds::render::resources(&fedctl::xds::resources_for(snap));
    let text = serde_json::to_string_pretty(&rendered).unwrap() + "\n";
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/xds").join(format!("{name}.json"));
    if std::env::var_os("FEDCTL_UPDATE_GOLDEN").is_some() {
        let before = std::fs::read_to_string(&path).unwrap_or_default();
        std::fs::write(&path, &text).unwrap();
        // Rewriting never passes: the new file is what the next run (without the switch)
        // compares against, after a person read the diff.
        assert!(
            before == text,
            "{name}: rewrote {}; review the diff, then run without FEDCTL_UPDATE_GOLDEN",
            path.display()
        );
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (create it with FEDCTL_UPDATE_GOLDEN=1)", path.display()));
    assert!(
        expected == text,
        "{name}: the resources differ from {}; if intended, regenerate with FEDCTL_UPDATE_GOLDEN=1\n--- got:\n{text}",
        path.display()
    );
}

fn exposed_servers() -> Snapshot {
    let mut snap = with_remotes(base(true));
    snap.servers =
        vec![server("s1", "10.0.1.11", HealthStatus::Passing), server("s2", "10.0.1.12", HealthStatus::Passing)];
    snap
}

fn unhealthy_gateways() -> Snapshot {
    let mut snap = with_remotes(base(true));
    snap.servers = vec![server("s1", "10.0.1.11", HealthStatus::Critical)];
    let dc2 = snap.fed_state_gateways.get_mut("dc2").unwrap();
    dc2[1].checks[0].status = HealthStatus::Critical;
    dc2[0].checks.push(check("gw-a", HealthStatus::Warning));
    dc2[0].service.weights.warning = 3;
    snap
}

fn bind_settings() -> Snapshot {
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
    snap
}

fn no_trust_domain_yet() -> Snapshot {
    let mut snap = with_remotes(base(true));
    snap.roots = None;
    snap.servers = vec![server("s1", "10.0.1.11", HealthStatus::Passing)];
    snap.primary_datacenter = "dc1".into();
    snap
}

fn primary_fallback() -> Snapshot {
    let mut snap = with_remotes(base(true));
    snap.datacenter = "dc3".into();
    snap.primary_datacenter = "dc2".into();
    snap.servers = vec![server("s3", "10.0.3.11", HealthStatus::Passing)];
    // One configured address is dc2's known gateway (not repeated), one is new.
    snap.primary_fallback = vec!["198.18.2.1:8443".parse().unwrap(), "203.0.113.7:8443".parse().unwrap()];
    snap
}

/// The certificates a sidecar fixture carries: placeholders in the golden files, real ones
/// when Envoy loads the resources.
struct Pems {
    root: String,
    leaf: String,
    key: String,
}

fn placeholder_pems() -> Pems {
    Pems { root: "<root PEM>".into(), leaf: "<leaf PEM>".into(), key: "<leaf key PEM>".into() }
}

/// A real root and a leaf for `web` signed by it.
fn real_pems() -> Pems {
    let root = fedctl::tls::generate_connect_root(TRUST_DOMAIN).unwrap();
    let request = fedctl::tls::leaf::leaf_request(TRUST_DOMAIN, "dc1", "web").unwrap();
    let leaf = fedctl::tls::leaf::sign_leaf(
        &root.cert_pem,
        &root.key_pem,
        &request.csr_pem,
        TRUST_DOMAIN,
        "dc1",
        Duration::from_secs(3600),
    )
    .unwrap();
    Pems { root: root.cert_pem, leaf: leaf.cert_pem, key: request.key_pem }
}

/// A connect proxy instance of `service` on `node` in `dc`, at `address:port`.
fn proxy_instance(dc: &str, node: &str, address: &str, port: u16, status: HealthStatus) -> CheckServiceNode {
    let mut wan = BTreeMap::new();
    if dc != "dc1" {
        wan.insert("wan".into(), ServiceAddress { address: format!("198.18.{}", &address[5..]), port });
    }
    CheckServiceNode {
        node: Node { node: node.into(), address: address.into(), datacenter: dc.into(), ..Node::default() },
        service: NodeService {
            kind: ServiceKind(ServiceKind::CONNECT_PROXY.into()),
            id: "echo-sidecar-proxy".into(),
            service: "echo-sidecar-proxy".into(),
            address: address.into(),
            port,
            tagged_addresses: wan,
            ..NodeService::default()
        },
        checks: vec![check(node, status)],
    }
}

/// `web`'s sidecar on 10.0.1.1:21000 with the upstream `echo` on 127.0.0.1:9191: one echo
/// sidecar passing, one critical.
fn sidecar(pems: &Pems) -> Snapshot {
    let upstream = Upstream {
        destination_type: "service".into(),
        destination_name: "echo".into(),
        local_bind_port: 9191,
        ..Upstream::default()
    };
    let registration = NodeService {
        kind: ServiceKind(ServiceKind::CONNECT_PROXY.into()),
        id: "web-sidecar-proxy".into(),
        service: "web-sidecar-proxy".into(),
        address: "10.0.1.1".into(),
        port: 21000,
        proxy: Some(ServiceProxy {
            destination_service_name: "web".into(),
            destination_service_id: "web".into(),
            local_service_address: "127.0.0.1".into(),
            local_service_port: 8080,
            upstreams: vec![upstream],
            ..ServiceProxy::default()
        }),
        ..NodeService::default()
    };
    let mut snap = Snapshot::for_service(&registration, "dc1", "consul.");
    snap.roots = Some(ConnectCa {
        trust_domain: TRUST_DOMAIN.into(),
        active_root_id: "root".into(),
        roots: vec![CaRoot { id: "root".into(), root_cert: pems.root.clone(), active: true, ..CaRoot::default() }],
        signing_key: None,
        config: None,
    });
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000);
    snap.sidecar.leaf = Some(Arc::new(Leaf {
        cert: SignedCert { cert_pem: pems.leaf.clone(), ..SignedCert::default() },
        private_key_pem: pems.key.clone(),
        root_id: "root".into(),
        index: 7,
        fetched_at: now,
        valid_before: now + Duration::from_secs(3600),
        renew_at: now,
    }));
    snap.sidecar.entries = Some(Arc::new(ConfigEntries::default()));
    answer(
        &mut snap,
        "echo",
        "dc1",
        vec![
            proxy_instance("dc1", "n2", "10.0.1.2", 21000, HealthStatus::Passing),
            proxy_instance("dc1", "n3", "10.0.1.3", 21001, HealthStatus::Critical),
        ],
    );
    snap
}

/// A target's watch answered with `instances`.
fn answer(snap: &mut Snapshot, service: &str, dc: &str, instances: Vec<CheckServiceNode>) {
    let read = TargetInstances { instances: Some(instances), error: None, failures: 0 };
    snap.sidecar.targets.insert((service.into(), dc.into()), read);
}

/// `web`'s sidecar with one upstream, `echo` in dc2, whose mesh gateway mode is `mode` on the
/// upstream; echo's dc2 sidecar passes; dc1 and dc2 each have a gateway.
fn sidecar_through_gateways(pems: &Pems, mode: &str) -> Snapshot {
    let mut snap = sidecar(pems);
    snap.sidecar.targets.clear();
    let upstream = &mut snap.sidecar.proxy.upstreams[0];
    upstream.datacenter = "dc2".into();
    upstream.mesh_gateway.mode = mode.into();
    answer(&mut snap, "echo", "dc2", vec![proxy_instance("dc2", "m1", "10.0.2.9", 21000, HealthStatus::Passing)]);
    with_federation_gateways(&mut snap);
    snap
}

fn with_federation_gateways(snap: &mut Snapshot) {
    snap.fed_state_gateways
        .insert("dc1".into(), vec![gateway("dc1", "gw1", "10.0.1.1", "198.18.0.1", HealthStatus::Passing)]);
    snap.fed_state_gateways.insert(
        "dc2".into(),
        vec![
            gateway("dc2", "gw2", "10.0.2.1", "198.18.0.2", HealthStatus::Passing),
            gateway("dc2", "gw2b", "10.0.2.2", "198.18.0.3", HealthStatus::Maintenance),
        ],
    );
    snap.sidecar.gateways_known = true;
    snap.sidecar.local_gateways = Some(snap.fed_state_gateways["dc1"].clone());
}

/// `echo` (no datacenter on the upstream) fails over to dc2 then dc3 by its resolver, with
/// `service-defaults` mode `mode`; the local instance is critical, dc2's passes.
fn sidecar_failover(pems: &Pems, mode: &str) -> Snapshot {
    let mut snap = sidecar(pems);
    let resolver = ServiceResolver {
        name: "echo".into(),
        failover: BTreeMap::from([(
            "*".into(),
            ResolverFailover { datacenters: vec!["dc2".into(), "dc3".into()], ..ResolverFailover::default() },
        )]),
        ..ServiceResolver::default()
    };
    let defaults = ServiceDefaults {
        name: "echo".into(),
        mesh_gateway: MeshGatewayConfig { mode: mode.into() },
        ..ServiceDefaults::default()
    };
    snap.sidecar.entries = Some(Arc::new(ConfigEntries::from_entries([
        ConfigEntry::ServiceResolver(resolver),
        ConfigEntry::ServiceDefaults(defaults),
    ])));
    answer(&mut snap, "echo", "dc1", vec![proxy_instance("dc1", "n2", "10.0.1.2", 21000, HealthStatus::Critical)]);
    answer(&mut snap, "echo", "dc2", vec![proxy_instance("dc2", "m1", "10.0.2.9", 21000, HealthStatus::Passing)]);
    answer(&mut snap, "echo", "dc3", vec![proxy_instance("dc3", "k1", "10.0.3.9", 21000, HealthStatus::Passing)]);
    with_federation_gateways(&mut snap);
    snap
}

/// `web`'s sidecar with intentions: `api => web (allow)`, `* => web (deny)`, and for every
/// destination `admin => * (deny)`, `ops => * (allow)`; the default allow or deny.
fn sidecar_intentions(pems: &Pems, default_allow: bool) -> Snapshot {
    let mut snap = sidecar(pems);
    let entry = |name: &str, sources: &[(&str, &str)]| {
        let mut entry = ServiceIntentions {
            name: name.into(),
            sources: sources
                .iter()
                .map(|(source, action)| SourceIntention {
                    name: (*source).into(),
                    action: (*action).into(),
                    ..SourceIntention::default()
                })
                .collect(),
            ..ServiceIntentions::default()
        };
        entry.normalize();
        ConfigEntry::ServiceIntentions(entry)
    };
    snap.sidecar.entries = Some(Arc::new(ConfigEntries::from_entries([
        entry("web", &[("api", "allow"), ("*", "deny")]),
        entry("*", &[("admin", "deny"), ("ops", "allow")]),
        // Another destination's intentions do not apply to web.
        entry("db", &[("web", "deny")]),
    ])));
    snap.sidecar.intention_default = DefaultPolicy::of_setting(default_allow);
    snap
}

/// As [`sidecar_failover`] through remote gateways, but reading dc2 keeps failing (its
/// gateway is gone): dc2's last instances are kept and shown, and dc3 takes the traffic.
fn failover_past_failing_read(pems: &Pems) -> Snapshot {
    let mut snap = sidecar_failover(pems, "remote");
    let dc2 = snap.sidecar.targets.get_mut(&("echo".to_owned(), "dc2".to_owned())).unwrap();
    dc2.error = Some("reaching dc2: connection reset".into());
    dc2.failures = fedctl::proxycfg::FAILURES_TO_PASS_BY;
    snap.fed_state_gateways
        .insert("dc3".into(), vec![gateway("dc3", "gw3", "10.0.3.1", "198.18.0.4", HealthStatus::Passing)]);
    snap
}

/// dc1's gateway with the local services `echo` (a passing and a critical sidecar) and `web`.
fn local_services() -> Snapshot {
    let mut snap = with_remotes(base(false));
    snap.local_services.insert(
        "echo".into(),
        vec![
            proxy_instance("dc1", "n2", "10.0.1.2", 21000, HealthStatus::Passing),
            proxy_instance("dc1", "n3", "10.0.1.3", 21001, HealthStatus::Critical),
        ],
    );
    snap.local_services
        .insert("web".into(), vec![proxy_instance("dc1", "n4", "10.0.1.4", 21000, HealthStatus::Passing)]);
    snap
}

/// The same sidecar with settings: a bind address and port of its own, timeouts, and a
/// second upstream in dc2 (its instances at their WAN addresses) on a bind address.
fn sidecar_settings(pems: &Pems) -> Snapshot {
    let mut snap = sidecar(pems);
    let config =
        serde_json::json!({ "bind_address": "0.0.0.0", "bind_port": "21500", "local_connect_timeout_ms": 250 });
    snap.sidecar.proxy.config = config.as_object().unwrap().clone();
    snap.sidecar.proxy.upstreams.push(Upstream {
        destination_type: "service".into(),
        destination_name: "db".into(),
        datacenter: "dc2".into(),
        local_bind_address: "127.0.0.2".into(),
        local_bind_port: 5432,
        config: serde_json::json!({ "connect_timeout_ms": 1500 }).as_object().unwrap().clone(),
        ..Upstream::default()
    });
    answer(&mut snap, "db", "dc2", vec![proxy_instance("dc2", "m1", "10.0.2.9", 21000, HealthStatus::Passing)]);
    snap
}

/// Every golden fixture, by its file name.
fn fixtures() -> Vec<(&'static str, Snapshot)> {
    fixtures_with(&placeholder_pems())
}

fn fixtures_with(pems: &Pems) -> Vec<(&'static str, Snapshot)> {
    vec![
        ("sidecar", sidecar(pems)),
        ("sidecar-settings", sidecar_settings(pems)),
        ("sidecar-gateway-local", sidecar_through_gateways(pems, "local")),
        ("sidecar-gateway-remote", sidecar_through_gateways(pems, "remote")),
        ("sidecar-failover-direct", sidecar_failover(pems, "none")),
        ("sidecar-failover-remote", sidecar_failover(pems, "remote")),
        ("sidecar-failover-past-failing-read", failover_past_failing_read(pems)),
        ("sidecar-intentions-default-allow", sidecar_intentions(pems, true)),
        ("sidecar-intentions-default-deny", sidecar_intentions(pems, false)),
        ("local-services", local_services()),
        ("local-only", base(false)),
        ("remote-datacenters", with_remotes(base(false))),
        ("exposed-servers", exposed_servers()),
        ("unhealthy-gateways", unhealthy_gateways()),
        ("bind-settings", bind_settings()),
        ("no-trust-domain-yet", no_trust_domain_yet()),
        ("primary-fallback", primary_fallback()),
    ]
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
    assert_golden("exposed-servers", &exposed_servers());
}

#[test]
fn with_unhealthy_gateways() {
    assert_golden("unhealthy-gateways", &unhealthy_gateways());
}

#[test]
fn bind_settings_shape_the_listeners() {
    assert_golden("bind-settings", &bind_settings());
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
    assert_golden("no-trust-domain-yet", &no_trust_domain_yet());
}

#[test]
fn a_secondary_gateway_adds_the_configured_primary_gateways() {
    assert_golden("primary-fallback", &primary_fallback());
}

#[test]
fn a_sidecar_proxies_mtls_to_its_app_and_verifies_each_upstreams_spiffe_id() {
    assert_golden("sidecar", &sidecar(&placeholder_pems()));
}

#[test]
fn a_sidecars_settings_and_a_remote_upstream_shape_its_resources() {
    assert_golden("sidecar-settings", &sidecar_settings(&placeholder_pems()));
}

#[test]
fn a_sidecar_is_deliverable_only_with_roots_leaf_and_every_upstream_answered() {
    let pems = placeholder_pems();
    assert!(sidecar(&pems).is_valid());
    let mut no_leaf = sidecar(&pems);
    no_leaf.sidecar.leaf = None;
    assert!(!no_leaf.is_valid());
    let mut no_roots = sidecar(&pems);
    no_roots.roots = None;
    assert!(!no_roots.is_valid());
    let mut upstream_unanswered = sidecar_settings(&pems);
    upstream_unanswered.sidecar.targets.remove(&("db".to_owned(), "dc2".to_owned()));
    assert!(!upstream_unanswered.is_valid());
    // What it waits for, in words (for `fedctl debug proxy` before the first delivery).
    assert!(sidecar(&pems).waiting_for().is_empty());
    upstream_unanswered.sidecar.leaf = None;
    assert_eq!(upstream_unanswered.waiting_for(), ["leaf", "instances of db in dc2"]);
    // An upstream with no instances is answered: its cluster has no endpoints.
    let mut none = sidecar(&pems);
    answer(&mut none, "echo", "dc1", Vec::new());
    assert!(none.is_valid());
    // A failed read is an answer too (reported, not waited on).
    let mut failed = sidecar_settings(&pems);
    failed.sidecar.targets.insert(
        ("db".into(), "dc2".into()),
        TargetInstances { instances: None, error: Some("no path to datacenter dc2".into()), failures: 1 },
    );
    assert!(failed.is_valid());
    // No config entries yet, or a target through gateways before the gateways are known: waits.
    let mut no_entries = sidecar(&pems);
    no_entries.sidecar.entries = None;
    assert!(!no_entries.is_valid());
    let mut no_gateways = sidecar_through_gateways(&pems, "remote");
    no_gateways.sidecar.gateways_known = false;
    assert!(!no_gateways.is_valid());
    assert_eq!(no_gateways.waiting_for(), ["gateways from the federation states"]);
    let mut no_local = sidecar_through_gateways(&pems, "local");
    no_local.sidecar.local_gateways = None;
    assert_eq!(no_local.waiting_for(), ["this datacenter's gateways"]);
    // Every failover target must have answered.
    let mut failover = sidecar_failover(&pems, "remote");
    failover.sidecar.targets.remove(&("echo".to_owned(), "dc3".to_owned()));
    assert!(!failover.is_valid());
}

#[test]
fn an_upstream_through_local_gateways_dials_them_at_lan_with_the_reference_cluster_prefix() {
    assert_golden("sidecar-gateway-local", &sidecar_through_gateways(&placeholder_pems(), "local"));
}

/// The gateway in maintenance gets no traffic (the reference routes to it).
#[test]
fn an_upstream_through_remote_gateways_dials_them_at_wan_and_skips_one_in_maintenance() {
    assert_golden("sidecar-gateway-remote", &sidecar_through_gateways(&placeholder_pems(), "remote"));
}

#[test]
fn direct_failover_puts_each_datacenter_in_its_own_priority() {
    assert_golden("sidecar-failover-direct", &sidecar_failover(&placeholder_pems(), "none"));
}

#[test]
fn failover_through_gateways_sends_the_first_healthy_targets_sni_alone() {
    assert_golden("sidecar-failover-remote", &sidecar_failover(&placeholder_pems(), "remote"));
}

#[test]
fn intentions_become_the_public_listeners_rbac_filter() {
    assert_golden("sidecar-intentions-default-allow", &sidecar_intentions(&placeholder_pems(), true));
    assert_golden("sidecar-intentions-default-deny", &sidecar_intentions(&placeholder_pems(), false));
}

#[test]
fn failover_through_gateways_passes_by_a_target_whose_reads_keep_failing() {
    let snap = failover_past_failing_read(&placeholder_pems());
    assert_golden("sidecar-failover-past-failing-read", &snap);
    // One failed read is not enough to move the traffic.
    let mut once = snap.clone();
    once.sidecar.targets.get_mut(&("echo".to_owned(), "dc2".to_owned())).unwrap().failures = 1;
    let sni = |s: &Snapshot| {
        let r = fedctl::xds::resources_for(s);
        let c = r.clusters.iter().find(|c| c.name.starts_with("echo.default.dc1")).unwrap().clone();
        fedctl::xds::render::cluster(&c)["transportSocket"]["typedConfig"]["sni"].clone()
    };
    assert_eq!(sni(&snap), format!("echo.default.dc3.internal.{TRUST_DOMAIN}").as_str());
    assert_eq!(sni(&once), format!("echo.default.dc2.internal.{TRUST_DOMAIN}").as_str());
}

#[test]
fn a_gateway_routes_each_local_service_to_its_sidecars() {
    assert_golden("local-services", &local_services());
}

#[test]
fn every_golden_file_has_its_fixture() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/xds");
    let files: std::collections::BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().trim_end_matches(".json").to_owned())
        .collect();
    let names: std::collections::BTreeSet<String> = fixtures().into_iter().map(|(n, _)| n.to_owned()).collect();
    assert_eq!(files, names, "tests/golden/xds/ holds exactly the fixtures' files");
}

/// Every golden resource set, as it is sent (the protobuf messages, not their rendering),
/// loaded by real Envoy in validate mode: the clusters and listeners as static resources beside
/// an ADS source (as `fedctl connect envoy` configures Envoy), and each endpoint assignment as
/// the load assignment of a static cluster of its own.
#[test]
fn envoy_loads_every_golden_resource_set() {
    if !crate::support::gateway::have_envoy("to validate the generated resources") {
        return;
    }
    let dir = crate::support::temp_dir();
    for (name, snap) in fixtures_with(&real_pems()) {
        let resources = fedctl::xds::resources_for(&snap);
        assert!(!resources.clusters.is_empty() || !resources.listeners.is_empty(), "{name}: something to check");
        let path = dir.path().join(format!("{name}.pb"));
        std::fs::write(&path, envoy_check::bootstrap_with(&resources)).unwrap();
        let out = std::process::Command::new("envoy")
            .args(["--mode", "validate", "-c", path.to_str().unwrap(), "-l", "warning"])
            .output()
            .unwrap();
        let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(out.status.success() && text.contains("OK"), "{name}: Envoy refused the resources:\n{text}");
    }
}

/// An Envoy bootstrap (binary protobuf, which `envoy -c file.pb` reads) holding a resource set.
mod envoy_check {
    use envoy_types::pb::envoy::config::bootstrap::v3::Bootstrap;
    use envoy_types::pb::envoy::config::bootstrap::v3::bootstrap::{DynamicResources, StaticResources};
    use envoy_types::pb::envoy::config::cluster::v3::Cluster;
    use envoy_types::pb::envoy::config::cluster::v3::cluster::{ClusterDiscoveryType, DiscoveryType};
    use envoy_types::pb::envoy::config::core::v3::api_config_source::ApiType;
    use envoy_types::pb::envoy::config::core::v3::grpc_service::{EnvoyGrpc, TargetSpecifier};
    use envoy_types::pb::envoy::config::core::v3::{
        Address, ApiConfigSource, ApiVersion, GrpcService, Http2ProtocolOptions, Node, SocketAddress, address,
        socket_address,
    };
    use envoy_types::pb::envoy::config::endpoint::v3::lb_endpoint::HostIdentifier;
    use envoy_types::pb::envoy::config::endpoint::v3::{
        ClusterLoadAssignment, Endpoint, LbEndpoint, LocalityLbEndpoints,
    };
    use envoy_types::pb::envoy::extensions::upstreams::http::v3::HttpProtocolOptions;
    use envoy_types::pb::envoy::extensions::upstreams::http::v3::http_protocol_options::{
        ExplicitHttpConfig, UpstreamProtocolOptions, explicit_http_config::ProtocolConfig,
    };
    use envoy_types::util::pack_any;
    use prost::Message;

    const AGENT: &str = "local_agent";

    /// The agent's xDS cluster, as `fedctl connect envoy` bootstraps it (HTTP/2, static).
    fn agent_cluster() -> Cluster {
        let http2 = HttpProtocolOptions {
            upstream_protocol_options: Some(UpstreamProtocolOptions::ExplicitHttpConfig(ExplicitHttpConfig {
                protocol_config: Some(ProtocolConfig::Http2ProtocolOptions(Http2ProtocolOptions::default())),
            })),
            ..HttpProtocolOptions::default()
        };
        let address = Address {
            address: Some(address::Address::SocketAddress(SocketAddress {
                address: "127.0.0.1".into(),
                port_specifier: Some(socket_address::PortSpecifier::PortValue(8502)),
                ..SocketAddress::default()
            })),
        };
        let endpoint = LbEndpoint {
            host_identifier: Some(HostIdentifier::Endpoint(Endpoint { address: Some(address), ..Endpoint::default() })),
            ..LbEndpoint::default()
        };
        Cluster {
            name: AGENT.into(),
            cluster_discovery_type: Some(ClusterDiscoveryType::Type(DiscoveryType::Static as i32)),
            typed_extension_protocol_options: [(
                "envoy.extensions.upstreams.http.v3.HttpProtocolOptions".to_owned(),
                pack_any(http2),
            )]
            .into(),
            load_assignment: Some(ClusterLoadAssignment {
                cluster_name: AGENT.into(),
                endpoints: vec![LocalityLbEndpoints { lb_endpoints: vec![endpoint], ..LocalityLbEndpoints::default() }],
                ..ClusterLoadAssignment::default()
            }),
            ..Cluster::default()
        }
    }

    /// `resources` in a bootstrap: the clusters (EDS over ADS) and listeners exactly as sent,
    /// ADS from the agent, and every endpoint assignment as the load assignment of a static
    /// cluster `endpoints-of:<name>`.
    pub fn bootstrap_with(resources: &fedctl::xds::Resources) -> Vec<u8> {
        let mut clusters = vec![agent_cluster()];
        clusters.extend(resources.clusters.iter().cloned());
        for assignment in &resources.endpoints {
            let name = format!("endpoints-of:{}", assignment.cluster_name);
            clusters.push(Cluster {
                name: name.clone(),
                cluster_discovery_type: Some(ClusterDiscoveryType::Type(DiscoveryType::Static as i32)),
                load_assignment: Some(ClusterLoadAssignment { cluster_name: name, ..assignment.clone() }),
                ..Cluster::default()
            });
        }
        let ads = ApiConfigSource {
            api_type: ApiType::Grpc as i32,
            transport_api_version: ApiVersion::V3 as i32,
            grpc_services: vec![GrpcService {
                target_specifier: Some(TargetSpecifier::EnvoyGrpc(EnvoyGrpc {
                    cluster_name: AGENT.into(),
                    ..EnvoyGrpc::default()
                })),
                ..GrpcService::default()
            }],
            ..ApiConfigSource::default()
        };
        Bootstrap {
            node: Some(Node { id: "mesh-gateway".into(), cluster: "mesh-gateway".into(), ..Node::default() }),
            static_resources: Some(StaticResources {
                clusters,
                listeners: resources.listeners.clone(),
                ..StaticResources::default()
            }),
            dynamic_resources: Some(DynamicResources { ads_config: Some(ads), ..DynamicResources::default() }),
            ..Bootstrap::default()
        }
        .encode_to_vec()
    }
}
