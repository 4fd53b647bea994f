//! Stopping an agent: every way a user stops one (SIGTERM, Ctrl-C, `fedctl leave`) ends the
//! process promptly even with a real Envoy gateway holding its xDS stream open; a second Ctrl-C
//! exits at once; and a shutdown leaves no task of the agent running.

use std::process::Command;
use std::time::{Duration, Instant};

use rustix::process::{Pid, Signal, kill_process};

use fedctl::config::ConfigFlags;

use crate::support::agent::free_ports;
use crate::support::gateway::{Gateway, Pki, have_envoy, wanfed_flags, wanfed_server};
use crate::support::process::{AgentProcess, FREE_PORTS};
use crate::support::{eventually_with, fedctl, fedctl_cmd, http_client, temp_dir};

/// The bound the issue sets for stopping a gateway's agent (the fault it fixes took minutes).
const EXIT_WITHIN: Duration = Duration::from_secs(5);

fn dev_agent(dir: &std::path::Path) -> AgentProcess {
    let mut cmd: Command = fedctl_cmd(dir);
    cmd.args(["agent", "-dev", "-node", "gw-host"]).args(FREE_PORTS);
    AgentProcess::spawn(cmd)
}

fn signal(agent: &AgentProcess, signal: Signal) {
    let pid = Pid::from_raw(agent.child.id() as i32).unwrap();
    kill_process(pid, signal).unwrap();
}

