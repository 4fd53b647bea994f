//! Federation states: the state-store table and the internal HTTP endpoints.

use std::collections::BTreeMap;

use fedctl::state::{
    CheckServiceNode, Command, FederationState, FederationStateOp, HealthCheck, HealthStatus, Node, NodeService, Query,
    QueryResult, Response, ServiceAddress, ServiceKind, StateError, Store, Table, federation_digest,
};
use serde_json::Value;

use crate::support::agent::dev_agent;

fn gateway(dc: &str, node: &str) -> CheckServiceNode {
    CheckServiceNode {
        node: Node { node: node.into(), address: "10.0.0.9".into(), datacenter: dc.into(), ..Node::default() },
        service: NodeService {
            kind: ServiceKind(ServiceKind::MESH_GATEWAY.into()),
            id: "mesh-gateway".into(),
            service: "mesh-gateway".into(),
            port: 8443,
            meta: BTreeMap::from([("consul-wan-federation".into(), "1".into())]),
            tagged_addresses: BTreeMap::from([(
                "wan".into(),
                ServiceAddress { address: "198.51.100.9".into(), port: 8443 },
            )]),
            ..NodeService::default()
        },
        checks: vec![HealthCheck {
            node: node.into(),
            check_id: "gw".into(),
            status: HealthStatus::Passing,
            ..HealthCheck::default()
        }],
    }
}

fn upsert(dc: &str, gateways: Vec<CheckServiceNode>) -> Command {
    Command::FederationState(FederationStateOp::Upsert(Box::new(FederationState {
        datacenter: dc.into(),
        mesh_gateways: gateways,
        updated_at: "2026-11-21T00:00:00Z".into(),
        ..FederationState::default()
    })))
}

#[test]
fn upsert_delete_and_validation() {
    let mut s = Store::new();
    assert_eq!(s.apply(5, &upsert("dc2", vec![gateway("dc2", "gw1")])), Ok(Response::Done));
    assert_eq!(s.apply(6, &upsert("dc2", vec![gateway("dc2", "gw1"), gateway("dc2", "gw2")])), Ok(Response::Done));
    let st = s.federation_state("dc2").unwrap();
    assert_eq!((st.index.create_index, st.index.modify_index, st.mesh_gateways.len()), (5, 6, 2));
    assert_eq!(s.table_index(Table::FederationStates), 6);

    let before = s.clone();
    let mut not_a_gateway = gateway("dc2", "gw3");
    not_a_gateway.service.kind = ServiceKind::default();
    let rejected = [
        upsert("", vec![]),
        upsert("dc 2", vec![]),
        upsert("dc2", vec![not_a_gateway]),
        upsert("dc2", vec![gateway("dc3", "gw4")]),
    ];
    for (i, cmd) in rejected.iter().enumerate() {
        assert!(matches!(s.apply(7 + i as u64, cmd), Err(StateError::InvalidFederationState(_))), "case {i}");
    }
    assert_eq!(s.federation_states(), before.federation_states(), "rejected writes change nothing");

    s.apply(20, &Command::FederationState(FederationStateOp::Delete { datacenter: "dc2".into() })).unwrap();
    assert!(s.federation_state("dc2").is_none());
    assert_eq!(s.table_index(Table::FederationStates), 20);

    // Snapshots carry the table.
    s.apply(21, &upsert("dc3", vec![])).unwrap();
    let back: Store = serde_json::from_slice(&serde_json::to_vec(&s).unwrap()).unwrap();
    assert_eq!(back.federation_states(), s.federation_states());
}

