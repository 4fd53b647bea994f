//! `fedctl lab`'s registry of running labs: every `lab up` (detached or in the foreground)
//! registers its lab under a free name and prints its directory; `lab status` lists several
//! labs and names the processes that are gone; `lab down -all` stops them all; a foreground lab
//! reports a process that dies, stops its lab when its terminal closes (SIGHUP) and ends
//! quietly when `lab down` stops it; a lab of an older fedctl is still read. Each test has its
//! own registry (FEDCTL_LAB_REGISTRY) and TMPDIR.

use super::lab::log_tails;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::{Arc, Mutex};

use serde_json::Value;

use crate::support::gateway::have_envoy;
use crate::support::{Run, eventually_with, fedctl_cmd, run_cmd, temp_dir};

/// A test's own TMPDIR and lab registry.
struct LabEnv {
    tmp: tempfile::TempDir,
}

impl LabEnv {
    fn new() -> LabEnv {
        LabEnv { tmp: temp_dir() }
    }

    fn path(&self) -> &Path {
        self.tmp.path()
    }

    fn registry(&self) -> PathBuf {
        self.path().join("registry")
    }

    /// `fedctl` with this test's TMPDIR and registry.
    fn cmd(&self) -> std::process::Command {
        let mut cmd = fedctl_cmd(self.path());
        cmd.env("TMPDIR", self.path()).env("FEDCTL_LAB_REGISTRY", self.registry());
        cmd
    }

    fn run(&self, args: &[&str]) -> Run {
        run_cmd(self.cmd().args(args))
    }

    /// [`LabEnv::run`] off the async runtime.
    async fn run_async(&self, args: &[&str]) -> Run {
        let mut cmd = self.cmd();
        cmd.args(args);
        tokio::task::spawn_blocking(move || run_cmd(&mut cmd)).await.unwrap()
    }

    /// The registry's entries (file names).
    fn entries(&self) -> Vec<String> {
        std::fs::read_dir(self.registry())
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".json"))
            .collect()
    }
}

/// Stops every lab of the test's registry when the test ends, passed or failed, after killing
/// `up`, a foreground `lab up` not yet reaped.
struct Cleanup<'a> {
    env: &'a LabEnv,
    up: Option<u32>,
}

impl Drop for Cleanup<'_> {
    fn drop(&mut self) {
        if let Some(pid) = self.up.and_then(|p| rustix::process::Pid::from_raw(i32::try_from(p).ok()?)) {
            let _ = rustix::process::kill_process(pid, rustix::process::Signal::KILL);
        }
        let _ = self.env.run(&["lab", "down", "-all"]);
    }
}

/// `(name, pid)` of every process a lab's state file records.
fn processes(lab: &Path) -> Vec<(String, u32)> {
    let state: Value = serde_json::from_str(&std::fs::read_to_string(lab.join("lab.json")).unwrap()).unwrap();
    let mut out = Vec::new();
    for d in state["Datacenters"].as_array().unwrap() {
        for s in d["Servers"].as_array().unwrap() {
            out.push((s["Node"].as_str().unwrap().to_owned(), u32::try_from(s["Pid"].as_u64().unwrap()).unwrap()));
        }
        for g in d["Gateways"].as_array().unwrap() {
            out.push((g["ID"].as_str().unwrap().to_owned(), u32::try_from(g["Pid"].as_u64().unwrap()).unwrap()));
        }
    }
    out
}

fn pid_of(processes: &[(String, u32)], name: &str) -> u32 {
    processes.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no {name} in {processes:?}")).1
}

fn send(pid: u32, signal: rustix::process::Signal) {
    let pid = rustix::process::Pid::from_raw(i32::try_from(pid).unwrap()).unwrap();
    rustix::process::kill_process(pid, signal).unwrap();
}

fn kill9(pid: u32) {
    send(pid, rustix::process::Signal::KILL);
}

