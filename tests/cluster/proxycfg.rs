//! The proxy config manager on a real agent: a gateway's snapshot follows the catalog, bursts
//! are folded, a slow watcher sees only the newest snapshot, and deregistration stops the
//! watches.

use serde_json::json;

use std::time::Duration;

use fedctl::agent::StartOptions;
use fedctl::proxycfg::ManagerOptions;

use crate::support::agent::{TestAgent, dev_agent, dev_agent_with};
use crate::support::eventually;

fn gateway(id: &str, wan_federation: bool) -> String {
    let meta = if wan_federation { json!({"consul-wan-federation": "1"}) } else { json!({}) };
    json!({"ID": id, "Name": "mesh-gateway", "Kind": "mesh-gateway", "Port": 8443, "Meta": meta}).to_string()
}

/// A node `n` of this datacenter running the `consul` service (a server joining).
fn server_node(n: usize) -> String {
    json!({
        "Node": format!("extra-{n}"), "Address": format!("10.9.0.{n}"),
        "Service": {"ID": "consul", "Service": "consul", "Port": 8300}
    })
    .to_string()
}

async fn register(agent: &TestAgent, path: &str, body: String) {
    let (status, text) = agent.put(path, body).await;
    assert_eq!(status, 200, "{path}: {text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn snapshots_follow_the_catalog_latest_only_and_stop_on_deregistration() {
    // A coalescing window much longer than the burst below takes to apply, so how many
    // snapshots it becomes does not depend on timing.
    let proxycfg = ManagerOptions { coalesce: Duration::from_secs(2), ..ManagerOptions::default() };
    let agent = dev_agent_with(StartOptions { proxycfg, ..StartOptions::default() }).await;
    let manager = agent.agent.proxycfg.clone();
    // Watching before the gateway exists is fine: nothing arrives until it is valid.
    let mut slow = manager.watch("gw");
    assert!(slow.borrow().is_none());
    register(&agent, "/v1/agent/service/register", gateway("gw", true)).await;
    eventually("a valid snapshot with the trust domain and this server", async || {
        manager.watch("gw").borrow().as_ref().is_some_and(|s| !s.trust_domain().is_empty() && !s.servers.is_empty())
    })
    .await;
    assert_eq!(manager.proxies(), ["gw"]);
    let first = manager.watch("gw").borrow().clone().unwrap();
    assert!(first.wan_federation());
    assert_eq!(first.datacenter, "dc1");

    // A burst of 30 servers joining, while `slow` does not read: afterwards it holds one
    // snapshot, the newest, and the manager published far fewer than 30.
    slow.mark_unchanged();
    let mut counter = manager.watch("gw");
    counter.mark_unchanged();
    let published = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let count = published.clone();
    let counting = tokio::spawn(async move {
        while counter.changed().await.is_ok() {
            count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }
    });
    let url = agent.url("/v1/catalog/register");
    let registrations: Vec<_> = (1..=30)
        .map(|n| {
            let (client, url) = (crate::support::http_client(), url.clone());
            tokio::spawn(async move { client.put(url).body(server_node(n)).send().await.unwrap().status() })
        })
        .collect();
    for r in registrations {
        assert_eq!(r.await.unwrap(), 200);
    }
    eventually("the snapshot shows all 31 servers", async || {
        manager.watch("gw").borrow().as_ref().is_some_and(|s| s.servers.len() == 31)
    })
    .await;
    assert!(slow.has_changed().unwrap());
    let newest = slow.borrow_and_update().clone().unwrap();
    assert_eq!(newest.servers.len(), 31, "a slow watcher gets the newest snapshot, not a backlog");
    assert!(!slow.has_changed().unwrap(), "and only that one");
    // The 30 changes land within one window: one snapshot (two if the burst straddled a
    // window's end), not one per change.
    let n = published.load(std::sync::atomic::Ordering::SeqCst);
    assert!((1..=2).contains(&n), "30 changes within one coalescing window published {n} snapshots");

    // A changed registration (meta) restarts the watches: without WAN federation no servers
    // are watched.
    register(&agent, "/v1/agent/service/register", gateway("gw", false)).await;
    eventually("the snapshot drops the servers", async || {
        manager.watch("gw").borrow().as_ref().is_some_and(|s| !s.wan_federation() && s.servers.is_empty())
    })
    .await;

    // Deregistration stops the state and tells watchers there is nothing to serve.
    assert_eq!(agent.put("/v1/agent/service/deregister/gw", "").await.0, 200);
    eventually("the gateway's watches stop", async || manager.proxies().is_empty()).await;
    eventually("watchers see no snapshot", async || slow.borrow().is_none()).await;
    counting.abort();
    agent.stop().await;
}

#[tokio::test]
async fn xds_over_tls_without_a_certificate_is_refused_at_start() {
    let flags =
        fedctl::config::ConfigFlags { dev: true, grpc_tls_port: Some(0), ..crate::support::agent::free_ports() };
    let cfg = fedctl::config::resolve(&flags).unwrap();
    let err = fedctl::agent::start(cfg, Default::default()).await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "ports.grpc_tls serves xDS with the agent's certificate, but cert_file and key_file are not set"
    );
}

#[tokio::test]
async fn a_gateway_registration_needs_a_port() {
    let agent = dev_agent().await;
    let body = json!({"Name": "mesh-gateway", "Kind": "mesh-gateway"}).to_string();
    let (status, text) = agent.put("/v1/agent/service/register", body).await;
    assert_eq!(status, 400, "{text}");
    assert!(text.contains("Port must be non-zero for a mesh-gateway"), "{text}");
    agent.stop().await;
}
