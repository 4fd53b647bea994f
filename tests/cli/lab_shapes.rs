//! `fedctl lab`: `-servers 2 -gateways 2` shapes and `-format=json` of `lab up` and
//! `lab status` (every key PascalCase); `lab status` exiting 3 once a lab process is gone; and a
//! foreground `lab up` that SIGINT stops and removes.

use super::lab::log_tails;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::{Arc, Mutex};

use serde_json::Value;

use crate::support::gateway::have_envoy;
use crate::support::{Run, eventually_with, fedctl_cmd, http_client, run_cmd, temp_dir};

/// `fedctl args...` with this test's temp dir as TMPDIR (where the detached lab's pointer
/// lives), off the async runtime.
async fn fedctl_in(tmp: &Path, args: &[&str]) -> Run {
    let tmp = tmp.to_owned();
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    tokio::task::spawn_blocking(move || run_cmd(fedctl_cmd(&tmp).args(&args).env("TMPDIR", &tmp))).await.unwrap()
}

/// Like [`fedctl_in`], talking to the agent at `http`.
async fn fedctl_at(tmp: &Path, http: &str, args: &[&str]) -> Run {
    let (tmp, http) = (tmp.to_owned(), http.to_owned());
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    tokio::task::spawn_blocking(move || {
        run_cmd(fedctl_cmd(&tmp).args(&args).env("TMPDIR", &tmp).env("FEDCTL_HTTP_ADDR", &http))
    })
    .await
    .unwrap()
}

/// Stops whatever is left of the lab in `lab` when the test ends, passed or failed, and kills
/// `up`, a foreground `lab up` not yet reaped.
struct Cleanup {
    tmp: PathBuf,
    lab: PathBuf,
    up: Option<u32>,
}

impl Drop for Cleanup {
    fn drop(&mut self) {
        if let Some(pid) = self.up.and_then(|p| rustix::process::Pid::from_raw(i32::try_from(p).ok()?)) {
            let _ = rustix::process::kill_process(pid, rustix::process::Signal::KILL);
        }
        if self.lab.join("lab.json").exists() {
            let _ =
                run_cmd(fedctl_cmd(&self.tmp).args(["lab", "down", "-dir"]).arg(&self.lab).env("TMPDIR", &self.tmp));
        }
    }
}

/// Every pid a lab's JSON records.
fn pids_of(lab: &Value) -> Vec<u32> {
    lab["Datacenters"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["Servers"].as_array().unwrap().iter().chain(d["Gateways"].as_array().unwrap()))
        .map(|p| u32::try_from(p["Pid"].as_u64().expect("a pid")).unwrap())
        .collect()
}

/// `(datacenter, servers, gateways)` of a lab's JSON.
fn shape(lab: &Value) -> Vec<(String, usize, usize)> {
    lab["Datacenters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["Name"].as_str().unwrap().to_owned(),
                d["Servers"].as_array().unwrap().len(),
                d["Gateways"].as_array().unwrap().len(),
            )
        })
        .collect()
}

/// Every object key in `value` that does not start with an uppercase letter, with where it is.
fn keys_not_pascal_case(value: &Value, at: &str, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                let here = format!("{at}.{key}");
                if !key.starts_with(|c: char| c.is_ascii_uppercase()) {
                    out.push(here.clone());
                }
                keys_not_pascal_case(v, &here, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                keys_not_pascal_case(v, &format!("{at}[{i}]"), out);
            }
        }
        _ => {}
    }
}

pub(super) fn assert_pascal_case(value: &Value, what: &str) {
    let mut wrong = Vec::new();
    keys_not_pascal_case(value, "", &mut wrong);
    assert!(wrong.is_empty(), "every key of {what} starts with a capital: {wrong:?}\n{value}");
}

