//! A secondary datacenter cut off from the others for a while, on a real network: dc1 (the
//! primary) and dc2 run in this process on one end of a veth pair; dc3 is a `fedctl agent`
//! process in its own network namespace on the other end. The partition is a pair of blackhole
//! routes (one per side), removed to heal it; nothing is restarted.

use std::process::Command;

use fedctl::config::ConfigFlags;
use serde_json::Value;

use crate::support::agent::{TestAgent, agent_with, free_ports};
use crate::support::gateway::register_gateway;
use crate::support::netns::Netns;
use crate::support::process::AgentProcess;
use crate::support::{FEDCTL, Run, eventually_with, run_cmd};

/// A veth pair between this namespace (`.1`) and `ns` (`.2`) on a /30 of its own.
struct Link {
    host: String,
    subnet: String,
}

impl Link {
    fn create(ns: &Netns) -> Link {
        let id = std::process::id();
        let (host, peer) = (format!("fph{}", id % 100_000), format!("fpn{}", id % 100_000));
        let subnet = format!("10.213.{}", id % 250);
        let link = Link { host: host.clone(), subnet: subnet.clone() };
        ip(&["link", "add", &host, "type", "veth", "peer", "name", &peer, "netns", &ns.0]);
        ip(&["addr", "add", &format!("{subnet}.1/30"), "dev", &host]);
        ip(&["link", "set", &host, "up"]);
        ip(&["netns", "exec", &ns.0, "ip", "addr", "add", &format!("{subnet}.2/30"), "dev", &peer]);
        ip(&["netns", "exec", &ns.0, "ip", "link", "set", &peer, "up"]);
        link
    }

    fn here(&self) -> String {
        format!("{}.1", self.subnet)
    }

    fn there(&self) -> String {
        format!("{}.2", self.subnet)
    }

    /// Drops everything between the two ends (`add`), or stops doing so (`del`).
    fn blackhole(&self, ns: &Netns, action: &str) {
        ip(&["route", action, "blackhole", &format!("{}/32", self.there())]);
        ip(&["netns", "exec", &ns.0, "ip", "route", action, "blackhole", &format!("{}/32", self.here())]);
    }
}

impl Drop for Link {
    fn drop(&mut self) {
        let _ = Command::new("ip").args(["link", "del", &self.host]).status();
    }
}

fn ip(args: &[&str]) {
    let out = Command::new("ip").args(args).output().unwrap();
    assert!(out.status.success(), "ip {}: {}", args.join(" "), String::from_utf8_lossy(&out.stderr));
}

async fn dc_server(dc: &str, addr: &str, join_wan: Option<String>) -> TestAgent {
    agent_with(ConfigFlags {
        dev: true,
        node: Some(format!("s-{dc}")),
        datacenter: Some(dc.into()),
        primary_datacenter: Some("dc1".into()),
        bind: Some(addr.into()),
        advertise: Some(addr.into()),
        join_wan: join_wan.into_iter().collect(),
        ..free_ports()
    })
    .await
}

