//! Registering services with Connect on an agent, over the HTTP API as Consul clients do: a
//! `Connect.SidecarService` expanded into its sidecar (ID, name, port from 21000 in order,
//! proxy fields with `Expose`, the two default checks, the alias following the service and the
//! node's own checks in the reference's words), deregistered with its service, its checks
//! keeping their status when it is registered again; the reference's validation messages with
//! nothing half-registered; native Connect; and the catalog's and health's `connect` endpoints.

use serde_json::{Value, json};

use crate::support::agent::{TestAgent, dev_agent};

async fn register(agent: &TestAgent, body: Value) -> (u16, String) {
    agent.put("/v1/agent/service/register", body.to_string()).await
}

fn web_with_sidecar() -> Value {
    json!({
        "Name": "web", "Port": 8080, "Tags": ["v1"],
        "Check": {"CheckID": "web-ttl", "TTL": "30s"},
        "Connect": {"SidecarService": {"Proxy": {
            "Upstreams": [{"DestinationName": "echo", "LocalBindPort": 9191}],
            "Expose": {"Paths": [{"Path": "/metrics", "LocalPathPort": 8080, "ListenerPort": 21500}]}
        }}}
    })
}

/// The sidecar's `Expose` as the agent and the catalog show it (`ParsedFromCheck` always).
fn web_expose() -> Value {
    json!({"Paths": [{"ListenerPort": 21500, "Path": "/metrics", "LocalPathPort": 8080, "ParsedFromCheck": false}]})
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
    assert_eq!(
        proxy["Upstreams"],
        json!([{"DestinationType": "service", "DestinationName": "echo", "LocalBindPort": 9191, "MeshGateway": {}}]),
        "an upstream without a type is stored as a service's"
    );
    assert_eq!(proxy["Expose"], web_expose(), "Expose comes from the sidecar definition");
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
    assert_eq!(alias(&checks)["Output"], "Aliased check \"web-ttl\" failing: ", "{checks:#}");
    assert_eq!(agent.put("/v1/agent/check/pass/web-ttl", "").await.0, 200);
    let checks = agent
        .wait_json("/v1/agent/checks", "the alias follows web to passing", |c| alias(c)["Status"] == "passing")
        .await;
    assert_eq!(alias(&checks)["Output"], "All checks passing.");

    // Registered again, web and its sidecar keep their checks' status (and the same port).
    assert_eq!(register(&agent, web_with_sidecar()).await.0, 200);
    let checks = agent.get_json("/v1/agent/checks").await;
    assert_eq!(checks["web-ttl"]["Status"], "passing", "{checks:#}");
    assert_eq!(alias(&checks)["Status"], "passing", "{checks:#}");
    assert_eq!(alias(&checks)["Output"], "All checks passing.");
    assert_eq!(agent.get_json("/v1/agent/service/web-sidecar-proxy").await["Port"], 21000);

    // The node's own checks count too, as in the reference.
    let node_check = json!({"ID": "node-ttl", "Name": "node-ttl", "TTL": "30s"}).to_string();
    assert_eq!(agent.put("/v1/agent/check/register", node_check).await.0, 200);
    let checks = agent
        .wait_json("/v1/agent/checks", "the alias follows the node's critical check", |c| {
            alias(c)["Status"] == "critical"
        })
        .await;
    assert_eq!(alias(&checks)["Output"], "Aliased check \"node-ttl\" failing: ");
    assert_eq!(agent.put("/v1/agent/check/warn/node-ttl?note=slow", "").await.0, 200);
    let checks = agent
        .wait_json("/v1/agent/checks", "the alias follows the node's warning", |c| alias(c)["Status"] == "warning")
        .await;
    assert_eq!(alias(&checks)["Output"], "Aliased check \"node-ttl\" failing: slow");
    assert_eq!(agent.put("/v1/agent/check/deregister/node-ttl", "").await.0, 200);
    agent.wait_json("/v1/agent/checks", "the alias passing again", |c| alias(c)["Status"] == "passing").await;

    // A second service's sidecar takes the next free port.
    let api = json!({"Name": "api", "Port": 9090, "Connect": {"SidecarService": {}}});
    assert_eq!(register(&agent, api).await.0, 200);
    let api_sidecar = agent.get_json("/v1/agent/service/api-sidecar-proxy").await;
    assert_eq!(api_sidecar["Port"], 21001);
    assert_eq!(api_sidecar["Proxy"]["Expose"], json!({}), "never omitted, as the reference: {api_sidecar:#}");

    // The catalog lists the proxies of web (anti-entropy has synced them).
    let catalog = agent
        .wait_json("/v1/catalog/connect/web", "web's sidecar in the catalog", |v| {
            v.as_array().is_some_and(|a| a.len() == 1)
        })
        .await;
    assert_eq!(catalog[0]["ServiceID"], "web-sidecar-proxy", "{catalog:#}");
    assert_eq!(catalog[0]["ServiceKind"], "connect-proxy");
    assert_eq!(catalog[0]["ServiceProxy"]["DestinationServiceName"], "web");
    assert_eq!(catalog[0]["ServiceProxy"]["Expose"], web_expose());
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

    // A sidecar deregistered by its own ID is no longer web's: a service registered with that
    // ID later stays when web goes.
    assert_eq!(agent.put("/v1/agent/service/deregister/web-sidecar-proxy", "").await.0, 200);
    let other = json!({"ID": "web-sidecar-proxy", "Name": "other", "Port": 7000});
    assert_eq!(register(&agent, other).await.0, 200);
    assert_eq!(agent.put("/v1/agent/service/deregister/web", "").await.0, 200);
    let services = agent.get_json("/v1/agent/services").await;
    assert_eq!(services["web-sidecar-proxy"]["Service"], "other", "{services:#}");
    agent.stop().await;
}

