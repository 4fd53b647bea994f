//! Scale: N datacenters (one durable server process each, WAN pool on loopback, default
//! timings). Per N: WAN convergence, then changes (a mesh gateway registered in a secondary,
//! then removed; two federation-state changes per round) measured by what replication did in
//! every secondary (its status counters: bytes of the primary's replies, states applied, time
//! applying) and by when each datacenter's own copy showed the change. The same-run baseline
//! for bytes is the primary's full list right after each change (mean over the changes), what
//! a secondary would receive per change if replication resent the table; its total over the
//! N - 1 secondaries grows with N squared.

use std::cell::RefCell;
use std::time::{Duration, Instant};

use fedctl::rpc::frame::FRAME_OVERHEAD;
use fedctl::rpc::message::{self, Reply, Request};
use fedctl::rpc::{ClientOptions, RpcClient, Target as RpcTarget};
use fedctl::state::{Query, ReadRequest, RequestContext};
use serde_json::Value;

use crate::Ctx;
use crate::federation::{gateway, until_seen};
use crate::procs::{Agent, join_all, spawn_agent};
use crate::report::{Row, Stat, Target, percentile};

/// Sums of the secondaries' replication counters.
#[derive(Debug, Default, Clone, Copy)]
struct Counters {
    bytes: u64,
    applied: u64,
    micros: u64,
    full_lists: u64,
}

async fn counters(http: &reqwest::Client, secondaries: &[Agent]) -> Counters {
    let mut sum = Counters::default();
    for a in secondaries {
        let s: Value = http
            .get(format!("{}/v1/internal/federation-states/replication", a.http))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let n = |k: &str| s[k].as_u64().unwrap_or(0);
        sum.bytes += n("BytesReceived");
        sum.applied += n("StatesApplied");
        sum.micros += n("ApplyMicros");
        sum.full_lists += n("FullLists");
    }
    sum
}

async fn until_every(http: &reqwest::Client, agents: &[Agent], what: &str, ok: impl Fn(&Value) -> bool, path: &str) {
    let started = Instant::now();
    'again: loop {
        assert!(started.elapsed() < Duration::from_secs(180), "{} datacenters: never {what}", agents.len());
        for a in agents {
            let body = match http.get(format!("{}{path}", a.http)).send().await {
                Ok(r) => r.json::<Value>().await.unwrap_or(Value::Null),
                Err(_) => Value::Null,
            };
            if !ok(&body) {
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue 'again;
            }
        }
        return;
    }
}

/// The size of the RPC frame carrying the primary's full list of federation states.
async fn full_list_bytes(primary: &Agent) -> f64 {
    let rpc = RpcClient::new(ClientOptions::default());
    let target = RpcTarget { addr: primary.rpc.clone(), node: None, datacenter: "dc1".into() };
    let stale = RequestContext::new().stale();
    let read = Request::Read(ReadRequest::now(Query::FederationStates));
    let reply = rpc.send(&target, &stale, &read, Duration::from_secs(30)).await.unwrap();
    assert!(matches!(reply, Ok(Reply::Read(_))), "{reply:?}");
    (message::encode(&reply).unwrap().len() + FRAME_OVERHEAD) as f64
}

/// What one run at N datacenters measured.
#[derive(Debug, Default, Clone, Copy)]
struct Run {
    http_up: f64,
    converged: f64,
    bytes_per_change: f64,
    full_list: f64,
    apply_us: f64,
    to_primary_p50: f64,
    to_all_p50: f64,
    /// The slowest of the changes (there are 20: too few for a p99).
    to_all_max: f64,
    full_lists: f64,
    local_write_us: f64,
}