fn kill9(pid: u32) {
    let pid = rustix::process::Pid::from_raw(i32::try_from(pid).unwrap()).unwrap();
    rustix::process::kill_process(pid, rustix::process::Signal::KILL).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_and_two_gateways_per_datacenter_then_status_exits_3_when_one_is_killed() {
    if !have_envoy("to run a lab") {
        return;
    }
    let tmp = temp_dir();
    let t = tmp.path();
    let lab = t.join("lab");
    let lab_arg = lab.display().to_string();
    let _cleanup = Cleanup { tmp: t.to_owned(), lab: lab.clone(), up: None };
    let up =
        fedctl_in(t, &["lab", "up", "-detach", "-servers", "2", "-gateways", "2", "-format=json", "-dir", &lab_arg])
            .await;
    assert_eq!(up.code, 0, "{up:?}\n{}", log_tails(&lab));

    // -format=json: stdout is one JSON document: the lab, when it federated, and each stage.
    let report: Value = serde_json::from_str(&up.stdout).unwrap_or_else(|e| panic!("stdout is JSON ({e}): {up:?}"));
    assert_pascal_case(&report, "`lab up -format=json`");
    let took = report["FederatedAfterSecs"].as_f64().expect("FederatedAfterSecs");
    assert!(took > 0.0, "{report}");
    let stages: Vec<(String, f64)> = report["Stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["Stage"].as_str().unwrap().to_owned(), s["AfterSecs"].as_f64().unwrap()))
        .collect();
    let names: Vec<&str> = stages.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["agents up", "leaders elected", "WAN members alive", "federation states complete", "cross-DC RPC working"]
    );
    assert!(stages.windows(2).all(|w| w[0].1 <= w[1].1), "stages pass in order: {stages:?}");
    assert!(stages.last().unwrap().1 <= took, "{stages:?} vs {took}");
    assert!(!up.stderr.contains("==> federated"), "no table text with -format=json: {}", up.stderr);
    assert!(up.stderr.contains("the lab keeps running in"), "{}", up.stderr);

    let recorded = &report["Lab"];
    assert_eq!(shape(recorded), [("dc1".to_owned(), 2, 2), ("dc2".to_owned(), 2, 2)], "{recorded}");
    let dcs = recorded["Datacenters"].as_array().unwrap();
    assert_eq!((dcs[0]["Primary"].clone(), dcs[1]["Primary"].clone()), (Value::Bool(true), Value::Bool(false)));
    for d in dcs {
        let name = d["Name"].as_str().unwrap();
        let nodes: Vec<&str> = d["Servers"].as_array().unwrap().iter().map(|s| s["Node"].as_str().unwrap()).collect();
        assert_eq!(nodes, [format!("{name}-s1"), format!("{name}-s2")]);
        let gateways: Vec<(&str, u64)> = d["Gateways"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| (g["ID"].as_str().unwrap(), g["Agent"].as_u64().unwrap()))
            .collect();
        assert_eq!(gateways, [(format!("{name}-gw1").as_str(), 0), (format!("{name}-gw2").as_str(), 1)]);
    }
    let pids = pids_of(recorded);
    assert_eq!(pids.len(), 8, "4 servers and 4 gateways");
    assert!(pids.iter().all(|p| fedctl::lab::alive(*p)), "{pids:?}");
    assert_eq!(
        serde_json::from_str::<Value>(&std::fs::read_to_string(lab.join("lab.json")).unwrap()).unwrap(),
        *recorded
    );

    // status -format=json (the detached lab found without -dir): the same lab, federated.
    let status = fedctl_in(t, &["lab", "status", "-format=json"]).await;
    assert_eq!(status.code, 0, "{status:?}");
    let json: Value = serde_json::from_str(&status.stdout).unwrap();
    assert_pascal_case(&json, "`lab status -format=json`");
    assert_eq!(json["Federated"], true, "{json}");
    assert_eq!(json["Problems"], serde_json::json!([]), "{json}");
    assert_eq!(shape(&json["Lab"]), shape(recorded));

    // The shape is real: two raft voters per datacenter, four servers in the WAN pool, two
    // gateways in every federation state.
    // With the lab's management token: ACLs are on, default deny.
    let token_file = recorded["Security"]["ManagementTokenFile"].as_str().expect("a secure lab").to_owned();
    let token = std::fs::read_to_string(&token_file).unwrap();
    let client = http_client();
    for d in dcs {
        let http = format!("127.0.0.1:{}", d["Servers"][0]["HTTP"]);
        let refused = fedctl_at(t, &http, &["operator", "raft", "list-peers"]).await;
        assert!(refused.code == 1 && refused.stderr.contains("Permission denied"), "anonymous: {refused:?}");
        let peers =
            fedctl_at(t, &http, &["operator", "raft", "list-peers", "-format=json", "-token-file", &token_file]).await;
        let peers: Value = serde_json::from_str(&peers.stdout).unwrap_or_else(|e| panic!("{e}: {peers:?}"));
        assert_eq!(peers["Servers"].as_array().unwrap().len(), 2, "{peers}");
        let wan = fedctl_at(t, &http, &["members", "-wan", "-format=json", "-token-file", &token_file]).await;
        let wan: Value = serde_json::from_str(&wan.stdout).unwrap_or_else(|e| panic!("{e}: {wan:?}"));
        let alive = wan.as_array().unwrap().iter().filter(|m| m["Status"] == 1).count();
        assert_eq!(alive, 4, "{wan}");
        let states: Value = client
            .get(format!("http://{http}/v1/internal/federation-states?stale"))
            .header("X-Consul-Token", token.trim())
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let gateways: Vec<usize> =
            states.as_array().unwrap().iter().map(|s| s["MeshGateways"].as_array().map_or(0, Vec::len)).collect();
        assert_eq!(gateways, [2, 2], "{states}");
        // HTTPS too, with the lab's CLI certificate (the servers verify clients).
        let tls = lab.join("tls");
        let https = format!("https://127.0.0.1:{}", d["Servers"][0]["HTTPS"]);
        let file = |name: &str| tls.join(name).display().to_string();
        let (ca, cert, key) = (file("ca.pem"), file("cli.pem"), file("cli-key.pem"));
        let args =
            ["members", "-wan", "-http-addr", &https, "-ca-file", &ca, "-client-cert", &cert, "-client-key", &key];
        let over_tls = fedctl_at(t, &http, &[&args[..], &["-token-file", &token_file]].concat()).await;
        assert_eq!((over_tls.code, over_tls.stdout.matches(" alive ").count()), (0, 4), "{over_tls:?}");
    }
    // One gossip key, held by every server of the WAN pool.
    let http = format!("127.0.0.1:{}", dcs[0]["Servers"][0]["HTTP"]);
    let keys = fedctl_at(t, &http, &["keyring", "-list", "-format=json", "-token-file", &token_file]).await;
    let keys: Value = serde_json::from_str(&keys.stdout).unwrap_or_else(|e| panic!("{e}: {keys:?}"));
    let wan = keys.as_array().unwrap().iter().find(|p| p["WAN"] == true).unwrap();
    assert_eq!((wan["NumNodes"].as_u64(), wan["Keys"].as_object().map(|k| k.len())), (Some(4), Some(1)), "{keys}");

    // One server of dc2 is killed: status says so and exits 3.
    let victim = u32::try_from(dcs[1]["Servers"][1]["Pid"].as_u64().unwrap()).unwrap();
    kill9(victim);
    eventually_with("the killed server is gone", String::new, async || !fedctl::lab::alive(victim)).await;
    let status = fedctl_in(t, &["lab", "status", "-dir", &lab_arg]).await;
    assert_eq!(status.code, 3, "{status:?}");
    let last = status.stdout.lines().last().unwrap_or_default();
    assert!(last.starts_with("Status: 1 process(es) gone"), "{}", status.stdout);
    // The stages that fail because of it are one clause after the cause, not a list of "not:"s.
    assert!(last.contains("stages fail (agents up") && !last.contains("not: "), "{}", status.stdout);
    let dc2_row = status.stdout.lines().find(|l| l.starts_with("dc2")).unwrap();
    assert!(dc2_row.split_whitespace().any(|w| w == "1/2"), "one of dc2's two servers is up: {dc2_row}");
    assert!(status.stderr.contains("error: 1 process(es) gone"), "{}", status.stderr);
    let status = fedctl_in(t, &["lab", "status", "-dir", &lab_arg, "-format=json"]).await;
    assert_eq!(status.code, 3, "{status:?}");
    let json: Value = serde_json::from_str(&status.stdout).unwrap();
    assert_pascal_case(&json, "`lab status -format=json` with a process gone");
    assert_eq!(json["Federated"], false, "{json}");
    assert_eq!(json["Problems"][0], "1 process(es) gone", "{json}");
    assert!(json["Problems"].as_array().unwrap().iter().any(|p| p == "not: agents up"), "{json}");

    let down = fedctl_in(t, &["lab", "down"]).await;
    assert_eq!(down.code, 0, "{down:?}");
    assert!(down.stderr.contains("==> stopped 7 process(es) (1 had already exited)"), "{}", down.stderr);
    assert!(pids.iter().all(|p| !fedctl::lab::alive(*p)), "every process stopped");
    assert!(!lab.exists(), "the lab directory is removed");
}

/// Whether `pid` catches SIGINT (bit 2 of `SigCgt` in /proc/<pid>/status).
fn catches_sigint(pid: u32) -> bool {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("SigCgt:"))
        .and_then(|mask| u64::from_str_radix(mask.trim(), 16).ok())
        .is_some_and(|mask| mask & (1 << (SIGINT - 1)) != 0)
}

