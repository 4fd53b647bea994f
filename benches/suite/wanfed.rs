//! WAN federation through mesh gateways, real Envoy on loopback: cross-datacenter RPC through
//! two gateways beside the same RPC over a direct WAN route (two federations side by side,
//! reads interleaved); 3 datacenters x 3 servers federating only through gateways until every
//! server sees all 9 WAN members alive (beside: every datacenter has a leader).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::Ctx;
use crate::procs::{FEDCTL, free_port, spawn_agent, spawn_gateway};
use crate::report::{Row, Stat, Target};

const AREA: &str = "gateways";

pub(crate) fn fedctl(dir: &Path, args: &[&str]) {
    let ok = Command::new(FEDCTL).args(args).current_dir(dir).stdout(Stdio::null()).stderr(Stdio::null()).status();
    assert!(ok.unwrap().success(), "fedctl {args:?}");
}

/// A config file for server `node` of `dc`: a fresh certificate, TLS, and (optionally)
/// federation through gateways with `primary_gateways`.
pub(crate) fn config(dir: &Path, dc: &str, node: &str, wanfed: bool, primary: Option<u16>) -> PathBuf {
    let sub = dir.join(node);
    std::fs::create_dir_all(&sub).unwrap();
    for f in ["consul-agent-ca.pem", "consul-agent-ca-key.pem"] {
        std::fs::copy(dir.join(f), sub.join(f)).unwrap();
    }
    fedctl(&sub, &["tls", "cert", "create", "-server", "-dc", dc, "-node", node]);
    let mut text = fedctl::config::verified_tls_hcl(
        &sub.join("consul-agent-ca.pem"),
        &sub.join(format!("{dc}-server-consul-0.pem")),
        &sub.join(format!("{dc}-server-consul-0-key.pem")),
    );
    if wanfed {
        text += fedctl::config::WAN_FEDERATION_HCL;
    }
    if let Some(port) = primary {
        text += &format!("primary_gateways = [\"127.0.0.1:{port}\"]\nprimary_gateways_interval = \"1s\"\n");
    }
    let path = sub.join("agent.hcl");
    std::fs::write(&path, text).unwrap();
    path
}

async fn wan_alive(http: &reqwest::Client, base: &str) -> usize {
    let Ok(r) = http.get(format!("{base}/v1/agent/members?wan=1")).send().await else { return 0 };
    let members: Value = r.json().await.unwrap_or(Value::Null);
    members.as_array().map_or(0, |m| m.iter().filter(|m| m["Status"] == 1).count())
}

async fn has_leader(http: &reqwest::Client, base: &str) -> bool {
    let Ok(r) = http.get(format!("{base}/v1/status/leader")).send().await else { return false };
    r.json::<String>().await.is_ok_and(|l| !l.is_empty())
}

