//! Root rotation under load: a client loops requests from web through both sidecars to echo
//! while `fedctl connect ca set-config` rotates the CA to a new root. No request fails; the
//! new root is cross-signed by the old one; afterwards both sidecars serve leaves that chain
//! to the new root alone (openssl), as their Envoys report.

use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use serde_json::Value;

use crate::support::agent::{TestAgent, dev_agent};
use crate::support::gateway::{Gateway, free_port, have_envoy};
use crate::support::mesh::{echo_app, register_with_sidecar, start_sidecar, tcp_round_trip, wait_for_round_trip};
use crate::support::{eventually, fedctl_ok, have_tool, temp_dir};

/// The serials of the certificates a sidecar's Envoy holds (lowercase hex, no leading zeros).
async fn envoy_leaf_serials(sidecar: &Gateway) -> Vec<String> {
    let certs: Value = serde_json::from_str(&sidecar.admin("/certs").await).unwrap_or(Value::Null);
    let mut serials = Vec::new();
    for cert in certs["certificates"].as_array().into_iter().flatten() {
        for c in cert["cert_chain"].as_array().into_iter().flatten() {
            if let Some(s) = c["serial_number"].as_str() {
                serials.push(s.to_lowercase().trim_start_matches('0').to_owned());
            }
        }
    }
    serials
}

async fn leaf_of(agent: &TestAgent, service: &str) -> Value {
    agent.get_json(&format!("/v1/agent/connect/ca/leaf/{service}")).await
}

fn serial_hex(leaf: &Value) -> String {
    leaf["SerialNumber"].as_str().unwrap().replace(':', "").to_lowercase().trim_start_matches('0').to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_root_rotation_under_load_fails_no_request_and_every_leaf_chains_to_the_new_root() {
    if !have_envoy("to run the sidecars") || !have_tool("openssl", "to verify the chains") {
        return;
    }
    let dir = temp_dir();
    let agent = dev_agent().await;
    let old = agent.wait_json("/v1/connect/ca/roots", "the CA exists", |r| r["ActiveRootID"] != "").await;
    let echo_port = echo_app("echo").await;
    let (echo_public, upstream) = (free_port(), free_port());
    register_with_sidecar(&agent, "echo", echo_port, echo_public, &[]).await;
    register_with_sidecar(&agent, "web", free_port(), free_port(), &[("echo", upstream)]).await;
    let echo_sidecar = start_sidecar(&agent.base, dir.path(), "echo");
    let web_sidecar = start_sidecar(&agent.base, dir.path(), "web");
    let upstream_addr = format!("127.0.0.1:{upstream}");
    wait_for_round_trip(&upstream_addr, "hello", "echo: hello", Duration::from_secs(40), "web to echo").await;

    // The load: one request after another, each on a new connection, until told to stop.
    let (stop, ok, failed) =
        (Arc::new(AtomicBool::new(false)), Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let failures = Arc::new(std::sync::Mutex::new(Vec::new()));
    let load = {
        let (stop, ok, failed, failures, addr) =
            (stop.clone(), ok.clone(), failed.clone(), failures.clone(), upstream_addr.clone());
        std::thread::spawn(move || {
            let mut n = 0u64;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                let message = format!("r{n}");
                match tcp_round_trip(&addr, &message) {
                    Some(answer) if answer == format!("echo: {message}") => ok.fetch_add(1, Ordering::Relaxed),
                    other => {
                        failures.lock().unwrap().push(format!("request {n}: {other:?}"));
                        failed.fetch_add(1, Ordering::Relaxed)
                    }
                };
            }
        })
    };
    eventually("the load runs", async || ok.load(Ordering::Relaxed) >= 20).await;

    // Rotate, as a user does: a new P-384 root.
    let file = dir.path().join("ca.json");
    std::fs::write(&file, r#"{"Provider": "consul", "Config": {"PrivateKeyType": "ec", "PrivateKeyBits": 384}}"#)
        .unwrap();
    let run = fedctl_ok(
        dir.path(),
        &["connect", "ca", "set-config", "-http-addr", &agent.base, "-config-file", file.to_str().unwrap()],
    );
    assert!(run.stdout.contains("Configuration updated!"), "{}", run.stdout);
    let roots = agent
        .wait_json("/v1/connect/ca/roots", "a new active root", |r| r["ActiveRootID"] != old["ActiveRootID"])
        .await;
    let all = roots["Roots"].as_array().unwrap();
    assert_eq!(all.len(), 2, "the old root stays trusted: {roots}");
    let new = all.iter().find(|r| r["Active"] == true).unwrap();
    let cross = new["IntermediateCerts"][0].as_str().expect("the new root is cross-signed by the old");
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    };
    let (old_root, new_root, cross_file) = (
        write("old.pem", old["Roots"][0]["RootCert"].as_str().unwrap()),
        write("new.pem", new["RootCert"].as_str().unwrap()),
        write("cross.pem", cross),
    );
    let openssl_ok = |args: &[&str]| {
        let out = Command::new("openssl").args(args).output().unwrap();
        out.status.success() && String::from_utf8_lossy(&out.stdout).contains(": OK")
    };
    assert!(openssl_ok(&["verify", "-CAfile", &old_root, &cross_file]), "the old root signed the cross-signature");

    // Every leaf re-issued under the new root, and in use by its Envoy.
    for (service, sidecar) in [("echo", &echo_sidecar), ("web", &web_sidecar)] {
        eventually(&format!("{service}'s Envoy serves a leaf of the new root"), async || {
            let leaf = leaf_of(&agent, service).await;
            let pem = leaf["CertPEM"].as_str().unwrap_or_default();
            let leaf_file = write(&format!("{service}-leaf.pem"), pem);
            openssl_ok(&["verify", "-CAfile", &new_root, &leaf_file])
                && envoy_leaf_serials(sidecar).await.contains(&serial_hex(&leaf))
        })
        .await;
    }
    // A while more of load on the new certificates, then the count.
    let after = ok.load(Ordering::Relaxed);
    eventually("requests flow after the rotation", async || ok.load(Ordering::Relaxed) >= after + 20).await;
    stop.store(true, Ordering::Relaxed);
    load.join().unwrap();
    let failures = failures.lock().unwrap().clone();
    assert!(
        failures.is_empty(),
        "{} of {} requests failed: {failures:?}",
        failed.load(Ordering::Relaxed),
        ok.load(Ordering::Relaxed)
    );
    drop((echo_sidecar, web_sidecar));
    agent.stop().await;
}
