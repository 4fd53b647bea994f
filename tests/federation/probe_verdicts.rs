//! `fedctl debug gateways -probe` with two datacenters, each in isolated network namespaces
//! with one real Envoy gateway: the topology of the guide and the default lab, where there is
//! no third datacenter to compare with. Each side's gateway is killed in turn, then dc1's
//! server: both sides must name the hop that is really broken, measured, and say what to do.

use serde_json::Value;

use crate::support::eventually_with;
use crate::support::gateway::have_envoy;
use crate::support::wanfed::Federation;

fn probe(f: &Federation, dc: usize) -> (i32, Value) {
    let run = f.cli(dc, 0, &["debug", "gateways", "-probe", "-tries", "1", "-format=json"]);
    (run.code, serde_json::from_str(&run.stdout).unwrap_or(Value::Null))
}

/// The verdict server 0 of `dc` gives for `other`, once unreachable: `(Hop, BrokenHop, Next)`.
async fn verdict(f: &Federation, dc: usize, other: &str) -> (String, String, String) {
    let last = std::cell::RefCell::new(Value::Null);
    eventually_with(
        &format!("dc{} finds {other} unreachable", dc + 1),
        || format!("{:#}\n{}", last.borrow(), f.logs()),
        async || {
            let (code, report) = probe(f, dc);
            *last.borrow_mut() = report;
            code == 3
        },
    )
    .await;
    let last = last.into_inner();
    let v = &last["Probe"]["Verdicts"][other];
    assert_eq!(v["Reachable"], false, "{last:#}");
    let s = |k: &str| v[k].as_str().unwrap_or_default().to_owned();
    (s("Hop"), s("BrokenHop"), s("Next"))
}

/// Every gateway server 0 of `dc` knows of (its own, the others' from federation states) is
/// healthy, and it knows one of each other datacenter's.
fn all_gateways_healthy(f: &Federation, dc: usize) -> bool {
    let run = f.cli(dc, 0, &["debug", "gateways", "-format=json"]);
    let status = serde_json::from_str::<Value>(&run.stdout).unwrap_or(Value::Null)["Status"].clone();
    let healthy =
        |list: &Value| list.as_array().is_some_and(|l| !l.is_empty() && l.iter().all(|c| c["Healthy"] == true));
    healthy(&status["Local"]) && status["Remote"].as_object().is_some_and(|r| !r.is_empty() && r.values().all(healthy))
}