#[test]
fn the_delta_query_carries_only_changed_states_with_the_tables_size_and_digest() {
    let mut s = Store::new();
    for (i, dc) in ["dc1", "dc2", "dc3", "dc4"].iter().enumerate() {
        s.apply(10 + i as u64, &upsert(dc, vec![])).unwrap();
    }
    let delta = |s: &Store, index: u64| match (Query::FederationStatesSince { index }).run(s) {
        QueryResult::FederationStatesDelta(d) => d,
        other => panic!("{other:?}"),
    };
    let all = delta(&s, 0);
    assert_eq!((all.changed.len(), all.count), (4, 4), "from index 0 everything is a change");
    let expected = federation_digest([("dc1", 10), ("dc2", 11), ("dc3", 12), ("dc4", 13)].into_iter());
    assert_eq!(all.digest, expected);
    let reordered = federation_digest([("dc4", 13), ("dc2", 11), ("dc1", 10), ("dc3", 12)].into_iter());
    assert_eq!(all.digest, reordered, "the digest does not depend on order");

    s.apply(20, &upsert("dc3", vec![gateway("dc3", "gw1")])).unwrap();
    let one = delta(&s, 13);
    assert_eq!(one.changed.len(), 1);
    assert_eq!((one.changed[0].datacenter.as_str(), one.changed[0].index.modify_index), ("dc3", 20));
    assert_ne!(one.digest, all.digest);
    assert!(delta(&s, 20).changed.is_empty());

    // A removal changes no state, only the size and the digest (the receiver then reads the list).
    s.apply(21, &Command::FederationState(FederationStateOp::Delete { datacenter: "dc2".into() })).unwrap();
    let removed = delta(&s, 20);
    assert!(removed.changed.is_empty());
    assert_eq!(removed.count, 3);
    assert_eq!(removed.digest, federation_digest([("dc1", 10), ("dc3", 20), ("dc4", 13)].into_iter()));
}

#[tokio::test]
async fn internal_endpoints_serve_federation_states() {
    let a = dev_agent().await;
    let raft = a.agent.raft().unwrap();
    // The leader's anti-entropy writes its own datacenter's state, without gateways.
    let own = a
        .wait_json("/v1/internal/federation-states", "dc1's own state", |v| v.as_array().is_some_and(|l| l.len() == 1))
        .await;
    assert_eq!(own[0]["Datacenter"], "dc1");
    assert!(own[0].get("MeshGateways").is_none(), "{own}");
    assert_eq!(a.get_json("/v1/internal/federation-states/mesh-gateways").await, serde_json::json!({}));
    assert_eq!(a.http.get(a.url("/v1/internal/federation-state/dc2")).send().await.unwrap().status(), 404);

    raft.apply(upsert("dc2", vec![gateway("dc2", "gw1")])).await.unwrap();
    raft.apply(upsert("dc3", vec![])).await.unwrap();
    let list: Value = a.get_json("/v1/internal/federation-states").await;
    let dcs: Vec<&str> = list.as_array().unwrap().iter().map(|s| s["Datacenter"].as_str().unwrap()).collect();
    assert_eq!(dcs, ["dc1", "dc2", "dc3"], "sorted by datacenter");
    assert!(list[2].get("MeshGateways").is_none(), "empty MeshGateways are omitted: {list}");
    let one: Value = a.get_json("/v1/internal/federation-state/dc2").await;
    assert_eq!(one["State"]["Datacenter"], "dc2");
    assert_eq!(one["State"]["MeshGateways"][0]["Service"]["Kind"], "mesh-gateway");
    assert_eq!(one["State"]["MeshGateways"][0]["Service"]["TaggedAddresses"]["wan"]["Port"], 8443);
    assert!(one["Index"].as_u64().unwrap() > 0);
    let gws: Value = a.get_json("/v1/internal/federation-states/mesh-gateways").await;
    assert_eq!(gws.as_object().unwrap().keys().collect::<Vec<_>>(), ["dc2"], "only DCs with gateways");

    // Blocking: a change to the table wakes a waiter.
    let index = a.http.get(a.url("/v1/internal/federation-states")).send().await.unwrap().headers()["X-Consul-Index"]
        .to_str()
        .unwrap()
        .to_owned();
    let before = a.requests().await;
    let mut waiter = {
        let (http, url) = (a.http.clone(), a.url(&format!("/v1/internal/federation-states?index={index}&wait=1m")));
        tokio::spawn(async move { http.get(url).send().await.unwrap().json::<Value>().await.unwrap() })
    };
    a.assert_parked(before, &mut waiter).await;
    raft.apply(upsert("dc4", vec![])).await.unwrap();
    let after = tokio::time::timeout(std::time::Duration::from_secs(20), waiter).await.unwrap().unwrap();
    assert_eq!(after.as_array().unwrap().len(), 4);
    a.stop().await;
}
