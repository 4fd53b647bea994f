//! Shared by the benchmarks: agent processes, load generation, statistics.

#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

pub const FEDCTL: &str = env!("CARGO_BIN_EXE_fedctl");

/// One load phase's result.
#[derive(Debug, Clone, Copy)]
pub struct Phase {
    pub per_sec: f64,
    pub p99_us: f64,
}

pub struct Agent {
    pub child: Child,
    pub http: String,
    pub rpc: String,
    pub gossip: String,
    pub wan: String,
    /// The DNS interface (UDP and TCP).
    pub dns: String,
}

impl Drop for Agent {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `fedctl agent ARGS` with every port free; returns it once the HTTP banner is printed.
pub fn spawn_agent(args: &[&str]) -> Agent {
    let mut child = Command::new(FEDCTL)
        .arg("agent")
        .args(args)
        .args(FREE_PORTS)
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
            for key in ["HTTP API: ", "DNS: ", "Server RPC: ", "WAN gossip: ", "LAN gossip: "] {
                if let Some(addr) = line.trim().strip_prefix(key) {
                    let addr = addr.trim_end_matches(" (UDP and TCP)");
                    let _ = tx.send((key, addr.to_owned()));
                }
            }
        }
    });
    let (mut http, mut rpc, mut gossip, mut wan, mut dns) =
        (String::new(), String::new(), String::new(), String::new(), String::new());
    // The banner ends with the gossip address.
    while gossip.is_empty() {
        let (key, addr) = rx.recv_timeout(Duration::from_secs(30)).expect("agent banner");
        match key {
            "HTTP API: " => http = addr,
            "DNS: " => dns = addr,
            "Server RPC: " => rpc = addr,
            "WAN gossip: " => wan = addr,
            _ => gossip = addr,
        }
    }
    Agent { child, http, rpc, gossip, wan, dns }
}

pub async fn wait_leader(client: &reqwest::Client, http: &str) {
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
pub async fn load<F>(clients: usize, secs: u64, request: F) -> Phase
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
    let all: Vec<f64> = all.into_iter().map(|us| us as f64).collect();
    Phase { per_sec: all.len() as f64 / elapsed.as_secs_f64(), p99_us: crate::report::percentile(&all, 0.99) }
}

pub fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

#[path = "../../tests/support/ports.rs"]
mod ports;
pub use ports::{FREE_PORTS, free_port};

/// A mesh gateway (`fedctl connect envoy`, then Envoy) killed on drop, with its admin port.
pub struct Gateway {
    child: Child,
    pub admin: u16,
}

impl Drop for Gateway {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Registers a federation gateway on `agent` listening on 127.0.0.1:`port` and starts Envoy
/// (extra Envoy flags from `BENCH_ENVOY_ARGS`).
pub fn spawn_gateway(agent: &Agent, port: u16) -> Gateway {
    let admin = free_port();
    let addr = format!("127.0.0.1:{port}");
    let child = Command::new(FEDCTL)
        .args(["connect", "envoy", "-http-addr", &agent.http, "-gateway=mesh", "-register", "-expose-servers"])
        .args(["-address", &addr, "-wan-address", &addr, "-admin-bind", &format!("127.0.0.1:{admin}")])
        .args(["--", "--base-id", &admin.to_string(), "-l", "error"])
        .args(std::env::var("BENCH_ENVOY_ARGS").unwrap_or_default().split_whitespace())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    Gateway { child, admin }
}

/// Awaits every future concurrently on the current task.
pub async fn join_all<F: std::future::Future<Output = ()>>(futures: impl IntoIterator<Item = F>) {
    let mut set: Vec<_> = futures.into_iter().map(Box::pin).collect();
    std::future::poll_fn(|cx| {
        set.retain_mut(|f| f.as_mut().poll(cx).is_pending());
        if set.is_empty() { std::task::Poll::Ready(()) } else { std::task::Poll::Pending }
    })
    .await
}
