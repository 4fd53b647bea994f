//! ACLs on one datacenter (default deny): the attacks an open agent lets through, each refused
//! and each leaving the state unchanged; bootstrap once, and again only with the reset index;
//! `/v1/acl/*` in the reference's shapes and messages; filtering of lists; the agent's own
//! endpoints.

use std::path::Path;

use fedctl::config::ConfigFlags;
use serde_json::{Value, json};

use crate::support::agent::{TestAgent, acl_dev_agent, agent_with, free_ports};
use crate::support::{eventually, temp_dir};

const MASTER: &str = "3f6f9a52-6d3e-4c39-9a8e-1d2c3b4a5f60";

async fn send(
    agent: &TestAgent,
    method: reqwest::Method,
    path: &str,
    token: Option<&str>,
    body: Option<String>,
) -> (u16, String) {
    let mut request = agent.http.request(method, agent.url(path));
    if let Some(token) = token {
        request = request.header("X-Consul-Token", token);
    }
    if let Some(body) = body {
        request = request.body(body);
    }
    let resp = request.send().await.unwrap();
    (resp.status().as_u16(), resp.text().await.unwrap())
}

async fn get(agent: &TestAgent, path: &str, token: Option<&str>) -> (u16, String) {
    send(agent, reqwest::Method::GET, path, token, None).await
}

async fn put(agent: &TestAgent, path: &str, token: Option<&str>, body: impl Into<String>) -> (u16, String) {
    send(agent, reqwest::Method::PUT, path, token, Some(body.into())).await
}

fn json_of(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

/// A `-dev` server with ACLs on (default deny) and the master token installed.
async fn acl_agent(dir: &Path) -> TestAgent {
    acl_dev_agent(dir, Some(MASTER)).await
}

/// A policy with `rules`, and a token linking it by name; the token's SecretID.
async fn scoped_token(agent: &TestAgent, name: &str, rules: &str) -> String {
    let (status, body) =
        put(agent, "/v1/acl/policy", Some(MASTER), json!({"Name": name, "Rules": rules}).to_string()).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) =
        put(agent, "/v1/acl/token", Some(MASTER), json!({"Policies": [{"Name": name}]}).to_string()).await;
    assert_eq!(status, 200, "{body}");
    let token = json_of(&body);
    assert_eq!(token["Policies"][0]["Name"], name, "{token}");
    token["SecretID"].as_str().unwrap().to_owned()
}

