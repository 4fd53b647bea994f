//! Three real `fedctl agent -server` processes with mutual TLS: the operator commands, kill -9
//! of every server after acknowledged writes (nothing lost), and a graceful leave.

use std::path::Path;

use serde_json::Value;

use crate::support::process::{AgentProcess, get};
use crate::support::{eventually, fedctl_cmd, fedctl_ok, http_client, run_cmd, temp_dir};

pub(super) fn tls_file(dir: &Path, n: usize) -> String {
    let path = dir.join(format!("tls-s{n}.hcl"));
    let text = fedctl::config::verified_tls_hcl(
        &dir.join("consul-agent-ca.pem"),
        &dir.join(format!("dc1-server-consul-{n}.pem")),
        &dir.join(format!("dc1-server-consul-{n}-key.pem")),
    );
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// Starts server `n`; `ports` = (server RPC, gossip) to reuse, `join` = a gossip address.
fn spawn(dir: &Path, n: usize, ports: Option<(u16, u16)>, join: Option<&str>) -> AgentProcess {
    // These servers restart on the same ports, so they take ports the OS never hands out for
    // port 0 (below the ephemeral range): another test's agent cannot grab one in between.
    let (rpc, serf) = ports.unwrap_or_else(|| (unassigned_port(), unassigned_port()));
    let (rpc, serf) = (rpc.to_string(), serf.to_string());
    let mut cmd = fedctl_cmd(dir);
    cmd.args(["agent", "-server", "-bootstrap-expect", "3", "-node", &format!("s{n}")])
        .args(["-bind", "127.0.0.1", "-advertise", "127.0.0.1", "-http-port", "0"])
        .args(["-server-port", &rpc, "-serf-lan-port", &serf, "-serf-wan-port", "0"])
        .args(["-grpc-port", "0", "-dns-port", "0"])
        .args(["-data-dir", &dir.join(format!("data-s{n}")).display().to_string()])
        .args(["-config-file", &tls_file(dir, n)]);
    if let Some(j) = join {
        cmd.args(["-join", j]);
    }
    AgentProcess::spawn(cmd)
}

fn port(addr: &str) -> u16 {
    addr.rsplit(':').next().unwrap().parse().unwrap()
}

pub(super) async fn leader_of(http: &str) -> String {
    let client = http_client();
    get(&client, &format!("{http}/v1/status/leader")).await.json::<String>().await.unwrap_or_default()
}

async fn kv_count(http: &str) -> usize {
    let client = http_client();
    let resp = get(&client, &format!("{http}/v1/kv/k/?keys&stale")).await;
    if !resp.status().is_success() {
        return 0;
    }
    resp.json::<Vec<String>>().await.map(|v| v.len()).unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_three_server_datacenter_of_processes() {
    let dir = temp_dir();
    let p = dir.path();
    fedctl_ok(p, &["tls", "ca", "create"]);
    for n in 0..3 {
        fedctl_ok(p, &["tls", "cert", "create", "-server", "-node", &format!("s{n}")]);
    }
    let s0 = spawn(p, 0, None, None);
    let join = s0.gossip.clone();
    let mut servers = vec![s0, spawn(p, 1, None, Some(&join)), spawn(p, 2, None, Some(&join))];
    for s in &servers {
        eventually("a leader", || async { !leader_of(&s.http).await.is_empty() }).await;
    }
    let cli = |http: &str, args: &[&str]| {
        let mut cmd = fedctl_cmd(p);
        cmd.args(args).env("FEDCTL_HTTP_ADDR", http);
        run_cmd(&mut cmd)
    };

    // Operator views.
    let http0 = servers[0].http.clone();
    eventually("three alive members", || async {
        let run = cli(&http0, &["members", "-format=json"]);
        serde_json::from_str::<Value>(&run.stdout)
            .is_ok_and(|v| v.as_array().is_some_and(|a| a.len() == 3 && a.iter().all(|m| m["Status"] == 1)))
    })
    .await;
    let table = cli(&http0, &["members"]).stdout;
    assert!(table.starts_with("Node") && table.matches("alive").count() == 3, "{table}");
    let peers = cli(&http0, &["operator", "raft", "list-peers"]);
    assert_eq!(peers.code, 0, "{peers:?}");
    assert_eq!(peers.stdout.matches("leader").count(), 1, "{}", peers.stdout);
    assert_eq!(peers.stdout.matches("follower").count(), 2, "{}", peers.stdout);

    // Acknowledged writes, through every server.
    let client = http_client();
    for i in 0..300 {
        let http = &servers[i % 3].http;
        let resp = client.put(format!("{http}/v1/kv/k/{i:04}")).body("v").send().await.unwrap();
        assert_eq!(resp.text().await.unwrap(), "true");
    }
    // kill -9 every server, then restart them on the same ports and data.
    let ports: Vec<(u16, u16)> = servers.iter().map(|s| (port(&s.rpc), port(&s.gossip))).collect();
    for s in servers.drain(..) {
        s.kill9();
    }
    let gossip0 = format!("127.0.0.1:{}", ports[0].1);
    for (n, ports) in ports.iter().enumerate() {
        servers.push(spawn(p, n, Some(*ports), Some(&gossip0)));
    }
    for s in &servers {
        eventually("all 300 keys back on every server", || async { kv_count(&s.http).await == 300 }).await;
    }

    // kill -9 the leader: the others elect a new one and take writes; the old leader, restarted,
    // rejoins and catches up to the same KV contents.
    let old_leader = leader_of(&servers[0].http).await;
    let idx = servers.iter().position(|s| s.rpc == old_leader).unwrap();
    let killed = servers.remove(idx);
    let killed_ports = (port(&killed.rpc), port(&killed.gossip));
    killed.kill9();
    for s in &servers {
        eventually("a new leader", || async {
            let l = leader_of(&s.http).await;
            !l.is_empty() && l != old_leader
        })
        .await;
    }
    for i in 0..50 {
        let http = &servers[i % 2].http;
        let resp = client.put(format!("{http}/v1/kv/k/after-{i:02}")).body("w").send().await.unwrap();
        assert_eq!(resp.text().await.unwrap(), "true", "write {i} through a survivor");
    }
    let survivor_gossip = servers[0].gossip.clone();
    servers.insert(idx, spawn(p, idx, Some(killed_ports), Some(&survivor_gossip)));
    let keys = |http: String| async move {
        let client = http_client();
        let resp = get(&client, &format!("{http}/v1/kv/k/?recurse&stale")).await;
        let entries: Vec<Value> = resp.json().await.unwrap_or_default();
        entries.iter().map(|e| (e["Key"].clone(), e["ModifyIndex"].clone())).collect::<Vec<_>>()
    };
    // Every server's own copy (stale reads answer locally) reaches all 350 keys, with the
    // same modify indexes everywhere.
    for s in &servers {
        let http = s.http.clone();
        eventually("350 keys in every server's own copy", || {
            let http = http.clone();
            async move { keys(http).await.len() == 350 }
        })
        .await;
    }
    let reference = keys(servers[0].http.clone()).await;
    for s in &servers {
        assert_eq!(keys(s.http.clone()).await, reference, "same keys and indexes on {}", s.http);
    }

    // A graceful leave of a follower: it stops, shows as left, and is no longer a raft peer.
    let leader = leader_of(&servers[0].http).await;
    let idx = servers.iter().position(|s| s.rpc != leader).unwrap();
    let leaving = servers.remove(idx);
    let run = cli(&leaving.http, &["leave"]);
    assert_eq!(run.stdout, "Graceful leave complete\n", "{run:?}");
    let mut leaving = leaving;
    let exited = tokio::task::spawn_blocking(move || leaving.child.wait().map(|s| s.success())).await.unwrap();
    assert!(exited.unwrap(), "the agent exits after leaving");
    let http = servers[0].http.clone();
    eventually("the leaver shows as left", || async {
        let run = cli(&http, &["members", "-format=json"]);
        serde_json::from_str::<Value>(&run.stdout)
            .is_ok_and(|v| v.as_array().is_some_and(|a| a.iter().any(|m| m["Status"] == 3)))
    })
    .await;
    eventually("two raft peers remain", || async {
        let run = cli(&http, &["operator", "raft", "list-peers", "-format=json"]);
        serde_json::from_str::<Value>(&run.stdout).is_ok_and(|v| v["Servers"].as_array().is_some_and(|a| a.len() == 2))
    })
    .await;
    let resp = client.put(format!("{http}/v1/kv/after-leave")).body("v").send().await.unwrap();
    assert_eq!(resp.text().await.unwrap(), "true", "two servers still take writes");
}

/// A port below Linux's ephemeral range (32768-60999) that is free for TCP and UDP now.
pub(super) fn unassigned_port() -> u16 {
    fedctl::lab::PortPicker::new().pick().unwrap()
}
