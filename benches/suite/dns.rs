//! The DNS interface: `web.service.consul` (three instances) asked over UDP by 32 concurrent
//! clients of a `-dev` agent, beside a trivial responder built with the same crate answering a
//! fixed record (same run, same load); a cross-datacenter question (dc1's agent asked for
//! `web.service.dc2.consul`, dc2 reached through both datacenters' gateways on real Envoy)
//! beside the same question asked in dc2 itself, interleaved; and how soon an instance
//! registered in dc2 is in dc1's answers, beside dc2's own.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use hickory_proto::op::{Message, MessageType, Query};
use hickory_proto::rr::{Name, RecordType};
use serde_json::json;
use tokio::net::UdpSocket;

use crate::Ctx;
use crate::procs::{Agent, free_port, spawn_agent, spawn_gateway, wait_leader};
use crate::report::{Row, Stat, Target, percentile};

const AREA: &str = "DNS";
const CLIENTS: usize = 32;

/// A question for `name` A, without EDNS (so at most 3 answers), or with 4096 bytes of it.
fn question(id: u16, name: &str, edns: bool) -> Vec<u8> {
    let mut m = Message::new();
    m.set_id(id).set_message_type(MessageType::Query).set_recursion_desired(true);
    m.add_query(Query::query(Name::from_ascii(name).unwrap(), RecordType::A));
    if edns {
        let mut e = hickory_proto::op::Edns::new();
        e.set_max_payload(4096);
        m.set_edns(e);
    }
    m.to_vec().unwrap()
}

/// One question on `socket` (connected): the reply's answer count, or `None` after 1 s.
async fn ask_on(socket: &UdpSocket, id: u16, name: &str) -> Option<usize> {
    ask_sized(socket, id, name, false).await
}

async fn ask_sized(socket: &UdpSocket, id: u16, name: &str, edns: bool) -> Option<usize> {
    socket.send(&question(id, name, edns)).await.ok()?;
    let mut buf = [0u8; 1500];
    let wait = async {
        loop {
            let n = socket.recv(&mut buf).await.ok()?;
            if let Ok(m) = Message::from_vec(&buf[..n])
                && m.id() == id
            {
                return Some(m.answers().len());
            }
        }
    };
    tokio::time::timeout(Duration::from_secs(1), wait).await.ok().flatten()
}

async fn client(server: SocketAddr) -> UdpSocket {
    let socket = UdpSocket::bind("127.0.0.1:0").await.unwrap();
    socket.connect(server).await.unwrap();
    socket
}

/// One load phase: queries per second, p50 and p99 in µs, and the questions that got no
/// answer (or a wrong one).
struct Load {
    per_sec: f64,
    p50_us: f64,
    p99_us: f64,
    failed: usize,
}

/// `CLIENTS` tasks asking `name` at `server` back to back for `secs` after a 1 s warm-up;
/// every reply must carry `answers` answers.
async fn load(server: SocketAddr, name: &'static str, answers: usize, secs: u64) -> Load {
    let deadline_warm = Instant::now() + Duration::from_secs(1);
    let deadline = deadline_warm + Duration::from_secs(secs);
    let mut tasks = Vec::new();
    for c in 0..CLIENTS {
        tasks.push(tokio::spawn(async move {
            let socket = client(server).await;
            let (mut latencies, mut failed) = (Vec::new(), 0usize);
            let mut id = (c as u16).wrapping_mul(2048);
            loop {
                let started = Instant::now();
                if started >= deadline {
                    break;
                }
                id = id.wrapping_add(1);
                let got = ask_on(&socket, id, name).await;
                if started >= deadline_warm {
                    match got {
                        Some(n) if n == answers => latencies.push(started.elapsed().as_secs_f64() * 1e6),
                        _ => failed += 1,
                    }
                }
            }
            (latencies, failed)
        }));
    }
    let (mut all, mut failed) = (Vec::new(), 0);
    for t in tasks {
        let (l, f) = t.await.unwrap();
        all.extend(l);
        failed += f;
    }
    Load {
        per_sec: all.len() as f64 / secs as f64,
        p50_us: percentile(&all, 0.5),
        p99_us: percentile(&all, 0.99),
        failed,
    }
}

