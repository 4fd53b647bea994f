//! xDS push to a real Envoy mesh gateway: a server joins the datacenter (a `consul` service in
//! the catalog; the HTTP answer means raft applied it) until Envoy's admin `/clusters` lists
//! the new `<node>.server.dc1.consul` cluster with its endpoint and the agent has Envoy's ACK of
//! that version for clusters, endpoints and listeners. Baseline: the catalog write itself.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::Ctx;
use crate::procs::{free_port, spawn_agent, spawn_gateway, wait_leader};
use crate::report::{Row, Stat, Target, percentile};

const AREA: &str = "xDS";

async fn acked_everything(http: &reqwest::Client, base: &str) -> bool {
    let Ok(r) = http.get(format!("{base}/v1/internal/xds")).send().await else { return false };
    let status: Value = r.json().await.unwrap_or(Value::Null);
    up_to_date(&status["mesh-gateway"]).is_some()
}

/// A proxy's config version once Envoy acknowledged everything sent of it: every type's last
/// response ACKed, and the newest of them is the current version (the agent sends only the
/// types that changed).
pub fn up_to_date(proxy: &Value) -> Option<u64> {
    let version = proxy["ConfigVersion"].as_u64().filter(|v| *v > 0)?;
    let types = proxy["Types"].as_object()?;
    let all_acked = types.values().all(|t| t["AckedVersion"] == t["SentVersion"]);
    let newest = types.values().filter_map(|t| u64::from_str_radix(t["SentVersion"].as_str()?, 16).ok()).max();
    (all_acked && newest == Some(version)).then_some(version)
}

/// One run: (write p50, visible p99, ACKed p99, ACKed p50) in ms.
async fn one_run(http: &reqwest::Client, rounds: usize) -> (f64, f64, f64, f64) {
    let agent = spawn_agent(&["-dev", "-node", "s1"]);
    wait_leader(http, &agent.http).await;
    let envoy = spawn_gateway(&agent, free_port());
    let clusters_url = format!("http://127.0.0.1:{}/clusters", envoy.admin);
    let envoy_has = async |needle: &str| match http.get(&clusters_url).send().await {
        Ok(r) => r.text().await.unwrap_or_default().contains(needle),
        Err(_) => false,
    };
    let started = Instant::now();
    while !envoy_has("server.dc1.consul::").await {
        assert!(started.elapsed() < Duration::from_secs(60), "Envoy never got its configuration");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let (mut write_ms, mut visible_ms, mut acked_ms) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..rounds {
        let node = format!("bench-{i}");
        let body = json!({
            "Node": node, "Address": format!("10.77.{}.{}", i / 250, i % 250 + 1),
            "Service": {"ID": "consul", "Service": "consul", "Port": 8300}
        });
        let t0 = Instant::now();
        let r = http.put(format!("{}/v1/catalog/register", agent.http)).body(body.to_string()).send().await.unwrap();
        assert!(r.status().is_success());
        let applied = Instant::now();
        write_ms.push((applied - t0).as_secs_f64() * 1e3);
        let needle = format!("{node}.server.dc1.consul::10.77.");
        while !envoy_has(&needle).await {
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        visible_ms.push(applied.elapsed().as_secs_f64() * 1e3);
        while !acked_everything(http, &agent.http).await {
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        acked_ms.push(applied.elapsed().as_secs_f64() * 1e3);
    }
    let p = percentile;
    (p(&write_ms, 0.5), p(&visible_ms, 0.99), p(&acked_ms, 0.99), p(&acked_ms, 0.5))
}

pub async fn run(ctx: &Ctx) -> Vec<Row> {
    // 100 joins a run, so that the p99 is a percentile and not the largest sample.
    let rounds = ctx.rounds(100);
    let (mut write, mut visible, mut acked, mut acked50) = (vec![], vec![], vec![], vec![]);
    for run in 0..ctx.runs {
        eprintln!("xds: run {}/{}", run + 1, ctx.runs);
        let (w, v, a, a50) = one_run(&ctx.http, rounds).await;
        write.push(w);
        visible.push(v);
        acked.push(a);
        acked50.push(a50);
    }
    let write = Stat::of(&write, "ms");
    vec![
        Row::new(
            AREA,
            format!("server joins → new cluster + endpoint in Envoy, p99 ({rounds} joins)"),
            Stat::of(&visible, "ms"),
        )
        .baseline("catalog write, p50", write)
        .target(Target::AtMost(100.0)),
        Row::new(AREA, "same, clusters + endpoints + listeners ACKed, p99", Stat::of(&acked, "ms"))
            .baseline("catalog write, p50", write)
            .target(Target::AtMost(100.0)),
        Row::new(AREA, "same, ACKed, p50", Stat::of(&acked50, "ms")).baseline("catalog write, p50", write),
    ]
}
