//! Three datacenters (one server each, separate processes, WAN pool on loopback):
//! - a mesh-gateway registration in dc2 until it is visible in the federation states held by
//!   every datacenter (each server's own copy, waited on with blocking queries);
//! - cross-datacenter KV read (`?dc=dc2` from dc1) next to a same-datacenter read, same run.
//!
//! Run: `cargo bench --bench federation` (env: BENCH_RUNS=3, BENCH_ROUNDS=30).

#![allow(clippy::print_stdout, clippy::print_stderr, clippy::unwrap_used)]

mod common;

use std::time::{Duration, Instant};

use common::*;
use serde_json::{Value, json};

fn start(dc: &str, join: Option<&str>) -> Agent {
    let mut args = vec!["-dev", "-node", "s", "-datacenter", dc, "-primary-datacenter", "dc1"];
    if let Some(j) = join {
        args.extend(["-join-wan", j]);
    }
    spawn_agent(&args)
}

/// The WAN address from the banner of `fedctl agent` (printed before the LAN one).
fn wan_of(agent: &Agent) -> String {
    agent.wan.clone()
}

async fn index_of(http: &reqwest::Client, url: &str) -> u64 {
    http.get(url).send().await.unwrap().headers().get("X-Consul-Index").unwrap().to_str().unwrap().parse().unwrap()
}

/// Waits (blocking queries) until `base`'s own copy of dc2's state lists `id`, or lacks it.
async fn until_seen(http: &reqwest::Client, base: &str, id: &str, present: bool) {
    let url = format!("{base}/v1/internal/federation-state/dc2?stale");
    let mut index = 0;
    loop {
        let resp = http.get(format!("{url}&index={index}&wait=30s")).send().await.unwrap();
        index = resp.headers().get("X-Consul-Index").unwrap().to_str().unwrap().parse().unwrap();
        let found = if resp.status().is_success() {
            let body: Value = resp.json().await.unwrap();
            body["State"]["MeshGateways"].as_array().is_some_and(|g| g.iter().any(|g| g["Service"]["ID"] == id))
        } else {
            false
        };
        if found == present {
            return;
        }
    }
}

async fn p50_us(http: &reqwest::Client, url: &str, n: usize) -> f64 {
    for _ in 0..100 {
        http.get(url).send().await.unwrap().bytes().await.unwrap();
    }
    let mut samples = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Instant::now();
        let r = http.get(url).send().await.unwrap();
        assert!(r.status().is_success());
        r.bytes().await.unwrap();
        samples.push(t.elapsed().as_secs_f64() * 1e6);
    }
    median(&mut samples).0
}

fn main() {
    fedctl::tls::install_default_provider();
    let runs = env_or("BENCH_RUNS", 3) as usize;
    let rounds = env_or("BENCH_ROUNDS", 30) as usize;
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let http = reqwest::Client::new();
    let (mut p50s, mut p99s, mut local_reads, mut remote_reads, mut ratios) = (vec![], vec![], vec![], vec![], vec![]);
    for run in 0..runs {
        eprintln!("run {}/{runs}", run + 1);
        let dc1 = start("dc1", None);
        let wan = wan_of(&dc1);
        let dc2 = start("dc2", Some(&wan));
        let dc3 = start("dc3", Some(&wan));
        let bases = [dc1.http.clone(), dc2.http.clone(), dc3.http.clone()];
        rt.block_on(async {
            // Wait until the federation formed and replication runs everywhere.
            for b in &bases {
                loop {
                    let dcs: Value =
                        http.get(format!("{b}/v1/catalog/datacenters")).send().await.unwrap().json().await.unwrap();
                    let seen = http.get(format!("{b}/v1/internal/federation-state/dc2?stale")).send().await.unwrap();
                    if dcs.as_array().is_some_and(|a| a.len() == 3) && seen.status().is_success() {
                        break;
                    }
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
            }
            let _ = index_of(&http, &format!("{}/v1/kv/x", bases[0])).await;
        });

        let mut samples = Vec::new();
        for round in 0..rounds {
            let id = format!("gw-{round}");
            let gateway = json!({
                "ID": id, "Name": "mesh-gateway", "Kind": "mesh-gateway", "Port": 8443,
                "Meta": {"consul-wan-federation": "1"},
                "TaggedAddresses": {"wan": {"Address": "198.51.100.2", "Port": 8443}}
            });
            let t = rt.block_on(async {
                let started = Instant::now();
                let resp = http
                    .put(format!("{}/v1/agent/service/register", bases[1]))
                    .body(gateway.to_string())
                    .send()
                    .await
                    .unwrap();
                assert!(resp.status().is_success());
                let waits = bases.iter().map(|b| until_seen(&http, b, &id, true));
                futures_join_all(waits).await;
                started.elapsed()
            });
            samples.push(t.as_secs_f64() * 1000.0);
            rt.block_on(async {
                http.put(format!("{}/v1/agent/service/deregister/{id}", bases[1])).send().await.unwrap();
                futures_join_all(bases.iter().map(|b| until_seen(&http, b, &id, false))).await;
            });
        }
        samples.sort_by(f64::total_cmp);
        p50s.push(samples[samples.len() / 2]);
        p99s.push(samples[((samples.len() as f64 - 1.0) * 0.99) as usize]);

        rt.block_on(async {
            http.put(format!("{}/v1/kv/bench", bases[0])).body("v").send().await.unwrap();
            http.put(format!("{}/v1/kv/bench", bases[1])).body("v").send().await.unwrap();
        });
        let local = rt.block_on(p50_us(&http, &format!("{}/v1/kv/bench", bases[0]), 2000));
        let remote = rt.block_on(p50_us(&http, &format!("{}/v1/kv/bench?dc=dc2", bases[0]), 2000));
        local_reads.push(local);
        remote_reads.push(remote);
        ratios.push(remote / local);
        drop((dc1, dc2, dc3));
    }
    let (a, amin, amax) = median(&mut p50s);
    let (b, bmin, bmax) = median(&mut p99s);
    let (l, lmin, lmax) = median(&mut local_reads);
    let (r, rmin, rmax) = median(&mut remote_reads);
    let (x, xmin, xmax) = median(&mut ratios);
    println!("| scenario ({runs} runs, {rounds} registrations each) | median (min-max) |");
    println!("|---|---|");
    println!("| gateway registered in dc2 -> in every DC's federation states, p50 | {a:.0} ms ({amin:.0}-{amax:.0}) |");
    println!("| same, p99 | {b:.0} ms ({bmin:.0}-{bmax:.0}) |");
    println!("| KV read in dc1 from dc1, p50 | {l:.0} µs ({lmin:.0}-{lmax:.0}) |");
    println!("| KV read of dc2 from dc1 (?dc=dc2), p50 | {r:.0} µs ({rmin:.0}-{rmax:.0}) |");
    println!("| cross-DC / same-DC read, per run | {x:.2}x ({xmin:.2}-{xmax:.2}) |");
}

/// Awaits every future concurrently on the current task.
async fn futures_join_all<F: std::future::Future<Output = ()>>(futures: impl IntoIterator<Item = F>) {
    let mut set = Vec::new();
    for f in futures {
        set.push(Box::pin(f));
    }
    std::future::poll_fn(|cx| {
        set.retain_mut(|f| f.as_mut().poll(cx).is_pending());
        if set.is_empty() { std::task::Poll::Ready(()) } else { std::task::Poll::Pending }
    })
    .await
}
