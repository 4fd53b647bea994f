//! The README's "Secure a federation" guide works as written: its shell block runs as is
//! (inside a fresh network namespace, so its fixed ports are free), its checks then hold (the
//! management token reaches both datacenters, an anonymous write is refused, both servers
//! hold the gossip key), and its teardown stops every process it started.

use crate::support::eventually_with;
use crate::support::gateway::have_envoy;
use crate::support::readme::Guide;

/// What the guide's processes log, shown when a check fails.
const LOGS: &[&str] = &["s1.log", "s2.log", "gw1.log", "gw2.log"];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_secure_federation_guide_works_as_written() {
    if !have_envoy("to run the README's secure federation guide") {
        return;
    }
    let Some(mut guide) = Guide::new("to run the guide's fixed ports in a namespace of its own") else {
        return;
    };
    let pids = guide.run_block("<!-- secure:start -->", "secure");
    assert_eq!(pids.len(), 4, "two agents and two gateways ran in the background");
    let logs = |g: &Guide| g.logs(LOGS);
    let token = std::fs::read_to_string(guide.dir.path().join("management.token")).unwrap();
    assert_eq!(token.trim().len(), 36, "the bootstrap token was kept: {token:?}");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(guide.dir.path().join("management.token")).unwrap().permissions().mode();
    assert_eq!(mode & 0o077, 0, "only its owner reads the management token");

    let lines = guide.lines("<!-- secure:check -->");
    assert_eq!(lines.len(), 5, "{lines:?}");
    guide.federated(&lines, LOGS).await;
    let (code, out) = guide.run(&lines[3]);
    assert_eq!((code, out.as_str()), (1, ""), "an anonymous write is refused");
    eventually_with(
        "both servers hold the one gossip key",
        || logs(&guide),
        async || {
            let (code, out) = guide.run(&lines[4]);
            code == 0 && out.matches("[2/2]").count() == 1 && out.matches("[1/1]").count() == 2
        },
    )
    .await;

    guide.tear_down("<!-- secure:teardown -->", &pids, LOGS).await;
}
