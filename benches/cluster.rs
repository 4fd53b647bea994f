//! A 3-server datacenter with mutual TLS, as separate processes:
//! - durable KV writes through the leader's HTTP API (64 clients);
//! - RPC round trip over a pooled TLS connection (Ping to a server) next to a plain TCP echo
//!   round trip measured in the same run (the baseline);
//! - leader loss (kill -9) to the first write accepted through a survivor.
//!
//! Run: `cargo bench --bench cluster` (env: BENCH_RUNS=3, BENCH_SECS=5, BENCH_CLIENTS=64).

#![allow(clippy::print_stdout, clippy::print_stderr, clippy::unwrap_used)]

mod common;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::*;
use fedctl::config::TlsSettings;
use fedctl::rpc::message::{Reply, Request};
use fedctl::rpc::{ClientOptions, RpcClient, Target};
use fedctl::tls::{AgentTls, Ca, CaOptions, CertKind, CertOptions, generate_ca};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Writes CA + certificates for s0..s2 and a client, and an HCL TLS file per server.
fn pki(dir: &Path) -> (Vec<String>, TlsSettings) {
    let g = generate_ca(&CaOptions::default()).unwrap();
    let ca = Ca::from_pem(g.cert_pem.as_bytes(), g.key_pem.as_bytes(), "ca", "key").unwrap();
    std::fs::write(dir.join("ca.pem"), &g.cert_pem).unwrap();
    let mut configs = Vec::new();
    for name in ["s0", "s1", "s2", "bench-client"] {
        let kind = if name.starts_with('s') { CertKind::Server { node: Some(name.into()) } } else { CertKind::Client };
        let issued = ca.issue(&CertOptions::new(kind)).unwrap();
        std::fs::write(dir.join(format!("{name}.pem")), issued.cert_pem).unwrap();
        std::fs::write(dir.join(format!("{name}-key.pem")), issued.key_pem).unwrap();
        let hcl = dir.join(format!("{name}.hcl"));
        let text = fedctl::config::verified_tls_hcl(
            &dir.join("ca.pem"),
            &dir.join(format!("{name}.pem")),
            &dir.join(format!("{name}-key.pem")),
        );
        std::fs::write(&hcl, text).unwrap();
        configs.push(hcl.display().to_string());
    }
    let client = TlsSettings {
        ca_file: Some(dir.join("ca.pem")),
        cert_file: Some(dir.join("bench-client.pem")),
        key_file: Some(dir.join("bench-client-key.pem")),
        verify_incoming: true,
        verify_outgoing: true,
        verify_server_hostname: true,
    };
    (configs, client)
}

fn start_cluster(dir: &Path, configs: &[String]) -> Vec<Agent> {
    let mut agents: Vec<Agent> = Vec::new();
    let mut join = String::new();
    for (n, config) in configs.iter().take(3).enumerate() {
        let data = dir.join(format!("data-s{n}"));
        let name = format!("s{n}");
        let mut args = vec![
            "-server",
            "-bootstrap-expect",
            "3",
            "-node",
            &name,
            "-bind",
            "127.0.0.1",
            "-advertise",
            "127.0.0.1",
            "-config-file",
            config,
        ];
        let data_s = data.display().to_string();
        args.extend(["-data-dir", &data_s]);
        if n > 0 {
            args.extend(["-join", &join]);
        }
        let agent = spawn_agent(&args);
        if n == 0 {
            join = agent.gossip.clone();
        }
        agents.push(agent);
    }
    agents
}

