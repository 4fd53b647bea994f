//! Plain (no TLS) in-process servers of one datacenter: `fedctl operator raft remove-peer`
//! (`-address`, `-id`) and `DELETE /v1/operator/raft/peer` (`?id=`, `?address=`, 404, 400) on
//! servers that are gone; a leader leaving gracefully (`PUT /v1/agent/leave`); and a client
//! agent whose `-retry-join` address has no server yet.

use std::path::Path;

use fedctl::config::ConfigFlags;
use serde_json::Value;

use crate::support::agent::{TestAgent, agent_starting, agent_with, free_ports};
use crate::support::{Run, eventually, fedctl_cmd, run_cmd, temp_dir};

/// A server of dc1 on 127.0.0.1 with every port free, data under `dir`.
async fn server(dir: &Path, name: &str, expect: usize, join: Option<String>) -> TestAgent {
    agent_starting(ConfigFlags {
        server: true,
        bootstrap_expect: Some(u32::try_from(expect).unwrap()),
        node: Some(name.into()),
        data_dir: Some(dir.join(format!("data-{name}")).display().to_string()),
        bind: Some("127.0.0.1".into()),
        advertise: Some("127.0.0.1".into()),
        join: join.into_iter().collect(),
        ..free_ports()
    })
    .await
}

fn gossip_addr(a: &TestAgent) -> String {
    a.agent.gossip.as_ref().unwrap().local().addr.to_string()
}

fn node_name(a: &TestAgent) -> String {
    a.agent.config.node_name.clone()
}

/// GET `path` as JSON, or `None` while the agent answers an error.
async fn try_json(a: &TestAgent, path: &str) -> Option<Value> {
    let resp = a.http.get(a.url(path)).send().await.ok()?;
    if !resp.status().is_success() {
        return None;
    }
    resp.json().await.ok()
}

/// `n` servers s0..s(n-1) bootstrapped together, each seeing `n` raft voters and one leader.
async fn datacenter(dir: &Path, n: usize) -> Vec<TestAgent> {
    let first = server(dir, "s0", n, None).await;
    let join = gossip_addr(&first);
    let mut servers = vec![first];
    for i in 1..n {
        servers.push(server(dir, &format!("s{i}"), n, Some(join.clone())).await);
    }
    for s in &servers {
        eventually(&format!("{n} raft voters and a leader on {}", node_name(s)), async || {
            let voters = try_json(s, "/v1/status/peers").await.and_then(|v| v.as_array().map(Vec::len));
            let leader = try_json(s, "/v1/status/leader").await;
            voters == Some(n) && leader.is_some_and(|l| l.as_str().is_some_and(|l| !l.is_empty()))
        })
        .await;
    }
    servers
}

/// The index of the server that `servers[0]` names as the leader (once they agree).
async fn leader_index(servers: &[TestAgent]) -> usize {
    let mut found = None;
    eventually("every server names the same leader, one of them", async || {
        let mut leaders = Vec::new();
        for s in servers {
            leaders.push(try_json(s, "/v1/status/leader").await.and_then(|v| v.as_str().map(str::to_owned)));
        }
        found = match leaders[0].as_deref() {
            Some(l) if leaders.iter().all(|o| o.as_deref() == Some(l)) => {
                servers.iter().position(|s| s.agent.rpc_addr == l)
            }
            _ => None,
        };
        found.is_some()
    })
    .await;
    found.unwrap()
}

