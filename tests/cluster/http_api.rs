//! The HTTP API of an in-process agent, through a real HTTP client.

use std::time::Duration;

use serde_json::{Value, json};

use crate::support::agent::dev_agent;

fn names(v: &Value, field: &str) -> Vec<String> {
    v.as_array().unwrap().iter().map(|e| e[field].as_str().unwrap_or_default().to_owned()).collect()
}

#[tokio::test]
async fn status_and_self() {
    let a = dev_agent().await;
    let leader = a.get_json("/v1/status/leader").await;
    assert_eq!(leader, a.agent.rpc_addr.as_str(), "the leader is this server, at its bound RPC port");
    assert_eq!(a.get_json("/v1/status/peers").await, json!([leader]));
    let me = a.get_json("/v1/agent/self").await;
    assert_eq!(me["Config"]["NodeName"], "test-node");
    assert_eq!(me["Config"]["Datacenter"], "dc1");
    assert_eq!(a.get_json("/v1/catalog/datacenters").await, json!(["dc1"]));
    assert_eq!(names(&a.get_json("/v1/agent/members").await, "Name"), ["test-node"]);
    // The server registers itself: node, `consul` service, serfHealth.
    a.wait_json("/v1/catalog/service/consul", "the consul service", |v| names(v, "Node") == ["test-node"]).await;
    a.stop().await;
}

#[tokio::test]
async fn tcp_and_ttl_checks_drive_health() {
    let a = dev_agent().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let (status, body) = a
        .put(
            "/v1/agent/service/register",
            json!({"Name": "web", "Port": port, "Check": {"TCP": format!("127.0.0.1:{port}"), "Interval": "200ms", "Timeout": "1s"}})
                .to_string(),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) =
        a.put("/v1/agent/service/register", json!({"name": "api", "check": {"ttl": "500ms"}}).to_string()).await;
    assert_eq!(status, 200, "snake_case works too: {body}");

    let passing = |v: &Value| v.as_array().is_some_and(|a| a.len() == 1);
    let none = |v: &Value| v.as_array().is_some_and(|a| a.is_empty());
    a.wait_json("/v1/health/service/web?passing", "web passing (TCP check)", passing).await;
    // Once the catalog has the service, its TTL check is there and critical: it was never
    // passing without a heartbeat.
    let v = a.wait_json("/v1/health/service/api", "api in the catalog", passing).await;
    let ttl = v[0]["Checks"].as_array().unwrap().iter().find(|c| c["CheckID"] == "service:api").unwrap().clone();
    assert_eq!(ttl["Status"], "critical", "a TTL check starts critical: {v}");
    assert!(none(&a.get_json("/v1/health/service/api?passing").await), "so the service is not passing");

    assert_eq!(a.put("/v1/agent/check/pass/service:api?note=ok", "").await.0, 200);
    let v = a.wait_json("/v1/health/service/api?passing", "api passing (TTL heartbeat)", passing).await;
    let ttl = v[0]["Checks"].as_array().unwrap().iter().find(|c| c["CheckID"] == "service:api").unwrap().clone();
    assert_eq!(ttl["Output"], "ok");
    // No more heartbeats: the TTL expires.
    let v = a.wait_json("/v1/health/checks/api", "api critical after its TTL", |v| v[0]["Status"] == "critical").await;
    assert_eq!(v[0]["Output"], "TTL expired");

    drop(listener);
    a.wait_json("/v1/health/service/web?passing", "web critical once its port closes", none).await;
    let checks = a.get_json("/v1/health/state/critical").await;
    assert!(names(&checks, "CheckID").contains(&"service:web".to_owned()), "{checks}");
    a.stop().await;
}

