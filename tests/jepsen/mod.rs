//! Faults against a real datacenter, checked for linearizability: three durable servers, each
//! in its own network namespace on one bridge; five clients in the test's own namespace (a link
//! of their own onto the bridge) doing writes, compare-and-sets over `ModifyIndex`, default and
//! `?consistent` reads on three keys; a nemesis that partitions the leader from the other
//! servers (blackhole routes, clients still reach it), isolates it (its link down) or kills it
//! with `kill -9`, in turn, for `FEDCTL_JEPSEN_SECS` (60); then `kill -9` of every server and a
//! restart. Every operation is recorded and each key's history checked as a register
//! (`support::linearizable`): acknowledged writes survive, reads are never stale, and ≥ 95% of
//! operations complete (the rest fail with a typed error or an unknown outcome).
//! `FEDCTL_JEPSEN_RUNS` repeats it (`tests/run jepsen` runs it 5 times).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::support::linearizable::{Event, Op, check};
use crate::support::netns::Topology;
use crate::support::process::AgentProcess;
use crate::support::{FEDCTL, eventually_with, temp_dir};

const SERVERS: usize = 3;
const CLIENTS: usize = 5;
const KEYS: usize = 3;

fn ip(n: usize) -> String {
    format!("10.78.0.{}", n + 1)
}

fn sh(args: &[&str]) {
    let out = std::process::Command::new("ip").args(args).output().unwrap();
    assert!(out.status.success(), "ip {}: {}", args.join(" "), String::from_utf8_lossy(&out.stderr));
}

/// The three servers and how to break them.
struct Cluster {
    topo: Topology,
    lan: usize,
    hosts: Vec<usize>,
    agents: Vec<Option<AgentProcess>>,
    dir: tempfile::TempDir,
}

impl Cluster {
    fn start(&mut self, n: usize) {
        let mut cmd = self.topo.ns(self.hosts[n]).command(FEDCTL);
        cmd.args(["agent", "-server", "-bootstrap-expect", "3", "-node", &format!("s{n}")])
            .args(["-bind", &ip(n), "-advertise", &ip(n), "-client", &ip(n), "-retry-join", &ip(0)])
            .args(["-data-dir", &self.dir.path().join(format!("s{n}")).display().to_string()]);
        self.agents[n] = Some(AgentProcess::spawn(cmd));
    }

    fn kill9(&mut self, n: usize) {
        if let Some(a) = self.agents[n].take() {
            a.kill9();
        }
    }

    fn logs(&self) -> String {
        self.agents.iter().flatten().map(|a| a.log()).collect::<Vec<_>>().join("\n---\n")
    }

    /// Blackhole routes between `n` and every other server (both ways), or their removal.
    fn partition(&self, n: usize, cut: bool) {
        for m in (0..SERVERS).filter(|m| *m != n) {
            for (from, to) in [(n, m), (m, n)] {
                let ns = &self.topo.ns(self.hosts[from]).0;
                let route = format!("{}/32", ip(to));
                sh(&["-n", ns, "route", if cut { "add" } else { "del" }, "blackhole", &route]);
            }
        }
    }
}

/// The leader some server names, as a server index.
async fn leader(http: &reqwest::Client) -> Option<usize> {
    for n in 0..SERVERS {
        let url = format!("http://{}:8500/v1/status/leader", ip(n));
        if let Ok(r) = http.get(url).send().await
            && let Ok(l) = r.json::<String>().await
            && let Some(i) = (0..SERVERS).find(|i| l == format!("{}:8300", ip(*i)))
        {
            return Some(i);
        }
    }
    None
}

/// One request's outcome, as the register sees it.
enum Outcome<T> {
    Done(T),
    /// Not applied (refused before it was sent, or a read that failed): try elsewhere.
    Failed(String),
    /// A write whose fate is unknown.
    Unknown(String),
}