/// The raft configuration's servers as `(node, id, address, voter, leader)`.
fn peers(config: &Value) -> Vec<(String, String, String, bool, bool)> {
    config["Servers"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|s| {
                    (
                        s["Node"].as_str().unwrap_or_default().to_owned(),
                        s["ID"].as_str().unwrap_or_default().to_owned(),
                        s["Address"].as_str().unwrap_or_default().to_owned(),
                        s["Voter"] == true,
                        s["Leader"] == true,
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The sorted node names in `a`'s raft configuration.
async fn peer_names(a: &TestAgent) -> Vec<String> {
    let config = try_json(a, "/v1/operator/raft/configuration").await.unwrap_or(Value::Null);
    let mut names: Vec<String> = peers(&config).into_iter().map(|p| p.0).collect();
    names.sort();
    names
}

fn sorted_names(servers: &[TestAgent]) -> Vec<String> {
    let mut names: Vec<String> = servers.iter().map(node_name).collect();
    names.sort();
    names
}

/// The gossip status (1 alive, 3 left, 4 failed) of `node` as `a` sees it.
async fn member_status(a: &TestAgent, node: &str) -> Option<u64> {
    let members = try_json(a, "/v1/agent/members").await?;
    members.as_array()?.iter().find(|m| m["Name"] == node).and_then(|m| m["Status"].as_u64())
}

/// Waits until every server in `alive` sees `node` as failed in gossip, so the leader's
/// reconciliation no longer counts it as a server to add.
async fn wait_failed(alive: &[TestAgent], node: &str) {
    for s in alive {
        eventually(&format!("{} sees {node} as failed", node_name(s)), async || {
            member_status(s, node).await == Some(4)
        })
        .await;
    }
}

/// Waits until every server in `alive` has exactly the raft peers `want`.
async fn wait_peers(alive: &[TestAgent], want: &[String]) {
    for s in alive {
        eventually(&format!("{} has exactly the raft peers {want:?}", node_name(s)), async || {
            peer_names(s).await == want
        })
        .await;
    }
}

/// `fedctl args...` with `FEDCTL_HTTP_ADDR` set to `http`, off the async runtime (the agents
/// it talks to run on it).
async fn cli(dir: &Path, http: &str, args: &[&str]) -> Run {
    let (dir, http) = (dir.to_owned(), http.to_owned());
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    tokio::task::spawn_blocking(move || run_cmd(fedctl_cmd(&dir).args(&args).env("FEDCTL_HTTP_ADDR", &http)))
        .await
        .unwrap()
}

/// DELETE `/v1/operator/raft/peer` with `query` on `a`: (status, body).
async fn delete_peer(a: &TestAgent, query: &[(&str, &str)]) -> (u16, String) {
    let resp = a.http.delete(a.url("/v1/operator/raft/peer")).query(query).send().await.unwrap();
    (resp.status().as_u16(), resp.text().await.unwrap())
}

/// Removes followers that were stopped: two with the CLI (by address, then by node name), one
/// with the HTTP API (by raft ID); the survivors keep a working datacenter.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn remove_peer_removes_stopped_servers_by_address_and_by_id() {
    let dir = temp_dir();
    let p = dir.path();
    let mut alive = datacenter(p, 5).await;
    let leader = leader_index(&alive).await;
    let config = alive[leader].get_json("/v1/operator/raft/configuration").await;
    assert_eq!(peers(&config).len(), 5, "{config}");
    assert!(peers(&config).iter().all(|s| s.3), "every server votes: {config}");

    // Two followers stop for good (5 -> 3 alive keeps a quorum).
    let mut gone = Vec::new();
    for _ in 0..2 {
        let leader = leader_index(&alive).await;
        let idx = (0..alive.len()).find(|i| *i != leader).unwrap();
        let s = alive.remove(idx);
        let name = node_name(&s);
        let (_, id, address, _, _) = peers(&config).into_iter().find(|p| p.0 == name).unwrap();
        assert_eq!(address, s.agent.rpc_addr, "the raft address is the server's RPC address");
        s.stop().await;
        gone.push((name, id, address));
    }
    for (name, _, _) in &gone {
        wait_failed(&alive, name).await;
    }
    // Stopped, they are still raft peers until removed.
    let mut all: Vec<String> = sorted_names(&alive);
    all.extend(gone.iter().map(|g| g.0.clone()));
    all.sort();
    assert_eq!(peer_names(&alive[0]).await, all);

    let http = alive[0].base.clone();
    let (a_name, _, a_address) = gone[0].clone();
    let run = cli(p, &http, &["operator", "raft", "remove-peer", "-address", &a_address]).await;
    assert_eq!((run.code, run.stdout.clone()), (0, format!("Removed peer: {a_address}\n")), "{run:?}");
    let mut want = sorted_names(&alive);
    want.push(gone[1].0.clone());
    want.sort();
    wait_peers(&alive, &want).await;

    let b_name = gone[1].0.clone();
    let run = cli(p, &http, &["operator", "raft", "remove-peer", "-id", &b_name]).await;
    assert_eq!((run.code, run.stdout.clone()), (0, format!("Removed peer: {b_name}\n")), "{run:?}");
    wait_peers(&alive, &sorted_names(&alive)).await;

    // Removed peers, unknown peers and a request naming none are errors that change nothing.
    let run = cli(p, &http, &["operator", "raft", "remove-peer", "-id", &a_name]).await;
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("404") && run.stderr.contains("no raft member with that id or address"), "{run:?}");
    let run = cli(p, &http, &["operator", "raft", "remove-peer"]).await;
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("give -address or -id of the peer to remove"), "{}", run.stderr);
    for s in &alive {
        assert_eq!(delete_peer(s, &[]).await, (400, "Must specify ?id= or ?address=".to_owned()));
        assert_eq!(delete_peer(s, &[("id", "nope")]).await, (404, "no raft member with that id or address".to_owned()));
        assert_eq!(
            delete_peer(s, &[("address", a_address.as_str())]).await,
            (404, "no raft member with that id or address".to_owned())
        );
    }
    wait_peers(&alive, &sorted_names(&alive)).await;

    // A third follower stops (3 -> 2 alive); the API removes it by its raft ID.
    let leader = leader_index(&alive).await;
    let idx = (0..alive.len()).find(|i| *i != leader).unwrap();
    let c = alive.remove(idx);
    let c_name = node_name(&c);
    let config = alive[0].get_json("/v1/operator/raft/configuration").await;
    let (_, c_id, _, _, _) = peers(&config).into_iter().find(|p| p.0 == c_name).unwrap();
    assert_eq!(c_id, fedctl::raft::node_id_for(&c_name).to_string(), "the ID is the raft node ID");
    c.stop().await;
    wait_failed(&alive, &c_name).await;
    assert_eq!(delete_peer(&alive[0], &[("id", c_id.as_str())]).await, (200, String::new()));
    wait_peers(&alive, &sorted_names(&alive)).await;

    // Two voters, one leader, and writes still commit.
    let config = alive[0].get_json("/v1/operator/raft/configuration").await;
    let now = peers(&config);
    assert!(now.iter().all(|s| s.3), "both remaining servers vote: {config}");
    assert_eq!(now.iter().filter(|s| s.4).count(), 1, "one leader: {config}");
    let http = alive[0].base.clone();
    let run = cli(p, &http, &["operator", "raft", "list-peers", "-format=json"]).await;
    let listed: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(listed["Servers"].as_array().unwrap().len(), 2, "{listed}");
    for (i, s) in alive.iter().enumerate() {
        assert_eq!(s.put(&format!("/v1/kv/after-removal/{i}"), "v").await, (200, "true".into()));
    }
    for s in alive {
        s.stop().await;
    }
}

/// The leader of three servers leaves through the API: it hands over by removing itself, the
/// other two elect a leader between them and keep taking writes, and it is no raft voter
/// any more.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_leader_that_leaves_hands_over_to_the_others() {
    let dir = temp_dir();
    let mut servers = datacenter(dir.path(), 3).await;
    assert_eq!(servers[0].put("/v1/kv/before-leave", "v").await, (200, "true".into()));

    // Every read answers X-Consul-LastContact as a number of milliseconds.
    for s in &servers {
        let resp = s.http.get(s.url("/v1/catalog/nodes?stale")).send().await.unwrap();
        let header = resp.headers().get("X-Consul-LastContact").map(|v| v.to_str().unwrap().to_owned());
        assert!(header.as_deref().is_some_and(|v| v.parse::<u64>().is_ok()), "LastContact on {}: {header:?}", s.base);
    }

    let leader = leader_index(&servers).await;
    let old = servers.remove(leader);
    let (old_name, old_rpc) = (node_name(&old), old.agent.rpc_addr.clone());
    assert_eq!(old.put("/v1/agent/leave", "").await, (200, String::new()));

    // A new leader, among the other two, that both agree on.
    let rpcs: Vec<String> = servers.iter().map(|s| s.agent.rpc_addr.clone()).collect();
    for s in &servers {
        eventually(&format!("{} follows a new leader", node_name(s)), async || {
            let l = try_json(s, "/v1/status/leader").await.and_then(|v| v.as_str().map(str::to_owned));
            l.is_some_and(|l| l != old_rpc && rpcs.contains(&l))
        })
        .await;
    }
    let leader = leader_index(&servers).await;
    assert_ne!(servers[leader].agent.rpc_addr, old_rpc);

    // The old leader is no longer a raft member, let alone a voter, and shows as left.
    wait_peers(&servers, &sorted_names(&servers)).await;
    for s in &servers {
        let config = s.get_json("/v1/operator/raft/configuration").await;
        let now = peers(&config);
        assert!(now.iter().all(|p| p.0 != old_name && p.2 != old_rpc), "{old_name} is gone: {config}");
        assert!(now.iter().all(|p| p.3), "the two remaining servers vote: {config}");
        let voters = s.get_json("/v1/status/peers").await;
        assert_eq!(voters.as_array().unwrap().len(), 2, "{voters}");
        assert!(!voters.as_array().unwrap().iter().any(|v| v == old_rpc.as_str()), "{voters}");
        eventually(&format!("{} sees {old_name} as left", node_name(s)), async || {
            member_status(s, &old_name).await == Some(3)
        })
        .await;
    }
    old.stop().await;

    // Writes work through both remaining servers, and what was written before is still there.
    for (i, s) in servers.iter().enumerate() {
        assert_eq!(s.put(&format!("/v1/kv/after-leave/{i}"), "w").await, (200, "true".into()), "write via {i}");
    }
    for s in &servers {
        s.wait_json("/v1/kv/?keys&stale", "every write on every remaining server", |v| {
            v.as_array().is_some_and(|a| a.len() == 3)
        })
        .await;
    }
    for s in servers {
        s.stop().await;
    }
}

