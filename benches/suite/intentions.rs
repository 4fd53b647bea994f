//! Intentions enforced by real Envoy sidecars, on loopback: three `-dev` datacenters federated
//! only through their gateways (as `meshdc`).
//!
//! - An intention written in the primary until a client's connection is refused at the
//!   destination's sidecar: in dc1 itself, and in dc2 (after replication); each allowed again
//!   the same way. Measured by the refusal itself: a new connection every millisecond.
//! - With 1,000 intentions stored (50 of them for the destination), the same toggle at that
//!   sidecar (render, push and Envoy's apply of a 50-source RBAC filter), beside the toggle
//!   with the one intention alone, in the same run.
//! - A request through a sidecar enforcing 50 sources, beside the same through one enforcing
//!   none, interleaved.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::Ctx;
use crate::mesh::{echo_app, free_port, interleaved_round_trips, put, sidecar};
use crate::meshdc::{ask_blocking, federation, p99s, upstream, with_sidecar};
use crate::procs::Agent;
use crate::report::{Row, Stat, Target};

const AREA: &str = "Intentions";

/// Writes `source => destination` with `action` (`PUT /v1/connect/intentions/exact`: created,
/// or the one there updated).
async fn set(http: &reqwest::Client, agent: &Agent, source: &str, destination: &str, action: &str) {
    let url = format!("{}/v1/connect/intentions/exact?source={source}&destination={destination}", agent.http);
    let r = http.put(url).body(json!({"Action": action}).to_string()).send().await.unwrap();
    assert!(r.status().is_success(), "{}", r.text().await.unwrap_or_default());
}

