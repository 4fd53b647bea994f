//! The gateway locator's choices, from a state store and dial outcomes (no sockets).

use std::collections::BTreeMap;

use fedctl::state::{
    CheckServiceNode, Command, FederationState, FederationStateOp, HealthCheck, HealthStatus, NodeService,
    RegisterRequest, ServiceAddress, ServiceKind, Store,
};
use fedctl::wan::{DialKind, Locator};

fn gateway_service(id: &str, lan: &str, wan: &str, wanfed: bool) -> NodeService {
    let addr = |a: &str| ServiceAddress { address: a.into(), port: 8443 };
    NodeService {
        kind: ServiceKind(ServiceKind::MESH_GATEWAY.into()),
        id: id.into(),
        service: "mesh-gateway".into(),
        address: lan.into(),
        port: 8443,
        tagged_addresses: BTreeMap::from([("lan".into(), addr(lan)), ("wan".into(), addr(wan))]),
        meta: if wanfed { BTreeMap::from([("consul-wan-federation".into(), "1".into())]) } else { BTreeMap::new() },
        ..NodeService::default()
    }
}

fn check(node: &str, id: &str, status: HealthStatus) -> HealthCheck {
    HealthCheck {
        node: node.into(),
        check_id: format!("{id}-check"),
        service_id: id.into(),
        status,
        ..HealthCheck::default()
    }
}

/// dc2's store: local gateways `a` (healthy), `b` (critical) and `c` (no federation meta);
/// dc1's replicated state with gateway `p`.
fn store() -> Store {
    let mut store = Store::new();
    let mut index = 0;
    let mut apply = |store: &mut Store, command: Command| {
        index += 1;
        store.apply(index, &command).unwrap();
    };
    for (id, lan, status, wanfed) in [
        ("a", "10.2.0.1", HealthStatus::Passing, true),
        ("b", "10.2.0.2", HealthStatus::Critical, true),
        ("c", "10.2.0.3", HealthStatus::Passing, false),
    ] {
        let req = RegisterRequest {
            datacenter: "dc2".into(),
            node: format!("n-{id}"),
            address: lan.into(),
            service: Some(gateway_service(id, lan, "198.51.100.9", wanfed)),
            check: Some(check(&format!("n-{id}"), id, status)),
            ..RegisterRequest::default()
        };
        apply(&mut store, Command::from(req));
    }
    let primary_gateway = CheckServiceNode {
        node: fedctl::state::Node { node: "n-p".into(), address: "10.1.0.1".into(), ..Default::default() },
        service: gateway_service("p", "10.1.0.1", "203.0.113.1", true),
        checks: vec![check("n-p", "p", HealthStatus::Passing)],
    };
    let state = FederationState {
        datacenter: "dc1".into(),
        mesh_gateways: vec![primary_gateway],
        updated_at: "2026-11-21T00:00:00Z".into(),
        ..FederationState::default()
    };
    apply(&mut store, Command::FederationState(FederationStateOp::Upsert(Box::new(state))));
    store
}

#[test]
fn candidates_come_from_the_store_with_their_health_and_addresses() {
    let locator = Locator::new("dc2", "dc1");
    locator.update_from_store(&store());
    let status = locator.status(&[]);
    let local: Vec<(&str, bool)> = status.local.iter().map(|c| (c.address.as_str(), c.healthy)).collect();
    assert_eq!(local, [("10.2.0.1:8443", true), ("10.2.0.2:8443", false)], "only gateways marked for federation");
    assert_eq!(status.remote["dc1"][0].address, "203.0.113.1:8443", "remote gateways by their WAN address");
    assert_eq!(locator.pick("dc2"), None, "the own datacenter is never dialled through a gateway");
    let pick = locator.pick("dc1").unwrap();
    assert_eq!(pick.address, "10.2.0.1:8443", "the healthy local gateway");
    assert!(pick.reason.contains("local gateway"), "{pick:?}");
}

#[test]
fn a_failing_local_gateway_sends_traffic_to_the_remote_side_until_it_recovers() {
    let locator = Locator::new("dc2", "dc1");
    locator.update_from_store(&store());
    locator.set_fallback(vec!["192.0.2.50:8443".parse().unwrap()]);
    locator.report("10.2.0.1:8443", "dc1", DialKind::Rpc, Err("connection refused".into()));
    let pick = locator.pick("dc1").unwrap();
    assert!(["203.0.113.1:8443", "192.0.2.50:8443"].contains(&pick.address.as_str()), "{pick:?}");
    assert!(pick.reason.contains("failed recently"), "{pick:?}");
    // A failure towards one datacenter says nothing about another.
    assert!(locator.status(&[]).dials["10.2.0.1:8443"].contains_key("dc1"));
    locator.report("10.2.0.1:8443", "dc1", DialKind::Rpc, Ok(()));
    assert_eq!(locator.pick("dc1").unwrap().address, "10.2.0.1:8443", "used again once it works");
    // Who dialled is counted apart: a probe is not traffic.
    locator.report("10.2.0.1:8443", "dc1", DialKind::Probe, Ok(()));
    locator.report("10.2.0.1:8443", "dc1", DialKind::Probe, Ok(()));
    locator.report("10.2.0.1:8443", "dc1", DialKind::Gossip, Ok(()));
    let record = &locator.status(&[]).dials["10.2.0.1:8443"]["dc1"];
    assert_eq!((record.rpc_dials, record.gossip_dials, record.probe_dials), (1, 1, 2));
}

#[test]
fn without_any_gateway_known_the_primary_is_reached_through_primary_gateways() {
    let locator = Locator::new("dc2", "dc1");
    assert_eq!(locator.pick("dc1"), None, "no way there yet");
    locator.set_fallback(vec!["192.0.2.50:8443".parse().unwrap(), "192.0.2.50:8443".parse().unwrap()]);
    let pick = locator.pick("dc1").unwrap();
    assert_eq!(pick.address, "192.0.2.50:8443");
    assert!(pick.reason.contains("no local gateway known"), "{pick:?}");
    assert_eq!(*locator.fallback().borrow(), vec!["192.0.2.50:8443".parse().unwrap()], "deduplicated");
    assert_eq!(locator.pick("dc3"), None, "the fallback is only for the primary");
}

#[test]
fn a_connection_through_another_datacenters_gateway_gives_way_once_a_local_one_is_usable() {
    let locator = Locator::new("dc2", "dc1");
    // Before any gateway is known: the primary's fallback address carries everything, and
    // nothing better exists.
    locator.set_fallback(vec!["203.0.113.7:8443".parse().unwrap()]);
    assert!(!locator.superseded("dc1", "203.0.113.7:8443"));
    // The local gateway `a` registers, healthy: connections through the primary's gateways
    // give way; one through `a` never does.
    locator.update_from_store(&store());
    assert!(locator.superseded("dc1", "203.0.113.7:8443"));
    assert!(locator.superseded("dc1", "203.0.113.1:8443"));
    assert!(!locator.superseded("dc1", "10.2.0.1:8443"));
    // While `a` fails (and `b` is critical), the fallback stays.
    locator.report("10.2.0.1:8443", "dc1", DialKind::Rpc, Err("connection refused".into()));
    assert!(!locator.superseded("dc1", "203.0.113.1:8443"));
    let pick = locator.pick("dc1").map(|p| p.address).unwrap_or_default();
    assert!(pick.starts_with("203.0.113."), "the primary's gateways directly: {pick}");
}
