//! WAN federation through mesh gateways on one host (loopback, real Envoy): servers never
//! dial each other across datacenters, only their gateways. The network-namespace tests
//! prove there is no other route; this one runs everywhere Envoy does.

use serde_json::Value;

use crate::support::gateway::{LoopbackFederation, have_envoy};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_datacenters_federate_through_their_gateways_only() {
    if !have_envoy("to federate through mesh gateways") {
        return;
    }
    let LoopbackFederation { pki: _pki, dc1, dc2, gw1, gw2 } = LoopbackFederation::start().await;
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