/// Milliseconds from `t0` until a new connection to `addr` is answered (`answered`) or
/// refused.
async fn until(addr: &str, answered: bool, t0: Instant) -> f64 {
    loop {
        if ask_blocking(addr).await.is_some() == answered {
            return t0.elapsed().as_secs_f64() * 1e3;
        }
        assert!(t0.elapsed() < Duration::from_secs(30), "{addr} never became {answered}");
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
}

/// `n` deny/allow toggles of `web => destination` written in `writer`, each timed until
/// `addr` (web's upstream to it) is refused, then answered.
async fn toggles(http: &reqwest::Client, writer: &Agent, destination: &str, addr: &str, n: usize) -> Vec<f64> {
    let mut out = Vec::new();
    for _ in 0..n {
        let t0 = Instant::now();
        set(http, writer, "web", destination, "deny").await;
        out.push(until(addr, false, t0).await);
        let t0 = Instant::now();
        set(http, writer, "web", destination, "allow").await;
        out.push(until(addr, true, t0).await);
    }
    out
}

pub async fn run(ctx: &Ctx) -> Vec<Row> {
    let http = &ctx.http;
    let dir = ctx.tempdir();
    eprintln!("intentions: federating 3 datacenters through gateways");
    let f = federation(dir.path(), http).await;
    let (a1, a2) = (&f.agents[0], &f.agents[1]);
    let reg = |a: &Agent| format!("{}/v1/agent/service/register", a.http);
    // dc1: echo, plain (never any intention) and web; dc2: echo2 and web (as web2's sidecar).
    put(http, reg(a1), with_sidecar("echo", echo_app(), vec![])).await;
    put(http, reg(a1), with_sidecar("plain", echo_app(), vec![])).await;
    put(http, reg(a2), with_sidecar("echo2", echo_app(), vec![])).await;
    let (u_echo, u_plain, u_echo2) = (free_port(), free_port(), free_port());
    let web = vec![upstream("echo", "", "", u_echo), upstream("plain", "", "", u_plain)];
    put(http, reg(a1), with_sidecar("web", free_port(), web)).await;
    put(http, reg(a2), with_sidecar("web", free_port(), vec![upstream("echo2", "", "", u_echo2)])).await;
    let sidecars =
        [sidecar(a1, "echo"), sidecar(a1, "plain"), sidecar(a2, "echo2"), sidecar(a1, "web"), sidecar(a2, "web")];
    let (echo, plain, echo2) =
        (format!("127.0.0.1:{u_echo}"), format!("127.0.0.1:{u_plain}"), format!("127.0.0.1:{u_echo2}"));
    for addr in [&echo, &plain, &echo2] {
        until(addr, true, Instant::now()).await;
    }

    let n = ctx.rounds(20);
    eprintln!("intentions: written in the primary until enforced");
    let (mut same_dc, mut other_dc, mut alone) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..ctx.runs {
        same_dc.push(toggles(http, a1, "echo", &echo, n).await);
        other_dc.push(toggles(http, a1, "echo2", &echo2, n).await);
    }

    // 1,000 intentions: 50 sources of echo (web among them, toggled through the 1.8 API, the
    // other 49 written as the entry), 950 for 19 other destinations.
    eprintln!("intentions: 1,000 stored, 50 at echo's sidecar");
    for _ in 0..ctx.runs {
        alone.push(toggles(http, a1, "echo", &echo, n).await);
    }
    let mut entries = vec![json!({"Kind": "service-intentions", "Name": "echo", "Sources":
        (0..49).map(|i| json!({"Name": format!("client-{i}"), "Action": if i % 2 == 0 { "allow" } else { "deny" }}))
            .collect::<Vec<_>>()})];
    for d in 0..19 {
        entries.push(json!({"Kind": "service-intentions", "Name": format!("other-{d}"), "Sources":
            (0..50).map(|i| json!({"Name": format!("client-{i}"), "Action": "deny"})).collect::<Vec<_>>()}));
    }
    for entry in &entries {
        put(http, format!("{}/v1/config", a1.http), entry.clone()).await;
    }
    let r = http
        .delete(format!("{}/v1/connect/intentions/exact?source=web&destination=echo2", a1.http))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "the dc2 toggle's intention removed");
    set(http, a1, "web", "echo", "allow").await;
    let stored: Vec<Value> =
        http.get(format!("{}/v1/connect/intentions", a1.http)).send().await.unwrap().json().await.unwrap();
    assert_eq!(stored.len(), 1000, "1,000 intentions stored");
    until(&echo, true, Instant::now()).await;
    let mut loaded = Vec::new();
    for _ in 0..ctx.runs {
        loaded.push(toggles(http, a1, "echo", &echo, n).await);
    }

    eprintln!("intentions: request path with 50 sources enforced");
    let rounds = ctx.rounds(2000);
    let (with, without) = interleaved_round_trips(&echo, &plain, rounds, ctx.runs.max(3)).await;
    let ratio: Vec<f64> = with.iter().zip(&without).map(|(a, b)| a / b).collect();
    drop(sidecars);

    let p99 = |runs: &[Vec<f64>]| -> Vec<f64> { runs.iter().flat_map(|r| p99s(r, r.len())).collect() };
    let per = 2 * n;
    vec![
        Row::new(
            AREA,
            format!("intention written in dc1 (primary) → enforced by a dc1 sidecar, p99 of {per}"),
            Stat::of(&p99(&same_dc), "ms"),
        )
        .target(Target::AtMost(200.0)),
        Row::new(
            AREA,
            format!("intention written in dc1 (primary) → enforced by a dc2 sidecar, p99 of {per}"),
            Stat::of(&p99(&other_dc), "ms"),
        )
        .baseline("the same in dc1", Stat::of(&p99(&same_dc), "ms"))
        .target(Target::AtMost(1000.0)),
        Row::new(
            AREA,
            format!("with 1,000 intentions (50 at the sidecar): write → enforced, p99 of {per}"),
            Stat::of(&p99(&loaded), "ms"),
        )
        .baseline("the one intention alone", Stat::of(&p99(&alone), "ms"))
        .target(Target::AtMost(100.0)),
        Row::new(
            AREA,
            format!("64 B round trip through a sidecar enforcing 50 sources, p50 of {rounds}"),
            Stat::of(&with, "µs"),
        )
        .baseline("a sidecar with no intentions", Stat::of(&without, "µs"))
        .ratio(&ratio)
        .target(Target::RatioAtMost(1.10)),
    ]
}
