//! Sessions in the state store, without raft or sockets: creation checked as the reference
//! (node, checks there and not critical), KV locks (acquire, release, the lock index),
//! destruction releasing or deleting the keys held, and invalidation by catalog changes.

use fedctl::state::{
    Command, DeregisterRequest, HealthCheck, HealthStatus, KvOp, RegisterRequest, Response, SERF_HEALTH, Session,
    SessionBehavior, SessionOp, StateError, Store, Table,
};

/// Node `node` with its serfHealth check in `status`.
fn node(node: &str, status: HealthStatus) -> Command {
    Command::from(RegisterRequest {
        node: node.into(),
        address: "10.0.0.1".into(),
        check: Some(HealthCheck {
            check_id: SERF_HEALTH.into(),
            name: "Serf Health Status".into(),
            status,
            ..Default::default()
        }),
        ..Default::default()
    })
}

fn session(id: &str, node: &str, behavior: SessionBehavior) -> Session {
    Session {
        id: id.into(),
        node: node.into(),
        node_checks: vec![SERF_HEALTH.into()],
        lock_delay: 15_000_000_000,
        behavior,
        ..Default::default()
    }
}

fn create(s: &mut Store, index: u64, session: Session) -> Result<Response, StateError> {
    s.apply(index, &Command::Session(SessionOp::Create(Box::new(session))))
}

fn lock(key: &str, value: &str, session: &str) -> Command {
    Command::Kv(KvOp::Lock { key: key.into(), value: value.into(), flags: 0, session: session.into() })
}

fn unlock(key: &str, value: &str, session: &str) -> Command {
    Command::Kv(KvOp::Unlock { key: key.into(), value: value.into(), flags: 0, session: session.into() })
}

fn refused(message: &str) -> Result<Response, StateError> {
    Err(StateError::Session(message.into()))
}

#[test]
fn a_session_needs_its_node_and_healthy_checks_in_the_references_words() {
    let mut s = Store::new();
    assert_eq!(create(&mut s, 2, session("s1", "n1", SessionBehavior::Release)), refused("Missing node registration"));
    assert_eq!(create(&mut s, 2, session("s1", "", SessionBehavior::Release)), refused("Must provide Node"));
    s.apply(3, &node("n1", HealthStatus::Critical)).unwrap();
    assert_eq!(
        create(&mut s, 4, session("s1", "n1", SessionBehavior::Release)),
        refused("Check 'serfHealth' is in critical state")
    );
    let mut other = session("s1", "n1", SessionBehavior::Release);
    other.node_checks = vec!["nope".into()];
    assert_eq!(create(&mut s, 4, other), refused("Missing check 'nope' registration"));
    assert!(s.sessions(None).is_empty(), "nothing refused was stored");
    assert_eq!(s.table_index(Table::Sessions), 0);

    s.apply(5, &node("n1", HealthStatus::Passing)).unwrap();
    assert_eq!(create(&mut s, 6, session("s1", "n1", SessionBehavior::Release)), Ok(Response::Done));
    let stored = s.session("s1").unwrap();
    assert_eq!((stored.index.create_index, stored.index.modify_index), (6, 6));
    assert_eq!(s.table_index(Table::Sessions), 6);
    assert_eq!(s.sessions(Some("n1")).len(), 1);
    assert!(s.sessions(Some("n2")).is_empty());
    // No checks at all is allowed: nothing to depend on.
    let mut bare = session("s2", "n1", SessionBehavior::Release);
    bare.node_checks.clear();
    assert_eq!(create(&mut s, 7, bare), Ok(Response::Done));
    assert!(create(&mut s, 8, session("s1", "n1", SessionBehavior::Release)).is_err(), "an ID is taken once");
}

#[test]
fn locks_count_holdings_and_belong_to_one_session() {
    let mut s = Store::new();
    s.apply(1, &node("n1", HealthStatus::Passing)).unwrap();
    create(&mut s, 2, session("a", "n1", SessionBehavior::Release)).unwrap();
    create(&mut s, 3, session("b", "n1", SessionBehavior::Release)).unwrap();
    assert_eq!(s.apply(4, &lock("k", "v", "nope")), refused("invalid session \"nope\""));
    assert_eq!(s.apply(4, &lock("k", "a1", "a")), Ok(Response::Bool(true)));
    let e = s.kv_get("k").unwrap();
    assert_eq!((e.lock_index, e.session.as_str(), e.value.as_slice()), (1, "a", &b"a1"[..]));
    // The holder writes again: the lock index stays; another session is refused.
    assert_eq!(s.apply(5, &lock("k", "a2", "a")), Ok(Response::Bool(true)));
    assert_eq!(s.kv_get("k").unwrap().lock_index, 1);
    assert_eq!(s.apply(6, &lock("k", "b1", "b")), Ok(Response::Bool(false)));
    assert_eq!(s.apply(6, &unlock("k", "b1", "b")), Ok(Response::Bool(false)));
    assert_eq!(s.kv_get("k").unwrap().value, b"a2");
    // A plain write keeps the holder.
    s.apply(7, &Command::Kv(KvOp::Set { key: "k".into(), value: b"plain".to_vec(), flags: 0 })).unwrap();
    assert_eq!(s.kv_get("k").unwrap().session, "a");
    // Released: nobody holds it; the next holding counts on.
    assert_eq!(s.apply(8, &unlock("k", "done", "a")), Ok(Response::Bool(true)));
    let e = s.kv_get("k").unwrap();
    assert_eq!((e.session.as_str(), e.value.as_slice()), ("", &b"done"[..]));
    assert_eq!(s.apply(9, &lock("k", "b1", "b")), Ok(Response::Bool(true)));
    assert_eq!(s.kv_get("k").unwrap().lock_index, 1, "a plain write reset it, as the reference's");
    assert_eq!(s.apply(10, &unlock("absent", "x", "b")), Ok(Response::Bool(false)));
}

