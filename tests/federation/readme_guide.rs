//! The README's "federate two datacenters through mesh gateways" guide works as written: its
//! shell block runs as is (inside a fresh network namespace, so its fixed ports are free), its
//! checks then hold, and its teardown stops every process it started.

use crate::support::eventually_with;
use crate::support::gateway::have_envoy;
use crate::support::readme::Guide;

/// What the guide's processes log, shown when a check fails.
const LOGS: &[&str] = &["s1.log", "s2.log", "gw1.log", "gw2.log"];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_federation_guide_works_as_written() {
    if !have_envoy("to run the README's federation guide") {
        return;
    }
    let Some(mut guide) = Guide::new("to run the guide's fixed ports in a namespace of its own") else {
        return;
    };
    let pids = guide.run_block("<!-- guide:start -->", "guide");
    assert_eq!(pids.len(), 4, "two agents and two gateways ran in the background");
    let logs = |g: &Guide| g.logs(LOGS);

    // The checks, line by line, as a user would type them.
    let lines = guide.lines("<!-- guide:check -->");
    assert_eq!(lines.len(), 4, "{lines:?}");
    guide.federated(&lines, LOGS).await;
    eventually_with("every path probes ok", || logs(&guide), async || guide.run(&lines[3]).0 == 0).await;

    // Teardown: every background job of the guide exits.
    guide.tear_down("<!-- guide:teardown -->", &pids, LOGS).await;
}