/// go-multierror's text for `problems`, as the reference answers a bad registration.
fn multierror(problems: &[&str]) -> String {
    let head = if problems.len() == 1 {
        "1 error occurred:".to_owned()
    } else {
        format!("{} errors occurred:", problems.len())
    };
    let items: String = problems.iter().map(|p| format!("\n\t* {p}")).collect();
    format!("{head}{items}\n\n")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_connect_definitions_get_the_references_messages_and_register_nothing() {
    let agent = dev_agent().await;
    let proxy = json!({
        "Kind": "connect-proxy", "Name": "p",
        "Proxy": {
            "MeshGateway": {"Mode": "sideways"},
            "Upstreams": [
                {"DestinationName": "a", "LocalBindPort": 5000},
                {"DestinationType": "service", "DestinationName": "a", "LocalBindPort": 5001},
                {"DestinationType": "nope", "DestinationName": "", "LocalBindPort": 0},
                {"DestinationName": "b", "LocalBindPort": 5000},
                {"DestinationName": "c", "LocalBindAddress": "::1", "LocalBindPort": 6000},
                {"DestinationName": "d", "LocalBindAddress": "::1", "LocalBindPort": 6000},
                {"DestinationName": "", "LocalBindPort": 5000}
            ],
            "Expose": {"Paths": [
                {"Path": "metrics", "ListenerPort": 21500, "LocalPathPort": 8080, "Protocol": "grpc"},
                {"Path": "", "ListenerPort": 21500},
                {"Path": "/health", "ListenerPort": 0, "Protocol": "HTTP2"}
            ]}
        }
    });
    let (code, body) = register(&agent, proxy).await;
    assert_eq!(code, 400, "{body}");
    // One problem per invalid upstream (its first), and an invalid or duplicate upstream takes
    // no part in the later duplicate checks; an empty DestinationType is "service".
    let expected = [
        "Proxy.DestinationServiceName must be non-empty for Connect proxy services",
        "Port must be set for a Connect proxy",
        "upstreams cannot contain duplicates of [type=\"service\", name=\"a\", namespace=\"\", datacenter=\"\"]",
        "unknown upstream destination type: \"nope\"",
        "upstreams cannot contain duplicates by local bind address and port; \"127.0.0.1:5000\" is specified twice",
        "upstreams cannot contain duplicates by local bind address and port; \"[::1]:6000\" is specified twice",
        "upstream destination name cannot be empty",
        "protocol 'grpc' not supported for path: metrics, must be in: [http http2]",
        "expose.paths: empty path exposed",
        "expose.paths: duplicate listener ports exposed",
        "expose.paths: invalid listener port: 0",
        "Invalid Mesh Gateway Mode: \"sideways\"",
    ];
    assert_eq!(body, multierror(&expected));
    let native_proxy = json!({"Kind": "connect-proxy", "Name": "p", "Port": 1,
        "Proxy": {"DestinationServiceName": "x"}, "Connect": {"Native": true}});
    let (code, body) = register(&agent, native_proxy).await;
    assert_eq!(code, 400);
    assert_eq!(body, multierror(&["A Proxy cannot also be Connect Native, only typical services"]));

    for (sidecar, message) in [
        (json!({"ID": "mine"}), multierror(&["A SidecarService cannot specify an ID as this is managed by the agent"])),
        (
            json!({"Connect": {"SidecarService": {}}}),
            multierror(&["A SidecarService cannot have a nested SidecarService"]),
        ),
        (
            json!({"Check": {"Name": "x"}}),
            "Invalid check in sidecar_service: check \"x\": exactly one of TCP, HTTP, TTL or AliasService is required"
                .to_owned(),
        ),
    ] {
        let web = json!({"Name": "web", "Port": 8080, "Connect": {"SidecarService": sidecar}});
        assert_eq!(register(&agent, web).await, (400, message));
    }
    let services = agent.get_json("/v1/agent/services").await;
    assert_eq!(services, json!({}), "nothing half-registered");
    agent.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_proxys_expose_block_takes_snake_case_keys_and_shows_the_references_json() {
    let agent = dev_agent().await;
    let proxy = json!({
        "kind": "connect-proxy", "name": "web-proxy", "port": 21500,
        "proxy": {"destination_service_name": "web", "expose": {"checks": true, "paths": [
            {"path": "/metrics", "listener_port": 21501, "local_path_port": 8080, "protocol": "http2"}
        ]}}
    });
    assert_eq!(register(&agent, proxy).await, (200, String::new()));
    let service = agent.get_json("/v1/agent/service/web-proxy").await;
    assert_eq!(
        service["Proxy"]["Expose"],
        json!({"Checks": true, "Paths": [
            {"ListenerPort": 21501, "Path": "/metrics", "LocalPathPort": 8080, "Protocol": "http2", "ParsedFromCheck": false}
        ]}),
        "{service:#}"
    );
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
