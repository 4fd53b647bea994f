//! Connect leaf certificates for services: made by the agent (its own key, a CSR signed by a
//! server with the datacenter's CA), checked with openssl as a user would; cached until
//! renewal; a blocking request answers when its wait ends; a server signs only service IDs of
//! its own trust domain and datacenter, in the reference's words.

use std::process::Command;

use fedctl::rpc::message::Request;
use fedctl::rpc::{ClientOptions, RpcClient, Target};
use fedctl::tls::leaf::leaf_request;
use serde_json::Value;

use crate::support::agent::{TestAgent, dev_agent};
use crate::support::{have_tool, temp_dir};

async fn leaf(agent: &TestAgent, query: &str) -> (String, Value) {
    let resp = agent.http.get(agent.url(&format!("/v1/agent/connect/ca/leaf/web{query}"))).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let cache = resp.headers()["X-Cache"].to_str().unwrap().to_owned();
    (cache, resp.json().await.unwrap())
}

fn openssl(args: &[&str]) -> String {
    let out = Command::new("openssl").args(args).output().expect("openssl runs");
    assert!(out.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn rfc3339(v: &Value) -> time::OffsetDateTime {
    time::OffsetDateTime::parse(v.as_str().unwrap(), &time::format_description::well_known::Rfc3339).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_services_leaf_chains_to_the_root_carries_its_spiffe_id_and_is_cached() {
    if !have_tool("openssl", "to check the leaf certificate") {
        return;
    }
    let agent = dev_agent().await;
    let roots = agent.wait_json("/v1/agent/connect/ca/roots", "the CA exists", |r| r["ActiveRootID"] != "").await;
    let td = roots["TrustDomain"].as_str().unwrap().to_owned();
    let (cache, issued) = leaf(&agent, "").await;
    assert_eq!(cache, "MISS");
    let uri = format!("spiffe://{td}/ns/default/dc/dc1/svc/web");
    assert_eq!(issued["Service"], "web");
    assert_eq!(issued["ServiceURI"], uri.as_str());
    assert_eq!(rfc3339(&issued["ValidBefore"]) - rfc3339(&issued["ValidAfter"]), time::Duration::hours(72));

    let dir = temp_dir();
    let file = |name: &str, text: &Value| {
        let path = dir.path().join(name);
        std::fs::write(&path, text.as_str().unwrap()).unwrap();
        path.display().to_string()
    };
    let (cert, key, root) = (
        file("leaf.pem", &issued["CertPEM"]),
        file("key.pem", &issued["PrivateKeyPEM"]),
        file("root.pem", &roots["Roots"][0]["RootCert"]),
    );
    assert!(openssl(&["verify", "-CAfile", &root, &cert]).contains(": OK"));
    let text = openssl(&["x509", "-in", &cert, "-noout", "-text"]);
    assert!(text.contains(&format!("URI:{uri}")), "{text}");
    assert!(text.contains("TLS Web Client Authentication, TLS Web Server Authentication"), "{text}");
    assert!(text.contains("CA:FALSE"), "{text}");
    assert!(text.contains("ASN1 OID: prime256v1"), "an ECDSA P-256 key: {text}");
    // The private key is the certificate's.
    assert_eq!(openssl(&["pkey", "-in", &key, "-pubout"]), openssl(&["x509", "-in", &cert, "-noout", "-pubkey"]));

    // Cached: the same certificate, and a blocking request whose wait ends answers with it.
    let (cache, again) = leaf(&agent, "").await;
    assert_eq!((cache.as_str(), &again["SerialNumber"]), ("HIT", &issued["SerialNumber"]));
    let index = issued["ModifyIndex"].as_u64().unwrap();
    let (_, blocked) = leaf(&agent, &format!("?index={index}&wait=200ms")).await;
    assert_eq!(blocked["SerialNumber"], issued["SerialNumber"]);
    agent.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_signs_only_service_ids_of_its_trust_domain_and_datacenter() {
    let agent = dev_agent().await;
    let roots = agent.wait_json("/v1/connect/ca/roots", "the CA exists", |r| r["ActiveRootID"] != "").await;
    let td = roots["TrustDomain"].as_str().unwrap().to_owned();
    let client = RpcClient::new(ClientOptions::default());
    let target = Target { addr: agent.agent.rpc_addr.clone(), node: None, datacenter: "dc1".into() };
    let sign = async |csr: String| client.request(&target, &Request::ConnectSign { csr }).await.unwrap();
    let other_dc = leaf_request(&td, "dc9", "web").unwrap().csr_pem;
    let refused = sign(other_dc).await.unwrap_err().to_string();
    assert_eq!(refused, "SPIFFE ID in CSR from a different datacenter: dc9, we are dc1");
    let other_domain = leaf_request("11111111-2222-3333-4444-555555555555.consul", "dc1", "web").unwrap().csr_pem;
    let refused = sign(other_domain).await.unwrap_err().to_string();
    assert_eq!(
        refused,
        format!(
            "SPIFFE ID in CSR from a different trust domain: 11111111-2222-3333-4444-555555555555.consul, we are {td}"
        )
    );
    let refused = sign("not a CSR".to_owned()).await.unwrap_err().to_string();
    assert!(refused.starts_with("invalid CSR: "), "{refused}");
    let signed = sign(leaf_request(&td, "dc1", "api").unwrap().csr_pem).await.expect("a CSR of this datacenter");
    assert!(format!("{signed:?}").contains("svc/api"), "{signed:?}");
    agent.stop().await;
}