#[test]
fn destroying_a_session_releases_or_deletes_its_keys() {
    let mut s = Store::new();
    s.apply(1, &node("n1", HealthStatus::Passing)).unwrap();
    create(&mut s, 2, session("rel", "n1", SessionBehavior::Release)).unwrap();
    create(&mut s, 3, session("del", "n1", SessionBehavior::Delete)).unwrap();
    s.apply(4, &lock("a", "1", "rel")).unwrap();
    s.apply(5, &lock("b", "2", "del")).unwrap();
    let destroy = |id: &str| Command::Session(SessionOp::Destroy { id: id.into() });
    assert_eq!(s.apply(6, &destroy("rel")), Ok(Response::Done));
    let a = s.kv_get("a").unwrap();
    assert_eq!((a.session.as_str(), a.value.as_slice(), a.lock_index, a.index.modify_index), ("", &b"1"[..], 1, 6));
    assert_eq!(s.apply(7, &destroy("del")), Ok(Response::Done));
    assert!(s.kv_get("b").is_none(), "behavior delete deletes the key");
    assert_eq!((s.table_index(Table::Kv), s.table_index(Table::Sessions)), (7, 7));
    assert_eq!(s.apply(8, &destroy("del")), Ok(Response::Done), "destroy is idempotent");
    assert_eq!(s.table_index(Table::Sessions), 7, "and changes nothing the second time");
}

#[test]
fn a_critical_check_or_a_node_leaving_invalidates_its_sessions_in_the_same_entry() {
    let mut s = Store::new();
    s.apply(1, &node("n1", HealthStatus::Passing)).unwrap();
    s.apply(2, &node("n2", HealthStatus::Passing)).unwrap();
    create(&mut s, 3, session("on-n1", "n1", SessionBehavior::Release)).unwrap();
    create(&mut s, 4, session("on-n2", "n2", SessionBehavior::Release)).unwrap();
    s.apply(5, &lock("leader", "n1", "on-n1")).unwrap();
    // n1's serfHealth goes critical: its session goes, its lock is released, at index 6.
    s.apply(6, &node("n1", HealthStatus::Critical)).unwrap();
    assert!(s.session("on-n1").is_none());
    assert_eq!(s.kv_get("leader").unwrap().session, "");
    assert_eq!(s.kv_get("leader").unwrap().index.modify_index, 6);
    assert!(s.session("on-n2").is_some(), "another node's session stays");
    // n2 deregistered: its session goes too.
    s.apply(7, &Command::Deregister(DeregisterRequest { node: "n2".into(), ..Default::default() })).unwrap();
    assert!(s.sessions(None).is_empty());
    assert_eq!(s.table_index(Table::Sessions), 7);
}

#[test]
fn a_session_keeps_its_shape_in_json_and_the_store_in_a_snapshot() {
    let mut s = Store::new();
    s.apply(1, &node("n1", HealthStatus::Passing)).unwrap();
    create(&mut s, 2, session("s1", "n1", SessionBehavior::Delete)).unwrap();
    let json = serde_json::to_value(s.session("s1").unwrap()).unwrap();
    for key in ["ID", "Name", "Node", "NodeChecks", "ServiceChecks", "LockDelay", "Behavior", "TTL", "CreateIndex"] {
        assert!(json.get(key).is_some(), "{key} in {json}");
    }
    assert_eq!((json["Behavior"].as_str(), json["LockDelay"].as_u64()), (Some("delete"), Some(15_000_000_000)));
    s.apply(3, &lock("held", "v", "s1")).unwrap();
    let bytes = rmp_serde::to_vec_named(&s).unwrap();
    let back: Store = rmp_serde::from_slice(&bytes).unwrap();
    assert_eq!(back, s);
    assert_eq!(back.kv_get("held").unwrap().session, "s1", "the holder is in the snapshot");
}
