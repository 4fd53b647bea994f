//! Raft storage against openraft's conformance suite, and a one-server raft end to end.

use std::time::Duration;

use fedctl::raft::{LogStore, RaftNode, RaftOptions, ServerNode, StateMachine, StorageError, TypeConfig, open_storage};
use fedctl::rpc::{ClientOptions, RpcClient};
use fedctl::state::{Command, HealthCheck, KvOp, RegisterRequest, RequestError, Response, StateError};
use openraft::testing::{StoreBuilder, Suite};

/// A fresh on-disk store per suite case (on tmpfs when there is one: the suite checks logic,
/// the kill -9 test checks the disk).
struct Builder;

impl StoreBuilder<TypeConfig, LogStore, StateMachine, tempfile::TempDir> for Builder {
    async fn build(&self) -> Result<(tempfile::TempDir, LogStore, StateMachine), StorageError> {
        let dir = tempfile::tempdir_in("/dev/shm").or_else(|_| tempfile::tempdir()).unwrap();
        let (log, sm) = open_storage(Some(dir.path())).unwrap();
        Ok((dir, log, sm))
    }
}

#[test]
fn log_store_and_state_machine_pass_the_openraft_suite() {
    Suite::test_all(Builder).unwrap();
}

fn set(key: &str) -> Command {
    Command::Kv(KvOp::Set { key: key.into(), value: format!("value of {key}").into_bytes(), flags: 0 })
}

fn me(opts: &RaftOptions) -> ServerNode {
    ServerNode { name: opts.node_name.clone(), addr: opts.rpc_addr.clone() }
}

async fn started(opts: &RaftOptions) -> RaftNode {
    let node = RaftNode::start(opts, RpcClient::new(ClientOptions::default())).await.unwrap();
    node.bootstrap(&[(opts.node_id, me(opts))]).await.unwrap();
    assert_eq!(node.wait_for_leader(Duration::from_secs(10)).await, Some(opts.node_id));
    node
}

#[tokio::test]
async fn apply_returns_the_response_or_the_state_machine_rejection() {
    let node = started(&RaftOptions::default()).await;
    assert_eq!(node.apply(set("a")).await, Ok(Response::Bool(true)));
    let cas = Command::Kv(KvOp::Cas { key: "a".into(), value: vec![], flags: 0, index: 0 });
    assert_eq!(node.apply(cas).await, Ok(Response::Bool(false)), "a failed CAS is a normal false");

    let bad = Command::from(RegisterRequest {
        node: "n1".into(),
        address: "10.0.0.1".into(),
        check: Some(HealthCheck { check_id: "c1".into(), service_id: "no-such-service".into(), ..Default::default() }),
        ..Default::default()
    });
    let err = node.apply(bad).await.unwrap_err();
    assert_eq!(
        err,
        RequestError::Rejected(StateError::UnknownServiceForCheck {
            node: "n1".into(),
            service_id: "no-such-service".into(),
            check_id: "c1".into()
        })
    );
    assert!(node.state().read(|s| s.nodes().is_empty()), "a rejected command changes nothing");
    node.shutdown().await;
}

#[tokio::test]
async fn writes_survive_a_restart_and_log_compaction() {
    let dir = tempfile::tempdir().unwrap();
    let opts = RaftOptions {
        data_dir: Some(dir.path().to_owned()),
        snapshot_threshold: 10,
        keep_after_snapshot: 5,
        ..RaftOptions::default()
    };
    let node = started(&opts).await;
    // Waves of 10 concurrent writers: writes arriving together share raft entries (group
    // commit), and the snapshot policy (re-checked as entries apply) keeps firing.
    for wave in 0..50 {
        let mut writers = tokio::task::JoinSet::new();
        for i in wave * 10..(wave + 1) * 10 {
            let node = node.clone();
            writers.spawn(async move { node.apply(set(&format!("k/{i:04}"))).await });
        }
        while let Some(result) = writers.join_next().await {
            result.unwrap().unwrap();
        }
    }
    let before = node.state().read(|s| s.kv_list("k/"));
    assert_eq!(before.len(), 500);
    // Compaction keeps the log short.
    wait_until(&format!("a snapshot at index >= 30 (now {:?})", node.snapshot_index()), || {
        node.snapshot_index().is_some_and(|i| i >= 30)
    })
    .await;
    let last = node.state().read(|s| s.last_index());
    assert!(last >= 50, "50 waves take at least 50 entries (got {last})");
    wait_until(&format!("a compacted log (of {last} entries)"), || node.log_len() < 30).await;
    node.shutdown().await;
    drop(node);

    let node = RaftNode::start(&opts, RpcClient::new(ClientOptions::default())).await.unwrap();
    node.bootstrap(&[(opts.node_id, me(&opts))]).await.unwrap();
    node.wait_for_leader(Duration::from_secs(10)).await.unwrap();
    wait_until("all 500 keys after restart", || node.state().read(|s| s.kv_list("k/").len()) == 500).await;
    let after = node.state().read(|s| s.kv_list("k/"));
    assert_eq!(after, before, "values and indexes are restored");
    node.apply(set("k/more")).await.unwrap();
    node.shutdown().await;
}

async fn wait_until(what: &str, cond: impl Fn() -> bool) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while !cond() {
        assert!(tokio::time::Instant::now() < deadline, "{what}: not within 20s");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// Concurrent writers share raft entries, but each gets only its own outcome.
#[tokio::test]
async fn concurrent_writers_get_their_own_results() {
    let node = started(&RaftOptions::default()).await;
    let mut writers = tokio::task::JoinSet::new();
    for i in 0..64 {
        let node = node.clone();
        writers.spawn(async move {
            let command = if i == 17 {
                Command::from(RegisterRequest { node: format!("n{i}"), ..Default::default() })
            } else {
                set(&format!("c/{i}"))
            };
            (i, node.apply(command).await)
        });
    }
    while let Some(joined) = writers.join_next().await {
        let (i, result) = joined.unwrap();
        if i == 17 {
            assert_eq!(result, Err(RequestError::Rejected(StateError::MissingAddress)));
        } else {
            assert_eq!(result, Ok(Response::Bool(true)), "writer {i}");
        }
    }
    assert_eq!(node.state().read(|s| s.kv_list("c/").len()), 63);
    let batch = Command::Batch(vec![set("x")]);
    assert_eq!(
        node.apply(batch).await,
        Err(RequestError::Rejected(StateError::NestedBatch)),
        "callers cannot send batches"
    );
    node.shutdown().await;
}
