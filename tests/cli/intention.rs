//! `fedctl intention create/get/list/match/check/delete`: the real binary against an
//! in-process `-dev` agent, with the reference CLI's texts and exit codes, checked through the
//! commands' own JSON output.

use serde_json::Value;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::support::agent::{TestAgent, dev_agent};
use crate::support::{Run, temp_dir};

/// Each non-empty line of a table, split into its words.
fn table_words(stdout: &str) -> Vec<Vec<String>> {
    stdout.lines().filter(|l| !l.trim().is_empty()).map(|l| l.split_whitespace().map(str::to_owned).collect()).collect()
}

/// `intention get -format=json SRC DST`, parsed.
async fn get_json(a: &TestAgent, dir: &std::path::Path, source: &str, destination: &str) -> Value {
    let run = a.cli(dir, &["intention", "get", "-format=json", source, destination]).await;
    assert_eq!(run.code, 0, "{run:?}");
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
}

/// `intention list -format=json`, parsed.
async fn list_json(a: &TestAgent, dir: &std::path::Path) -> Vec<Value> {
    let run = a.cli(dir, &["intention", "list", "-format=json"]).await;
    assert_eq!(run.code, 0, "{run:?}");
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
}

/// The `SourceName => DestinationName (Action)` of each intention of a JSON array.
fn shown(intentions: &[Value]) -> Vec<String> {
    intentions
        .iter()
        .map(|i| {
            format!("{} => {} ({})", str_of(&i["SourceName"]), str_of(&i["DestinationName"]), str_of(&i["Action"]))
        })
        .collect()
}

fn str_of(v: &Value) -> &str {
    v.as_str().unwrap_or_else(|| panic!("not a string: {v}"))
}

