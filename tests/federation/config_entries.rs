//! Config entries across three datacenters in one WAN pool: a write or delete taken by a
//! secondary lands in the primary, and every secondary's leader mirrors the primary's table
//! (blocking reads there wake on it); the replication status says what it did.

use std::time::Duration;

use serde_json::{Value, json};

use crate::support::agent::{TestAgent, dc_server};
use crate::support::{eventually, fedctl_cmd, run_cmd, temp_dir};

/// The entry `kind`/`name` as `agent`'s datacenter holds it (its own copy), if any.
async fn local_entry(agent: &TestAgent, kind: &str, name: &str) -> Option<Value> {
    let resp = agent.http.get(agent.url(&format!("/v1/config/{kind}/{name}"))).send().await.unwrap();
    match resp.status().as_u16() {
        200 => Some(resp.json().await.unwrap()),
        404 => None,
        other => panic!("GET /v1/config/{kind}/{name}: {other}"),
    }
}

/// An entry without its indexes (each datacenter stores it at its own).
fn content(mut entry: Value) -> Value {
    if let Some(object) = entry.as_object_mut() {
        object.remove("CreateIndex");
        object.remove("ModifyIndex");
    }
    entry
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn entries_written_anywhere_land_in_the_primary_and_are_replicated_everywhere() {
    let dc1 = dc_server("dc1", None).await;
    let wan = dc1.agent.wan.as_ref().unwrap().local().addr.to_string();
    let dc2 = dc_server("dc2", Some(wan.clone())).await;
    let dc3 = dc_server("dc3", Some(wan)).await;
    let all = [&dc1, &dc2, &dc3];
    for a in all {
        a.wait_json("/v1/catalog/datacenters", "three datacenters", |v| v == &json!(["dc1", "dc2", "dc3"])).await;
    }

    // Written in a secondary: forwarded to the primary, which has it at once.
    let web = json!({"Kind": "service-defaults", "Name": "web", "Protocol": "HTTP", "MeshGateway": {"Mode": "local"}});
    assert_eq!(dc2.put("/v1/config", web.to_string()).await, (200, "true".to_owned()));
    let in_primary = local_entry(&dc1, "service-defaults", "web").await.expect("the write landed in the primary");
    assert_eq!(in_primary["Protocol"], "http");
    for a in [&dc2, &dc3] {
        eventually("web's service-defaults replicated", async || {
            local_entry(a, "service-defaults", "web").await.is_some_and(|e| content(e) == content(in_primary.clone()))
        })
        .await;
    }
    // A read with ?dc= goes to that datacenter.
    let remote = dc3.get_json("/v1/config/service-defaults/web?dc=dc1").await;
    assert_eq!(remote["ModifyIndex"], in_primary["ModifyIndex"], "the primary's own copy");

    // Check-and-set through a secondary compares with the primary's index.
    let grpc = json!({"Kind": "service-defaults", "Name": "web", "Protocol": "grpc"});
    let mine = local_entry(&dc3, "service-defaults", "web").await.unwrap();
    if mine["ModifyIndex"] != in_primary["ModifyIndex"] {
        let stale = format!("/v1/config?cas={}", mine["ModifyIndex"]);
        assert_eq!(dc3.put(&stale, grpc.to_string()).await.1, "false", "dc3's own index is not the primary's");
    }
    assert_eq!(dc3.put("/v1/config?cas=0", grpc.to_string()).await.1, "false");
    // With the primary's index (as `config read -datacenter dc1` shows it), it is written.
    let primary_cas = format!("/v1/config?cas={}", in_primary["ModifyIndex"]);
    assert_eq!(dc3.put(&primary_cas, grpc.to_string()).await.1, "true", "the primary's index");
    let after = local_entry(&dc1, "service-defaults", "web").await.unwrap();
    assert_eq!(after["Protocol"], "grpc", "{after}");
    // Later rounds compare with what is stored now.
    let web = json!({"Kind": "service-defaults", "Name": "web", "Protocol": "http", "MeshGateway": {"Mode": "local"}});
    assert_eq!(dc2.put("/v1/config", web.to_string()).await, (200, "true".to_owned()));
    let in_primary = local_entry(&dc1, "service-defaults", "web").await.unwrap();
    for a in [&dc2, &dc3] {
        eventually("the rewrite replicated", async || {
            local_entry(a, "service-defaults", "web").await.is_some_and(|e| content(e) == content(in_primary.clone()))
        })
        .await;
    }

    // A blocking read in a secondary wakes when replication brings a change.
    let index: u64 =
        dc2.http.get(dc2.url("/v1/config/service-resolver")).send().await.unwrap().headers()["X-Consul-Index"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
    let before = dc2.requests().await;
    let mut waiter = {
        let (http, url) = (dc2.http.clone(), dc2.url(&format!("/v1/config/service-resolver?index={index}&wait=1m")));
        tokio::spawn(async move { http.get(url).send().await.unwrap().json::<Value>().await.unwrap() })
    };
    dc2.assert_parked(before, &mut waiter).await;
    let resolver = json!({"Kind": "service-resolver", "Name": "web", "ConnectTimeout": "10s",
                          "Failover": {"*": {"Datacenters": ["dc2", "dc3"]}}});
    assert_eq!(dc3.put("/v1/config", resolver.to_string()).await, (200, "true".to_owned()));
    let woke = tokio::time::timeout(Duration::from_secs(30), waiter).await.unwrap().unwrap();
    assert_eq!(woke[0]["Failover"]["*"]["Datacenters"], json!(["dc2", "dc3"]));
    assert_eq!(woke[0]["ConnectTimeout"], "10s");

    // The operator's view from a secondary, with the CLI.
    let dir = temp_dir();
    let cli = |agent: &TestAgent, args: &[&str]| {
        let (dir, http) = (dir.path().to_owned(), agent.base.clone());
        let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
        tokio::task::spawn_blocking(move || run_cmd(fedctl_cmd(&dir).args(&args).env("FEDCTL_HTTP_ADDR", &http)))
    };
    let read = cli(&dc3, &["config", "read", "-kind", "service-resolver", "-name", "web"]).await.unwrap();
    assert_eq!(read.code, 0, "{read:?}");
    let shown: Value = serde_json::from_str(&read.stdout).unwrap();
    assert_eq!(shown["Failover"]["*"]["Datacenters"], json!(["dc2", "dc3"]));
    let file = dir.path().join("proxy.hcl");
    std::fs::write(&file, "kind = \"proxy-defaults\"\nname = \"global\"\nconfig {\n  protocol = \"http\"\n}\n")
        .unwrap();
    let written = cli(&dc2, &["config", "write", file.to_str().unwrap()]).await.unwrap();
    assert_eq!((written.code, written.stdout.as_str()), (0, ""), "{written:?}");
    for a in all {
        eventually("proxy-defaults everywhere", async || {
            local_entry(a, "proxy-defaults", "global").await.is_some_and(|e| e["Config"]["protocol"] == "http")
        })
        .await;
    }

    // Every secondary reports what replication did; the primary replicates from nobody.
    for a in [&dc2, &dc3] {
        let status = a
            .wait_json("/v1/internal/config-entries/replication", "replication holds the three entries", |s| {
                s["LocalEntries"] == 3
            })
            .await;
        assert_eq!(status["Enabled"], true, "{status}");
        assert_eq!(status["Running"], true, "{status}");
        assert_eq!(status["SourceDatacenter"], "dc1");
        assert!(status["LastSuccess"].is_string(), "{status}");
        assert!(status["ReplicatedIndex"].as_u64().unwrap() > 0, "{status}");
        assert!(status["Rounds"].as_u64().unwrap() >= 1 && status["EntriesApplied"].as_u64().unwrap() >= 3);
    }
    assert_eq!(dc1.get_json("/v1/internal/config-entries/replication").await["Enabled"], false);

    // Deleted through a secondary: gone from the primary at once, then everywhere.
    let resp = dc3.http.delete(dc3.url("/v1/config/service-defaults/web")).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    assert!(local_entry(&dc1, "service-defaults", "web").await.is_none());
    let deleted = cli(&dc2, &["config", "delete", "-kind", "service-resolver", "-name", "web"]).await.unwrap();
    assert_eq!(deleted.code, 0, "{deleted:?}");
    for a in all {
        eventually("the deletes replicated", async || {
            local_entry(a, "service-defaults", "web").await.is_none()
                && local_entry(a, "service-resolver", "web").await.is_none()
        })
        .await;
        let left = a.get_json("/v1/config/proxy-defaults").await;
        assert_eq!(left.as_array().map(Vec::len), Some(1), "proxy-defaults stays: {left}");
    }
    let listed = cli(&dc3, &["config", "list", "-kind", "service-defaults"]).await.unwrap();
    assert_eq!((listed.code, listed.stdout.as_str()), (0, ""), "{listed:?}");

    for a in [dc1, dc2, dc3] {
        a.stop().await;
    }
}
