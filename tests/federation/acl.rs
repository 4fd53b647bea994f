//! ACLs across datacenters in one WAN pool: policies, roles and global tokens replicate from
//! the primary to every secondary (with the replication token), which then enforces them
//! itself; a change in the primary is enforced in a secondary; a local token stays in its
//! datacenter; and with the primary down a secondary keeps enforcing what it holds, while a
//! token it does not know gets no more than the default policy, whatever `down_policy` says.

use std::path::Path;

use fedctl::config::ConfigFlags;
use serde_json::{Value, json};

use crate::support::agent::{TestAgent, agent_with, free_ports};
use crate::support::{eventually, temp_dir};

const MASTER: &str = "5d2c7a10-8b1e-4f6a-9c3d-2e1f0a9b8c7d";
const UNKNOWN: &str = "0d0e0a0d-0000-4000-8000-00000000beef";

async fn send(
    agent: &TestAgent,
    method: reqwest::Method,
    path: &str,
    token: &str,
    body: Option<String>,
) -> (u16, String) {
    let mut request = agent.http.request(method, agent.url(path)).header("X-Consul-Token", token);
    if let Some(body) = body {
        request = request.body(body);
    }
    let resp = request.send().await.unwrap();
    (resp.status().as_u16(), resp.text().await.unwrap())
}

async fn put(agent: &TestAgent, path: &str, token: &str, body: impl Into<String>) -> (u16, String) {
    send(agent, reqwest::Method::PUT, path, token, Some(body.into())).await
}

async fn get(agent: &TestAgent, path: &str, token: &str) -> (u16, String) {
    send(agent, reqwest::Method::GET, path, token, None).await
}

/// A `-dev` server of `dc` with ACLs on; the primary installs `MASTER`, secondaries
/// replicate with it.
async fn server(dir: &Path, dc: &str, join_wan: Option<String>, default: &str, down: &str) -> TestAgent {
    let path = dir.join(format!("{dc}.hcl"));
    let master = if dc == "dc1" { format!("    master = \"{MASTER}\"\n") } else { String::new() };
    std::fs::write(
        &path,
        format!(
            "acl {{\n  enabled = true\n  default_policy = \"{default}\"\n  down_policy = \"{down}\"\n  tokens {{\n{master}    agent = \"{MASTER}\"\n    replication = \"{MASTER}\"\n  }}\n}}\n"
        ),
    )
    .unwrap();
    agent_with(ConfigFlags {
        dev: true,
        node: Some(format!("s-{dc}")),
        datacenter: Some(dc.into()),
        primary_datacenter: Some("dc1".into()),
        join_wan: join_wan.into_iter().collect(),
        config_files: vec![path],
        ..free_ports()
    })
    .await
}