/// A `lab up` running in the foreground, its stderr collected as it comes.
struct Up {
    child: std::process::Child,
    stderr: Arc<Mutex<String>>,
    reader: std::thread::JoinHandle<()>,
}

impl Up {
    fn spawn(mut cmd: std::process::Command) -> Up {
        let mut child = cmd.stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap();
        let stderr = Arc::new(Mutex::new(String::new()));
        let sink = stderr.clone();
        let pipe = child.stderr.take().unwrap();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                sink.lock().unwrap().push_str(&(line + "\n"));
            }
        });
        Up { child, stderr, reader }
    }

    /// Waits (off the async runtime) until it exits: its exit code and its whole stderr.
    async fn wait(self) -> (Option<i32>, String) {
        let Up { mut child, stderr, reader } = self;
        tokio::task::spawn_blocking(move || {
            let status = child.wait().unwrap();
            // Its stderr ends with it (the lab's processes log to files).
            reader.join().unwrap();
            let text = stderr.lock().unwrap().clone();
            (status.code(), text)
        })
        .await
        .unwrap()
    }
}

/// An executable stand-in for Envoy in `dir` that runs `before` (shell, builtins only: the
/// tests may empty PATH), then says it refuses to start and exits 1.
fn stand_in_envoy(dir: &Path, before: &str) -> PathBuf {
    let envoy = dir.join("stand-in-envoy");
    let script = format!("#!/bin/sh\n{before}echo 'envoy: refusing to start (a stand-in)' >&2\nexit 1\n");
    std::fs::write(&envoy, script).unwrap();
    std::fs::set_permissions(&envoy, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    envoy
}

/// A directory `name` under `tmp` holding a state file, so a registry entry naming it is not
/// stale.
fn fake_lab(tmp: &Path, name: &str) -> PathBuf {
    let dir = tmp.join(name);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("lab.json"), "{}").unwrap();
    dir
}

#[test]
fn with_no_lab_running_status_and_down_say_how_to_start_one_and_stale_entries_are_pruned() {
    let env = LabEnv::new();
    std::fs::create_dir_all(env.registry()).unwrap();
    // An entry whose lab directory (and so its state file) is gone.
    let ghost = serde_json::json!({ "Name": "ghost", "Dir": env.path().join("gone"), "Started": 0 });
    std::fs::write(env.registry().join("ghost.json"), ghost.to_string()).unwrap();
    std::fs::write(env.registry().join("garbled.json"), "not json").unwrap();

    let status = env.run(&["lab", "status"]);
    assert_eq!(status.code, 1, "{status:?}");
    assert!(status.stderr.contains("error: no lab is running"), "{}", status.stderr);
    assert!(status.stderr.contains("start one with `fedctl lab up`"), "{}", status.stderr);
    assert!(status.stderr.contains("pass -dir"), "{}", status.stderr);
    assert!(env.entries().is_empty(), "stale entries are removed: {:?}", env.entries());

    let down = env.run(&["lab", "down"]);
    assert_eq!(down.code, 1, "{down:?}");
    assert!(down.stderr.contains("error: no lab is running"), "{}", down.stderr);
    let all = env.run(&["lab", "down", "-all"]);
    assert_eq!(all.code, 0, "{all:?}");
    assert!(all.stderr.contains("no lab is running; nothing to stop"), "{}", all.stderr);
    let named = env.run(&["lab", "status", "-name", "nope"]);
    assert_eq!(named.code, 1, "{named:?}");
    assert!(named.stderr.contains("no lab named nope is running"), "{}", named.stderr);
    let bad = env.run(&["lab", "status", "-name", "x", "-dir", "/tmp"]);
    assert_eq!(bad.code, 2, "-name and -dir conflict: {bad:?}");
}

