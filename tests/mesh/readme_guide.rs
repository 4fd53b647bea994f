//! The README's "Connect services with sidecars" guide works as written: its shell block runs
//! as is (inside a fresh network namespace, so its fixed ports are free), its checks then
//! hold (through both sidecars, echo's SPIFFE ID, a client without a leaf refused), and its
//! teardown stops every process it started.

use std::path::Path;

use crate::support::gateway::have_envoy;
use crate::support::netns::Topology;
use crate::support::readme::{Jobs, block};
use crate::support::{FEDCTL, eventually_with, have_tool, repo_root, temp_dir};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sidecar_guide_works_as_written() {
    if !have_envoy("to run the README's sidecar guide")
        || !have_tool("openssl", "for the guide's certificate check")
        || !have_tool("curl", "for the guide's requests")
    {
        return;
    }
    let Some(mut topo) = Topology::new("to run the guide's fixed ports in a namespace of its own") else {
        return;
    };
    let host = topo.host("mesh-guide");
    let ns = topo.ns(host);
    let readme = std::fs::read_to_string(repo_root().join("README.md")).unwrap();
    let dir = temp_dir();
    let bin = Path::new(FEDCTL).parent().unwrap().display().to_string();
    let path = format!("{bin}:{}", std::env::var("PATH").unwrap_or_default());
    let script = format!("set -e\n{}\njobs -p > jobs.pids\n", block(&readme, "<!-- mesh:start -->"));
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
    let logs = || {
        ["agent.log", "echo-envoy.log", "web-envoy.log"]
            .iter()
            .map(|f| format!("--- {f}:\n{}", std::fs::read_to_string(dir.path().join(f)).unwrap_or_default()))
            .collect::<Vec<_>>()
            .join("\n")
    };

    let checks = block(&readme, "<!-- mesh:check -->");
    let lines: Vec<&str> =
        checks.lines().map(|l| l.split("  #").next().unwrap().trim()).filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 3, "{checks}");
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
    eventually_with("web's upstream reaches echo's app through both sidecars", logs, async || {
        let (code, out) = run(lines[0]);
        code == 0 && out.contains("Directory listing")
    })
    .await;
    let (code, sans) = run(lines[1]);
    assert!(code == 0 && sans.contains("URI:spiffe://") && sans.contains("/ns/default/dc/dc1/svc/echo"), "{sans}");
    assert_eq!(run(lines[2]), (0, "refused\n".to_owned()), "a client without a leaf is refused");

    let pids: Vec<u32> = std::fs::read_to_string(dir.path().join("jobs.pids"))
        .unwrap()
        .split_whitespace()
        .map(|p| p.parse().unwrap())
        .collect();
    assert_eq!(pids.len(), 4, "the agent, the app and two sidecars ran in the background");
    for line in block(&readme, "<!-- mesh:teardown -->").lines().filter(|l| !l.trim().is_empty()) {
        let (code, out) = run(line);
        assert_eq!(code, 0, "{line}: {out}");
    }
    eventually_with("the guide's processes are gone", String::new, async || {
        pids.iter().all(|p| !fedctl::lab::alive(*p))
    })
    .await;
    drop(topo);
}
