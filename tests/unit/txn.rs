//! Transactions in the state store, without raft or sockets: every KV verb and the catalog
//! verbs with the reference's error strings, later ops seeing earlier ones, and a failing op
//! anywhere leaving every key, node, service, check and table index exactly as it was.

use fedctl::state::{
    CatalogVerb, Command, HealthCheck, HealthStatus, KvOp, KvVerb, Node, NodeService, Query, QueryResult, RaftIndex,
    RegisterRequest, Response, SERF_HEALTH, Session, SessionOp, Store, TxnError, TxnKvOp, TxnOp, TxnOutcome, TxnResult,
};

fn kv(verb: KvVerb, key: &str, value: &str) -> TxnOp {
    TxnOp::Kv(TxnKvOp { verb, key: key.into(), value: value.into(), flags: 0, index: 0, session: String::new() })
}

fn kv_at(verb: KvVerb, key: &str, index: u64, session: &str) -> TxnOp {
    TxnOp::Kv(TxnKvOp { verb, key: key.into(), value: b"v".to_vec(), flags: 0, index, session: session.into() })
}

fn node(verb: CatalogVerb, name: &str, modify_index: u64) -> TxnOp {
    let node = Node {
        node: name.into(),
        address: "10.0.0.9".into(),
        index: RaftIndex { create_index: 0, modify_index },
        ..Default::default()
    };
    TxnOp::Node { verb, node }
}

fn service(verb: CatalogVerb, node: &str, id: &str) -> TxnOp {
    let service = NodeService { id: id.into(), service: "web".into(), port: 80, ..Default::default() };
    TxnOp::Service { verb, node: node.into(), service }
}

fn check(verb: CatalogVerb, node: &str, id: &str, service_id: &str) -> TxnOp {
    let check = HealthCheck {
        node: node.into(),
        check_id: id.into(),
        name: id.into(),
        status: HealthStatus::Passing,
        service_id: service_id.into(),
        ..Default::default()
    };
    TxnOp::Check { verb, check }
}

fn txn(s: &mut Store, index: u64, ops: Vec<TxnOp>) -> TxnOutcome {
    match s.apply(index, &Command::Txn(ops)) {
        Ok(Response::Txn(outcome)) => outcome,
        other => panic!("a transaction answers its outcome, not {other:?}"),
    }
}

fn errors(outcome: &TxnOutcome) -> Vec<(usize, &str)> {
    outcome.errors.iter().map(|e: &TxnError| (e.op_index, e.what.as_str())).collect()
}

fn set(s: &mut Store, index: u64, key: &str, value: &str) {
    s.apply(index, &Command::Kv(KvOp::Set { key: key.into(), value: value.into(), flags: 0 })).unwrap();
}

#[test]
fn kv_verbs_answer_as_the_reference_and_see_earlier_ops() {
    let mut s = Store::new();
    set(&mut s, 2, "a", "1");
    let outcome = txn(
        &mut s,
        5,
        vec![
            kv(KvVerb::Set, "b", "2"),
            kv(KvVerb::Get, "b", ""),
            kv_at(KvVerb::Cas, "a", 2, ""),
            kv_at(KvVerb::CheckIndex, "a", 5, ""),
            kv(KvVerb::CheckNotExists, "c", ""),
            kv(KvVerb::GetTree, "", ""),
            kv(KvVerb::Delete, "b", ""),
        ],
    );
    assert!(outcome.errors.is_empty(), "{:?}", outcome.errors);
    let shown: Vec<(&str, &[u8], u64)> = outcome
        .results
        .iter()
        .map(|r| match r {
            TxnResult::Kv(e) => (e.key.as_str(), e.value.as_slice(), e.index.modify_index),
            other => panic!("only KV results, not {other:?}"),
        })
        .collect();
    // A write's result leaves the value out; a get has it; the tree sees the set; the delete
    // answers nothing.
    assert_eq!(
        shown,
        vec![("b", &b""[..], 5), ("b", b"2", 5), ("a", b"", 5), ("a", b"", 5), ("a", b"v", 5), ("b", b"2", 5)]
    );
    assert!(s.kv_get("b").is_none());
    assert_eq!(s.kv_get("a").map(|e| e.value.clone()), Some(b"v".to_vec()));
}

#[test]
fn a_failing_op_in_the_middle_leaves_everything_as_it_was() {
    let mut s = Store::new();
    set(&mut s, 2, "keep/x", "x");
    set(&mut s, 3, "keep/y", "y");
    s.apply(4, &Command::from(RegisterRequest { node: "n1".into(), address: "10.0.0.1".into(), ..Default::default() }))
        .unwrap();
    let before = s.clone();
    let outcome = txn(
        &mut s,
        9,
        vec![
            kv(KvVerb::Set, "new", "1"),
            kv(KvVerb::DeleteTree, "keep/", ""),
            node(CatalogVerb::Set, "n2", 0),
            service(CatalogVerb::Set, "n2", "web1"),
            check(CatalogVerb::Set, "n2", "web1-check", "web1"),
            node(CatalogVerb::Delete, "n1", 0),
            kv_at(KvVerb::Cas, "keep/x", 99, ""),
            kv(KvVerb::Set, "keep/z", "z"),
            kv(KvVerb::Get, "missing", ""),
        ],
    );
    assert_eq!(
        errors(&outcome),
        vec![(6, "failed to set key \"keep/x\", index is stale"), (8, "key \"missing\" doesn't exist")],
        "every failure, with its op index"
    );
    assert!(outcome.results.is_empty(), "no results when rolled back");
    assert_eq!(s.kv_get("keep/x").map(|e| e.value.clone()), Some(b"x".to_vec()));
    assert!(s.kv_get("new").is_none() && s.kv_get("keep/z").is_none());
    assert_eq!(s.nodes().len(), 1);
    for table in fedctl::state::Table::ALL {
        assert_eq!(s.table_index(table), before.table_index(table), "{table:?} index put back");
    }
    // Everything but the applied index is as before.
    let after = Query::Nodes.run(&s);
    assert_eq!(after, Query::Nodes.run(&before));
    assert_eq!(s.kv_list(""), before.kv_list(""));
}

