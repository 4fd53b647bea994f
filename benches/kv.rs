//! KV through the HTTP API: 64 concurrent clients against one durable `fedctl agent`
//! process, writes then reads, next to the same client against a trivial HTTP handler
//! (the same-run baseline). Also: `agent -dev` time to first answer, and idle RSS.
//!
//! Run: `cargo bench --bench kv` (env: BENCH_RUNS=5, BENCH_SECS=5, BENCH_CLIENTS=64).
//! Prints one markdown table; medians over runs with (min-max).

#![allow(clippy::print_stdout, clippy::print_stderr, clippy::unwrap_used)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

const FEDCTL: &str = env!("CARGO_BIN_EXE_fedctl");

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// One load phase's result.
#[derive(Debug, Clone, Copy)]
struct Phase {
    per_sec: f64,
    p50_us: f64,
    p99_us: f64,
}

struct Agent {
    child: Child,
    http: String,
}

impl Drop for Agent {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts an agent; returns it once the HTTP banner is printed.
fn spawn_agent(args: &[&str]) -> Agent {
    let mut child = Command::new(FEDCTL)
        .args(args)
        .env("FEDCTL_LOG", "error")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(addr) = line.trim().strip_prefix("HTTP API: ") {
                let _ = tx.send(addr.to_owned());
            }
        }
    });
    let http = rx.recv_timeout(Duration::from_secs(30)).expect("agent banner");
    Agent { child, http }
}

async fn wait_leader(client: &reqwest::Client, http: &str) {
    loop {
        if let Ok(r) = client.get(format!("{http}/v1/status/leader")).send().await
            && r.text().await.unwrap_or_default() != "\"\""
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// `clients` tasks each sending requests built by `request(client, i)` back to back for
/// `secs` (after a 1 s warm-up); returns throughput and latency percentiles.
async fn load<F>(clients: usize, secs: u64, request: F) -> Phase
where
    F: Fn(&reqwest::Client, usize, u64) -> reqwest::RequestBuilder + Send + Sync + 'static,
{
    let client = reqwest::Client::builder().pool_max_idle_per_host(clients).build().unwrap();
    let request = Arc::new(request);
    let measuring = Arc::new(AtomicBool::new(false));
    let stop = Arc::new(AtomicBool::new(false));
    let mut tasks = Vec::new();
    for c in 0..clients {
        let (client, request, measuring, stop) = (client.clone(), request.clone(), measuring.clone(), stop.clone());
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut i = 0u64;
            while !stop.load(Ordering::Relaxed) {
                let started = Instant::now();
                let resp = request(&client, c, i).send().await.unwrap();
                assert!(resp.status().is_success(), "HTTP {}", resp.status());
                let _ = resp.bytes().await.unwrap();
                if measuring.load(Ordering::Relaxed) {
                    latencies.push(started.elapsed().as_micros() as u64);
                }
                i += 1;
            }
            latencies
        }));
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    measuring.store(true, Ordering::Relaxed);
    let started = Instant::now();
    tokio::time::sleep(Duration::from_secs(secs)).await;
    measuring.store(false, Ordering::Relaxed);
    let elapsed = started.elapsed();
    stop.store(true, Ordering::Relaxed);
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.unwrap());
    }
    all.sort_unstable();
    let pct = |p: f64| all[((all.len() as f64 - 1.0) * p) as usize] as f64;
    Phase { per_sec: all.len() as f64 / elapsed.as_secs_f64(), p50_us: pct(0.50), p99_us: pct(0.99) }
}

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

fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn median(values: &mut [f64]) -> (f64, f64, f64) {
    values.sort_by(f64::total_cmp);
    (values[values.len() / 2], values[0], values[values.len() - 1])
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
        let agent = spawn_agent(&[
            "agent",
            "-server",
            "-bootstrap-expect",
            "1",
            "-node",
            "bench",
            "-http-port",
            "0",
            "-server-port",
            "0",
            "-serf-lan-port",
            "0",
            "-data-dir",
            data.to_str().unwrap(),
        ]);
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
        let dev = spawn_agent(&[
            "agent",
            "-dev",
            "-http-port",
            "0",
            "-server-port",
            "0",
            "-serf-lan-port",
            "0",
            "-node",
            "devbench",
        ]);
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
