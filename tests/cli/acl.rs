//! `fedctl acl ...` as a user runs it against a `-dev` agent with ACLs on (default deny):
//! bootstrap, then policies, tokens and roles made by the CLI grant exactly what they say
//! (checked with `fedctl kv` under the tokens made), in the reference CLI's texts.

use std::path::Path;

use serde_json::Value;

use crate::support::agent::{TestAgent, acl_dev_agent};
use crate::support::{Run, temp_dir};

/// `fedctl args... -token token`.
async fn as_token(agent: &TestAgent, dir: &Path, token: &str, args: &[&str]) -> Run {
    let mut all = args.to_vec();
    all.extend(["-token", token]);
    agent.cli(dir, &all).await
}

fn ok(run: &Run) {
    assert_eq!(run.code, 0, "{run:?}");
}

fn json_of(run: &Run) -> Value {
    ok(run);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {run:?}"))
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_else(|| panic!("no {key} in {v}"))
}

fn denied(run: &Run) {
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("Permission denied"), "{run:?}");
}

/// Bootstraps with the CLI; the management token's SecretID.
async fn bootstrap(agent: &TestAgent, dir: &Path) -> String {
    let token = json_of(&agent.cli(dir, &["acl", "bootstrap", "-format=json"]).await);
    assert_eq!(token["Description"], "Bootstrap Token (Global Management)", "{token}");
    str_of(&token, "SecretID").to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bootstrap_then_a_policy_and_a_token_made_by_the_cli_grant_exactly_their_rules() {
    let dir = temp_dir();
    let p = dir.path();
    let agent = acl_dev_agent(p, None).await;

    // Bootstrap prints the reference's block; a second is refused with the reset index.
    let boot = agent.cli(p, &["acl", "bootstrap"]).await;
    ok(&boot);
    let field = |run: &Run, label: &str| {
        let prefix = format!("{label}:");
        let line = run.stdout.lines().find(|l| l.starts_with(&prefix)).unwrap_or_else(|| panic!("{label}: {run:?}"));
        line[prefix.len()..].trim().to_owned()
    };
    let master = field(&boot, "SecretID");
    let lines: Vec<&str> = boot.stdout.lines().collect();
    assert_eq!(lines[0], format!("AccessorID:       {}", field(&boot, "AccessorID")));
    assert_eq!(lines[1], format!("SecretID:         {master}"));
    assert_eq!(lines[2], "Description:      Bootstrap Token (Global Management)");
    assert_eq!(lines[3], "Local:            false");
    assert!(lines[4].starts_with("Create Time:      ") && lines[4].ends_with(" +0000 UTC"), "{}", boot.stdout);
    assert_eq!(lines[5..], ["Policies:", "   00000000-0000-0000-0000-000000000001 - global-management"]);
    let again = agent.cli(p, &["acl", "bootstrap"]).await;
    assert_eq!(again.code, 1, "{again:?}");
    assert!(again.stderr.contains("Failed ACL bootstrapping:"), "{again:?}");
    assert!(again.stderr.contains("ACL bootstrap no longer allowed (reset index: "), "{again:?}");
    assert!(again.stderr.contains("acl-bootstrap-reset"), "the hint names the file: {again:?}");

    // Policies: rules from a file, from standard input, or refused with the reason.
    std::fs::write(p.join("app.hcl"), "key_prefix \"app/\" {\n  policy = \"write\"\n}\n").unwrap();
    let created =
        as_token(&agent, p, &master, &["acl", "policy", "create", "-name", "kv-app", "-rules", "@app.hcl"]).await;
    ok(&created);
    assert_eq!(field(&created, "Name"), "kv-app");
    assert!(created.stdout.ends_with("Rules:\nkey_prefix \"app/\" {\n  policy = \"write\"\n}\n"), "{created:?}");
    let app_policy = field(&created, "ID");
    let mut args = vec!["acl", "policy", "create", "-name", "read-all", "-rules", "-", "-format=json", "-token"];
    args.push(&master);
    let read_all = json_of(&agent.cli_with_stdin(p, &args, Some(b"key_prefix \"\" { policy = \"read\" }")).await);
    assert_eq!(read_all["Rules"], "key_prefix \"\" { policy = \"read\" }", "{read_all}");
    let no_name = as_token(&agent, p, &master, &["acl", "policy", "create", "-rules", "@app.hcl"]).await;
    assert_eq!(no_name.code, 2, "{no_name:?}");
    assert!(no_name.stderr.contains("Missing require '-name' flag"), "{no_name:?}");
    let bad = as_token(
        &agent,
        p,
        &master,
        &["acl", "policy", "create", "-name", "bad", "-rules", "key \"x\" { policy = \"maybe\" }"],
    )
    .await;
    assert_eq!(bad.code, 1, "{bad:?}");
    assert!(bad.stderr.contains("Failed to create new policy:") && bad.stderr.contains("maybe"), "{bad:?}");
    let list = json_of(&as_token(&agent, p, &master, &["acl", "policy", "list", "-format=json"]).await);
    let mut names: Vec<&str> = list.as_array().unwrap().iter().map(|p| str_of(p, "Name")).collect();
    names.sort_unstable();
    assert_eq!(names, ["global-management", "kv-app", "read-all"], "the refused one was not made");

    // A token of the policy: writes under app/ and nothing else.
    let none = as_token(&agent, p, &master, &["acl", "token", "create", "-description", "nothing"]).await;
    assert_eq!(none.code, 2, "{none:?}");
    assert!(none.stderr.contains("Cannot create a token without specifying -policy-name"), "{none:?}");
    let app = json_of(
        &as_token(
            &agent,
            p,
            &master,
            &["acl", "token", "create", "-description", "app", "-policy-name", "kv-app", "-format=json"],
        )
        .await,
    );
    let (accessor, secret) = (str_of(&app, "AccessorID").to_owned(), str_of(&app, "SecretID").to_owned());
    assert_eq!(app["Policies"][0]["ID"], app_policy.as_str(), "{app}");
    ok(&as_token(&agent, p, &secret, &["kv", "put", "app/config", "v1"]).await);
    denied(&as_token(&agent, p, &secret, &["kv", "put", "other/config", "v1"]).await);
    denied(&agent.cli(p, &["kv", "put", "app/anonymous", "v1"]).await);

    // Read by a prefix of the AccessorID, or -self; the block lists the linked policy.
    let read = as_token(&agent, p, &master, &["acl", "token", "read", "-id", &accessor[..8]]).await;
    ok(&read);
    assert!(
        read.stdout.starts_with(&format!("AccessorID:       {accessor}\nSecretID:         {secret}\n")),
        "{read:?}"
    );
    assert!(read.stdout.contains(&format!("Policies:\n   {app_policy} - kv-app\n")), "{read:?}");
    let own = json_of(&as_token(&agent, p, &secret, &["acl", "token", "read", "-self", "-format=json"]).await);
    assert_eq!(own["AccessorID"], accessor.as_str());

    // Update replaces the policies given; -merge-policies adds to them.
    ok(&as_token(&agent, p, &master, &["acl", "token", "update", "-id", &accessor, "-policy-name", "read-all"]).await);
    denied(&as_token(&agent, p, &secret, &["kv", "put", "app/config", "v2"]).await);
    let got = as_token(&agent, p, &secret, &["kv", "get", "app/config"]).await;
    assert_eq!((got.code, got.stdout.trim()), (0, "v1"), "{got:?}");
    let merged = json_of(
        &as_token(
            &agent,
            p,
            &master,
            &[
                "acl",
                "token",
                "update",
                "-id",
                &accessor,
                "-merge-policies",
                "-policy-id",
                &app_policy[..8],
                "-format=json",
            ],
        )
        .await,
    );
    let linked: Vec<&str> = merged["Policies"].as_array().unwrap().iter().map(|l| str_of(l, "Name")).collect();
    assert_eq!(linked, ["read-all", "kv-app"], "{merged}");
    assert_eq!(merged["SecretID"], secret.as_str(), "the secret never changes");
    ok(&as_token(&agent, p, &secret, &["kv", "put", "app/config", "v2"]).await);

    // A clone works as the original; deleted, its secret is unknown.
    let clone = json_of(
        &as_token(
            &agent,
            p,
            &master,
            &["acl", "token", "clone", "-id", &accessor, "-description", "copy", "-format=json"],
        )
        .await,
    );
    assert_ne!(clone["SecretID"], secret.as_str());
    assert_eq!((clone["Description"].as_str(), clone["Policies"].as_array().map(Vec::len)), (Some("copy"), Some(2)));
    let clone_secret = str_of(&clone, "SecretID").to_owned();
    ok(&as_token(&agent, p, &clone_secret, &["kv", "put", "app/clone", "v"]).await);
    let clone_accessor = str_of(&clone, "AccessorID").to_owned();
    let deleted = as_token(&agent, p, &master, &["acl", "token", "delete", "-id", &clone_accessor]).await;
    ok(&deleted);
    assert_eq!(deleted.stdout.trim(), format!("Token {clone_accessor:?} deleted successfully"));
    let unknown = as_token(&agent, p, &clone_secret, &["kv", "put", "app/clone", "v"]).await;
    assert_eq!(unknown.code, 1, "{unknown:?}");
    assert!(
        unknown.stderr.contains("403 Forbidden: ACL not found"),
        "an unknown secret, as the reference: {unknown:?}"
    );

    // The list shows no secret.
    let tokens = json_of(&as_token(&agent, p, &master, &["acl", "token", "list", "-format=json"]).await);
    let tokens = tokens.as_array().unwrap();
    assert!(tokens.iter().all(|t| t.get("SecretID").is_none()), "{tokens:?}");
    assert!(tokens.iter().any(|t| t["AccessorID"] == accessor.as_str()), "{tokens:?}");
    assert!(tokens.iter().all(|t| t["AccessorID"] != clone_accessor.as_str()), "{tokens:?}");
    agent.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn roles_prefixes_and_agent_tokens_by_the_cli() {
    let dir = temp_dir();
    let p = dir.path();
    let agent = acl_dev_agent(p, None).await;
    let master = bootstrap(&agent, p).await;
    let m = master.as_str();
    ok(&as_token(
        &agent,
        p,
        m,
        &["acl", "policy", "create", "-name", "kv-app", "-rules", "key_prefix \"app/\" { policy = \"write\" }"],
    )
    .await);

    // A role carries the policy to the tokens linked to it; deleting it takes it away.
    let role = json_of(
        &as_token(&agent, p, m, &["acl", "role", "create", "-name", "ops", "-policy-name", "kv-app", "-format=json"])
            .await,
    );
    let role_id = str_of(&role, "ID").to_owned();
    let token =
        json_of(&as_token(&agent, p, m, &["acl", "token", "create", "-role-name", "ops", "-format=json"]).await);
    let secret = str_of(&token, "SecretID").to_owned();
    ok(&as_token(&agent, p, &secret, &["kv", "put", "app/by-role", "v"]).await);
    let updated = json_of(
        &as_token(
            &agent,
            p,
            m,
            &["acl", "role", "update", "-name", "ops", "-service-identity", "web:dc1", "-format=json"],
        )
        .await,
    );
    assert_eq!(updated["Policies"][0]["Name"], "kv-app", "merged, not replaced: {updated}");
    assert_eq!(updated["ServiceIdentities"], serde_json::json!([{"ServiceName": "web", "Datacenters": ["dc1"]}]));
    let listed = as_token(&agent, p, m, &["acl", "role", "list"]).await;
    ok(&listed);
    assert!(
        listed.stdout.contains(&format!("ops:\n   ID:           {role_id}\n"))
            && listed.stdout.contains("      web (Datacenters: dc1)"),
        "{listed:?}"
    );
    let read = as_token(&agent, p, m, &["acl", "role", "read", "-id", &role_id[..6]]).await;
    ok(&read);
    assert!(read.stdout.starts_with(&format!("ID:           {role_id}\nName:         ops\n")), "{read:?}");
    let gone = as_token(&agent, p, m, &["acl", "role", "delete", "-name", "ops"]).await;
    assert_eq!(
        (gone.code, gone.stdout.trim()),
        (0, format!("Role {role_id:?} deleted successfully").as_str()),
        "{gone:?}"
    );
    denied(&as_token(&agent, p, &secret, &["kv", "put", "app/by-role", "v2"]).await);
    let missing = as_token(&agent, p, m, &["acl", "role", "read", "-name", "ops"]).await;
    assert_eq!(missing.code, 1, "{missing:?}");
    assert!(missing.stderr.contains("No such role with name ops"), "{missing:?}");

    // IDs by prefix: unique, or the reference's errors.
    for n in 1..=2 {
        let (accessor, secret) =
            (format!("aaaaaaaa-0000-4000-8000-00000000000{n}"), format!("bbbbbbbb-0000-4000-8000-00000000000{n}"));
        let args = ["acl", "token", "create", "-accessor", &accessor, "-secret", &secret, "-policy-name", "kv-app"];
        ok(&as_token(&agent, p, m, &args).await);
    }
    let ambiguous = as_token(&agent, p, m, &["acl", "token", "read", "-id", "aaaaaaaa"]).await;
    assert_eq!(ambiguous.code, 1, "{ambiguous:?}");
    assert!(ambiguous.stderr.contains("Partial token ID is not unique"), "{ambiguous:?}");
    let unknown = as_token(&agent, p, m, &["acl", "token", "delete", "-id", "zzz"]).await;
    assert_eq!(unknown.code, 1, "{unknown:?}");
    assert!(unknown.stderr.contains("No such token ID with prefix: zzz"), "{unknown:?}");
    let anonymous =
        json_of(&as_token(&agent, p, m, &["acl", "token", "read", "-id", "anonymous", "-format=json"]).await);
    assert_eq!(anonymous["AccessorID"], "00000000-0000-0000-0000-000000000002");
    let builtin = as_token(&agent, p, m, &["acl", "policy", "delete", "-id", "global-management"]).await;
    assert_eq!(builtin.code, 1, "{builtin:?}");
    assert!(builtin.stderr.contains("not permitted on the builtin global-management policy"), "{builtin:?}");

    // The agent's own tokens: the type is checked here, the permission by the agent.
    let kind = as_token(&agent, p, m, &["acl", "set-agent-token", "sideways", "x"]).await;
    assert_eq!(kind.code, 2, "{kind:?}");
    assert!(kind.stderr.contains("Unknown token type \"sideways\""), "{kind:?}");
    let app_secret = "bbbbbbbb-0000-4000-8000-000000000001";
    denied(&as_token(&agent, p, &secret, &["acl", "set-agent-token", "default", app_secret]).await);
    denied(&agent.cli(p, &["kv", "put", "app/default", "v"]).await);
    let set = as_token(&agent, p, m, &["acl", "set-agent-token", "default", app_secret]).await;
    assert_eq!((set.code, set.stdout.trim()), (0, "ACL token \"default\" set successfully"), "{set:?}");
    // Requests without a token now act as that one.
    ok(&agent.cli(p, &["kv", "put", "app/default", "v"]).await);
    denied(&agent.cli(p, &["kv", "put", "other/default", "v"]).await);
    agent.stop().await;
}
