//! Self-healing through gateways, in isolated namespaces with real Envoy: a datacenter with two
//! gateways loses one and keeps working, and uses it again once it is back; the primary's only
//! gateway is replaced by one on a new address that `primary_gateways` (a DNS name) now names,
//! and the secondary recovers without a restart.

use serde_json::Value;

use crate::support::eventually_with;
use crate::support::gateway::have_envoy;
use crate::support::wanfed::Federation;

fn put(f: &Federation, dc: usize, target: &str, key: &str) -> bool {
    f.cli(dc, 0, &["kv", "put", "-datacenter", target, key, "v"]).code == 0
}

fn gateway_health(f: &Federation, dc: usize, id: &str) -> Option<String> {
    let health = f.api(dc, 0, "/v1/health/service/mesh-gateway?stale");
    let entry = health.as_array()?.iter().find(|e| e["Service"]["ID"] == id)?.clone();
    let critical = entry["Checks"].as_array()?.iter().any(|c| c["Status"] == "critical");
    Some(if critical { "critical" } else { "passing" }.to_owned())
}

fn dial(f: &Federation, dc: usize, gateway: &str, to: &str) -> Value {
    f.api(dc, 0, "/v1/internal/gateways")["Dials"][gateway][to].clone()
}

/// How often dc2's server dialled dc1 through `gateway` for RPC traffic (probes not counted).
fn rpc_dials(f: &Federation, gateway: &str) -> u64 {
    dial(f, 1, gateway, "dc1")["RpcDials"].as_u64().unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn losing_one_of_two_gateways_fails_over_and_a_restarted_one_is_used_again() {
    if !have_envoy("to run mesh gateways") {
        return;
    }
    let Some(mut f) = Federation::build("to isolate datacenters in network namespaces", &[1, 1], 2) else {
        return;
    };
    f.start_all();
    eventually_with(
        "federated through two gateways each",
        || f.logs(),
        async || f.wan_alive(0, 0) == 2 && f.wan_alive(1, 0) == 2 && put(&f, 1, "dc1", "before"),
    )
    .await;
    eventually_with(
        "both of dc2's gateways pass their checks",
        || f.logs(),
        async || ["gw-0", "gw-1"].iter().all(|g| gateway_health(&f, 1, g).as_deref() == Some("passing")),
    )
    .await;
    let (a, b) = (f.dcs[1].gateways[0].lan.clone() + ":8443", f.dcs[1].gateways[1].lan.clone() + ":8443");

    // dc2 loses gateway a.
    f.stop_gateway(1, 0);
    eventually_with(
        "dc2's catalog marks gateway a critical",
        || f.logs(),
        async || gateway_health(&f, 1, "gw-0").as_deref() == Some("critical"),
    )
    .await;
    eventually_with("RPC from dc2 works through gateway b", || f.logs(), async || put(&f, 1, "dc1", "during")).await;
    for i in 0..5 {
        assert!(put(&f, 1, "dc1", &format!("during-{i}")), "every call after the failover works\n{}", f.logs());
        assert!(put(&f, 0, "dc2", &format!("back-{i}")), "and the other way\n{}", f.logs());
    }
    assert_eq!((f.wan_alive(0, 0), f.wan_alive(1, 0)), (2, 2), "gossip keeps both servers alive");
    // With a down, b carries dc2's RPC to dc1 (a healthy local gateway comes before dc1's
    // gateways directly): it was dialled by RPC traffic (not only by the locator's probes).
    assert!(rpc_dials(&f, &b) >= 1, "b carried the traffic: {}", dial(&f, 1, &b, "dc1"));

    // Gateway a comes back: the locator's probes succeed through it again, and it carries
    // everything once b is gone.
    f.start_gateway(1, 0);
    eventually_with(
        "dc2's locator uses gateway a again",
        || f.logs(),
        async || {
            let d = dial(&f, 1, &a, "dc1");
            gateway_health(&f, 1, "gw-0").as_deref() == Some("passing")
                && d["ConsecutiveFailures"] == 0
                && d["SucceededAgoSecs"].as_f64().is_some_and(|s| s < 4.0)
        },
    )
    .await;
    let a_before = rpc_dials(&f, &a);
    f.stop_gateway(1, 1);
    eventually_with("RPC from dc2 works through gateway a alone", || f.logs(), async || put(&f, 1, "dc1", "after"))
        .await;
    assert!(rpc_dials(&f, &a) > a_before, "the restarted a carried the traffic: {}", dial(&f, 1, &a, "dc1"));
    assert_eq!((f.wan_alive(0, 0), f.wan_alive(1, 0)), (2, 2));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_primary_gateway_moves_and_the_secondary_follows_its_dns_name() {
    if !have_envoy("to run mesh gateways") {
        return;
    }
    let Some(mut f) = Federation::build("to isolate datacenters in network namespaces", &[1, 1], 2) else {
        return;
    };
    f.primary_gateway_name = Some("gateway.dc1.example".into());
    // dc1 starts with its first gateway only; dc2 with one.
    f.start_server(0, 0);
    f.create_tokens();
    f.start_gateway(0, 0);
    f.start_server(1, 0);
    f.start_gateway(1, 0);
    eventually_with(
        "federated through gateway.dc1.example",
        || f.logs(),
        async || f.wan_alive(0, 0) == 2 && f.wan_alive(1, 0) == 2 && put(&f, 1, "dc1", "before"),
    )
    .await;

    // The primary's gateway is replaced: the old one stops and is deregistered, a new one
    // starts on another address, and the DNS name follows it.
    f.stop_gateway(0, 0);
    assert_eq!(f.cli(0, 0, &["services", "deregister", "-id", "gw-0"]).code, 0);
    f.start_gateway(0, 1);
    let new_wan = f.dcs[0].gateways[1].wan.clone();
    f.point_primary_name(&new_wan);

    eventually_with(
        "dc2 reaches dc1 again, without a restart",
        || f.logs(),
        async || put(&f, 1, "dc1", "after") && put(&f, 0, "dc2", "after"),
    )
    .await;
    eventually_with(
        "dc2 holds dc1's new gateway only",
        || f.logs(),
        async || {
            let state = f.api(1, 0, "/v1/internal/federation-state/dc1?stale");
            let gateways = state["State"]["MeshGateways"].as_array().cloned().unwrap_or_default();
            gateways.len() == 1 && gateways[0]["Service"]["ID"] == "gw-1"
        },
    )
    .await;
    eventually_with("gossip heals too", || f.logs(), async || f.wan_alive(0, 0) == 2 && f.wan_alive(1, 0) == 2).await;
}
