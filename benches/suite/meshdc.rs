//! Services across datacenters through the mesh gateways, real Envoy on loopback: three `-dev`
//! datacenters federated only through their gateways, with sidecars in dc1, dc2 and dc3.
//!
//! - A request dc1 sidecar -> dc1 gateway -> dc2 gateway -> dc2 sidecar, beside the same four
//!   Envoy hops with a hand-written static configuration (same certificates, same SNI).
//! - A new instance in dc2 until dc1's sidecar Envoy holds its endpoint as healthy (modes
//!   `local` and `remote`), beside the same for an instance in dc1 itself.
//! - Failover: from the last dc1 instance's check turning critical (a TTL check failed through
//!   the API: no check interval is involved) to the first request answered by dc2.
//! - A config entry written in dc2 until it is in effect in dc3's sidecar Envoy.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::Ctx;
use crate::mesh::{Envoy, echo_app, free_port, interleaved_round_trips, put, sidecar, static_envoy};
use crate::procs::{Agent, FEDCTL, Gateway, spawn_agent, spawn_gateway};
use crate::report::{Row, Stat, Target, percentile};
use crate::wanfed::config;

const AREA: &str = "Mesh across datacenters";

/// A TCP app answering every read with `name`: which datacenter answered.
fn named_app(name: &'static str) -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().map_while(Result::ok) {
            std::thread::spawn(move || {
                let mut stream = stream;
                let mut buf = [0u8; 256];
                while let Ok(n) = stream.read(&mut buf) {
                    if n == 0 || stream.write_all(name.as_bytes()).is_err() {
                        break;
                    }
                }
            });
        }
    });
    port
}

/// One request on a new connection: the answer, or `None`.
fn ask(addr: &str) -> Option<String> {
    let mut s = TcpStream::connect(addr).ok()?;
    s.set_read_timeout(Some(Duration::from_millis(500))).ok()?;
    s.write_all(b"x").ok()?;
    let mut buf = [0u8; 64];
    let n = s.read(&mut buf).ok()?;
    (n > 0).then(|| String::from_utf8_lossy(&buf[..n]).into_owned())
}

/// The three datacenters and what runs in them.
pub(crate) struct Federation {
    pub(crate) agents: Vec<Agent>,
    _gateways: Vec<Gateway>,
    gateway_ports: Vec<u16>,
    td: String,
}

