//! Same-run baselines, each in its own process like the agents they stand beside (the bench
//! binary re-executed with `FEDCTL_BENCH_ROLE`): a trivial HTTP server, a plain TCP echo server.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};

pub const ROLE: &str = "FEDCTL_BENCH_ROLE";

/// Runs the role this process was started for, if any; returns false when there is none.
pub fn run_role() -> bool {
    match std::env::var(ROLE).as_deref() {
        Ok("http") => {
            http_server();
            true
        }
        Ok("echo") => {
            echo_server();
            true
        }
        Ok("dns") => {
            dns_server();
            true
        }
        _ => false,
    }
}

/// What the KV API answers, with no storage: 2 runtime threads, like the agent.
fn http_server() {
    use axum::routing::get;
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        println!("http://{}", listener.local_addr().unwrap());
        let app = axum::Router::new()
            .route("/v1/kv/{*key}", get(|| async { r#"[{"Key":"k","Value":"dmFsdWU="}]"# }).put(|| async { "true" }))
            .route("/v1/agent/self", get(|| async { "{}" }));
        axum::serve(listener, app).await.unwrap();
    });
}

/// The trivial HTTP server process and its start to first answer.
pub struct HttpBaseline {
    /// Its address is the base URL.
    pub process: Baseline,
    pub first_answer: Duration,
}

pub async fn spawn_http(probe: &reqwest::Client) -> HttpBaseline {
    let process = spawn_role("http");
    while probe.get(format!("{}/v1/agent/self", process.addr)).send().await.is_err() {
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    let first_answer = process.started.elapsed();
    HttpBaseline { process, first_answer }
}

/// A plain TCP echo server (64-byte messages), 2 runtime threads like the agent.
fn echo_server() {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    rt.block_on(async move {
        let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        println!("{}", l.local_addr().unwrap());
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
}

/// A trivial DNS responder on UDP, built with the crate the agent uses: every question gets
/// one fixed A record. 2 runtime threads like the agent, each receiving on the one socket.
fn dns_server() {
    use hickory_proto::op::{Message, MessageType};
    use hickory_proto::rr::{RData, Record, rdata::A};
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    rt.block_on(async move {
        let socket = std::sync::Arc::new(tokio::net::UdpSocket::bind("127.0.0.1:0").await.unwrap());
        println!("{}", socket.local_addr().unwrap());
        let serve = |socket: std::sync::Arc<tokio::net::UdpSocket>| async move {
            let mut buf = [0u8; 512];
            loop {
                let Ok((n, peer)) = socket.recv_from(&mut buf).await else { continue };
                let Ok(request) = Message::from_vec(&buf[..n]) else { continue };
                let mut reply = Message::new();
                reply.set_id(request.id()).set_message_type(MessageType::Response).set_authoritative(true);
                reply.add_queries(request.queries().iter().cloned());
                if let Some(q) = request.queries().first() {
                    reply.add_answer(Record::from_rdata(q.name().clone(), 0, RData::A(A::new(10, 0, 0, 1))));
                }
                let _ = socket.send_to(&reply.to_vec().unwrap(), peer).await;
            }
        };
        let other = tokio::spawn(serve(socket.clone()));
        serve(socket).await;
        let _ = other.await;
    });
}

/// The trivial DNS responder process; its UDP address.
pub fn spawn_dns() -> Baseline {
    spawn_role("dns")
}

/// A baseline process, killed on drop, and the address it printed.
pub struct Baseline {
    pub child: Child,
    pub addr: String,
    started: Instant,
}

impl Drop for Baseline {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn spawn_role(role: &str) -> Baseline {
    let started = Instant::now();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .env(ROLE, role)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    Baseline { child, addr: line.trim().to_owned(), started }
}

/// The echo server process.
pub fn spawn_echo() -> Baseline {
    spawn_role("echo")
}