/// A client agent started with `-retry-join` pointing at a server that does not exist yet
/// keeps trying; once the server is up on that address, the client joins, shows in the
/// server's members, and reads and writes KV through it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retry_join_reaches_a_server_that_starts_later() {
    let dir = temp_dir();
    let p = dir.path();
    // A free port for the server's LAN gossip, below the ephemeral range (nothing else is
    // handed it by the OS in the meantime).
    let port = fedctl::lab::PortPicker::new().pick().unwrap();
    let server_gossip = format!("127.0.0.1:{port}");
    let client = agent_starting(ConfigFlags {
        node: Some("c1".into()),
        data_dir: Some(p.join("data-c1").display().to_string()),
        bind: Some("127.0.0.1".into()),
        advertise: Some("127.0.0.1".into()),
        http_port: Some(0),
        serf_lan_port: Some(0),
        serf_wan_port: Some(0),
        grpc_port: Some(0),
        join: vec![server_gossip.clone()],
        ..ConfigFlags::default()
    })
    .await;
    let members = client.get_json("/v1/agent/members").await;
    assert_eq!(members.as_array().unwrap().len(), 1, "nobody to join yet: {members}");

    let server = agent_with(ConfigFlags {
        server: true,
        bootstrap_expect: Some(1),
        node: Some("s1".into()),
        data_dir: Some(p.join("data-s1").display().to_string()),
        bind: Some("127.0.0.1".into()),
        advertise: Some("127.0.0.1".into()),
        serf_lan_port: Some(i64::from(port)),
        ..free_ports()
    })
    .await;
    assert_eq!(gossip_addr(&server), server_gossip);

    eventually("the server lists the client as an alive client agent", async || {
        let Some(members) = try_json(&server, "/v1/agent/members").await else { return false };
        members.as_array().is_some_and(|a| {
            a.len() == 2 && a.iter().any(|m| m["Name"] == "c1" && m["Status"] == 1 && m["Tags"]["role"] == "node")
        })
    })
    .await;
    eventually("the client lists the server as alive", async || member_status(&client, "s1").await == Some(1)).await;

    // KV through the client goes to the server.
    let mut written = (0, String::new());
    eventually("a write through the client", async || {
        written = client.put("/v1/kv/joined/late", "yes").await;
        written.0 == 200
    })
    .await;
    assert_eq!(written, (200, "true".into()));
    let on_server = server.get_json("/v1/kv/joined/late").await;
    assert_eq!(on_server[0]["Value"], "eWVz", "{on_server}");
    assert_eq!(server.put("/v1/kv/from/server", "s").await, (200, "true".into()));
    let via_client = client.get_json("/v1/kv/from/server").await;
    assert_eq!(via_client[0]["Value"], "cw==", "{via_client}");
    assert_eq!(client.get_json("/v1/status/leader").await, server.agent.rpc_addr.as_str());
    client.stop().await;
    server.stop().await;
}
