//! The state store, without raft or sockets.

use std::time::Duration;

use fedctl::state::{
    Command, DeregisterRequest, HealthCheck, HealthStatus, KvOp, NodeService, RegisterRequest, Response, StateError,
    StateHandle, Store, Table,
};

fn register_web(node: &str, status: HealthStatus) -> Command {
    Command::from(RegisterRequest {
        node: node.into(),
        address: "10.0.0.1".into(),
        datacenter: "dc1".into(),
        service: Some(NodeService { service: "web".into(), port: 80, tags: vec!["v1".into()], ..Default::default() }),
        check: Some(HealthCheck {
            check_id: "web-check".into(),
            name: "web alive".into(),
            service_id: "web".into(),
            status,
            ..Default::default()
        }),
        ..Default::default()
    })
}

fn kv(op: KvOp) -> Command {
    Command::Kv(op)
}

fn set(key: &str, value: &str) -> Command {
    kv(KvOp::Set { key: key.into(), value: value.into(), flags: 0 })
}

#[test]
fn register_stores_node_service_and_check_with_indexes() {
    let mut s = Store::new();
    assert_eq!(s.apply(5, &register_web("n1", HealthStatus::Passing)), Ok(Response::Done));
    let nodes = s.nodes();
    assert_eq!(nodes.len(), 1);
    assert_eq!((nodes[0].index.create_index, nodes[0].index.modify_index), (5, 5));
    let instances = s.check_service_nodes("web", None, false, false);
    assert_eq!(instances.len(), 1);
    assert_eq!(instances[0].service.id, "web", "the ID defaults to the name");
    assert_eq!(instances[0].checks[0].service_name, "web");
    assert_eq!(instances[0].checks[0].service_tags, ["v1"]);
    assert_eq!(s.max_index(&[Table::Nodes, Table::Services, Table::Checks]), 5);
    assert_eq!(s.table_index(Table::Kv), 0);
    assert_eq!(s.service_names().get("web"), Some(&vec!["v1".to_owned()]));
}

#[test]
fn re_registering_the_same_thing_changes_no_index() {
    let mut s = Store::new();
    s.apply(5, &register_web("n1", HealthStatus::Passing)).unwrap();
    s.apply(6, &register_web("n1", HealthStatus::Passing)).unwrap();
    assert_eq!(s.max_index(&[Table::Nodes, Table::Services, Table::Checks]), 5);
    // A status change moves only the checks table.
    s.apply(7, &register_web("n1", HealthStatus::Critical)).unwrap();
    assert_eq!(s.table_index(Table::Checks), 7);
    assert_eq!(s.table_index(Table::Services), 5);
    let check = &s.node_checks("n1")[0];
    assert_eq!((check.index.create_index, check.index.modify_index), (5, 7));
}

#[test]
fn a_check_for_an_unknown_service_is_rejected_and_changes_nothing() {
    let mut s = Store::new();
    s.apply(1, &register_web("n1", HealthStatus::Passing)).unwrap();
    let before = s.clone();
    let cmd = Command::from(RegisterRequest {
        node: "n1".into(),
        address: "10.0.0.1".into(),
        service: Some(NodeService { service: "api".into(), ..Default::default() }),
        check: Some(HealthCheck { check_id: "c".into(), service_id: "nope".into(), ..Default::default() }),
        ..Default::default()
    });
    let err = s.apply(2, &cmd).unwrap_err();
    assert_eq!(
        err,
        StateError::UnknownServiceForCheck { node: "n1".into(), service_id: "nope".into(), check_id: "c".into() }
    );
    // Nothing half-applied: the service of the same request was not stored either.
    let mut expected = before;
    expected.apply(2, &kv(KvOp::Delete { key: "never-existed".into() })).unwrap();
    assert_eq!(s, expected);
}

#[test]
fn registration_validation() {
    let mut s = Store::new();
    let no_node = Command::from(RegisterRequest { address: "a".into(), ..Default::default() });
    assert_eq!(s.apply(1, &no_node), Err(StateError::MissingNode));
    let no_addr = Command::from(RegisterRequest { node: "n1".into(), ..Default::default() });
    assert_eq!(s.apply(1, &no_addr), Err(StateError::MissingAddress));
    let skip_unknown =
        Command::from(RegisterRequest { node: "n1".into(), skip_node_update: true, ..Default::default() });
    assert_eq!(s.apply(1, &skip_unknown), Err(StateError::UnknownNode { node: "n1".into() }));
    let other_node_check = Command::from(RegisterRequest {
        node: "n1".into(),
        address: "a".into(),
        check: Some(HealthCheck { node: "n2".into(), check_id: "c".into(), ..Default::default() }),
        ..Default::default()
    });
    assert!(matches!(s.apply(1, &other_node_check), Err(StateError::CheckNodeMismatch { .. })));
    // The entries were consumed (last_index moves) but no table changed.
    assert!(s.nodes().is_empty());
    assert_eq!(s.max_index(&Table::ALL), 0);
    assert_eq!(s.last_index(), 1);
}

