//! The README's "Connect services with sidecars" guide works as written: its shell block runs
//! as is (inside a fresh network namespace, so its fixed ports are free), its checks then
//! hold (through both sidecars, echo's SPIFFE ID, a client without a leaf refused), and its
//! teardown stops every process it started.

use crate::support::gateway::have_envoy;
use crate::support::readme::Guide;
use crate::support::{eventually_with, have_tool};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sidecar_guide_works_as_written() {
    if !have_envoy("to run the README's sidecar guide")
        || !have_tool("openssl", "for the guide's certificate check")
        || !have_tool("curl", "for the guide's requests")
    {
        return;
    }
    let Some(mut guide) = Guide::new("to run the guide's fixed ports in a namespace of its own") else {
        return;
    };
    let pids = guide.run_block("<!-- mesh:start -->", "mesh");
    assert_eq!(pids.len(), 4, "the agent, the app and two sidecars ran in the background");
    let logs = |g: &Guide| g.logs(&["agent.log", "echo-envoy.log", "web-envoy.log"]);

    let lines = guide.lines("<!-- mesh:check -->");
    assert_eq!(lines.len(), 3, "{lines:?}");
    eventually_with(
        "web's upstream reaches echo's app through both sidecars",
        || logs(&guide),
        async || {
            let (code, out) = guide.run(&lines[0]);
            code == 0 && out.contains("Directory listing")
        },
    )
    .await;
    let (code, sans) = guide.run(&lines[1]);
    assert!(code == 0 && sans.contains("URI:spiffe://") && sans.contains("/ns/default/dc/dc1/svc/echo"), "{sans}");
    assert_eq!(guide.run(&lines[2]), (0, "refused\n".to_owned()), "a client without a leaf is refused");

    for line in guide.lines("<!-- mesh:teardown -->") {
        let (code, out) = guide.run(&line);
        assert_eq!(code, 0, "{line}: {out}");
    }
    eventually_with(
        "the guide's processes are gone",
        || logs(&guide),
        async || pids.iter().all(|p| !fedctl::lab::alive(*p)),
    )
    .await;
}