fn denied(status: u16, body: &str) {
    assert_eq!(status, 403, "{body}");
    assert!(body.starts_with("Permission denied"), "the reference's body: {body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attacks_on_an_agent_with_acls_on_are_refused_and_change_nothing() {
    let dir = temp_dir();
    let agent = acl_agent(dir.path()).await;

    // Anonymous KV write.
    let (status, body) = put(&agent, "/v1/kv/config/db", None, "evil").await;
    denied(status, &body);
    assert_eq!(get(&agent, "/v1/kv/config/db", Some(MASTER)).await.0, 404, "nothing was written");

    // Anonymous deregistration of a service (catalog and agent endpoints).
    let web = json!({"Name": "web", "ID": "web-1", "Port": 8080});
    assert_eq!(put(&agent, "/v1/agent/service/register", Some(MASTER), web.to_string()).await.0, 200);
    let (status, body) = put(&agent, "/v1/agent/service/deregister/web-1", None, "").await;
    denied(status, &body);
    let node = "acl-node";
    let registered = json!({"Node": node, "Address": "127.0.0.1", "Service": {"ID": "api-1", "Service": "api"}});
    assert_eq!(put(&agent, "/v1/catalog/register", Some(MASTER), registered.to_string()).await.0, 200);
    let (status, body) =
        put(&agent, "/v1/catalog/deregister", None, json!({"Node": node, "ServiceID": "api-1"}).to_string()).await;
    denied(status, &body);
    let (_, services) = get(&agent, "/v1/agent/services", Some(MASTER)).await;
    assert!(json_of(&services).get("web-1").is_some(), "web is still registered here: {services}");
    let (_, api) = get(&agent, "/v1/catalog/service/api", Some(MASTER)).await;
    assert_eq!(json_of(&api).as_array().map(Vec::len), Some(1), "api is still in the catalog: {api}");

    // A fake mesh gateway that would carry the federation's server traffic: anonymously, and
    // with a token that may only write the service `web`.
    let web_writer = scoped_token(&agent, "web-writer", "service \"web\" { policy = \"write\" }").await;
    let gateway = json!({
        "Kind": "mesh-gateway", "Name": "mesh-gateway", "ID": "evil-gw", "Port": 8443,
        "Meta": {"consul-wan-federation": "1"}
    });
    for token in [None, Some(web_writer.as_str())] {
        let (status, body) = put(&agent, "/v1/agent/service/register", token, gateway.to_string()).await;
        denied(status, &body);
        let catalog = json!({"Node": node, "Address": "10.0.0.66", "Service": {
            "Kind": "mesh-gateway", "ID": "evil-gw", "Service": "mesh-gateway", "Port": 8443,
            "Meta": {"consul-wan-federation": "1"}}});
        let (status, body) = put(&agent, "/v1/catalog/register", token, catalog.to_string()).await;
        denied(status, &body);
    }
    let (_, all) = get(&agent, "/v1/catalog/services", Some(MASTER)).await;
    assert!(json_of(&all).get("mesh-gateway").is_none(), "no gateway was registered: {all}");
    let (_, here) = get(&agent, "/v1/agent/services", Some(MASTER)).await;
    assert!(json_of(&here).get("evil-gw").is_none(), "{here}");
    // The scoped token does what it may.
    assert_eq!(put(&agent, "/v1/agent/service/register", Some(&web_writer), web.to_string()).await.0, 200);

    // Reading another prefix's keys with a scoped token: refused one by one, filtered in lists.
    for (key, value) in [("app/a", "1"), ("app/b", "2"), ("other/secret", "s3cr3t")] {
        assert_eq!(put(&agent, &format!("/v1/kv/{key}"), Some(MASTER), value).await, (200, "true".to_owned()));
    }
    let app = scoped_token(&agent, "app-rw", "key_prefix \"app/\" { policy = \"write\" }").await;
    let (status, body) = get(&agent, "/v1/kv/other/secret", Some(&app)).await;
    denied(status, &body);
    assert_eq!(get(&agent, "/v1/kv/app/a?raw", Some(&app)).await, (200, "1".to_owned()));
    let (status, keys) = get(&agent, "/v1/kv/?keys", Some(&app)).await;
    assert_eq!(status, 200, "{keys}");
    assert_eq!(json_of(&keys), json!(["app/a", "app/b"]), "other/ is left out silently");
    let (_, recurse) = get(&agent, "/v1/kv/?recurse", Some(&app)).await;
    let recurse = json_of(&recurse);
    let listed: Vec<&str> = recurse.as_array().unwrap().iter().map(|e| e["Key"].as_str().unwrap()).collect();
    assert_eq!(listed, ["app/a", "app/b"]);
    let (status, body) = send(&agent, reqwest::Method::DELETE, "/v1/kv/?recurse", Some(&app), None).await;
    denied(status, &body);
    assert_eq!(get(&agent, "/v1/kv/other/secret?raw", Some(MASTER)).await, (200, "s3cr3t".to_owned()));
    assert_eq!(put(&agent, "/v1/kv/app/c", Some(&app), "3").await, (200, "true".to_owned()));
    let (status, body) = put(&agent, "/v1/kv/other/secret", Some(&app), "x").await;
    denied(status, &body);

    // An unknown secret, and the root names.
    let (status, body) = get(&agent, "/v1/kv/app/a", Some("7b1c2f0e-0000-4000-8000-00000000dead")).await;
    assert_eq!((status, body.as_str()), (403, "ACL not found"));
    let (status, body) = get(&agent, "/v1/kv/app/a", Some("manage")).await;
    assert_eq!((status, body.as_str()), (403, "Cannot resolve root ACL"));

    // The catalog shows nothing to anonymous, everything to the master token.
    assert_eq!(json_of(&get(&agent, "/v1/catalog/nodes", None).await.1), json!([]));
    assert_eq!(json_of(&get(&agent, "/v1/catalog/nodes", Some(MASTER)).await.1).as_array().map(Vec::len), Some(1));
    // The token travels as the reference passes it: ?token= and Authorization: Bearer.
    assert_eq!(get(&agent, &format!("/v1/kv/app/a?raw&token={app}"), None).await, (200, "1".to_owned()));
    let bearer = agent.http.get(agent.url("/v1/kv/app/a?raw")).bearer_auth(&app).send().await.unwrap();
    assert_eq!(bearer.text().await.unwrap(), "1");
    // Operator and agent endpoints.
    let (status, body) = get(&agent, "/v1/operator/raft/configuration", Some(&app)).await;
    denied(status, &body);
    let (status, body) = get(&agent, "/v1/agent/self", None).await;
    denied(status, &body);
    assert_eq!(get(&agent, "/v1/agent/self", Some(MASTER)).await.0, 200);
    agent.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_acl_api_answers_in_the_reference_shapes_and_refuses_what_the_reference_refuses() {
    let dir = temp_dir();
    let agent = acl_agent(dir.path()).await;
    // Built-ins.
    let (_, gm) = get(&agent, "/v1/acl/policy/00000000-0000-0000-0000-000000000001", Some(MASTER)).await;
    let gm = json_of(&gm);
    assert_eq!(gm["Name"], "global-management", "{gm}");
    assert_eq!(gm["Description"], "Builtin Policy that grants unlimited access");
    let (_, anonymous) = get(&agent, "/v1/acl/token/00000000-0000-0000-0000-000000000002", Some(MASTER)).await;
    assert_eq!(json_of(&anonymous)["SecretID"], "anonymous");
    assert_eq!(json_of(&anonymous)["Description"], "Anonymous Token");

    // Policies: create, read by ID and by name, update, list stubs without rules.
    let (status, body) =
        put(&agent, "/v1/acl/policy", Some(MASTER), json!({"Name": "ops", "Rules": "operator = \"read\""}).to_string())
            .await;
    assert_eq!(status, 200, "{body}");
    let ops = json_of(&body);
    let ops_id = ops["ID"].as_str().unwrap().to_owned();
    assert!(ops["Hash"].as_str().is_some_and(|h| !h.is_empty()) && ops["CreateIndex"].as_u64() > Some(0), "{ops}");
    let (_, by_name) = get(&agent, "/v1/acl/policy/name/ops", Some(MASTER)).await;
    assert_eq!(json_of(&by_name)["ID"], ops_id.as_str());
    let update = json!({"Name": "ops", "Description": "operators", "Rules": "operator = \"write\""});
    let (status, body) = put(&agent, &format!("/v1/acl/policy/{ops_id}"), Some(MASTER), update.to_string()).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(json_of(&body)["Description"], "operators");
    let (_, list) = get(&agent, "/v1/acl/policies", Some(MASTER)).await;
    let list = json_of(&list);
    assert_eq!(list.as_array().map(Vec::len), Some(2), "{list}");
    assert!(list.as_array().unwrap().iter().all(|p| p.get("Rules").is_none()), "stubs: {list}");

    // Refusals, each changing nothing.
    let before = get(&agent, "/v1/acl/policies", Some(MASTER)).await.1;
    for (body, message) in [
        (json!({"Name": "", "Rules": ""}), "Invalid Policy: no Name is set"),
        (
            json!({"Name": "bad name", "Rules": ""}),
            "Invalid Policy: invalid Name. Only alphanumeric characters, '-' and '_' are allowed",
        ),
        (json!({"Name": "ops", "Rules": ""}), "Invalid Policy: A Policy with Name \"ops\" already exists"),
        (json!({"Name": "x", "Rules": "key_prefix \"\" { policy = \"sideways\" }"}), "Invalid key_prefix policy: "),
        (json!({"Name": "x", "Rules": "key_prefix \"\" {"}), "Failed to parse ACL rules: "),
    ] {
        let (status, text) = put(&agent, "/v1/acl/policy", Some(MASTER), body.to_string()).await;
        assert_eq!(status, 400, "{body}: {text}");
        assert!(text.starts_with(message), "{body}: {text}");
    }
    let gm_rules = json!({"Name": "global-management", "Rules": "key_prefix \"\" { policy = \"read\" }"});
    let (status, text) =
        put(&agent, "/v1/acl/policy/00000000-0000-0000-0000-000000000001", Some(MASTER), gm_rules.to_string()).await;
    assert_eq!(
        (status, text.as_str()),
        (400, "Changing the Rules for the builtin global-management policy is not permitted")
    );
    let (status, text) = send(
        &agent,
        reqwest::Method::DELETE,
        "/v1/acl/policy/00000000-0000-0000-0000-000000000001",
        Some(MASTER),
        None,
    )
    .await;
    assert_eq!(
        (status, text.as_str()),
        (400, "Delete operation not permitted on the builtin global-management policy")
    );
    let (status, text) =
        send(&agent, reqwest::Method::DELETE, "/v1/acl/token/00000000-0000-0000-0000-000000000002", Some(MASTER), None)
            .await;
    assert_eq!((status, text.as_str()), (400, "Delete operation not permitted on the anonymous token"));
    let (status, text) =
        put(&agent, "/v1/acl/token", Some(MASTER), json!({"Policies": [{"Name": "nope"}]}).to_string()).await;
    assert_eq!((status, text.as_str()), (400, "No such ACL policy with name \"nope\""));
    assert_eq!(get(&agent, "/v1/acl/policies", Some(MASTER)).await.1, before, "nothing changed");

    // Roles link policies; a token links the role; its authority is the role's policies.
    let (status, body) = put(
        &agent,
        "/v1/acl/role",
        Some(MASTER),
        json!({"Name": "operators", "Policies": [{"ID": ops_id}]}).to_string(),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let role = json_of(&body);
    assert_eq!(role["Policies"][0]["Name"], "ops", "{role}");
    let (_, body) = put(
        &agent,
        "/v1/acl/token",
        Some(MASTER),
        json!({"Description": "op", "Roles": [{"Name": "operators"}]}).to_string(),
    )
    .await;
    let token = json_of(&body);
    let (secret, accessor) =
        (token["SecretID"].as_str().unwrap().to_owned(), token["AccessorID"].as_str().unwrap().to_owned());
    assert_eq!(
        get(&agent, "/v1/operator/raft/configuration", Some(&secret)).await.0,
        200,
        "operator:read through the role"
    );
    let (status, body) = get(&agent, "/v1/kv/x", Some(&secret)).await;
    denied(status, &body);
    // Its own token, whole; the list of tokens without SecretIDs.
    let (_, me) = get(&agent, "/v1/acl/token/self", Some(&secret)).await;
    assert_eq!(json_of(&me)["AccessorID"], accessor.as_str());
    assert_eq!(json_of(&me)["SecretID"], secret.as_str());
    let (_, tokens) = get(&agent, &format!("/v1/acl/tokens?role={}", role["ID"].as_str().unwrap()), Some(MASTER)).await;
    let tokens = json_of(&tokens);
    assert_eq!(tokens.as_array().map(Vec::len), Some(1), "{tokens}");
    assert!(tokens[0].get("SecretID").is_none() && tokens[0]["Legacy"] == false, "{tokens}");
    // acl:read alone sees secrets hidden.
    let reader = scoped_token(&agent, "acl-reader", "acl = \"read\"").await;
    let (_, seen) = get(&agent, &format!("/v1/acl/token/{accessor}"), Some(&reader)).await;
    assert_eq!(json_of(&seen)["SecretID"], "<hidden>");
    let (status, body) =
        put(&agent, "/v1/acl/policy", Some(&reader), json!({"Name": "y", "Rules": ""}).to_string()).await;
    denied(status, &body);
    // An update cannot change the accessor; a delete makes the secret unknown.
    let (status, text) =
        put(&agent, &format!("/v1/acl/token/{accessor}"), Some(MASTER), json!({"AccessorID": ops_id}).to_string())
            .await;
    assert_eq!((status, text.as_str()), (400, "Token Accessor ID in URL and payload do not match"));
    let (status, text) =
        send(&agent, reqwest::Method::DELETE, &format!("/v1/acl/token/{accessor}"), Some(MASTER), None).await;
    assert_eq!((status, text.as_str()), (200, "true"));
    assert_eq!(get(&agent, "/v1/operator/raft/configuration", Some(&secret)).await, (403, "ACL not found".to_owned()));
    // A token that expires: its time is set from the TTL; out-of-range TTLs are refused.
    let (status, body) = put(&agent, "/v1/acl/token", Some(MASTER), json!({"ExpirationTTL": "1h"}).to_string()).await;
    assert_eq!(status, 200, "{body}");
    assert!(json_of(&body)["ExpirationTime"].as_str().is_some_and(|t| t.ends_with('Z')), "{body}");
    let (status, text) = put(&agent, "/v1/acl/token", Some(MASTER), json!({"ExpirationTTL": "10s"}).to_string()).await;
    assert_eq!(status, 400, "{text}");
    assert!(text.starts_with("ExpirationTime cannot be less than"), "{text}");
    agent.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bootstrap_works_once_and_again_only_with_the_reset_index() {
    let dir = temp_dir();
    let data = dir.path().join("data");
    let config = dir.path().join("acl.hcl");
    std::fs::write(&config, "acl {\n  enabled = true\n  default_policy = \"deny\"\n}\n").unwrap();
    let agent = agent_with(ConfigFlags {
        server: true,
        bootstrap_expect: Some(1),
        node: Some("boot".into()),
        data_dir: Some(data.display().to_string()),
        bind: Some("127.0.0.1".into()),
        advertise: Some("127.0.0.1".into()),
        config_files: vec![config],
        ..free_ports()
    })
    .await;
    let (status, body) = put(&agent, "/v1/acl/bootstrap", None, "").await;
    assert_eq!(status, 200, "{body}");
    let first = json_of(&body);
    assert_eq!(first["ID"], first["SecretID"], "the legacy ID is the secret: {first}");
    assert_eq!(first["Description"], "Bootstrap Token (Global Management)");
    assert_eq!(first["Policies"][0]["ID"], "00000000-0000-0000-0000-000000000001");
    let secret = first["SecretID"].as_str().unwrap().to_owned();
    assert_eq!(get(&agent, "/v1/acl/token/self", Some(&secret)).await.0, 200);

    let (status, text) = put(&agent, "/v1/acl/bootstrap", None, "").await;
    assert_eq!(status, 403, "{text}");
    let reset: u64 = text
        .strip_prefix("Permission denied: ACL bootstrap no longer allowed (reset index: ")
        .and_then(|t| t.strip_suffix(')'))
        .unwrap_or_else(|| panic!("the reference's refusal: {text}"))
        .parse()
        .unwrap();
    // A wrong reset index is refused, and the file is consumed.
    std::fs::write(data.join("acl-bootstrap-reset"), format!("{}", reset + 7)).unwrap();
    let (status, text) = put(&agent, "/v1/acl/bootstrap", None, "").await;
    assert_eq!(status, 400, "{text}");
    assert_eq!(text, format!("Invalid bootstrap reset index (specified {}, reset index: {reset})", reset + 7));
    assert!(!data.join("acl-bootstrap-reset").exists(), "the reset file is removed once read");
    std::fs::write(data.join("acl-bootstrap-reset"), format!("{reset}\n")).unwrap();
    let (status, body) = put(&agent, "/v1/acl/bootstrap", None, "").await;
    assert_eq!(status, 200, "{body}");
    assert_ne!(json_of(&body)["SecretID"], secret.as_str(), "a new management token");
    assert_eq!(put(&agent, "/v1/acl/bootstrap", None, "").await.0, 403, "closed again");
    agent.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acl_endpoints_say_acl_support_disabled_while_acls_are_off_and_default_allow_guards_acl_data() {
    let off = crate::support::agent::dev_agent().await;
    assert_eq!(put(&off, "/v1/acl/bootstrap", None, "").await, (401, "ACL support disabled".to_owned()));
    assert_eq!(get(&off, "/v1/acl/policies", None).await, (401, "ACL support disabled".to_owned()));
    off.stop().await;

    let dir = temp_dir();
    let path = dir.path().join("allow.hcl");
    std::fs::write(
        &path,
        format!(
            "acl {{\n  enabled = true\n  default_policy = \"allow\"\n  tokens {{\n    master = \"{MASTER}\"\n  }}\n}}\n"
        ),
    )
    .unwrap();
    let open = agent_with(ConfigFlags { dev: true, config_files: vec![path], ..free_ports() }).await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while get(&open, "/v1/acl/token/self", Some(MASTER)).await.0 != 200 {
        assert!(std::time::Instant::now() < deadline, "the master token was never installed");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(put(&open, "/v1/kv/k", None, "v").await, (200, "true".to_owned()), "allowed by default");
    let (status, body) = get(&open, "/v1/acl/policies", None).await;
    denied(status, &body);
    let (status, body) = put(&open, "/v1/acl/policy", None, json!({"Name": "p", "Rules": ""}).to_string()).await;
    denied(status, &body);
    open.stop().await;
}

/// A service registered with a token of its own is kept in the catalog with that token (its
/// checks' updates, its deregistration) and asks for its leaf certificate with it: the agent's
/// token (here the reference's: write on the node, read on services) never needs write on it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_service_is_synced_with_the_token_it_was_registered_with() {
    let dir = temp_dir();
    let agent = acl_agent(dir.path()).await;
    let rules = "node_prefix \"\" { policy = \"write\" }\nservice_prefix \"\" { policy = \"read\" }";
    let agent_token = scoped_token(&agent, "agent", rules).await;
    let (status, body) =
        put(&agent, "/v1/agent/token/agent", Some(MASTER), json!({ "Token": agent_token }).to_string()).await;
    assert_eq!(status, 200, "{body}");
    // The agent's token alone may not write web.
    let direct = json!({"Node": "acl-node", "Address": "127.0.0.1", "Service": {"Service": "web", "Port": 80}});
    let (status, body) = put(&agent, "/v1/catalog/register", Some(&agent_token), direct.to_string()).await;
    denied(status, &body);

    let web = scoped_token(&agent, "web-writer", "service \"web\" { policy = \"write\" }").await;
    let registration = json!({"Name": "web", "Port": 8080, "Check": {"TTL": "60s"}});
    let (status, body) = put(&agent, "/v1/agent/service/register", Some(&web), registration.to_string()).await;
    assert_eq!(status, 200, "{body}");
    let web_health = async || {
        let (_, body) = get(&agent, "/v1/health/checks/web", Some(MASTER)).await;
        json_of(&body).as_array().and_then(|a| a.first().map(|c| c["Status"].as_str().unwrap_or_default().to_owned()))
    };
    eventually("web and its check reach the catalog", async || web_health().await.as_deref() == Some("critical")).await;
    let (_, shown) = get(&agent, "/v1/agent/service/web", Some(&web)).await;
    assert!(!shown.contains(&web), "the token is never shown back: {shown}");
    // Its check's update alone (the service unchanged) is synced with web's token too.
    assert_eq!(put(&agent, "/v1/agent/check/pass/service:web", Some(&web), "").await.0, 200);
    eventually("web's check passes in the catalog", async || web_health().await.as_deref() == Some("passing")).await;
    // Its leaf certificate (and private key) goes only to a token that may write web, and is
    // signed for web's token.
    for token in [None, Some(agent_token.as_str())] {
        let (status, body) = get(&agent, "/v1/agent/connect/ca/leaf/web", token).await;
        denied(status, &body);
    }
    let (status, leaf) = get(&agent, "/v1/agent/connect/ca/leaf/web", Some(&web)).await;
    assert_eq!(status, 200, "{leaf}");
    assert!(json_of(&leaf)["CertPEM"].as_str().is_some_and(|c| c.contains("BEGIN CERTIFICATE")), "{leaf}");
    // Deregistered, it leaves the catalog (with web's token, kept until that is synced).
    assert_eq!(put(&agent, "/v1/agent/service/deregister/web", Some(&web), "").await.0, 200);
    eventually("web leaves the catalog", async || {
        let (_, catalog) = get(&agent, "/v1/catalog/service/web", Some(MASTER)).await;
        json_of(&catalog).as_array().is_some_and(Vec::is_empty)
    })
    .await;
    agent.stop().await;
}

/// An xDS stream brings its token (the bootstrap's `x-consul-token`): with ACLs on, it
/// configures a gateway only with `service:write` on the gateway's name, else it is refused
/// and the refusal is kept in `/v1/internal/xds`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_xds_stream_needs_write_on_its_proxys_service() {
    if !crate::support::gateway::have_envoy("to open xDS streams from a real Envoy") {
        return;
    }
    let dir = temp_dir();
    let agent = acl_agent(dir.path()).await;
    let port = crate::support::ports::free_port();
    let gateway =
        json!({"Kind": "mesh-gateway", "ID": "gw", "Name": "mesh-gateway", "Port": port, "Address": "127.0.0.1"});
    let (status, body) = put(&agent, "/v1/agent/service/register", Some(MASTER), gateway.to_string()).await;
    assert_eq!(status, 200, "{body}");
    let reads = "agent_prefix \"\" { policy = \"read\" }\nservice_prefix \"\" { policy = \"read\" }\nnode_prefix \"\" { policy = \"read\" }";
    let weak = scoped_token(&agent, "reader", reads).await;
    let strong =
        scoped_token(&agent, "gateway", &format!("{reads}\nservice \"mesh-gateway\" {{ policy = \"write\" }}")).await;
    let xds = async |agent: &TestAgent| {
        let (_, body) = get(agent, "/v1/internal/xds", Some(MASTER)).await;
        json_of(&body)["gw"].clone()
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let refused = {
        let envoy = crate::support::gateway::Gateway::run(
            &agent.base,
            dir.path(),
            "weak",
            &["-gateway=mesh", "-proxy-id", "gw", "-token", &weak],
            &[],
        );
        loop {
            let status = xds(&agent).await;
            if status["Refused"].as_u64() > Some(0) {
                break status;
            }
            assert!(std::time::Instant::now() < deadline, "never refused: {status}\n{}", envoy.log());
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    };
    let reason = refused["LastRefusal"].as_str().unwrap_or_default();
    assert!(reason.contains("lacks permission 'service:write' on \"mesh-gateway\""), "{refused}");
    assert_eq!(refused["Streams"], 0, "{refused}");
    let envoy = crate::support::gateway::Gateway::run(
        &agent.base,
        dir.path(),
        "strong",
        &["-gateway=mesh", "-proxy-id", "gw", "-token", &strong],
        &[],
    );
    loop {
        let status = xds(&agent).await;
        if status["Streams"] == 1 {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the stream never opened: {status}\n{}", envoy.log());
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    drop(envoy);
    agent.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_transaction_is_checked_op_by_op_and_its_reads_filtered() {
    let dir = temp_dir();
    let agent = acl_agent(dir.path()).await;
    for key in ["app/one", "secret/two"] {
        let (status, _) = put(&agent, &format!("/v1/kv/{key}"), Some(MASTER), "v").await;
        assert_eq!(status, 200);
    }
    let token = scoped_token(&agent, "app-writer", r#"key_prefix "app/" { policy = "write" }"#).await;
    // A write outside the token's keys is the transaction's error (409, as the reference's
    // pre-check), and nothing of it is applied.
    let body = json!([
        {"KV": {"Verb": "set", "Key": "app/new", "Value": "dg=="}},
        {"KV": {"Verb": "delete", "Key": "secret/two"}},
    ]);
    let (status, text) = put(&agent, "/v1/txn", Some(&token), body.to_string()).await;
    assert_eq!(status, 409, "{text}");
    assert_eq!(json_of(&text)["Errors"], json!([{"OpIndex": 1, "What": "Permission denied"}]));
    assert_eq!(get(&agent, "/v1/kv/app/new", Some(MASTER)).await.0, 404);
    assert_eq!(get(&agent, "/v1/kv/secret/two", Some(MASTER)).await.0, 200);
    // A tree read leaves out what the token may not read.
    let tree = json!([{"KV": {"Verb": "get-tree", "Key": ""}}]).to_string();
    let (status, text) = put(&agent, "/v1/txn", Some(&token), tree).await;
    assert_eq!(status, 200, "{text}");
    let keys: Vec<Value> =
        json_of(&text)["Results"].as_array().unwrap().iter().map(|r| r["KV"]["Key"].clone()).collect();
    assert_eq!(keys, vec![json!("app/one")]);
    agent.stop().await;
}
