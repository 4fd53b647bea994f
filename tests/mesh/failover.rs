//! Failover to other datacenters by a `service-resolver` (Consul 1.8's
//! `case-cfg-resolver-dc-failover-gateways-none` and `-remote`), in three isolated
//! datacenters with real Envoy, the config entries written in secondaries and replicated
//! everywhere; and beyond the reference, failover when the failover datacenter's gateway is cut.
//!
//! The client host of dc1 sits on dc1's network, the WAN and dc2's network (a flat network to
//! dc2, which mode `none` needs), never on dc3's.

use serde_json::{Value, json};

use crate::support::eventually_with;
use crate::support::gateway::have_envoy;
use crate::support::mesh_ns::{InNs, connections, count, echo, endpoints, register, sidecar};
use crate::support::wanfed::Federation;

const WEB_ADMIN: u16 = 19001;
const ECHO_ADMIN: u16 = 19002;
const GATEWAY_ADMIN: u16 = 19000;

/// A config entry written with `fedctl config write` on server 0 of `dc`.
fn write_entry(f: &Federation, dc: usize, name: &str, entry: &Value) {
    let file = f.pki.dir.path().join(format!("{name}.json"));
    std::fs::write(&file, entry.to_string()).unwrap();
    let run = f.cli(dc, 0, &["config", "write", file.to_str().unwrap()]);
    assert_eq!(run.code, 0, "config write {name} in dc{}: {}", dc + 1, run.stderr);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_resolver_fails_over_direct_then_through_gateways_and_past_a_cut_gateway() {
    if !have_envoy("to run gateways and sidecars") {
        return;
    }
    let Some(mut f) = Federation::build("to isolate datacenters in network namespaces", &[1, 1, 1], 1) else {
        return;
    };
    let client = f.topo.host("c1");
    f.topo.attach(client, f.dcs[0].net, "10.1.0.50/24");
    f.topo.attach(client, f.wan, "10.99.1.50/16");
    f.topo.attach(client, f.dcs[1].net, "10.2.0.50/24");
    f.start_all();
    let dir = f.pki.dir.path().to_owned();
    let http = |dc: usize| format!("{}:8500", f.dcs[dc].servers[0].ip);
    eventually_with(
        "dc3 has the trust domain",
        || f.logs(),
        async || f.api(2, 0, "/v1/connect/ca/roots")["TrustDomain"].as_str().is_some_and(|t| !t.is_empty()),
    )
    .await;
    let td = f.api(0, 0, "/v1/connect/ca/roots")["TrustDomain"].as_str().unwrap().to_owned();

    // echo in every datacenter, its check on the app every second; the sidecar's alias check
    // follows it.
    let mut apps = Vec::new();
    let mut sidecars: Vec<InNs> = Vec::new();
    for dc in 0..3 {
        let host = f.topo.ns(f.dcs[dc].servers[0].host);
        apps.push(echo(host, &dir, "127.0.0.1:9090", &format!("echo in dc{}", dc + 1)));
        let definition = json!({
            "name": "echo", "port": 9090,
            "check": { "tcp": "127.0.0.1:9090", "interval": "1s" },
            "connect": { "sidecar_service": { "port": 21000 } }
        });
        register(host, &dir, &http(dc), &format!("echo-dc{}", dc + 1), &definition);
        sidecars.push(sidecar(host, &dir, &http(dc), "echo", ECHO_ADMIN));
    }
    // Failover to dc2 then dc3, dialling instances directly; written in dc3, a secondary.
    let resolver = json!({ "Kind": "service-resolver", "Name": "echo",
        "Failover": { "*": { "Datacenters": ["dc2", "dc3"] } } });
    write_entry(&f, 2, "resolver", &resolver);
    let direct = json!({ "kind": "service-defaults", "name": "echo", "mesh_gateway": { "mode": "none" } });
    write_entry(&f, 2, "defaults", &direct);
    for dc in 0..3 {
        eventually_with(
            "the resolver is replicated",
            || f.logs(),
            async || f.cli(dc, 0, &["config", "read", "-kind", "service-resolver", "-name", "echo"]).code == 0,
        )
        .await;
    }

    // ACLs deny by default, so intentions do too: web may call echo.
    let allowed = f.cli(0, 0, &["intention", "create", "-allow", "web", "echo"]);
    assert_eq!(allowed.code, 0, "{allowed:?}");
    let web = json!({ "name": "web", "address": "10.1.0.50", "port": 8080, "connect": { "sidecar_service": {
        "port": 21000, "proxy": { "upstreams": [{ "destination_name": "echo", "local_bind_port": 5000 }] } } } });
    register(f.topo.ns(f.dcs[0].servers[0].host), &dir, &http(0), "web", &web);
    let web_sidecar = sidecar(f.topo.ns(client), &dir, &http(0), "web", WEB_ADMIN);
    let logs = |f: &Federation| format!("{}\n--- web sidecar:\n{}", f.logs(), web_sidecar.tail());
    let answer = |f: &Federation| f.topo.ns(client).curl("http://127.0.0.1:5000/");
    let cluster = "echo.default.dc1";

    // Mode none: one priority per datacenter, the primary's name on the cluster (no prefix).
    eventually_with(
        "three healthy priorities, answered in dc1",
        || logs(&f),
        async || {
            count(&endpoints(f.topo.ns(client), WEB_ADMIN, cluster), "HEALTHY") == 3
                && answer(&f).starts_with("echo in dc1")
        },
    )
    .await;
    apps[0].stop();
    eventually_with(
        "dc1's echo is down: answered by dc2 directly",
        || logs(&f),
        async || {
            let e = endpoints(f.topo.ns(client), WEB_ADMIN, cluster);
            count(&e, "HEALTHY") == 2 && count(&e, "UNHEALTHY") == 1 && answer(&f).starts_with("echo in dc2")
        },
    )
    .await;
    let via_gw2 = |f: &Federation| {
        connections(f.topo.ns(f.dcs[1].gateways[0].host), GATEWAY_ADMIN, &format!("echo.default.dc2.internal.{td}"))
    };
    let gw2_echo =
        endpoints(f.topo.ns(f.dcs[1].gateways[0].host), GATEWAY_ADMIN, &format!("echo.default.dc2.internal.{td}"));
    assert_eq!(gw2_echo.len(), 1, "dc2's gateway routes echo: {gw2_echo:?}");
    assert_eq!(via_gw2(&f), 0, "mode none never used dc2's gateway");

    // Mode remote (written in dc2): the cluster carries one target, the first healthy one, at
    // its datacenter's gateway; the name stays the primary's.
    let remote = json!({ "kind": "service-defaults", "name": "echo", "mesh_gateway": { "mode": "remote" } });
    write_entry(&f, 1, "defaults-remote", &remote);
    eventually_with(
        "answered by dc2 through its gateway",
        || logs(&f),
        async || {
            let e = endpoints(f.topo.ns(client), WEB_ADMIN, cluster);
            e == [("10.99.2.1:8443".to_owned(), "HEALTHY".to_owned())] && answer(&f).starts_with("echo in dc2")
        },
    )
    .await;
    assert!(via_gw2(&f) >= 1, "dc2's gateway carried the request");

    // dc2's gateway cut: the read of dc2 through it fails, and dc3 takes over.
    f.stop_gateway(1, 0);
    eventually_with(
        "dc2's gateway is gone: answered by dc3 through its gateway",
        || logs(&f),
        async || {
            let e = endpoints(f.topo.ns(client), WEB_ADMIN, cluster);
            e == [("10.99.3.1:8443".to_owned(), "HEALTHY".to_owned())] && answer(&f).starts_with("echo in dc3")
        },
    )
    .await;
    let debug = f.cli(0, 0, &["debug", "proxy", "web-sidecar-proxy", "-format=json"]);
    let targets =
        serde_json::from_str::<Value>(&debug.stdout).unwrap()["web-sidecar-proxy"]["Upstreams"]["echo"]["Targets"]
            .clone();
    let shown: Vec<(&str, &str)> = targets
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["Datacenter"].as_str().unwrap(), t["MeshGatewayFrom"].as_str().unwrap()))
        .collect();
    assert_eq!(shown, [("dc1", "same datacenter"), ("dc2", "service-defaults"), ("dc3", "service-defaults")]);
    assert!(targets[1]["ReadError"].is_string(), "dc2's read failure is shown: {targets}");

    // Deleting the entries (from dc1) restores the defaults everywhere: echo in dc1 only.
    f.start_gateway(1, 0);
    apps[0] = echo(f.topo.ns(f.dcs[0].servers[0].host), &dir, "127.0.0.1:9090", "echo in dc1");
    for kind in ["service-resolver", "service-defaults"] {
        let run = f.cli(0, 0, &["config", "delete", "-kind", kind, "-name", "echo"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    for dc in 0..3 {
        eventually_with(
            "the deletes are replicated",
            || f.logs(),
            async || f.cli(dc, 0, &["config", "list", "-kind", "service-resolver"]).stdout.trim().is_empty(),
        )
        .await;
    }
    eventually_with(
        "back to dc1's echo alone",
        || logs(&f),
        async || {
            let e = endpoints(f.topo.ns(client), WEB_ADMIN, cluster);
            e == [("10.1.0.10:21000".to_owned(), "HEALTHY".to_owned())] && answer(&f).starts_with("echo in dc1")
        },
    )
    .await;
}
