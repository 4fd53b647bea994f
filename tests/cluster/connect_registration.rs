//! Registering services with Connect on an agent, over the HTTP API as Consul clients do: a
//! `Connect.SidecarService` expanded into its sidecar (ID, name, port from 21000 in order,
//! proxy fields, the two default checks), deregistered with its service; the reference's
//! validation messages with nothing half-registered; native Connect; and the catalog's and
//! health's `connect` endpoints.

use serde_json::{Value, json};

use crate::support::agent::{TestAgent, dev_agent};

async fn register(agent: &TestAgent, body: Value) -> (u16, String) {
    agent.put("/v1/agent/service/register", body.to_string()).await
}

fn web_with_sidecar() -> Value {
    json!({
        "Name": "web", "Port": 8080, "Tags": ["v1"],
        "Check": {"CheckID": "web-ttl", "TTL": "30s"},
        "Connect": {"SidecarService": {"Proxy": {"Upstreams": [
            {"DestinationName": "echo", "LocalBindPort": 9191}
        ]}}}
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sidecar_service_is_expanded_registered_with_its_checks_and_deregistered_with_its_service() {
    let agent = dev_agent().await;
    assert_eq!(register(&agent, web_with_sidecar()).await, (200, String::new()));

    let services = agent.get_json("/v1/agent/services").await;
    let sidecar = &services["web-sidecar-proxy"];
    assert_eq!(sidecar["Kind"], "connect-proxy", "{services:#}");
    assert_eq!(sidecar["Service"], "web-sidecar-proxy");
    assert_eq!(sidecar["Port"], 21000, "the first port of the sidecar range");
    assert_eq!(sidecar["Tags"], json!(["v1"]), "tags come from the parent");
    let proxy = &sidecar["Proxy"];
    assert_eq!(proxy["DestinationServiceName"], "web");
    assert_eq!(proxy["DestinationServiceID"], "web");
    assert_eq!(proxy["LocalServiceAddress"], "127.0.0.1");
    assert_eq!(proxy["LocalServicePort"], 8080);
    assert_eq!(proxy["Upstreams"], json!([{"DestinationName": "echo", "LocalBindPort": 9191, "MeshGateway": {}}]));
    assert!(services["web"].get("Proxy").is_none(), "the parent stays a typical service: {services:#}");

    // The two default checks: the public port listening, and an alias of web, which follows
    // web's own (TTL, so critical until it is passed).
    let checks = agent.get_json("/v1/agent/checks").await;
    let of_sidecar: Vec<&Value> =
        checks.as_object().unwrap().values().filter(|c| c["ServiceID"] == "web-sidecar-proxy").collect();
    let names: Vec<&str> = of_sidecar.iter().map(|c| c["Name"].as_str().unwrap()).collect();
    assert_eq!(names.len(), 2, "{checks:#}");
    assert!(
        names.contains(&"Connect Sidecar Listening") && names.contains(&"Connect Sidecar Aliasing web"),
        "{names:?}"
    );
    let alias = |checks: &Value| {
        checks.as_object().unwrap().values().find(|c| c["Name"] == "Connect Sidecar Aliasing web").cloned().unwrap()
    };
    assert_eq!(alias(&checks)["Status"], "critical", "{checks:#}");
    assert_eq!(agent.put("/v1/agent/check/pass/web-ttl", "").await.0, 200);
    agent.wait_json("/v1/agent/checks", "the alias follows web to passing", |c| alias(c)["Status"] == "passing").await;

    // A second service's sidecar takes the next free port.
    let api = json!({"Name": "api", "Port": 9090, "Connect": {"SidecarService": {}}});
    assert_eq!(register(&agent, api).await.0, 200);
    assert_eq!(agent.get_json("/v1/agent/service/api-sidecar-proxy").await["Port"], 21001);

    // The catalog lists the proxies of web (anti-entropy has synced them).
    let catalog = agent
        .wait_json("/v1/catalog/connect/web", "web's sidecar in the catalog", |v| {
            v.as_array().is_some_and(|a| a.len() == 1)
        })
        .await;
    assert_eq!(catalog[0]["ServiceID"], "web-sidecar-proxy", "{catalog:#}");
    assert_eq!(catalog[0]["ServiceKind"], "connect-proxy");
    assert_eq!(catalog[0]["ServiceProxy"]["DestinationServiceName"], "web");
    assert_eq!(agent.get_json("/v1/catalog/service/web").await[0]["ServiceID"], "web", "by name: web itself");
    let health = agent.get_json("/v1/health/connect/web").await;
    assert_eq!(health.as_array().unwrap().len(), 1, "{health:#}");
    assert_eq!(health[0]["Service"]["Proxy"]["DestinationServiceID"], "web");
    assert!(health[0]["Checks"].as_array().unwrap().iter().any(|c| c["Name"] == "Connect Sidecar Listening"));

    // Deregistering web takes its sidecar with it; registering it again gives the same port.
    assert_eq!(agent.put("/v1/agent/service/deregister/web", "").await.0, 200);
    let services = agent.get_json("/v1/agent/services").await;
    assert!(services.get("web-sidecar-proxy").is_none() && services.get("api-sidecar-proxy").is_some(), "{services:#}");
    let checks = agent.get_json("/v1/agent/checks").await;
    assert!(!checks.as_object().unwrap().values().any(|c| c["ServiceID"] == "web-sidecar-proxy"), "{checks:#}");
    agent
        .wait_json("/v1/catalog/connect/web", "the sidecar gone from the catalog", |v| {
            v.as_array().is_some_and(|a| a.is_empty())
        })
        .await;
    assert_eq!(register(&agent, web_with_sidecar()).await.0, 200);
    assert_eq!(agent.get_json("/v1/agent/service/web-sidecar-proxy").await["Port"], 21000);
    agent.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_connect_definitions_get_the_references_messages_and_register_nothing() {
    let agent = dev_agent().await;
    let proxy = json!({
        "Kind": "connect-proxy", "Name": "p",
        "Proxy": {"MeshGateway": {"Mode": "sideways"}, "Upstreams": [
            {"DestinationName": "a", "LocalBindPort": 5000},
            {"DestinationName": "a", "LocalBindPort": 5001},
            {"DestinationType": "nope", "DestinationName": "", "LocalBindPort": 5000}
        ]}
    });
    let (code, body) = register(&agent, proxy).await;
    assert_eq!(code, 400, "{body}");
    let expected = [
        "Proxy.DestinationServiceName must be non-empty for Connect proxy services",
        "Port must be set for a Connect proxy",
        "Invalid Mesh Gateway Mode: \"sideways\"",
        "upstreams cannot contain duplicates of [type=, name=a, namespace=, datacenter=]",
        "unknown upstream destination type: \"nope\"",
        "upstream destination name cannot be empty",
        "upstreams cannot contain duplicates by local bind address and port; \"127.0.0.1:5000\" is specified twice",
    ];
    assert!(body.starts_with(&format!("{} errors occurred:\n", expected.len())), "{body}");
    for e in expected {
        assert!(body.contains(&format!("\t* {e}\n")), "{e:?} in {body}");
    }
    let native_proxy = json!({"Kind": "connect-proxy", "Name": "p", "Port": 1,
        "Proxy": {"DestinationServiceName": "x"}, "Connect": {"Native": true}});
    let (code, body) = register(&agent, native_proxy).await;
    assert_eq!(code, 400);
    assert_eq!(body, "1 error occurred:\n\t* A Proxy cannot also be Connect Native, only typical services\n\n");

    for (sidecar, message) in [
        (
            json!({"ID": "mine"}),
            "Invalid SidecarService: A SidecarService cannot specify an ID as this is managed by the agent",
        ),
        (
            json!({"Connect": {"SidecarService": {}}}),
            "Invalid SidecarService: A SidecarService cannot have a nested SidecarService",
        ),
    ] {
        let web = json!({"Name": "web", "Port": 8080, "Connect": {"SidecarService": sidecar}});
        assert_eq!(register(&agent, web).await, (400, message.to_owned()));
    }
    let services = agent.get_json("/v1/agent/services").await;
    assert_eq!(services, json!({}), "nothing half-registered");
    agent.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_native_service_is_its_own_connect_instance() {
    let agent = dev_agent().await;
    let db = json!({"Name": "db", "Port": 5432, "Connect": {"Native": true}});
    assert_eq!(register(&agent, db).await.0, 200);
    assert_eq!(agent.get_json("/v1/agent/service/db").await["Connect"], json!({"Native": true}));
    let catalog = agent
        .wait_json("/v1/catalog/connect/db", "db in the catalog's connect list", |v| {
            v.as_array().is_some_and(|a| a.len() == 1)
        })
        .await;
    assert_eq!(catalog[0]["ServiceConnect"], json!({"Native": true}), "{catalog:#}");
    assert_eq!(catalog[0]["ServiceKind"], "");
    agent.stop().await;
}
