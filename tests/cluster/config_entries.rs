//! `/v1/config` and `fedctl config write/read/list/delete` against one `-dev` agent: writes
//! with check-and-set, reads and blocking lists, the reference's 400 and 404 messages (with
//! nothing stored by a refused write), and the CLI as a user runs it.

use std::time::Duration;

use serde_json::{Value, json};

use crate::support::agent::{TestAgent, dev_agent};
use crate::support::temp_dir;

/// GET `path`: (status, body text, X-Consul-Index).
async fn get(agent: &TestAgent, path: &str) -> (u16, String, u64) {
    let resp = agent.http.get(agent.url(path)).send().await.unwrap();
    let index =
        resp.headers().get("X-Consul-Index").and_then(|v| v.to_str().ok()).and_then(|v| v.parse().ok()).unwrap_or(0);
    (resp.status().as_u16(), resp.text().await.unwrap(), index)
}

async fn delete(agent: &TestAgent, path: &str) -> (u16, String) {
    let resp = agent.http.delete(agent.url(path)).send().await.unwrap();
    (resp.status().as_u16(), resp.text().await.unwrap())
}

/// The names `GET /v1/config/:kind` lists.
async fn names(agent: &TestAgent, kind: &str) -> Vec<String> {
    let list = agent.get_json(&format!("/v1/config/{kind}")).await;
    list.as_array().unwrap().iter().map(|e| e["Name"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn entries_are_written_with_check_and_set_read_listed_and_deleted_over_http() {
    let agent = dev_agent().await;
    let web = json!({"Kind": "service-defaults", "Name": "web", "Protocol": "HTTP", "MeshGateway": {"Mode": "local"}});
    assert_eq!(agent.put("/v1/config", web.to_string()).await, (200, "true".to_owned()));
    let (status, body, index) = get(&agent, "/v1/config/service-defaults/web").await;
    assert_eq!(status, 200, "{body}");
    let stored: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(stored["Kind"], "service-defaults");
    assert_eq!(stored["Protocol"], "http", "stored lower-cased");
    assert_eq!(stored["MeshGateway"], json!({"Mode": "local"}));
    let modify = stored["ModifyIndex"].as_u64().unwrap();
    assert!(modify > 0 && stored["CreateIndex"] == modify, "{stored}");
    assert!(index >= modify, "X-Consul-Index {index}");

    // Check-and-set: 0 only creates; otherwise the current ModifyIndex must be given.
    let grpc = json!({"Kind": "service-defaults", "Name": "web", "Protocol": "grpc"});
    assert_eq!(agent.put("/v1/config?cas=0", grpc.to_string()).await, (200, "false".to_owned()));
    assert_eq!(agent.put(&format!("/v1/config?cas={}", modify + 100), grpc.to_string()).await.1, "false");
    assert_eq!(agent.get_json("/v1/config/service-defaults/web").await["Protocol"], "http", "unchanged");
    assert_eq!(agent.put(&format!("/v1/config?cas={modify}"), grpc.to_string()).await, (200, "true".to_owned()));
    let updated = agent.get_json("/v1/config/service-defaults/web").await;
    assert_eq!(updated["Protocol"], "grpc");
    assert_eq!(updated["CreateIndex"], modify);
    assert!(updated["ModifyIndex"].as_u64().unwrap() > modify);
    assert_eq!(agent.put(&format!("/v1/config?cas={modify}"), web.to_string()).await.1, "false", "a stale index");
    let api = json!({"kind": "service-defaults", "name": "api"});
    assert_eq!(agent.put("/v1/config?cas=0", api.to_string()).await, (200, "true".to_owned()));
    assert_eq!(names(&agent, "service-defaults").await, ["api", "web"]);

    // 404s in the reference's words.
    let (status, body, _) = get(&agent, "/v1/config/service-defaults/nope").await;
    assert_eq!((status, body.as_str()), (404, "Config entry not found for \"service-defaults\" / \"nope\""));
    for path in ["/v1/config", "/v1/config/"] {
        let (status, body, _) = get(&agent, path).await;
        assert_eq!((status, body.as_str()), (404, "Must provide either a kind or both kind and name"), "{path}");
    }
    assert_eq!(delete(&agent, "/v1/config/service-defaults").await.0, 404);
    let (status, body, _) = get(&agent, "/v1/config/bogus").await;
    assert_eq!((status, body.as_str()), (400, "invalid config entry kind: bogus"));

    // 400s, and nothing stored by any of them.
    let refused = [
        ("not json".to_owned(), "Request decoding failed: "),
        (String::new(), "Request decoding failed: "),
        (
            json!({"Kind": "bogus", "Name": "x"}).to_string(),
            "Request decoding failed: invalid config entry kind: bogus",
        ),
        (json!({"Name": "x"}).to_string(), "Request decoding failed: Payload does not contain a kind/Kind key"),
        (
            json!({"Kind": "service-defaults", "Name": "db", "Protocl": "http"}).to_string(),
            "Request decoding failed: invalid config key \"Protocl\"",
        ),
        (
            json!({"Kind": "proxy-defaults", "Name": "x"}).to_string(),
            "invalid name (\"x\"), only \"global\" is supported",
        ),
        (
            json!({"Kind": "service-defaults", "Name": "db", "MeshGateway": {"Mode": "sideways"}}).to_string(),
            "Invalid Mesh Gateway Mode: \"sideways\"",
        ),
        (
            json!({"Kind": "service-resolver", "Name": "db", "DefaultSubset": "v1"}).to_string(),
            "DefaultSubset \"v1\" is not a valid subset",
        ),
        // Valid, but not applied by the mesh yet: refused rather than silently ignored.
        (
            json!({"Kind": "service-resolver", "Name": "db", "DefaultSubset": "v1",
                   "Subsets": {"v1": {"Filter": "Service.Meta.version == v1"}}})
            .to_string(),
            "fedctl does not apply Subsets, DefaultSubset of a service-resolver entry yet",
        ),
        (
            json!({"Kind": "service-defaults", "Name": "db", "ExternalSNI": "db.example.com"}).to_string(),
            "fedctl does not apply ExternalSNI of a service-defaults entry yet",
        ),
    ];
    for (body, message) in refused {
        let (status, text) = agent.put("/v1/config", body.clone()).await;
        assert_eq!(status, 400, "{body}: {text}");
        assert!(text.starts_with(message), "{body}: {text:?} does not start with {message:?}");
    }
    assert_eq!(agent.put("/v1/config?cas=x", api.to_string()).await.0, 400);
    assert!(names(&agent, "proxy-defaults").await.is_empty());
    assert!(names(&agent, "service-resolver").await.is_empty());
    assert_eq!(names(&agent, "service-defaults").await, ["api", "web"]);

    // A blocking list wakes when an entry of the table is written.
    let (_, _, index) = get(&agent, "/v1/config/service-resolver").await;
    let before = agent.requests().await;
    let mut waiter = {
        let (http, url) =
            (agent.http.clone(), agent.url(&format!("/v1/config/service-resolver?index={index}&wait=1m")));
        tokio::spawn(async move { http.get(url).send().await.unwrap().json::<Value>().await.unwrap() })
    };
    agent.assert_parked(before, &mut waiter).await;
    let resolver = json!({"Kind": "service-resolver", "Name": "web", "ConnectTimeout": "15s",
                          "Failover": {"*": {"Datacenters": ["dc2"]}}});
    assert_eq!(agent.put("/v1/config", resolver.to_string()).await, (200, "true".to_owned()));
    let woke = tokio::time::timeout(Duration::from_secs(20), waiter).await.unwrap().unwrap();
    assert_eq!(woke[0]["Name"], "web");
    assert_eq!(woke[0]["ConnectTimeout"], "15s");
    assert_eq!(woke[0]["Failover"]["*"]["Datacenters"], json!(["dc2"]));

    // Deletes: `{}` as the reference 1.8, then 404; deleting again is fine.
    assert_eq!(delete(&agent, "/v1/config/service-defaults/web").await, (200, "{}".to_owned()));
    assert_eq!(get(&agent, "/v1/config/service-defaults/web").await.0, 404);
    assert_eq!(delete(&agent, "/v1/config/service-defaults/web").await.0, 200);
    assert_eq!(names(&agent, "service-defaults").await, ["api"]);

    // A primary replicates from nobody.
    let status = agent.get_json("/v1/internal/config-entries/replication").await;
    assert_eq!(status["Enabled"], false, "{status}");
    agent.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_config_commands_write_read_list_and_delete_as_the_reference_cli() {
    let agent = dev_agent().await;
    let dir = temp_dir();
    let file = dir.path().join("web.hcl");
    std::fs::write(
        &file,
        "kind = \"service-defaults\"\nname = \"web\"\nprotocol = \"http\"\nmesh_gateway {\n  mode = \"remote\"\n}\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();

    let written = agent.cli(dir.path(), &["config", "write", path]).await;
    assert_eq!((written.code, written.stdout.as_str(), written.stderr.as_str()), (0, "", ""), "silent on success");
    let read = agent.cli(dir.path(), &["config", "read", "-kind", "service-defaults", "-name", "web"]).await;
    assert_eq!(read.code, 0, "{read:?}");
    let shown: Value = serde_json::from_str(&read.stdout).unwrap();
    assert_eq!((shown["Kind"].clone(), shown["Protocol"].clone()), (json!("service-defaults"), json!("http")));
    assert_eq!(shown["MeshGateway"]["Mode"], "remote");
    assert!(read.stdout.contains("\n  \"Name\": \"web\""), "pretty JSON: {}", read.stdout);

    // JSON from standard input, PascalCase.
    let stdin = br#"{"Kind": "service-resolver", "Name": "web", "Failover": {"*": {"Datacenters": ["dc2"]}}}"#;
    let piped = agent.cli_with_stdin(dir.path(), &["config", "write", "-"], Some(stdin)).await;
    assert_eq!(piped.code, 0, "{piped:?}");
    let api = dir.path().join("api.json");
    std::fs::write(&api, r#"{"kind": "service-defaults", "name": "api"}"#).unwrap();
    assert_eq!(agent.cli(dir.path(), &["config", "write", api.to_str().unwrap()]).await.code, 0);

    let list = agent.cli(dir.path(), &["config", "list", "-kind", "service-defaults"]).await;
    assert_eq!((list.code, list.stdout.as_str()), (0, "api\nweb\n"), "{list:?}");
    let json_list = agent.cli(dir.path(), &["config", "list", "-kind", "service-resolver", "-format=json"]).await;
    let entries: Value = serde_json::from_str(&json_list.stdout).unwrap();
    assert_eq!(entries[0]["Failover"]["*"]["Datacenters"], json!(["dc2"]));

    // Check-and-set through the CLI.
    let index = shown["ModifyIndex"].as_u64().unwrap();
    let stale =
        agent.cli(dir.path(), &["config", "write", "-cas", "-modify-index", &(index + 100).to_string(), path]).await;
    assert_eq!(stale.code, 1, "{stale:?}");
    assert!(stale.stderr.contains("Config entry \"service-defaults\" / \"web\" not updated"), "{}", stale.stderr);
    let create_only = agent.cli(dir.path(), &["config", "write", "-cas", path]).await;
    assert!(create_only.stderr.contains("not updated"), "-cas alone only creates: {create_only:?}");
    let current = agent.cli(dir.path(), &["config", "write", "-cas", "-modify-index", &index.to_string(), path]).await;
    assert_eq!(current.code, 0, "{current:?}");

    // The reference's messages.
    let none = agent.cli(dir.path(), &["config", "write"]).await;
    assert!(
        none.code != 0
            && none
                .stderr
                .contains("Must provide exactly one positional argument to specify the config entry to write"),
        "{none:?}"
    );
    let two = agent.cli(dir.path(), &["config", "write", path, path]).await;
    assert!(two.stderr.contains("Must provide exactly one positional argument"), "{two:?}");
    let missing = agent.cli(dir.path(), &["config", "write", "nope.hcl"]).await;
    assert!(missing.code == 1 && missing.stderr.contains("Failed to load data: "), "{missing:?}");
    let bogus = dir.path().join("bogus.hcl");
    std::fs::write(&bogus, "kind = \"bogus\"\nname = \"x\"\n").unwrap();
    let bad_kind = agent.cli(dir.path(), &["config", "write", bogus.to_str().unwrap()]).await;
    assert!(
        bad_kind.code == 1
            && bad_kind.stderr.contains("Failed to decode config entry input: invalid config entry kind: bogus"),
        "{bad_kind:?}"
    );
    let invalid = dir.path().join("invalid.hcl");
    std::fs::write(&invalid, "kind = \"proxy-defaults\"\nname = \"x\"\n").unwrap();
    let refused = agent.cli(dir.path(), &["config", "write", invalid.to_str().unwrap()]).await;
    assert_eq!(refused.code, 1, "{refused:?}");
    assert!(refused.stderr.contains("Error writing config entry \"proxy-defaults\" / \"x\": "), "{}", refused.stderr);
    assert!(refused.stderr.contains("invalid name (\"x\"), only \"global\" is supported"), "{}", refused.stderr);
    let no_kind = agent.cli(dir.path(), &["config", "read", "-name", "web"]).await;
    assert!(no_kind.code != 0 && no_kind.stderr.contains("Must specify the -kind parameter"), "{no_kind:?}");
    let no_name = agent.cli(dir.path(), &["config", "read", "-kind", "service-defaults"]).await;
    assert!(no_name.stderr.contains("Must specify the -name parameter"), "{no_name:?}");
    let list_no_kind = agent.cli(dir.path(), &["config", "list"]).await;
    assert!(list_no_kind.stderr.contains("Must specify the -kind parameter"), "{list_no_kind:?}");
    let not_found = agent.cli(dir.path(), &["config", "read", "-kind", "service-defaults", "-name", "nope"]).await;
    assert_eq!(not_found.code, 1);
    assert!(
        not_found.stderr.contains("Error reading config entry \"service-defaults\" / \"nope\": ")
            && not_found.stderr.contains("Config entry not found for"),
        "{}",
        not_found.stderr
    );

    // Delete: silent, and the entry is gone.
    let deleted = agent.cli(dir.path(), &["config", "delete", "-kind", "service-defaults", "-name", "web"]).await;
    assert_eq!((deleted.code, deleted.stdout.as_str()), (0, ""), "{deleted:?}");
    assert_eq!(get(&agent, "/v1/config/service-defaults/web").await.0, 404);
    let bad_delete = agent.cli(dir.path(), &["config", "delete", "-kind", "bogus", "-name", "web"]).await;
    assert!(
        bad_delete.code == 1 && bad_delete.stderr.contains("Error deleting config entry \"bogus\" / \"web\": "),
        "{bad_delete:?}"
    );
    agent.stop().await;
}
