//! Three datacenters, one server each, WAN pool on loopback: a mesh-gateway registration in
//! dc2 until every datacenter's own copy of the federation states lists it (beside the local
//! registration itself), and a cross-datacenter KV read (beside a same-datacenter read).

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::Ctx;
use crate::procs::{Agent, join_all, spawn_agent};
use crate::report::{Row, Stat, Target, percentile};

const AREA: &str = "federation, 3 DCs";

pub fn start(dc: &str, join: Option<&str>, extra: &[&str]) -> Agent {
    let mut args = vec!["-node", "s", "-datacenter", dc, "-primary-datacenter", "dc1"];
    args.extend(extra);
    if let Some(j) = join {
        args.extend(["-join-wan", j]);
    }
    spawn_agent(&args)
}

/// Waits (blocking queries) until `base`'s own copy of `dc`'s state lists `id`, or lacks it.
pub async fn until_seen(http: &reqwest::Client, base: &str, dc: &str, id: &str, present: bool) {
    let url = format!("{base}/v1/internal/federation-state/{dc}?stale");
    let mut index = 0;
    loop {
        let Ok(resp) = http.get(format!("{url}&index={index}&wait=30s")).send().await else {
            tokio::time::sleep(Duration::from_millis(10)).await;
            continue;
        };
        index = resp.headers().get("X-Consul-Index").and_then(|v| v.to_str().ok()?.parse().ok()).unwrap_or(0);
        let found = if resp.status().is_success() {
            let body: Value = resp.json().await.unwrap_or(Value::Null);
            body["State"]["MeshGateways"].as_array().is_some_and(|g| g.iter().any(|g| g["Service"]["ID"] == id))
        } else {
            false
        };
        if found == present {
            return;
        }
    }
}

pub fn gateway(id: &str) -> String {
    json!({
        "ID": id, "Name": "mesh-gateway", "Kind": "mesh-gateway", "Port": 8443,
        "Meta": {"consul-wan-federation": "1"},
        "TaggedAddresses": {"wan": {"Address": "198.51.100.2", "Port": 8443}}
    })
    .to_string()
}

async fn read_p50(http: &reqwest::Client, url: &str, n: usize) -> f64 {
    for _ in 0..100 {
        http.get(url).send().await.unwrap().bytes().await.unwrap();
    }
    let mut samples = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Instant::now();
        let r = http.get(url).send().await.unwrap();
        assert!(r.status().is_success());
        r.bytes().await.unwrap();
        samples.push(t.elapsed().as_secs_f64() * 1e6);
    }
    Stat::of(&samples, "µs").median
}

pub async fn run(ctx: &Ctx) -> Vec<Row> {
    let http = &ctx.http;
    // 100 rounds a run, so that the p99 is a percentile and not the largest sample.
    let rounds = ctx.rounds(100);
    let (mut p50, mut p99, mut local_ms, mut same, mut cross) = (vec![], vec![], vec![], vec![], vec![]);
    for run in 0..ctx.runs {
        eprintln!("federation: run {}/{}", run + 1, ctx.runs);
        let dc1 = start("dc1", None, &["-dev"]);
        let dc2 = start("dc2", Some(&dc1.wan), &["-dev"]);
        let dc3 = start("dc3", Some(&dc1.wan), &["-dev"]);
        let bases = [dc1.http.clone(), dc2.http.clone(), dc3.http.clone()];
        for b in &bases {
            loop {
                let seen = http.get(format!("{b}/v1/internal/federation-state/dc2?stale")).send().await;
                let dcs = http.get(format!("{b}/v1/catalog/datacenters")).send().await;
                if let (Ok(seen), Ok(dcs)) = (seen, dcs)
                    && seen.status().is_success()
                    && dcs.json::<Value>().await.is_ok_and(|d| d.as_array().is_some_and(|a| a.len() == 3))
                {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        }
        let mut samples = Vec::new();
        for round in 0..rounds {
            let id = format!("gw-{round}");
            let started = Instant::now();
            let r = http.put(format!("{}/v1/agent/service/register", bases[1])).body(gateway(&id)).send().await;
            assert!(r.unwrap().status().is_success());
            local_ms.push(started.elapsed().as_secs_f64() * 1e3);
            join_all(bases.iter().map(|b| until_seen(http, b, "dc2", &id, true))).await;
            samples.push(started.elapsed().as_secs_f64() * 1e3);
            http.put(format!("{}/v1/agent/service/deregister/{id}", bases[1])).send().await.unwrap();
            join_all(bases.iter().map(|b| until_seen(http, b, "dc2", &id, false))).await;
        }
        p50.push(percentile(&samples, 0.5));
        p99.push(percentile(&samples, 0.99));
        for b in &bases[..2] {
            http.put(format!("{b}/v1/kv/bench")).body("v").send().await.unwrap();
        }
        same.push(read_p50(http, &format!("{}/v1/kv/bench", bases[0]), 2000).await);
        cross.push(read_p50(http, &format!("{}/v1/kv/bench?dc=dc2", bases[0]), 2000).await);
    }
    let local = Stat::of(&local_ms, "ms");
    let ratio: Vec<f64> = cross.iter().zip(&same).map(|(c, s)| c / s).collect();
    vec![
        Row::new(
            AREA,
            format!("gateway registered in dc2 → in all 3 DCs' federation states, p50 ({rounds} rounds)"),
            Stat::of(&p50, "ms"),
        )
        .baseline("the registration itself", local)
        .target(Target::AtMost(500.0)),
        Row::new(AREA, "same, p99", Stat::of(&p99, "ms"))
            .baseline("the registration itself", local)
            .target(Target::AtMost(1000.0)),
        Row::new(AREA, "KV read of dc2 from dc1 (`?dc=dc2`), direct WAN, p50", Stat::of(&cross, "µs"))
            .baseline("same-DC read", Stat::of(&same, "µs"))
            .ratio(&ratio)
            .target(Target::RatioAtMost(2.0)),
    ]
}
