//! One durable server: KV writes and reads through the HTTP API (64 clients), beside the same
//! client against a trivial HTTP server process; `agent -dev` start-up and idle RSS beside
//! that process's.

use std::time::{Duration, Instant};

use crate::Ctx;
use crate::baseline::spawn_http;
use crate::procs::{Phase, load, rss_kib, spawn_agent, wait_leader};
use crate::report::{Row, Stat, Target};

const AREA: &str = "KV, 1 server";

fn put(base: String) -> impl Fn(&reqwest::Client, usize, u64) -> reqwest::RequestBuilder + Send + Sync + 'static {
    move |c, task, i| c.put(format!("{base}/v1/kv/bench/{task}/{}", i % 1000)).body("value-0123456789")
}

/// Keys the read phase reads, written before it (however many the write phase managed).
const READ_KEYS: u64 = 100;

fn get(base: String) -> impl Fn(&reqwest::Client, usize, u64) -> reqwest::RequestBuilder + Send + Sync + 'static {
    move |c, task, i| c.get(format!("{base}/v1/kv/read/{}", (task as u64 + i) % READ_KEYS))
}

pub async fn run(ctx: &Ctx) -> Vec<Row> {
    let (mut puts, mut gets, mut base_puts, mut base_gets) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut dev_start, mut base_start, mut rss, mut base_rss) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for run in 0..ctx.runs {
        eprintln!("kv: run {}/{}", run + 1, ctx.runs);
        let dir = ctx.tempdir();
        let data = dir.path().join("data");
        let agent =
            spawn_agent(&["-server", "-bootstrap-expect", "1", "-node", "bench", "-data-dir", data.to_str().unwrap()]);
        wait_leader(&ctx.http, &agent.http).await;
        let baseline = spawn_http(&ctx.http).await;
        base_start.push(baseline.first_answer.as_secs_f64() * 1e3);
        tokio::time::sleep(Duration::from_secs(1)).await;
        rss.push(rss_kib(agent.child.id()) as f64 / 1024.0);
        base_rss.push(rss_kib(baseline.process.child.id()) as f64 / 1024.0);

        puts.push(load(ctx.clients, ctx.secs, put(agent.http.clone())).await);
        for k in 0..READ_KEYS {
            let r = ctx.http.put(format!("{}/v1/kv/read/{k}", agent.http)).body("value-0123456789").send().await;
            assert!(r.unwrap().status().is_success());
        }
        gets.push(load(ctx.clients, ctx.secs, get(agent.http.clone())).await);
        drop(agent);
        base_puts.push(load(ctx.clients, ctx.secs, put(baseline.process.addr.clone())).await);
        base_gets.push(load(ctx.clients, ctx.secs, get(baseline.process.addr.clone())).await);
        drop(baseline);

        let started = Instant::now();
        let dev = spawn_agent(&["-dev", "-node", "devbench"]);
        while ctx.http.get(format!("{}/v1/agent/self", dev.http)).send().await.is_err() {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        dev_start.push(started.elapsed().as_secs_f64() * 1e3);
    }
    let rate = |p: &[Phase]| p.iter().map(|x| x.per_sec).collect::<Vec<_>>();
    let ratio = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| x / y).collect::<Vec<_>>();
    ctx.remember("single-server writes", rate(&puts));
    let c = ctx.clients;
    vec![
        Row::new(AREA, format!("durable KV writes, {c} clients"), Stat::of(&rate(&puts), "ops/s"))
            .baseline("trivial HTTP server", Stat::of(&rate(&base_puts), "ops/s"))
            .ratio(&ratio(&rate(&puts), &rate(&base_puts)))
            .target(Target::AtLeast(10_000.0)),
        Row::new(AREA, format!("KV reads, {c} clients"), Stat::of(&rate(&gets), "ops/s"))
            .baseline("trivial HTTP server", Stat::of(&rate(&base_gets), "ops/s"))
            .ratio(&ratio(&rate(&gets), &rate(&base_gets)))
            .target(Target::AtLeast(30_000.0)),
        Row::new(AREA, "durable write p99", Stat::of(&puts.iter().map(|p| p.p99_us).collect::<Vec<_>>(), "µs"))
            .baseline("trivial HTTP server", Stat::of(&base_puts.iter().map(|p| p.p99_us).collect::<Vec<_>>(), "µs")),
        Row::new("agent", "`agent -dev`: start to first HTTP answer", Stat::of(&dev_start, "ms"))
            .baseline("trivial HTTP server process", Stat::of(&base_start, "ms"))
            .ratio(&ratio(&dev_start, &base_start))
            .target(Target::AtMost(300.0)),
        Row::new("agent", "idle durable server RSS", Stat::of(&rss, "MiB"))
            .baseline("trivial HTTP server process", Stat::of(&base_rss, "MiB"))
            .ratio(&ratio(&rss, &base_rss))
            .target(Target::AtMost(30.0 * 1e6 / 1048576.0)),
    ]
}
