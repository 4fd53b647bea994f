//! Three server agents form a datacenter through gossip, with mutual TLS from certificates
//! made by `fedctl tls`: a leader is elected, a registration through one server is readable on
//! every server, and the datacenter survives the leader's loss.

use std::path::Path;

use fedctl::config::ConfigFlags;
use serde_json::{Value, json};

use crate::support::agent::{TestAgent, agent_starting, free_ports};
use crate::support::{eventually, fedctl_ok, temp_dir};

fn tls_config(dir: &Path, n: usize) -> std::path::PathBuf {
    let path = dir.join(format!("s{n}.hcl"));
    let text = fedctl::config::verified_tls_hcl(
        &dir.join("consul-agent-ca.pem"),
        &dir.join(format!("dc1-server-consul-{n}.pem")),
        &dir.join(format!("dc1-server-consul-{n}-key.pem")),
    );
    std::fs::write(&path, text).unwrap();
    path
}

/// TLS settings for the client agent: a `-client` certificate from the same CA.
fn client_tls(dir: &Path) -> std::path::PathBuf {
    fedctl_ok(dir, &["tls", "cert", "create", "-client", "-dc", "dc1"]);
    let path = dir.join("c1.hcl");
    let text = fedctl::config::verified_tls_hcl(
        &dir.join("consul-agent-ca.pem"),
        &dir.join("dc1-client-consul-0.pem"),
        &dir.join("dc1-client-consul-0-key.pem"),
    );
    std::fs::write(&path, text).unwrap();
    path
}

