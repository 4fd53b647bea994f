//! The README's "Call a service in another datacenter" guide works as written: after the
//! federation guide's block (two datacenters on one machine, federated through their
//! gateways), its block runs as is, its checks hold (web in dc1 answered by echo in dc2
//! through both gateways; debug proxy and debug gateways show the path), and its teardown
//! and the federation guide's stop every process.

use crate::support::eventually_with;
use crate::support::gateway::have_envoy;
use crate::support::have_tool;
use crate::support::readme::Guide;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cross_datacenter_guide_works_as_written() {
    if !have_envoy("to run the README's cross-datacenter guide") || !have_tool("python3", "for the guide's app") {
        return;
    }
    let Some(mut guide) = Guide::new("to run the guide's fixed ports in a namespace of its own") else {
        return;
    };
    let mut pids = guide.run_block("<!-- guide:start -->", "federation");
    let logs = |g: &Guide| g.logs(&["s1.log", "s2.log", "gw1.log", "gw2.log", "echo-envoy.log", "web-envoy.log"]);
    eventually_with(
        "the federation guide's datacenters are federated",
        || logs(&guide),
        async || {
            let (code, out) = guide.run("fedctl members -wan");
            code == 0 && out.matches("alive").count() == 2
        },
    )
    .await;
    pids.extend(guide.run_block("<!-- xdc:start -->", "cross-dc"));
    assert_eq!(pids.len(), 7, "two agents, two gateways, the app and two sidecars ran in the background");

    let checks = guide.lines("<!-- xdc:check -->");
    assert_eq!(checks.len(), 3, "{checks:?}");
    eventually_with(
        "web's upstream is answered by echo's page from dc2",
        || logs(&guide),
        async || {
            let (code, out) = guide.run(&checks[0]);
            code == 0 && out.contains("Directory listing")
        },
    )
    .await;
    // What the guide's comments say the two debug commands show.
    let (code, proxy) = guide.run(&checks[1]);
    assert_eq!(code, 0, "{proxy}");
    for shown in ["echo?dc=dc2", "echo.default.dc2", "local (from upstream)", "127.0.0.1:9443 HEALTHY"] {
        assert!(proxy.contains(shown), "debug proxy shows {shown:?}:\n{proxy}");
    }
    eventually_with(
        "Envoy acknowledged web's upstream",
        || logs(&guide),
        async || guide.run(&checks[1]).1.contains("acked"),
    )
    .await;
    let (code, gateways) = guide.run(&checks[2]);
    assert_eq!(code, 0, "{gateways}");
    for shown in ["echo", "1 of 1 healthy", "127.0.0.1:9444"] {
        assert!(gateways.contains(shown), "debug gateways shows {shown:?}:\n{gateways}");
    }

    for marker in ["<!-- xdc:teardown -->", "<!-- guide:teardown -->"] {
        for line in guide.lines(marker) {
            let (code, out) = guide.run(&line);
            assert_eq!(code, 0, "{line}: {out}");
        }
    }
    eventually_with(
        "the guides' processes are gone",
        || logs(&guide),
        async || pids.iter().all(|p| !fedctl::lab::alive(*p)),
    )
    .await;
}
