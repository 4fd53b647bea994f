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
use crate::support::gateway::wait_for_trust_domain;
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

/// The agent's server port, for RPCs sent as another agent would.
fn rpc_target(agent: &TestAgent) -> Target {
    Target { addr: agent.agent.rpc_addr.clone(), node: None, datacenter: "dc1".into() }
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

    // The serial shown is the certificate's (no leading zero byte the DER lacks).
    let serial = openssl(&["x509", "-in", &cert, "-noout", "-serial"]);
    let shown = issued["SerialNumber"].as_str().unwrap().replace(':', "").to_uppercase();
    assert_eq!(serial.trim(), format!("serial={shown}"));

    // Cached: the same certificate, with its age, and a blocking request whose wait ends
    // answers with it.
    let resp = agent.http.get(agent.url("/v1/agent/connect/ca/leaf/web")).send().await.unwrap();
    assert_eq!(resp.headers()["X-Cache"], "HIT");
    assert!(resp.headers()["Age"].to_str().unwrap().parse::<u64>().is_ok(), "{:?}", resp.headers());
    let again: Value = resp.json().await.unwrap();
    assert_eq!(again["SerialNumber"], issued["SerialNumber"]);
    let index = issued["ModifyIndex"].as_u64().unwrap();
    let (_, blocked) = leaf(&agent, &format!("?index={index}&wait=200ms")).await;
    assert_eq!(blocked["SerialNumber"], issued["SerialNumber"]);

    // The agent's roots come from its own watch, as a cache hit.
    let resp = agent.http.get(agent.url("/v1/agent/connect/ca/roots")).send().await.unwrap();
    assert_eq!(resp.headers()["X-Cache"], "HIT");
    let agent_roots: Value = resp.json().await.unwrap();
    assert_eq!(agent_roots["ActiveRootID"], roots["ActiveRootID"]);
    agent.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_first_requests_for_a_service_share_one_leaf() {
    let agent = dev_agent().await;
    wait_for_trust_domain(&agent).await;
    let url = agent.url("/v1/agent/connect/ca/leaf/api");
    let requests: Vec<_> = (0..8)
        .map(|_| {
            let (http, url) = (agent.http.clone(), url.clone());
            tokio::spawn(async move {
                let resp = http.get(url).send().await.unwrap();
                assert_eq!(resp.status(), 200);
                resp.json::<Value>().await.unwrap()
            })
        })
        .collect();
    let mut serials = std::collections::BTreeSet::new();
    for request in requests {
        serials.insert(request.await.unwrap()["SerialNumber"].as_str().unwrap().to_owned());
    }
    assert_eq!(serials.len(), 1, "one leaf for all: {serials:?}");
    agent.stop().await;
}

/// A CSR for `uri` with a key of `alg` (rcgen), or an RSA key of `rsa_bits` (openssl).
fn csr_for(uri: &str, alg: Option<&'static rcgen::SignatureAlgorithm>, rsa_bits: u32) -> String {
    if let Some(alg) = alg {
        let key = rcgen::KeyPair::generate_for(alg).unwrap();
        let mut params = rcgen::CertificateParams::default();
        params.subject_alt_names = vec![rcgen::SanType::URI(uri.to_owned().try_into().unwrap())];
        return params.serialize_request(&key).unwrap().pem().unwrap();
    }
    let dir = temp_dir();
    let (key, csr) = (dir.path().join("k.pem"), dir.path().join("csr.pem"));
    let (key, csr) = (key.to_str().unwrap(), csr.to_str().unwrap());
    let san = format!("subjectAltName=URI:{uri}");
    let rsa = format!("rsa:{rsa_bits}");
    openssl(&[
        "req", "-new", "-newkey", &rsa, "-nodes", "-subj", "/CN=x", "-addext", &san, "-keyout", key, "-out", csr,
    ]);
    std::fs::read_to_string(csr).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_refuses_hostile_csrs_weak_keys_other_namespaces_and_odd_names() {
    if !have_tool("openssl", "to make RSA CSRs") {
        return;
    }
    let agent = dev_agent().await;
    let td = wait_for_trust_domain(&agent).await;
    let (client, target) = (RpcClient::new(ClientOptions::default()), rpc_target(&agent));
    let sign = async |csr: String| client.request(&target, &Request::ConnectSign { csr }).await.unwrap();
    let web = format!("spiffe://{td}/ns/default/dc/dc1/svc/web");
    let p256 = Some(&rcgen::PKCS_ECDSA_P256_SHA256);

    let refused = sign(csr_for(&format!("spiffe://{td}/ns/other/dc/dc1/svc/web"), p256, 0)).await.unwrap_err();
    assert_eq!(refused.to_string(), "SPIFFE ID in CSR must be in the default namespace, not \"other\"");
    let refused = sign(csr_for(&format!("spiffe://{td}/ns/default/dc/dc1/svc/we*b"), p256, 0)).await.unwrap_err();
    assert!(refused.to_string().starts_with("invalid service name in CSR: \"we*b\""), "{refused}");
    let refused = sign(csr_for(&web, Some(&rcgen::PKCS_ECDSA_P384_SHA384), 0)).await.unwrap_err();
    assert_eq!(
        refused.to_string(),
        "CSR key must be ECDSA P-256 or RSA of at least 2048 bits: ECDSA on curve 1.3.132.0.34"
    );
    let refused = sign(csr_for(&web, None, 1024)).await.unwrap_err();
    assert_eq!(refused.to_string(), "CSR key must be ECDSA P-256 or RSA of at least 2048 bits: RSA of 1024 bits");
    let refused = sign(csr_for(&format!("spiffe://{td}/agent/client/dc/dc1/id/n1"), p256, 0)).await.unwrap_err();
    assert_eq!(refused.to_string(), "SPIFFE ID in CSR must be a service or agent ID");
    sign(csr_for(&web, None, 2048)).await.expect("RSA 2048 is accepted");
    agent.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_signs_only_service_ids_of_its_trust_domain_and_datacenter() {
    let agent = dev_agent().await;
    let td = wait_for_trust_domain(&agent).await;
    let (client, target) = (RpcClient::new(ClientOptions::default()), rpc_target(&agent));
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
    // An intermediate CA is never signed for a peer TLS does not prove to be a server.
    let csr = fedctl::tls::intermediate::intermediate_request(&td, "dc2").unwrap().csr_pem;
    let refused = client.request(&target, &Request::ConnectSignIntermediate { csr }).await.unwrap().unwrap_err();
    assert!(
        refused.to_string().contains("intermediate CA certificates are signed only for servers proven by TLS"),
        "{refused}"
    );
    let signed = sign(leaf_request(&td, "dc1", "api").unwrap().csr_pem).await.expect("a CSR of this datacenter");
    assert!(format!("{signed:?}").contains("svc/api"), "{signed:?}");
    agent.stop().await;
}