async fn server(dir: &Path, n: usize, join: Option<String>) -> TestAgent {
    agent_starting(ConfigFlags {
        server: true,
        bootstrap_expect: Some(3),
        node: Some(format!("s{n}")),
        data_dir: Some(dir.join(format!("data-s{n}")).display().to_string()),
        bind: Some("127.0.0.1".into()),
        advertise: Some("127.0.0.1".into()),
        join: join.into_iter().collect(),
        config_files: vec![tls_config(dir, n)],
        ..free_ports()
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_servers_form_a_datacenter_over_mutual_tls() {
    let dir = temp_dir();
    let p = dir.path();
    fedctl_ok(p, &["tls", "ca", "create"]);
    for n in 0..3 {
        fedctl_ok(p, &["tls", "cert", "create", "-server", "-dc", "dc1", "-node", &format!("s{n}")]);
    }
    // The agents start concurrently: bootstrap waits for all three to find each other.
    let first = {
        let p = p.to_owned();
        tokio::spawn(async move { server(&p, 0, None).await })
    };
    // s0's gossip address is needed by the others: wait for it to be up.
    let s0 = first.await.unwrap();
    let join = s0.agent.gossip.as_ref().unwrap().local().addr.to_string();
    let (s1, s2) = tokio::join!(server(p, 1, Some(join.clone())), server(p, 2, Some(join)));
    let servers = [s0, s1, s2];

    for s in &servers {
        eventually("every server sees the same leader", || async {
            s.get_json("/v1/status/leader").await.as_str().is_some_and(|l| !l.is_empty())
        })
        .await;
    }
    let leader = servers[0].get_json("/v1/status/leader").await;
    for s in &servers {
        assert_eq!(s.get_json("/v1/status/leader").await, leader);
        assert_eq!(s.get_json("/v1/status/peers").await.as_array().unwrap().len(), 3);
        s.wait_json("/v1/agent/members", "three alive members", |v| {
            v.as_array().is_some_and(|a| a.len() == 3 && a.iter().all(|m| m["Status"] == 1))
        })
        .await;
    }

    // A client agent joins; what is registered through it is readable on every server.
    let client = agent_starting(ConfigFlags {
        node: Some("c1".into()),
        datacenter: Some("dc1".into()),
        data_dir: Some(p.join("data-c1").display().to_string()),
        bind: Some("127.0.0.1".into()),
        advertise: Some("127.0.0.1".into()),
        http_port: Some(0),
        serf_lan_port: Some(0),
        serf_wan_port: Some(0),
        grpc_port: Some(0),
        join: vec![servers[0].agent.gossip.as_ref().unwrap().local().addr.to_string()],
        config_files: vec![client_tls(p)],
        ..ConfigFlags::default()
    })
    .await;
    let (status, body) =
        client.put("/v1/agent/service/register", json!({"Name": "api", "Port": 9000}).to_string()).await;
    assert_eq!(status, 200, "{body}");
    for s in &servers {
        s.wait_json("/v1/catalog/service/api?stale", "the client's service on every server", |v| {
            v.as_array().is_some_and(|a| a.len() == 1 && a[0]["Node"] == "c1")
        })
        .await;
    }
    // The client serves the API too: reads and writes go to the servers.
    assert_eq!(client.put("/v1/kv/via/client", "c").await, (200, "true".into()));
    client
        .wait_json("/v1/kv/via/client", "the client's write, read back through it", |v| v[0]["Value"] == "Yw==")
        .await;
    assert_eq!(client.get_json("/v1/status/leader").await, leader);
    client
        .wait_json("/v1/agent/members", "four members, one a client", |v| {
            v.as_array().is_some_and(|a| a.len() == 4 && a.iter().filter(|m| m["Tags"]["role"] == "node").count() == 1)
        })
        .await;

    // A fourth server that joins later becomes a raft voter.
    fedctl_ok(p, &["tls", "cert", "create", "-server", "-dc", "dc1", "-node", "s3"]);
    let late = server(p, 3, Some(servers[0].agent.gossip.as_ref().unwrap().local().addr.to_string())).await;
    for s in servers.iter().chain(std::iter::once(&late)) {
        s.wait_json("/v1/status/peers", "four raft voters", |v| v.as_array().is_some_and(|a| a.len() == 4)).await;
    }
    late.wait_json("/v1/kv/via/client?stale", "the late server caught up", |v| v[0]["Value"] == "Yw==").await;
    // It leaves gracefully: the leader removes it from raft, back to three voters.
    assert_eq!(late.put("/v1/agent/leave", "").await.0, 200);
    for s in &servers {
        s.wait_json("/v1/status/peers", "three raft voters again", |v| v.as_array().is_some_and(|a| a.len() == 3))
            .await;
    }
    late.stop().await;

    // Register through a follower; read from every server.
    let follower = servers.iter().find(|s| json!(s.agent.rpc_addr) != leader).unwrap();
    let (status, body) =
        follower.put("/v1/agent/service/register", json!({"Name": "web", "Port": 80}).to_string()).await;
    assert_eq!(status, 200, "{body}");
    for s in &servers {
        s.wait_json("/v1/catalog/service/web?stale", "web on every server", |v| {
            v.as_array().is_some_and(|a| a.len() == 1)
        })
        .await;
    }
    assert_eq!(follower.put("/v1/kv/written/through/follower", "yes").await, (200, "true".into()));

    // Kill the leader: the others elect a new one and keep taking writes.
    let leader_addr = leader.as_str().unwrap().to_owned();
    let (dead, alive): (Vec<TestAgent>, Vec<TestAgent>) =
        servers.into_iter().partition(|s| s.agent.rpc_addr == leader_addr);
    for d in dead {
        d.stop().await;
    }
    for s in &alive {
        eventually("a new leader", || async {
            let l = s.get_json("/v1/status/leader").await;
            l.as_str().is_some_and(|l| !l.is_empty() && l != leader_addr)
        })
        .await;
    }
    for (i, s) in alive.iter().enumerate() {
        assert_eq!(s.put(&format!("/v1/kv/after/{i}"), "x").await, (200, "true".into()), "write via survivor {i}");
    }
    for s in &alive {
        s.wait_json("/v1/kv/?keys&stale", "every write everywhere", |v| v.as_array().is_some_and(|a| a.len() == 4))
            .await;
    }
    let members: Value = alive[0]
        .wait_json("/v1/agent/members", "the dead leader shows as failed", |v| {
            v.as_array().is_some_and(|a| a.iter().filter(|m| m["Status"] == 4).count() == 1)
        })
        .await;
    // s0-s2, the client, and s3 (which left).
    assert_eq!(members.as_array().unwrap().len(), 5);
    assert_eq!(members.as_array().unwrap().iter().filter(|m| m["Status"] == 3).count(), 1, "{members}");
    for s in alive {
        s.stop().await;
    }
    client.stop().await;
}

/// A client agent that has joined no server yet answers with the reference's message (after
/// retrying for the hold timeout, as the reference does), not "No cluster leader".
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_agent_that_knows_no_server_says_so() {
    let dir = temp_dir();
    let client = agent_starting(ConfigFlags {
        node: Some("lonely".into()),
        data_dir: Some(dir.path().join("data").display().to_string()),
        bind: Some("127.0.0.1".into()),
        advertise: Some("127.0.0.1".into()),
        ..free_ports()
    })
    .await;
    let resp = client.http.get(client.url("/v1/kv/anything")).send().await.unwrap();
    assert_eq!(resp.status(), 500);
    assert_eq!(resp.text().await.unwrap(), "No known Consul servers");
    client.stop().await;
}
