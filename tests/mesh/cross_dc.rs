//! Services calling services in another datacenter through the mesh gateways (Consul 1.8's
//! `case-gateways-local` and `case-gateways-remote`), in isolated network namespaces with real
//! Envoy, the servers federated through the same gateways. dc1's client runs on a host of dc1
//! that reaches dc1's network and the WAN (where only gateways are) but has no route to dc2's
//! network, where echo and its sidecar run: every request crosses a gateway.

use serde_json::{Value, json};

use crate::support::eventually_with;
use crate::support::gateway::have_envoy;
use crate::support::mesh_ns::{InNs, connections, count, echo, endpoints, register, sidecar};
use crate::support::wanfed::Federation;

const CLIENT_IP: &str = "10.1.0.50";
const CLIENT_WAN: &str = "10.99.1.50";
const WEB_ADMIN: u16 = 19001;
const ECHO_ADMIN: u16 = 19002;
const GATEWAY_ADMIN: u16 = 19000;

/// `web` in dc1, on the client host, with the upstream echo in dc2 on port 5000 in `mode`.
fn web(mode: &str) -> Value {
    json!({
        "name": "web",
        "address": CLIENT_IP,
        "port": 8080,
        "connect": { "sidecar_service": { "port": 21000, "proxy": { "upstreams": [
            { "destination_name": "echo", "datacenter": "dc2", "local_bind_port": 5000, "mesh_gateway": { "mode": mode } }
        ] } } }
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dc1_client_reaches_dc2_through_local_then_remote_gateways_and_mode_none_is_reported_unreachable() {
    if !have_envoy("to run gateways and sidecars") {
        return;
    }
    let Some(mut f) = Federation::build("to isolate datacenters in network namespaces", &[1, 1], 1) else {
        return;
    };
    let client = f.topo.host("c1");
    f.topo.attach(client, f.dcs[0].net, &format!("{CLIENT_IP}/24"));
    f.topo.attach(client, f.wan, &format!("{CLIENT_WAN}/16"));
    f.start_all();
    let dir = f.pki.dir.path().to_owned();
    let (dc1_http, dc2_http) = (format!("{}:8500", f.dcs[0].servers[0].ip), format!("{}:8500", f.dcs[1].servers[0].ip));
    let (dc1_server, dc2_server) = (f.dcs[0].servers[0].host, f.dcs[1].servers[0].host);
    let (gw1, gw2) = (f.dcs[0].gateways[0].host, f.dcs[1].gateways[0].host);

    // The isolation this test relies on: neither dc1's server nor the client has a route to dc2's network.
    for host in [dc1_server, client] {
        let route = f.topo.ns(host).command("ip").args(["route", "get", "10.2.0.10"]).output().unwrap();
        assert!(!route.status.success(), "no route from dc1 to dc2's network");
    }
    eventually_with(
        "dc2 has the trust domain",
        || f.logs(),
        async || f.api(1, 0, "/v1/connect/ca/roots")["TrustDomain"].as_str().is_some_and(|t| !t.is_empty()),
    )
    .await;
    let td = f.api(0, 0, "/v1/connect/ca/roots")["TrustDomain"].as_str().unwrap().to_owned();

    // echo in dc2, on dc2's server host.
    let _echo_app = echo(f.topo.ns(dc2_server), &dir, "127.0.0.1:9090", "echo in dc2");
    let definition = json!({ "name": "echo", "port": 9090, "connect": { "sidecar_service": { "port": 21000 } } });
    register(f.topo.ns(dc2_server), &dir, &dc2_http, "echo", &definition);
    let echo_sidecar = sidecar(f.topo.ns(dc2_server), &dir, &dc2_http, "echo", ECHO_ADMIN);

    // web in dc1 with its upstream through dc1's gateway (mode local), allowed to call echo
    // (ACLs deny by default, so intentions do too).
    let allowed = f.cli(0, 0, &["intention", "create", "-allow", "web", "echo"]);
    assert_eq!(allowed.code, 0, "{allowed:?}");
    register(f.topo.ns(dc1_server), &dir, &dc1_http, "web", &web("local"));
    let web_sidecar = sidecar(f.topo.ns(client), &dir, &dc1_http, "web", WEB_ADMIN);
    let context = |f: &Federation, procs: &[&InNs]| {
        let mut out = f.logs();
        for p in procs {
            out += &format!("--- {}:\n{}\n", p.log.display(), p.tail());
        }
        out
    };
    let answer = |f: &Federation| f.topo.ns(client).curl("http://127.0.0.1:5000/local");
    eventually_with(
        "web's upstream answered by echo in dc2 (local)",
        || context(&f, &[&web_sidecar, &echo_sidecar]),
        async || answer(&f).starts_with("echo in dc2"),
    )
    .await;

    // The reference's assertions for `case-gateways-local`.
    let upstream = endpoints(f.topo.ns(client), WEB_ADMIN, "c225dc1c~echo.default.dc2");
    assert_eq!(count(&upstream, "HEALTHY"), 1, "web's upstream: dc1's gateway, healthy: {upstream:?}");
    assert_eq!(upstream[0].0, "10.1.0.1:8443", "mode local dials dc1's gateway at its LAN address");
    // dc2's gateway is healthy in dc1's Envoy once its first check has passed and dc1's copy
    // of dc2's federation state says so.
    let remote = || endpoints(f.topo.ns(gw1), GATEWAY_ADMIN, &format!("dc2.internal.{td}"));
    eventually_with(
        "dc1's gateway routes dc2's services to dc2's gateway, healthy",
        || format!("{:?}\n{}", remote(), f.logs()),
        async || count(&remote(), "HEALTHY") == 1,
    )
    .await;
    let local = endpoints(f.topo.ns(gw2), GATEWAY_ADMIN, &format!("echo.default.dc2.internal.{td}"));
    assert_eq!(count(&local, "HEALTHY"), 1, "dc2's gateway routes echo to its sidecar: {local:?}");
    assert!(connections(f.topo.ns(client), WEB_ADMIN, "c225dc1c~echo.default.dc2") >= 1);
    let through_gw1 = connections(f.topo.ns(gw1), GATEWAY_ADMIN, &format!("dc2.internal.{td}"));
    assert!(through_gw1 >= 1, "dc1's gateway carried the request");
    let through_gw2 = connections(f.topo.ns(gw2), GATEWAY_ADMIN, &format!("echo.default.dc2.internal.{td}"));
    assert!(through_gw2 >= 1, "dc2's gateway carried the request");
    // echo presents its dc2 identity (the gateways never decrypt: the TLS is echo's sidecar's).
    let s_client = f
        .topo
        .ns(dc2_server)
        .command("sh")
        .args(["-c", "openssl s_client -connect 10.2.0.10:21000 </dev/null 2>/dev/null | openssl x509 -noout -ext subjectAltName"])
        .output()
        .unwrap();
    let sans = String::from_utf8_lossy(&s_client.stdout);
    assert!(sans.contains(&format!("URI:spiffe://{td}/ns/default/dc/dc2/svc/echo")), "{sans}");
    let debug = f.cli(0, 0, &["debug", "proxy", "web-sidecar-proxy"]);
    assert!(debug.stdout.contains("local (from upstream)"), "{}", debug.stdout);
    // dc1 sees what dc2's gateways expose: echo, with its one healthy instance.
    let gateways = f.cli(0, 0, &["debug", "gateways", "-services", "-format=json"]);
    let routes: Value = serde_json::from_str(&gateways.stdout).unwrap();
    let echo_routes = &routes["Routes"]["dc2"]["Services"]["echo"];
    assert_eq!(echo_routes.as_array().map(Vec::len), Some(1), "{}", gateways.stdout);
    let table = f.cli(0, 0, &["debug", "gateways", "-services"]).stdout;
    assert!(table.contains(&format!("echo.default.dc2.internal.{td}")) && table.contains("10.99.2.1:8443"), "{table}");

    // Mode remote: the client dials dc2's gateway at its WAN address; dc1's gateway is not used.
    register(f.topo.ns(dc1_server), &dir, &dc1_http, "web", &web("remote"));
    eventually_with(
        "web's upstream moves to dc2's gateway (remote)",
        || context(&f, &[&web_sidecar]),
        async || {
            let e = endpoints(f.topo.ns(client), WEB_ADMIN, "dd412229~echo.default.dc2");
            count(&e, "HEALTHY") == 1 && e[0].0 == "10.99.2.1:8443"
        },
    )
    .await;
    let before = connections(f.topo.ns(gw1), GATEWAY_ADMIN, &format!("dc2.internal.{td}"));
    let at_gw2 = connections(f.topo.ns(gw2), GATEWAY_ADMIN, &format!("echo.default.dc2.internal.{td}"));
    let body = f.topo.ns(client).curl("http://127.0.0.1:5000/remote");
    assert!(body.starts_with("echo in dc2: GET /remote"), "{body}");
    assert_eq!(
        connections(f.topo.ns(gw1), GATEWAY_ADMIN, &format!("dc2.internal.{td}")),
        before,
        "dc1's gateway unused"
    );
    assert!(connections(f.topo.ns(gw2), GATEWAY_ADMIN, &format!("echo.default.dc2.internal.{td}")) > at_gw2);

    // Mode none: echo's sidecar at dc2's address, which dc1 has no route to; said by debug proxy.
    register(f.topo.ns(dc1_server), &dir, &dc1_http, "web", &web("none"));
    eventually_with(
        "web's upstream dials echo directly (none)",
        || context(&f, &[&web_sidecar]),
        async || {
            // `none` over no configured mode customises the chain, as in the reference (§4.7).
            let e = endpoints(f.topo.ns(client), WEB_ADMIN, "fc9afadf~echo.default.dc2");
            e.len() == 1 && e[0].0 == "10.2.0.10:21000"
        },
    )
    .await;
    assert_eq!(f.topo.ns(client).curl("http://127.0.0.1:5000/none"), "", "no route to dc2's sidecar");
    let debug = f.cli(0, 0, &["debug", "proxy", "web-sidecar-proxy", "-format=json"]);
    let target = &serde_json::from_str::<Value>(&debug.stdout).unwrap()["web-sidecar-proxy"]["Upstreams"]["echo?dc=dc2"]
        ["Targets"][0];
    assert_eq!((&target["MeshGateway"], &target["MeshGatewayFrom"]), (&json!("none"), &json!("upstream")), "{target}");
    assert!(target["Warning"].as_str().is_some_and(|w| w.contains("mode none dials dc2's instances")), "{target}");

    // A target that cannot be read is reported as such (debug proxy, metrics), not as an
    // upstream with no healthy instance.
    let mut to_dc9 = web("none");
    to_dc9["connect"]["sidecar_service"]["proxy"]["upstreams"][0]["datacenter"] = json!("dc9");
    register(f.topo.ns(dc1_server), &dir, &dc1_http, "web", &to_dc9);
    eventually_with(
        "the failed read of dc9 is reported",
        || context(&f, &[&web_sidecar]),
        async || {
            let debug = f.cli(0, 0, &["debug", "proxy", "web-sidecar-proxy", "-format=json"]);
            let Ok(v) = serde_json::from_str::<Value>(&debug.stdout) else { return false };
            let target = &v["web-sidecar-proxy"]["Upstreams"]["echo?dc=dc9"]["Targets"][0];
            target["ReadError"].as_str().is_some_and(|e| e.contains("dc9"))
        },
    )
    .await;
    let metrics = f.api(0, 0, "/v1/agent/metrics");
    let gauge =
        metrics["Gauges"].as_array().unwrap().iter().find(|g| g["Name"] == "fedctl.connect.upstream_targets_failing");
    assert_eq!(gauge.map(|g| g["Value"].clone()), Some(json!(1.0)), "{metrics}");
    let table = f.cli(0, 0, &["debug", "proxy", "web-sidecar-proxy"]).stdout;
    assert!(table.contains("READ FAILED"), "{table}");
}
