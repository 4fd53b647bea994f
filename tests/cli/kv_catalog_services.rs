//! `fedctl kv` (`@file`, `-` for stdin, `-flags`, `-keys -separator`, `-detailed`,
//! `delete -recurse`), `fedctl catalog services [-tags]` and `fedctl services register` from
//! flags: the real binary against an in-process `-dev` agent, checked through the HTTP API.

use serde_json::{Value, json};

use crate::support::agent::{TestAgent, dev_agent};
use crate::support::temp_dir;

/// The raw stored value of `key` (`?raw`).
async fn raw(agent: &TestAgent, key: &str) -> Vec<u8> {
    let resp = agent.http.get(agent.url(&format!("/v1/kv/{key}?raw"))).send().await.unwrap();
    assert_eq!(resp.status(), 200, "GET /v1/kv/{key}?raw");
    resp.bytes().await.unwrap().to_vec()
}

/// Each non-empty line of a table, split into its words.
fn table_words(stdout: &str) -> Vec<Vec<String>> {
    stdout.lines().filter(|l| !l.trim().is_empty()).map(|l| l.split_whitespace().map(str::to_owned).collect()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kv_put_takes_the_value_from_a_file_from_stdin_or_the_argument_with_flags() {
    let a = dev_agent().await;
    let dir = temp_dir();
    let p = dir.path();

    // @FILE: the file's bytes exactly, trailing newline included (relative to the working dir).
    let file = b"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    std::fs::write(p.join("cert.pem"), file).unwrap();
    let run = a.cli(p, &["kv", "put", "app/cert", "@cert.pem"]).await;
    assert_eq!((run.code, run.stdout.as_str()), (0, "Success! Data written to: app/cert\n"), "{run:?}");
    assert_eq!(raw(&a, "app/cert").await, file);
    let run = a.cli(p, &["kv", "get", "app/cert"]).await;
    let expected = format!("{}\n", std::str::from_utf8(file).unwrap());
    assert_eq!(run.stdout, expected, "kv get prints the value and a newline");

    // A missing @FILE fails and writes nothing.
    let run = a.cli(p, &["kv", "put", "app/missing", "@nope.txt"]).await;
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("error: reading nope.txt:"), "{}", run.stderr);
    assert_eq!(a.http.get(a.url("/v1/kv/app/missing")).send().await.unwrap().status(), 404);

    // `-`: standard input, to its end.
    let input: &'static [u8] = b"line one\nline two\n";
    let run = a.cli_with_stdin(p, &["kv", "put", "app/stdin", "-"], Some(input)).await;
    assert_eq!((run.code, run.stdout.as_str()), (0, "Success! Data written to: app/stdin\n"), "{run:?}");
    assert_eq!(raw(&a, "app/stdin").await, input);

    // A plain argument, with -flags stored beside it.
    let run = a.cli(p, &["kv", "put", "-flags", "42", "app/flagged", "v"]).await;
    assert_eq!(run.code, 0, "{run:?}");
    let entry = a.get_json("/v1/kv/app/flagged").await;
    assert_eq!(entry[0]["Flags"], 42, "{entry}");
    assert_eq!(entry[0]["Value"], "dg==", "{entry}");
    // Without -flags, the flags are 0.
    assert_eq!(a.get_json("/v1/kv/app/stdin").await[0]["Flags"], 0);
    a.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kv_get_lists_keys_up_to_a_separator_and_shows_every_field_with_detailed() {
    let a = dev_agent().await;
    let dir = temp_dir();
    let p = dir.path();
    for key in ["app/config", "app/db/url", "app/db/user", "apple"] {
        assert_eq!(a.put(&format!("/v1/kv/{key}"), "x").await, (200, "true".into()), "{key}");
    }
    let run = a.cli(p, &["kv", "get", "-keys", "app/"]).await;
    assert_eq!((run.code, run.stdout.as_str()), (0, "app/config\napp/db/url\napp/db/user\n"), "{run:?}");
    let run = a.cli(p, &["kv", "get", "-keys", "-separator", "/", "app/"]).await;
    assert_eq!((run.code, run.stdout.as_str()), (0, "app/config\napp/db/\n"), "{run:?}");
    let run = a.cli(p, &["kv", "get", "-keys", "-separator", "/", "-format=json", "app/"]).await;
    assert_eq!(serde_json::from_str::<Value>(&run.stdout).unwrap(), json!(["app/config", "app/db/"]), "{run:?}");
    // From the root, the separator folds every prefix.
    let run = a.cli(p, &["kv", "get", "-keys", "-separator", "/"]).await;
    assert_eq!(run.stdout, "app/\napple\n", "{run:?}");

    // -detailed: every field of the entry, as the API has it.
    assert_eq!(a.put("/v1/kv/app/flagged?flags=7", "on").await, (200, "true".into()));
    let entry = a.get_json("/v1/kv/app/flagged").await;
    let (create, modify) = (entry[0]["CreateIndex"].to_string(), entry[0]["ModifyIndex"].to_string());
    let run = a.cli(p, &["kv", "get", "-detailed", "app/flagged"]).await;
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        table_words(&run.stdout),
        [
            vec!["Key", "Flags", "CreateIndex", "ModifyIndex", "LockIndex", "Value"],
            vec!["app/flagged", "7", create.as_str(), modify.as_str(), "0", "on"],
        ],
        "{}",
        run.stdout
    );
    a.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kv_delete_recurse_removes_exactly_the_keys_under_the_prefix() {
    let a = dev_agent().await;
    let dir = temp_dir();
    let p = dir.path();
    for key in ["app/config", "app/db/url", "apple", "other"] {
        assert_eq!(a.put(&format!("/v1/kv/{key}"), "x").await, (200, "true".into()), "{key}");
    }
    // Without -recurse and without a key, nothing is deleted.
    let run = a.cli(p, &["kv", "delete"]).await;
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(a.get_json("/v1/kv/?keys").await.as_array().unwrap().len(), 4);

    let run = a.cli(p, &["kv", "delete", "-recurse", "app/"]).await;
    assert_eq!((run.code, run.stdout.as_str()), (0, "Success! Deleted keys with prefix: app/\n"), "{run:?}");
    assert_eq!(a.get_json("/v1/kv/?keys").await, json!(["apple", "other"]), "keys outside app/ stay");
    let gone = a.cli(p, &["kv", "get", "app/config"]).await;
    assert_eq!(gone.code, 1, "{gone:?}");
    assert!(gone.stderr.contains("no key exists at \"app/config\""), "{}", gone.stderr);

    // A single key without -recurse.
    let run = a.cli(p, &["kv", "delete", "apple"]).await;
    assert_eq!((run.code, run.stdout.as_str()), (0, "Success! Deleted key: apple\n"), "{run:?}");
    assert_eq!(a.get_json("/v1/kv/?keys").await, json!(["other"]));
    a.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn services_register_from_flags_and_catalog_services_with_tags() {
    let a = dev_agent().await;
    let dir = temp_dir();
    let p = dir.path();
    let run = a
        .cli(
            p,
            &[
                "services",
                "register",
                "-name",
                "web",
                "-id",
                "web-1",
                "-port",
                "8080",
                "-address",
                "10.0.0.7",
                "-tag",
                "v1",
                "-tag",
                "primary",
                "-meta",
                "version=2",
                "-meta",
                "team=payments",
            ],
        )
        .await;
    assert_eq!((run.code, run.stdout.as_str()), (0, "Registered service: web\n"), "{run:?}");
    let services = a.get_json("/v1/agent/services").await;
    let web = &services["web-1"];
    assert_eq!(web["ID"], "web-1", "{services}");
    assert_eq!(web["Service"], "web");
    assert_eq!(web["Port"], 8080);
    assert_eq!(web["Address"], "10.0.0.7");
    assert_eq!(web["Tags"], json!(["v1", "primary"]));
    assert_eq!(web["Meta"], json!({"version": "2", "team": "payments"}));

    // Without -id, the ID is the name; a second instance of web adds its tag.
    let run = a.cli(p, &["services", "register", "-name", "db", "-port", "5432"]).await;
    assert_eq!(run.stdout, "Registered service: db\n", "{run:?}");
    let run = a.cli(p, &["services", "register", "-name", "web", "-id", "web-2", "-tag", "v2"]).await;
    assert_eq!(run.code, 0, "{run:?}");
    let services = a.get_json("/v1/agent/services").await;
    assert_eq!(services["db"]["Service"], "db", "{services}");
    assert_eq!(services["db"]["Port"], 5432);
    assert_eq!(services["db"]["Tags"], json!([]));

    // A malformed -meta is a usage error and registers nothing.
    let run = a.cli(p, &["services", "register", "-name", "bad", "-meta", "novalue"]).await;
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("-meta \"novalue\": expected KEY=VALUE"), "{}", run.stderr);
    assert!(a.get_json("/v1/agent/services").await.get("bad").is_none());

    // The agent syncs them to the catalog; `catalog services -tags` shows each service's tags
    // (the union over its instances, sorted).
    a.wait_json("/v1/catalog/services", "web and db in the catalog", |v| {
        v["web"] == json!(["primary", "v1", "v2"]) && v.get("db").is_some()
    })
    .await;
    let run = a.cli(p, &["catalog", "services"]).await;
    assert_eq!((run.code, run.stdout.as_str()), (0, "consul\ndb\nweb\n"), "{run:?}");
    let run = a.cli(p, &["catalog", "services", "-tags"]).await;
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        table_words(&run.stdout),
        [vec!["Service", "Tags"], vec!["consul"], vec!["db"], vec!["web", "primary,v1,v2"]],
        "{}",
        run.stdout
    );
    let run = a.cli(p, &["catalog", "services", "-tags", "-format=json"]).await;
    let parsed: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(parsed["web"], json!(["primary", "v1", "v2"]), "{parsed}");

    // Deregistering by -id removes just that instance.
    let run = a.cli(p, &["services", "deregister", "-id", "web-2"]).await;
    assert_eq!((run.code, run.stdout.as_str()), (0, "Deregistered service: web-2\n"), "{run:?}");
    let services = a.get_json("/v1/agent/services").await;
    assert!(services.get("web-2").is_none() && services.get("web-1").is_some(), "{services}");
    a.wait_json("/v1/catalog/services", "web's v2 tag gone with web-2", |v| v["web"] == json!(["primary", "v1"])).await;
    a.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_readmes_sidecar_definition_registers_web_and_its_sidecar_and_deregistering_web_removes_both() {
    let readme = std::fs::read_to_string(crate::support::repo_root().join("README.md")).unwrap();
    let intro = readme.find("A service can ask for a Connect sidecar proxy").expect("the README's sidecar example");
    let block = &readme[intro..];
    let start = block.find("```hcl\n").unwrap() + "```hcl\n".len();
    let hcl = &block[start..start + block[start..].find("```").unwrap()];
    let a = dev_agent().await;
    let dir = temp_dir();
    std::fs::write(dir.path().join("web.hcl"), hcl).unwrap();
    let run = a.cli(dir.path(), &["services", "register", "web.hcl"]).await;
    assert_eq!((run.code, run.stdout.as_str()), (0, "Registered service: web\n"), "{run:?}");
    let sidecar = a.get_json("/v1/agent/service/web-sidecar-proxy").await;
    assert_eq!(sidecar["Kind"], "connect-proxy", "{sidecar:#}");
    assert_eq!(sidecar["Port"], 21000);
    assert_eq!(sidecar["Proxy"]["Upstreams"][0]["DestinationName"], "echo", "{sidecar:#}");
    assert_eq!(sidecar["Proxy"]["Upstreams"][0]["LocalBindPort"], 9191);
    let run = a.cli(dir.path(), &["services", "deregister", "-id", "web"]).await;
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(a.get_json("/v1/agent/services").await, json!({}), "web and its sidecar are gone");
    a.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kv_export_and_import_carry_keys_between_agents_in_the_references_format() {
    let (from, to) = (dev_agent().await, dev_agent().await);
    let dir = temp_dir();
    let p = dir.path();
    // Binary values, flags, and more keys than one transaction holds.
    for i in 0..70 {
        from.put(&format!("/v1/kv/app/k{i:02}?flags={i}"), vec![i as u8, 0xff, b'\n']).await;
    }
    from.put("/v1/kv/other/x", "x").await;
    let run = from.cli(p, &["kv", "export", "app/"]).await;
    assert_eq!(run.code, 0, "{run:?}");
    let exported: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(exported.as_array().unwrap().len(), 70);
    assert_eq!(exported[3], json!({"key": "app/k03", "flags": 3, "value": "A/8K"}), "the reference's shape");
    assert!(run.stdout.starts_with("[\n\t{\n\t\t\"key\""), "tab-indented as the reference: {}", &run.stdout[..40]);
    std::fs::write(p.join("app.json"), &run.stdout).unwrap();

    let run = to.cli(p, &["kv", "import", "@app.json"]).await;
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout.lines().count(), 70);
    assert!(run.stdout.starts_with("Imported: app/k00\n"), "{}", run.stdout);
    let again = to.cli(p, &["kv", "export"]).await;
    assert_eq!(serde_json::from_str::<Value>(&again.stdout).unwrap(), exported, "the same keys, flags and values");
    assert_eq!(raw(&to, "app/k69").await, vec![69, 0xff, b'\n']);

    // A bad value anywhere imports nothing; nothing to export is `[]`.
    let bad = json!([{"key": "new/a", "value": "YQ=="}, {"key": "new/b", "value": "%%"}]).to_string();
    let run = to.cli(p, &["kv", "import", &bad]).await;
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("Cannot base 64 decode value of \"new/b\""), "{}", run.stderr);
    assert_eq!(to.http.get(to.url("/v1/kv/new/a")).send().await.unwrap().status(), 404);
    let run = to.cli(p, &["kv", "import", "not json"]).await;
    assert!(run.code == 1 && run.stderr.contains("Cannot unmarshal data"), "{run:?}");
    let run = to.cli(p, &["kv", "export", "none/"]).await;
    assert_eq!(run.stdout, "[]\n");
    from.stop().await;
    to.stop().await;
}