#[test]
fn catalog_verbs_register_check_and_refuse_in_the_references_words() {
    let mut s = Store::new();
    let outcome = txn(
        &mut s,
        3,
        vec![
            node(CatalogVerb::Set, "n1", 0),
            service(CatalogVerb::Set, "n1", "web1"),
            check(CatalogVerb::Set, "n1", "web1-check", "web1"),
            node(CatalogVerb::Get, "n1", 0),
        ],
    );
    assert!(outcome.errors.is_empty(), "{:?}", outcome.errors);
    assert!(matches!(&outcome.results[1], TxnResult::Service(svc) if svc.id == "web1" && svc.index.modify_index == 3));
    assert!(
        matches!(&outcome.results[2], TxnResult::Check(c) if c.service_name == "web" && c.status == HealthStatus::Passing)
    );
    assert_eq!(outcome.results.len(), 4);

    let refused = txn(
        &mut s,
        4,
        vec![
            node(CatalogVerb::Cas, "n1", 0),
            node(CatalogVerb::DeleteCas, "n1", 2),
            service(CatalogVerb::Set, "nope", "web2"),
            check(CatalogVerb::Set, "n1", "c2", "nope"),
            service(CatalogVerb::Get, "n1", "nope"),
            check(CatalogVerb::Get, "n1", "nope", ""),
            node(CatalogVerb::Get, "nope", 0),
        ],
    );
    assert_eq!(
        errors(&refused),
        vec![
            (0, "failed to set node \"n1\", index is stale"),
            (1, "failed to delete node \"n1\", index is stale"),
            (2, "Missing node registration"),
            (3, "Missing service registration"),
            (4, "service \"nope\" on node \"n1\" doesn't exist"),
            (5, "check \"nope\" on node \"n1\" doesn't exist"),
            (6, "node \"nope\" doesn't exist"),
        ]
    );
    // A CAS at the right index writes; deleting the service takes its check with it.
    let ok = txn(&mut s, 5, vec![node(CatalogVerb::Cas, "n1", 3), service(CatalogVerb::Delete, "n1", "web1")]);
    assert!(ok.errors.is_empty(), "{:?}", ok.errors);
    assert!(s.node_checks("n1").is_empty());
}

#[test]
fn locks_in_a_transaction_follow_the_sessions_and_a_node_deleted_invalidates_its_sessions() {
    let mut s = Store::new();
    let serf = HealthCheck { check_id: SERF_HEALTH.into(), status: HealthStatus::Passing, ..Default::default() };
    s.apply(
        2,
        &Command::from(RegisterRequest {
            node: "n1".into(),
            address: "10.0.0.1".into(),
            check: Some(serf),
            ..Default::default()
        }),
    )
    .unwrap();
    let session =
        Session { id: "s1".into(), node: "n1".into(), node_checks: vec![SERF_HEALTH.into()], ..Default::default() };
    s.apply(3, &Command::Session(SessionOp::Create(Box::new(session)))).unwrap();

    let locked =
        txn(&mut s, 4, vec![kv_at(KvVerb::Lock, "lead", 0, "s1"), kv_at(KvVerb::CheckSession, "lead", 0, "s1")]);
    assert!(locked.errors.is_empty(), "{:?}", locked.errors);
    assert!(matches!(&locked.results[0], TxnResult::Kv(e) if e.session == "s1" && e.lock_index == 1));
    let refused = txn(
        &mut s,
        5,
        vec![
            kv_at(KvVerb::Lock, "lead", 0, "s2"),
            kv_at(KvVerb::Unlock, "lead", 0, "s2"),
            kv_at(KvVerb::Lock, "other", 0, ""),
            kv_at(KvVerb::CheckSession, "lead", 0, ""),
            kv_at(KvVerb::CheckSession, "none", 0, "s1"),
            kv_at(KvVerb::CheckIndex, "lead", 1, ""),
        ],
    );
    assert_eq!(
        errors(&refused),
        vec![
            (0, "invalid session \"s2\""),
            (1, "failed to unlock key \"lead\", lock isn't held, or is held by another session"),
            (2, "missing session"),
            (3, "failed session check for key \"lead\", current session \"s1\" != \"\""),
            (4, "failed to check session, key \"none\" doesn't exist"),
            (5, "failed index check for key \"lead\", current modify index 4 != 1"),
        ]
    );
    // Reads alone, without raft, answer the same.
    let read = s.txn_read(&[kv_at(KvVerb::Get, "lead", 0, ""), kv(KvVerb::CheckNotExists, "lead", "")]);
    assert_eq!(errors(&read), vec![(1, "key \"lead\" exists")]);

    // Deleting the node in a transaction destroys its session, which releases the lock.
    let gone = txn(&mut s, 6, vec![node(CatalogVerb::Delete, "n1", 0)]);
    assert!(gone.errors.is_empty());
    assert!(s.session("s1").is_none());
    assert_eq!(s.kv_get("lead").map(|e| e.session.clone()), Some(String::new()));
    assert!(matches!(Query::Sessions { node: None }.run(&s), QueryResult::Sessions(v) if v.is_empty()));
}