#[test]
fn deregistering_a_service_takes_its_checks_and_a_node_takes_everything() {
    let mut s = Store::new();
    s.apply(1, &register_web("n1", HealthStatus::Passing)).unwrap();
    s.apply(2, &register_web("n2", HealthStatus::Passing)).unwrap();
    let dereg = |node: &str, service: &str| {
        Command::Deregister(DeregisterRequest { node: node.into(), service_id: service.into(), ..Default::default() })
    };
    s.apply(3, &dereg("n1", "web")).unwrap();
    assert!(s.node_checks("n1").is_empty());
    assert_eq!(s.check_service_nodes("web", None, false, false).len(), 1);
    s.apply(4, &dereg("n2", "")).unwrap();
    assert_eq!(s.nodes().len(), 1);
    assert!(s.check_service_nodes("web", None, false, false).is_empty());
    assert_eq!(s.table_index(Table::Nodes), 4);
}

#[test]
fn passing_filter_considers_node_and_service_checks() {
    let mut s = Store::new();
    s.apply(1, &register_web("n1", HealthStatus::Passing)).unwrap();
    s.apply(2, &register_web("n2", HealthStatus::Critical)).unwrap();
    let node_check = Command::from(RegisterRequest {
        node: "n1".into(),
        address: "10.0.0.1".into(),
        datacenter: "dc1".into(),
        check: Some(HealthCheck { check_id: "serfHealth".into(), status: HealthStatus::Warning, ..Default::default() }),
        ..Default::default()
    });
    let passing = |s: &Store| -> Vec<String> {
        s.check_service_nodes("web", None, true, false).into_iter().map(|c| c.node.node).collect()
    };
    assert_eq!(passing(&s), ["n1"]);
    s.apply(3, &node_check).unwrap();
    assert!(passing(&s).is_empty(), "a warning node check fails the passing filter");
    assert_eq!(s.check_service_nodes("web", Some("v1"), false, false).len(), 2);
    assert!(s.check_service_nodes("web", Some("v2"), false, false).is_empty());
}

#[test]
fn kv_set_get_and_indexes() {
    let mut s = Store::new();
    s.apply(3, &set("a/b", "1")).unwrap();
    s.apply(4, &set("a/b", "2")).unwrap();
    let e = s.kv_get("a/b").unwrap();
    assert_eq!((e.index.create_index, e.index.modify_index, e.value.as_slice()), (3, 4, &b"2"[..]));
    assert_eq!(s.table_index(Table::Kv), 4);
}

#[test]
fn kv_cas_is_a_false_response_not_an_error() {
    let mut s = Store::new();
    let cas = |key: &str, index| kv(KvOp::Cas { key: key.into(), value: b"v".to_vec(), flags: 7, index });
    assert_eq!(s.apply(1, &cas("k", 0)), Ok(Response::Bool(true)), "0 creates");
    assert_eq!(s.apply(2, &cas("k", 0)), Ok(Response::Bool(false)), "0 never overwrites");
    assert_eq!(s.apply(3, &cas("k", 99)), Ok(Response::Bool(false)));
    assert_eq!(s.apply(4, &cas("k", 1)), Ok(Response::Bool(true)));
    assert_eq!(s.kv_get("k").unwrap().flags, 7);
    let del = |index| kv(KvOp::DeleteCas { key: "k".into(), index });
    assert_eq!(s.apply(5, &del(1)), Ok(Response::Bool(false)));
    assert_eq!(s.apply(6, &del(4)), Ok(Response::Bool(true)));
    assert!(s.kv_get("k").is_none());
}

#[test]
fn kv_lists_keys_and_deletes_trees() {
    let mut s = Store::new();
    for (i, k) in ["app/a", "app/b/c", "app/b/d", "apple", "z"].iter().enumerate() {
        s.apply(i as u64 + 1, &set(k, "x")).unwrap();
    }
    let keys: Vec<String> = s.kv_list("app/").into_iter().map(|e| e.key).collect();
    assert_eq!(keys, ["app/a", "app/b/c", "app/b/d"]);
    assert_eq!(s.kv_keys("app", None), ["app/a", "app/b/c", "app/b/d", "apple"]);
    assert_eq!(s.kv_keys("app/", Some("/")), ["app/a", "app/b/"]);
    assert_eq!(s.kv_keys("", Some("/")), ["app/", "apple", "z"]);
    s.apply(10, &kv(KvOp::DeleteTree { prefix: "app/".into() })).unwrap();
    assert_eq!(s.kv_keys("", None), ["apple", "z"]);
    assert_eq!(s.table_index(Table::Kv), 10);
}