/// A write (`cas: None`) or compare-and-set of `value` at `node`.
async fn put(http: &reqwest::Client, node: usize, key: &str, value: &str, cas: Option<u64>) -> Outcome<bool> {
    let cas = cas.map(|i| format!("?cas={i}")).unwrap_or_default();
    let url = format!("http://{}:8500/v1/kv/{key}{cas}", ip(node));
    match http.put(url).body(value.to_owned()).send().await {
        Err(e) if e.is_connect() => Outcome::Failed(format!("connect: {e}")),
        Err(e) => Outcome::Unknown(e.to_string()),
        Ok(r) => {
            let status = r.status().as_u16();
            let body = r.text().await.unwrap_or_default();
            match (status, body.trim()) {
                (200, "true") => Outcome::Done(true),
                (200, "false") => Outcome::Done(false),
                // Refused before it was proposed.
                (500, b) if b.starts_with("leadership lost") && !b.contains("may still be committed") => {
                    Outcome::Failed(b.to_owned())
                }
                (_, b) => Outcome::Unknown(format!("{status} {b}")),
            }
        }
    }
}

/// A read at `node`: the value and its ModifyIndex (`None`: the key does not exist).
async fn get(http: &reqwest::Client, node: usize, key: &str, consistent: bool) -> Outcome<Option<(String, u64)>> {
    let mode = if consistent { "?consistent" } else { "" };
    let url = format!("http://{}:8500/v1/kv/{key}{mode}", ip(node));
    let r = match http.get(url).send().await {
        Ok(r) => r,
        Err(e) => return Outcome::Failed(e.to_string()),
    };
    match r.status().as_u16() {
        404 => Outcome::Done(None),
        200 => {
            let v: serde_json::Value = match r.json().await {
                Ok(v) => v,
                Err(e) => return Outcome::Failed(e.to_string()),
            };
            let value = v[0]["Value"].as_str().map(|b| {
                use base64::Engine;
                String::from_utf8(base64::engine::general_purpose::STANDARD.decode(b).unwrap()).unwrap()
            });
            Outcome::Done(value.zip(v[0]["ModifyIndex"].as_u64()))
        }
        s => Outcome::Failed(format!("{s} {}", r.text().await.unwrap_or_default())),
    }
}

#[derive(Default)]
struct Tally {
    done: usize,
    failed: usize,
    unknown: usize,
    failures: Vec<String>,
}