fn json_of(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acls_replicate_to_secondaries_which_keep_enforcing_them_without_the_primary() {
    let dir = temp_dir();
    let p = dir.path();
    let dc1 = server(p, "dc1", None, "deny", "extend-cache").await;
    let wan = dc1.agent.wan.as_ref().unwrap().local().addr.to_string();
    let dc2 = server(p, "dc2", Some(wan.clone()), "deny", "extend-cache").await;
    // One secondary per down policy, each allowing by default: what an unknown token gets
    // while the primary is away is then visible.
    let downs = ["allow", "deny", "extend-cache", "async-cache"];
    let mut others = Vec::new();
    for (n, down) in downs.iter().enumerate() {
        others.push(server(p, &format!("dc{}", n + 3), Some(wan.clone()), "allow", down).await);
    }
    eventually("the master token installed", async || get(&dc1, "/v1/acl/token/self", MASTER).await.0 == 200).await;

    // A policy and a token made in the primary.
    let rules = "key_prefix \"app/\" { policy = \"write\" }";
    let (status, body) = put(&dc1, "/v1/acl/policy", MASTER, json!({"Name": "app", "Rules": rules}).to_string()).await;
    assert_eq!(status, 200, "{body}");
    let policy_id = json_of(&body)["ID"].as_str().unwrap().to_owned();
    let (status, body) = put(&dc1, "/v1/acl/token", MASTER, json!({"Policies": [{"Name": "app"}]}).to_string()).await;
    assert_eq!(status, 200, "{body}");
    let app = json_of(&body)["SecretID"].as_str().unwrap().to_owned();

    // Replicated to dc2, which enforces the policy itself.
    eventually("dc2 holds the app policy", async || {
        let (status, body) = get(&dc2, "/v1/acl/policies?stale", MASTER).await;
        status == 200 && body.contains("\"app\"")
    })
    .await;
    eventually("dc2 holds the app token", async || {
        let (status, body) = get(&dc2, "/v1/acl/tokens?stale", MASTER).await;
        status == 200 && json_of(&body).as_array().is_some_and(|t| t.len() >= 3)
    })
    .await;
    assert_eq!(put(&dc2, "/v1/kv/app/x", &app, "1").await, (200, "true".to_owned()));
    let (status, body) = put(&dc2, "/v1/kv/other", &app, "1").await;
    assert_eq!(status, 403, "{body}");
    let (_, status) = get(&dc2, "/v1/acl/replication", "").await;
    let status = json_of(&status);
    assert_eq!(status["Enabled"], true, "{status}");
    assert_eq!(status["SourceDatacenter"], "dc1", "{status}");
    assert_eq!(status["ReplicationType"], "tokens", "{status}");
    assert!(status["ReplicatedIndex"].as_u64() > Some(0), "{status}");
    assert_eq!(status["LastError"], "0001-01-01T00:00:00Z", "{status}");
    let (_, primary) = get(&dc1, "/v1/acl/replication", "").await;
    assert_eq!(json_of(&primary)["Enabled"], false, "the primary replicates from no one: {primary}");
    // `federation-state list` says how far it got, beside the federation states' replication.
    let list = dc2.cli(p, &["federation-state", "list", "-token", MASTER]).await;
    assert_eq!(list.code, 0, "{list:?}");
    let line = list.stdout.lines().find(|l| l.starts_with("ACL replication here: ")).unwrap_or_default();
    assert!(line.starts_with("ACL replication here: ok (") && line.contains(", index "), "{}", list.stdout);
    let at_primary = dc1.cli(p, &["federation-state", "list", "-token", MASTER]).await;
    assert!(at_primary.stdout.contains("ACL replication here: primary"), "{at_primary:?}");

    // A change in the primary is enforced in the secondary.
    let read_only = json!({"Name": "app", "Rules": "key_prefix \"app/\" { policy = \"read\" }"});
    assert_eq!(put(&dc1, &format!("/v1/acl/policy/{policy_id}"), MASTER, read_only.to_string()).await.0, 200);
    eventually("dc2 enforces the changed policy", async || put(&dc2, "/v1/kv/app/y", &app, "1").await.0 == 403).await;
    assert_eq!(get(&dc2, "/v1/kv/app/x?raw", &app).await, (200, "1".to_owned()));

    // A local token stays in its datacenter: in another it is not known, or (forwarded) it
    // arrives as the anonymous token.
    let (status, body) =
        put(&dc2, "/v1/acl/token", MASTER, json!({"Local": true, "Policies": [{"ID": policy_id}]}).to_string()).await;
    assert_eq!(status, 200, "{body}");
    let local = json_of(&body)["SecretID"].as_str().unwrap().to_owned();
    assert_eq!(get(&dc2, "/v1/kv/app/x?raw", &local).await, (200, "1".to_owned()));
    let (status, body) = get(&dc2, "/v1/kv/app/x?dc=dc1", &local).await;
    assert_eq!(status, 403, "served in dc1 as the anonymous token: {body}");
    assert!(body.contains("anonymous token"), "{body}");
    let (status, body) =
        put(&dc1, "/v1/acl/token", MASTER, json!({"Local": true, "Policies": [{"ID": policy_id}]}).to_string()).await;
    assert_eq!(status, 200, "{body}");
    let primary_local = json_of(&body)["SecretID"].as_str().unwrap().to_owned();
    let (status, body) = get(&dc2, "/v1/kv/app/x", &primary_local).await;
    assert_eq!((status, body.as_str()), (403, "Permission denied: This is a local token in datacenter \"dc1\""));
    let (status, body) = get(&dc2, "/v1/kv/app/x", UNKNOWN).await;
    assert_eq!((status, body.as_str()), (403, "ACL not found"), "the primary says so");

    // Every secondary has the token before the primary goes.
    for other in &others {
        eventually("the app token and its changed policy replicated", async || {
            put(other, "/v1/kv/app/w", &app, "1").await.0 == 403
                && get(other, "/v1/kv/app/x?stale", &app).await.0 != 403
        })
        .await;
    }
    dc1.stop().await;

    // dc2 keeps enforcing what it replicated.
    assert_eq!(get(&dc2, "/v1/kv/app/x?raw&stale", &app).await, (200, "1".to_owned()));
    let (status, body) = put(&dc2, "/v1/kv/app/z", &app, "1").await;
    assert_eq!(status, 403, "{body}");
    // An unknown token gets the default policy (deny) at most.
    let (status, body) = put(&dc2, "/v1/kv/app/z", UNKNOWN, "1").await;
    assert_eq!(status, 403, "{body}");
    // With default allow: every down policy but `deny` gives an unknown token the default
    // policy, and never more: ACL management stays refused.
    for (other, down) in others.iter().zip(downs) {
        let (status, body) = put(other, "/v1/kv/open", UNKNOWN, "1").await;
        let want = if down == "deny" { 403 } else { 200 };
        assert_eq!(status, want, "down_policy = {down}: {body}");
        let (status, body) = get(other, "/v1/acl/policies?stale", UNKNOWN).await;
        assert_eq!(status, 403, "down_policy = {down}: ACL management is never the default: {body}");
        // The replicated token keeps its own rules (read only on app/).
        let (status, body) = put(other, "/v1/kv/app/w", &app, "1").await;
        assert_eq!(status, 403, "down_policy = {down}: {body}");
    }
    for other in others {
        other.stop().await;
    }
    dc2.stop().await;
}