/// SIGINT's number on Linux.
const SIGINT: u64 = 2;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_foreground_lab_stopped_by_sigint_removes_itself() {
    if !have_envoy("to run a lab") {
        return;
    }
    let tmp = temp_dir();
    let t = tmp.path();
    let lab = t.join("lab");
    let mut child = fedctl_cmd(t)
        .args(["lab", "up", "-dir"])
        .arg(&lab)
        .env("TMPDIR", t)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = Arc::new(Mutex::new(String::new()));
    let sink = stderr.clone();
    let pipe = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(pipe).lines().map_while(Result::ok) {
            sink.lock().unwrap().push_str(&(line + "\n"));
        }
    });
    let pid = child.id();
    let mut cleanup = Cleanup { tmp: t.to_owned(), lab: lab.clone(), up: Some(pid) };
    let context = || format!("{}\n{}", stderr.lock().unwrap(), log_tails(&lab));
    // Federated, waiting for Ctrl-C (its handler installed).
    eventually_with("the lab waits for Ctrl-C", context, async || {
        stderr.lock().unwrap().contains("==> Ctrl-C stops the lab") && catches_sigint(pid)
    })
    .await;
    let text = stderr.lock().unwrap().clone();
    assert!(text.contains("==> federated: 2 datacenter(s) x 1 server(s), 1 gateway(s) each"), "{text}");
    let state: Value = serde_json::from_str(&std::fs::read_to_string(lab.join("lab.json")).unwrap()).unwrap();
    let pids = pids_of(&state);
    assert_eq!(pids.len(), 4, "2 servers and 2 gateways");
    assert!(pids.iter().all(|p| fedctl::lab::alive(*p)), "{pids:?}");

    let lab_pid = rustix::process::Pid::from_raw(i32::try_from(pid).unwrap()).unwrap();
    rustix::process::kill_process(lab_pid, rustix::process::Signal::INT).unwrap();
    let out = tokio::task::spawn_blocking(move || child.wait_with_output().unwrap()).await.unwrap();
    // Reaped: its pid may be reused now, so the cleanup must not signal it.
    let _ = cleanup.up.take();
    assert_eq!(out.status.code(), Some(0), "{}", context());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("dc1  yes") && stdout.contains("dc2  no"), "the table was printed: {stdout}");
    eventually_with("the last line of lab up", context, async || {
        stderr.lock().unwrap().contains("==> stopped; the lab is removed")
    })
    .await;
    assert!(pids.iter().all(|p| !fedctl::lab::alive(*p)), "no lab process is left: {pids:?}");
    assert!(!lab.exists(), "the lab directory is removed");
}
