//! `/v1/txn` over HTTP in a datacenter of three servers, asked through any of them: a failing
//! op in the middle leaves every server without any of the transaction's writes (409 with the
//! reference's shape), a good one lands whole (200), reads alone answer with the read headers,
//! catalog verbs register what the health endpoints then show, and bad requests are refused
//! with the reference's statuses and words.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::{Value, json};

use crate::support::agent::{TestAgent, dev_agent, three_servers};

async fn txn(agent: &TestAgent, body: &Value) -> (u16, Value) {
    let r = agent.http.put(agent.url("/v1/txn")).body(body.to_string()).send().await.unwrap();
    let status = r.status().as_u16();
    let text = r.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
}

fn b64(text: &str) -> String {
    STANDARD.encode(text)
}

async fn key_on(agent: &TestAgent, key: &str) -> u16 {
    agent.http.get(agent.url(&format!("/v1/kv/{key}?consistent"))).send().await.unwrap().status().as_u16()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_transaction_lands_whole_or_not_at_all_on_every_server() {
    let dir = crate::support::temp_dir();
    let servers = three_servers(dir.path()).await;
    let [s0, s1, s2] = &servers;
    s0.put("/v1/kv/app/counter", "1").await;
    let counter: Value = s0.get_json("/v1/kv/app/counter").await;
    let counter_index = counter[0]["ModifyIndex"].as_u64().unwrap();

    // Keys in any case, as the reference's decoder; the CAS in the middle fails.
    let failing = json!([
        {"KV": {"Verb": "set", "Key": "app/a", "Value": b64("A")}},
        {"kv": {"verb": "set", "key": "app/b", "value": b64("B")}},
        {"KV": {"Verb": "cas", "Key": "app/counter", "Value": b64("2"), "Index": counter_index + 1000}},
        {"KV": {"Verb": "delete-tree", "Key": "app/"}},
    ]);
    let (status, body) = txn(s1, &failing).await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(
        body,
        json!({"Results": null, "Errors": [{"OpIndex": 2, "What": "failed to set key \"app/counter\", index is stale"}]})
    );
    for s in &servers {
        assert_eq!(key_on(s, "app/a").await, 404, "nothing of a failed transaction is anywhere");
        assert_eq!(key_on(s, "app/counter").await, 200, "the delete-tree after the failure was undone too");
    }

    let good = json!([
        {"KV": {"Verb": "set", "Key": "app/a", "Value": b64("A"), "Flags": 7}},
        {"KV": {"Verb": "cas", "Key": "app/counter", "Value": b64("2"), "Index": counter_index}},
        {"KV": {"Verb": "get", "Key": "app/a"}},
        {"KV": {"Verb": "delete", "Key": "app/none"}},
    ]);
    let (status, body) = txn(s2, &good).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["Errors"], Value::Null);
    let results = body["Results"].as_array().unwrap();
    assert_eq!(results.len(), 3, "the delete answers nothing: {body}");
    let set = &results[0]["KV"];
    assert_eq!((set["Key"].as_str(), set["Flags"].as_u64(), &set["Value"]), (Some("app/a"), Some(7), &Value::Null));
    assert_eq!(results[1]["KV"]["ModifyIndex"], set["ModifyIndex"], "one raft index for the whole transaction");
    assert_eq!(results[2]["KV"]["Value"], b64("A"), "a get carries the value");
    for s in &servers {
        s.wait_json("/v1/kv/app/counter", "the CAS on every server", |v| v[0]["Value"] == b64("2")).await;
    }

    // Reads alone: no raft entry, the read headers, the values.
    let index_before = s0.get_json("/v1/kv/app/a").await[0]["ModifyIndex"].clone();
    let r = s1
        .http
        .put(s1.url("/v1/txn?stale"))
        .body(
            json!([{"KV": {"Verb": "get-tree", "Key": "app/"}}, {"KV": {"Verb": "check-not-exists", "Key": "app/z"}}])
                .to_string(),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers().contains_key("X-Consul-Index") && r.headers().contains_key("X-Consul-KnownLeader"));
    let body: Value = r.json().await.unwrap();
    let keys: Vec<&str> =
        body["Results"].as_array().unwrap().iter().map(|r| r["KV"]["Key"].as_str().unwrap()).collect();
    assert_eq!(keys, vec!["app/a", "app/counter"]);
    assert_eq!(s0.get_json("/v1/kv/app/a").await[0]["ModifyIndex"], index_before);

    // Catalog verbs: a node, its service and the service's check in one entry; health shows
    // them; a check of an unknown service refuses the whole transaction.
    let catalog = json!([
        {"Node": {"Verb": "set", "Node": {"Node": "ext-1", "Address": "10.9.0.1", "Meta": {"rack": "r1"}}}},
        {"Service": {"Verb": "set", "Node": "ext-1", "Service": {"ID": "pay-1", "Service": "pay", "Port": 8080, "Tags": ["v1"]}}},
        {"Check": {"Verb": "set", "Check": {"Node": "ext-1", "CheckID": "pay-alive", "Name": "alive", "Status": "passing", "ServiceID": "pay-1"}}},
    ]);
    let (status, body) = txn(s0, &catalog).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["Results"][1]["Service"]["Service"], "pay");
    assert_eq!(body["Results"][2]["Check"]["ServiceName"], "pay");
    let healthy = s2
        .wait_json("/v1/health/service/pay?passing", "the service registered by the transaction", |v| {
            v.as_array().is_some_and(|a| a.len() == 1)
        })
        .await;
    assert_eq!(healthy[0]["Node"]["Meta"]["rack"], "r1");
    assert_eq!(healthy[0]["Service"]["Port"], 8080);
    let (status, body) = txn(
        s1,
        &json!([
            {"Service": {"Verb": "delete", "Node": "ext-1", "Service": {"ID": "pay-1"}}},
            {"Check": {"Verb": "set", "Check": {"Node": "ext-1", "CheckID": "c2", "ServiceID": "gone"}}},
        ]),
    )
    .await;
    assert_eq!(
        (status, body["Errors"].clone()),
        (409, json!([{"OpIndex": 1, "What": "Missing service registration"}]))
    );
    assert_eq!(s0.get_json("/v1/health/service/pay").await.as_array().unwrap().len(), 1, "the delete was undone");
    for s in servers {
        s.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_transactions_are_refused_with_the_references_statuses() {
    let agent = dev_agent().await;
    let many: Vec<Value> = (0..65).map(|i| json!({"KV": {"Verb": "set", "Key": format!("k{i}")}})).collect();
    let (status, body) = txn(&agent, &Value::Array(many)).await;
    assert_eq!((status, body), (413, json!("Transaction contains too many operations (65 > 64)")));
    let big = STANDARD.encode(vec![b'x'; 512 * 1024 + 1]);
    let (status, body) = txn(&agent, &json!([{"KV": {"Verb": "set", "Key": "big", "Value": big}}])).await;
    assert_eq!(status, 413, "{body}");
    let (status, body) = txn(&agent, &json!({"KV": {}})).await;
    assert_eq!(status, 400);
    assert!(body.as_str().unwrap().starts_with("Failed to parse body: "), "{body}");
    let (status, body) = txn(&agent, &json!([{"KV": {"Verb": "set", "Key": "k", "Value": "%%%"}}])).await;
    assert_eq!(status, 400, "{body}");
    let (status, body) =
        txn(&agent, &json!([{"KV": {"Verb": "set", "Key": "k"}}, {"KV": {"Verb": "frob", "Key": "k"}}, {}])).await;
    assert_eq!(status, 409);
    assert_eq!(
        body["Errors"],
        json!([{"OpIndex": 1, "What": "unknown KV verb \"frob\""}, {"OpIndex": 2, "What": "no operation specified"}])
    );
    assert_eq!(key_on(&agent, "k").await, 404);

    // A lock within its key's lock-delay is refused before raft, in the reference's words.
    let (_, created) = agent.put("/v1/session/create", json!({"LockDelay": "10s"}).to_string()).await;
    let session = serde_json::from_str::<Value>(&created).unwrap()["ID"].as_str().unwrap().to_owned();
    let lock = json!([{"KV": {"Verb": "lock", "Key": "leader", "Session": session}}]);
    let (status, body) = txn(&agent, &lock).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        (body["Results"][0]["KV"]["Session"].as_str(), body["Results"][0]["KV"]["LockIndex"].as_u64()),
        (Some(session.as_str()), Some(1))
    );
    agent.put(&format!("/v1/session/destroy/{session}"), "").await;
    let (_, created) = agent.put("/v1/session/create", "").await;
    let next = serde_json::from_str::<Value>(&created).unwrap()["ID"].as_str().unwrap().to_owned();
    let (status, body) = txn(&agent, &json!([{"KV": {"Verb": "lock", "Key": "leader", "Session": next}}])).await;
    assert_eq!(
        (status, body["Errors"].clone()),
        (409, json!([{"OpIndex": 0, "What": "failed to lock key \"leader\" due to lock delay"}]))
    );
    agent.stop().await;
}
