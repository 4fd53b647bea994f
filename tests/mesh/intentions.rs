//! Intentions enforced by the destination's sidecar across datacenters federated through
//! mesh gateways, in network namespaces with real Envoy: an intention written in the primary
//! closes a dc2 client's connection at dc1's echo before echo sees it, and opens it again,
//! with no restart; `* => echo (deny)` plus `web => echo (allow)` written in the secondary
//! hold in both datacenters; with the primary down the secondary keeps enforcing them.

use serde_json::{Value, json};

use crate::support::eventually_with;
use crate::support::gateway::have_envoy;
use crate::support::mesh_ns::{InNs, echo, register, sidecar};
use crate::support::netns::Ns;
use crate::support::wanfed::Federation;

const ECHO1_ADMIN: u16 = 19002;
const ECHO2_ADMIN: u16 = 19003;
const WEB_ADMIN: u16 = 19004;
const API_ADMIN: u16 = 19005;

/// A client service in dc2 with upstreams to echo in dc1 (through the gateways) and in dc2.
fn client(name: &str, port: u16, to_dc1: u16, to_dc2: u16) -> Value {
    json!({
        "name": name,
        "port": 8080,
        "connect": { "sidecar_service": { "port": port, "proxy": { "upstreams": [
            { "destination_name": "echo", "datacenter": "dc1", "local_bind_port": to_dc1, "mesh_gateway": { "mode": "local" } },
            { "destination_name": "echo", "local_bind_port": to_dc2 }
        ] } } }
    })
}

