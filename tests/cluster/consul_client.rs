//! A Consul client library (py-consul, which `tests/run` installs) drives fedctl as an
//! application would: sessions and KV locks (`tests/support/py_consul_sessions.py`) and
//! transactions (`tests/support/py_consul_txn.py`), each against a `-dev` agent.

use crate::support::agent::dev_agent;
use crate::support::{have_python_module, repo_root};

/// Runs `tests/support/<script>` against a fresh `-dev` agent; it prints `ok` or fails with
/// the assertion that did not hold.
async fn py_consul(script: &str) {
    if !have_python_module("consul", "py-consul, a Consul client library") {
        return;
    }
    let agent = dev_agent().await;
    let addr = agent.agent.http_addr.expect("an HTTP address");
    let out = tokio::process::Command::new("python3")
        .arg(repo_root().join("tests/support").join(script))
        .args([addr.ip().to_string(), addr.port().to_string()])
        .output()
        .await
        .unwrap();
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "py-consul failed ({script}):\n{stdout}\n{stderr}");
    assert_eq!(stdout.trim(), "ok", "{stderr}");
    agent.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn py_consul_drives_sessions_and_locks() {
    py_consul("py_consul_sessions.py").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn py_consul_drives_transactions() {
    py_consul("py_consul_txn.py").await;
}