/// A `CreatedAt` as `intention get` shows it: Go's RFC 850 layout, in UTC.
fn created_at(rfc3339: &str) -> String {
    let t = OffsetDateTime::parse(rfc3339, &Rfc3339).unwrap_or_else(|e| panic!("{rfc3339}: {e}"));
    let t = t.to_offset(time::UtcOffset::UTC);
    let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        [usize::from(u8::from(t.month())) - 1];
    format!(
        "{}, {:02}-{month}-{:02} {:02}:{:02}:{:02} UTC",
        t.weekday(),
        t.day(),
        t.year() % 100,
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// `intention check SRC DST`.
async fn check(a: &TestAgent, dir: &std::path::Path, source: &str, destination: &str) -> Run {
    a.cli(dir, &["intention", "check", source, destination]).await
}

/// Asserts a usage error (exit 2) with `message` on stderr and nothing on stdout.
fn assert_usage(run: &Run, message: &str) {
    assert_eq!((run.code, run.stdout.as_str()), (2, ""), "{run:?}");
    assert!(run.stderr.contains(&format!("error: {message}")), "{message:?} not in {:?}", run.stderr);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn intentions_are_created_shown_listed_matched_and_deleted_as_the_reference_cli() {
    let a = dev_agent().await;
    let dir = temp_dir();
    let p = dir.path();

    // None yet: a note on stderr for people, `[]` for programs.
    let run = a.cli(p, &["intention", "list"]).await;
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{run:?}");
    assert!(run.stderr.contains("There are no intentions."), "{}", run.stderr);
    assert!(list_json(&a, p).await.is_empty());

    // Allow is the default; `default/` is the one namespace and is not shown.
    let run = a.cli(p, &["intention", "create", "web", "db"]).await;
    assert_eq!((run.code, run.stdout.as_str()), (0, "Created: web => db (allow)\n"), "{run:?}");
    let run = a.cli(p, &["intention", "create", "-deny", "*", "db"]).await;
    assert_eq!((run.code, run.stdout.as_str()), (0, "Created: * => db (deny)\n"), "{run:?}");
    let run = a
        .cli(p, &["intention", "create", "-meta", "owner=team-a", "-meta", "tier=1", "default/api", "default/db"])
        .await;
    assert_eq!((run.code, run.stdout.as_str()), (0, "Created: api => db (allow)\n"), "{run:?}");

    // A second intention for the same source and destination is refused (without -replace).
    let run = a.cli(p, &["intention", "create", "web", "db"]).await;
    assert_eq!((run.code, run.stdout.as_str()), (1, ""), "{run:?}");
    assert!(run.stderr.contains("error: Error creating intention \"web => db (allow)\": "), "{}", run.stderr);
    assert!(run.stderr.contains("duplicate intention found: ALLOW default/web => default/db (ID: "), "{}", run.stderr);

    // get: by source and destination, or by ID, in two aligned columns.
    let web = get_json(&a, p, "web", "db").await;
    assert_eq!(shown(std::slice::from_ref(&web)), ["web => db (allow)"]);
    assert_eq!((web["Precedence"].as_u64(), web["SourceType"].as_str()), (Some(9), Some("consul")), "{web}");
    let web_id = str_of(&web["ID"]).to_owned();
    assert_eq!(web_id.len(), 36, "a UUID: {web}");
    let expected = format!(
        "Source:      web\nDestination: db\nAction:      allow\nID:          {web_id}\nCreated At:  {}\n",
        created_at(str_of(&web["CreatedAt"]))
    );
    let run = a.cli(p, &["intention", "get", "web", "db"]).await;
    assert_eq!((run.code, run.stdout.as_str()), (0, expected.as_str()), "{run:?}");
    let run = a.cli(p, &["intention", "get", &web_id]).await;
    assert_eq!((run.code, run.stdout.as_str()), (0, expected.as_str()), "{run:?}");
    let api = get_json(&a, p, "api", "db").await;
    let expected = format!(
        "Source:      api\nDestination: db\nAction:      allow\nID:          {}\nMeta[owner]: team-a\nMeta[tier]:  1\nCreated At:  {}\n",
        str_of(&api["ID"]),
        created_at(str_of(&api["CreatedAt"]))
    );
    let run = a.cli(p, &["intention", "get", "default/api", "db"]).await;
    assert_eq!((run.code, run.stdout.as_str()), (0, expected.as_str()), "{run:?}");

    // list: precedence first (exact sources 9, then `*` 8), then by source.
    let all = list_json(&a, p).await;
    assert_eq!(shown(&all), ["api => db (allow)", "web => db (allow)", "* => db (deny)"]);
    let star = get_json(&a, p, "*", "db").await;
    assert_eq!(star["Precedence"], 8, "{star}");
    let run = a.cli(p, &["intention", "list"]).await;
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        table_words(&run.stdout),
        [
            vec!["ID", "Source", "Action", "Destination", "Precedence"],
            vec![str_of(&api["ID"]), "api", "allow", "db", "9"],
            vec![web_id.as_str(), "web", "allow", "db", "9"],
            vec![str_of(&star["ID"]), "*", "deny", "db", "8"],
        ],
        "{}",
        run.stdout
    );

    // match: by destination (the default) every intention deciding who reaches db, in order.
    let run = a.cli(p, &["intention", "match", "db"]).await;
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "api => db (allow)\nweb => db (allow)\n* => db (deny)\n"),
        "{run:?}"
    );
    let run = a.cli(p, &["intention", "match", "-destination", "db"]).await;
    assert_eq!(run.stdout, "api => db (allow)\nweb => db (allow)\n* => db (deny)\n", "{run:?}");
    let run = a.cli(p, &["intention", "match", "-source", "web"]).await;
    // By source, as the reference: the wildcard source stands for web too.
    assert_eq!((run.code, run.stdout.as_str()), (0, "web => db (allow)\n* => db (deny)\n"), "{run:?}");
    let run = a.cli(p, &["intention", "match", "-format=json", "db"]).await;
    let matched: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(shown(&matched), ["api => db (allow)", "web => db (allow)", "* => db (deny)"], "{run:?}");
    let run = a.cli(p, &["intention", "match", "-source", "-destination", "db"]).await;
    assert_usage(&run, "only one of -source or -destination may be specified");

    // delete: by source and destination, or by ID; a missing one in the reference's words.
    let run = a.cli(p, &["intention", "delete", "web", "db"]).await;
    assert_eq!((run.code, run.stdout.as_str()), (0, "Intention deleted.\n"), "{run:?}");
    for args in [&["intention", "get", "web", "db"][..], &["intention", "delete", "default/web", "db"]] {
        let run = a.cli(p, args).await;
        assert_eq!((run.code, run.stdout.as_str()), (1, ""), "{args:?}: {run:?}");
        assert!(
            run.stderr.contains("error: Intention with source \"web\" and destination \"db\" not found."),
            "{args:?}: {}",
            run.stderr
        );
    }
    let run = a.cli(p, &["intention", "get", &web_id]).await;
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains(&format!("error: Intention with ID \"{web_id}\" not found.")), "{}", run.stderr);
    let run = a.cli(p, &["intention", "delete", str_of(&api["ID"])]).await;
    assert_eq!((run.code, run.stdout.as_str()), (0, "Intention deleted.\n"), "{run:?}");
    for args in [&["intention", "delete"][..], &["intention", "delete", "a", "b", "c"], &["intention", "get"]] {
        assert_usage(&a.cli(p, args).await, "command requires exactly 1 or 2 arguments");
    }
    assert_eq!(shown(&list_json(&a, p).await), ["* => db (deny)"]);
    let run = a.cli(p, &["intention", "match", "db"]).await;
    assert_eq!((run.code, run.stdout.as_str()), (0, "* => db (deny)\n"), "{run:?}");
    a.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_replace_updates_the_intention_of_the_same_source_and_destination() {
    let a = dev_agent().await;
    let dir = temp_dir();
    let p = dir.path();
    let run = a.cli(p, &["intention", "create", "web", "db"]).await;
    assert_eq!((run.code, run.stdout.as_str()), (0, "Created: web => db (allow)\n"), "{run:?}");
    let before = get_json(&a, p, "web", "db").await;

    let run = a.cli(p, &["intention", "create", "-replace", "-deny", "-meta", "owner=ops", "web", "db"]).await;
    assert_eq!((run.code, run.stdout.as_str()), (0, "Created: web => db (deny)\n"), "{run:?}");
    let after = get_json(&a, p, "web", "db").await;
    assert_eq!(after["Action"], "deny", "{after}");
    assert_eq!(after["ID"], before["ID"], "updated in place: {after}");
    assert_eq!(after["Meta"], serde_json::json!({"owner": "ops"}), "{after}");
    assert_eq!(shown(&list_json(&a, p).await), ["web => db (deny)"], "still one intention");

    // With nothing to replace, -replace creates.
    let run = a.cli(p, &["intention", "create", "-replace", "api", "db"]).await;
    assert_eq!((run.code, run.stdout.as_str()), (0, "Created: api => db (allow)\n"), "{run:?}");
    assert_eq!(shown(&list_json(&a, p).await), ["api => db (allow)", "web => db (deny)"]);

    // -file: intentions as JSON in the API's shape, one per file.
    std::fs::write(
        p.join("cache.json"),
        r#"{"SourceName": "web", "DestinationName": "cache", "Action": "allow", "Description": "web reads the cache"}"#,
    )
    .unwrap();
    let run = a.cli(p, &["intention", "create", "-file", "cache.json"]).await;
    assert_eq!((run.code, run.stdout.as_str()), (0, "Created: web => cache (allow)\n"), "{run:?}");
    let cache = get_json(&a, p, "web", "cache").await;
    let expected = format!(
        "Source:      web\nDestination: cache\nAction:      allow\nID:          {}\nDescription: web reads the cache\nCreated At:  {}\n",
        str_of(&cache["ID"]),
        created_at(str_of(&cache["CreatedAt"]))
    );
    let run = a.cli(p, &["intention", "get", "web", "cache"]).await;
    assert_eq!((run.code, run.stdout.as_str()), (0, expected.as_str()), "{run:?}");
    let run = a.cli(p, &["intention", "create", "-file", "-deny", "cache.json"]).await;
    assert_usage(&run, "-allow, -deny and -meta cannot be given with -file");
    a.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn check_exits_0_when_allowed_1_when_denied_and_2_when_it_cannot_tell() {
    let a = dev_agent().await;
    let dir = temp_dir();
    let p = dir.path();

    // No intentions: the default policy, allow.
    let run = check(&a, p, "web", "db").await;
    assert_eq!((run.code, run.stdout.as_str(), run.stderr.as_str()), (0, "Allowed\n", ""), "{run:?}");

    assert_eq!(a.cli(p, &["intention", "create", "-deny", "web", "db"]).await.code, 0);
    let run = check(&a, p, "web", "db").await;
    assert_eq!((run.code, run.stdout.as_str(), run.stderr.as_str()), (1, "Denied\n", ""), "{run:?}");
    assert_eq!(check(&a, p, "default/web", "default/db").await.code, 1);
    assert_eq!(check(&a, p, "api", "db").await.stdout, "Allowed\n", "no intention matches api");

    // Exact beats wildcard: the first match in precedence order decides.
    assert_eq!(a.cli(p, &["intention", "create", "-deny", "*", "db"]).await.code, 0);
    assert_eq!(a.cli(p, &["intention", "create", "-replace", "-allow", "web", "db"]).await.code, 0);
    let run = check(&a, p, "web", "db").await;
    assert_eq!((run.code, run.stdout.as_str()), (0, "Allowed\n"), "{run:?}");
    let run = check(&a, p, "api", "db").await;
    assert_eq!((run.code, run.stdout.as_str()), (1, "Denied\n"), "{run:?}");

    // 2: it cannot tell.
    let run = a.cli(p, &["intention", "check", "web"]).await;
    assert_usage(&run, "command requires exactly two arguments: src and dst");
    let run = check(&a, p, "a/b/c", "db").await;
    assert_usage(&run, "name \"a/b/c\" is invalid: input can contain at most one '/'");
    let run = a.cli(p, &["intention", "check", "-http-addr", "127.0.0.1:1", "web", "db"]).await;
    assert_eq!((run.code, run.stdout.as_str()), (2, ""), "{run:?}");
    assert!(run.stderr.contains("error: Error checking the connection: cannot reach the agent"), "{}", run.stderr);
    a.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_intentions_are_refused_with_the_reference_messages_and_nothing_is_created() {
    let a = dev_agent().await;
    let dir = temp_dir();
    let p = dir.path();

    let run = a.cli(p, &["intention", "create", "-allow", "-deny", "web", "db"]).await;
    assert_usage(&run, "Only one of -allow or -deny may be specified.");
    let run = a.cli(p, &["intention", "create", "a/b/c", "db"]).await;
    assert_usage(&run, "name \"a/b/c\" is invalid: input can contain at most one '/'");
    let run = a.cli(p, &["intention", "create", "web", "x/y/z"]).await;
    assert_usage(&run, "name \"x/y/z\" is invalid: input can contain at most one '/'");
    let run = a.cli(p, &["intention", "create", "web"]).await;
    assert_usage(&run, "Must specify two arguments: source and destination");
    let run = a.cli(p, &["intention", "create", "-meta", "owner", "web", "db"]).await;
    assert_usage(&run, "-meta \"owner\": expected KEY=VALUE");
    let run = a.cli(p, &["intention", "get", "a/b/c", "db"]).await;
    assert_usage(&run, "name \"a/b/c\" is invalid: input can contain at most one '/'");
    let run = a.cli(p, &["intention", "match", "a/b/c"]).await;
    assert_usage(&run, "name \"a/b/c\" is invalid: input can contain at most one '/'");

    // The agent's own checks, in the reference's words, exit 1.
    let run = a.cli(p, &["intention", "create", "we*b", "db"]).await;
    assert_eq!((run.code, run.stdout.as_str()), (1, ""), "{run:?}");
    assert!(run.stderr.contains("error: Error creating intention \"we*b => db (allow)\": "), "{}", run.stderr);
    assert!(
        run.stderr.contains("SourceName: wildcard character '*' cannot be used with partial values"),
        "{}",
        run.stderr
    );

    let run = a.cli(p, &["intention", "list", "-format=json"]).await;
    assert_eq!((run.code, run.stdout.as_str()), (0, "[]\n"), "nothing was created: {run:?}");
    a.stop().await;
}
