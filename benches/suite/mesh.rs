//! The service mesh with real Envoy sidecars on one agent:
//!
//! - a request through web's sidecar and echo's sidecar to a TCP echo (one persistent
//!   connection, 64-byte round trips), beside the same two Envoys running a hand-written
//!   static configuration with the same mTLS (the same certificates, SNI and SAN check): what
//!   the generated configuration adds over Envoy itself;
//! - a sidecar (re-)registered until its Envoy has ACKed listeners and clusters of it, beside
//!   the registration's HTTP call;
//! - 100 sidecars whose upstream gains an instance until all 100 ACKed the new endpoints,
//!   and the agent's RSS with them.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::Ctx;
use crate::procs::{Agent, FEDCTL, rss_kib, spawn_agent, wait_leader};
use crate::report::{Row, Stat, Target, percentile};

const AREA: &str = "Mesh";

/// A free port never handed out before in this run: a hundred sidecars take hundreds of ports
/// while the ones picked earlier are not bound yet, and the kernel may offer one twice.
pub(crate) fn free_port() -> u16 {
    static GIVEN: std::sync::Mutex<Vec<u16>> = std::sync::Mutex::new(Vec::new());
    let mut given = GIVEN.lock().unwrap();
    loop {
        let port = crate::procs::free_port();
        if !given.contains(&port) {
            given.push(port);
            return port;
        }
    }
}

/// An Envoy process (through `fedctl connect envoy`, or run directly), killed on drop.
pub(crate) struct Envoy {
    child: Child,
    /// Its admin port (127.0.0.1).
    pub admin: u16,
}

impl Drop for Envoy {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub(crate) fn sidecar(agent: &Agent, service: &str) -> Envoy {
    let admin = free_port();
    let child = Command::new(FEDCTL)
        .args(["connect", "envoy", "-http-addr", &agent.http, "-sidecar-for", service])
        .args(["-admin-bind", &format!("127.0.0.1:{admin}"), "--", "--base-id", &admin.to_string(), "-l", "error"])
        .args(std::env::var("BENCH_ENVOY_ARGS").unwrap_or_default().split_whitespace())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    Envoy { child, admin }
}

/// Envoy with `config` (JSON) as its whole static configuration.
pub(crate) fn static_envoy(dir: &std::path::Path, name: &str, config: &Value) -> Envoy {
    let path = dir.join(format!("{name}.json"));
    std::fs::write(&path, config.to_string()).unwrap();
    let base = free_port();
    let child = Command::new("envoy")
        .args(["-c", path.to_str().unwrap(), "--disable-hot-restart", "--base-id", &base.to_string(), "-l", "error"])
        .args(std::env::var("BENCH_ENVOY_ARGS").unwrap_or_default().split_whitespace())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    Envoy { child, admin: 0 }
}

/// A TCP echo on a free port, in its own thread (blocking, one thread per connection).
pub(crate) fn echo_app() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().map_while(Result::ok) {
            std::thread::spawn(move || {
                let mut stream = stream;
                let _ = stream.set_nodelay(true);
                let mut buf = [0u8; 4096];
                while let Ok(n) = stream.read(&mut buf) {
                    if n == 0 || stream.write_all(&buf[..n]).is_err() {
                        break;
                    }
                }
            });
        }
    });
    port
}

pub(crate) async fn put(http: &reqwest::Client, url: String, body: Value) {
    let r = http.put(url).body(body.to_string()).send().await.unwrap();
    assert!(r.status().is_success(), "{}", r.text().await.unwrap_or_default());
}

fn registration(name: &str, app_port: u16, public: u16, upstream: Option<u16>) -> Value {
    let upstreams: Vec<Value> =
        upstream.map(|p| json!({"DestinationName": "echo", "LocalBindPort": p})).into_iter().collect();
    json!({"Name": name, "Port": app_port,
           "Connect": {"SidecarService": {"Port": public, "Proxy": {"Upstreams": upstreams}}}})
}

/// 64-byte round trips on one connection to `addr`: p50 in µs of `rounds` after a warm-up;
/// `None` while the path does not echo yet.
pub(crate) fn round_trips(addr: &str, rounds: usize) -> Option<f64> {
    let mut s = TcpStream::connect(addr).ok()?;
    s.set_nodelay(true).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(2))).ok()?;
    let msg = [7u8; 64];
    let mut buf = [0u8; 64];
    let mut samples = Vec::with_capacity(rounds);
    for i in 0..rounds + rounds / 10 {
        let t0 = Instant::now();
        s.write_all(&msg).ok()?;
        s.read_exact(&mut buf).ok()?;
        if i >= rounds / 10 {
            samples.push(t0.elapsed().as_secs_f64() * 1e6);
        }
    }
    Some(percentile(&samples, 0.5))
}