#[test]
fn the_registry_keeps_names_unique_and_forgets_labs_whose_state_is_gone() {
    use fedctl::lab::{LabEntry, LabError, Registry};
    let tmp = temp_dir();
    let registry = Registry::new(tmp.path().join("registry"));
    let lab = |name: &str| fake_lab(tmp.path(), name);
    let (a, b) = (lab("a"), lab("b"));
    let entry = |name: &str, dir: &Path| LabEntry { name: name.to_owned(), dir: dir.to_owned(), started: 1 };
    registry.register(&entry("one", &a)).unwrap();
    match registry.register(&entry("one", &b)) {
        Err(LabError::NameTaken { name, dir }) => assert_eq!((name.as_str(), dir.as_path()), ("one", a.as_path())),
        other => panic!("a running lab's name is refused: {other:?}"),
    }
    registry.register(&entry("one", &a)).expect("the same lab may register again");
    registry.register(&entry("two", &b)).unwrap();
    assert!(matches!(registry.register(&entry("../x", &b)), Err(LabError::BadName(_))));
    let names: Vec<String> = registry.list().into_iter().map(|e| e.name).collect();
    assert_eq!(names, ["one", "two"]);
    assert_eq!(registry.find("two").map(|e| e.dir), Some(b.clone()));

    // a's state file is gone: its entry is stale, dropped, and its name free again.
    std::fs::remove_file(a.join("lab.json")).unwrap();
    let names: Vec<String> = registry.list().into_iter().map(|e| e.name).collect();
    assert_eq!(names, ["two"]);
    assert!(!registry.dir().join("one.json").exists(), "the stale entry is removed");
    let c = lab("c");
    registry.register(&entry("one", &c)).expect("a stale holder gives its name up");
    registry.unregister(&b);
    let names: Vec<String> = registry.list().into_iter().map(|e| e.name).collect();
    assert_eq!(names, ["one"]);
}

#[test]
fn a_taken_default_name_gets_a_number_and_a_taken_chosen_name_is_refused() {
    use fedctl::lab::{LabEntry, LabError, Registry};
    let tmp = temp_dir();
    let registry = Registry::new(tmp.path().join("registry"));
    let lab = |name: &str| fake_lab(tmp.path(), name);
    let entry = |name: &str, dir: &Path| LabEntry { name: name.to_owned(), dir: dir.to_owned(), started: 1 };
    let (a, b, c) = (lab("a"), lab("b"), lab("c"));
    assert_eq!(registry.claim(&entry("lab", &a), false).unwrap(), "lab");
    assert_eq!(registry.claim(&entry("lab", &b), false).unwrap(), "lab-2");
    assert_eq!(registry.claim(&entry("lab", &a), false).unwrap(), "lab", "a lab keeps its own name");
    match registry.claim(&entry("lab", &c), true) {
        Err(LabError::NameTaken { name, dir }) => assert_eq!((name.as_str(), dir.as_path()), ("lab", a.as_path())),
        other => panic!("a chosen name that another lab holds is refused: {other:?}"),
    }
    assert_eq!(registry.claim(&entry("lab", &c), false).unwrap(), "lab-3");
    // A name of the longest kind keeps room for its number.
    let long = "x".repeat(64);
    let (d, e) = (lab("d"), lab("e"));
    assert_eq!(registry.claim(&entry(&long, &d), false).unwrap(), long);
    assert_eq!(registry.claim(&entry(&long, &e), false).unwrap(), format!("{}-2", "x".repeat(60)));
    assert!(matches!(registry.claim(&entry("../x", &e), false), Err(LabError::BadName(_))));
    let names: Vec<String> = registry.list().into_iter().map(|e| e.name).collect();
    assert_eq!(names.len(), 5, "{names:?}");
}