pub(crate) async fn federation(dir: &Path, http: &reqwest::Client) -> Federation {
    let ok = std::process::Command::new(FEDCTL).args(["tls", "ca", "create"]).current_dir(dir).status().unwrap();
    assert!(ok.success());
    let ports: Vec<u16> = (0..3).map(|_| free_port()).collect();
    let (mut agents, mut gateways) = (Vec::new(), Vec::new());
    for (i, dc) in ["dc1", "dc2", "dc3"].iter().enumerate() {
        let node = format!("{dc}-s");
        let cfg = config(dir, dc, &node, true, (i > 0).then_some(ports[0])).display().to_string();
        let agent = spawn_agent(&[
            "-dev",
            "-node",
            &node,
            "-datacenter",
            dc,
            "-primary-datacenter",
            "dc1",
            "-config-file",
            &cfg,
        ]);
        gateways.push(spawn_gateway(&agent, ports[i]));
        agents.push(agent);
    }
    // Federated, and every datacenter has the CA (its intermediate, in a secondary).
    let started = Instant::now();
    for a in &agents {
        for dc in ["dc1", "dc2", "dc3"] {
            loop {
                let r = http.put(format!("{}/v1/kv/bench?dc={dc}", a.http)).body("v").send().await;
                if r.is_ok_and(|r| r.status().is_success()) {
                    break;
                }
                assert!(started.elapsed() < Duration::from_secs(90), "{} never reached {dc}", a.http);
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        }
    }
    let mut td = String::new();
    for a in &agents {
        loop {
            let r: Value = http
                .get(format!("{}/v1/agent/connect/ca/leaf/bench", a.http))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap_or(Value::Null);
            if r["CertPEM"].is_string() {
                break;
            }
            assert!(started.elapsed() < Duration::from_secs(90), "no leaf in {}", a.http);
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let roots: Value =
            http.get(format!("{}/v1/connect/ca/roots", a.http)).send().await.unwrap().json().await.unwrap();
        td = roots["TrustDomain"].as_str().unwrap().to_owned();
    }
    Federation { agents, _gateways: gateways, gateway_ports: ports, td }
}

pub(crate) fn with_sidecar(name: &str, app: u16, upstreams: Vec<Value>) -> Value {
    json!({"Name": name, "Port": app,
           "Connect": {"SidecarService": {"Port": free_port(), "Proxy": {"Upstreams": upstreams}}}})
}

pub(crate) fn upstream(name: &str, dc: &str, mode: &str, port: u16) -> Value {
    json!({"DestinationName": name, "Datacenter": dc, "LocalBindPort": port, "MeshGateway": {"Mode": mode}})
}

/// A connect proxy for `service` registered in the catalog only (no Envoy, no checks:
/// healthy), or removed.
async fn catalog_instance(http: &reqwest::Client, agent: &Agent, service: &str, present: bool) {
    let id = format!("{service}-bench-proxy");
    if present {
        let body = json!({"Node": "bench-node", "Address": "127.0.0.1", "Service": {
            "Kind": "connect-proxy", "ID": id, "Service": id, "Port": 20999,
            "Proxy": {"DestinationServiceName": service}}});
        put(http, format!("{}/v1/catalog/register", agent.http), body).await;
    } else {
        let body = json!({"Node": "bench-node", "ServiceID": id});
        put(http, format!("{}/v1/catalog/deregister", agent.http), body).await;
    }
}

/// `(address, healthy)` of each host of `cluster` in the Envoy whose admin is `admin`.
async fn hosts(http: &reqwest::Client, admin: u16, cluster: &str) -> Vec<(String, bool)> {
    let Ok(r) = http.get(format!("http://127.0.0.1:{admin}/clusters")).send().await else { return Vec::new() };
    let text = r.text().await.unwrap_or_default();
    let prefix = format!("{cluster}::");
    text.lines()
        .filter_map(|l| l.strip_prefix(&prefix))
        .filter_map(|rest| rest.split_once("::health_flags::"))
        .map(|(host, flags)| (host.to_owned(), flags.trim() == "healthy"))
        .collect()
}

/// Waits until `cluster` in the Envoy at `admin` satisfies `ok`; milliseconds since `since`.
async fn until(
    http: &reqwest::Client,
    admin: u16,
    cluster: &str,
    since: Instant,
    ok: impl Fn(&[(String, bool)]) -> bool,
) -> f64 {
    loop {
        if ok(&hosts(http, admin, cluster).await) {
            return since.elapsed().as_secs_f64() * 1e3;
        }
        assert!(since.elapsed() < Duration::from_secs(30), "{cluster} never converged");
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
}

/// The four static Envoys of the request baseline: client (web's leaf, SNI, echo's SPIFFE ID)
/// -> two SNI routers (tls_inspector, no TLS terminated) -> server (echo's leaf) -> app.
fn static_path(dir: &Path, leaves: &Value, listen: u16, app: u16) -> Vec<Envoy> {
    let (web, echo, td, root) =
        (&leaves["web"], &leaves["echo"], leaves["td"].as_str().unwrap(), leaves["root"].as_str().unwrap());
    let sni = format!("echo.default.dc2.internal.{td}");
    let (r1, r2, server) = (free_port(), free_port(), free_port());
    let tcp = |cluster: &str| {
        json!({"name": "envoy.filters.network.tcp_proxy", "typed_config": {
        "@type": "type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy",
        "stat_prefix": cluster, "cluster": cluster}})
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
    let listener = |port: u16, chain: Value, inspector: bool| {
        let mut l = json!({"name": "l", "address": {"socket_address": {"address": "127.0.0.1", "port_value": port}},
                           "filter_chains": [chain]});
        if inspector {
            l["listener_filters"] = json!([{"name": "envoy.filters.listener.tls_inspector", "typed_config": {
                "@type": "type.googleapis.com/envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector"}}]);
        }
        l
    };
    let admin = || json!({"address": {"socket_address": {"address": "127.0.0.1", "port_value": free_port()}}});
    let common = |leaf: &Value, san: Option<String>| {
        let mut validation = json!({"trusted_ca": {"inline_string": root}});
        if let Some(san) = san {
            validation["match_typed_subject_alt_names"] = json!([{"san_type": "URI", "matcher": {"exact": san}}]);
        }
        json!({"tls_params": {}, "tls_certificates": [{"certificate_chain": {"inline_string": leaf["CertPEM"]},
               "private_key": {"inline_string": leaf["PrivateKeyPEM"]}}], "validation_context": validation})
    };
    let upstream_tls = json!({
        "@type": "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext",
        "sni": sni, "common_tls_context": common(web, Some(format!("spiffe://{td}/ns/default/dc/dc2/svc/echo")))});
    let client = json!({"admin": admin(), "static_resources": {
        "listeners": [listener(listen, json!({"filters": [tcp("up")]}), false)],
        "clusters": [cluster("up", r1, Some(upstream_tls))]}});
    let router = |port: u16, next: u16| {
        json!({"admin": admin(), "static_resources": {
            "listeners": [listener(port, json!({"filter_chain_match": {"server_names": [sni]}, "filters": [tcp("next")]}), true)],
            "clusters": [cluster("next", next, None)]}})
    };
    let downstream_tls = json!({
        "@type": "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext",
        "require_client_certificate": true, "common_tls_context": common(echo, None)});
    let server_config = json!({"admin": admin(), "static_resources": {
        "listeners": [listener(server, json!({"filters": [tcp("app")],
                       "transport_socket": {"name": "tls", "typed_config": downstream_tls}}), false)],
        "clusters": [cluster("app", app, None)]}});
    vec![
        static_envoy(dir, "dc-client", &client),
        static_envoy(dir, "dc-router1", &router(r1, r2)),
        static_envoy(dir, "dc-router2", &router(r2, server)),
        static_envoy(dir, "dc-server", &server_config),
    ]
}

async fn leaf(http: &reqwest::Client, agent: &Agent, service: &str) -> Value {
    http.get(format!("{}/v1/agent/connect/ca/leaf/{service}", agent.http)).send().await.unwrap().json().await.unwrap()
}

pub async fn run(ctx: &Ctx) -> Vec<Row> {
    let http = &ctx.http;
    let dir = ctx.tempdir();
    eprintln!("mesh across datacenters: federating 3 datacenters through gateways");
    let f = federation(dir.path(), http).await;
    let (a1, a2, a3) = (&f.agents[0], &f.agents[1], &f.agents[2]);
    let td = f.td.clone();

    // dc2: echo (TCP echo) and echo-f ("dc2"); dc1: echo-f ("dc1", TTL check) and web.
    let reg = |a: &Agent| format!("{}/v1/agent/service/register", a.http);
    put(http, reg(a2), with_sidecar("echo", echo_app(), vec![])).await;
    put(http, reg(a2), with_sidecar("echo-f", named_app("dc2"), vec![])).await;
    let mut local_f = with_sidecar("echo-f", named_app("dc1"), vec![]);
    local_f["Check"] = json!({"CheckID": "echo-f-ttl", "Name": "echo-f ttl", "TTL": "1h"});
    put(http, reg(a1), local_f).await;
    let pass = format!("{}/v1/agent/check/pass/echo-f-ttl", a1.http);
    let fail = format!("{}/v1/agent/check/fail/echo-f-ttl", a1.http);
    put(http, pass.clone(), json!({})).await;
    for (kind, entry) in [
        ("service-defaults", json!({"Kind": "service-defaults", "Name": "echo-f", "MeshGateway": {"Mode": "remote"}})),
        (
            "service-resolver",
            json!({"Kind": "service-resolver", "Name": "echo-f", "Failover": {"*": {"Datacenters": ["dc2"]}}}),
        ),
    ] {
        let r = http.put(format!("{}/v1/config", a1.http)).body(entry.to_string()).send().await.unwrap();
        assert!(r.status().is_success(), "{kind}");
    }
    let (u_echo, u_local, u_remote, u_here, u_f) = (free_port(), free_port(), free_port(), free_port(), free_port());
    let web_upstreams = vec![
        upstream("echo", "dc2", "local", u_echo),
        upstream("api-l", "dc2", "local", u_local),
        upstream("api-r", "dc2", "remote", u_remote),
        upstream("api-h", "", "", u_here),
        upstream("echo-f", "", "", u_f),
    ];
    put(http, reg(a1), with_sidecar("web", free_port(), web_upstreams)).await;
    // dc3: web3, its upstream cfg in dc1 (a catalog instance), mode from the config entries.
    let u_cfg = free_port();
    put(http, reg(a3), with_sidecar("web3", free_port(), vec![upstream("cfg", "dc1", "", u_cfg)])).await;
    catalog_instance(http, a1, "cfg", true).await;
    let sidecars =
        [sidecar(a2, "echo"), sidecar(a2, "echo-f"), sidecar(a1, "echo-f"), sidecar(a1, "web"), sidecar(a3, "web3")];
    let (web_admin, web3_admin) = (sidecars[3].admin, sidecars[4].admin);

    // Request path, beside four static Envoys with the same leaves.
    let (web_leaf, echo_leaf) = (leaf(http, a1, "web").await, leaf(http, a2, "echo").await);
    let roots: Value = http.get(format!("{}/v1/connect/ca/roots", a1.http)).send().await.unwrap().json().await.unwrap();
    let leaves = json!({"web": web_leaf, "echo": echo_leaf, "td": td, "root": roots["Roots"][0]["RootCert"]});
    let static_listen = free_port();
    let app = echo_app();
    let _static = static_path(dir.path(), &leaves, static_listen, app);
    let (ours, theirs) = (format!("127.0.0.1:{u_echo}"), format!("127.0.0.1:{static_listen}"));
    eprintln!("mesh across datacenters: request path");
    let rounds = ctx.rounds(2000);
    let (generated, hand) = interleaved_round_trips(&ours, &theirs, rounds, ctx.runs.max(3)).await;
    let ratio: Vec<f64> = generated.iter().zip(&hand).map(|(g, h)| g / h).collect();

    // A new instance until web's Envoy holds it as healthy; then removed until unhealthy.
    eprintln!("mesh across datacenters: new instances");
    let n = ctx.rounds(30);
    let (mut local_p99, mut remote_p99, mut here_p99) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..ctx.runs {
        let (mut l, mut r, mut h) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..n {
            for (service, agent, cluster, out) in [
                ("api-l", a2, format!("c225dc1c~api-l.default.dc2.internal.{td}"), &mut l),
                ("api-r", a2, format!("dd412229~api-r.default.dc2.internal.{td}"), &mut r),
                ("api-h", a1, format!("api-h.default.dc1.internal.{td}"), &mut h),
            ] {
                let t0 = Instant::now();
                catalog_instance(http, agent, service, true).await;
                out.push(until(http, web_admin, &cluster, t0, |h| h.iter().any(|(_, ok)| *ok)).await);
                catalog_instance(http, agent, service, false).await;
                until(http, web_admin, &cluster, Instant::now(), |h| !h.iter().any(|(_, ok)| *ok)).await;
            }
        }
        local_p99.push(percentile(&l, 0.99));
        remote_p99.push(percentile(&r, 0.99));
        here_p99.push(percentile(&h, 0.99));
    }

    // Failover: the TTL check of dc1's only echo-f fails; requests until dc2 answers.
    eprintln!("mesh across datacenters: failover");
    let target = format!("127.0.0.1:{u_f}");
    let (mut failover, mut fail_call) = (Vec::new(), Vec::new());
    let per_run = ctx.rounds(10);
    for _ in 0..ctx.runs * per_run {
        put(http, pass.clone(), json!({})).await;
        let started = Instant::now();
        while ask_blocking(&target).await.as_deref() != Some("dc1") {
            assert!(started.elapsed() < Duration::from_secs(30), "dc1 never answered again");
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        let t0 = Instant::now();
        put(http, fail.clone(), json!({})).await;
        fail_call.push(t0.elapsed().as_secs_f64() * 1e3);
        while ask_blocking(&target).await.as_deref() != Some("dc2") {
            assert!(t0.elapsed() < Duration::from_secs(30), "dc2 never answered");
        }
        failover.push(t0.elapsed().as_secs_f64() * 1e3);
    }

    // A config entry written in dc2 (forwarded to the primary, replicated to dc3) until dc3's
    // web3 Envoy dials the gateway it names: dc3's own for local, dc1's for remote.
    eprintln!("mesh across datacenters: config entries");
    let cfg_cluster = format!("cfg.default.dc1.internal.{td}");
    let (mut effect, mut write) = (Vec::new(), Vec::new());
    let per_run_entries = ctx.rounds(20);
    for i in 0..ctx.runs * per_run_entries {
        let (mode, port) = if i % 2 == 0 { ("local", f.gateway_ports[2]) } else { ("remote", f.gateway_ports[0]) };
        let entry = json!({"Kind": "service-defaults", "Name": "cfg", "MeshGateway": {"Mode": mode}});
        let t0 = Instant::now();
        let r = http.put(format!("{}/v1/config", a2.http)).body(entry.to_string()).send().await.unwrap();
        assert!(r.status().is_success());
        write.push(t0.elapsed().as_secs_f64() * 1e3);
        let want = format!("127.0.0.1:{port}");
        effect.push(until(http, web3_admin, &cfg_cluster, t0, |h| h.len() == 1 && h[0].0 == want).await);
    }
    drop(sidecars);

    vec![
        Row::new(
            AREA,
            format!("64 B round trip, dc1 sidecar → 2 gateways → dc2 sidecar, p50 of {rounds}"),
            Stat::of(&generated, "µs"),
        )
        .baseline("the same four Envoys, static config", Stat::of(&hand, "µs"))
        .ratio(&ratio)
        .target(Target::RatioAtMost(1.10)),
        Row::new(
            AREA,
            format!("new instance in dc2 → healthy in dc1's sidecar Envoy, mode local, max of {n}"),
            Stat::of(&local_p99, "ms"),
        )
        .baseline(format!("an instance in dc1 itself, max of {n}"), Stat::of(&here_p99, "ms"))
        .target(Target::AtMost(500.0)),
        Row::new(
            AREA,
            format!("new instance in dc2 → healthy in dc1's sidecar Envoy, mode remote, max of {n}"),
            Stat::of(&remote_p99, "ms"),
        )
        .baseline(format!("an instance in dc1 itself, max of {n}"), Stat::of(&here_p99, "ms"))
        .target(Target::AtMost(500.0)),
        Row::new(
            AREA,
            format!("failover: dc1's last instance critical (TTL failed) → answered by dc2, max of {per_run}"),
            Stat::of(&p99s(&failover, per_run), "ms"),
        )
        .baseline("the check-fail API call, p50", Stat::of(&fail_call, "ms"))
        .target(Target::AtMost(2000.0)),
        Row::new(
            AREA,
            format!("config entry written in dc2 → in effect in dc3's sidecar Envoy, max of {per_run_entries}"),
            Stat::of(&p99s(&effect, per_run_entries), "ms"),
        )
        .baseline("the write call (forwarded to the primary), p50", Stat::of(&write, "ms"))
        .target(Target::AtMost(1000.0)),
    ]
}

pub(crate) async fn ask_blocking(addr: &str) -> Option<String> {
    let a = addr.to_owned();
    tokio::task::spawn_blocking(move || ask(&a)).await.unwrap()
}

/// The p99 (nearest rank: the max under 100 samples) of each run's samples (`per_run` consecutive samples each).
pub(crate) fn p99s(samples: &[f64], per_run: usize) -> Vec<f64> {
    samples.chunks(per_run.max(1)).map(|c| percentile(c, 0.99)).collect()
}