/// How many gateways `dc2`'s federation state lists, as `server` holds it (`None`: no state).
async fn dc2_gateways(server: &TestAgent) -> Option<usize> {
    let resp = server.http.get(server.url("/v1/internal/federation-state/dc2?stale")).send().await.unwrap();
    if resp.status() == 404 {
        return None;
    }
    let body: Value = resp.json().await.unwrap();
    Some(body["State"]["MeshGateways"].as_array().map_or(0, Vec::len))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_partitioned_secondary_keeps_its_states_reports_stale_and_converges_after() {
    let Some(ns) = Netns::for_test("to put dc3 in its own network namespace") else {
        return;
    };
    let link = Link::create(&ns);
    let dc1 = dc_server("dc1", &link.here(), None).await;
    let wan = dc1.agent.wan.as_ref().unwrap().local().addr.to_string();
    let dc2 = dc_server("dc2", &link.here(), Some(wan.clone())).await;
    let mut cmd = ns.command(FEDCTL);
    let there = link.there();
    cmd.args(["agent", "-dev", "-node", "s-dc3", "-datacenter", "dc3", "-primary-datacenter", "dc1"])
        .args(["-bind", &there, "-advertise", &there, "-join-wan", &wan])
        .args(["-http-port", "0", "-server-port", "0", "-serf-lan-port", "0", "-serf-wan-port", "0"])
        .args(["-grpc-port", "0", "-dns-port", "0"])
        .env_remove("FEDCTL_HTTP_ADDR")
        .env_remove("CONSUL_HTTP_ADDR");
    let dc3 = AgentProcess::spawn(cmd);
    // dc3's API listens on 127.0.0.1 inside its namespace: ask it with the CLI from there.
    let in_dc3 = |args: &[&str]| -> Run {
        let mut cmd = ns.command(FEDCTL);
        cmd.args(args).env("FEDCTL_HTTP_ADDR", &dc3.http).env_remove("CONSUL_HTTP_ADDR");
        run_cmd(&mut cmd)
    };
    let dc3_gateways = |run: Run| -> Option<usize> {
        (run.code == 0).then(|| {
            let state: Value = serde_json::from_str(&run.stdout).unwrap();
            state["MeshGateways"].as_array().map_or(0, Vec::len)
        })
    };
    let wan_alive = |run: Run| -> usize {
        let members: Value = serde_json::from_str(&run.stdout).unwrap_or(Value::Null);
        members.as_array().map_or(0, |m| m.iter().filter(|x| x["Status"] == 1).count())
    };

    eventually_with(
        "dc3 sees all three servers alive in the WAN pool",
        || dc3.log(),
        async || wan_alive(in_dc3(&["members", "-wan", "-format=json"])) == 3,
    )
    .await;
    assert_eq!(dc2.put("/v1/agent/service/register", register_gateway("gw-a")).await.0, 200);
    eventually_with(
        "dc3 holds dc2's state with gw-a",
        || dc3.log(),
        async || dc3_gateways(in_dc3(&["federation-state", "get", "-format=json", "dc2"])) == Some(1),
    )
    .await;
    assert_eq!(in_dc3(&["federation-state", "list", "-stale-after", "1h"]).code, 0);

    // Cut dc3 off.
    link.blackhole(&ns, "add");
    eventually_with(
        "dc3 reports its replication failing (exit 3)",
        || dc3.log(),
        async || {
            let run = in_dc3(&["federation-state", "list", "-stale-after", "1h"]);
            run.code == 3 && run.stderr.contains("replication")
        },
    )
    .await;
    let run = in_dc3(&["federation-state", "list", "-stale-after", "1h"]);
    assert!(!run.stderr.contains("failing: failing"), "the reason is said once: {run:?}");
    // What the copy here says may no longer hold: no row claims ok.
    let dc2_row = run.stdout.lines().find(|l| l.starts_with("dc2")).unwrap_or_default();
    assert!(dc2_row.ends_with("unknown (replication failing)"), "{run:?}");
    // A request that has to cross to another datacenter fails, and the hint names the probe.
    eventually_with(
        "a read in dc1 from dc3 fails with a hint at the probe",
        || dc3.log(),
        async || {
            let run = in_dc3(&["kv", "get", "-datacenter", "dc1", "anything"]);
            run.code == 1 && run.stderr.contains("fedctl debug gateways -probe")
        },
    )
    .await;
    assert_eq!(
        dc3_gateways(in_dc3(&["federation-state", "get", "-format=json", "dc2"])),
        Some(1),
        "dc3 keeps its last known states while cut off"
    );
    // A change in dc2 meanwhile reaches the primary but not dc3.
    assert_eq!(dc2.put("/v1/agent/service/register", register_gateway("gw-b")).await.0, 200);
    eventually_with("the primary holds gw-b", || dc3.log(), async || dc2_gateways(&dc1).await == Some(2)).await;
    assert_eq!(dc3_gateways(in_dc3(&["federation-state", "get", "-format=json", "dc2"])), Some(1));

    // Heal: dc3 rejoins the WAN pool, catches up and reports healthy, with no restart.
    link.blackhole(&ns, "del");
    eventually_with(
        "dc3 sees all three servers alive again",
        || dc3.log(),
        async || wan_alive(in_dc3(&["members", "-wan", "-format=json"])) == 3,
    )
    .await;
    eventually_with(
        "dc3 catches up with gw-b",
        || dc3.log(),
        async || dc3_gateways(in_dc3(&["federation-state", "get", "-format=json", "dc2"])) == Some(2),
    )
    .await;
    eventually_with(
        "dc3's replication healthy again (exit 0)",
        || dc3.log(),
        async || in_dc3(&["federation-state", "list", "-stale-after", "1h"]).code == 0,
    )
    .await;
    for a in [&dc1, &dc2] {
        a.wait_json("/v1/agent/members?wan=1", "dc3 alive again in the WAN pool", |v| {
            v.as_array().is_some_and(|m| m.len() == 3 && m.iter().all(|x| x["Status"] == 1))
        })
        .await;
    }
    drop(dc3);
    for a in [dc1, dc2] {
        a.stop().await;
    }
}
