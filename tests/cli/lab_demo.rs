//! `fedctl lab up -demo`: every datacenter gets an echo app and the services echo and web with
//! sidecars (real Envoy); the curl `lab up` and `lab status` print goes through web's and
//! echo's sidecars and is answered by that datacenter's echo, while echo's sidecar lets in
//! nothing but the mesh; `lab status` shows the demo and exits 3 once a demo process is gone;
//! `lab down` stops every process. And the echo app on its own (`fedctl internal echo`): every
//! request answered with 200 and one line naming it, the method and the path.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant};

use fedctl::lab::{echo_response, head_end, serve_echo};
use serde_json::Value;

use super::lab::log_tails;
use super::lab_shapes::assert_pascal_case;
use crate::support::gateway::have_envoy;
use crate::support::{Run, eventually_with, fedctl_cmd, http_client, run_cmd, temp_dir};

/// Sends `request` as is to `addr` and reads the whole answer (the app closes the connection);
/// `None` when nothing listens or nothing comes back within 2 s.
fn raw_request(addr: SocketAddr, request: &str) -> Option<String> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(1)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(2))).ok()?;
    stream.write_all(request.as_bytes()).ok()?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).ok()?;
    (!answer.is_empty()).then_some(answer)
}

#[test]
fn a_request_head_ends_at_its_empty_line_and_is_answered_with_the_method_and_path() {
    assert_eq!(head_end(b"GET / HTTP/1.1\r\nHost: x\r\n\r\nbody"), Some(27));
    assert_eq!(head_end(b"GET / HTTP/1.1\r\nHost: x\r\n"), None, "not yet: the empty line is missing");
    assert_eq!(head_end(b"GET /\n\nmore"), Some(7), "bare line feeds, as typed by hand");
    let reply = String::from_utf8(echo_response(b"DELETE /k HTTP/1.1\r\nHost: x\r\n\r\n", "me", 7)).unwrap();
    assert_eq!(
        reply,
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 14\r\nConnection: close\r\nX-Echo-Connection: 7\r\n\r\nme: DELETE /k\n"
    );
    let head = String::from_utf8(echo_response(b"HEAD /h HTTP/1.1\r\n\r\n", "me", 1)).unwrap();
    assert!(
        head.ends_with("Content-Length: 12\r\nConnection: close\r\nX-Echo-Connection: 1\r\n\r\n"),
        "HEAD: the length, no body: {head:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_echo_app_answers_every_request_with_its_name_the_method_and_the_path() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(serve_echo(listener, "echo in dc9 (node n1)".to_owned()));
    let client = http_client();

    let r = client.get(format!("http://{addr}/hello?x=1")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["connection"].to_str().unwrap(), "close");
    assert_eq!(r.headers()["content-type"].to_str().unwrap(), "text/plain; charset=utf-8");
    assert_eq!(r.headers()["x-echo-connection"].to_str().unwrap(), "1", "the first connection");
    assert_eq!(r.text().await.unwrap(), "echo in dc9 (node n1): GET /hello?x=1\n");
    // A request's body is never read, and the request is answered all the same.
    let r = client.post(format!("http://{addr}/form")).body("a=1&b=2".repeat(1000)).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.text().await.unwrap(), "echo in dc9 (node n1): POST /form\n");
    let r = client.head(format!("http://{addr}/h")).send().await.unwrap();
    assert_eq!(r.headers()["content-length"].to_str().unwrap(), "31");
    assert_eq!(r.text().await.unwrap(), "", "HEAD has no body");

    // Typed by hand (bare line feeds, HTTP/1.0); a client that leaves without a request, or
    // with half of one, changes nothing for the next.
    drop(TcpStream::connect(addr).unwrap());
    let mut half = TcpStream::connect(addr).unwrap();
    half.write_all(b"GET /half HTTP/1.1\r\nHost:").unwrap();
    drop(half);
    let raw = tokio::task::spawn_blocking(move || raw_request(addr, "GET /raw HTTP/1.0\n\n")).await.unwrap();
    let raw = raw.expect("an answer");
    assert!(raw.starts_with("HTTP/1.1 200 OK\r\n"), "{raw:?}");
    assert!(raw.ends_with("\r\n\r\necho in dc9 (node n1): GET /raw\n"), "{raw:?}");
    let r = client.get(format!("http://{addr}/again")).send().await.unwrap();
    assert_eq!(r.text().await.unwrap(), "echo in dc9 (node n1): GET /again\n");
    server.abort();
}

