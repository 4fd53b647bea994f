//! `fedctl agent -log-level` and `-log-json` (the real binary, its stderr read), and the HTTP
//! API's check endpoints (`/v1/agent/check/warn|update|deregister/:id`), `?consistent` reads
//! and the `X-Consul-LastContact` header, and the minimum check interval.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::{Value, json};

use crate::support::agent::{TestAgent, dev_agent};
use crate::support::process::{AgentProcess, FREE_PORTS, get};
use crate::support::{eventually_with, fedctl, fedctl_cmd, http_client, temp_dir};

/// Starts `fedctl agent -dev -node n1 <extra>` on free ports and waits for its leader.
async fn dev_process(dir: &std::path::Path, extra: &[&str]) -> AgentProcess {
    let mut cmd = fedctl_cmd(dir);
    cmd.args(["agent", "-dev", "-node", "n1"]).args(FREE_PORTS).args(extra);
    let agent = AgentProcess::spawn(cmd);
    agent.wait_for_leader().await;
    agent
}

/// Registers service `name` through the agent's API and waits until anti-entropy put it in
/// the catalog.
async fn register_and_sync(agent: &AgentProcess, name: &str) {
    let client = http_client();
    let http = &agent.http;
    let resp = client
        .put(format!("{http}/v1/agent/service/register"))
        .body(json!({"Name": name, "Port": 8080}).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    eventually_with(
        &format!("{name} in the catalog"),
        || agent.log(),
        async || {
            let v: Value = get(&client, &format!("{http}/v1/catalog/service/{name}")).await.json().await.unwrap();
            v.as_array().is_some_and(|a| a.len() == 1)
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn log_level_debug_prints_debug_lines_on_stderr() {
    let dir = temp_dir();
    let agent = dev_process(dir.path(), &["-log-level", "debug"]).await;
    register_and_sync(&agent, "web").await;
    // Anti-entropy logs each pass that changed the catalog at debug level.
    eventually_with(
        "a DEBUG line from anti-entropy",
        || agent.log(),
        async || agent.log().lines().any(|l| l.contains(" DEBUG ") && l.contains("synced local state to the catalog")),
    )
    .await;
    let log = agent.log();
    let line = log.lines().find(|l| l.contains("synced local state to the catalog")).unwrap();
    assert!(line.contains("fedctl::local::sync"), "the line names its module: {line}");
    assert!(!line.trim_start().starts_with('{'), "plain text without -log-json: {line}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn log_json_prints_json_lines_at_the_default_info_level() {
    let dir = temp_dir();
    let agent = dev_process(dir.path(), &["-log-json"]).await;
    // A pass of anti-entropy runs (it would log at debug level), then a graceful leave logs
    // at info level and the agent exits.
    register_and_sync(&agent, "web").await;
    let client = http_client();
    let resp = client.put(format!("{}/v1/agent/leave", agent.http)).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let output = agent.output.clone();
    let mut agent = agent;
    let status = tokio::task::spawn_blocking(move || {
        let status = agent.child.wait().unwrap();
        drop(agent);
        status
    })
    .await
    .unwrap();
    assert!(status.success(), "the agent exits 0 after leaving: {status:?}\n{}", output.lock().unwrap());
    let log = || output.lock().unwrap().clone();
    // The reader thread may still be draining the pipe.
    eventually_with("the last log line", log, async || log().contains("agent stopped")).await;

    let log = log();
    let mut events = Vec::new();
    for line in log.lines() {
        if line.trim_start().starts_with('{') {
            let event: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
            events.push(event);
        } else {
            for level in ["TRACE", "DEBUG", "INFO", "WARN", "ERROR"] {
                assert!(!line.contains(level), "a log line that is not JSON: {line}\n{log}");
            }
        }
    }
    assert!(!events.is_empty(), "{log}");
    for e in &events {
        assert!(e["timestamp"].is_string() && e["level"].is_string() && e["target"].is_string(), "{e}");
        assert!(e["level"] != "DEBUG" && e["level"] != "TRACE", "the default level is info: {e}");
    }
    let leave = events
        .iter()
        .find(|e| e["fields"]["message"] == "graceful leave complete; shutting down")
        .unwrap_or_else(|| panic!("no JSON line for the leave:\n{log}"));
    assert_eq!(leave["level"], "INFO", "{leave}");
    assert_eq!(leave["target"], "fedctl::http::operator", "{leave}");
    let stopped = events.iter().find(|e| e["fields"]["message"] == "agent stopped").unwrap();
    assert_eq!(stopped["level"], "INFO", "{stopped}");
    // The banner is still there, as plain lines, saying what Consul's says.
    for line in [
        "HTTP API: http://127.0.0.1:",
        &format!("        Version: {}\n", env!("CARGO_PKG_VERSION")),
        "     Datacenter: dc1 (primary: dc1)\n",
        "         Server: true (bootstrap expect: 1)\n",
        "        Encrypt: Gossip: false, TLS-Outgoing: false, TLS-Incoming: false, Verify-Server-Hostname: false\n",
        " WAN federation: direct (WAN gossip between servers)\n",
    ] {
        assert!(log.contains(line), "{line:?} in:\n{log}");
    }
}

#[test]
fn a_bad_log_level_stops_the_agent_naming_the_flag() {
    let dir = temp_dir();
    let run = fedctl(dir.path(), &["agent", "-dev", "-log-level", "loud"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.contains("flag -log-level, log_level = \"loud\": expected one of trace, debug, info, warn, error"),
        "{}",
        run.stderr
    );
}

/// The agent's own view of check `id`.
async fn local_check(a: &TestAgent, id: &str) -> Value {
    a.get_json("/v1/agent/checks").await[id].clone()
}

#[tokio::test]
async fn warn_update_and_deregister_a_ttl_check() {
    let a = dev_agent().await;
    let (status, body) =
        a.put("/v1/agent/check/register", json!({"ID": "mem", "Name": "Memory", "TTL": "10m"}).to_string()).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(local_check(&a, "mem").await["Status"], "critical", "a TTL check starts critical");

    // warn, with a note as its output; anti-entropy carries it to the catalog.
    assert_eq!(a.put("/v1/agent/check/warn/mem?note=swap%20in%20use", "").await, (200, String::new()));
    let check = local_check(&a, "mem").await;
    assert_eq!((check["Status"].clone(), check["Output"].clone()), (json!("warning"), json!("swap in use")));
    let in_catalog = |want: &'static str| {
        move |v: &Value| v.as_array().is_some_and(|a| a.iter().any(|c| c["CheckID"] == "mem" && c["Status"] == want))
    };
    a.wait_json("/v1/health/node/test-node", "mem warning in the catalog", in_catalog("warning")).await;

    // update: any status but maintenance, with its output.
    let update = |body: Value| a.put("/v1/agent/check/update/mem", body.to_string());
    assert_eq!(update(json!({"Status": "passing", "Output": "all good"})).await, (200, String::new()));
    let check = local_check(&a, "mem").await;
    assert_eq!((check["Status"].clone(), check["Output"].clone()), (json!("passing"), json!("all good")));
    a.wait_json("/v1/health/node/test-node", "mem passing in the catalog", in_catalog("passing")).await;
    assert_eq!(update(json!({"Status": "critical"})).await, (200, String::new()));
    let check = local_check(&a, "mem").await;
    assert_eq!((check["Status"].clone(), check["Output"].clone()), (json!("critical"), json!("")));
    assert_eq!(update(json!({"Status": "passing", "Output": "back"})).await.0, 200);

    // Bad updates are 400 (404 for an unknown check) and change nothing.
    assert_eq!(update(json!({"Status": "bogus"})).await, (400, "Invalid check status \"bogus\"".to_owned()));
    assert_eq!(
        update(json!({"Status": "maintenance"})).await,
        (400, "Invalid check status \"maintenance\"".to_owned())
    );
    let (status, text) = update(json!({"Output": "no status"})).await;
    assert_eq!(status, 400, "{text}");
    assert!(text.starts_with("Request decode failed") && text.contains("Status"), "{text}");
    let (status, text) = a.put("/v1/agent/check/update/nope", json!({"Status": "passing"}).to_string()).await;
    assert_eq!((status, text.as_str()), (404, "unknown check ID \"nope\""));
    assert_eq!(a.put("/v1/agent/check/warn/nope", "").await, (404, "unknown check ID \"nope\"".to_owned()));
    let check = local_check(&a, "mem").await;
    assert_eq!((check["Status"].clone(), check["Output"].clone()), (json!("passing"), json!("back")));

    // Only TTL checks take updates.
    let tcp = json!({"ID": "port", "Name": "port", "TCP": "127.0.0.1:1", "Interval": "1h"});
    assert_eq!(a.put("/v1/agent/check/register", tcp.to_string()).await.0, 200);
    let (status, text) = a.put("/v1/agent/check/update/port", json!({"Status": "passing"}).to_string()).await;
    assert_eq!((status, text.as_str()), (400, "check \"port\" is not a TTL check"));

    // deregister: gone from the agent and then the catalog; a second time is 404.
    assert_eq!(a.put("/v1/agent/check/deregister/mem", "").await, (200, String::new()));
    assert!(a.get_json("/v1/agent/checks").await.get("mem").is_none());
    a.wait_json("/v1/health/node/test-node", "mem gone from the catalog", |v| {
        v.as_array().is_some_and(|a| !a.is_empty() && a.iter().all(|c| c["CheckID"] != "mem"))
    })
    .await;
    assert_eq!(a.put("/v1/agent/check/deregister/mem", "").await, (404, "unknown check ID \"mem\"".to_owned()));
    assert_eq!(a.put("/v1/agent/check/warn/mem", "").await.0, 404, "a deregistered check takes no heartbeat");
    a.stop().await;
}

/// A read's status, `X-Consul-*` headers and JSON body.
async fn read(a: &TestAgent, path: &str) -> (u16, String, String, String, Value) {
    let resp = a.http.get(a.url(path)).send().await.unwrap();
    let header = |name: &str| {
        resp.headers().get(name).map(|v| v.to_str().unwrap().to_owned()).unwrap_or_else(|| panic!("{path}: no {name}"))
    };
    let (index, leader, contact) =
        (header("X-Consul-Index"), header("X-Consul-KnownLeader"), header("X-Consul-LastContact"));
    let status = resp.status().as_u16();
    (status, index, leader, contact, resp.json().await.unwrap())
}

#[tokio::test]
async fn consistent_reads_answer_as_default_reads_with_last_contact_zero_on_the_leader() {
    let a = dev_agent().await;
    assert_eq!(a.put("/v1/kv/app/config", "v1").await, (200, "true".into()));
    a.wait_json("/v1/catalog/services", "the consul service", |v| v.get("consul").is_some()).await;
    for path in ["/v1/kv/app/config", "/v1/catalog/services", "/v1/catalog/nodes", "/v1/health/service/consul"] {
        let default = read(&a, path).await;
        let consistent = read(&a, &format!("{path}?consistent")).await;
        let stale = read(&a, &format!("{path}?stale")).await;
        assert_eq!(default.0, 200, "{path}");
        assert_eq!(consistent, default, "{path}?consistent answers what the default read does");
        assert_eq!(stale, default, "{path}?stale on the only server answers the same");
        let (_, index, leader, contact, _) = default;
        assert!(index.parse::<u64>().is_ok_and(|i| i > 0), "{path}: X-Consul-Index {index:?}");
        assert_eq!(leader, "true", "{path}");
        assert_eq!(contact.parse::<u64>(), Ok(0), "{path}: X-Consul-LastContact on the leader itself");
    }
    // A consistent read follows the last acknowledged write.
    assert_eq!(a.put("/v1/kv/app/config", "v2").await, (200, "true".into()));
    let (status, _, _, _, body) = read(&a, "/v1/kv/app/config?consistent").await;
    assert_eq!((status, body[0]["Value"].clone()), (200, json!("djI=")));
    // `?consistent` is a read option: a malformed wait still fails as on any read.
    let bad = a.http.get(a.url("/v1/kv/app/config?consistent&index=1&wait=soon")).send().await.unwrap();
    assert_eq!(bad.status(), 400);
    a.stop().await;
}

/// A check interval under a second (here 1ns, which would keep a core busy) is accepted and
/// raised to one second, with the reference's warning: the check's target sees one probe a
/// second, not thousands.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_check_interval_below_one_second_is_raised_to_it_with_a_warning() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let target = listener.local_addr().unwrap();
    let probes = Arc::new(AtomicUsize::new(0));
    let counted = probes.clone();
    let accepting = tokio::spawn(async move {
        while let Ok((conn, _)) = listener.accept().await {
            counted.fetch_add(1, Ordering::SeqCst);
            drop(conn);
        }
    });
    let dir = temp_dir();
    let agent = dev_process(dir.path(), &[]).await;
    let check = json!({"ID": "fast", "Name": "fast", "TCP": target.to_string(), "Interval": "1ns"});
    let resp = http_client()
        .put(format!("{}/v1/agent/check/register", agent.http))
        .body(check.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200, "accepted, as the reference does");
    eventually_with(
        "the minimum-interval warning",
        || agent.log(),
        async || agent.log().lines().any(|l| l.contains("check has interval below minimum") && l.contains("fast")),
    )
    .await;
    // The first probe runs at once, then one a second: when the third has arrived, at most
    // one more can have (a 1ns interval would have made thousands by then).
    eventually_with("three probes", || agent.log(), async || probes.load(Ordering::SeqCst) >= 3).await;
    let seen = probes.load(Ordering::SeqCst);
    assert!(seen <= 4, "{seen} probes: the interval was not raised to 1s");
    let checks: Value = get(&http_client(), &format!("{}/v1/agent/checks", agent.http)).await.json().await.unwrap();
    assert_eq!(checks["fast"]["Status"], "passing", "{checks}");
    accepting.abort();
}
