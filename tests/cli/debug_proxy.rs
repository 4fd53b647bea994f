//! `fedctl debug proxy`: every proxy the agent configures, its configuration state, its leaf
//! and its xDS stream, as a table and as JSON; an unknown proxy is an error with a hint.

use serde_json::Value;

use crate::support::agent::dev_agent;
use crate::support::gateway::wait_for_trust_domain;
use crate::support::{eventually, fedctl, fedctl_ok, temp_dir};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn debug_proxy_shows_each_sidecar_its_leaf_and_what_its_configuration_waits_for() {
    let agent = dev_agent().await;
    wait_for_trust_domain(&agent).await;
    let body = serde_json::json!({
        "Name": "web", "Port": 8080,
        "Connect": { "SidecarService": { "Proxy": { "Upstreams": [{ "DestinationName": "echo", "LocalBindPort": 9191 }] } } }
    });
    let (status, text) = agent.put("/v1/agent/service/register", body.to_string()).await;
    assert_eq!(status, 200, "{text}");
    let dir = temp_dir();
    let json = || {
        let run = fedctl_ok(dir.path(), &["debug", "proxy", "-http-addr", &agent.base, "-format=json"]);
        serde_json::from_str::<Value>(&run.stdout).unwrap()
    };
    eventually("the sidecar's configuration is delivered", async || json()["web-sidecar-proxy"]["Delivered"] == true)
        .await;
    let proxy = json()["web-sidecar-proxy"].clone();
    assert_eq!((proxy["Kind"].as_str(), proxy["Service"].as_str()), (Some("connect-proxy"), Some("web")));
    let echo = &proxy["Upstreams"]["echo"];
    assert_eq!(echo["Targets"][0]["Instances"], 0, "echo has no instances: answered, with none: {echo}");
    assert_eq!(echo["Targets"][0]["MeshGatewayFrom"], "same datacenter", "{echo}");
    assert_eq!(echo["Endpoints"], serde_json::json!([]), "{echo}");
    let leaf = &proxy["Leaf"];
    assert!(
        leaf["SerialNumber"].is_string() && leaf["ValidBefore"].is_string() && leaf["RenewAt"].is_string(),
        "{leaf}"
    );
    assert_eq!((leaf["Expiring"].clone(), leaf["Failures"].clone()), (Value::Bool(false), Value::from(0)));
    assert!(proxy["Xds"].is_null(), "no Envoy connected: {proxy}");

    let table = fedctl_ok(dir.path(), &["debug", "proxy", "-http-addr", &agent.base]).stdout;
    assert!(table.contains("web-sidecar-proxy") && table.contains("delivered (1 upstream(s))"), "{table}");
    assert!(table.contains("renews at") && table.contains("no stream yet"), "{table}");

    let unknown = fedctl(dir.path(), &["debug", "proxy", "nope", "-http-addr", &agent.base]);
    assert_eq!(unknown.code, 1);
    assert!(unknown.stderr.contains("no proxy \"nope\" is registered with this agent"), "{}", unknown.stderr);

    // The alarm's gauges are in the agent's metrics.
    let metrics = agent.get_json("/v1/agent/metrics").await;
    let gauge = |name: &str| {
        metrics["Gauges"].as_array().unwrap().iter().find(|g| g["Name"] == name).map(|g| g["Value"].clone())
    };
    assert_eq!(gauge("fedctl.connect.leaves"), Some(Value::from(1.0)));
    assert_eq!(gauge("fedctl.connect.leaves_expiring"), Some(Value::from(0.0)));
    agent.stop().await;
}
