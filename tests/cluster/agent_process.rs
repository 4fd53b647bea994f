//! The real `fedctl agent` process: kill -9 durability, config errors, the CLI against it,
//! and `agent -dev` with no flags at all (in its own network namespace, so port 8500 is free).

use std::time::Duration;

use serde_json::Value;

use crate::support::netns::Netns;
use crate::support::process::{AgentProcess, get};
use crate::support::{FEDCTL, eventually_with, fedctl, fedctl_cmd, have_tool, run_cmd, temp_dir};

/// Every key under `prefix` with its create/modify indexes.
async fn kv_snapshot(client: &reqwest::Client, http: &str) -> Vec<(String, u64, u64, String)> {
    let resp = get(client, &format!("{http}/v1/kv/k/?recurse")).await;
    if resp.status() == 404 {
        return Vec::new();
    }
    let entries: Vec<Value> = resp.json().await.unwrap();
    entries
        .iter()
        .map(|e| {
            (
                e["Key"].as_str().unwrap().to_owned(),
                e["CreateIndex"].as_u64().unwrap(),
                e["ModifyIndex"].as_u64().unwrap(),
                e["Value"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

async fn write_keys(client: &reqwest::Client, http: &str, n: usize) {
    let mut writers = tokio::task::JoinSet::new();
    for worker in 0..16 {
        let (client, http) = (client.clone(), http.to_owned());
        writers.spawn(async move {
            for i in (worker..n).step_by(16) {
                let resp =
                    client.put(format!("{http}/v1/kv/k/{i:05}")).body(format!("value-{i}")).send().await.unwrap();
                assert_eq!(resp.text().await.unwrap(), "true", "write {i} acknowledged");
            }
        });
    }
    while let Some(r) = writers.join_next().await {
        r.unwrap();
    }
}

async fn survives_kill9(extra_config: Option<&str>) {
    let dir = temp_dir();
    let mut extra = Vec::new();
    let config_path = dir.path().join("extra.hcl");
    if let Some(text) = extra_config {
        std::fs::write(&config_path, text).unwrap();
        extra = vec!["-config-file", config_path.to_str().unwrap()];
    }
    let client = crate::support::http_client();
    let agent = AgentProcess::durable(dir.path(), &extra);
    let http = agent.http.clone();
    agent.wait_for_leader().await;
    write_keys(&client, &http, 1000).await;
    let before = kv_snapshot(&client, &http).await;
    assert_eq!(before.len(), 1000);
    if extra_config.is_some() {
        // The log is compacted behind snapshots (purging follows each snapshot).
        let gauge = async |name: &str| {
            let metrics: Value = get(&client, &format!("{http}/v1/agent/metrics")).await.json().await.unwrap();
            metrics["Gauges"].as_array().unwrap().iter().find(|g| g["Name"] == name).unwrap()["Value"].as_f64().unwrap()
        };
        eventually_with("a snapshot", || agent.log(), async || gauge("fedctl.raft.snapshot_index").await > 0.0).await;
        eventually_with("a compacted log", || agent.log(), async || gauge("fedctl.raft.log_entries").await < 500.0)
            .await;
    }
    agent.kill9();

    let agent = AgentProcess::durable(dir.path(), &extra);
    let http = agent.http.clone();
    eventually_with("all 1000 keys back", || agent.log(), async || kv_snapshot(&client, &http).await.len() == 1000)
        .await;
    assert_eq!(kv_snapshot(&client, &http).await, before, "same keys, values and indexes");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_writes_survive_kill_9() {
    survives_kill9(None).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_writes_survive_kill_9_after_log_compaction() {
    survives_kill9(Some("raft_snapshot_threshold = 100\n")).await;
}

#[test]
fn config_errors_exit_1_naming_file_and_key() {
    let dir = temp_dir();
    let p = dir.path();
    std::fs::write(p.join("bad.hcl"), "server = true\ndata_dir = \"/tmp/x\"\nports {\n  http = 70000\n}\n").unwrap();
    std::fs::write(p.join("unknown.json"), r#"{"server": true, "data_dir": "/tmp/x", "nodename": "n1"}"#).unwrap();
    std::fs::write(p.join("types.json"), "{\"datacenter\": \"dc1\",\n \"server\": \"yes\"}\n").unwrap();
    std::fs::write(p.join("syntax.hcl"), "server = true\nx = = 3\n").unwrap();
    let cases: &[(&[&str], &str)] = &[
        (&["agent", "-config-file", "bad.hcl"], "config file bad.hcl, ports.http = \"70000\""),
        (
            &["agent", "-config-file", "unknown.json"],
            "unknown.json:1: unknown key \"nodename\" (did you mean \"node_name\"?)",
        ),
        // Every file's problems at once; a wrong value with its line; a syntax error in a line.
        (
            &["agent", "-dev", "-config-file", "unknown.json", "-config-file", "types.json"],
            "unknown.json:1: unknown key \"nodename\" (did you mean \"node_name\"?)",
        ),
        (
            &["agent", "-dev", "-config-file", "unknown.json", "-config-file", "types.json"],
            "config file types.json:2, key server: invalid type: string \"yes\", expected a boolean",
        ),
        (&["agent", "-config-file", "syntax.hcl"], "config file syntax.hcl: line 2, column 5: invalid expression"),
        (&["agent", "-server"], "no data directory"),
        (&["agent", "-dev", "-node", "n1.dc1"], "flag -node, node_name = \"n1.dc1\": must be a DNS label"),
        (&["agent", "-dev", "-http-port", "99999"], "flag -http-port, ports.http"),
    ];
    for (args, expected) in cases {
        let run = fedctl(p, args);
        assert_eq!(run.code, 1, "{args:?}: {run:?}");
        assert!(run.stderr.contains(expected), "{args:?}: {:?} lacks {expected:?}", run.stderr);
    }
}

#[test]
fn ports_taken_by_another_process_are_all_named_at_once_with_what_to_do() {
    let dir = temp_dir();
    let http = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let lan = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    let (http_port, lan_port) = (http.local_addr().unwrap().port(), lan.local_addr().unwrap().port());
    let run = fedctl(
        dir.path(),
        &["agent", "-dev", "-http-port", &http_port.to_string(), "-serf-lan-port", &lan_port.to_string()]
            .into_iter()
            .chain(["-server-port", "0", "-serf-wan-port", "0", "-grpc-port", "0", "-dns-port", "0"])
            .collect::<Vec<_>>(),
    );
    assert_eq!(run.code, 1, "{run:?}");
    let expected = format!("error: ports are in use: HTTP 127.0.0.1:{http_port}, LAN gossip 127.0.0.1:{lan_port}\n");
    assert!(run.stderr.contains(&expected), "{}", run.stderr);
    assert!(run.stderr.contains("hint: is another agent running here? Stop it (`fedctl leave`)"), "{}", run.stderr);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cli_talks_to_the_agent() {
    let dir = temp_dir();
    let agent = AgentProcess::durable(dir.path(), &[]);
    let http = agent.http.clone();
    let cli = |args: &[&str]| {
        let mut cmd = fedctl_cmd(dir.path());
        cmd.args(args).env("FEDCTL_HTTP_ADDR", &http);
        run_cmd(&mut cmd)
    };
    agent.wait_for_leader().await;

    assert_eq!(cli(&["kv", "put", "app/config", "hello"]).stdout, "Success! Data written to: app/config\n");
    assert_eq!(cli(&["kv", "get", "app/config"]).stdout, "hello\n");
    let detailed = cli(&["kv", "get", "-format=json", "app/config"]);
    let entry: Value = serde_json::from_str(&detailed.stdout).unwrap();
    let index = entry[0]["ModifyIndex"].as_u64().unwrap();
    let stale = cli(&["kv", "put", "-cas", "-modify-index", &(index + 50).to_string(), "app/config", "x"]);
    assert_eq!(stale.code, 1, "{stale:?}");
    assert!(stale.stderr.contains("check-and-set"), "{}", stale.stderr);
    let fresh = cli(&["kv", "put", "-cas", "-modify-index", &index.to_string(), "app/config", "v2"]);
    assert_eq!(fresh.code, 0, "{fresh:?}");
    assert_eq!(cli(&["kv", "get", "-recurse", "app/"]).stdout, "app/config:v2\n");
    assert_eq!(cli(&["kv", "delete", "app/config"]).code, 0);
    let gone = cli(&["kv", "get", "app/config"]);
    assert_eq!(gone.code, 1);
    assert!(gone.stderr.contains("no key exists"), "{}", gone.stderr);

    std::fs::write(dir.path().join("web.hcl"), "service {\n  name = \"web\"\n  port = 8080\n  tags = [\"v1\"]\n}\n")
        .unwrap();
    assert_eq!(cli(&["services", "register", "web.hcl"]).stdout, "Registered service: web\n");
    let mut services = Value::Null;
    for _ in 0..400 {
        services = serde_json::from_str(&cli(&["catalog", "services", "-format", "json"]).stdout).unwrap();
        if services.get("web").is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    assert_eq!(services["web"], serde_json::json!(["v1"]), "{services}");
    assert_eq!(cli(&["services", "deregister", "web.hcl"]).stdout, "Deregistered service: web\n");

    let nodes: Value = serde_json::from_str(&cli(&["catalog", "nodes", "-format=json"]).stdout).unwrap();
    assert_eq!(nodes[0]["Node"], "n1");
    let table = cli(&["members"]).stdout;
    assert!(table.starts_with("Node") && table.contains("n1") && table.contains("alive"), "{table}");
    assert_eq!(cli(&["catalog", "datacenters"]).stdout, "dc1\n");
}

/// `fedctl agent -dev` with no flags at all, and clients with their defaults.
#[test]
fn dev_agent_needs_no_flags() {
    let Some(ns) = Netns::for_test("to give the flagless agent its own network namespace (port 8500)") else {
        return;
    };
    let mut cmd = ns.command(FEDCTL);
    cmd.args(["agent", "-dev"]).env_remove("FEDCTL_HTTP_ADDR").env_remove("CONSUL_HTTP_ADDR");
    let agent = AgentProcess::spawn(cmd);
    assert_eq!(agent.http, "http://127.0.0.1:8500");

    let in_ns = |args: &[&str]| {
        let mut cmd = ns.command(FEDCTL);
        cmd.args(args).env_remove("FEDCTL_HTTP_ADDR").env_remove("CONSUL_HTTP_ADDR");
        run_cmd(&mut cmd)
    };
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        let run = in_ns(&["kv", "put", "hello", "world"]);
        if run.code == 0 {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "no leader: {run:?}\n{}", agent.output.lock().unwrap());
        std::thread::sleep(Duration::from_millis(25));
    }
    assert_eq!(in_ns(&["kv", "get", "hello"]).stdout, "world\n");
    // The DNS interface on Consul's port, shown by members.
    let members = in_ns(&["members"]).stdout;
    assert!(members.lines().next().unwrap().ends_with("DNS"), "{members}");
    assert!(members.lines().nth(1).unwrap().ends_with("127.0.0.1:8600"), "{members}");
    if have_tool("dig", "to ask the DNS interface") {
        let out = ns.command("dig").args(["@127.0.0.1", "-p", "8600", "+short", "consul.service.consul"]).output();
        assert_eq!(String::from_utf8_lossy(&out.unwrap().stdout), "127.0.0.1\n");
    }
    if have_tool("curl", "to query the API as the acceptance test does") {
        let out = ns.command("curl").args(["-s", "localhost:8500/v1/status/leader"]).output().unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stdout), "\"127.0.0.1:8300\"");
    }
}