async fn leader(client: &reqwest::Client, agents: &[Agent]) -> usize {
    loop {
        for a in agents {
            if let Ok(r) = client.get(format!("{}/v1/status/leader", a.http)).send().await
                && let Ok(l) = r.json::<String>().await
                && let Some(i) = agents.iter().position(|x| x.rpc == l)
            {
                return i;
            }
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// p50 (µs) of `n` sequential round trips of `f`.
async fn rtt<F, Fut>(n: usize, mut f: F) -> f64
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    for _ in 0..200 {
        f().await;
    }
    let mut samples: Vec<f64> = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Instant::now();
        f().await;
        samples.push(t.elapsed().as_secs_f64() * 1e6);
    }
    median(&mut samples).0
}

/// A plain TCP echo server (64-byte messages) on its own runtime thread.
fn echo_server() -> String {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        rt.block_on(async move {
            let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(l.local_addr().unwrap().to_string()).unwrap();
            loop {
                let (mut s, _) = l.accept().await.unwrap();
                s.set_nodelay(true).unwrap();
                tokio::spawn(async move {
                    let mut buf = [0u8; 64];
                    while s.read_exact(&mut buf).await.is_ok() {
                        if s.write_all(&buf).await.is_err() {
                            return;
                        }
                    }
                });
            }
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
    let http = reqwest::Client::new();
    let echo = echo_server();

    let mut writes = Vec::new();
    let (mut rpc_p50, mut tcp_p50, mut ratios, mut failover_ms) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for run in 0..runs {
        eprintln!("run {}/{runs}", run + 1);
        let dir = tempfile::tempdir_in(std::env::var("BENCH_DIR").unwrap_or_else(|_| "target".into())).unwrap();
        let (configs, client_tls) = pki(dir.path());
        let mut agents = start_cluster(dir.path(), &configs);
        let l = rt.block_on(leader(&http, &agents));
        let leader_http = agents[l].http.clone();

        // Durable writes through the leader's HTTP API.
        let h = leader_http.clone();
        writes.push(rt.block_on(load(clients, secs, move |c, task, i| {
            c.put(format!("{h}/v1/kv/bench/{task}/{}", i % 1000)).body("value-0123456789")
        })));

        // RPC round trip over pooled TLS vs plain TCP echo, same run.
        let tls = AgentTls::load(&client_tls, "dc1", "consul").unwrap().unwrap();
        let rpc = RpcClient::new(ClientOptions { tls: Some(tls), ..ClientOptions::default() });
        let target = Target { addr: agents[l].rpc.clone(), node: Some(format!("s{l}")), datacenter: "dc1".into() };
        let rpc_us = rt.block_on(rtt(5000, || {
            let (rpc, target) = (rpc.clone(), target.clone());
            async move {
                assert!(matches!(rpc.request(&target, &Request::Ping).await.unwrap(), Reply::Pong(_)));
            }
        }));
        let echo_addr = echo.clone();
        let tcp_us = rt.block_on(async {
            let s = tokio::net::TcpStream::connect(&echo_addr).await.unwrap();
            s.set_nodelay(true).unwrap();
            let s = Arc::new(tokio::sync::Mutex::new(s));
            rtt(5000, || {
                let s = s.clone();
                async move {
                    let mut s = s.lock().await;
                    let mut buf = [7u8; 64];
                    s.write_all(&buf).await.unwrap();
                    s.read_exact(&mut buf).await.unwrap();
                }
            })
            .await
        });
        rpc_p50.push(rpc_us);
        tcp_p50.push(tcp_us);
        ratios.push(rpc_us / tcp_us);

        // Leader loss: kill -9 the leader, time until a survivor accepts a write.
        let survivor = agents[(l + 1) % 3].http.clone();
        let killed = Instant::now();
        let dead = agents.remove(l);
        drop(dead); // SIGKILL
        rt.block_on(async {
            loop {
                if let Ok(r) = http.put(format!("{survivor}/v1/kv/after-failover")).body("x").send().await
                    && r.status().is_success()
                    && r.text().await.unwrap_or_default() == "true"
                {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        });
        failover_ms.push(killed.elapsed().as_secs_f64() * 1000.0);
    }

    let stats = |v: &mut Vec<f64>| median(v);
    let (w, wmin, wmax) = stats(&mut writes.iter().map(|p| p.per_sec).collect());
    let (p50, p50min, p50max) = stats(&mut writes.iter().map(|p| p.p50_us).collect());
    let (p99, p99min, p99max) = stats(&mut writes.iter().map(|p| p.p99_us).collect());
    println!("| scenario ({runs} runs) | median (min-max) |");
    println!("|---|---|");
    println!(
        "| 3-server TLS DC, KV PUT via leader HTTP ({clients} clients, {secs} s) | {w:.0}/s ({wmin:.0}-{wmax:.0}); p50 {p50:.0} µs ({p50min:.0}-{p50max:.0}); p99 {p99:.0} µs ({p99min:.0}-{p99max:.0}) |"
    );
    let (r, rmin, rmax) = stats(&mut rpc_p50);
    let (t, tmin, tmax) = stats(&mut tcp_p50);
    let (x, xmin, xmax) = stats(&mut ratios);
    println!("| RPC Ping round trip, pooled mutual TLS, p50 | {r:.1} µs ({rmin:.1}-{rmax:.1}) |");
    println!("| plain TCP echo round trip (64 B), p50, same run | {t:.1} µs ({tmin:.1}-{tmax:.1}) |");
    println!("| ratio RPC / TCP echo, per run | {x:.2}x ({xmin:.2}-{xmax:.2}) |");
    let (f, fmin, fmax) = stats(&mut failover_ms);
    println!("| leader kill -9 to first write accepted by a survivor | {f:.0} ms ({fmin:.0}-{fmax:.0}) |");
}
