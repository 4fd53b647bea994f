//! What one client may hold of the HTTP API (`limits { ... }`), against a real agent process:
//! 20,000 idle connections from one address and a slowloris from another leave the agent
//! serving everyone else; a connection over the per-client limit reads 429 and is closed; a
//! request whose headers trickle in, and a keep-alive connection left idle, are closed after
//! `http_header_read_timeout`.

use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

use crate::support::process::{AgentProcess, FREE_PORTS, get};
use crate::support::{eventually_with, fedctl_cmd, http_client, temp_dir};

/// Connections the attacker holds, in two processes (each within this host's open-file limit).
const IDLE: usize = 20_000;
const HOLDERS: usize = 2;

/// A process holding `n` idle connections from `from` to `to` until it is dropped
/// (tests/support/hold_connections.py).
struct Holder {
    child: std::process::Child,
    out: std::io::BufReader<std::process::ChildStdout>,
}

impl Holder {
    /// Returns once all `n` are open.
    async fn start(from: &'static str, to: SocketAddr, n: usize) -> Holder {
        tokio::task::spawn_blocking(move || {
            let script = crate::support::repo_root().join("tests/support/hold_connections.py");
            let mut child = std::process::Command::new("python3")
                .arg(script)
                .args([from, &to.to_string(), &n.to_string()])
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .spawn()
                .expect("python3 (installed with Envoy's pip)");
            let out = std::io::BufReader::new(child.stdout.take().unwrap());
            let mut holder = Holder { child, out };
            assert_eq!(holder.line(), format!("held {n}"), "the holder opened its connections");
            holder
        })
        .await
        .unwrap()
    }

    fn line(&mut self) -> String {
        let mut line = String::new();
        std::io::BufRead::read_line(&mut self.out, &mut line).unwrap();
        line.trim().to_owned()
    }

    /// Waits until the server has closed every connection held (or 60 s pass: a failure).
    async fn until_all_closed(mut self) -> String {
        use std::io::Write;
        writeln!(self.child.stdin.as_mut().unwrap(), "closed").unwrap();
        let wait = tokio::task::spawn_blocking(move || self.line());
        tokio::time::timeout(Duration::from_secs(60), wait)
            .await
            .expect("the server closed every idle connection within 60s")
            .unwrap()
    }
}

