//! The mesh in a secondary datacenter federated through gateways: the secondary gets its own
//! intermediate CA signed by the primary, its leaves chain to the primary's root through it
//! (checked with openssl), and with the primary stopped a new sidecar still gets a leaf and
//! carries traffic.

use std::process::Command;
use std::time::Duration;

use crate::support::gateway::{LoopbackFederation, free_port, have_envoy};
use crate::support::mesh::{echo_app, register_with_sidecar, start_sidecar, wait_for_round_trip};
use crate::support::{have_tool, temp_dir};

const FIRST_ROUTE: Duration = Duration::from_secs(40);

/// Every certificate of a PEM bundle, in order.
fn pem_blocks(bundle: &str) -> Vec<String> {
    bundle
        .split_inclusive("-----END CERTIFICATE-----")
        .map(|b| b.trim_start().to_owned())
        .filter(|b| b.starts_with("-----BEGIN CERTIFICATE-----"))
        .map(|b| b + "\n")
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_secondary_signs_leaves_with_its_own_intermediate_and_keeps_issuing_while_the_primary_is_down() {
    if !have_envoy("to run the gateways and sidecars") || !have_tool("openssl", "to verify the chain") {
        return;
    }
    let dir = temp_dir();
    let LoopbackFederation { pki: _pki, dc1, dc2, gw1, gw2 } = LoopbackFederation::start().await;

    // dc2's active root carries dc2's intermediate once the primary signed it.
    let roots = dc2
        .wait_json("/v1/connect/ca/roots", "dc2's intermediate", |r| {
            r["Roots"].as_array().is_some_and(|roots| {
                roots.iter().any(|root| {
                    root["Active"] == true && root["IntermediateCerts"].as_array().is_some_and(|i| !i.is_empty())
                })
            })
        })
        .await;
    let primary_roots = dc1.get_json("/v1/connect/ca/roots").await;
    assert_eq!(roots["ActiveRootID"], primary_roots["ActiveRootID"], "one root for the federation");
    let active = roots["Roots"].as_array().unwrap().iter().find(|r| r["Active"] == true).unwrap().clone();
    let intermediate = active["IntermediateCerts"][0].as_str().unwrap().to_owned();

    let echo_port = echo_app("echo").await;
    let (echo_public, upstream) = (free_port(), free_port());
    register_with_sidecar(&dc2, "echo", echo_port, echo_public, &[]).await;
    register_with_sidecar(&dc2, "web", free_port(), free_port(), &[("echo", upstream)]).await;
    let echo_sidecar = start_sidecar(&dc2.base, dir.path(), "echo");
    let web_sidecar = start_sidecar(&dc2.base, dir.path(), "web");
    wait_for_round_trip(&format!("127.0.0.1:{upstream}"), "hello", "echo: hello", FIRST_ROUTE, "web to echo in dc2")
        .await;

    // web's leaf is the leaf, then dc2's intermediate, which the primary's root signed.
    let leaf = dc2.get_json("/v1/agent/connect/ca/leaf/web").await;
    assert!(leaf["ServiceURI"].as_str().unwrap().contains("/dc/dc2/svc/web"), "{leaf}");
    let chain = pem_blocks(leaf["CertPEM"].as_str().unwrap());
    assert_eq!(chain.len(), 2, "leaf and intermediate: {chain:?}");
    assert_eq!(chain[1], intermediate.trim_start().to_owned() + if intermediate.ends_with('\n') { "" } else { "\n" });
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    };
    let root = write("root.pem", primary_roots["Roots"][0]["RootCert"].as_str().unwrap());
    let (leaf_file, inter_file) = (write("leaf.pem", &chain[0]), write("inter.pem", &chain[1]));
    let verify = Command::new("openssl")
        .args(["verify", "-CAfile", &root, "-untrusted", &inter_file, &leaf_file])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&verify.stdout).contains(": OK"), "{verify:?}");
    // Without the intermediate the leaf does not verify: the root did not sign it directly.
    let direct = Command::new("openssl").args(["verify", "-CAfile", &root, &leaf_file]).output().unwrap();
    assert!(!direct.status.success(), "the leaf must need the intermediate: {direct:?}");
    let text = Command::new("openssl").args(["x509", "-in", &inter_file, "-noout", "-text"]).output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("CA:TRUE, pathlen:0"), "{text}");

    // The primary goes away (its gateway and its server); dc2 still issues a leaf for a new
    // service and its sidecar carries traffic.
    drop(gw1);
    dc1.stop().await;
    let api_upstream = free_port();
    register_with_sidecar(&dc2, "api", free_port(), free_port(), &[("echo", api_upstream)]).await;
    let api_sidecar = start_sidecar(&dc2.base, dir.path(), "api");
    wait_for_round_trip(
        &format!("127.0.0.1:{api_upstream}"),
        "still",
        "echo: still",
        FIRST_ROUTE,
        "a new sidecar in dc2 with the primary down",
    )
    .await;
    let api_leaf = dc2.get_json("/v1/agent/connect/ca/leaf/api").await;
    assert_eq!(pem_blocks(api_leaf["CertPEM"].as_str().unwrap())[1], chain[1], "signed by dc2's intermediate");

    drop((echo_sidecar, web_sidecar, api_sidecar, gw2));
    dc2.stop().await;
}