async fn register_web(ctx: &Ctx, agent: &Agent) {
    for i in 0..3 {
        let service =
            json!({"Name": "web", "ID": format!("web-{i}"), "Port": 8080, "Address": format!("10.0.0.{}", i + 1)});
        let url = format!("{}/v1/agent/service/register", agent.http);
        let r = ctx.http.put(url).body(service.to_string()).send().await.unwrap();
        assert!(r.status().is_success(), "registering web: {}", r.status());
    }
}

/// Until `name` at `server` answers with `answers` records.
async fn until_answered(server: SocketAddr, name: &str, answers: usize) {
    let socket = client(server).await;
    let started = Instant::now();
    let mut id = 0u16;
    loop {
        id = id.wrapping_add(1);
        if ask_on(&socket, id, name).await == Some(answers) {
            return;
        }
        assert!(started.elapsed() < Duration::from_secs(60), "{name} at {server} never had {answers} answers");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// One run of the same-datacenter load: (the agent, the trivial responder).
async fn local_run(ctx: &Ctx) -> (Load, Load) {
    let agent = spawn_agent(&["-dev", "-node", "dns-bench"]);
    wait_leader(&ctx.http, &agent.http).await;
    register_web(ctx, &agent).await;
    let server: SocketAddr = agent.dns.parse().unwrap();
    until_answered(server, "web.service.consul.", 3).await;
    let baseline = crate::baseline::spawn_dns();
    let trivial: SocketAddr = baseline.addr.parse().unwrap();
    until_answered(trivial, "web.service.consul.", 1).await;
    let ours = load(server, "web.service.consul.", 3, ctx.secs).await;
    let theirs = load(trivial, "web.service.consul.", 1, ctx.secs).await;
    (ours, theirs)
}

/// One question at a time on `socket`, in µs.
async fn timed(socket: &UdpSocket, id: u16, name: &str) -> f64 {
    let started = Instant::now();
    assert_eq!(ask_on(socket, id, name).await, Some(3), "{name}");
    started.elapsed().as_secs_f64() * 1e6
}

/// One run of the cross-datacenter comparison: (dc1 asked for dc2, dc2 asked itself) p50 in
/// µs, and (in dc1's answers, in dc2's) ms after a registration in dc2, p50 of `changes`.
async fn cross_run(ctx: &Ctx, rounds: usize, changes: usize) -> ((f64, f64), (f64, f64)) {
    let dir = ctx.tempdir();
    let dir = dir.path();
    crate::wanfed::fedctl(dir, &["tls", "ca", "create"]);
    let (p1, p2) = (free_port(), free_port());
    let c1 = crate::wanfed::config(dir, "dc1", "d1", true, None).display().to_string();
    let dc1 = spawn_agent(&["-dev", "-node", "d1", "-datacenter", "dc1", "-config-file", &c1]);
    let _gw1 = spawn_gateway(&dc1, p1);
    let c2 = crate::wanfed::config(dir, "dc2", "d2", true, Some(p1)).display().to_string();
    let dc2 =
        spawn_agent(&["-dev", "-node", "d2", "-datacenter", "dc2", "-primary-datacenter", "dc1", "-config-file", &c2]);
    let _gw2 = spawn_gateway(&dc2, p2);
    wait_leader(&ctx.http, &dc2.http).await;
    register_web(ctx, &dc2).await;
    let (there, here): (SocketAddr, SocketAddr) = (dc1.dns.parse().unwrap(), dc2.dns.parse().unwrap());
    until_answered(here, "web.service.consul.", 3).await;
    until_answered(there, "web.service.dc2.consul.", 3).await;
    let (a, b) = (client(there).await, client(here).await);
    let mut id = 0u16;
    for _ in 0..100 {
        id = id.wrapping_add(1);
        timed(&a, id, "web.service.dc2.consul.").await;
        timed(&b, id, "web.service.consul.").await;
    }
    let (mut cross, mut same) = (Vec::new(), Vec::new());
    // Interleaved in small batches, so drift hits both alike.
    for _ in 0..rounds / 10 {
        for _ in 0..10 {
            id = id.wrapping_add(1);
            cross.push(timed(&a, id, "web.service.dc2.consul.").await);
        }
        for _ in 0..10 {
            id = id.wrapping_add(1);
            same.push(timed(&b, id, "web.service.consul.").await);
        }
    }
    let latency = (percentile(&cross, 0.5), percentile(&same, 0.5));
    // Freshness: an instance registered in dc2, asked of both until both answer with it
    // (EDNS: room for every answer), then deregistered until both answer without it.
    let (mut there_ms, mut here_ms) = (Vec::new(), Vec::new());
    for k in 0..changes {
        let extra = format!("web-extra-{k}");
        let service = json!({"Name": "web", "ID": extra, "Port": 8080, "Address": format!("10.0.1.{}", k % 250)});
        let started = Instant::now();
        let r = ctx.http.put(format!("{}/v1/agent/service/register", dc2.http)).body(service.to_string()).send().await;
        assert!(r.unwrap().status().is_success());
        let (mut at_there, mut at_here) = (None, None);
        while at_there.is_none() || at_here.is_none() {
            assert!(started.elapsed() < Duration::from_secs(30), "the new instance was never answered");
            id = id.wrapping_add(1);
            if at_here.is_none() && ask_sized(&b, id, "web.service.consul.", true).await == Some(4) {
                at_here = Some(started.elapsed());
            }
            if at_there.is_none() && ask_sized(&a, id, "web.service.dc2.consul.", true).await == Some(4) {
                at_there = Some(started.elapsed());
            }
        }
        there_ms.push(at_there.unwrap().as_secs_f64() * 1e3);
        here_ms.push(at_here.unwrap().as_secs_f64() * 1e3);
        let url = format!("{}/v1/agent/service/deregister/{extra}", dc2.http);
        assert!(ctx.http.put(url).send().await.unwrap().status().is_success());
        until_answered(there, "web.service.dc2.consul.", 3).await;
        until_answered(here, "web.service.consul.", 3).await;
    }
    (latency, (percentile(&there_ms, 0.5), percentile(&here_ms, 0.5)))
}

pub async fn run(ctx: &Ctx) -> Vec<Row> {
    let (mut qps, mut base_qps, mut p99, mut base_p99, mut p50, mut base_p50) =
        (vec![], vec![], vec![], vec![], vec![], vec![]);
    let (mut cross, mut same, mut ratios) = (vec![], vec![], vec![]);
    let (mut fresh_there, mut fresh_here) = (vec![], vec![]);
    let (mut failed, mut base_failed) = (0, 0);
    for run in 0..ctx.runs {
        eprintln!("dns: run {}/{}", run + 1, ctx.runs);
        let (ours, theirs) = local_run(ctx).await;
        failed += ours.failed;
        base_failed += theirs.failed;
        qps.push(ours.per_sec);
        base_qps.push(theirs.per_sec);
        p50.push(ours.p50_us);
        base_p50.push(theirs.p50_us);
        p99.push(ours.p99_us);
        base_p99.push(theirs.p99_us);
        let ((c, s), (there, here)) = cross_run(ctx, ctx.rounds(400), ctx.rounds(20)).await;
        cross.push(c);
        same.push(s);
        ratios.push(c / s);
        fresh_there.push(there);
        fresh_here.push(here);
    }
    let ratio = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| x / y).collect::<Vec<_>>();
    vec![
        Row::new(
            AREA,
            format!("`web.service.consul` A over UDP, {CLIENTS} clients ({failed} unanswered)"),
            Stat::of(&qps, "ops/s"),
        )
        .baseline(format!("trivial hickory responder ({base_failed} unanswered)"), Stat::of(&base_qps, "ops/s"))
        .ratio(&ratio(&qps, &base_qps))
        .target(Target::RatioAtLeast(0.7)),
        Row::new(AREA, format!("`web.service.consul` p99, {CLIENTS} clients"), Stat::of(&p99, "µs"))
            .baseline("trivial hickory responder", Stat::of(&base_p99, "µs"))
            .target(Target::AtMost(2000.0)),
        Row::new(AREA, format!("`web.service.consul` p50, {CLIENTS} clients"), Stat::of(&p50, "µs"))
            .baseline("trivial hickory responder", Stat::of(&base_p50, "µs")),
        Row::new(AREA, "`web.service.dc2.consul` at dc1 (dc2 behind two gateways), p50", Stat::of(&cross, "µs"))
            .baseline("`web.service.consul` at dc2", Stat::of(&same, "µs"))
            .ratio(&ratios)
            .target(Target::RatioAtMost(2.0)),
        Row::new(AREA, "instance registered in dc2 → in dc1's answers, p50", Stat::of(&fresh_there, "ms"))
            .baseline("→ in dc2's own answers", Stat::of(&fresh_here, "ms")),
    ]
}
