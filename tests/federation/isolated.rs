//! The reference end-to-end test of WAN federation through mesh gateways, in isolated network
//! namespaces with real Envoy: servers of different datacenters have no route to each other;
//! each gateway is the only host on both its datacenter's network and the WAN.

use crate::support::eventually_with;
use crate::support::gateway::have_envoy;
use crate::support::wanfed::Federation;

fn trust_domain(f: &Federation) -> String {
    f.api(0, 0, "/v1/connect/ca/roots")["TrustDomain"].as_str().unwrap_or_default().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_datacenters_federate_through_gateways_with_no_other_route() {
    if !have_envoy("to run mesh gateways") {
        return;
    }
    let Some(mut f) = Federation::build("to isolate datacenters in network namespaces", &[1, 1], 1) else {
        return;
    };
    // The isolation itself: a dc1 server has no route to dc2's server, nor to the WAN; a dc2
    // server has one to dc1's gateway only (as the reference's secondaries need), none to
    // dc1's servers or any other WAN address.
    let routes = |host: usize, target: &str| {
        f.topo.ns(host).command("ip").args(["route", "get", target]).output().unwrap().status.success()
    };
    let (s1, s2) = (f.dcs[0].servers[0].host, f.dcs[1].servers[0].host);
    for target in ["10.2.0.10", "10.99.2.1", "10.99.1.1"] {
        assert!(!routes(s1, target), "dc1's server must have no route to {target}");
    }
    for target in ["10.1.0.10", "10.99.1.50", "10.99.2.1", "10.99.3.1"] {
        assert!(!routes(s2, target), "dc2's server must have no route to {target}");
    }
    assert!(routes(s2, "10.99.1.1"), "dc2's server dials dc1's gateway directly until its own is up");
    f.start_all();

    // The WAN pool forms through the gateways: 2 alive members seen from both sides.
    eventually_with(
        "both servers see 2 alive WAN members",
        || f.logs(),
        async || f.wan_alive(0, 0) == 2 && f.wan_alive(1, 0) == 2,
    )
    .await;
    // Each gateway's Envoy has one healthy endpoint for the other datacenter.
    let td = trust_domain(&f);
    assert!(!td.is_empty());
    for (dc, other, addr) in [(0, "dc2", "10.99.2.1:8443"), (1, "dc1", "10.99.1.1:8443")] {
        let cluster = format!("{other}.internal.{td}");
        eventually_with(
            &format!("{other}'s gateway healthy in dc{}'s Envoy", dc + 1),
            || f.logs(),
            async || f.envoy_hosts(dc, 0, &cluster) == [(addr.to_owned(), "healthy".to_owned())],
        )
        .await;
    }
    // ACLs are on, with default deny: without a token, nothing is written; dc2 replicates
    // the primary's policies and tokens through the gateways.
    let anonymous = f
        .topo
        .ns(s2)
        .command("curl")
        .args(["-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "PUT", "-d", "x"])
        .arg("http://127.0.0.1:8500/v1/kv/anonymous?dc=dc1")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&anonymous.stdout), "403", "an anonymous write is refused");
    eventually_with(
        "dc2 replicates ACLs",
        || format!("{}\n{}", f.api(1, 0, "/v1/acl/replication"), f.logs()),
        async || {
            let r = f.api(1, 0, "/v1/acl/replication");
            r["Running"] == true && r["ReplicatedTokenIndex"].as_u64().is_some_and(|i| i > 0)
        },
    )
    .await;
    // Cross-datacenter writes both ways (the reference's `kv put ?dc=`).
    let run = f.cli(0, 0, &["kv", "put", "-datacenter", "dc2", "foo", "bar"]);
    assert_eq!(run.code, 0, "{run:?}\n{}", f.logs());
    let run = f.cli(1, 0, &["kv", "put", "-datacenter", "dc1", "oof", "rab"]);
    assert_eq!(run.code, 0, "{run:?}\n{}", f.logs());
    assert_eq!(f.cli(0, 0, &["kv", "get", "oof"]).stdout.trim(), "rab");
    assert_eq!(f.cli(1, 0, &["kv", "get", "foo"]).stdout.trim(), "bar");
}

/// Federation states as server `i` of `dc` holds them: datacenter -> gateway count.
fn states(f: &Federation, dc: usize, i: usize) -> std::collections::BTreeMap<String, usize> {
    f.api(dc, i, "/v1/internal/federation-states?stale")
        .as_array()
        .into_iter()
        .flatten()
        .map(|s| {
            (s["Datacenter"].as_str().unwrap_or_default().to_owned(), s["MeshGateways"].as_array().map_or(0, Vec::len))
        })
        .collect()
}

fn probe(f: &Federation, dc: usize) -> (i32, serde_json::Value) {
    let run = f.cli(dc, 0, &["debug", "gateways", "-probe", "-tries", "2", "-format=json"]);
    (run.code, serde_json::from_str(&run.stdout).unwrap_or(serde_json::Value::Null))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_datacenters_one_with_three_servers_and_the_probe_names_a_cut_gateway() {
    if !have_envoy("to run mesh gateways") {
        return;
    }
    let Some(mut f) = Federation::build("to isolate datacenters in network namespaces", &[1, 3, 1], 1) else {
        return;
    };
    f.start_all();
    let all_servers: Vec<(usize, usize)> =
        f.dcs.iter().enumerate().flat_map(|(d, dc)| (0..dc.servers.len()).map(move |i| (d, i))).collect();
    eventually_with(
        "every server sees all 5 servers alive in the WAN pool",
        || f.logs(),
        async || all_servers.iter().all(|&(d, i)| f.wan_alive(d, i) == 5),
    )
    .await;
    let complete: std::collections::BTreeMap<String, usize> =
        ["dc1", "dc2", "dc3"].iter().map(|d| (d.to_string(), 1)).collect();
    eventually_with(
        "federation states complete on every server",
        || f.logs(),
        async || all_servers.iter().all(|&(d, i)| states(&f, d, i) == complete),
    )
    .await;
    // A secondary's gateway namespace forwards to the primary's gateways only: with a route
    // to dc3's gateway through it, a dc2 server's connection is dropped (it times out), while
    // dc1's gateway answers.
    let (s2, g2_lan) = (f.dcs[1].servers[0].host, f.dcs[1].gateways[0].lan.clone());
    let dial = |target: &str| {
        let script = format!("</dev/tcp/{}", target.replace(':', "/"));
        f.topo.ns(s2).command("timeout").args(["2", "bash", "-c", &script]).status().unwrap().code()
    };
    f.topo.route(s2, "10.99.3.1", &g2_lan);
    assert_eq!(dial("10.99.3.1:8443"), Some(124), "dc3's gateway is not forwarded to");
    assert_eq!(dial("10.99.1.1:8443"), Some(0), "dc1's gateway is");
    assert_eq!(dial("10.99.1.1:8444"), Some(124), "nor another port of it");
    let unroute = f.topo.ns(s2).command("ip").args(["route", "del", "10.99.3.1"]).status().unwrap();
    assert!(unroute.success());
    // Each gateway's Envoy routes to every other datacenter's gateway: until then a write
    // across could fail and send the locator around its gateway (which isolation forbids).
    let td = trust_domain(&f);
    for dc in 0..3 {
        for other in (0..3).filter(|o| *o != dc) {
            let cluster = format!("dc{}.internal.{td}", other + 1);
            let addr = format!("10.99.{}.1:8443", other + 1);
            eventually_with(
                &format!("dc{}'s gateway healthy in dc{}'s Envoy", other + 1, dc + 1),
                || f.logs(),
                async || f.envoy_hosts(dc, 0, &cluster) == [(addr.clone(), "healthy".to_owned())],
            )
            .await;
        }
    }
    for (from, to) in [(0, "dc3"), (2, "dc2"), (1, "dc1")] {
        let run = f.cli(from, 0, &["kv", "put", "-datacenter", to, &format!("from-dc{}", from + 1), "x"]);
        assert_eq!(run.code, 0, "{run:?}");
    }

    // The probe finds every path healthy.
    let (code, report) = probe(&f, 0);
    assert_eq!(code, 0, "{report:#}");
    let paths = report["Probe"]["Paths"].as_array().unwrap();
    assert_eq!(paths.len(), 2 * 2, "dc2 and dc3, one local gateway, two protocols: {report:#}");
    assert!(paths.iter().all(|p| p["Ok"] == true && p["P50Ms"].is_number()), "{report:#}");

    // Cut dc2's gateway off the WAN: dc1 names dc2's gateway (its own reaches dc3's), dc2
    // names its own gateway's WAN side (it answers, but no other datacenter's gateway does).
    // Paths through the gateways the servers dial directly meanwhile have no route.
    let (g2, wan) = (f.dcs[1].gateways[0].host, f.wan);
    f.topo.set_link(g2, wan, false);
    let (code, report) = probe(&f, 0);
    assert_eq!(code, 3, "{report:#}");
    assert_eq!(report["Probe"]["Unreachable"], serde_json::json!(["dc2"]), "{report:#}");
    for p in report["Probe"]["Paths"].as_array().unwrap() {
        if p["Datacenter"] == "dc2" {
            if p["Via"] == "local" {
                assert_eq!(p["Hop"], "remote-gateway", "{p:#}");
                let broken = p["BrokenHop"].as_str().unwrap();
                assert!(broken.starts_with("dc2's gateway 10.99.2.1:8443: not answering"), "{p:#}");
            } else {
                assert_eq!(p["Hop"], "no-route", "{p:#}");
            }
        } else if p["Via"] == "local" {
            assert_eq!(p["Ok"], true, "{p:#}");
        }
    }
    assert_eq!(report["Probe"]["Verdicts"]["dc2"]["Hop"], "remote-gateway", "{report:#}");
    let (code, report) = probe(&f, 1);
    assert_eq!(code, 3, "{report:#}");
    for p in report["Probe"]["Paths"].as_array().unwrap().iter().filter(|p| p["Via"] == "local") {
        assert_eq!(
            p["BrokenHop"], "local gateway 10.2.0.1:8443: WAN side (no other datacenter's gateway answers through it)",
            "{p:#}"
        );
    }
    for dc in ["dc1", "dc3"] {
        assert_eq!(report["Probe"]["Verdicts"][dc]["Hop"], "local-gateway-wan", "{report:#}");
    }
    let table = f.cli(1, 0, &["debug", "gateways", "-probe", "-tries", "1"]);
    assert_eq!(table.code, 3);
    assert!(table.stdout.contains("WAN side") && table.stdout.contains("Unreachable: dc1, dc3"), "{}", table.stdout);

    // Restored, everything is reachable again.
    f.topo.set_link(g2, wan, true);
    eventually_with("paths heal once the link is back", || f.logs(), async || probe(&f, 0).0 == 0).await;
}
