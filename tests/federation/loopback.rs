//! WAN federation through mesh gateways on one host (loopback, real Envoy): servers never
//! dial each other across datacenters, only their gateways. The network-namespace tests
//! prove there is no other route; this one runs everywhere Envoy does.

use serde_json::Value;

use crate::support::agent::TestAgent;
use crate::support::eventually_with;
use crate::support::gateway::{Gateway, Pki, have_envoy, wanfed_server};

async fn wan_alive(agent: &TestAgent) -> usize {
    let members = agent.get_json("/v1/agent/members?wan=1").await;
    members.as_array().map_or(0, |m| m.iter().filter(|m| m["Status"] == 1).count())
}

async fn trust_domain(agent: &TestAgent) -> String {
    agent.get_json("/v1/connect/ca/roots").await["TrustDomain"].as_str().unwrap_or_default().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_datacenters_federate_through_their_gateways_only() {
    if !have_envoy("to federate through mesh gateways") {
        return;
    }
    let pki = Pki::new();
    let dir = pki.dir.path();
    let dc1 = wanfed_server(&pki, "dc1", &[]).await;
    let gw1 = Gateway::start(&dc1, dir, "gw-dc1");
    let dc2 = wanfed_server(&pki, "dc2", std::slice::from_ref(&gw1.addr)).await;
    let gw2 = Gateway::start(&dc2, dir, "gw-dc2");
    let logs = || format!("--- gw1:\n{}\n--- gw2:\n{}", gw1.log(), gw2.log());

    eventually_with("both servers see 2 alive WAN members", logs, async || {
        wan_alive(&dc1).await == 2 && wan_alive(&dc2).await == 2
    })
    .await;
    let td = trust_domain(&dc1).await;
    eventually_with("dc2 mirrors the trust domain", logs, async || trust_domain(&dc2).await == td).await;
    for (gw, other, other_addr) in [(&gw1, "dc2", &gw2.addr), (&gw2, "dc1", &gw1.addr)] {
        let cluster = format!("{other}.internal.{td}");
        eventually_with(&format!("a healthy endpoint for {other}"), logs, async || {
            gw.hosts(&cluster).await == [(other_addr.clone(), "healthy".to_owned())]
        })
        .await;
    }
    // Cross-datacenter writes both ways.
    let (status, body) = dc1.put("/v1/kv/foo?dc=dc2", "bar").await;
    assert_eq!((status, body.trim()), (200, "true"));
    let (status, body) = dc2.put("/v1/kv/oof?dc=dc1", "rab").await;
    assert_eq!((status, body.trim()), (200, "true"));
    let read: Value = dc1.get_json("/v1/kv/oof").await;
    assert_eq!(read[0]["Value"], "cmFi", "dc1 holds what dc2 wrote there");

    // Every cross-DC dial went through a gateway: the locators say which and why.
    let status = dc2.get_json("/v1/internal/gateways").await;
    assert_eq!(status["Enabled"], true, "{status}");
    assert_eq!(status["Picks"]["dc1"]["Address"], gw2.addr.as_str(), "{status}");
    assert!(status["Picks"]["dc1"]["Reason"].as_str().unwrap().contains("local gateway"), "{status}");
    // The write dialled dc1 through gw2, and so did WAN gossip (the probes count apart).
    assert!(status["Dials"][&gw2.addr]["dc1"]["RpcDials"].as_u64().is_some_and(|n| n >= 1), "{status}");
    assert!(status["Dials"][&gw2.addr]["dc1"]["GossipDials"].as_u64().is_some_and(|n| n >= 1), "{status}");
    let status = dc1.get_json("/v1/internal/gateways").await;
    assert_eq!(status["Picks"]["dc2"]["Address"], gw1.addr.as_str(), "{status}");
    drop((gw1, gw2));
    dc2.stop().await;
    dc1.stop().await;
}
