//! `/v1/connect/intentions` and `/v1/agent/connect/authorize` against `-dev` agents: the
//! reference 1.8's shapes, IDs and messages; the `service-intentions` config entry they are a
//! view of (and the other way round); a blocking list; `connect { default_intention_policy }`.

use std::time::Duration;

use serde_json::{Value, json};

use crate::support::agent::{TestAgent, agent_with, dev_agent};
use crate::support::temp_dir;

async fn send(agent: &TestAgent, method: reqwest::Method, path: &str, body: Option<Value>) -> (u16, String) {
    let mut request = agent.http.request(method, agent.url(path));
    if let Some(body) = body {
        request = request.body(body.to_string());
    }
    let resp = request.send().await.unwrap();
    (resp.status().as_u16(), resp.text().await.unwrap())
}

async fn create(agent: &TestAgent, body: Value) -> (u16, String) {
    send(agent, reqwest::Method::POST, "/v1/connect/intentions", Some(body)).await
}

async fn created_id(agent: &TestAgent, source: &str, destination: &str, action: &str) -> String {
    let (status, body) =
        create(agent, json!({"SourceName": source, "DestinationName": destination, "Action": action})).await;
    assert_eq!(status, 200, "{body}");
    let id = serde_json::from_str::<Value>(&body).unwrap()["ID"].as_str().unwrap().to_owned();
    assert_eq!(id.len(), 36, "a UUID: {id}");
    id
}

