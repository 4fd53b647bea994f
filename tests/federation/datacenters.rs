//! Several datacenters in one WAN pool: membership, cross-datacenter reads and writes.

use std::time::Duration;

use fedctl::config::ConfigFlags;
use serde_json::Value;

use crate::support::agent::{TestAgent, agent_with, dc_server, free_ports};
use crate::support::eventually;
use crate::support::gateway::register_gateway;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_datacenters_share_a_wan_pool_and_serve_each_other() {
    let dc1 = dc_server("dc1", None).await;
    let wan = dc1.agent.wan.as_ref().unwrap().local().addr.to_string();
    let dc2 = dc_server("dc2", Some(wan.clone())).await;
    let dc3 = dc_server("dc3", Some(wan)).await;
    let all = [&dc1, &dc2, &dc3];

    for a in all {
        let members = a
            .wait_json("/v1/agent/members?wan=1", "every server alive in the WAN pool", |v| {
                v.as_array().is_some_and(|m| m.len() == 3 && m.iter().all(|x| x["Status"] == 1))
            })
            .await;
        let mut names: Vec<&str> = members.as_array().unwrap().iter().map(|m| m["Name"].as_str().unwrap()).collect();
        names.sort();
        assert_eq!(names, ["s-dc1.dc1", "s-dc2.dc2", "s-dc3.dc3"], "WAN member names are <node>.<dc>");
        a.wait_json("/v1/catalog/datacenters", "three datacenters", |v| v == &serde_json::json!(["dc1", "dc2", "dc3"]))
            .await;
    }

    // Writes and reads in another datacenter, both ways.
    assert_eq!(dc1.put("/v1/kv/from/dc1?dc=dc3", "hello dc3").await, (200, "true".into()));
    let in_dc3: Value = dc3.get_json("/v1/kv/from/dc1").await;
    assert_eq!(in_dc3[0]["Value"], "aGVsbG8gZGMz", "the write landed in dc3");
    assert_eq!(dc1.http.get(dc1.url("/v1/kv/from/dc1")).send().await.unwrap().status(), 404, "not in dc1");
    assert_eq!(dc1.put("/v1/kv/only/dc1", "x").await.0, 200);
    let from_dc3 = dc3.get_json("/v1/kv/only/dc1?dc=dc1").await;
    assert_eq!(from_dc3[0]["Key"], "only/dc1");
    let services = dc2.get_json("/v1/catalog/services?dc=dc3").await;
    assert!(services.get("consul").is_some(), "dc3's catalog read from dc2: {services}");

    let resp = dc2.http.get(dc2.url("/v1/kv/x?dc=nowhere")).send().await.unwrap();
    assert_eq!(resp.status(), 500);
    assert_eq!(resp.text().await.unwrap(), "No path to datacenter \"nowhere\"");
    let resp = dc2.http.put(dc2.url("/v1/kv/x?dc=nowhere")).body("v").send().await.unwrap();
    assert_eq!(resp.status(), 500);

    // A blocking read in another datacenter wakes on a change there.
    let index: u64 = dc1.http.get(dc1.url("/v1/kv/watched?dc=dc2")).send().await.unwrap().headers()["X-Consul-Index"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    let before = dc1.requests().await;
    let mut waiter = {
        let (http, url) = (dc1.http.clone(), dc1.url(&format!("/v1/kv/watched?dc=dc2&index={index}&wait=1m")));
        tokio::spawn(async move { http.get(url).send().await.unwrap().json::<Value>().await.unwrap() })
    };
    dc1.assert_parked(before, &mut waiter).await;
    assert_eq!(dc2.put("/v1/kv/watched", "now").await.0, 200);
    let seen = tokio::time::timeout(Duration::from_secs(30), waiter).await.unwrap().unwrap();
    assert_eq!(seen[0]["Value"], "bm93");

    for a in [dc1, dc2, dc3] {
        a.stop().await;
    }
}

/// One of three durable servers of `dc`, joining the LAN pool through `join` and the WAN pool
/// through `join_wan`.
async fn one_of_three(dir: &std::path::Path, dc: &str, n: usize, join: Option<String>, join_wan: String) -> TestAgent {
    crate::support::agent::agent_starting(ConfigFlags {
        server: true,
        bootstrap_expect: Some(3),
        node: Some(format!("s{n}-{dc}")),
        datacenter: Some(dc.into()),
        primary_datacenter: Some("dc1".into()),
        data_dir: Some(dir.join(format!("{dc}-s{n}")).display().to_string()),
        bind: Some("127.0.0.1".into()),
        advertise: Some("127.0.0.1".into()),
        join: join.into_iter().collect(),
        join_wan: vec![join_wan],
        ..free_ports()
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_datacenter_of_three_servers_federates_like_a_single_server_one() {
    let dir = crate::support::temp_dir();
    let dc1 = dc_server("dc1", None).await;
    let wan = dc1.agent.wan.as_ref().unwrap().local().addr.to_string();
    let dc2 = dc_server("dc2", Some(wan.clone())).await;
    let s0 = one_of_three(dir.path(), "dc3", 0, None, wan.clone()).await;
    let lan = s0.agent.gossip.as_ref().unwrap().local().addr.to_string();
    let (s1, s2) = tokio::join!(
        one_of_three(dir.path(), "dc3", 1, Some(lan.clone()), wan.clone()),
        one_of_three(dir.path(), "dc3", 2, Some(lan), wan)
    );
    let dc3 = [s0, s1, s2];
    for s in &dc3 {
        s.agent.raft().unwrap().wait_for_leader(Duration::from_secs(30)).await.expect("dc3 elects a leader");
    }

    let everyone: Vec<&TestAgent> = [&dc1, &dc2].into_iter().chain(dc3.iter()).collect();
    for a in &everyone {
        let members = a
            .wait_json("/v1/agent/members?wan=1", "five servers alive in the WAN pool", |v| {
                v.as_array().is_some_and(|m| m.len() == 5 && m.iter().all(|x| x["Status"] == 1))
            })
            .await;
        let mut names: Vec<&str> = members.as_array().unwrap().iter().map(|m| m["Name"].as_str().unwrap()).collect();
        names.sort();
        assert_eq!(names, ["s-dc1.dc1", "s-dc2.dc2", "s0-dc3.dc3", "s1-dc3.dc3", "s2-dc3.dc3"]);
    }

    // A write from dc1 to dc3 reaches whichever dc3 server it lands on, which hands it to its
    // leader; every dc3 server then holds it, and each can read dc1.
    assert_eq!(dc1.put("/v1/kv/from/dc1?dc=dc3", "to three").await, (200, "true".into()));
    assert_eq!(dc1.put("/v1/kv/only/dc1", "one").await.0, 200);
    for s in &dc3 {
        eventually("the write replicated to every dc3 server", || async {
            let resp = s.http.get(s.url("/v1/kv/from/dc1?stale")).send().await.unwrap();
            resp.status() == 200 && resp.json::<Value>().await.unwrap()[0]["Value"] == "dG8gdGhyZWU="
        })
        .await;
        let there = s.get_json("/v1/kv/only/dc1?dc=dc1").await;
        assert_eq!(there[0]["Value"], "b25l");
    }
    // Many writes, spread by the router over dc3's servers, all land.
    for i in 0..20 {
        assert_eq!(dc2.put(&format!("/v1/kv/many/{i}?dc=dc3"), "v").await.0, 200);
    }
    let keys = dc1.get_json("/v1/kv/many/?keys&dc=dc3").await;
    assert_eq!(keys.as_array().unwrap().len(), 20, "{keys}");

    for a in [dc1, dc2].into_iter().chain(dc3) {
        a.stop().await;
    }
}

/// The mesh gateways of each datacenter, as `server`'s own copy of the federation states says.
async fn gateways_seen(server: &TestAgent, dc: &str) -> Option<Vec<Value>> {
    let resp = server.http.get(server.url(&format!("/v1/internal/federation-state/{dc}?stale"))).send().await.unwrap();
    if resp.status() == 404 {
        return None;
    }
    let body: Value = resp.json().await.unwrap();
    Some(body["State"]["MeshGateways"].as_array().cloned().unwrap_or_default())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mesh_gateway_in_one_datacenter_reaches_every_datacenters_federation_state() {
    let dc1 = dc_server("dc1", None).await;
    let wan = dc1.agent.wan.as_ref().unwrap().local().addr.to_string();
    let dc2 = dc_server("dc2", Some(wan.clone())).await;
    let dc3 = dc_server("dc3", Some(wan)).await;
    let all = [&dc1, &dc2, &dc3];
    for a in all {
        a.wait_json("/v1/agent/members?wan=1", "three alive servers", |v| {
            v.as_array().is_some_and(|m| m.len() == 3 && m.iter().all(|x| x["Status"] == 1))
        })
        .await;
    }

    let gateway = serde_json::json!({
        "Name": "mesh-gateway", "Kind": "mesh-gateway", "Port": 8443,
        "Meta": {"consul-wan-federation": "1"},
        "TaggedAddresses": {"lan": {"Address": "10.2.0.5", "Port": 8443}, "wan": {"Address": "198.51.100.2", "Port": 8443}},
        "Check": {"CheckID": "gw-alive", "TTL": "30s"}
    });
    assert_eq!(dc2.put("/v1/agent/service/register", gateway.to_string()).await.0, 200);
    assert_eq!(dc2.put("/v1/agent/check/pass/gw-alive", "").await.0, 200);
    for a in all {
        eventually("dc2's gateway in every datacenter's federation states", || async {
            gateways_seen(a, "dc2").await.is_some_and(|g| {
                g.len() == 1
                    && g[0]["Service"]["TaggedAddresses"]["wan"]["Address"] == "198.51.100.2"
                    && g[0]["Checks"].as_array().is_some_and(|c| c.iter().any(|c| c["Status"] == "passing"))
            })
        })
        .await;
    }
    let gws = dc3.get_json("/v1/internal/federation-states/mesh-gateways?stale").await;
    assert_eq!(gws["dc2"][0]["Service"]["Meta"]["consul-wan-federation"], "1");
    let status = dc3.get_json("/v1/internal/federation-states/replication").await;
    assert_eq!(status["Enabled"], true);
    assert_eq!(status["SourceDatacenter"], "dc1");
    assert!(status["LastSuccess"].is_string(), "{status}");

    // The operator's view from dc3.
    let cli = |args: &[&str]| {
        let dir = crate::support::temp_dir();
        let mut cmd = crate::support::fedctl_cmd(dir.path());
        cmd.args(args).env("FEDCTL_HTTP_ADDR", &dc3.base);
        crate::support::run_cmd(&mut cmd)
    };
    let table = cli(&["federation-state", "list"]);
    assert_eq!(table.code, 0, "{table:?}");
    let lines: Vec<&str> = table.stdout.lines().collect();
    assert!(lines[0].starts_with("Datacenter") && lines[0].contains("Gateways"), "{}", table.stdout);
    let dc2_row = lines.iter().find(|l| l.starts_with("dc2")).unwrap();
    assert!(dc2_row.contains("1/1") && dc2_row.contains(" ok"), "{dc2_row}");
    assert!(lines.iter().any(|l| l.starts_with("dc1") && l.contains("yes")), "dc1 is the primary: {}", table.stdout);
    assert!(table.stdout.contains("Replication here: ok"), "{}", table.stdout);
    let json: Value = serde_json::from_str(&cli(&["federation-state", "list", "-format=json"]).stdout).unwrap();
    assert_eq!(json["states"].as_array().unwrap().len(), 3);
    let get = cli(&["federation-state", "get", "dc2"]);
    assert!(get.stdout.contains("198.51.100.2:8443") && get.stdout.contains("10.2.0.5:8443"), "{}", get.stdout);
    assert!(get.stdout.contains("passing"), "{}", get.stdout);
    let missing = cli(&["federation-state", "get", "dc9"]);
    assert_eq!(missing.code, 1);
    assert!(missing.stderr.contains("no federation state for datacenter \"dc9\""), "{}", missing.stderr);
    assert_eq!(cli(&["federation-state", "list", "-stale-after", "1h"]).code, 0);
    eventually("-stale-after 1ns exits 3 once a state is a second old", || async {
        let run = cli(&["federation-state", "list", "-stale-after", "1ns"]);
        run.code == 3 && run.stderr.contains("old")
    })
    .await;
    // A threshold under the refresh period is warned about, and the failure says what stale
    // is measured against.
    let run = cli(&["federation-state", "list", "-stale-after", "10s"]);
    assert!(run.stderr.contains("warning: -stale-after 10s is below the refresh period"), "{run:?}");
    let run = cli(&["federation-state", "list", "-stale-after", "1ns"]);
    assert!(run.stderr.contains("a healthy one is at most 1m30s old"), "said once: {run:?}");
    let error = run.stderr.lines().find(|l| l.starts_with("error: ")).unwrap_or_default();
    assert_eq!(error.matches("1m30s").count(), 1, "said once: {run:?}");
    assert!(run.stdout.contains("Age: since the datacenter's leader last wrote its state"), "{run:?}");

    // The gateway's check fails: every datacenter sees it critical.
    assert_eq!(dc2.put("/v1/agent/check/fail/gw-alive?note=down", "").await.0, 200);
    for a in all {
        eventually("the critical gateway check everywhere", || async {
            gateways_seen(a, "dc2").await.is_some_and(|g| {
                g.len() == 1 && g[0]["Checks"].as_array().is_some_and(|c| c.iter().any(|c| c["Status"] == "critical"))
            })
        })
        .await;
    }

    // A datacenter whose only gateway is critical is not "ok".
    eventually("dc3's list shows dc2 without a healthy gateway", || async {
        let table = cli(&["federation-state", "list"]);
        table.stdout.lines().any(|l| l.starts_with("dc2") && l.contains("0/1") && l.contains("no healthy gateway"))
    })
    .await;

    // Deregistered: gone from every datacenter's view.
    assert_eq!(dc2.put("/v1/agent/service/deregister/mesh-gateway", "").await.0, 200);
    for a in all {
        eventually("no gateway left for dc2", || async { gateways_seen(a, "dc2").await.is_some_and(|g| g.is_empty()) })
            .await;
    }
    for a in [dc1, dc2, dc3] {
        a.stop().await;
    }
}

/// Replication's cost counters in `server`'s datacenter.
async fn replication_counters(server: &TestAgent) -> (u64, u64, u64, u64) {
    let s = server.get_json("/v1/internal/federation-states/replication").await;
    let n = |k: &str| s[k].as_u64().unwrap_or_else(|| panic!("{k} in {s}"));
    (n("StatesApplied"), n("FullLists"), n("BytesReceived"), n("LocalStates"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replication_sends_changes_and_the_primary_prunes_a_datacenter_gone_from_the_wan_pool() {
    let dir = crate::support::temp_dir();
    let grace = dir.path().join("grace.hcl");
    std::fs::write(&grace, "federation_state_prune_grace = \"300ms\"\n").unwrap();
    let dc1 = agent_with(ConfigFlags {
        dev: true,
        node: Some("s-dc1".into()),
        datacenter: Some("dc1".into()),
        config_files: vec![grace],
        ..free_ports()
    })
    .await;
    let wan = dc1.agent.wan.as_ref().unwrap().local().addr.to_string();
    let dc2 = dc_server("dc2", Some(wan.clone())).await;
    let dc3 = dc_server("dc3", Some(wan)).await;
    for dc in ["dc1", "dc2", "dc3"] {
        eventually("every state in dc3", || async { gateways_seen(&dc3, dc).await.is_some() }).await;
    }
    let before = replication_counters(&dc3).await;

    // A change travels as that one state: no full list.
    assert_eq!(dc2.put("/v1/agent/service/register", register_gateway("gw-1")).await.0, 200);
    eventually("dc2's gateway in dc3", || async { gateways_seen(&dc3, "dc2").await.is_some_and(|g| g.len() == 1) })
        .await;
    let changed = replication_counters(&dc3).await;
    assert!(changed.0 > before.0, "the change was applied: {before:?} -> {changed:?}");
    assert_eq!(changed.1, before.1, "no full list for an upsert: {before:?} -> {changed:?}");
    assert!(changed.2 > before.2, "bytes counted: {before:?} -> {changed:?}");

    dc2.stop().await;
    eventually("dc2's state pruned once dc2 is gone for the grace period", || async {
        gateways_seen(&dc1, "dc2").await.is_none()
    })
    .await;
    assert!(gateways_seen(&dc1, "dc1").await.is_some(), "the primary keeps its own state");
    // The removal reaches the secondary through the full list (a delta carries no removals).
    eventually("dc2's state gone from dc3", || async { gateways_seen(&dc3, "dc2").await.is_none() }).await;
    let pruned = replication_counters(&dc3).await;
    assert!(pruned.1 > changed.1, "a full list was read: {changed:?} -> {pruned:?}");
    assert_eq!(pruned.3, 2, "dc3 holds dc1 and dc3: {pruned:?}");
    for a in [dc1, dc3] {
        a.stop().await;
    }
}

async fn durable_primary(dir: &std::path::Path, join_wan: Option<String>) -> TestAgent {
    agent_with(ConfigFlags {
        server: true,
        bootstrap_expect: Some(1),
        node: Some("s-dc1".into()),
        datacenter: Some("dc1".into()),
        data_dir: Some(dir.join("dc1").display().to_string()),
        bind: Some("127.0.0.1".into()),
        advertise: Some("127.0.0.1".into()),
        join_wan: join_wan.into_iter().collect(),
        ..free_ports()
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn federation_states_converge_after_the_primary_is_down_for_a_while() {
    let dir = crate::support::temp_dir();
    let dc1 = durable_primary(dir.path(), None).await;
    let wan = dc1.agent.wan.as_ref().unwrap().local().addr.to_string();
    let dc2 = dc_server("dc2", Some(wan.clone())).await;
    let dc3 = dc_server("dc3", Some(wan)).await;
    assert_eq!(dc2.put("/v1/agent/service/register", register_gateway("gw-a")).await.0, 200);
    for a in [&dc1, &dc2, &dc3] {
        eventually("gw-a everywhere", || async { gateways_seen(a, "dc2").await.is_some_and(|g| g.len() == 1) }).await;
    }

    // The primary goes away.
    dc1.stop().await;
    let cli = |base: &str, args: &[&str]| {
        let tmp = crate::support::temp_dir();
        let mut cmd = crate::support::fedctl_cmd(tmp.path());
        cmd.args(args).env("FEDCTL_HTTP_ADDR", base);
        crate::support::run_cmd(&mut cmd)
    };
    let dc3_base = dc3.base.clone();
    eventually("dc3 reports its replication failing (exit 3)", || {
        let base = dc3_base.clone();
        async move {
            let run = cli(&base, &["federation-state", "list", "-stale-after", "1h"]);
            run.code == 3 && run.stderr.contains("replication")
        }
    })
    .await;
    assert!(gateways_seen(&dc3, "dc2").await.is_some_and(|g| g.len() == 1), "dc3 keeps its last known states");
    // A change in dc2 while the primary is away waits for it.
    assert_eq!(dc2.put("/v1/agent/service/register", register_gateway("gw-b")).await.0, 200);

    // The primary comes back (same data, new addresses) and joins the WAN pool again; nothing
    // else is restarted.
    let dc1 = durable_primary(dir.path(), Some(dc2.agent.wan.as_ref().unwrap().local().addr.to_string())).await;
    for a in [&dc1, &dc2, &dc3] {
        eventually("gw-a and gw-b everywhere", || async {
            gateways_seen(a, "dc2").await.is_some_and(|g| g.len() == 2)
        })
        .await;
    }
    eventually("dc3's replication healthy again (exit 0)", || {
        let base = dc3_base.clone();
        async move { cli(&base, &["federation-state", "list", "-stale-after", "1h"]).code == 0 }
    })
    .await;
    for a in [dc1, dc2, dc3] {
        a.stop().await;
    }
}