async fn until_put(http: &reqwest::Client, base: &str) {
    let started = Instant::now();
    loop {
        let r = http.put(format!("{base}/v1/kv/k?dc=dc2")).body("v").send().await;
        if r.is_ok_and(|r| r.status().is_success()) {
            return;
        }
        if started.elapsed() > Duration::from_secs(60) {
            let status = http.get(format!("{base}/v1/internal/gateways")).send().await.unwrap().text().await.unwrap();
            panic!("{base} never reached dc2\ngateways: {status}");
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn read_us(http: &reqwest::Client, url: &str) -> f64 {
    let t = Instant::now();
    let r = http.get(url).send().await.unwrap();
    assert!(r.status().is_success());
    r.bytes().await.unwrap();
    t.elapsed().as_secs_f64() * 1e6
}

/// One run of the RPC comparison: (direct p50, gateway p50) in µs.
async fn rpc_run(dir: &Path, rounds: usize) -> (f64, f64) {
    let http = reqwest::Client::new();
    let conf = |dc, node, wanfed, primary| config(dir, dc, node, wanfed, primary).display().to_string();
    let d1c = conf("dc1", "a1", false, None);
    let d1 = spawn_agent(&["-dev", "-node", "a1", "-datacenter", "dc1", "-config-file", &d1c]);
    let d2c = conf("dc2", "a2", false, None);
    let mut args = vec!["-dev", "-node", "a2", "-datacenter", "dc2", "-primary-datacenter", "dc1"];
    args.extend(["-join-wan", &d1.wan, "-config-file", &d2c]);
    let _d2 = spawn_agent(&args);
    let (p1, p2) = (free_port(), free_port());
    let g1c = conf("dc1", "b1", true, None);
    let g1 = spawn_agent(&["-dev", "-node", "b1", "-datacenter", "dc1", "-config-file", &g1c]);
    let _gw1 = spawn_gateway(&g1, p1);
    let g2c = conf("dc2", "b2", true, Some(p1));
    let g2 =
        spawn_agent(&["-dev", "-node", "b2", "-datacenter", "dc2", "-primary-datacenter", "dc1", "-config-file", &g2c]);
    let _gw2 = spawn_gateway(&g2, p2);
    until_put(&http, &d1.http).await;
    until_put(&http, &g1.http).await;
    let (direct, via) = (format!("{}/v1/kv/k?dc=dc2", d1.http), format!("{}/v1/kv/k?dc=dc2", g1.http));
    for _ in 0..100 {
        read_us(&http, &direct).await;
        read_us(&http, &via).await;
    }
    let (mut a, mut b) = (Vec::new(), Vec::new());
    // Interleaved in small batches, so drift hits both paths alike.
    for _ in 0..rounds / 10 {
        for _ in 0..10 {
            a.push(read_us(&http, &direct).await);
        }
        for _ in 0..10 {
            b.push(read_us(&http, &via).await);
        }
    }
    (Stat::of(&a, "µs").median, Stat::of(&b, "µs").median)
}

/// One convergence run of 3 datacenters x `servers`: seconds from the first process start
/// until every datacenter has a leader, and until every server sees all of them alive.
async fn converge_run(dir: &Path, servers: usize) -> (f64, f64) {
    let http = reqwest::Client::new();
    let port = free_port();
    let mut configs = Vec::new();
    for dc in ["dc1", "dc2", "dc3"] {
        for i in 0..servers {
            let node = format!("{dc}-s{i}");
            let path = config(dir, dc, &node, true, (dc != "dc1").then_some(port));
            configs.push((dc, node, path.display().to_string()));
        }
    }
    let started = Instant::now();
    let (mut agents, mut gateways) = (Vec::new(), Vec::new());
    let expect = servers.to_string();
    for dc in 0..3 {
        let mut first_lan: Option<String> = None;
        for i in 0..servers {
            let (name, node, cfg) = &configs[dc * servers + i];
            let data = dir.join(format!("data-{node}")).display().to_string();
            let mut args = vec!["-server", "-bootstrap-expect", &expect, "-node", node, "-datacenter", name];
            args.extend(["-primary-datacenter", "dc1", "-bind", "127.0.0.1", "-advertise", "127.0.0.1"]);
            args.extend(["-data-dir", &data, "-config-file", cfg]);
            let join = first_lan.clone().unwrap_or_default();
            if !join.is_empty() {
                args.extend(["-join", &join]);
            }
            let agent = spawn_agent(&args);
            first_lan.get_or_insert(agent.gossip.clone());
            agents.push(agent);
        }
        let p = if dc == 0 { port } else { free_port() };
        gateways.push(spawn_gateway(&agents[dc * servers], p));
    }
    let mut leaders = None;
    loop {
        if leaders.is_none() {
            let mut all = true;
            for dc in 0..3 {
                all &= has_leader(&http, &agents[dc * servers].http).await;
            }
            if all {
                leaders = Some(started.elapsed().as_secs_f64());
            }
        }
        let mut all = true;
        for a in &agents {
            if wan_alive(&http, &a.http).await != 3 * servers {
                all = false;
                break;
            }
        }
        if all && let Some(l) = leaders {
            return (l, started.elapsed().as_secs_f64());
        }
        assert!(started.elapsed() < Duration::from_secs(120), "the WAN pool never formed");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

pub async fn run(ctx: &Ctx) -> Vec<Row> {
    let rounds = ctx.rounds(400);
    // A quick run (a smoke test of the runner, possibly of a debug build) forms 3 x 1.
    let servers = if ctx.quick { 1 } else { 3 };
    let (mut direct, mut via, mut ratios, mut leaders, mut alive) = (vec![], vec![], vec![], vec![], vec![]);
    for run in 0..ctx.runs {
        eprintln!("gateways: run {}/{}", run + 1, ctx.runs);
        let dir = ctx.tempdir();
        fedctl(dir.path(), &["tls", "ca", "create"]);
        let (d, g) = rpc_run(dir.path(), rounds).await;
        direct.push(d);
        via.push(g);
        ratios.push(g / d);
        let dir = ctx.tempdir();
        fedctl(dir.path(), &["tls", "ca", "create"]);
        let (l, a) = converge_run(dir.path(), servers).await;
        leaders.push(l);
        alive.push(a);
    }
    vec![
        Row::new(AREA, "KV read `?dc=dc2` through two gateways, p50 (loopback)", Stat::of(&via, "µs"))
            .baseline("direct WAN route", Stat::of(&direct, "µs"))
            .ratio(&ratios)
            .target(Target::RatioAtMost(1.5)),
        Row::new(
            AREA,
            format!("3 DCs x {servers} servers via gateways: start to {} WAN members alive", 3 * servers),
            Stat::of(&alive, "s"),
        )
        .baseline("every DC has a leader", Stat::of(&leaders, "s"))
        .target(Target::AtMost(3.0)),
    ]
}