async fn authorize(agent: &TestAgent, target: &str, uri: &str) -> (u16, String) {
    let body = json!({"Target": target, "ClientCertURI": uri, "ClientCertSerial": "01"});
    send(agent, reqwest::Method::POST, "/v1/agent/connect/authorize", Some(body)).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_1_8_api_creates_reads_updates_and_deletes_intentions_in_the_reference_shapes() {
    let agent = dev_agent().await;
    let web = created_id(&agent, "web", "db", "allow").await;
    let any = created_id(&agent, "*", "db", "deny").await;
    let one = agent.get_json(&format!("/v1/connect/intentions/{web}")).await;
    for (key, want) in [
        ("ID", json!(web)),
        ("SourceNS", json!("default")),
        ("SourceName", json!("web")),
        ("DestinationNS", json!("default")),
        ("DestinationName", json!("db")),
        ("SourceType", json!("consul")),
        ("Action", json!("allow")),
        ("Precedence", json!(9)),
        ("Meta", json!({})),
    ] {
        assert_eq!(one[key], want, "{key}: {one}");
    }
    assert!(one["CreatedAt"].as_str().unwrap().ends_with('Z') && one["CreatedAt"] == one["UpdatedAt"], "{one}");
    assert!(one["ModifyIndex"].as_u64() > Some(0), "{one}");

    // The list is in precedence order; each is a source of the destination's config entry.
    let list = agent.get_json("/v1/connect/intentions").await;
    let ids: Vec<&str> = list.as_array().unwrap().iter().map(|i| i["ID"].as_str().unwrap()).collect();
    assert_eq!(ids, [web.as_str(), any.as_str()]);
    let entry = agent.get_json("/v1/config/service-intentions/db").await;
    let sources: Vec<(&str, &str, &str)> = entry["Sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["Name"].as_str().unwrap(), s["Action"].as_str().unwrap(), s["LegacyID"].as_str().unwrap()))
        .collect();
    assert_eq!(sources, [("web", "allow", web.as_str()), ("*", "deny", any.as_str())]);
    assert_eq!(entry["Sources"][1]["Precedence"], 8);

    // The reference's errors; a refused write changes nothing.
    let duplicate = format!("duplicate intention found: ALLOW default/web => default/db (ID: {web}, Precedence: 9)");
    let refused = [
        (
            json!({"ID": "x", "SourceName": "a", "DestinationName": "db", "Action": "allow"}),
            "ID must be empty when creating a new intention",
        ),
        (json!({"SourceName": "web", "DestinationName": "db", "Action": "deny"}), &*duplicate),
        (
            json!({"SourceName": "api", "DestinationName": "db", "Action": "maybe"}),
            "Action must be set to 'allow' or 'deny'",
        ),
        (
            json!({"SourceName": "ap*", "DestinationName": "db", "Action": "allow"}),
            "SourceName: wildcard character '*' cannot be used with partial values",
        ),
        (json!({"SourceName": "api", "DestinationName": "", "Action": "allow"}), "DestinationName must be set"),
        (
            json!({"SourceName": "api", "DestinationName": "db", "Action": "allow", "SourceType": "aws"}),
            "SourceType must be set to 'consul'",
        ),
    ];
    let before = agent.get_json("/v1/connect/intentions").await;
    for (body, message) in refused {
        assert_eq!(create(&agent, body).await, (400, message.to_owned()));
    }
    let (status, body) =
        send(&agent, reqwest::Method::POST, "/v1/connect/intentions", Some(json!("not an intention"))).await;
    assert!(status == 400 && body.starts_with("Failed to decode request body: "), "{status} {body}");
    assert_eq!(agent.get_json("/v1/connect/intentions").await, before, "nothing changed");
    // Go clients send `"Meta": null` for none.
    let none = json!({"SourceName": "api", "DestinationName": "db", "Action": "allow", "Meta": null});
    let (status, body) = create(&agent, none).await;
    assert_eq!(status, 200, "{body}");
    let api: Value = serde_json::from_str(&body).unwrap();
    let path = format!("/v1/connect/intentions/{}", api["ID"].as_str().unwrap());
    assert_eq!(send(&agent, reqwest::Method::DELETE, &path, None).await.0, 200);
    // Moving web => db onto a destination that has web already is refused: both unchanged.
    let cache = created_id(&agent, "web", "cache", "allow").await;
    let before = agent.get_json("/v1/connect/intentions").await;
    let onto = json!({"SourceName": "web", "DestinationName": "cache", "Action": "deny"});
    let path = format!("/v1/connect/intentions/{web}");
    let (status, body) = send(&agent, reqwest::Method::PUT, &path, Some(onto)).await;
    let message = format!("duplicate intention found: ALLOW default/web => default/cache (ID: {cache}, Precedence: 9)");
    assert_eq!((status, body), (400, message));
    assert_eq!(agent.get_json("/v1/connect/intentions").await, before, "nothing changed");
    let path = format!("/v1/connect/intentions/{cache}");
    assert_eq!(send(&agent, reqwest::Method::DELETE, &path, None).await.0, 200);

    // Update: the ID from the path; the creation time kept. Moving it to another destination
    // moves it to that entry.
    let update = json!({"SourceName": "web", "DestinationName": "cache", "Action": "deny", "Description": "moved"});
    let path = format!("/v1/connect/intentions/{web}");
    assert_eq!(send(&agent, reqwest::Method::PUT, &path, Some(update)).await, (200, json!({"ID": web}).to_string()));
    let moved = agent.get_json(&path).await;
    assert_eq!((moved["DestinationName"].as_str(), moved["Action"].as_str()), (Some("cache"), Some("deny")));
    assert_eq!(moved["CreatedAt"], one["CreatedAt"], "{moved}");
    assert_eq!(agent.get_json("/v1/config/service-intentions/db").await["Sources"].as_array().unwrap().len(), 1);
    let missing = "00000000-0000-0000-0000-000000000000";
    let body = json!({"SourceName": "x", "DestinationName": "y", "Action": "allow"});
    let unknown = send(&agent, reqwest::Method::PUT, &format!("/v1/connect/intentions/{missing}"), Some(body)).await;
    assert_eq!(unknown, (400, format!("Cannot modify non-existent intention: '{missing}'")));

    // Get and delete: 404 `Intention not found`, an ID that is no UUID is refused.
    let (status, body) = send(&agent, reqwest::Method::GET, &format!("/v1/connect/intentions/{missing}"), None).await;
    assert_eq!((status, body.as_str()), (404, "Intention not found"));
    assert_eq!(send(&agent, reqwest::Method::GET, "/v1/connect/intentions/nope", None).await.0, 400);
    let deleted = send(&agent, reqwest::Method::DELETE, &path, None).await;
    assert_eq!(deleted, (200, "true".to_owned()));
    assert_eq!(
        send(&agent, reqwest::Method::DELETE, &path, None).await,
        (400, format!("Cannot delete non-existent intention: '{web}'"))
    );
    assert!(
        agent.get_json("/v1/config/service-intentions").await.as_array().unwrap().iter().all(|e| e["Name"] != "cache"),
        "an entry left without sources is gone"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn match_check_exact_and_authorize_answer_as_the_reference() {
    let agent = dev_agent().await;
    let web = created_id(&agent, "web", "db", "allow").await;
    created_id(&agent, "*", "db", "deny").await;
    created_id(&agent, "web", "*", "deny").await;

    let by_destination = agent.get_json("/v1/connect/intentions/match?by=destination&name=db&name=cache").await;
    let shown = |list: &Value| -> Vec<String> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|i| format!("{} => {}", i["SourceName"].as_str().unwrap(), i["DestinationName"].as_str().unwrap()))
            .collect()
    };
    assert_eq!(shown(&by_destination["db"]), ["web => db", "* => db", "web => *"]);
    assert_eq!(shown(&by_destination["cache"]), ["web => *"]);
    let by_source = agent.get_json("/v1/connect/intentions/match?by=source&name=api").await;
    assert_eq!(shown(&by_source["api"]), ["* => db"]);
    for (query, message) in [
        ("name=db", "required query parameter 'by' not set"),
        ("by=x&name=db", "'by' parameter must be one of 'source' or 'destination'"),
        ("by=source", "required query parameter 'name' not set"),
        ("by=source&name=a/b/c", "name \"a/b/c\" is invalid: input can contain at most one '/'"),
    ] {
        let got = send(&agent, reqwest::Method::GET, &format!("/v1/connect/intentions/match?{query}"), None).await;
        assert_eq!(got, (400, message.to_owned()), "{query}");
    }

    // check: first match wins (web => db beats * => db and web => *); no match: allow.
    let check = async |q: &str| agent.get_json(&format!("/v1/connect/intentions/check?{q}")).await["Allowed"].clone();
    assert_eq!(check("source=web&destination=db").await, true);
    assert_eq!(check("source=api&destination=db").await, false);
    assert_eq!(check("source=web&destination=cache").await, false);
    assert_eq!(check("source=api&destination=cache").await, true);
    let (status, body) = send(&agent, reqwest::Method::GET, "/v1/connect/intentions/check?source=web", None).await;
    assert_eq!((status, body.as_str()), (400, "required query parameter 'destination' not set"));

    // exact (1.9): by source and destination, whichever API wrote it.
    let exact = agent.get_json("/v1/connect/intentions/exact?source=web&destination=db").await;
    assert_eq!(exact["ID"], web);
    let entry = json!({"Kind": "service-intentions", "Name": "cache", "Sources": [{"Name": "ops", "Action": "allow"}]});
    assert_eq!(agent.put("/v1/config", entry.to_string()).await, (200, "true".to_owned()));
    let from_entry = agent.get_json("/v1/connect/intentions/exact?source=ops&destination=cache").await;
    assert_eq!((from_entry["ID"].as_str(), from_entry["Precedence"].as_u64()), (Some(""), Some(9)));
    let (status, body) =
        send(&agent, reqwest::Method::GET, "/v1/connect/intentions/exact?source=x&destination=db", None).await;
    assert_eq!((status, body.as_str()), (404, "Intention not found"));
    let l7 = json!({"Kind": "service-intentions", "Name": "cache", "Sources": [{"Name": "ops", "Permissions": [{"Action": "deny", "HTTP": {"PathPrefix": "/admin"}}]}]});
    let (status, body) = agent.put("/v1/config", l7.to_string()).await;
    assert_eq!(status, 400);
    assert!(
        body.starts_with(
            "fedctl does not apply Sources[].Permissions (L7 intentions) of a service-intentions entry yet"
        ),
        "{body}"
    );
    // PUT exact (1.9): creates, or replaces in one write keeping the ID; a config-entry write
    // keeps the 1.8 IDs and may not set them.
    let put = |action: &str| json!({"Action": action, "Description": "by pair"});
    let path = "/v1/connect/intentions/exact?source=api&destination=cache";
    assert_eq!(send(&agent, reqwest::Method::PUT, path, Some(put("deny"))).await, (200, "true".to_owned()));
    let first = agent.get_json(path).await;
    assert_eq!(send(&agent, reqwest::Method::PUT, path, Some(put("allow"))).await, (200, "true".to_owned()));
    let second = agent.get_json(path).await;
    assert_eq!((second["ID"].clone(), second["Action"].clone()), (first["ID"].clone(), json!("allow")));
    assert_eq!(second["CreatedAt"], first["CreatedAt"]);
    let rewritten = json!({"Kind": "service-intentions", "Name": "cache", "Sources": [
        {"Name": "api", "Action": "deny"}, {"Name": "ops", "Action": "allow"}]});
    assert_eq!(agent.put("/v1/config", rewritten.to_string()).await, (200, "true".to_owned()));
    let third = agent.get_json(path).await;
    assert_eq!((third["ID"].clone(), third["Action"].clone()), (first["ID"].clone(), json!("deny")), "the ID kept");
    let legacy = json!({"Kind": "service-intentions", "Name": "cache",
        "Sources": [{"Name": "api", "Action": "deny", "LegacyID": "x"}]});
    let refused = agent.put("/v1/config", legacy.to_string()).await;
    assert_eq!(refused, (400, "Sources[0].LegacyID must be omitted".to_owned()));
    let other_ns = "/v1/connect/intentions/exact?source=ns1/web&destination=db";
    let (status, body) = send(&agent, reqwest::Method::DELETE, other_ns, None).await;
    assert!(status == 400 && body.starts_with("SourceNS \"ns1\": fedctl has one namespace"), "{status} {body}");
    let kept = agent.get_json("/v1/connect/intentions/exact?source=web&destination=db").await;
    assert_eq!(kept["ID"], web, "web => db kept");
    let path = "/v1/connect/intentions/exact?source=ops&destination=cache";
    assert_eq!(send(&agent, reqwest::Method::DELETE, path, None).await, (200, "true".to_owned()));
    assert_eq!(send(&agent, reqwest::Method::GET, path, None).await.0, 404);

    // authorize: the decision and its reason for a client certificate's URI, any trust
    // domain or datacenter.
    let (status, body) = authorize(&agent, "db", "spiffe://other.consul/ns/default/dc/dc9/svc/web").await;
    let answer: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(status, 200, "{body}");
    assert_eq!(answer["Authorized"], true);
    assert_eq!(
        answer["Reason"],
        format!("Matched intention: ALLOW default/web => default/db (ID: {web}, Precedence: 9)")
    );
    let (_, body) = authorize(&agent, "other", "spiffe://t.consul/ns/default/dc/dc1/svc/api").await;
    assert_eq!(body, json!({"Authorized": true, "Reason": "ACLs disabled, access is allowed by default"}).to_string());
    for (target, uri, message) in [
        ("", "spiffe://t.consul/ns/default/dc/dc1/svc/web", "Target service must be specified"),
        ("db", "https://example.com/web", "ClientCertURI not a valid Connect identifier"),
        ("db", "spiffe://t.consul/agent/client/dc/dc1/id/node-1", "ClientCertURI not a valid Service identifier"),
    ] {
        assert_eq!(authorize(&agent, target, uri).await, (400, message.to_owned()), "{uri}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_blocking_list_wakes_on_a_write() {
    let agent = dev_agent().await;
    created_id(&agent, "web", "db", "allow").await;
    let resp = agent.http.get(agent.url("/v1/connect/intentions")).send().await.unwrap();
    let index: u64 = resp.headers()["X-Consul-Index"].to_str().unwrap().parse().unwrap();
    let url = agent.url(&format!("/v1/connect/intentions?index={index}&wait=30s"));
    let http = agent.http.clone();
    let waiter = tokio::spawn(async move { http.get(url).send().await.unwrap().json::<Value>().await.unwrap() });
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(!waiter.is_finished(), "parked until something changes");
    created_id(&agent, "api", "db", "deny").await;
    let woke = tokio::time::timeout(Duration::from_secs(10), waiter).await.unwrap().unwrap();
    assert_eq!(woke.as_array().unwrap().len(), 2, "{woke}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_default_policy_is_a_setting() {
    let dir = temp_dir();
    let file = dir.path().join("deny.hcl");
    std::fs::write(&file, "connect {\n  default_intention_policy = \"deny\"\n}\n").unwrap();
    let mut flags = crate::support::agent::free_ports();
    flags.dev = true;
    flags.config_files = vec![file.clone()];
    flags.node = Some("deny-node".into());
    let agent = agent_with(flags).await;
    let check = agent.get_json("/v1/connect/intentions/check?source=web&destination=db").await;
    assert_eq!(check["Allowed"], false, "no intention: denied by the setting");
    let (_, body) = authorize(&agent, "db", "spiffe://t.consul/ns/default/dc/dc1/svc/web").await;
    let answer: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(answer["Authorized"], false);
    assert_eq!(answer["Reason"], "Default behavior configured by connect.default_intention_policy = \"deny\"");
    created_id(&agent, "web", "db", "allow").await;
    let check = agent.get_json("/v1/connect/intentions/check?source=web&destination=db").await;
    assert_eq!(check["Allowed"], true);

    // Anything else is refused when the agent starts.
    let bad = dir.path().join("bad.hcl");
    std::fs::write(&bad, "connect {\n  default_intention_policy = \"maybe\"\n}\n").unwrap();
    let run = crate::support::fedctl(dir.path(), &["agent", "-dev", "-config-file", bad.to_str().unwrap()]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains("'connect.default_intention_policy' must be \"allow\" or \"deny\", not \"maybe\""),
        "{}",
        run.stderr
    );
}