/// Waits until the agent process exits; its exit code, or `None` when it is still running
/// after `within`.
fn exit_code(agent: &mut AgentProcess, within: Duration) -> Option<i32> {
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        if let Some(status) = agent.child.try_wait().unwrap() {
            return Some(status.code().unwrap_or(-1));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    None
}

/// An agent whose gateway's Envoy has an open, acknowledged xDS stream.
async fn agent_with_connected_gateway(dir: &std::path::Path) -> (AgentProcess, Gateway) {
    let agent = dev_agent(dir);
    let gateway = Gateway::start_at(&agent.http, dir, "gw", &["-expose-servers"]);
    let client = http_client();
    let url = format!("{}/v1/internal/xds", agent.http);
    eventually_with(
        "Envoy holds an acknowledged xDS stream",
        || format!("{}\n{}", agent.log(), gateway.log()),
        async || {
            let Ok(resp) = client.get(&url).send().await else { return false };
            let status: serde_json::Value = resp.json().await.unwrap_or_default();
            status["gw"]["Streams"] == 1
                && status["gw"]["Types"]["listeners"]["AckedVersion"].as_str().is_some_and(|v| !v.is_empty())
        },
    )
    .await;
    (agent, gateway)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_with_a_connected_gateway_stops_promptly_on_sigterm_ctrl_c_and_leave() {
    if !have_envoy("to hold an xDS stream open while the agent stops") {
        return;
    }
    for how in ["SIGTERM", "Ctrl-C", "fedctl leave"] {
        let dir = temp_dir();
        let (mut agent, gateway) = agent_with_connected_gateway(dir.path()).await;
        match how {
            "SIGTERM" => signal(&agent, Signal::TERM),
            "Ctrl-C" => signal(&agent, Signal::INT),
            _ => {
                let run = fedctl(dir.path(), &["leave", "-http-addr", &agent.http]);
                assert_eq!(run.code, 0, "fedctl leave: {run:?}");
            }
        }
        let code = exit_code(&mut agent, EXIT_WITHIN);
        assert_eq!(code, Some(0), "after {how}, the agent exits cleanly within {EXIT_WITHIN:?}:\n{}", agent.log());
        let log = agent.log();
        assert!(log.contains("shutting down"), "{how}: {log}");
        assert!(log.contains("closing the xDS stream"), "{how}: the agent closed Envoy's stream itself:\n{log}");
        assert!(!log.contains("aborted tasks"), "{how}: every task ended by itself:\n{log}");
        drop(gateway);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_ctrl_c_exits_at_once() {
    let dir = temp_dir();
    let mut agent = dev_agent(dir.path());
    let client = http_client();
    // A blocking query in flight: the shutdown gives it a moment before cutting it, and the
    // second Ctrl-C arrives during that moment.
    let index = client.get(format!("{}/v1/kv/k", agent.http)).send().await.unwrap();
    let index = index.headers()["X-Consul-Index"].to_str().unwrap().to_owned();
    let blocking = client.get(format!("{}/v1/kv/k?index={index}&wait=60s", agent.http)).send();
    let blocking = tokio::spawn(blocking);
    // The agent counts every request it received: one read, the blocking query once it
    // arrived, and each of these polls.
    let mut polls = 0;
    eventually_with(
        "the blocking query reached the agent",
        || agent.log(),
        async || {
            polls += 1;
            let metrics: serde_json::Value =
                client.get(format!("{}/v1/agent/metrics", agent.http)).send().await.unwrap().json().await.unwrap();
            let counters = metrics["Counters"].as_array().unwrap();
            let requests = counters.iter().find(|c| c["Name"] == "fedctl.http.requests").unwrap()["Count"].as_u64();
            requests == Some(2 + polls)
        },
    )
    .await;
    assert!(!blocking.is_finished(), "the blocking query is still held");
    signal(&agent, Signal::INT);
    eventually_with("the agent starts shutting down", || agent.log(), async || agent.log().contains("shutting down"))
        .await;
    signal(&agent, Signal::INT);
    let code = exit_code(&mut agent, EXIT_WITHIN);
    assert_eq!(code, Some(130), "{}", agent.log());
    assert!(agent.log().contains("second signal: exiting now"), "{}", agent.log());
    blocking.abort();
}

/// An agent in a tokio runtime of its own, so that its tasks are counted apart from every
/// other agent's: `alive()` is what still runs there.
struct Isolated {
    base: String,
    runtime: tokio::runtime::Handle,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    stopped: Option<tokio::sync::oneshot::Receiver<()>>,
    /// Keeps the runtime (and whatever still runs in it) alive until the test is done counting.
    release: Option<std::sync::mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Isolated {
    fn start(flags: ConfigFlags) -> Isolated {
        let (ready_tx, ready_rx) = std::sync::mpsc::channel();
        let (stop, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let (stopped_tx, stopped) = tokio::sync::oneshot::channel();
        let (release, released) = std::sync::mpsc::channel::<()>();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
            runtime.block_on(async move {
                let cfg = fedctl::config::resolve(&flags).unwrap();
                let agent = fedctl::agent::start(cfg, fedctl::agent::StartOptions::default()).await.unwrap();
                let base = format!("http://{}", agent.http_addr.unwrap());
                ready_tx.send((base, tokio::runtime::Handle::current())).unwrap();
                let _ = stop_rx.await;
                agent.shutdown().await;
                let _ = stopped_tx.send(());
            });
            // The runtime's workers keep running what is left until it is dropped here.
            let _ = released.recv();
        });
        let (base, runtime) = ready_rx.recv().unwrap();
        let (stop, stopped, release) = (Some(stop), Some(stopped), Some(release));
        Isolated { base, runtime, stop, stopped, release, thread: Some(thread) }
    }

    fn alive(&self) -> usize {
        self.runtime.metrics().num_alive_tasks()
    }

    /// Shuts the agent down; returns once its shutdown returned.
    async fn shutdown(&mut self) {
        let _ = self.stop.take().unwrap().send(());
        self.stopped.take().unwrap().await.unwrap();
    }
}

impl Drop for Isolated {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        drop(self.release.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// A federation through real gateways (RPC and gossip through the tunnel, the locator and its
/// prober, replication, the CA mirror, xDS streams) with a client agent (gossip, pooled RPC, a
/// check, a blocking query forwarded to a server and in flight at shutdown). A secondary's
/// server and the client each run in a runtime of their own; each is shut down while the rest
/// of the federation still runs, so no task of theirs can end because a peer went away, and
/// afterwards none is left.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_leaves_no_task_of_the_agent_running() {
    if !have_envoy("to federate two datacenters through gateways") {
        return;
    }
    let pki = Pki::new();
    let dir = pki.dir.path();
    let dc1 = wanfed_server(&pki, "dc1", &[]).await;
    let gw1 = Gateway::start(&dc1, dir, "gw-dc1");
    let mut dc2 = Isolated::start(wanfed_flags(&pki, "dc2", std::slice::from_ref(&gw1.addr)));
    let gw2 = Gateway::start_at(&dc2.base, dir, "gw-dc2", &["-expose-servers"]);
    let mut client = Isolated::start(ConfigFlags {
        node: Some("c1".into()),
        datacenter: Some("dc1".into()),
        primary_datacenter: Some("dc1".into()),
        data_dir: Some(dir.join("c1-data").display().to_string()),
        bind: Some("127.0.0.1".into()),
        advertise: Some("127.0.0.1".into()),
        join: vec![dc1.agent.gossip.as_ref().unwrap().local().addr.to_string()],
        config_files: vec![pki.client_config("dc1", "c1")],
        ..free_ports()
    });
    let http = http_client();
    let logs = || format!("--- gw1:\n{}\n--- gw2:\n{}", gw1.log(), gw2.log());
    let put = async |base: &str, path: &str, body: &'static str| {
        let resp = http.put(format!("{base}{path}")).body(body).send().await.unwrap();
        (resp.status().as_u16(), resp.text().await.unwrap())
    };
    eventually_with("a write from dc1's client agent reaches dc2 through the gateways", logs, async || {
        put(&client.base, "/v1/kv/k?dc=dc2", "v").await == (200, "true".to_owned())
    })
    .await;
    eventually_with("dc2 writes to dc1 through the gateways", logs, async || {
        put(&dc2.base, "/v1/kv/from-dc2?dc=dc1", "v").await == (200, "true".to_owned())
    })
    .await;
    assert_eq!(put(&client.base, "/v1/agent/check/register", r#"{"Name": "beat", "TTL": "30s"}"#).await.0, 200);
    let check = format!(r#"{{"Name": "api", "HTTP": "{}/v1/status/leader", "Interval": "1s"}}"#, client.base);
    let resp = http.put(format!("{}/v1/agent/check/register", client.base)).body(check).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    eventually_with("the HTTP check passes", logs, async || {
        let checks: serde_json::Value =
            http.get(format!("{}/v1/agent/checks", client.base)).send().await.unwrap().json().await.unwrap();
        checks["api"]["Status"] == "passing"
    })
    .await;
    let read = http.get(format!("{}/v1/kv/k?dc=dc2", client.base)).send().await.unwrap();
    let index = read.headers()["X-Consul-Index"].to_str().unwrap().to_owned();
    let blocking = http.get(format!("{}/v1/kv/k?dc=dc2&index={index}&wait=60s", client.base)).send();
    let blocking = tokio::spawn(blocking);

    for (name, agent) in [("the client agent", &mut client), ("dc2's server", &mut dc2)] {
        assert!(agent.alive() > 0, "{name} runs tasks");
        agent.shutdown().await;
        // Tasks that were awaited are gone; the moment allowed is only tokio's bookkeeping
        // after a join (a task detached and sleeping, or waiting for a peer, is still there).
        let deadline = Instant::now() + Duration::from_secs(1);
        while agent.alive() > 0 && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        assert_eq!(agent.alive(), 0, "tasks of {name} outlived its shutdown");
    }
    assert!(blocking.await.unwrap().is_err(), "the blocking query was cut, not answered");
    drop((gw1, gw2));
    dc1.stop().await;
}
