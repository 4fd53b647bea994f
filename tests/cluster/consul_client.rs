//! A Consul client library (py-consul, which `tests/run` installs) drives fedctl's sessions
//! and KV locks as an application would: `tests/support/py_consul_sessions.py` against a
//! `-dev` agent.

use crate::support::agent::dev_agent;
use crate::support::{have_python_module, repo_root};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn py_consul_drives_sessions_and_locks() {
    if !have_python_module("consul", "py-consul, a Consul client library") {
        return;
    }
    let agent = dev_agent().await;
    let addr = agent.agent.http_addr.expect("an HTTP address");
    let script = repo_root().join("tests/support/py_consul_sessions.py");
    let out = tokio::process::Command::new("python3")
        .arg(&script)
        .args([addr.ip().to_string(), addr.port().to_string()])
        .output()
        .await
        .unwrap();
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "py-consul failed:\n{stdout}\n{stderr}");
    assert_eq!(stdout.trim(), "ok", "{stderr}");
    agent.stop().await;
}