#[test]
fn labs_registering_at_the_same_time_never_share_a_name() {
    use fedctl::lab::{LabEntry, Registry};
    let tmp = temp_dir();
    let registry = Registry::new(tmp.path().join("registry"));
    let dirs: Vec<PathBuf> = (0..8).map(|i| fake_lab(tmp.path(), &format!("lab{i}"))).collect();
    let barrier = std::sync::Barrier::new(dirs.len());
    let (registry, barrier) = (&registry, &barrier);
    let names: Vec<String> = std::thread::scope(|scope| {
        let claims: Vec<_> = dirs
            .iter()
            .map(|dir| {
                scope.spawn(move || {
                    barrier.wait();
                    registry.claim(&LabEntry { name: "race".to_owned(), dir: dir.clone(), started: 1 }, false).unwrap()
                })
            })
            .collect();
        claims.into_iter().map(|c| c.join().unwrap()).collect()
    });
    let mut unique = names.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), dirs.len(), "every lab got a name of its own: {names:?}");
    let listed: Vec<(String, PathBuf)> = registry.list().into_iter().map(|e| (e.name, e.dir)).collect();
    assert_eq!(listed.len(), dirs.len(), "{listed:?}");
    for dir in &dirs {
        assert!(listed.iter().any(|(_, d)| d == dir), "{} is registered: {listed:?}", dir.display());
    }
}

#[test]
fn a_lab_of_an_older_fedctl_is_read_and_lab_down_dir_removes_it() {
    let env = LabEnv::new();
    let dir = env.path().join("old");
    std::fs::create_dir_all(dir.join("logs")).unwrap();
    let mut server = std::process::Command::new("sleep").arg("60").spawn().unwrap();
    // As a fedctl before lab names wrote it: snake_case keys, no name, -dir as given.
    let state = serde_json::json!({
        "dir": "old",
        "datacenters": [{
            "name": "dc1",
            "primary": true,
            "servers": [{
                "node": "dc1-s1", "ip": "127.0.0.1", "ns": null, "http": 1, "server": 2, "serf_lan": 3,
                "serf_wan": 4, "grpc": 5, "pid": server.id(),
            }],
            "gateways": [],
        }],
        "isolation": null,
    });
    std::fs::write(dir.join("lab.json"), state.to_string()).unwrap();
    let lab = fedctl::lab::Lab::load(&dir).expect("an older state file is read");
    assert_eq!(lab.name, "old", "named after its directory");
    assert_eq!(lab.dir, dir, "a relative directory is taken as the one it was read from");
    assert_eq!(lab.pids(), [server.id()]);

    let down = env.run(&["lab", "down", "-dir", &dir.display().to_string()]);
    let _ = server.kill();
    let _ = server.wait();
    assert_eq!(down.code, 0, "{down:?}");
    assert!(
        down.stderr.contains(&format!("==> stopped 1 process(es); removed the lab old in {}", dir.display())),
        "{}",
        down.stderr
    );
    assert!(!dir.exists(), "the lab directory is removed");
}

#[test]
fn lab_up_does_not_overwrite_a_state_file_it_cannot_read() {
    let env = LabEnv::new();
    let envoy = stand_in_envoy(env.path(), "");
    let dir = env.path().join("garbled");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("lab.json"), "not json").unwrap();
    let up = run_cmd(env.cmd().args(["lab", "up", "-dir"]).arg(&dir).env("FEDCTL_ENVOY_BIN", &envoy));
    assert_eq!(up.code, 1, "{up:?}");
    assert!(up.stderr.contains(&format!("error: reading {}", dir.join("lab.json").display())), "{}", up.stderr);
    assert!(up.stderr.contains("not overwriting it"), "{}", up.stderr);
    assert!(up.stderr.contains(&format!("`fedctl lab down -dir {}`", dir.display())), "{}", up.stderr);
    assert_eq!(std::fs::read_to_string(dir.join("lab.json")).unwrap(), "not json", "left as it was");
    assert!(!dir.join("tls").exists(), "nothing was written");
    assert!(env.entries().is_empty(), "{:?}", env.entries());
}