pub(crate) async fn wait_echo(addr: &str) {
    let started = Instant::now();
    loop {
        let a = addr.to_owned();
        if tokio::task::spawn_blocking(move || round_trips(&a, 2)).await.unwrap().is_some() {
            return;
        }
        assert!(started.elapsed() < Duration::from_secs(60), "nothing echoes at {addr}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The two static Envoys of the baseline: `client` listens on `listen` and dials `server` with
/// web's leaf, SNI and echo's SPIFFE ID; `server` terminates mTLS and proxies to the app.
fn static_pair(dir: &std::path::Path, leaves: &Value, listen: u16, app: u16) -> (Envoy, Envoy) {
    let (web, echo, td) = (&leaves["web"], &leaves["echo"], leaves["td"].as_str().unwrap());
    let root = leaves["root"].as_str().unwrap();
    let server_port = free_port();
    let tcp = |cluster: &str| {
        json!({"name": "envoy.filters.network.tcp_proxy", "typed_config": {
        "@type": "type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy",
        "stat_prefix": cluster, "cluster": cluster}})
    };
    let tls_context = |leaf: &Value, san: Option<String>| {
        let mut validation = json!({"trusted_ca": {"inline_string": root}});
        if let Some(san) = san {
            validation["match_typed_subject_alt_names"] = json!([{"san_type": "URI", "matcher": {"exact": san}}]);
        }
        json!({"tls_params": {}, "tls_certificates": [{"certificate_chain": {"inline_string": leaf["CertPEM"]},
               "private_key": {"inline_string": leaf["PrivateKeyPEM"]}}], "validation_context": validation})
    };
    let cluster = |name: &str, port: u16, tls: Option<Value>| {
        let mut c = json!({"name": name, "type": "STATIC", "connect_timeout": "5s", "load_assignment": {
            "cluster_name": name, "endpoints": [{"lb_endpoints": [{"endpoint": {"address": {
                "socket_address": {"address": "127.0.0.1", "port_value": port}}}}]}]}});
        if let Some(tls) = tls {
            c["transport_socket"] = json!({"name": "tls", "typed_config": tls});
        }
        c
    };
    let admin = || json!({"address": {"socket_address": {"address": "127.0.0.1", "port_value": free_port()}}});
    let sni = format!("echo.default.dc1.internal.{td}");
    let upstream_tls = json!({
        "@type": "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext",
        "sni": sni, "common_tls_context": tls_context(web, Some(format!("spiffe://{td}/ns/default/dc/dc1/svc/echo")))});
    let client = json!({"admin": admin(), "static_resources": {
        "listeners": [{"name": "up", "address": {"socket_address": {"address": "127.0.0.1", "port_value": listen}},
                       "filter_chains": [{"filters": [tcp("echo")]}]}],
        "clusters": [cluster("echo", server_port, Some(upstream_tls))]}});
    let downstream_tls = json!({
        "@type": "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext",
        "require_client_certificate": true, "common_tls_context": tls_context(echo, None)});
    let server = json!({"admin": admin(), "static_resources": {
        "listeners": [{"name": "public", "address": {"socket_address": {"address": "127.0.0.1", "port_value": server_port}},
                       "filter_chains": [{"filters": [tcp("app")],
                                          "transport_socket": {"name": "tls", "typed_config": downstream_tls}}]}],
        "clusters": [cluster("app", app, None)]}});
    (static_envoy(dir, "client", &client), static_envoy(dir, "server", &server))
}

/// Per run: generated p50, static p50 (µs).
async fn request_path(ctx: &Ctx, rounds: usize) -> (Vec<f64>, Vec<f64>) {
    let dir = ctx.tempdir();
    let agent = spawn_agent(&["-dev", "-node", "mesh-bench"]);
    wait_leader(&ctx.http, &agent.http).await;
    let app = echo_app();
    let (upstream, static_listen) = (free_port(), free_port());
    let register = format!("{}/v1/agent/service/register", agent.http);
    put(&ctx.http, register.clone(), registration("echo", app, free_port(), None)).await;
    put(&ctx.http, register, registration("web", free_port(), free_port(), Some(upstream))).await;
    let _sidecars = (sidecar(&agent, "echo"), sidecar(&agent, "web"));
    let leaf = async |s: &str| -> Value {
        ctx.http.get(format!("{}/v1/agent/connect/ca/leaf/{s}", agent.http)).send().await.unwrap().json().await.unwrap()
    };
    // The leaves first: each waits for the CA, so the roots read after them exist.
    let (web, echo) = (leaf("web").await, leaf("echo").await);
    let roots: Value =
        ctx.http.get(format!("{}/v1/agent/connect/ca/roots", agent.http)).send().await.unwrap().json().await.unwrap();
    let leaves = json!({"web": web, "echo": echo, "td": roots["TrustDomain"], "root": roots["Roots"][0]["RootCert"]});
    let _static = static_pair(dir.path(), &leaves, static_listen, app);
    let (ours, theirs) = (format!("127.0.0.1:{upstream}"), format!("127.0.0.1:{static_listen}"));
    interleaved_round_trips(&ours, &theirs, rounds, ctx.runs.max(3)).await
}

/// Once both echo: `turns` times the p50 of `rounds` round trips through `ours`, then through
/// `theirs` (the baseline), interleaved so drift in the machine's state hits both alike.
pub(crate) async fn interleaved_round_trips(
    ours: &str,
    theirs: &str,
    rounds: usize,
    turns: usize,
) -> (Vec<f64>, Vec<f64>) {
    wait_echo(ours).await;
    wait_echo(theirs).await;
    let (mut generated, mut hand) = (Vec::new(), Vec::new());
    for _ in 0..turns {
        let (a, b) = (ours.to_owned(), theirs.to_owned());
        let (g, h) =
            tokio::task::spawn_blocking(move || (round_trips(&a, rounds), round_trips(&b, rounds))).await.unwrap();
        generated.push(g.expect("the generated path echoes"));
        hand.push(h.expect("the static path echoes"));
    }
    (generated, hand)
}

/// The agent's xDS status of every proxy.
async fn xds_status(http: &reqwest::Client, base: &str) -> Value {
    match http.get(format!("{base}/v1/internal/xds")).send().await {
        Ok(r) => r.json().await.unwrap_or(Value::Null),
        Err(_) => Value::Null,
    }
}

/// `proxy`'s config version once Envoy acknowledged everything sent of it: every type's last
/// response ACKed, and the newest of them is the current version (only changed types are sent).
fn acked(status: &Value, proxy: &str) -> Option<u64> {
    crate::xds::up_to_date(&status[proxy])
}

/// Per run: (registered -> ACKed p99, registration p50), ms.
async fn registration_to_ack(ctx: &Ctx, rounds: usize) -> (f64, f64) {
    let agent = spawn_agent(&["-dev", "-node", "mesh-bench"]);
    wait_leader(&ctx.http, &agent.http).await;
    let app = echo_app();
    let register = format!("{}/v1/agent/service/register", agent.http);
    put(&ctx.http, register.clone(), registration("echo", app, free_port(), None)).await;
    put(&ctx.http, register.clone(), registration("web", free_port(), free_port(), Some(free_port()))).await;
    let _sidecar = sidecar(&agent, "web");
    let mut last = 0;
    let started = Instant::now();
    while last == 0 {
        last = acked(&xds_status(&ctx.http, &agent.http).await, "web-sidecar-proxy").unwrap_or(0);
        assert!(started.elapsed() < Duration::from_secs(60), "the sidecar never ACKed");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let (mut acks, mut writes) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        // A new public port each time: a changed registration, a new listener.
        let body = registration("web", free_port(), free_port(), Some(free_port()));
        let t0 = Instant::now();
        put(&ctx.http, register.clone(), body).await;
        let registered = Instant::now();
        writes.push((registered - t0).as_secs_f64() * 1e3);
        loop {
            if let Some(v) = acked(&xds_status(&ctx.http, &agent.http).await, "web-sidecar-proxy")
                && v > last
            {
                last = v;
                break;
            }
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        acks.push(registered.elapsed().as_secs_f64() * 1e3);
    }
    (percentile(&acks, 0.99), percentile(&writes, 0.5))
}

/// One run with `n` sidecars: (all ACKed the new endpoints, p99 ms; the write, p50 ms; agent
/// RSS MiB).
async fn fan_out(ctx: &Ctx, n: usize, rounds: usize) -> (f64, f64, f64) {
    let agent = spawn_agent(&["-dev", "-node", "mesh-bench"]);
    wait_leader(&ctx.http, &agent.http).await;
    let register = format!("{}/v1/agent/service/register", agent.http);
    put(&ctx.http, register.clone(), registration("echo", echo_app(), free_port(), None)).await;
    let mut envoys = Vec::new();
    for i in 0..n {
        let name = format!("svc-{i}");
        put(&ctx.http, register.clone(), registration(&name, free_port(), free_port(), Some(free_port()))).await;
        envoys.push(sidecar(&agent, &name));
    }
    let proxies: Vec<String> = (0..n).map(|i| format!("svc-{i}-sidecar-proxy")).collect();
    let all_acked = |status: &Value, after: &[u64]| -> Option<Vec<u64>> {
        proxies.iter().zip(after).map(|(p, a)| acked(status, p).filter(|v| v > a)).collect()
    };
    let zero = vec![0; n];
    let started = Instant::now();
    let mut last = loop {
        if let Some(v) = all_acked(&xds_status(&ctx.http, &agent.http).await, &zero) {
            break v;
        }
        assert!(started.elapsed() < Duration::from_secs(300), "not every sidecar ACKed");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let (mut acks, mut writes) = (Vec::new(), Vec::new());
    for round in 0..rounds {
        // Another instance of echo with its sidecar: every sidecar's endpoints change.
        let body = json!({"ID": format!("echo-{round}"), "Name": "echo", "Port": echo_app(),
                          "Connect": {"SidecarService": {"Port": free_port()}}});
        let t0 = Instant::now();
        put(&ctx.http, register.clone(), body).await;
        let registered = Instant::now();
        writes.push((registered - t0).as_secs_f64() * 1e3);
        last = loop {
            if let Some(v) = all_acked(&xds_status(&ctx.http, &agent.http).await, &last) {
                break v;
            }
            tokio::time::sleep(Duration::from_millis(2)).await;
        };
        acks.push(registered.elapsed().as_secs_f64() * 1e3);
    }
    let rss = rss_kib(agent.child.id()) as f64 / 1024.0;
    drop(envoys);
    (percentile(&acks, 0.99), percentile(&writes, 0.5), rss)
}

pub async fn run(ctx: &Ctx) -> Vec<Row> {
    let rounds = ctx.rounds(2000);
    eprintln!("mesh: request path");
    let (generated, hand) = request_path(ctx, rounds).await;
    let ratio: Vec<f64> = generated.iter().zip(&hand).map(|(g, h)| g / h).collect();
    let (mut reg_ack, mut reg_write, mut fan, mut fan_write, mut rss) = (vec![], vec![], vec![], vec![], vec![]);
    let n = if ctx.quick { 10 } else { 100 };
    for run in 0..ctx.runs {
        eprintln!("mesh: run {}/{}", run + 1, ctx.runs);
        let (a, w) = registration_to_ack(ctx, ctx.rounds(50)).await;
        reg_ack.push(a);
        reg_write.push(w);
        let (f, fw, r) = fan_out(ctx, n, ctx.rounds(20)).await;
        fan.push(f);
        fan_write.push(fw);
        rss.push(r);
    }
    vec![
        Row::new(
            AREA,
            format!("64 B round trip, web's sidecar → echo's sidecar, p50 of {rounds}"),
            Stat::of(&generated, "µs"),
        )
        .baseline("the same two Envoys, hand-written static mTLS config", Stat::of(&hand, "µs"))
        .ratio(&ratio)
        .target(Target::RatioAtMost(1.10)),
        Row::new(AREA, "sidecar registered → listeners + clusters ACKed, p99", Stat::of(&reg_ack, "ms"))
            .baseline("the registration call, p50", Stat::of(&reg_write, "ms"))
            .target(Target::AtMost(200.0)),
        Row::new(AREA, format!("{n} sidecars, upstream instance added → all ACKed, p99"), Stat::of(&fan, "ms"))
            .baseline("the registration call, p50", Stat::of(&fan_write, "ms"))
            .target(Target::AtMost(300.0)),
        Row::new(AREA, format!("agent RSS with {n} sidecars"), Stat::of(&rss, "MiB")).target(Target::AtMost(64.0)),
    ]
}