#[tokio::test]
async fn blocking_query_returns_on_change_or_after_wait() {
    let a = dev_agent().await;
    a.wait_json("/v1/catalog/services", "the consul service", |v| v.get("consul").is_some()).await;
    let resp = a.http.get(a.url("/v1/catalog/services")).send().await.unwrap();
    let index: u64 = resp.headers()["X-Consul-Index"].to_str().unwrap().parse().unwrap();
    assert_eq!(resp.headers()["X-Consul-KnownLeader"], "true");

    // No change: returns after `wait` with the same index.
    let resp = a.http.get(a.url(&format!("/v1/catalog/services?index={index}&wait=100ms"))).send().await.unwrap();
    assert_eq!(resp.headers()["X-Consul-Index"].to_str().unwrap(), index.to_string());

    // A change wakes a long wait, and only a change does.
    let before = a.requests().await;
    let mut waiter = {
        let (http, url) = (a.http.clone(), a.url(&format!("/v1/catalog/services?index={index}&wait=5m")));
        tokio::spawn(async move {
            let resp = http.get(url).send().await.unwrap();
            let new_index: u64 = resp.headers()["X-Consul-Index"].to_str().unwrap().parse().unwrap();
            (new_index, resp.json::<Value>().await.unwrap())
        })
    };
    a.assert_parked(before, &mut waiter).await;
    assert_eq!(a.put("/v1/agent/service/register", json!({"Name": "db", "Port": 5432}).to_string()).await.0, 200);
    let (new_index, body) = tokio::time::timeout(Duration::from_secs(20), waiter).await.expect("woken").unwrap();
    assert!(new_index > index);
    assert!(body.get("db").is_some(), "{body}");
    a.stop().await;
}

#[tokio::test]
async fn kv_api() {
    let a = dev_agent().await;
    assert_eq!(a.put("/v1/kv/app/config", "v1").await, (200, "true".into()));
    assert_eq!(a.put("/v1/kv/app/db/url?flags=42", "postgres://").await, (200, "true".into()));
    let entry = a.get_json("/v1/kv/app/config").await;
    assert_eq!(entry[0]["Value"], "djE=", "values are base64");
    let modify = entry[0]["ModifyIndex"].as_u64().unwrap();
    let raw = a.http.get(a.url("/v1/kv/app/config?raw")).send().await.unwrap();
    assert_eq!(raw.text().await.unwrap(), "v1");
    assert_eq!(a.get_json("/v1/kv/app/db/url").await[0]["Flags"], 42);
    assert_eq!(a.get_json("/v1/kv/app?keys").await, json!(["app/config", "app/db/url"]));
    assert_eq!(a.get_json("/v1/kv/app/?keys&separator=/").await, json!(["app/config", "app/db/"]));
    assert_eq!(a.get_json("/v1/kv/?recurse").await.as_array().unwrap().len(), 2);

    // CAS: a stale index is a plain `false`.
    assert_eq!(a.put(&format!("/v1/kv/app/config?cas={}", modify + 100), "x").await, (200, "false".into()));
    assert_eq!(a.put(&format!("/v1/kv/app/config?cas={modify}"), "v2").await, (200, "true".into()));

    let missing = a.http.get(a.url("/v1/kv/nope")).send().await.unwrap();
    assert_eq!(missing.status(), 404);
    assert!(missing.headers().contains_key("X-Consul-Index"));

    let del = a.http.delete(a.url("/v1/kv/app?recurse")).send().await.unwrap();
    assert_eq!(del.text().await.unwrap(), "true");
    assert_eq!(a.http.get(a.url("/v1/kv/app/config")).send().await.unwrap().status(), 404);
    a.stop().await;
}