async fn one(ctx: &Ctx, n: usize, rounds: usize) -> Run {
    let http = &ctx.http;
    let dir = ctx.tempdir();
    let started = Instant::now();
    let mut agents: Vec<Agent> = Vec::new();
    for k in 1..=n {
        let (dc, data) = (format!("dc{k}"), dir.path().join(format!("dc{k}")).display().to_string());
        let mut args = vec!["-server", "-bootstrap-expect", "1", "-node", "s", "-datacenter", &dc];
        args.extend(["-primary-datacenter", "dc1", "-data-dir", &data]);
        let join = agents.first().map(|p| p.wan.clone()).unwrap_or_default();
        if k > 1 {
            args.extend(["-join-wan", &join]);
        }
        agents.push(spawn_agent(&args));
    }
    until_every(http, &agents, "answering", |v| v.is_object(), "/v1/agent/self").await;
    let http_up = started.elapsed().as_secs_f64();
    let alive = |v: &Value| v.as_array().is_some_and(|m| m.iter().filter(|m| m["Status"] == 1).count() == n);
    until_every(http, &agents, "all WAN members alive", alive, "/v1/agent/members?wan=1").await;
    let converged = started.elapsed().as_secs_f64();
    let complete = |v: &Value| v.as_array().is_some_and(|s| s.len() == n);
    until_every(http, &agents, "holding every federation state", complete, "/v1/internal/federation-states?stale")
        .await;

    let secondaries = &agents[1..];
    let before = counters(http, secondaries).await;
    let (mut to_primary, mut to_all, mut table_bytes) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..rounds {
        let dc_index = 1 + round % (n - 1);
        let (dc, base) = (format!("dc{}", dc_index + 1), agents[dc_index].http.clone());
        let id = format!("gw-{round}");
        for present in [true, false] {
            let t0 = Instant::now();
            let r = if present {
                http.put(format!("{base}/v1/agent/service/register")).body(gateway(&id)).send().await
            } else {
                http.put(format!("{base}/v1/agent/service/deregister/{id}")).send().await
            };
            assert!(r.unwrap().status().is_success());
            let seen = RefCell::new(vec![0.0; n]);
            join_all(agents.iter().enumerate().map(|(i, a)| {
                let (seen, dc, id) = (&seen, &dc, &id);
                async move {
                    until_seen(http, &a.http, dc, id, present).await;
                    seen.borrow_mut()[i] = t0.elapsed().as_secs_f64() * 1e3;
                }
            }))
            .await;
            let seen = seen.into_inner();
            to_primary.push(seen[0]);
            to_all.push(seen.iter().copied().fold(0.0, f64::max));
            // What resending the table after this change would have sent each secondary.
            table_bytes.push(full_list_bytes(&agents[0]).await);
        }
    }
    let changes = (2 * rounds) as u64;
    // The counters are bumped just after the apply the blocking reads saw.
    let expected = before.applied + changes * (n as u64 - 1);
    // Every copy showed every change, so the counters follow within moments; waiting longer
    // than that is a fault to report, not a figure to under-report.
    let waiting = Instant::now();
    let mut after = counters(http, secondaries).await;
    while after.applied < expected {
        assert!(
            waiting.elapsed() < Duration::from_secs(30),
            "{n} datacenters: the secondaries' replication counters show {} of {expected} states applied",
            after.applied
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
        after = counters(http, secondaries).await;
    }
    // An uncontended durable raft write in one secondary (HTTP round trip included).
    let mut local_write = Vec::new();
    for i in 0..20 {
        let t = Instant::now();
        let r = http.put(format!("{}/v1/kv/scale/{i}", agents[1].http)).body("v").send().await;
        assert!(r.unwrap().status().is_success());
        local_write.push(t.elapsed().as_secs_f64() * 1e6);
    }
    let pct = percentile;
    Run {
        http_up,
        converged,
        bytes_per_change: (after.bytes - before.bytes) as f64 / changes as f64,
        full_list: table_bytes.iter().sum::<f64>() / table_bytes.len() as f64,
        apply_us: (after.micros - before.micros) as f64 / (after.applied - before.applied).max(1) as f64,
        to_primary_p50: pct(&to_primary, 0.5),
        to_all_p50: pct(&to_all, 0.5),
        to_all_max: to_all.iter().copied().fold(f64::NAN, f64::max),
        full_lists: (after.full_lists - before.full_lists) as f64,
        local_write_us: pct(&local_write, 0.5),
    }
}

pub async fn run(ctx: &Ctx) -> Vec<Row> {
    let sizes: Vec<usize> = std::env::var("BENCH_SCALE")
        .unwrap_or_else(|_| "2,8,32".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .filter(|n| *n >= 2)
        .collect();
    let rounds = ctx.rounds(10);
    let mut rows = Vec::new();
    let mut per_dc: Vec<(usize, Vec<f64>, Vec<f64>)> = Vec::new();
    for &n in &sizes {
        let mut runs = Vec::new();
        for run in 0..ctx.runs {
            eprintln!("scale N={n}: run {}/{}", run + 1, ctx.runs);
            runs.push(one(ctx, n, rounds).await);
        }
        let of = |f: fn(&Run) -> f64| runs.iter().map(f).collect::<Vec<_>>();
        let area = if n == sizes[0] { "scale" } else { "" };
        let secondaries = (n - 1) as f64;
        let total = of(|r| r.bytes_per_change);
        let full_total: Vec<f64> = of(|r| r.full_list).iter().map(|b| b * secondaries).collect();
        let each: Vec<f64> = total.iter().map(|b| b / secondaries).collect();
        per_dc.push((n, each.clone(), of(|r| r.full_list)));
        rows.push(
            Row::new(
                area,
                format!("N={n}: start → every server sees {n} WAN members alive"),
                Stat::of(&of(|r| r.converged), "s"),
            )
            .baseline(format!("all {n} agents answering"), Stat::of(&of(|r| r.http_up), "s")),
        );
        rows.push(
            Row::new(
                area,
                format!("N={n}: replication bytes per change, all {} secondaries", n - 1),
                Stat::of(&total, "B"),
            )
            .baseline("resending the full list to each", Stat::of(&full_total, "B"))
            .ratio(&total.iter().zip(&full_total).map(|(a, b)| a / b).collect::<Vec<_>>()),
        );
        rows.push(
            Row::new(
                area,
                format!("N={n}: full-list reads during {} changes", 2 * rounds),
                Stat::of(&of(|r| r.full_lists), "reads"),
            )
            .target(Target::AtMost(0.0)),
        );
        rows.push(
            Row::new(
                area,
                format!("N={n}: apply time per replicated change, per secondary (wall)"),
                Stat::of(&of(|r| r.apply_us), "µs"),
            )
            .baseline("one KV write in a secondary, idle, p50", Stat::of(&of(|r| r.local_write_us), "µs")),
        );
        rows.push(
            Row::new(
                area,
                format!("N={n}: change in a secondary → all {n} DCs hold it, p50"),
                Stat::of(&of(|r| r.to_all_p50), "ms"),
            )
            .baseline("→ the primary holds it", Stat::of(&of(|r| r.to_primary_p50), "ms"))
            .target(Target::AtMost(500.0)),
        );
        rows.push(
            Row::new(area, format!("N={n}: same, max of {}", 2 * rounds), Stat::of(&of(|r| r.to_all_max), "ms"))
                .target(Target::AtMost(1000.0)),
        );
    }
    if let (Some((n0, small, full0)), Some((n1, large, full1))) = (per_dc.first(), per_dc.last())
        && n1 > n0
    {
        let growth: Vec<f64> = large.iter().zip(small).map(|(l, s)| l / s).collect();
        let full_growth: Vec<f64> = full1.iter().zip(full0).map(|(l, s)| l / s).collect();
        rows.push(
            Row::new(
                "",
                format!("bytes per change per secondary, N={n1} ÷ N={n0} (flat = grows with changes, not N²)"),
                Stat::of(&growth, "×"),
            )
            .baseline("same for the full list", Stat::of(&full_growth, "×"))
            .target(Target::AtMost(1.5)),
        );
    }
    rows
}
