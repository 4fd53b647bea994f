//! `fedctl connect envoy -grpc-addr` and `-bind-address name=ip:port` on real Envoy, and the
//! gateway probe (`GET /v1/internal/gateways/probe`, `fedctl debug gateways [-probe]`) of two
//! datacenters federated through mesh gateways on loopback.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::{Value, json};

use crate::support::agent::{TestAgent, dev_agent};
use crate::support::gateway::{Gateway, LoopbackFederation, free_port, have_envoy};
use crate::support::{Run, eventually_with, fedctl, temp_dir};

/// `fedctl args...` in `dir`, off the async runtime (the agents it asks run on it).
async fn cli(dir: &std::path::Path, args: &[&str]) -> Run {
    let dir = dir.to_owned();
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    tokio::task::spawn_blocking(move || {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        fedctl(&dir, &args)
    })
    .await
    .unwrap()
}

/// A TCP forwarder on a free loopback port to `target`, counting the connections it accepted.
async fn forwarder(target: std::net::SocketAddr) -> (std::net::SocketAddr, Arc<AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let accepted = Arc::new(AtomicUsize::new(0));
    let count = accepted.clone();
    tokio::spawn(async move {
        while let Ok((mut inbound, _)) = listener.accept().await {
            count.fetch_add(1, Ordering::SeqCst);
            tokio::spawn(async move {
                if let Ok(mut outbound) = tokio::net::TcpStream::connect(target).await {
                    let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                }
            });
        }
    });
    (addr, accepted)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connect_envoy_uses_the_grpc_addr_given_and_binds_exactly_the_bind_addresses() {
    if !have_envoy("to run a mesh gateway") {
        return;
    }
    let agent = dev_agent().await;
    let dir = temp_dir();
    let grpc = agent.agent.grpc_addr.expect("xDS gRPC enabled");

    // -grpc-addr wins over the port /v1/agent/self reports: the bootstrap points Envoy at it.
    let run = cli(
        dir.path(),
        &[
            "connect",
            "envoy",
            "-http-addr",
            &agent.base,
            "-gateway=mesh",
            "-proxy-id",
            "gw",
            "-grpc-addr",
            "http://127.0.0.2:1",
            "-bootstrap",
        ],
    )
    .await;
    assert_eq!(run.code, 0, "{run:?}");
    let bootstrap: Value = serde_json::from_str(&run.stdout).expect("stdout is only the bootstrap JSON");
    let agent_ep = &bootstrap["static_resources"]["clusters"][0]["load_assignment"]["endpoints"][0]["lb_endpoints"][0]
        ["endpoint"]["address"]["socket_address"];
    assert_eq!((agent_ep["address"].clone(), agent_ep["port_value"].clone()), (json!("127.0.0.2"), json!(1)));

    // A real gateway told to reach the agent through a forwarder: Envoy connects there (the
    // forwarder counts it) and gets its configuration; it listens only on -bind-address.
    let (via, accepted) = forwarder(grpc).await;
    let extra_port = free_port();
    let listener = format!("extra:127.0.0.1:{extra_port}");
    let grpc_flag = format!("http://{via}");
    let bind_flag = format!("extra=127.0.0.1:{extra_port}");
    let gw = Gateway::start_with(&agent, dir.path(), "gw", &["-grpc-addr", &grpc_flag, "-bind-address", &bind_flag]);
    eventually_with(
        "Envoy, through the forwarder, takes its listener from xDS",
        || gw.log(),
        async || {
            let status = agent.get_json("/v1/internal/xds").await;
            status["gw"]["Streams"] == 1
                && status["gw"]["Types"]["listeners"]["AckedVersion"].as_str().is_some_and(|v| !v.is_empty())
                && gw.admin("/listeners").await.contains(&listener)
        },
    )
    .await;
    assert!(accepted.load(Ordering::SeqCst) >= 1, "Envoy dialled the -grpc-addr forwarder");

    let page = gw.admin("/listeners").await;
    let listeners: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(listeners.len(), 1, "only the -bind-address listener, no lan/wan/default: {page}");
    assert!(listeners[0].starts_with(&format!("{listener}::")), "{page}");
    assert!(tokio::net::TcpStream::connect(("127.0.0.1", extra_port)).await.is_ok(), "Envoy listens there");
    assert!(tokio::net::TcpStream::connect(&gw.addr).await.is_err(), "the LAN address is not bound");

    let svc = agent.get_json("/v1/agent/service/gw").await;
    let config = &svc["Proxy"]["Config"];
    assert_eq!(config["envoy_gateway_no_default_bind"], true, "{svc}");
    assert_eq!(config["envoy_gateway_bind_addresses"], json!({"extra": {"Address": "127.0.0.1", "Port": extra_port}}));
    drop(gw);
    agent.stop().await;
}

/// Waits until `agent`'s probe reaches every path, and returns that report.
async fn probe_until_ok(agent: &TestAgent, query: &str, logs: impl Fn() -> String) -> Value {
    let mut report = Value::Null;
    eventually_with("every path through the gateways answers", logs, async || {
        report = agent.get_json(&format!("/v1/internal/gateways/probe{query}")).await;
        report["Unreachable"] == json!([])
            && report["Paths"].as_array().is_some_and(|p| !p.is_empty() && p.iter().all(|p| p["Ok"] == true))
    })
    .await;
    report
}

/// What a probe from `from` must say: one path per protocol, all through `local_gateway`
/// to `to`, each with its latency and no error.
fn assert_all_paths_ok(report: &Value, from: &str, to: &str, local_gateway: &str, tries: u64) {
    assert_eq!(report["Datacenter"], from, "{report}");
    assert_eq!(report["Unreachable"], json!([]), "{report}");
    let paths = report["Paths"].as_array().unwrap();
    let protocols: Vec<&str> = paths.iter().map(|p| p["Protocol"].as_str().unwrap()).collect();
    assert_eq!(protocols, ["rpc", "gossip-packet"], "{report}");
    for p in paths {
        assert_eq!(p["Datacenter"], to, "{p}");
        assert_eq!(p["Gateway"], local_gateway, "{p}");
        assert_eq!(p["Via"], "local", "{p}");
        assert_eq!(p["Ok"], true, "{p}");
        assert_eq!(p["Tries"], tries, "{p}");
        let p50 = p["P50Ms"].as_f64().unwrap_or_else(|| panic!("a p50: {p}"));
        let p99 = p["P99Ms"].as_f64().unwrap_or_else(|| panic!("a p99: {p}"));
        assert!(p50 > 0.0 && p99 >= p50, "{p}");
        assert_eq!((p["Error"].clone(), p["BrokenHop"].clone()), (Value::Null, Value::Null), "{p}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_probe_reports_every_path_ok_between_two_federated_datacenters() {
    if !have_envoy("to federate through mesh gateways") {
        return;
    }
    let f = LoopbackFederation::start().await;
    let logs = || f.logs();

    // The API, from both sides.
    let report = probe_until_ok(&f.dc1, "", logs).await;
    assert_all_paths_ok(&report, "dc1", "dc2", &f.gw1.addr, 5);
    let report = probe_until_ok(&f.dc2, "?tries=2", logs).await;
    assert_all_paths_ok(&report, "dc2", "dc1", &f.gw2.addr, 2);
    let resp = f.dc1.http.get(f.dc1.url("/v1/internal/gateways/probe?tries=abc")).send().await.unwrap();
    assert_eq!(resp.status(), 400);
    assert_eq!(resp.text().await.unwrap(), "tries=\"abc\": expected a number");

    // The CLI: a table of every path, then the verdict; exit 0.
    let dir = temp_dir();
    let run = cli(dir.path(), &["debug", "gateways", "-probe", "-http-addr", &f.dc1.base]).await;
    assert_eq!(run.code, 0, "{run:?}\n{}", logs());
    assert!(run.stdout.ends_with("\nAll datacenters reachable.\n"), "{}", run.stdout);
    assert!(run.stdout.starts_with("Datacenter dc1 (primary: dc1)\n"), "{}", run.stdout);
    let through = format!("{} (local)", f.gw1.addr);
    let rows: Vec<Vec<&str>> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("dc2") && l.contains(&through))
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(rows.len(), 2, "one row per protocol: {}", run.stdout);
    let protocols: Vec<&str> = rows.iter().map(|r| r[3]).collect();
    assert_eq!(protocols, ["rpc", "gossip-packet"], "{}", run.stdout);
    for r in &rows {
        assert_eq!(r[4], "ok", "{r:?}");
        assert!(r[5].ends_with("ms") && r[6].ends_with("ms"), "p50 and p99: {r:?}");
        assert_eq!(r[7], "-", "no broken hop: {r:?}");
    }

    let run =
        cli(dir.path(), &["debug", "gateways", "-probe", "-tries", "1", "-format=json", "-http-addr", &f.dc2.base])
            .await;
    assert_eq!(run.code, 0, "{run:?}");
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["Status"]["Enabled"], true, "{json}");
    assert_eq!(json["Status"]["Picks"]["dc1"]["Address"], f.gw2.addr.as_str(), "{json}");
    assert_all_paths_ok(&json["Probe"], "dc2", "dc1", &f.gw2.addr, 1);

    // Without -probe: the locator's view, and exit 0 as every datacenter has a pick.
    let run = cli(dir.path(), &["debug", "gateways", "-http-addr", &f.dc1.base]).await;
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("Datacenter dc1 (primary: dc1)\n"), "{}", run.stdout);
    assert!(run.stdout.lines().any(|l| l.starts_with("dc1 (local)") && l.contains(&f.gw1.addr)), "{}", run.stdout);
    assert!(
        run.stdout.lines().any(|l| l.split_whitespace().take(2).eq(["dc2", f.gw1.addr.as_str()])),
        "dc2 is dialled through the local gateway: {}",
        run.stdout
    );
    assert!(!run.stdout.contains("All datacenters reachable."), "no probe without -probe: {}", run.stdout);

    f.stop().await;
}

/// An agent that does not federate through gateways has nothing to probe: 400, and the CLI
/// exits 1 saying why.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_gateway_federation_there_is_nothing_to_probe() {
    let a = dev_agent().await;
    let resp = a.http.get(a.url("/v1/internal/gateways/probe")).send().await.unwrap();
    assert_eq!(resp.status(), 400);
    let body = resp.text().await.unwrap();
    assert!(body.contains("this agent does not federate through mesh gateways"), "{body}");
    assert_eq!(a.get_json("/v1/internal/gateways").await["Enabled"], false);
    let dir = temp_dir();
    let base = a.base.as_str();
    for args in
        [&["debug", "gateways", "-probe", "-http-addr", base][..], &["debug", "gateways", "-http-addr", base][..]]
    {
        let run = cli(dir.path(), args).await;
        assert_eq!(run.code, 1, "{args:?}: {run:?}");
        assert!(
            run.stderr.contains("error: the agent (datacenter dc1) does not federate through mesh gateways"),
            "{}",
            run.stderr
        );
        assert!(run.stdout.is_empty(), "{run:?}");
    }
    a.stop().await;
}
