//! ACLs on the request path. KV reads on one durable server with ACLs on (default deny, a
//! token whose policy grants `key_prefix "read/"`), beside the same server without ACLs, same
//! run. And two datacenters with ACLs on: a policy changed in the primary until a secondary
//! enforces it (a write there with a token of that policy succeeds), beside the primary
//! enforcing it itself.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::Ctx;
use crate::federation::start;
use crate::procs::{Phase, load, spawn_agent, wait_leader};
use crate::report::{Row, Stat, Target, percentile};

const AREA: &str = "ACLs";
const MASTER: &str = "6b8f3c1e-2a4d-4e5f-9a7b-0c1d2e3f4a5b";
const READ_KEYS: u64 = 100;

/// An ACL config file in `dir` (default deny; the master token is every server's own, and the
/// secondaries' replication token).
fn acl_file(dir: &std::path::Path) -> String {
    let path = dir.join("acl.hcl");
    let text = format!(
        "acl {{\n  enabled = true\n  default_policy = \"deny\"\n  tokens {{\n    master = \"{MASTER}\"\n    agent = \"{MASTER}\"\n    replication = \"{MASTER}\"\n  }}\n}}\n"
    );
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

async fn put_json(http: &reqwest::Client, url: String, token: &str, body: Value) -> Value {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let r = http.put(&url).header("X-Consul-Token", token).body(body.to_string()).send().await;
        match r {
            Ok(r) if r.status().is_success() => return r.json().await.unwrap_or(Value::Null),
            other => assert!(Instant::now() < deadline, "PUT {url} never succeeded: {other:?}"),
        }
        // The leader installs the master token just after it is elected.
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A policy `name` with `rules` and a token of it; the policy's ID and the token's secret.
async fn policy_and_token(http: &reqwest::Client, base: &str, name: &str, rules: &str) -> (String, String) {
    let policy = put_json(http, format!("{base}/v1/acl/policy"), MASTER, json!({"Name": name, "Rules": rules})).await;
    let token = put_json(http, format!("{base}/v1/acl/token"), MASTER, json!({"Policies": [{"Name": name}]})).await;
    (policy["ID"].as_str().unwrap().to_owned(), token["SecretID"].as_str().unwrap().to_owned())
}

fn get(
    base: String,
    token: Option<String>,
) -> impl Fn(&reqwest::Client, usize, u64) -> reqwest::RequestBuilder + Send + Sync {
    move |c, task, i| {
        let r = c.get(format!("{base}/v1/kv/read/{}", (task as u64 + i) % READ_KEYS));
        match &token {
            Some(t) => r.header("X-Consul-Token", t),
            None => r,
        }
    }
}

/// KV reads of one durable server, with ACLs (a scoped token) or without.
async fn reads(ctx: &Ctx, acl: bool) -> Phase {
    let dir = ctx.tempdir();
    let data = dir.path().join("data");
    let config = acl_file(dir.path());
    let mut args = vec!["-server", "-bootstrap-expect", "1", "-node", "bench", "-data-dir", data.to_str().unwrap()];
    if acl {
        args.extend(["-config-file", &config]);
    }
    let agent = spawn_agent(&args);
    wait_leader(&ctx.http, &agent.http).await;
    let token = match acl {
        true => Some(
            policy_and_token(&ctx.http, &agent.http, "reader", "key_prefix \"read/\" { policy = \"read\" }").await.1,
        ),
        false => None,
    };
    for k in 0..READ_KEYS {
        put_json(&ctx.http, format!("{}/v1/kv/read/{k}", agent.http), MASTER, json!("value-0123456789")).await;
    }
    // The token reads and is refused elsewhere: the load measures real authorization.
    if let Some(t) = &token {
        let other = ctx.http.put(format!("{}/v1/kv/other", agent.http)).header("X-Consul-Token", t).send().await;
        assert_eq!(other.unwrap().status(), 403);
    }
    load(ctx.clients, ctx.secs, get(agent.http.clone(), token)).await
}

/// Polls until a write of `key` with `token` at `base` succeeds.
async fn until_allowed(http: &reqwest::Client, base: &str, token: &str, key: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        assert!(Instant::now() < deadline, "a write of {key} at {base} was never allowed");
        let r = http.put(format!("{base}/v1/kv/{key}")).header("X-Consul-Token", token).body("v").send().await;
        if r.is_ok_and(|r| r.status().is_success()) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
}

pub async fn run(ctx: &Ctx) -> Vec<Row> {
    let http = &ctx.http;
    let (mut on, mut off) = (Vec::new(), Vec::new());
    // 100 rounds in each datacenter a run, so that the p99 is a percentile.
    let rounds = ctx.rounds(200);
    let (mut secondary_p50, mut secondary_p99, mut primary_p50) = (Vec::new(), Vec::new(), Vec::new());
    for run in 0..ctx.runs {
        eprintln!("acl: run {}/{}", run + 1, ctx.runs);
        // In turn first, so that neither always has the warmer machine.
        if run % 2 == 0 {
            on.push(reads(ctx, true).await);
            off.push(reads(ctx, false).await);
        } else {
            off.push(reads(ctx, false).await);
            on.push(reads(ctx, true).await);
        }

        let dir = ctx.tempdir();
        let config = acl_file(dir.path());
        let dc1 = start("dc1", None, &["-dev", "-config-file", &config]);
        let dc2 = start("dc2", Some(&dc1.wan), &["-dev", "-config-file", &config]);
        let (policy, token) =
            policy_and_token(http, &dc1.http, "moving", "key_prefix \"none/\" { policy = \"read\" }").await;
        // The token is replicated to dc2 and refused there before the rounds begin.
        loop {
            let r = http.put(format!("{}/v1/kv/none/x", dc2.http)).header("X-Consul-Token", &token).send().await;
            if r.is_ok_and(|r| r.status() == 403) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let (mut there, mut here) = (Vec::new(), Vec::new());
        for round in 0..rounds {
            let (base, samples) = if round % 2 == 0 { (&dc2.http, &mut there) } else { (&dc1.http, &mut here) };
            let rules = format!("key_prefix \"r{run}-{round}/\" {{ policy = \"write\" }}");
            let started = Instant::now();
            put_json(
                http,
                format!("{}/v1/acl/policy/{policy}", dc1.http),
                MASTER,
                json!({"Name": "moving", "Rules": rules}),
            )
            .await;
            until_allowed(http, base, &token, &format!("r{run}-{round}/k")).await;
            samples.push(started.elapsed().as_secs_f64() * 1e3);
        }
        secondary_p50.push(percentile(&there, 0.5));
        secondary_p99.push(percentile(&there, 0.99));
        primary_p50.push(percentile(&here, 0.5));
    }
    let rate = |p: &[Phase]| p.iter().map(|x| x.per_sec).collect::<Vec<_>>();
    let ratio: Vec<f64> = rate(&on).iter().zip(rate(&off)).map(|(a, b)| a / b).collect();
    let c = ctx.clients;
    vec![
        Row::new(
            AREA,
            format!("KV reads with ACLs on (default deny, scoped token), {c} clients"),
            Stat::of(&rate(&on), "ops/s"),
        )
        .baseline("the same server, ACLs off", Stat::of(&rate(&off), "ops/s"))
        .ratio(&ratio)
        .target(Target::RatioAtLeast(0.9)),
        Row::new(
            AREA,
            format!("policy changed in dc1 → enforced in dc2, p50 ({} rounds)", rounds / 2),
            Stat::of(&secondary_p50, "ms"),
        )
        .baseline("enforced in dc1 itself, p50", Stat::of(&primary_p50, "ms")),
        Row::new(
            AREA,
            if rounds / 2 >= 100 { "same, p99".to_owned() } else { format!("same, max of {}", rounds / 2) },
            Stat::of(&secondary_p99, "ms"),
        )
        .baseline("enforced in dc1 itself, p50", Stat::of(&primary_p50, "ms"))
        .target(Target::AtMost(1000.0)),
    ]
}