/// Both sides know the other datacenter and reach it, and see every gateway healthy (each
/// gateway's first check has passed and reached the other side's federation state).
async fn all_reachable(f: &Federation) {
    eventually_with(
        "both datacenters see every gateway healthy",
        || f.logs(),
        async || all_gateways_healthy(f, 0) && all_gateways_healthy(f, 1),
    )
    .await;
    let reaches = |dc: usize, other: &str| {
        let (code, report) = probe(f, dc);
        code == 0 && report["Probe"]["Verdicts"][other]["Reachable"] == true
    };
    eventually_with("both datacenters reach each other", || f.logs(), async || reaches(0, "dc2") && reaches(1, "dc1"))
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_two_datacenters_the_probe_names_the_gateway_that_is_down_from_both_sides() {
    if !have_envoy("to run mesh gateways") {
        return;
    }
    let Some(mut f) = Federation::build("to isolate datacenters in network namespaces", &[1, 1], 1) else {
        return;
    };
    f.start_all();
    all_reachable(&f).await;
    let (_, healthy) = probe(&f, 1);
    let checks = healthy["Probe"]["Gateways"].as_array().unwrap();
    for (dc, gateway, via) in [("dc2", "10.2.0.1:8443", "local"), ("dc1", "10.2.0.1:8443", "local")] {
        let check = checks.iter().find(|c| c["Datacenter"] == dc && c["Gateway"] == gateway && c["Via"] == via);
        let check = check.unwrap_or_else(|| panic!("{dc} asked at {gateway}: {healthy:#}"));
        assert_eq!(check["AnsweredBy"]["Datacenter"], dc, "the gateway answers as itself: {check:#}");
    }
    // A datacenter nothing knows has no path: it is not sent through the gateways.
    let run = f.cli(0, 0, &["kv", "get", "-datacenter", "dc9", "x"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("No path to datacenter \"dc9\""), "{}", run.stderr);
    assert!(run.stderr.contains("`fedctl catalog datacenters` lists the datacenters known here"), "{}", run.stderr);
    // dc2's server also reaches dc1's gateway directly (its route to the primary's gateways,
    // needed before its own gateway is registered); dc1's server has no route to dc2's
    // gateway, and says so.
    let direct = checks.iter().find(|c| c["Via"] == "direct").expect("the direct question");
    assert_eq!(direct["AnsweredBy"]["Datacenter"], "dc1", "{direct:#}");
    let (_, from_dc1) = probe(&f, 0);
    let direct = from_dc1["Probe"]["Gateways"].as_array().unwrap().iter().find(|c| c["Via"] == "direct").cloned();
    let direct = direct.expect("dc1's direct question");
    assert!(direct["Error"].as_str().unwrap_or_default().contains("unreachable"), "{direct:#}");

    // dc1's gateway Envoy is killed.
    f.stop_gateway(0, 0);
    let (hop, broken, next) = verdict(&f, 0, "dc2").await;
    assert_eq!(hop, "local-gateway", "dc1 blames its own gateway: {broken}");
    assert!(broken.starts_with("local gateway 10.1.0.1:8443: down"), "{broken}");
    assert!(next.contains("fedctl connect envoy"), "{next}");
    let (hop, broken, next) = verdict(&f, 1, "dc1").await;
    assert_eq!(hop, "remote-gateway", "dc2 must not blame its healthy gateway: {broken}");
    assert!(broken.starts_with("dc1's gateway 10.99.1.1:8443: not answering"), "shown once: {broken}");
    assert!(next.contains("check dc1's gateway"), "{next}");
    // dc1 knows its gateway, critical: it says so rather than "no local gateway known".
    eventually_with(
        "dc1 sees its gateway critical",
        || f.cli(0, 0, &["debug", "gateways"]).stdout,
        async || f.cli(0, 0, &["debug", "gateways"]).stdout.contains("every local gateway is critical"),
    )
    .await;
    assert!(!f.cli(0, 0, &["debug", "gateways"]).stdout.contains("no local gateway known"));
    f.start_gateway(0, 0);
    all_reachable(&f).await;
    // The failures dialling dc2's gateway directly, while dc1's was down, are shown as old
    // once they no longer steer dialling, not as current. (A later successful dial of the
    // same gateway clears its record: on a busy machine that can happen before the table is
    // read, so no failure left is fine; a current one never is.)
    eventually_with(
        "dc1's dial failures are marked old",
        || f.cli(0, 0, &["debug", "gateways"]).stdout,
        async || {
            let table = f.cli(0, 0, &["debug", "gateways"]).stdout;
            let failures = table.matches(" failed, last ").count();
            table.matches(" ago (old): ").count() == failures
        },
    )
    .await;

    // dc2's gateway Envoy is killed: dc2 names its own gateway on the path through it, and
    // still reaches dc1 by dialling dc1's gateway directly; dc1 names dc2's gateway.
    f.stop_gateway(1, 0);
    let last = std::cell::RefCell::new(Value::Null);
    eventually_with(
        "dc2 names its gateway down and reaches dc1 directly",
        || format!("{:#}\n{}", last.borrow(), f.logs()),
        async || {
            let (_, report) = probe(&f, 1);
            *last.borrow_mut() = report;
            let report = last.borrow();
            let paths = report["Probe"]["Paths"].as_array().cloned().unwrap_or_default();
            let local_down = paths.iter().filter(|p| p["Via"] == "local").all(|p| {
                p["Hop"] == "local-gateway"
                    && p["BrokenHop"].as_str().is_some_and(|b| b.starts_with("local gateway 10.2.0.1:8443: down"))
            });
            let direct_ok = paths.iter().any(|p| p["Via"] == "direct" && p["Ok"] == true);
            local_down && direct_ok && report["Probe"]["Verdicts"]["dc1"]["Reachable"] == true
        },
    )
    .await;
    let run = f.cli(1, 0, &["kv", "put", "-datacenter", "dc1", "while-dc2s-gateway-is-down", "x"]);
    assert_eq!(run.code, 0, "{run:?}");
    let (hop, broken, _) = verdict(&f, 0, "dc2").await;
    assert_eq!(hop, "remote-gateway", "{broken}");
    assert!(broken.starts_with("dc2's gateway 10.99.2.1:8443"), "{broken}");
    let table = f.cli(0, 0, &["debug", "gateways", "-probe", "-tries", "1"]);
    assert_eq!(table.code, 3);
    assert!(
        table.stdout.contains("dc2: broken hop: dc2's gateway") && table.stdout.contains("dc2: next: "),
        "{}",
        table.stdout
    );
    f.start_gateway(1, 0);
    all_reachable(&f).await;

    // dc1's only server stops: its gateway still answers, so dc2 names dc1's servers.
    f.dcs[0].servers[0].process = None;
    let (hop, broken, next) = verdict(&f, 1, "dc1").await;
    assert_eq!(hop, "remote-servers", "{broken}");
    assert!(broken.starts_with("dc1's servers: dc1's gateway (service gw-0) answers"), "{broken}");
    assert!(next.contains("check dc1's servers"), "{next}");
}
