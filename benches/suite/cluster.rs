//! A 3-server datacenter with mutual TLS, as separate processes: durable writes through the
//! leader (beside one server's, from the KV section of the same run), reads on the leader by
//! consistency mode (default and `?consistent` beside `?stale`), an RPC round trip over
//! pooled TLS (beside a plain TCP echo, interleaved with it), and leader loss to the first
//! accepted write (beside the first election: last server up to the first accepted write).

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use fedctl::config::TlsSettings;
use fedctl::rpc::message::{Reply, Request};
use fedctl::rpc::{ClientOptions, RpcClient, Target as RpcTarget};
use fedctl::tls::{AgentTls, Ca, CaOptions, CertKind, CertOptions, generate_ca};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::Ctx;
use crate::baseline::spawn_echo;
use crate::procs::{Agent, load, spawn_agent};
use crate::report::{Row, Stat, Target};

const AREA: &str = "3-server DC";

/// Keys the read phases read, written before them.
const READ_KEYS: u64 = 100;

/// CA + certificates for s0..s2 and a client, an HCL TLS file per server.
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
        verify_incoming_https: false,
    };
    (configs, client)
}

fn start_cluster(dir: &Path, configs: &[String]) -> Vec<Agent> {
    let mut agents: Vec<Agent> = Vec::new();
    let mut join = String::new();
    for (n, config) in configs.iter().take(3).enumerate() {
        let (name, data) = (format!("s{n}"), dir.join(format!("data-s{n}")).display().to_string());
        let mut args = vec!["-server", "-bootstrap-expect", "3", "-node", &name, "-bind", "127.0.0.1"];
        args.extend(["-advertise", "127.0.0.1", "-config-file", config, "-data-dir", &data]);
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

/// Until `base` accepts a write.
async fn until_write(http: &reqwest::Client, base: &str) {
    loop {
        if let Ok(r) = http.put(format!("{base}/v1/kv/probe")).body("x").send().await
            && r.status().is_success()
            && r.text().await.unwrap_or_default() == "true"
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// p50s (µs) of `n` sequential round trips of `a` and of `b`, interleaved 10 and 10 after
/// 200 warm-up ones each, so the scheduler's placement (same or other vCPU) hits both alike.
async fn paired_rtt<A, FA, B, FB>(n: usize, mut a: A, mut b: B) -> (f64, f64)
where
    A: FnMut() -> FA,
    FA: std::future::Future<Output = ()>,
    B: FnMut() -> FB,
    FB: std::future::Future<Output = ()>,
{
    for _ in 0..200 {
        a().await;
        b().await;
    }
    let (mut sa, mut sb) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for _ in 0..n / 10 {
        for _ in 0..10 {
            let t = Instant::now();
            a().await;
            sa.push(t.elapsed().as_secs_f64() * 1e6);
        }
        for _ in 0..10 {
            let t = Instant::now();
            b().await;
            sb.push(t.elapsed().as_secs_f64() * 1e6);
        }
    }
    (Stat::of(&sa, "µs").median, Stat::of(&sb, "µs").median)
}

pub async fn run(ctx: &Ctx) -> Vec<Row> {
    let (mut writes, mut rpc_us, mut tcp_us, mut failover_ms, mut cold_ms) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut default_reads, mut consistent_reads, mut stale_reads) = (Vec::new(), Vec::new(), Vec::new());
    for run in 0..ctx.runs {
        eprintln!("3-server DC: run {}/{}", run + 1, ctx.runs);
        // A fresh echo process per run, as the servers are.
        let echo = spawn_echo();
        let dir = ctx.tempdir();
        let (configs, client_tls) = pki(dir.path());
        let mut agents = start_cluster(dir.path(), &configs);
        // Last server up to the first accepted write (forwarded to whoever leads): what a
        // first election costs.
        let up = Instant::now();
        until_write(&ctx.http, &agents[0].http).await;
        cold_ms.push(up.elapsed().as_secs_f64() * 1e3);
        let l = leader(&ctx.http, &agents).await;
        let h = agents[l].http.clone();
        writes.push(
            load(ctx.clients, ctx.secs, move |c, task, i| {
                c.put(format!("{h}/v1/kv/bench/{task}/{}", i % 1000)).body("value-0123456789")
            })
            .await
            .per_sec,
        );

        // Reads on the leader: default (linearizable, from the leader's lease), `?consistent`
        // (a quorum round each) and `?stale` (local, possibly old), in an order that rotates
        // per run so none always goes first.
        for k in 0..READ_KEYS {
            let r = ctx.http.put(format!("{}/v1/kv/read/{k}", agents[l].http)).body("value-0123456789").send().await;
            assert!(r.unwrap().status().is_success());
        }
        for phase in 0..3 {
            let mode = (phase + run) % 3;
            let query = ["", "?consistent", "?stale"][mode];
            let h = agents[l].http.clone();
            let rate = load(ctx.clients, ctx.secs, move |c, task, i| {
                c.get(format!("{h}/v1/kv/read/{}{query}", (task as u64 + i) % READ_KEYS))
            })
            .await
            .per_sec;
            [&mut default_reads, &mut consistent_reads, &mut stale_reads][mode].push(rate);
        }

        let tls = AgentTls::load(&client_tls, "dc1", "consul").unwrap().unwrap();
        let rpc = RpcClient::new(ClientOptions { tls: Some(tls), ..ClientOptions::default() });
        let target = RpcTarget { addr: agents[l].rpc.clone(), node: Some(format!("s{l}")), datacenter: "dc1".into() };
        let echo_conn = tokio::net::TcpStream::connect(&echo.addr).await.unwrap();
        echo_conn.set_nodelay(true).unwrap();
        let echo_conn = Arc::new(tokio::sync::Mutex::new(echo_conn));
        let (r, t) = paired_rtt(
            5000,
            || {
                let (rpc, target) = (rpc.clone(), target.clone());
                async move {
                    assert!(matches!(rpc.request(&target, &Request::Ping).await.unwrap(), Ok(Reply::Pong(_))));
                }
            },
            || {
                let s = echo_conn.clone();
                async move {
                    let mut s = s.lock().await;
                    let mut buf = [7u8; 64];
                    s.write_all(&buf).await.unwrap();
                    s.read_exact(&mut buf).await.unwrap();
                }
            },
        )
        .await;
        rpc_us.push(r);
        tcp_us.push(t);

        let survivor = agents[(l + 1) % 3].http.clone();
        let killed = Instant::now();
        drop(agents.remove(l)); // SIGKILL
        until_write(&ctx.http, &survivor).await;
        failover_ms.push(killed.elapsed().as_secs_f64() * 1e3);
    }
    let ratio = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| x / y).collect::<Vec<_>>();
    let mut write_row = Row::new(
        AREA,
        format!("durable KV writes via the leader, TLS, {} clients", ctx.clients),
        Stat::of(&writes, "ops/s"),
    );
    if let Some(single) = ctx.recall("single-server writes") {
        write_row =
            write_row.baseline("1 server (KV area)", Stat::of(&single, "ops/s")).ratio(&ratio(&writes, &single));
    }
    let c = ctx.clients;
    let stale = Stat::of(&stale_reads, "ops/s");
    vec![
        write_row.target(Target::AtLeast(5_000.0)),
        Row::new(
            AREA,
            format!("KV reads on the leader, default (linearizable), {c} clients"),
            Stat::of(&default_reads, "ops/s"),
        )
        .baseline("`?stale` reads, same leader", stale)
        .ratio(&ratio(&default_reads, &stale_reads)),
        Row::new(
            AREA,
            format!("KV reads on the leader, `?consistent`, {c} clients"),
            Stat::of(&consistent_reads, "ops/s"),
        )
        .baseline("`?stale` reads, same leader", stale)
        .ratio(&ratio(&consistent_reads, &stale_reads)),
        Row::new(AREA, "RPC Ping round trip over pooled mutual TLS, p50", Stat::of(&rpc_us, "µs"))
            .baseline("plain TCP echo, 64 B", Stat::of(&tcp_us, "µs"))
            .ratio(&ratio(&rpc_us, &tcp_us))
            .target(Target::RatioAtMost(2.0)),
        Row::new(AREA, "leader kill -9 to first write accepted by a survivor", Stat::of(&failover_ms, "ms"))
            .baseline("first election: last server up to first write", Stat::of(&cold_ms, "ms"))
            .target(Target::AtMost(3000.0)),
    ]
}