/// One client: operations until `stop`, each recorded into `history` per key. A client
/// sticks to one server and moves to the next when a request there fails.
async fn client(
    c: usize,
    start: Instant,
    stop: Arc<AtomicBool>,
    history: Arc<Mutex<Vec<Vec<Event>>>>,
    tally: Arc<Mutex<Tally>>,
) {
    fedctl::tls::install_default_provider();
    let http = reqwest::Client::builder()
        .connect_timeout(Duration::from_millis(500))
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    let now = || start.elapsed().as_micros() as u64;
    let (mut node, mut n, mut rng) = (c % SERVERS, 0u64, 0x2545F4914F6CDD1Du64 ^ c as u64);
    let mut next = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    let record = |key: usize, e: Event| history.lock().unwrap()[key].push(e);
    // A write's (or compare-and-set's) outcome recorded: "done", "unknown" (it may or may not
    // have taken effect), or `None` when it failed without effect and may go elsewhere.
    let settle = |key: usize, invoked: u64, outcome: Outcome<bool>, op: &dyn Fn(bool) -> Op| match outcome {
        Outcome::Done(ok) => {
            record(key, Event { client: c, invoked, completed: Some(now()), op: op(ok) });
            Some("done")
        }
        Outcome::Unknown(why) => {
            record(key, Event { client: c, invoked, completed: None, op: op(true) });
            tally.lock().unwrap().failures.push(why);
            Some("unknown")
        }
        Outcome::Failed(why) => {
            tally.lock().unwrap().failures.push(why);
            None
        }
    };
    while !stop.load(Ordering::Relaxed) {
        let key = (next() % KEYS as u64) as usize;
        let name = format!("jepsen/{key}");
        n += 1;
        let value = format!("c{c}-{n}");
        let kind = next() % 4;
        // Up to one try per server for an operation that fails without effect.
        let mut outcome = "failed";
        for _ in 0..SERVERS {
            let invoked = now();
            match kind {
                0 => {
                    let written = put(&http, node, &name, &value, None).await;
                    match settle(key, invoked, written, &|_| Op::Write(value.clone())) {
                        Some(o) => outcome = o,
                        None => {
                            node = (node + 1) % SERVERS;
                            continue;
                        }
                    }
                }
                1 | 2 => match get(&http, node, &name, kind == 2).await {
                    Outcome::Done(v) => {
                        let op = Op::Read(v.map(|(v, _)| v));
                        record(key, Event { client: c, invoked, completed: Some(now()), op });
                        outcome = "done";
                    }
                    Outcome::Failed(why) | Outcome::Unknown(why) => {
                        tally.lock().unwrap().failures.push(why);
                        node = (node + 1) % SERVERS;
                        continue;
                    }
                },
                _ => {
                    // Read, then compare-and-set over the ModifyIndex read.
                    let Outcome::Done(seen) = get(&http, node, &name, false).await else {
                        node = (node + 1) % SERVERS;
                        continue;
                    };
                    let expected = seen.as_ref().map(|(v, _)| v.clone());
                    record(key, Event { client: c, invoked, completed: Some(now()), op: Op::Read(expected.clone()) });
                    let index = seen.map_or(0, |(_, i)| i);
                    let invoked = now();
                    let cas = |ok| Op::Cas { expected: expected.clone(), new: value.clone(), ok };
                    match settle(key, invoked, put(&http, node, &name, &value, Some(index)).await, &cas) {
                        Some(o) => outcome = o,
                        None => {
                            node = (node + 1) % SERVERS;
                            continue;
                        }
                    }
                }
            }
            break;
        }
        let mut t = tally.lock().unwrap();
        match outcome {
            "done" => t.done += 1,
            "unknown" => {
                t.unknown += 1;
                node = (node + 1) % SERVERS;
            }
            _ => t.failed += 1,
        }
    }
}

