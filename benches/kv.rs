//! KV through the HTTP API: 64 concurrent clients against one durable `fedctl agent`
//! process, writes then reads, next to the same client against a trivial HTTP handler
//! (the same-run baseline). Also: `agent -dev` time to first answer, and idle RSS.
//!
//! Run: `cargo bench --bench kv` (env: BENCH_RUNS=5, BENCH_SECS=5, BENCH_CLIENTS=64).
//! Prints one markdown table; medians over runs with (min-max).

#![allow(clippy::print_stdout, clippy::print_stderr, clippy::unwrap_used)]

use std::time::{Duration, Instant};

mod common;

use common::*;

/// The baseline: a trivial axum handler answering what the KV API answers, no storage.
fn baseline_server() -> String {
    use axum::routing::get;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(format!("http://{}", listener.local_addr().unwrap())).unwrap();
            let app = axum::Router::new().route(
                "/v1/kv/{*key}",
                get(|| async { r#"[{"Key":"k","Value":"dmFsdWU="}]"# }).put(|| async { "true" }),
            );
            axum::serve(listener, app).await.unwrap();
        });
    });
    rx.recv().unwrap()
}

fn main() {
    fedctl::tls::install_default_provider();
    let runs = env_or("BENCH_RUNS", 3) as usize;
    let secs = env_or("BENCH_SECS", 5);
    let clients = env_or("BENCH_CLIENTS", 64) as usize;
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let probe = reqwest::Client::new();
    let baseline = baseline_server();

    let names =
        ["agent KV PUT (durable)", "agent KV GET", "baseline PUT (trivial handler)", "baseline GET (trivial handler)"];
    let mut results: Vec<Vec<Phase>> = vec![Vec::new(); names.len()];
    let mut startup_first_answer = Vec::new();
    let mut startup_leader = Vec::new();
    let mut idle_rss = Vec::new();

    for run in 0..runs {
        eprintln!("run {}/{runs}", run + 1);
        // Durable server on the real disk.
        let dir = tempfile::tempdir_in(std::env::var("BENCH_DIR").unwrap_or_else(|_| "target".into())).unwrap();
        let data = dir.path().join("data");
        let agent =
            spawn_agent(&["-server", "-bootstrap-expect", "1", "-node", "bench", "-data-dir", data.to_str().unwrap()]);
        let http = agent.http.clone();
        rt.block_on(wait_leader(&probe, &http));
        std::thread::sleep(Duration::from_secs(1));
        idle_rss.push(rss_kib(agent.child.id()) as f64 / 1024.0);

        let h = http.clone();
        results[0].push(rt.block_on(load(clients, secs, move |c, task, i| {
            c.put(format!("{h}/v1/kv/bench/{task}/{}", i % 1000)).body("value-0123456789")
        })));
        let h = http.clone();
        results[1].push(
            rt.block_on(load(clients, secs, move |c, task, i| c.get(format!("{h}/v1/kv/bench/{task}/{}", i % 100)))),
        );
        drop(agent);

        let b = baseline.clone();
        results[2].push(rt.block_on(load(clients, secs, move |c, task, i| {
            c.put(format!("{b}/v1/kv/bench/{task}/{}", i % 1000)).body("value-0123456789")
        })));
        let b = baseline.clone();
        results[3].push(
            rt.block_on(load(clients, secs, move |c, task, i| c.get(format!("{b}/v1/kv/bench/{task}/{}", i % 100)))),
        );

        // -dev startup: process start to first HTTP answer, and to a known leader.
        let started = Instant::now();
        let dev = spawn_agent(&["-dev", "-node", "devbench"]);
        rt.block_on(async {
            loop {
                if probe.get(format!("{}/v1/agent/self", dev.http)).send().await.is_ok() {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(1)).await;
            }
        });
        startup_first_answer.push(started.elapsed().as_secs_f64() * 1000.0);
        rt.block_on(wait_leader(&probe, &dev.http));
        startup_leader.push(started.elapsed().as_secs_f64() * 1000.0);
    }

    println!(
        "| scenario ({clients} clients, {secs} s, {runs} runs) | ops/s median (min-max) | p50 µs (min-max) | p99 µs (min-max) |"
    );
    println!("|---|---|---|---|");
    for (name, phases) in names.iter().zip(&results) {
        let (r, rmin, rmax) = median(&mut phases.iter().map(|p| p.per_sec).collect::<Vec<_>>());
        let (p50, p50min, p50max) = median(&mut phases.iter().map(|p| p.p50_us).collect::<Vec<_>>());
        let (p99, p99min, p99max) = median(&mut phases.iter().map(|p| p.p99_us).collect::<Vec<_>>());
        println!(
            "| {name} | {r:.0} ({rmin:.0}-{rmax:.0}) | {p50:.0} ({p50min:.0}-{p50max:.0}) | {p99:.0} ({p99min:.0}-{p99max:.0}) |"
        );
    }
    let ratio = |a: usize, b: usize| {
        let mut v: Vec<f64> = results[a].iter().zip(&results[b]).map(|(x, y)| x.per_sec / y.per_sec).collect();
        median(&mut v).0
    };
    println!();
    println!("agent/baseline throughput, per run then median: PUT {:.2}x, GET {:.2}x", ratio(0, 2), ratio(1, 3));
    let (s, smin, smax) = median(&mut startup_first_answer);
    let (l, lmin, lmax) = median(&mut startup_leader);
    let (m, mmin, mmax) = median(&mut idle_rss);
    println!(
        "agent -dev: first HTTP answer {s:.0} ms ({smin:.0}-{smax:.0}); leader known {l:.0} ms ({lmin:.0}-{lmax:.0})"
    );
    println!("durable server idle RSS: {m:.1} MiB ({mmin:.1}-{mmax:.1})");
}
