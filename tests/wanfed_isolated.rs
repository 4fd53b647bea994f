//! The reference end-to-end test of WAN federation through mesh gateways, in isolated network
//! namespaces with real Envoy: servers of different datacenters have no route to each other;
//! each gateway is the only host on both its datacenter's network and the WAN.

use crate::gateway_support::have_envoy;
use crate::support::eventually_with;
use crate::wanfed_harness::Federation;

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
    // The isolation itself: a dc1 server has no route to dc2's server, nor to the WAN.
    for target in ["10.2.0.10", "10.99.2.1"] {
        let route = f.topo.ns(f.dcs[0].servers[0].host).command("ip").args(["route", "get", target]).output().unwrap();
        assert!(!route.status.success(), "dc1's server must have no route to {target}");
    }
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
    // Cross-datacenter writes both ways (the reference's `kv put ?dc=`).
    let run = f.cli(0, 0, &["kv", "put", "-datacenter", "dc2", "foo", "bar"]);
    assert_eq!(run.code, 0, "{run:?}\n{}", f.logs());
    let run = f.cli(1, 0, &["kv", "put", "-datacenter", "dc1", "oof", "rab"]);
    assert_eq!(run.code, 0, "{run:?}\n{}", f.logs());
    assert_eq!(f.cli(0, 0, &["kv", "get", "oof"]).stdout.trim(), "rab");
    assert_eq!(f.cli(1, 0, &["kv", "get", "foo"]).stdout.trim(), "bar");
}