fn secs() -> u64 {
    std::env::var("FEDCTL_JEPSEN_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(60)
}

fn runs() -> usize {
    std::env::var("FEDCTL_JEPSEN_RUNS").ok().and_then(|s| s.parse().ok()).unwrap_or(1)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_register_with_cas_stays_linearizable_under_partitions_isolation_and_kill_9() {
    for run in 1..=runs() {
        let Some(summary) = one_run().await else { return };
        eprintln!("jepsen run {run}/{}: {summary}", runs());
    }
}

/// One run; `None` when namespaces are not available (the test skips, saying so).
async fn one_run() -> Option<String> {
    fedctl::tls::install_default_provider();
    let mut topo = Topology::new("to run servers in namespaces of their own under a nemesis")?;
    let lan = topo.network("lan");
    let hosts: Vec<usize> = (0..SERVERS).map(|n| topo.host(&format!("s{n}"))).collect();
    for (n, host) in hosts.iter().enumerate() {
        topo.attach(*host, lan, &format!("{}/24", ip(n)));
    }
    // The clients' link: from this namespace onto the bridge (removed with the bridge's).
    let lan_ns = topo.ns(lan).0.clone();
    let (here, there) =
        (format!("{}c", &lan_ns[..lan_ns.len().min(10)]), format!("{}d", &lan_ns[..lan_ns.len().min(10)]));
    sh(&["link", "add", &here, "type", "veth", "peer", "name", &there]);
    sh(&["link", "set", &there, "netns", &lan_ns]);
    sh(&["-n", &lan_ns, "link", "set", &there, "master", "br0"]);
    sh(&["-n", &lan_ns, "link", "set", &there, "up"]);
    sh(&["addr", "add", "10.78.0.100/24", "dev", &here]);
    sh(&["link", "set", &here, "up"]);
    let mut cluster = Cluster { topo, lan, hosts, agents: (0..SERVERS).map(|_| None).collect(), dir: temp_dir() };
    for n in 0..SERVERS {
        cluster.start(n);
    }
    let http = reqwest::Client::builder().timeout(Duration::from_secs(5)).build().unwrap();
    eventually_with("a leader", || cluster.logs(), async || leader(&http).await.is_some()).await;

    let start = Instant::now();
    let stop = Arc::new(AtomicBool::new(false));
    let history = Arc::new(Mutex::new((0..KEYS).map(|_| Vec::new()).collect::<Vec<_>>()));
    let tally = Arc::new(Mutex::new(Tally::default()));
    let clients: Vec<_> =
        (0..CLIENTS).map(|c| tokio::spawn(client(c, start, stop.clone(), history.clone(), tally.clone()))).collect();

    // The nemesis: a healthy moment, then a fault on whoever leads, in turn.
    let mut faults = Vec::new();
    let mut round = 0;
    while start.elapsed() < Duration::from_secs(secs()) {
        tokio::time::sleep(Duration::from_secs(3)).await;
        let Some(l) = leader(&http).await else { continue };
        match round % 3 {
            0 => {
                cluster.partition(l, true);
                tokio::time::sleep(Duration::from_secs(5)).await;
                cluster.partition(l, false);
                faults.push(format!("partitioned s{l}"));
            }
            1 => {
                cluster.topo.set_link(cluster.hosts[l], cluster.lan, false);
                tokio::time::sleep(Duration::from_secs(5)).await;
                cluster.topo.set_link(cluster.hosts[l], cluster.lan, true);
                faults.push(format!("isolated s{l}"));
            }
            _ => {
                cluster.kill9(l);
                tokio::time::sleep(Duration::from_secs(3)).await;
                cluster.start(l);
                faults.push(format!("killed s{l}"));
            }
        }
        round += 1;
    }
    stop.store(true, Ordering::Relaxed);
    for c in clients {
        c.await.unwrap();
    }

    // kill -9 of every server, then all back: every acknowledged write must still be there,
    // which the final reads (part of each key's history) check.
    for n in 0..SERVERS {
        cluster.kill9(n);
    }
    for n in 0..SERVERS {
        cluster.start(n);
    }
    eventually_with("a leader after the restart", || cluster.logs(), async || leader(&http).await.is_some()).await;
    for key in 0..KEYS {
        let name = format!("jepsen/{key}");
        let mut final_read = None;
        eventually_with(
            "a final consistent read",
            || cluster.logs(),
            async || {
                for n in 0..SERVERS {
                    let invoked = start.elapsed().as_micros() as u64;
                    if let Outcome::Done(v) = get(&http, n, &name, true).await {
                        final_read = Some(Event {
                            client: CLIENTS,
                            invoked,
                            completed: Some(start.elapsed().as_micros() as u64),
                            op: Op::Read(v.map(|(v, _)| v)),
                        });
                        return true;
                    }
                }
                false
            },
        )
        .await;
        history.lock().unwrap()[key].push(final_read.unwrap());
    }

    let history = history.lock().unwrap();
    for (key, events) in history.iter().enumerate() {
        if let Err(v) = check(events) {
            panic!("key jepsen/{key} ({} operations; faults: {faults:?}):\n{v}", events.len());
        }
    }
    let t = tally.lock().unwrap();
    let total = t.done + t.failed + t.unknown;
    let mut kinds: Vec<String> = t.failures.iter().map(|f| f.chars().take(60).collect()).collect();
    kinds.sort();
    kinds.dedup();
    assert!(
        t.done * 100 >= total * 95,
        "{} of {total} operations completed (failed {}, unknown {}); faults {faults:?}; failures seen: {kinds:#?}",
        t.done,
        t.failed,
        t.unknown
    );
    Some(format!(
        "{total} operations, {} completed, {} failed, {} unknown; faults {faults:?}; every key linearizable",
        t.done, t.failed, t.unknown
    ))
}
