//! Connect leaf certificates: `GET /v1/agent/connect/ca/leaf/<service>` cold (a new service
//! name each time, so the agent makes a key and CSR and its server signs it), beside the same
//! request warm (served from the agent's cache: the HTTP path alone) and the key, CSR and
//! signature made in this process (the cryptography alone).

use std::time::{Duration, Instant};

use fedctl::tls::generate_connect_root;
use fedctl::tls::leaf::{LEAF_TTL, leaf_request, sign_leaf};

use crate::Ctx;
use crate::procs::{spawn_agent, wait_leader};
use crate::report::{Row, Stat, Target, percentile};

const AREA: &str = "Connect CA";

async fn get_leaf(http: &reqwest::Client, base: &str, service: &str) -> f64 {
    let t0 = Instant::now();
    let r = http.get(format!("{base}/v1/agent/connect/ca/leaf/{service}")).send().await.unwrap();
    assert!(r.status().is_success(), "leaf for {service}: {}", r.status());
    let _ = r.bytes().await.unwrap();
    t0.elapsed().as_secs_f64() * 1e3
}

pub async fn run(ctx: &Ctx) -> Vec<Row> {
    let rounds = ctx.rounds(100);
    let (mut cold, mut warm, mut local) = (Vec::new(), Vec::new(), Vec::new());
    for run in 0..ctx.runs {
        eprintln!("connect: run {}/{}", run + 1, ctx.runs);
        let agent = spawn_agent(&["-dev", "-node", "ca-bench"]);
        wait_leader(&ctx.http, &agent.http).await;
        let started = Instant::now();
        while get_roots_ready(&ctx.http, &agent.http).await.is_none() {
            assert!(started.elapsed() < Duration::from_secs(30), "the CA never appeared");
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        let (mut c, mut w) = (Vec::new(), Vec::new());
        for i in 0..rounds {
            c.push(get_leaf(&ctx.http, &agent.http, &format!("svc-{run}-{i}")).await);
        }
        for i in 0..rounds {
            w.push(get_leaf(&ctx.http, &agent.http, &format!("svc-{run}-{i}")).await);
        }
        let td = "11111111-2222-3333-4444-555555555555.consul";
        let root = generate_connect_root(td).unwrap();
        let mut l = Vec::new();
        for i in 0..rounds {
            let t0 = Instant::now();
            let req = leaf_request(td, "dc1", &format!("s{i}")).unwrap();
            sign_leaf(&root.cert_pem, &root.key_pem, &req.csr_pem, td, "dc1", LEAF_TTL).unwrap();
            l.push(t0.elapsed().as_secs_f64() * 1e3);
        }
        cold.push(percentile(&c, 0.99));
        warm.push(percentile(&w, 0.99));
        local.push(percentile(&l, 0.99));
    }
    let ratio: Vec<f64> = cold.iter().zip(&local).map(|(a, b)| a / b).collect();
    vec![
        Row::new(AREA, format!("leaf certificate, cold, p99 of {rounds}"), Stat::of(&cold, "ms"))
            .baseline("in-process key + CSR + signature", Stat::of(&local, "ms"))
            .ratio(&ratio)
            .target(Target::AtMost(20.0)),
        Row::new(AREA, format!("leaf certificate, cached, p99 of {rounds}"), Stat::of(&warm, "ms"))
            .baseline("in-process key + CSR + signature", Stat::of(&local, "ms")),
    ]
}

/// The active root's ID once the CA exists.
async fn get_roots_ready(http: &reqwest::Client, base: &str) -> Option<String> {
    let r = http.get(format!("{base}/v1/agent/connect/ca/roots")).send().await.ok()?;
    let v: serde_json::Value = r.json().await.ok()?;
    v["ActiveRootID"].as_str().filter(|s| !s.is_empty()).map(str::to_owned)
}