#[test]
fn snapshots_round_trip_through_serde() {
    let mut s = Store::new();
    s.apply(1, &register_web("n1", HealthStatus::Passing)).unwrap();
    s.apply(2, &set("k", "v")).unwrap();
    let bytes = serde_json::to_vec(&s).unwrap();
    let back: Store = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(back, s);
    assert_eq!(back.last_index(), 2);
}

#[tokio::test]
async fn blocking_reads_return_on_change_or_after_the_wait() {
    let state = StateHandle::new(Store::new());
    state.write(|s| s.apply(1, &set("k", "v")).unwrap());
    // min_index 0 and a stale index return at once.
    let r = state.blocking(&[Table::Kv], 0, Duration::from_secs(60), |s| s.kv_list("").len()).await;
    assert_eq!((r.index, r.value), (1, 1));

    // A waiter on index 1 wakes when the KV table changes...
    let waiter = {
        let state = state.clone();
        tokio::spawn(
            async move { state.blocking(&[Table::Kv], 1, Duration::from_secs(60), |s| s.kv_list("").len()).await },
        )
    };
    tokio::task::yield_now().await;
    // ...not when another table changes...
    state.write(|s| s.apply(2, &register_web("n1", HealthStatus::Passing)).unwrap());
    tokio::task::yield_now().await;
    assert!(!waiter.is_finished());
    state.write(|s| s.apply(3, &set("k2", "v")).unwrap());
    let r = tokio::time::timeout(Duration::from_secs(10), waiter).await.unwrap().unwrap();
    assert_eq!((r.index, r.value), (3, 2));

    // With no change it returns after the wait, with the same index.
    let r = state.blocking(&[Table::Kv], 3, Duration::from_millis(50), |s| s.kv_list("").len()).await;
    assert_eq!(r.index, 3);
}

#[test]
fn a_batch_applies_each_command_independently_at_one_index() {
    let mut s = Store::new();
    let bad = Command::from(RegisterRequest { node: "n1".into(), ..Default::default() });
    let batch = Command::Batch(vec![set("a", "1"), bad, set("b", "2"), Command::Batch(vec![set("c", "3")])]);
    let Ok(Response::Batch(results)) = s.apply(9, &batch) else { panic!("a batch answers with its results") };
    assert_eq!(results[0], Ok(Response::Bool(true)));
    assert_eq!(results[1], Err(StateError::MissingAddress));
    assert_eq!(results[2], Ok(Response::Bool(true)));
    assert_eq!(results[3], Err(StateError::NestedBatch));
    assert_eq!(s.kv_keys("", None), ["a", "b"]);
    assert_eq!(s.kv_get("b").unwrap().index.modify_index, 9);
}

#[test]
fn the_connect_ca_is_created_once_and_replaced_only_by_replication() {
    use fedctl::state::{ConnectCaOp, Query, QueryResult};
    let mut store = Store::new();
    let first = fedctl::federation::new_connect_ca().unwrap();
    let second = fedctl::federation::new_connect_ca().unwrap();
    assert_ne!(first.trust_domain, second.trust_domain, "each CA gets its own cluster ID");
    let init = |ca: &fedctl::state::ConnectCa| Command::ConnectCa(ConnectCaOp::Initialize(Box::new(ca.clone())));
    assert_eq!(store.apply(1, &init(&first)), Ok(Response::Bool(true)));
    assert_eq!(store.apply(2, &init(&second)), Ok(Response::Bool(false)), "a racing second leader changes nothing");
    assert_eq!(store.connect_ca().unwrap().trust_domain, first.trust_domain);
    assert_eq!(store.table_index(Table::ConnectCa), 1);
    // Reads never carry the signing key.
    let QueryResult::CaRoots(Some(public)) = Query::CaRoots.run(&store) else { panic!("roots") };
    assert!(public.signing_key.is_none() && store.connect_ca().unwrap().signing_key.is_some());
    assert_eq!(public.roots[0].index.create_index, 1);
    assert!(public.roots[0].root_cert.starts_with("-----BEGIN CERTIFICATE-----"));
    // A secondary mirrors whatever the primary has.
    let mut secondary = Store::new();
    let replace = Command::ConnectCa(ConnectCaOp::Replace(Box::new(public.clone())));
    assert_eq!(secondary.apply(7, &replace), Ok(Response::Bool(true)));
    assert_eq!(secondary.connect_ca().unwrap().trust_domain, first.trust_domain);
    // A CA without its active root is rejected whole.
    let mut broken = public.clone();
    broken.active_root_id = "nope".into();
    let err = secondary.apply(8, &Command::ConnectCa(ConnectCaOp::Replace(Box::new(broken)))).unwrap_err();
    assert!(err.to_string().contains("no root with the active ID"), "{err}");
    assert_eq!(secondary.table_index(Table::ConnectCa), 7);
}