#[test]
fn a_lab_up_that_fails_prints_its_directory_uses_fedctl_envoy_bin_and_leaves_the_registry() {
    let env = LabEnv::new();
    let _cleanup = Cleanup { env: &env, up: None };
    // It runs while the lab comes up: it copies the lab's registry entry into its log.
    let entry = env.registry().join("lab.json");
    let copy = format!(
        "[ -f '{0}' ] && while IFS= read -r line; do printf '%s\\n' \"$line\" >&2; done < '{0}'\n",
        entry.display()
    );
    let envoy = stand_in_envoy(env.path(), &copy);
    let empty = env.path().join("empty-bin");
    std::fs::create_dir_all(&empty).unwrap();
    let lab = env.path().join("lab");
    // No envoy on PATH: FEDCTL_ENVOY_BIN, which the gateways run, is enough for `lab up`. Two
    // datacenters, so the lab cannot federate without its gateways.
    let mut cmd = env.cmd();
    cmd.args(["lab", "up", "-dir"]).arg(&lab).env("PATH", empty.as_os_str()).env("FEDCTL_ENVOY_BIN", envoy.as_os_str());
    let up = run_cmd(&mut cmd);
    assert_eq!(up.code, 1, "{up:?}");
    assert!(up.stderr.contains(&format!("==> lab directory: {}\n", lab.display())), "{}", up.stderr);
    assert!(up.stderr.contains("==> lab name: lab ("), "{}", up.stderr);
    assert!(up.stderr.contains("-gw1 exited: envoy: refusing to start (a stand-in)"), "{}", up.stderr);
    // Registered while it came up (a gateway saw the entry), and no longer.
    let logs: String = ["dc1-gw1", "dc2-gw1"]
        .iter()
        .map(|g| std::fs::read_to_string(lab.join(format!("logs/{g}.log"))).unwrap_or_default())
        .collect();
    assert!(
        logs.contains("\"Name\": \"lab\"") && logs.contains(&format!("\"Dir\": \"{}\"", lab.display())),
        "the registry entry, as a gateway saw it: {logs}"
    );
    assert!(env.entries().is_empty(), "a lab that did not come up leaves the registry: {:?}", env.entries());
    let status = env.run(&["lab", "status"]);
    assert!(status.stderr.contains("no lab is running"), "{status:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_detached_labs_are_both_listed_and_down_all_stops_both() {
    if !have_envoy("to run a lab") {
        return;
    }
    let env = LabEnv::new();
    let _cleanup = Cleanup { env: &env, up: None };
    let (first, other) = (env.path().join("first"), env.path().join("other"));
    let (first_arg, other_arg) = (first.display().to_string(), other.display().to_string());
    let up = env.run_async(&["lab", "up", "-detach", "-datacenters", "1", "-dir", &first_arg]).await;
    assert_eq!(up.code, 0, "{up:?}\n{}", log_tails(&first));
    assert!(up.stderr.contains(&format!("==> lab directory: {first_arg}\n")), "{}", up.stderr);
    let up = env.run_async(&["lab", "up", "-detach", "-datacenters", "1", "-dir", &other_arg, "-name", "second"]).await;
    assert_eq!(up.code, 0, "{up:?}\n{}", log_tails(&other));
    assert!(up.stderr.contains("(name second)"), "{}", up.stderr);
    let (first_procs, other_procs) = (processes(&first), processes(&other));
    assert_eq!((first_procs.len(), other_procs.len()), (2, 2), "a server and a gateway each");
    let pids: Vec<u32> = first_procs.iter().chain(&other_procs).map(|(_, p)| *p).collect();
    assert!(pids.iter().all(|p| fedctl::lab::alive(*p)), "{pids:?}");

    // Both are listed: the second did not orphan the first.
    let status = env.run_async(&["lab", "status"]).await;
    assert_eq!(status.code, 0, "{status:?}");
    assert!(status.stdout.contains("Processes alive"), "{}", status.stdout);
    let row = |out: &str, name: &str| out.lines().find(|l| l.starts_with(name)).map(str::to_owned).unwrap_or_default();
    for (name, dir) in [("first", &first_arg), ("second", &other_arg)] {
        let line = row(&status.stdout, name);
        assert!(line.contains(dir.as_str()) && line.split_whitespace().any(|w| w == "2/2"), "{}", status.stdout);
    }
    // -format=json is one lab's document, or with -all the array of them, whatever the count.
    let json = env.run_async(&["lab", "status", "-format=json"]).await;
    assert_eq!(json.code, 2, "two labs and no -name or -all: {json:?}");
    assert!(json.stdout.is_empty(), "{json:?}");
    assert!(json.stderr.contains("-name NAME") && json.stderr.contains("-all"), "{}", json.stderr);
    let json = env.run_async(&["lab", "status", "-all", "-format=json"]).await;
    assert_eq!(json.code, 0, "{json:?}");
    let listed: Value = serde_json::from_str(&json.stdout).unwrap_or_else(|e| panic!("{e}: {json:?}"));
    let listed = listed.as_array().expect("an array of labs");
    assert_eq!(listed.len(), 2, "{listed:?}");
    for lab in listed {
        assert_eq!((lab["Processes"].as_u64(), lab["Alive"].as_u64()), (Some(2), Some(2)), "{lab}");
        assert_eq!(lab["Datacenters"], 1, "{lab}");
        assert!(lab["Started"].as_str().is_some_and(|s| s.ends_with('Z')), "{lab}");
        assert!(lab["Error"].is_null() && lab["Gone"] == serde_json::json!([]), "{lab}");
    }
    let mut names: Vec<&str> = listed.iter().map(|l| l["Name"].as_str().unwrap()).collect();
    names.sort_unstable();
    assert_eq!(names, ["first", "second"]);

    // One of them by name, in full.
    let one = env.run_async(&["lab", "status", "-name", "second"]).await;
    assert_eq!(one.code, 0, "{one:?}");
    assert!(one.stdout.contains(&format!("Lab: second in {other_arg}")), "{}", one.stdout);
    assert!(one.stdout.contains("Status: federated"), "{}", one.stdout);

    // `down` with no selector refuses and lists them.
    let down = env.run_async(&["lab", "down"]).await;
    assert_eq!(down.code, 2, "a usage error, as lab status -format=json with several: {down:?}");
    assert!(down.stderr.contains("2 labs are running"), "{}", down.stderr);
    assert!(down.stderr.contains(&first_arg) && down.stderr.contains(&other_arg), "{}", down.stderr);
    assert!(down.stderr.contains("-name") && down.stderr.contains("-all"), "{}", down.stderr);
    assert!(pids.iter().all(|p| fedctl::lab::alive(*p)), "nothing was stopped");

    // A gateway of the first dies: the list names it.
    let gateway = pid_of(&first_procs, "dc1-gw1");
    kill9(gateway);
    eventually_with("the killed gateway is gone", String::new, async || !fedctl::lab::alive(gateway)).await;
    let status = env.run_async(&["lab", "status"]).await;
    assert_eq!(status.code, 3, "{status:?}");
    assert!(row(&status.stdout, "first").split_whitespace().any(|w| w == "1/2"), "{}", status.stdout);
    assert!(status.stdout.contains(&format!("first: gone: dc1 gateway dc1-gw1 (pid {gateway})")), "{}", status.stdout);
    let json = env.run_async(&["lab", "status", "-all", "-format=json"]).await;
    assert_eq!(json.code, 3, "{json:?}");
    let listed: Value = serde_json::from_str(&json.stdout).unwrap_or_else(|e| panic!("{e}: {json:?}"));
    let first_json = listed.as_array().unwrap().iter().find(|l| l["Name"] == "first").unwrap().clone();
    assert_eq!(first_json["Gone"][0]["Name"], "dc1-gw1", "{first_json}");
    assert_eq!(first_json["Gone"][0]["Kind"], "gateway", "{first_json}");
    assert_eq!(first_json["Gone"][0]["Pid"], gateway, "{first_json}");

    let down = env.run_async(&["lab", "down", "-all"]).await;
    assert_eq!(down.code, 0, "{down:?}");
    assert!(
        down.stderr.contains(&format!(
            "==> stopped 1 process(es) (1 had already exited); removed the lab first in {first_arg}"
        )),
        "{}",
        down.stderr
    );
    assert!(
        down.stderr.contains(&format!("==> stopped 2 process(es); removed the lab second in {other_arg}")),
        "{}",
        down.stderr
    );
    assert!(pids.iter().all(|p| !fedctl::lab::alive(*p)), "every process of both labs stopped");
    assert!(!first.exists() && !other.exists(), "both lab directories are removed");
    assert!(env.entries().is_empty(), "{:?}", env.entries());
    let again = env.run_async(&["lab", "status"]).await;
    assert_eq!(again.code, 1, "{again:?}");
    assert!(again.stderr.contains("no lab is running"), "{}", again.stderr);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_foreground_lab_is_found_reports_a_dead_process_and_stops_when_its_terminal_closes() {
    if !have_envoy("to run a lab") {
        return;
    }
    let env = LabEnv::new();
    let lab = env.path().join("fg");
    let lab_arg = lab.display().to_string();
    let mut cmd = env.cmd();
    cmd.args(["lab", "up", "-datacenters", "1", "-dir", lab_arg.as_str()]);
    let mut up = Up::spawn(cmd);
    let pid = up.child.id();
    let mut cleanup = Cleanup { env: &env, up: Some(pid) };
    let stderr = up.stderr.clone();
    let context = || format!("{}\n{}", stderr.lock().unwrap(), log_tails(&lab));

    // It says where it is at once, and waits, federated.
    eventually_with("the lab's directory is printed", context, async || {
        stderr.lock().unwrap().contains(&format!("==> lab directory: {lab_arg}\n"))
    })
    .await;
    eventually_with("the lab waits for Ctrl-C", context, async || {
        stderr.lock().unwrap().contains("==> Ctrl-C stops the lab")
    })
    .await;
    let text = stderr.lock().unwrap().clone();
    let (directory, waits) =
        (text.find(&format!("==> lab directory: {lab_arg}\n")), text.find("==> Ctrl-C stops the lab"));
    assert!(matches!((directory, waits), (Some(d), Some(w)) if d < w), "the directory comes first: {text}");
    // Another process finds it without -dir.
    let status = env.run_async(&["lab", "status"]).await;
    assert_eq!(status.code, 0, "{status:?}\n{}", context());
    assert!(status.stdout.contains(&format!("Lab: fg in {lab_arg}")), "{}", status.stdout);
    assert!(status.stdout.contains("Status: federated"), "{}", status.stdout);
    let procs = processes(&lab);
    let (server, gateway) = (pid_of(&procs, "dc1-s1"), pid_of(&procs, "dc1-gw1"));

    // Its gateway dies: the foreground lab says which, and keeps the rest running.
    kill9(gateway);
    eventually_with("the foreground lab reports the dead gateway", context, async || {
        stderr.lock().unwrap().contains(&format!("==> warning: dc1 gateway dc1-gw1 (pid {gateway}) exited"))
    })
    .await;
    let status = env.run_async(&["lab", "status"]).await;
    assert_eq!(status.code, 3, "{status:?}");
    assert!(
        status.stdout.contains(&format!("Status: 1 process(es) gone: dc1 gateway dc1-gw1 (pid {gateway})")),
        "{}",
        status.stdout
    );
    assert!(status.stderr.contains("error: 1 process(es) gone: dc1 gateway dc1-gw1"), "{}", status.stderr);
    assert!(up.child.try_wait().unwrap().is_none(), "the foreground lab keeps running: {}", context());
    assert!(fedctl::lab::alive(server), "the rest of the lab keeps running");

    // The terminal closes: SIGHUP stops everything, as Ctrl-C does.
    send(pid, rustix::process::Signal::HUP);
    let (code, text) = up.wait().await;
    // Reaped: its pid may be reused now, so the cleanup must not signal it.
    let _ = cleanup.up.take();
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("==> stopped; the lab is removed"), "{text}");
    assert!(!fedctl::lab::alive(server), "the server is stopped");
    assert!(!lab.exists(), "the lab directory is removed");
    assert!(env.entries().is_empty(), "{:?}", env.entries());
    let again = env.run_async(&["lab", "status"]).await;
    assert!(again.stderr.contains("no lab is running"), "{again:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lab_down_from_elsewhere_ends_a_foreground_lab_with_exit_0_and_no_warning() {
    if !have_envoy("to run a lab") {
        return;
    }
    let env = LabEnv::new();
    let lab = env.path().join("fg");
    let mut cmd = env.cmd();
    cmd.args(["lab", "up", "-datacenters", "1", "-dir"]).arg(&lab);
    let up = Up::spawn(cmd);
    let mut cleanup = Cleanup { env: &env, up: Some(up.child.id()) };
    let stderr = up.stderr.clone();
    let context = || format!("{}\n{}", stderr.lock().unwrap(), log_tails(&lab));
    eventually_with("the lab waits for Ctrl-C", context, async || {
        stderr.lock().unwrap().contains("==> Ctrl-C stops the lab")
    })
    .await;
    let procs = processes(&lab);

    let down = env.run_async(&["lab", "down", "-name", "fg"]).await;
    assert_eq!(down.code, 0, "{down:?}\n{}", context());
    assert!(
        down.stderr.contains(&format!("==> stopped 2 process(es); removed the lab fg in {}", lab.display())),
        "{}",
        down.stderr
    );
    let (code, text) = up.wait().await;
    let _ = cleanup.up.take();
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("==> the lab was stopped by `fedctl lab down`"), "{text}");
    assert!(!text.contains("warning:"), "the processes `lab down` stopped are not reported as exited: {text}");
    assert!(procs.iter().all(|(_, p)| !fedctl::lab::alive(*p)), "{procs:?}");
    assert!(!lab.exists(), "the lab directory is removed");
    assert!(env.entries().is_empty(), "{:?}", env.entries());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unnamed_lab_takes_a_free_name_and_ctrl_c_while_it_comes_up_stops_it_with_exit_0() {
    let env = LabEnv::new();
    // Another running lab holds the default name.
    let other = fake_lab(env.path(), "other");
    let holder = fedctl::lab::LabEntry { name: "lab".to_owned(), dir: other, started: 1 };
    fedctl::lab::Registry::new(env.registry()).register(&holder).unwrap();
    // The gateways never start: Ctrl-C comes first, and the lab could not federate anyway.
    let envoy = stand_in_envoy(env.path(), "");
    let mut cmd = env.cmd();
    cmd.args(["lab", "up"]).env("FEDCTL_ENVOY_BIN", &envoy);
    let up = Up::spawn(cmd);
    let pid = up.child.id();
    let mut cleanup = Cleanup { env: &env, up: Some(pid) };
    let stderr = up.stderr.clone();
    let context = || stderr.lock().unwrap().clone();
    eventually_with("the lab's name is printed", context, async || stderr.lock().unwrap().contains("==> lab name: "))
        .await;
    let text = context();
    assert!(text.contains("==> lab name: lab-2 ("), "{text}");
    let dir = text
        .lines()
        .find_map(|l| l.strip_prefix("==> lab directory: "))
        .map(PathBuf::from)
        .unwrap_or_else(|| panic!("no lab directory: {text}"));
    assert!(dir.starts_with(env.path()), "a new directory under TMPDIR: {}", dir.display());
    let mut entries = env.entries();
    entries.sort();
    assert_eq!(entries, ["lab-2.json", "lab.json"], "registered while it comes up");

    send(pid, rustix::process::Signal::INT);
    let (code, text) = up.wait().await;
    let _ = cleanup.up.take();
    assert_eq!(code, Some(0), "a stop that was asked for and done: {text}");
    assert!(text.contains("==> interrupted before the lab federated: its processes are stopped"), "{text}");
    assert!(!dir.exists(), "the lab directory is removed: {text}");
    assert_eq!(env.entries(), ["lab.json"], "only the other lab's entry is left");
}
