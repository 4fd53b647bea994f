//! `/v1/session/*` and KV locks over HTTP, as a Consul client uses them: create with the
//! reference's defaults and errors, info/node/list (blocking), acquire and release with the
//! lock index, conflicting flags, destroy releasing the keys, and a session invalidated when
//! one of its checks turns critical.

use serde_json::{Value, json};

use crate::support::agent::{TestAgent, dev_agent};
use crate::support::eventually;

async fn put(agent: &TestAgent, path: &str, body: Option<Value>) -> (u16, String) {
    let mut request = agent.http.put(agent.url(path));
    if let Some(body) = body {
        request = request.json(&body);
    }
    let r = request.send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

async fn get(agent: &TestAgent, path: &str) -> (u16, Value) {
    let r = agent.http.get(agent.url(path)).send().await.unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

async fn create(agent: &TestAgent, body: Option<Value>) -> String {
    let (status, text) = put(agent, "/v1/session/create", body).await;
    assert_eq!(status, 200, "{text}");
    let v: Value = serde_json::from_str(&text).unwrap();
    v["ID"].as_str().unwrap().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sessions_are_created_with_the_references_defaults_and_refused_in_its_words() {
    let agent = dev_agent().await;
    let id = create(&agent, None).await;
    let (status, info) = get(&agent, &format!("/v1/session/info/{id}")).await;
    assert_eq!(status, 200);
    let s = &info[0];
    assert_eq!(s["ID"], id.as_str());
    assert_eq!(s["Node"], "test-node", "the agent's node by default");
    assert_eq!(s["NodeChecks"], json!(["serfHealth"]));
    assert_eq!(s["LockDelay"], 15_000_000_000u64, "15 s, in nanoseconds");
    assert_eq!((s["Behavior"].as_str(), s["TTL"].as_str()), (Some("release"), Some("")));
    assert!(s["CreateIndex"].as_u64().unwrap() > 0);

    // Keys in any case; a LockDelay number below 1000 is seconds; kept as asked (applied at
    // most 60 s).
    let id2 = create(&agent, Some(json!({"name": "mine", "behavior": "delete", "lockdelay": 5, "checks": []}))).await;
    let (_, info) = get(&agent, &format!("/v1/session/info/{id2}")).await;
    assert_eq!((info[0]["Name"].as_str(), info[0]["Behavior"].as_str()), (Some("mine"), Some("delete")));
    assert_eq!((info[0]["LockDelay"].as_u64(), info[0]["NodeChecks"].clone()), (Some(5_000_000_000), json!([])));
    let id3 = create(&agent, Some(json!({"LockDelay": "5m"}))).await;
    assert_eq!(get(&agent, &format!("/v1/session/info/{id3}")).await.1[0]["LockDelay"], 300_000_000_000u64);

    for (body, status, message) in [
        (json!({"Behavior": "keep"}), 500, "Invalid Behavior setting 'keep'"),
        (json!({"Node": "nope"}), 500, "Missing node registration"),
        (json!({"Checks": ["serfHealth", "nope"]}), 500, "Missing check 'nope' registration"),
        (json!({"TTL": "soon"}), 500, "Session TTL 'soon' invalid"),
        (json!({"TTL": "5s"}), 500, "Invalid Session TTL '5000000000', must be between [10s=24h0m0s]"),
        (json!({"TTL": "25h"}), 500, "Invalid Session TTL '90000000000000', must be between [10s=24h0m0s]"),
        (json!({"LockDelay": true}), 400, "Request decode failed"),
    ] {
        let (got, text) = put(&agent, "/v1/session/create", Some(body.clone())).await;
        assert_eq!(got, status, "{body}: {text}");
        assert!(text.contains(message), "{body}: {text}");
    }
    let (status, text) = put(&agent, "/v1/session/destroy/", None).await;
    assert_eq!((status, text.as_str()), (400, "Missing session"));
    let (status, text) = put(&agent, "/v1/session/renew/nope", None).await;
    assert_eq!((status, text.as_str()), (404, "Session id 'nope' not found"));
    assert_eq!(get(&agent, "/v1/session/node/").await.0, 400);
    assert_eq!(get(&agent, "/v1/session/info/nope").await.1, json!([]));

    // Renew answers the session; node and list see all three; destroy is idempotent.
    let (status, text) = put(&agent, &format!("/v1/session/renew/{id}"), None).await;
    assert_eq!(status, 200);
    assert_eq!(serde_json::from_str::<Value>(&text).unwrap()[0]["ID"], id.as_str());
    assert_eq!(get(&agent, "/v1/session/node/test-node").await.1.as_array().unwrap().len(), 3);
    assert_eq!(get(&agent, "/v1/session/node/other").await.1, json!([]));
    for _ in 0..2 {
        assert_eq!(put(&agent, &format!("/v1/session/destroy/{id3}"), None).await, (200, "true".to_owned()));
    }
    assert_eq!(get(&agent, "/v1/session/list").await.1.as_array().unwrap().len(), 2);
    agent.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kv_locks_belong_to_one_session_and_go_with_it() {
    let agent = dev_agent().await;
    // `a` without a lock-delay, so its key is free the moment it goes.
    let (a, b) = (create(&agent, Some(json!({"LockDelay": "0s"}))).await, create(&agent, None).await);
    let acquire = |s: &str| format!("/v1/kv/service/leader?acquire={s}");
    let r = agent.http.put(agent.url(&acquire(&a))).body("a").send().await.unwrap();
    assert_eq!(r.text().await.unwrap(), "true");
    let (_, entry) = get(&agent, "/v1/kv/service/leader").await;
    assert_eq!((entry[0]["Session"].as_str(), entry[0]["LockIndex"].as_u64()), (Some(a.as_str()), Some(1)));
    // Another session is refused, and so is a release by it; the holder keeps the key.
    let r = agent.http.put(agent.url(&acquire(&b))).body("b").send().await.unwrap();
    assert_eq!(r.text().await.unwrap(), "false");
    let r = agent.http.put(agent.url(&format!("/v1/kv/service/leader?release={b}"))).send().await.unwrap();
    assert_eq!(r.text().await.unwrap(), "false");
    // The flags are exclusive; an unknown session is an error.
    let (status, text) = put(&agent, &format!("/v1/kv/x?acquire={a}&release={a}"), None).await;
    assert_eq!((status, text), (400, format!("Conflicting flags: acquire={a}&release={a}")));
    let (status, text) = put(&agent, "/v1/kv/x?acquire=nope", None).await;
    assert_eq!((status, text.as_str()), (500, "invalid session \"nope\""));

    // A blocking list wakes when the holder's session is destroyed, which releases the key.
    let (_, _) = get(&agent, "/v1/session/list").await;
    let index = agent.http.get(agent.url("/v1/kv/service/leader")).send().await.unwrap().headers()["X-Consul-Index"]
        .to_str()
        .unwrap()
        .to_owned();
    let waiter = {
        let (http, url) = (agent.http.clone(), agent.url(&format!("/v1/kv/service/leader?index={index}&wait=30s")));
        tokio::spawn(async move { http.get(url).send().await.unwrap().json::<Value>().await.unwrap() })
    };
    assert_eq!(put(&agent, &format!("/v1/session/destroy/{a}"), None).await.0, 200);
    let released = waiter.await.unwrap();
    assert_eq!(released[0].get("Session"), None, "released: {released}");
    assert_eq!((released[0]["LockIndex"].as_u64(), released[0]["Value"].as_str()), (Some(1), Some("YQ==")));
    let r = agent.http.put(agent.url(&acquire(&b))).body("b").send().await.unwrap();
    assert_eq!(r.text().await.unwrap(), "true", "free again");
    assert_eq!(get(&agent, "/v1/kv/service/leader").await.1[0]["LockIndex"], 2);

    // With the default lock-delay (15 s) a key its session held cannot be taken right after.
    let d = create(&agent, None).await;
    let r = agent.http.put(agent.url(&format!("/v1/kv/delayed?acquire={d}"))).send().await.unwrap();
    assert_eq!(r.text().await.unwrap(), "true");
    assert_eq!(put(&agent, &format!("/v1/session/destroy/{d}"), None).await.0, 200);
    let r = agent.http.put(agent.url(&format!("/v1/kv/delayed?acquire={b}"))).send().await.unwrap();
    assert_eq!(r.text().await.unwrap(), "false", "within the lock-delay");
    assert_eq!(get(&agent, "/v1/kv/delayed").await.1[0].get("Session"), None, "released all the same");
    agent.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_goes_when_one_of_its_checks_turns_critical() {
    let agent = dev_agent().await;
    let check = json!({"Name": "leader-health", "ID": "leader-health", "TTL": "60s"});
    let r = agent.http.put(agent.url("/v1/agent/check/register")).json(&check).send().await.unwrap();
    assert_eq!(r.status(), 200);
    // Critical until it passes: no session may depend on it.
    eventually("the check is in the catalog", async || {
        let (status, text) = put(&agent, "/v1/session/create", Some(json!({"NodeChecks": ["leader-health"]}))).await;
        status == 500 && text.contains("Check 'leader-health' is in critical state")
    })
    .await;
    assert_eq!(agent.http.put(agent.url("/v1/agent/check/pass/leader-health")).send().await.unwrap().status(), 200);
    let mut id = String::new();
    eventually("a session on the passing check", async || {
        let (status, text) = put(&agent, "/v1/session/create", Some(json!({"NodeChecks": ["leader-health"]}))).await;
        if status == 200 {
            id = serde_json::from_str::<Value>(&text).unwrap()["ID"].as_str().unwrap().to_owned();
        }
        status == 200
    })
    .await;
    let r = agent.http.put(agent.url(&format!("/v1/kv/lock?acquire={id}"))).send().await.unwrap();
    assert_eq!(r.text().await.unwrap(), "true");
    assert_eq!(agent.http.put(agent.url("/v1/agent/check/fail/leader-health")).send().await.unwrap().status(), 200);
    eventually("the session is invalidated", async || {
        get(&agent, &format!("/v1/session/info/{id}")).await.1 == json!([])
    })
    .await;
    assert_eq!(get(&agent, "/v1/kv/lock").await.1[0].get("Session"), None, "its lock released");
    agent.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_lives_while_renewed_and_goes_with_its_locks_when_its_ttl_runs_out() {
    let dir = crate::support::temp_dir();
    let config = dir.path().join("ttl.hcl");
    std::fs::write(&config, "session_ttl_min = \"1s\"\n").unwrap();
    let flags = fedctl::config::ConfigFlags {
        dev: true,
        node: Some("test-node".into()),
        config_files: vec![config],
        ..crate::support::agent::free_ports()
    };
    let agent = crate::support::agent::agent_with(flags).await;
    let created = std::time::Instant::now();
    let renewed = create(&agent, Some(json!({"TTL": "1s", "LockDelay": "0s"}))).await;
    let left = create(&agent, Some(json!({"TTL": "1s", "LockDelay": "0s"}))).await;
    let r = agent.http.put(agent.url(&format!("/v1/kv/held?acquire={left}"))).send().await.unwrap();
    assert_eq!(r.text().await.unwrap(), "true");
    // Renewed four times a TTL, one lives; the other runs out (not before 2×TTL), and its key
    // is free. The renewed one is renewed on for three more TTLs and still lives.
    let renew = async || {
        let (status, text) = put(&agent, &format!("/v1/session/renew/{renewed}"), None).await;
        assert_eq!(status, 200, "{text}");
        let renewal: Value = serde_json::from_str(&text).unwrap();
        assert_eq!((renewal[0]["ID"].as_str(), renewal[0]["TTL"].as_str()), (Some(renewed.as_str()), Some("1s")));
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    };
    while get(&agent, &format!("/v1/session/info/{left}")).await.1 != json!([]) {
        assert!(created.elapsed() < std::time::Duration::from_secs(30), "the unrenewed session never expired");
        renew().await;
    }
    assert!(created.elapsed() >= std::time::Duration::from_secs(2), "not before 2×TTL");
    assert_eq!(get(&agent, "/v1/kv/held").await.1[0].get("Session"), None, "its lock released");
    let more = std::time::Instant::now();
    while more.elapsed() < std::time::Duration::from_secs(3) {
        renew().await;
    }
    assert_eq!(get(&agent, &format!("/v1/session/info/{renewed}")).await.1[0]["ID"], renewed.as_str());
    agent.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_on_a_client_node_goes_when_the_client_fails() {
    use crate::support::process::{AgentProcess, FREE_PORTS};
    let server = dev_agent().await;
    let dir = crate::support::temp_dir();
    let join = server.agent.gossip.as_ref().unwrap().local().addr.to_string();
    let mut cmd = crate::support::fedctl_cmd(dir.path());
    cmd.args(["agent", "-node", "c1", "-data-dir", &dir.path().join("data").display().to_string()])
        .args(["-bind", "127.0.0.1", "-advertise", "127.0.0.1", "-join", &join])
        .args(FREE_PORTS);
    let client = AgentProcess::spawn(cmd);
    // The leader gives the client's node its serfHealth, which a session depends on by default.
    server
        .wait_json("/v1/health/node/c1", "the client's serfHealth, passing", |v| {
            v.as_array().is_some_and(|a| a.iter().any(|c| c["CheckID"] == "serfHealth" && c["Status"] == "passing"))
        })
        .await;
    let id = create(&server, Some(json!({"Node": "c1", "LockDelay": "0s"}))).await;
    let r = server.http.put(server.url(&format!("/v1/kv/client/leader?acquire={id}"))).send().await.unwrap();
    assert_eq!(r.text().await.unwrap(), "true");
    // kill -9: no leave; gossip finds it failed, serfHealth turns critical, the session goes.
    client.kill9();
    server
        .wait_json(&format!("/v1/session/info/{id}"), "the failed client's session invalidated", |v| *v == json!([]))
        .await;
    assert_eq!(get(&server, "/v1/kv/client/leader").await.1[0].get("Session"), None, "its lock released");
    let (_, checks) = get(&server, "/v1/health/node/c1").await;
    assert!(checks.as_array().unwrap().iter().any(|c| c["CheckID"] == "serfHealth" && c["Status"] == "critical"));
    server.stop().await;
}