impl Drop for Holder {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A connection to `to` from the local address `from` (any 127.0.0.0/8 address is loopback).
async fn connect_from(from: &str, to: SocketAddr) -> std::io::Result<TcpStream> {
    let socket = TcpSocket::new_v4()?;
    socket.bind(format!("{from}:0").parse().unwrap())?;
    socket.connect(to).await
}

/// Everything `conn` reads until the peer closes it.
async fn read_to_close(conn: &mut TcpStream) -> String {
    let mut out = Vec::new();
    let _ = conn.read_to_end(&mut out).await;
    String::from_utf8_lossy(&out).into_owned()
}

async fn status_leader(http: &str) -> u16 {
    get(&http_client(), &format!("{http}/v1/status/leader")).await.status().as_u16()
}

/// A dev agent process with `limits` in its config file, answering.
async fn agent_with_limits(dir: &std::path::Path, limits: &str) -> (AgentProcess, SocketAddr) {
    let config = dir.join("limits.hcl");
    std::fs::write(&config, format!("limits {{\n{limits}\n}}\n")).unwrap();
    let mut cmd = fedctl_cmd(dir);
    cmd.args(["agent", "-dev", "-node", "n1"]).args(FREE_PORTS).args(["-config-file", config.to_str().unwrap()]);
    let agent = AgentProcess::spawn(cmd);
    let addr: SocketAddr = agent.http.trim_start_matches("http://").parse().unwrap();
    eventually_with("the agent answers", || agent.log(), async || status_leader(&agent.http).await == 200).await;
    (agent, addr)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_thousand_idle_connections_from_one_client_leave_the_api_serving_everyone_else() {
    let dir = temp_dir();
    // Headers may take a minute here, so nothing is cut for being idle while the test runs.
    let (agent, addr) =
        agent_with_limits(dir.path(), "http_max_conns_per_client = 200\nhttp_header_read_timeout = \"60s\"").await;

    // 20,000 connections from 127.0.0.2 that never send a byte: the first 200 are held, every
    // later one reads 429 and is closed at once.
    let mut holders = Vec::new();
    for _ in 0..HOLDERS {
        holders.push(Holder::start("127.0.0.2", addr, IDLE / HOLDERS).await);
    }
    let over = read_to_close(&mut connect_from("127.0.0.2", addr).await.unwrap()).await;
    assert!(over.starts_with("HTTP/1.1 429 Too Many Requests\r\n"), "one more from 127.0.0.2 is refused: {over:?}");
    assert_eq!(status_leader(&agent.http).await, 200, "served beside 20,000 idle connections");

    // With its connections gone, the attacker's address has its slots back.
    drop(holders);
    eventually_with(
        "127.0.0.2 served again",
        || agent.log(),
        async || {
            let Ok(mut conn) = connect_from("127.0.0.2", addr).await else { return false };
            let request = b"GET /v1/status/leader HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
            conn.write_all(request).await.is_ok() && read_to_close(&mut conn).await.starts_with("HTTP/1.1 200 OK\r\n")
        },
    )
    .await;
    let log = agent.log();
    let refusals = log.lines().filter(|l| l.contains("refused a connection")).count();
    assert!((1..=2).contains(&refusals), "19,800 refusals logged {refusals} times (at most once a minute):\n{log}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_and_slowloris_connections_are_cut_after_the_header_read_timeout() {
    let dir = temp_dir();
    let (agent, addr) = agent_with_limits(dir.path(), "http_header_read_timeout = \"2s\"").await;

    // 200 idle connections from 127.0.0.4 (its whole allowance), and a slowloris from
    // 127.0.0.3: 50 requests whose headers come a line at a time and never end.
    let idle = Holder::start("127.0.0.4", addr, 200).await;
    let mut slow = Vec::new();
    for _ in 0..50 {
        let mut conn = connect_from("127.0.0.3", addr).await.unwrap();
        conn.write_all(b"GET /v1/status/leader HTTP/1.1\r\nHost: x\r\n").await.unwrap();
        slow.push(conn);
    }
    let trickle = tokio::spawn(async move {
        let mut cut = Vec::new();
        while !slow.is_empty() {
            let mut open = Vec::new();
            for mut conn in slow {
                let mut probe = [0u8; 1];
                // A connection the server closed reads EOF (or errors) at once; an open one
                // has nothing to read.
                let closed = match tokio::time::timeout(Duration::from_millis(1), conn.peek(&mut probe)).await {
                    Ok(read) => !matches!(read, Ok(n) if n > 0),
                    Err(_) => false,
                };
                if closed || conn.write_all(b"X-Slow: 1\r\n").await.is_err() {
                    cut.push(read_to_close(&mut conn).await);
                } else {
                    open.push(conn);
                }
            }
            slow = open;
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
        cut
    });
    assert_eq!(status_leader(&agent.http).await, 200, "served during the slowloris");

    assert_eq!(idle.until_all_closed().await, "closed 200", "every idle connection is cut");
    let cut = tokio::time::timeout(Duration::from_secs(60), trickle)
        .await
        .expect("every slowloris connection is cut within 60s")
        .unwrap();
    assert_eq!(cut.len(), 50);
    assert!(cut.iter().all(|answer| !answer.contains(" 200 ")), "a slowloris never gets an answer: {cut:?}");
    assert_eq!(status_leader(&agent.http).await, 200, "served after");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_limits_value_stops_the_agent_naming_the_key() {
    let dir = temp_dir();
    let config = dir.path().join("limits.hcl");
    std::fs::write(&config, "limits {\n  rpc_handshake_timeout = \"0s\"\n}\n").unwrap();
    let run = crate::support::fedctl(
        dir.path(),
        &["agent", "-dev", "-node", "n1", "-http-port", "0", "-config-file", config.to_str().unwrap()],
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("limits.rpc_handshake_timeout = \"0s\": must be greater than 0"), "{}", run.stderr);
    std::fs::write(&config, "limits {\n  http_max_conns = 5\n}\n").unwrap();
    let run = crate::support::fedctl(dir.path(), &["agent", "-dev", "-config-file", config.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("limits.http_max_conns"), "an unknown key is named: {}", run.stderr);
}
