//! The README's "federate two datacenters through mesh gateways" guide works as written: its
//! shell block runs as is (inside a fresh network namespace, so its fixed ports are free), its
//! checks then hold, and its teardown stops every process it started.

use std::path::Path;

use crate::support::gateway::have_envoy;
use crate::support::netns::Topology;
use crate::support::readme::{Jobs, block};
use crate::support::{FEDCTL, eventually_with, repo_root, temp_dir};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_federation_guide_works_as_written() {
    if !have_envoy("to run the README's federation guide") {
        return;
    }
    let Some(mut topo) = Topology::new("to run the guide's fixed ports in a namespace of its own") else {
        return;
    };
    let host = topo.host("guide");
    let ns = topo.ns(host);
    let readme = std::fs::read_to_string(repo_root().join("README.md")).unwrap();
    let dir = temp_dir();
    let bin = Path::new(FEDCTL).parent().unwrap().display().to_string();
    let path = format!("{bin}:{}", std::env::var("PATH").unwrap_or_default());
    let script = format!("set -e\n{}\njobs -p > jobs.pids\n", block(&readme, "<!-- guide:start -->"));
    std::fs::write(dir.path().join("guide.sh"), script).unwrap();
    let _jobs = Jobs(dir.path().join("jobs.pids"));
    let status = ns
        .command("bash")
        .arg("guide.sh")
        .current_dir(dir.path())
        .env("PATH", &path)
        .env_remove("FEDCTL_HTTP_ADDR")
        .env_remove("CONSUL_HTTP_ADDR")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "the guide's commands ran");

    // The checks, line by line, as a user would type them.
    let checks = block(&readme, "<!-- guide:check -->");
    let lines: Vec<&str> =
        checks.lines().map(|l| l.split('#').next().unwrap().trim()).filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 4, "{checks}");
    let run = |line: &str| {
        let out = ns
            .command("bash")
            .args(["-c", line])
            .current_dir(dir.path())
            .env("PATH", &path)
            .env_remove("FEDCTL_HTTP_ADDR")
            .output()
            .unwrap();
        (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
    };
    eventually_with("members -wan shows both servers alive", String::new, async || {
        let (code, out) = run(lines[0]);
        code == 0 && out.contains("s1.dc1") && out.contains("s2.dc2") && out.matches("alive").count() == 2
    })
    .await;
    eventually_with("the cross-datacenter write works", String::new, async || run(lines[1]).0 == 0).await;
    assert_eq!(run(lines[2]), (0, "world\n".to_owned()));
    eventually_with("every path probes ok", String::new, async || run(lines[3]).0 == 0).await;

    // Teardown: every background job of the guide exits.
    let pids: Vec<u32> = std::fs::read_to_string(dir.path().join("jobs.pids"))
        .unwrap()
        .split_whitespace()
        .map(|p| p.parse().unwrap())
        .collect();
    assert_eq!(pids.len(), 4, "two agents and two gateways ran in the background");
    for line in block(&readme, "<!-- guide:teardown -->").lines().filter(|l| !l.trim().is_empty()) {
        let (code, out) = run(line);
        assert_eq!(code, 0, "{line}: {out}");
    }
    eventually_with("the guide's processes are gone", String::new, async || {
        pids.iter().all(|p| !fedctl::lab::alive(*p))
    })
    .await;
    drop(topo);
}