/// The number of connections the echo app on 127.0.0.1:9090 of `ns` has accepted, this
/// question's included (its `X-Echo-Connection`).
fn echo_connections(ns: &Ns) -> u64 {
    let out = ns.command("curl").args(["-s", "-i", "--max-time", "5", "http://127.0.0.1:9090/count"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines()
        .find_map(|l| l.strip_prefix("X-Echo-Connection: "))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("echo's answer has its connection number: {text:?}"))
}

/// The connections the RBAC filter of the Envoy whose admin is on 127.0.0.1:`admin` denied.
fn denied(ns: &Ns, admin: u16) -> u64 {
    let stats = ns.curl(&format!("http://127.0.0.1:{admin}/stats?filter=connect_authz"));
    stats
        .lines()
        .find_map(|l| l.strip_prefix("connect_authz.rbac.denied: "))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("the RBAC filter's denied count: {stats}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn intentions_written_anywhere_are_enforced_at_the_destination_in_every_datacenter_and_survive_the_primary() {
    if !have_envoy("to run gateways and sidecars") {
        return;
    }
    let Some(mut f) = Federation::build("to isolate datacenters in network namespaces", &[1, 1], 1) else {
        return;
    };
    f.start_all();
    let dir = f.pki.dir.path().to_owned();
    let (dc1_http, dc2_http) = (format!("{}:8500", f.dcs[0].servers[0].ip), format!("{}:8500", f.dcs[1].servers[0].ip));
    let (dc1_host, dc2_host) = (f.dcs[0].servers[0].host, f.dcs[1].servers[0].host);
    eventually_with(
        "dc2 has the trust domain",
        || f.logs(),
        async || f.api(1, 0, "/v1/connect/ca/roots")["TrustDomain"].as_str().is_some_and(|t| !t.is_empty()),
    )
    .await;

    // echo in both datacenters; web and api in dc2, each with an upstream to either echo.
    let echo_definition = json!({ "name": "echo", "port": 9090, "connect": { "sidecar_service": { "port": 21000 } } });
    let _echo1 = echo(f.topo.ns(dc1_host), &dir, "127.0.0.1:9090", "echo in dc1");
    register(f.topo.ns(dc1_host), &dir, &dc1_http, "echo", &echo_definition);
    let echo1_sidecar = sidecar(f.topo.ns(dc1_host), &dir, &dc1_http, "echo", ECHO1_ADMIN);
    let _echo2 = echo(f.topo.ns(dc2_host), &dir, "127.0.0.1:9090", "echo in dc2");
    register(f.topo.ns(dc2_host), &dir, &dc2_http, "echo", &echo_definition);
    let echo2_sidecar = sidecar(f.topo.ns(dc2_host), &dir, &dc2_http, "echo", ECHO2_ADMIN);
    register(f.topo.ns(dc2_host), &dir, &dc2_http, "web", &client("web", 21001, 5000, 5100));
    let web_sidecar = sidecar(f.topo.ns(dc2_host), &dir, &dc2_http, "web", WEB_ADMIN);
    register(f.topo.ns(dc2_host), &dir, &dc2_http, "api", &client("api", 21002, 5001, 5101));
    let api_sidecar = sidecar(f.topo.ns(dc2_host), &dir, &dc2_http, "api", API_ADMIN);
    let procs = [&echo1_sidecar, &echo2_sidecar, &web_sidecar, &api_sidecar];
    let context = |f: &Federation, procs: &[&InNs]| {
        let mut out = f.logs();
        for p in procs {
            out += &format!("--- {}:\n{}\n", p.log.display(), p.tail());
        }
        out
    };
    // What a client in dc2 gets from its upstream on `port` (empty when refused).
    let call = |f: &Federation, port: u16| f.topo.ns(dc2_host).curl(&format!("http://127.0.0.1:{port}/"));
    // ACLs deny by default, so intentions do too; `* => *` allowed in the primary lets every
    // call through.
    let check = f.cli(1, 0, &["intention", "check", "web", "echo"]);
    assert_eq!((check.code, check.stdout.trim()), (1, "Denied"), "no intentions yet: {}", check.stderr);
    let everyone = f.cli(0, 0, &["intention", "create", "-allow", "*", "*"]);
    assert_eq!((everyone.code, everyone.stdout.trim()), (0, "Created: * => * (allow)"), "{}", everyone.stderr);
    for (port, answer) in [(5000, "echo in dc1"), (5001, "echo in dc1"), (5100, "echo in dc2"), (5101, "echo in dc2")] {
        eventually_with(
            &format!("127.0.0.1:{port} in dc2 answered by {answer} (* => * allowed)"),
            || context(&f, &procs),
            async || call(&f, port).starts_with(answer),
        )
        .await;
    }

    // Deny web => echo in the primary: web in dc2 is refused at echo's sidecar in dc1 before
    // echo sees a byte; api is not.
    let created = f.cli(0, 0, &["intention", "create", "-deny", "web", "echo"]);
    assert_eq!((created.code, created.stdout.trim()), (0, "Created: web => echo (deny)"), "{}", created.stderr);
    eventually_with("web refused at echo in dc1", || context(&f, &procs), async || call(&f, 5000).is_empty()).await;
    let before = echo_connections(f.topo.ns(dc1_host));
    let denied_before = denied(f.topo.ns(dc1_host), ECHO1_ADMIN);
    assert!(denied_before >= 1, "echo's sidecar counted the refusal");
    for _ in 0..3 {
        assert_eq!(call(&f, 5000), "", "web stays refused");
    }
    assert_eq!(echo_connections(f.topo.ns(dc1_host)), before + 1, "none of web's connections reached echo");
    assert_eq!(denied(f.topo.ns(dc1_host), ECHO1_ADMIN), denied_before + 3, "each was refused by the RBAC filter");
    assert!(call(&f, 5001).starts_with("echo in dc1"), "api is still allowed");
    // Where it was refused, and by which intention: `debug proxy` at echo's agent, and the metric.
    let debug = f.cli(0, 0, &["debug", "proxy", "echo-sidecar-proxy", "-source", "web", "-format=json"]);
    let shown: Value = serde_json::from_str(&debug.stdout).unwrap_or(Value::Null);
    let at_echo = &shown["echo-sidecar-proxy"]["Intentions"];
    assert_eq!(at_echo["Decision"]["Allowed"], false, "{}", debug.stdout);
    assert_eq!(at_echo["Decision"]["Intention"], "web => echo (deny)", "{}", debug.stdout);
    assert!(at_echo["Counted"]["Denied"].as_u64() >= Some(4), "{}", debug.stdout);
    // Default deny: the RBAC rules list who is allowed, everyone but web.
    let enforced = &at_echo["Enforced"];
    assert_eq!(enforced["Action"], "allow", "{}", debug.stdout);
    assert_eq!(enforced["Principals"], json!([{ "Source": "*", "Except": ["web"] }]), "{}", debug.stdout);
    let table = f.cli(0, 0, &["debug", "proxy", "echo-sidecar-proxy", "-source", "web"]).stdout;
    assert!(
        table.contains("web => echo (deny)") && table.contains("default: deny (Default behavior configured by ACLs)"),
        "{table}"
    );
    assert!(
        table.contains("echo-sidecar-proxy: web is denied: Matched intention: DENY default/web => default/echo"),
        "{table}"
    );
    let metrics = f.api(0, 0, "/v1/agent/metrics");
    let gauge =
        metrics["Gauges"].as_array().into_iter().flatten().find(|g| g["Name"] == "fedctl.connect.intentions.denied");
    assert!(gauge.is_some_and(|g| g["Value"].as_f64() >= Some(4.0)), "{metrics}");
    let check = f.cli(1, 0, &["intention", "check", "web", "echo"]);
    assert_eq!((check.code, check.stdout.trim()), (1, "Denied"), "replicated to dc2: {}", check.stderr);

    // Allow it: the same call succeeds, nothing restarted.
    let replaced = f.cli(0, 0, &["intention", "create", "-allow", "-replace", "web", "echo"]);
    assert_eq!(replaced.code, 0, "{}", replaced.stderr);
    eventually_with(
        "web allowed again at echo in dc1",
        || context(&f, &procs),
        async || call(&f, 5000).starts_with("echo in dc1"),
    )
    .await;
    let deleted = f.cli(0, 0, &["intention", "delete", "web", "echo"]);
    assert_eq!((deleted.code, deleted.stdout.trim()), (0, "Intention deleted."), "{}", deleted.stderr);

    // Precedence, written in the secondary: `* => echo (deny)` and `web => echo (allow)`.
    for args in [["intention", "create", "-deny", "*", "echo"], ["intention", "create", "-allow", "web", "echo"]] {
        let run = f.cli(1, 0, &args);
        assert_eq!(run.code, 0, "{args:?} in dc2: {}", run.stderr);
    }
    let in_primary = f.cli(0, 0, &["intention", "match", "echo"]);
    assert_eq!(
        in_primary.stdout, "web => echo (allow)\n* => echo (deny)\n* => * (allow)\n",
        "stored in the primary, in precedence order"
    );
    for (port, answer) in [(5001, ""), (5101, "")] {
        eventually_with(
            &format!("api refused on 127.0.0.1:{port} (the wildcard deny)"),
            || context(&f, &procs),
            async || call(&f, port) == answer,
        )
        .await;
    }
    assert!(call(&f, 5000).starts_with("echo in dc1"), "web allowed in dc1 (exact beats wildcard)");
    assert!(call(&f, 5100).starts_with("echo in dc2"), "web allowed in dc2 (exact beats wildcard)");
    let check = f.cli(0, 0, &["intention", "check", "api", "echo"]);
    assert_eq!((check.code, check.stdout.trim()), (1, "Denied"), "{}", check.stderr);
    let check = f.cli(0, 0, &["intention", "check", "web", "echo"]);
    assert_eq!((check.code, check.stdout.trim()), (0, "Allowed"), "{}", check.stderr);
    let denied_dc2 = denied(f.topo.ns(dc2_host), ECHO2_ADMIN);
    assert!(denied_dc2 >= 1, "dc2's echo sidecar refused api");

    // The primary goes away: dc2 keeps enforcing what it replicated.
    f.dcs[0].servers[0].process.take().unwrap().kill9();
    f.stop_gateway(0, 0);
    for _ in 0..3 {
        assert_eq!(call(&f, 5101), "", "api still refused in dc2 without the primary");
        assert!(call(&f, 5100).starts_with("echo in dc2"), "web still allowed in dc2 without the primary");
    }
    assert_eq!(denied(f.topo.ns(dc2_host), ECHO2_ADMIN), denied_dc2 + 3, "refused by dc2's echo sidecar");
    let check = f.cli(1, 0, &["intention", "check", "api", "echo"]);
    assert_eq!((check.code, check.stdout.trim()), (1, "Denied"), "dc2 answers from its copy: {}", check.stderr);
    // A write needs the primary: refused with a reason, and nothing changes.
    let write = f.cli(1, 0, &["intention", "create", "-allow", "api", "echo"]);
    assert_ne!(write.code, 0, "no primary to write to: {}", write.stdout);
    assert!(write.stderr.contains("Error creating intention \"api => echo (allow)\""), "{}", write.stderr);
    assert_eq!(
        f.cli(1, 0, &["intention", "match", "echo"]).stdout,
        "web => echo (allow)\n* => echo (deny)\n* => * (allow)\n"
    );
}