#[tokio::test]
async fn bad_requests_get_400_and_change_nothing() {
    let a = dev_agent().await;
    a.wait_json("/v1/catalog/nodes", "self registration", |v| names(v, "Node") == ["test-node"]).await;
    let before = a.get_json("/v1/catalog/nodes").await;
    let cases: &[(&str, &str, &str)] = &[
        ("/v1/catalog/register", "{not json", "Request decode failed"),
        ("/v1/catalog/register", r#"{"Node": "n2", "Address": 7}"#, "Address"),
        ("/v1/catalog/register", "", "the body is empty"),
        ("/v1/agent/service/register", r#"{"Name": "web", "Port": "eighty"}"#, "Port"),
        ("/v1/agent/service/register", r#"{"Port": 80}"#, "missing service name"),
        ("/v1/agent/service/register", r#"{"Name": "w", "Check": {"TCP": "x:1"}}"#, "Interval is required"),
        ("/v1/agent/check/register", r#"{"Name": "c", "TTL": "10s", "ServiceID": "nope"}"#, "unknown service ID"),
        ("/v1/kv/k?cas=abc", "v", "Invalid cas"),
        ("/v1/kv/k?flags=-1", "v", "Invalid flags"),
    ];
    for (path, body, expected) in cases {
        let (status, text) = a.put(path, body.to_string()).await;
        let want = if expected.contains("unknown service ID") { 404 } else { 400 };
        assert_eq!(status, want, "PUT {path} {body}: {text}");
        assert!(text.contains(expected), "PUT {path} {body}: {text:?} lacks {expected:?}");
    }
    let bad_wait = a.http.get(a.url("/v1/catalog/nodes?index=1&wait=soon")).send().await.unwrap();
    assert_eq!(bad_wait.status(), 400);
    assert_eq!(a.get_json("/v1/catalog/nodes").await, before);
    assert_eq!(a.http.get(a.url("/v1/kv/k")).send().await.unwrap().status(), 404);
    a.stop().await;
}

/// A command the state machine rejects is an error response carrying its message.
#[tokio::test]
async fn state_machine_rejections_are_errors_not_successes() {
    let a = dev_agent().await;
    let body = json!({
        "Node": "other", "Address": "10.0.0.9",
        "Service": {"ID": "api-1", "Service": "api"},
        "Check": {"CheckID": "c1", "Name": "c1", "ServiceID": "no-such-service"}
    });
    let (status, text) = a.put("/v1/catalog/register", body.to_string()).await;
    assert_eq!(status, 400);
    assert_eq!(text, "unknown service ID \"no-such-service\" for check ID \"c1\" on node \"other\"");
    let nodes = a.get_json("/v1/catalog/nodes").await;
    assert!(!names(&nodes, "Node").contains(&"other".to_owned()), "nothing half-applied: {nodes}");
    assert!(a.get_json("/v1/catalog/service/api").await.as_array().unwrap().is_empty());

    // The same request, fixed, succeeds.
    let good = json!({
        "Node": "other", "Address": "10.0.0.9",
        "Service": {"ID": "api-1", "Service": "api"},
        "Check": {"CheckID": "c1", "Name": "c1", "ServiceID": "api-1", "Status": "passing"}
    });
    assert_eq!(a.put("/v1/catalog/register", good.to_string()).await, (200, "true".into()));
    let v = a.get_json("/v1/health/service/api?passing").await;
    assert_eq!(v.as_array().unwrap().len(), 1, "{v}");
    assert_eq!(v[0]["Node"]["Node"], "other");
    assert_eq!(v[0]["Checks"][0]["ServiceName"], "api");
    a.stop().await;
}

#[tokio::test]
async fn agent_endpoints_and_metrics() {
    let a = dev_agent().await;
    a.put(
        "/v1/agent/service/register",
        json!({"ID": "web-1", "Name": "web", "Tags": ["v1"], "Meta": {"k": "v"}}).to_string(),
    )
    .await;
    let services = a.get_json("/v1/agent/services").await;
    assert_eq!(services["web-1"]["Service"], "web");
    assert_eq!(services["web-1"]["Meta"]["k"], "v");
    assert_eq!(a.get_json("/v1/agent/service/web-1").await["Tags"], json!(["v1"]));
    assert_eq!(a.http.get(a.url("/v1/agent/service/nope")).send().await.unwrap().status(), 404);
    a.wait_json("/v1/catalog/service/web", "web in the catalog", |v| v.as_array().is_some_and(|a| a.len() == 1)).await;
    assert_eq!(a.put("/v1/agent/service/deregister/web-1", "").await.0, 200);
    a.wait_json("/v1/catalog/service/web", "web gone from the catalog", |v| v.as_array().is_some_and(Vec::is_empty))
        .await;
    assert_eq!(a.put("/v1/agent/service/deregister/web-1", "").await.0, 404);

    let metrics = a.get_json("/v1/agent/metrics").await;
    let gauge = |name: &str| {
        metrics["Gauges"].as_array().unwrap().iter().find(|g| g["Name"] == name).map(|g| g["Value"].clone())
    };
    assert!(gauge("fedctl.raft.last_index").is_some_and(|v| v.as_f64().unwrap() > 0.0), "{metrics}");
    let text = a.http.get(a.url("/v1/agent/metrics?format=prometheus")).send().await.unwrap().text().await.unwrap();
    assert!(text.contains("# TYPE fedctl_raft_last_index gauge"), "{text}");
    assert!(text.contains("fedctl_http_requests_total"), "{text}");
    a.stop().await;
}

#[tokio::test]
async fn http_checks_map_status_codes_to_health() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU16, Ordering};
    let code = Arc::new(AtomicU16::new(200));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/health", listener.local_addr().unwrap());
    let served = code.clone();
    let app = axum::Router::new().route(
        "/health",
        axum::routing::get(move || {
            let code = served.load(Ordering::Relaxed);
            async move { (axum::http::StatusCode::from_u16(code).unwrap(), format!("answered {code}")) }
        }),
    );
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let a = dev_agent().await;
    let body = json!({"Name": "api", "Check": {"HTTP": url, "Interval": "100ms"}});
    assert_eq!(a.put("/v1/agent/service/register", body.to_string()).await.0, 200);
    let status = |want: &'static str| move |v: &Value| v.get(0).is_some_and(|c| c["Status"] == want);
    let v = a.wait_json("/v1/health/checks/api", "passing on 200", status("passing")).await;
    assert!(v[0]["Output"].as_str().unwrap().contains("200 OK Output: answered 200"), "{v}");
    code.store(429, Ordering::Relaxed);
    a.wait_json("/v1/health/checks/api", "warning on 429", status("warning")).await;
    code.store(503, Ordering::Relaxed);
    a.wait_json("/v1/health/checks/api", "critical on 503", status("critical")).await;
    a.stop().await;
}

#[tokio::test]
async fn a_service_critical_too_long_is_deregistered() {
    let a = dev_agent().await;
    let body = json!({"Name": "flaky", "Check": {"TTL": "100ms", "DeregisterCriticalServiceAfter": "200ms"}});
    assert_eq!(a.put("/v1/agent/service/register", body.to_string()).await.0, 200);
    a.wait_json("/v1/catalog/service/flaky", "flaky registered", |v| v.as_array().is_some_and(|a| a.len() == 1)).await;
    // No heartbeat ever: critical, then removed from the agent and the catalog.
    a.wait_json("/v1/catalog/service/flaky", "flaky deregistered", |v| v.as_array().is_some_and(Vec::is_empty)).await;
    assert!(a.get_json("/v1/agent/services").await.get("flaky").is_none());
    assert!(a.get_json("/v1/health/checks/flaky").await.as_array().unwrap().is_empty());
    a.stop().await;
}

/// A service enters the catalog together with its checks (one raft entry), so it is never
/// seen without them, and never as healthy before its checks are known.
#[tokio::test]
async fn a_service_and_its_checks_enter_the_catalog_together() {
    let a = dev_agent().await;
    let body = json!({"Name": "db", "Port": 5432, "Checks": [{"CheckID": "db-ttl", "TTL": "1m"}, {"CheckID": "db-ttl2", "TTL": "1m"}]});
    assert_eq!(a.put("/v1/agent/service/register", body.to_string()).await.0, 200);
    let v =
        a.wait_json("/v1/health/service/db", "db in the catalog", |v| v.as_array().is_some_and(|a| a.len() == 1)).await;
    let service_index = v[0]["Service"]["CreateIndex"].as_u64().unwrap();
    let checks: Vec<u64> = v[0]["Checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["ServiceID"] == "db")
        .map(|c| c["CreateIndex"].as_u64().unwrap())
        .collect();
    assert_eq!(checks, [service_index, service_index], "{v}");
    a.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pretty_answers_are_indented_as_the_reference_in_the_order_written() {
    let agent = crate::support::agent::dev_agent().await;
    assert_eq!(agent.put("/v1/kv/pretty/k", "v").await, (200, "true".into()));
    let text = |path: &str| {
        let (http, url) = (agent.http.clone(), agent.url(path));
        async move { http.get(url).send().await.unwrap().text().await.unwrap() }
    };
    let compact = text("/v1/kv/pretty/k").await;
    let pretty = text("/v1/kv/pretty/k?pretty").await;
    assert!(!compact.contains('\n'), "{compact}");
    assert!(pretty.starts_with("[\n    {\n        \"CreateIndex\": "), "{pretty}");
    assert!(pretty.contains(",\n        \"Key\": \"pretty/k\",\n"), "{pretty}");
    assert!(pretty.ends_with("\n    }\n]\n"), "{pretty}");
    let same: serde_json::Value = serde_json::from_str(&pretty).unwrap();
    assert_eq!(same, serde_json::from_str::<serde_json::Value>(&compact).unwrap(), "the same document");
    // Not JSON: as it was.
    assert_eq!(text("/v1/kv/pretty/k?raw&pretty").await, "v");
    agent.stop().await;
}