#[test]
fn internal_echo_serves_http_on_its_address_and_says_when_it_cannot() {
    let tmp = temp_dir();
    let port = fedctl::lab::PortPicker::new().pick().unwrap();
    let listen = format!("127.0.0.1:{port}");
    let _app = Killed(
        fedctl_cmd(tmp.path())
            .args(["internal", "echo", "-listen", &listen, "-name", "echo in dc1 (node dc1-s1)"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let addr: SocketAddr = listen.parse().unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    let answer = loop {
        if let Some(answer) = raw_request(addr, "GET /x HTTP/1.1\r\nHost: here\r\n\r\n") {
            break answer;
        }
        assert!(Instant::now() < deadline, "`fedctl internal echo` did not answer on {listen} within 30s");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer:?}");
    assert!(answer.ends_with("\r\n\r\necho in dc1 (node dc1-s1): GET /x\n"), "{answer:?}");

    // A second one on the same address cannot listen there: exit 1, saying where.
    let taken = run_cmd(fedctl_cmd(tmp.path()).args(["internal", "echo", "-listen", &listen, "-name", "x"]));
    assert_eq!(taken.code, 1, "{taken:?}");
    assert!(taken.stderr.contains(&format!("listening on {listen}")), "{}", taken.stderr);
}

/// A child process killed (and reaped) when the test ends, passed or failed.
struct Killed(std::process::Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// This test's TMPDIR and lab registry, and the lab's directory.
struct DemoEnv {
    tmp: tempfile::TempDir,
}

impl DemoEnv {
    fn lab(&self) -> PathBuf {
        self.tmp.path().join("lab")
    }

    fn cmd(&self) -> std::process::Command {
        let mut cmd = fedctl_cmd(self.tmp.path());
        cmd.env("TMPDIR", self.tmp.path()).env("FEDCTL_LAB_REGISTRY", self.tmp.path().join("registry"));
        cmd
    }

    /// `fedctl args...` off the async runtime.
    async fn run(&self, args: &[&str]) -> Run {
        let mut cmd = self.cmd();
        cmd.args(args);
        tokio::task::spawn_blocking(move || run_cmd(&mut cmd)).await.unwrap()
    }
}

impl Drop for DemoEnv {
    /// Whatever is left of the lab, passed or failed.
    fn drop(&mut self) {
        if self.lab().join("lab.json").exists() {
            let _ = run_cmd(self.cmd().args(["lab", "down", "-dir"]).arg(self.lab()));
        }
    }
}

/// Every pid a lab's JSON records: servers, gateways and the demo's processes.
fn all_pids(lab: &Value) -> Vec<u32> {
    let mut pids = Vec::new();
    for d in lab["Datacenters"].as_array().unwrap() {
        let processes = d["Servers"].as_array().unwrap().iter().chain(d["Gateways"].as_array().unwrap());
        pids.extend(processes.map(|p| p["Pid"].as_u64().expect("a pid")));
        let demo = &d["Demo"];
        pids.extend([&demo["AppPid"], &demo["Echo"]["Pid"], &demo["Web"]["Pid"]].map(|p| p.as_u64().expect("a pid")));
    }
    pids.into_iter().map(|p| u32::try_from(p).unwrap()).collect()
}

/// GETs `url`: the answer's body, or why there is none.
async fn get(client: &reqwest::Client, url: &str) -> Result<String, String> {
    let response = client.get(url).send().await.map_err(|e| format!("{e:?}"))?;
    response.text().await.map_err(|e| format!("{e:?}"))
}

/// `(datacenter, URL)` of each curl line printed (`curl URL    # dc1: web -> ...`).
fn curl_lines(stdout: &str) -> Vec<(String, String)> {
    stdout
        .lines()
        .filter_map(|line| {
            let (command, comment) = line.split_once("    # ")?;
            let url = command.strip_prefix("curl ")?;
            let (dc, route) = comment.split_once(": ")?;
            let other = if dc == "dc1" { "dc2" } else { "dc1" };
            let routes = [fedctl::lab::DEMO_ROUTE.to_owned(), fedctl::lab::cross_route(dc, other)];
            assert!(routes.iter().any(|r| r == route), "{line}");
            Some((dc.to_owned(), url.to_owned()))
        })
        .collect()
}

fn kill9(pid: u32) {
    let pid = rustix::process::Pid::from_raw(i32::try_from(pid).unwrap()).unwrap();
    rustix::process::kill_process(pid, rustix::process::Signal::KILL).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn up_demo_answers_through_the_mesh_in_every_datacenter_and_down_stops_it_all() {
    if !have_envoy("to run a lab with sidecars") {
        return;
    }
    let env = DemoEnv { tmp: temp_dir() };
    let lab = env.lab();
    let lab_arg = lab.display().to_string();
    let up = env.run(&["lab", "up", "-demo", "-detach", "-format=json", "-dir", &lab_arg]).await;
    assert_eq!(up.code, 0, "{up:?}\n{}", log_tails(&lab));
    let report: Value = serde_json::from_str(&up.stdout).unwrap_or_else(|e| panic!("stdout is JSON ({e}): {up:?}"));
    assert_pascal_case(&report, "`lab up -demo -format=json`");
    let stages: Vec<&str> = report["Stages"].as_array().unwrap().iter().map(|s| s["Stage"].as_str().unwrap()).collect();
    assert_eq!(stages.len(), 6, "{stages:?}");
    assert_eq!(stages.last(), Some(&"demo answering through the mesh"), "the demo's stage comes last");
    let recorded = &report["Lab"];
    assert_eq!(
        serde_json::from_str::<Value>(&std::fs::read_to_string(lab.join("lab.json")).unwrap()).unwrap(),
        *recorded,
        "the state file holds the demo too"
    );
    let pids = all_pids(recorded);
    assert_eq!(pids.len(), 10, "2 servers, 2 gateways, and per datacenter the app and 2 sidecars: {pids:?}");
    assert!(pids.iter().all(|p| fedctl::lab::alive(*p)), "{pids:?}");

    // Each datacenter's curl is answered by its own echo, through the sidecars.
    let client = http_client();
    let demo = report["Demo"].as_array().unwrap();
    assert_eq!(demo.len(), 4, "each datacenter's own curl, then each one to the other: {report}");
    // The curls to the other datacenter: answered by its echo, through both gateways.
    for (d, (from, to)) in demo[2..].iter().zip([("dc1", "dc2"), ("dc2", "dc1")]) {
        assert_eq!(d["Datacenter"], from, "{d}");
        assert_eq!(d["Route"], fedctl::lab::cross_route(from, to).as_str(), "{d}");
        let answer = get(&client, d["URL"].as_str().unwrap()).await;
        assert_eq!(answer, Ok(format!("echo in {to} (node {to}-s1): GET /\n")), "{d}\n{}", log_tails(&lab));
    }
    for (d, dc) in demo.iter().zip(["dc1", "dc2"]) {
        assert_eq!(d["Datacenter"], dc, "{d}");
        let url = d["URL"].as_str().unwrap();
        assert_eq!(d["Curl"], format!("curl {url}").as_str(), "{d}");
        let answer = get(&client, url).await;
        assert_eq!(answer, Ok(format!("echo in {dc} (node {dc}-s1): GET /\n")), "{url}\n{}", log_tails(&lab));
        let answer = get(&client, &format!("{url}some/path")).await;
        assert_eq!(answer, Ok(format!("echo in {dc} (node {dc}-s1): GET /some/path\n")));
    }
    // Not a shortcut: echo's sidecar lets in only clients of the mesh (mTLS), and web's
    // upstream port is not echo's.
    for d in recorded["Datacenters"].as_array().unwrap() {
        let demo = &d["Demo"];
        assert_ne!(demo["Upstream"], demo["Echo"]["Port"], "{demo}");
        let public = format!("http://127.0.0.1:{}/", demo["Echo"]["SidecarPort"]);
        let plain = get(&client, &public).await.unwrap_or_default();
        assert!(!plain.contains("echo in"), "echo's sidecar answered a plaintext GET: {plain:?}");
    }

    // `lab status` (found through the registry) shows the demo: its processes per datacenter
    // and the same curls, each still answered.
    let status = env.run(&["lab", "status"]).await;
    assert_eq!(status.code, 0, "{status:?}");
    assert!(status.stdout.contains("Status: federated"), "{}", status.stdout);
    let header = status.stdout.lines().find(|l| l.starts_with("DC ")).unwrap();
    assert!(header.ends_with("Demo"), "{header}");
    for dc in ["dc1", "dc2"] {
        let row = status.stdout.lines().find(|l| l.starts_with(dc)).unwrap();
        assert!(row.ends_with("3/3"), "the app and both sidecars run in {dc}: {row}");
    }
    let app_pid = recorded["Datacenters"][1]["Demo"]["AppPid"].as_u64().unwrap();
    let kill_line = format!("kill {app_pid}    # failover: stop dc2's echo, then:");
    assert!(status.stdout.contains(&kill_line), "the failover is printed:\n{}", status.stdout);
    let curls = curl_lines(&status.stdout);
    let from_up: Vec<(String, String)> = demo
        .iter()
        .map(|d| (d["Datacenter"].as_str().unwrap().to_owned(), d["URL"].as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(curls, from_up, "{}", status.stdout);
    for d in demo {
        let answer = get(&client, d["URL"].as_str().unwrap()).await.unwrap();
        assert!(answer.starts_with(d["Answer"].as_str().unwrap()), "{answer:?} for {d}");
    }
    let json = env.run(&["lab", "status", "-format=json"]).await;
    let json: Value = serde_json::from_str(&json.stdout).unwrap_or_else(|e| panic!("{e}: {json:?}"));
    assert_eq!(json["Federated"], true, "{json}");
    assert_eq!(json["Demo"], report["Demo"], "{json}");

    // The printed failover: dc2's echo app is killed as it says; the curl it names is then
    // answered by dc1's echo, and so is dc2's own curl (echo's resolver fails over to dc1).
    let app = u32::try_from(recorded["Datacenters"][1]["Demo"]["AppPid"].as_u64().unwrap()).unwrap();
    let failover = &report["DemoFailover"];
    assert_eq!(failover["Datacenter"], "dc2", "{report}");
    assert_eq!(failover["Stop"], format!("kill {app}").as_str(), "{failover}");
    assert_eq!(failover["Curl"], demo[2]["Curl"], "the curl from dc1 to dc2: {failover}");
    kill9(app);
    eventually_with("the killed app is gone", String::new, async || !fedctl::lab::alive(app)).await;
    let failover_url = failover["URL"].as_str().unwrap().to_owned();
    let dc2_own = demo[1]["URL"].as_str().unwrap().to_owned();
    eventually_with(
        "both curls to dc2's echo are answered by dc1's",
        || log_tails(&lab),
        async || {
            let expected = format!("{}: GET /\n", failover["Answer"].as_str().unwrap());
            get(&client, &failover_url).await.as_ref() == Ok(&expected) && get(&client, &dc2_own).await == Ok(expected)
        },
    )
    .await;
    let status = env.run(&["lab", "status"]).await;
    assert_eq!(status.code, 3, "{status:?}");
    let last = status.stdout.lines().last().unwrap_or_default();
    assert!(last.contains(&format!("gone: dc2 app dc2-echo (pid {app})")), "{}", status.stdout);
    assert!(last.contains("demo answering through the mesh"), "{}", status.stdout);

    let down = env.run(&["lab", "down"]).await;
    assert_eq!(down.code, 0, "{down:?}");
    assert!(down.stderr.contains("==> stopped 9 process(es) (1 had already exited)"), "{}", down.stderr);
    assert!(pids.iter().all(|p| !fedctl::lab::alive(*p)), "every process stopped, the demo's too");
    assert!(!lab.exists(), "the lab directory is removed");
    assert!(get(&client, &from_up[0].1).await.is_err(), "nothing answers the demo's curl any more");
}
