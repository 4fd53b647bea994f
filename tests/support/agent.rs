//! In-process agents for API tests: real raft, real sockets, port 0.

use std::time::Duration;

use fedctl::agent::{Running, StartOptions, start};
use fedctl::config::{ConfigFlags, resolve};
use fedctl::local::sync::SyncTiming;

pub struct TestAgent {
    pub agent: Running,
    pub base: String,
    pub http: reqwest::Client,
}

/// Flags for an agent with every listener on a free port (HTTP, server RPC, LAN and WAN gossip,
/// xDS gRPC).
/// A `-dev` server of `dc` (node `s-<dc>`) in a federation whose primary is dc1, joining
/// `join_wan` over the WAN when given.
pub async fn dc_server(dc: &str, join_wan: Option<String>) -> TestAgent {
    agent_with(ConfigFlags {
        dev: true,
        node: Some(format!("s-{dc}")),
        datacenter: Some(dc.into()),
        primary_datacenter: Some("dc1".into()),
        join_wan: join_wan.into_iter().collect(),
        ..free_ports()
    })
    .await
}

pub fn free_ports() -> ConfigFlags {
    ConfigFlags {
        http_port: Some(0),
        server_port: Some(0),
        serf_lan_port: Some(0),
        serf_wan_port: Some(0),
        grpc_port: Some(0),
        dns_port: Some(0),
        ..ConfigFlags::default()
    }
}

/// Server `s<n>` of a datacenter of three durable servers on 127.0.0.1, its data in `dir`,
/// joining the LAN pool through `join`.
pub fn one_of_three(dir: &std::path::Path, n: usize, join: Option<String>) -> ConfigFlags {
    ConfigFlags {
        server: true,
        bootstrap_expect: Some(3),
        node: Some(format!("s{n}")),
        data_dir: Some(dir.join(format!("s{n}")).display().to_string()),
        bind: Some("127.0.0.1".into()),
        advertise: Some("127.0.0.1".into()),
        join: join.into_iter().collect(),
        ..free_ports()
    }
}

/// A datacenter of three durable servers (`s0`..`s2`, data in `dir`), returned once each
/// knows its leader and sees s0's serfHealth passing (so sessions on s0 can be created).
pub async fn three_servers(dir: &std::path::Path) -> [TestAgent; 3] {
    let s0 = agent_starting(one_of_three(dir, 0, None)).await;
    let join = s0.agent.gossip.as_ref().expect("a LAN pool").local().addr.to_string();
    let (s1, s2) = tokio::join!(
        agent_starting(one_of_three(dir, 1, Some(join.clone()))),
        agent_starting(one_of_three(dir, 2, Some(join)))
    );
    let servers = [s0, s1, s2];
    for s in &servers {
        s.agent.raft().expect("a server").wait_for_leader(Duration::from_secs(30)).await.expect("a leader");
        s.wait_json("/v1/health/node/s0", "s0's serfHealth on every server", |v| {
            v.as_array().is_some_and(|a| a.iter().any(|c| c["CheckID"] == "serfHealth" && c["Status"] == "passing"))
        })
        .await;
    }
    servers
}

/// A `-dev` agent on a free port, with fast anti-entropy retries.
pub async fn dev_agent() -> TestAgent {
    agent_with(ConfigFlags { dev: true, node: Some("test-node".into()), ..free_ports() }).await
}

pub async fn agent_with(flags: ConfigFlags) -> TestAgent {
    let agent = agent_starting(flags).await;
    agent.agent.raft().expect("a server").wait_for_leader(Duration::from_secs(10)).await.expect("a leader");
    agent
}

/// ACLs on with default deny; with `master`, that token is the master token and the agent's.
pub fn acl_hcl(master: Option<&str>) -> String {
    let tokens = master.map(|m| format!("  tokens {{\n    master = \"{m}\"\n    agent = \"{m}\"\n  }}\n"));
    format!("acl {{\n  enabled = true\n  default_policy = \"deny\"\n{}}}\n", tokens.unwrap_or_default())
}

/// A `-dev` server (node `acl-node`) with ACLs on and default deny ([`acl_hcl`], written into
/// `dir`) and its gossip encrypted; with `master`, that token is installed as the master token
/// (and is the agent's own). Returns once the leader has installed the built-ins (and the
/// master token).
pub async fn acl_dev_agent(dir: &std::path::Path, master: Option<&str>) -> TestAgent {
    let path = dir.join("acl.hcl");
    std::fs::write(&path, acl_hcl(master)).expect("writing the ACL configuration");
    let agent = agent_with(ConfigFlags {
        dev: true,
        node: Some("acl-node".into()),
        config_files: vec![path],
        encrypt: Some(fedctl::gossip::generate_key()),
        ..free_ports()
    })
    .await;
    // The token/self of the master token, or else of the anonymous token, answers once installed.
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        let mut request = agent.http.get(agent.url("/v1/acl/token/self"));
        if let Some(master) = master {
            request = request.header("X-Consul-Token", master);
        }
        if request.send().await.is_ok_and(|r| r.status() == 200) {
            return agent;
        }
        assert!(std::time::Instant::now() < deadline, "the ACL built-ins were never installed");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Starts an agent without waiting for a leader (servers that bootstrap together).
pub async fn agent_starting(flags: ConfigFlags) -> TestAgent {
    agent_starting_with(flags, StartOptions::default()).await
}

/// A `-dev` agent started with `opts` (the proxy config manager's pacing, say).
pub async fn dev_agent_with(opts: StartOptions) -> TestAgent {
    let agent =
        agent_starting_with(ConfigFlags { dev: true, node: Some("test-node".into()), ..free_ports() }, opts).await;
    agent.agent.raft().expect("a server").wait_for_leader(Duration::from_secs(10)).await.expect("a leader");
    agent
}

/// Like [`agent_starting`], with `opts` (its anti-entropy timing is always the fast one).
pub async fn agent_starting_with(flags: ConfigFlags, opts: StartOptions) -> TestAgent {
    fedctl::tls::install_default_provider();
    let cfg = resolve(&flags).expect("test config");
    let sync = SyncTiming {
        interval: Duration::from_secs(30),
        retry: Duration::from_millis(50),
        reap: Duration::from_millis(50),
    };
    let agent = start(cfg, StartOptions { sync, ..opts }).await.expect("agent starts");
    let base = format!("http://{}", agent.http_addr.expect("HTTP enabled"));
    TestAgent { agent, base, http: super::http_client() }
}

impl TestAgent {
    /// `fedctl args...` in `dir` against this agent, off the async runtime so the in-process
    /// agent keeps answering while the command waits for it.
    pub async fn cli(&self, dir: &std::path::Path, args: &[&str]) -> super::Run {
        self.cli_with_stdin(dir, args, None).await
    }

    /// Like [`TestAgent::cli`], with `input` (if any) on the command's standard input.
    pub async fn cli_with_stdin(
        &self,
        dir: &std::path::Path,
        args: &[&str],
        input: Option<&'static [u8]>,
    ) -> super::Run {
        use std::io::Write;
        use std::process::Stdio;
        let (dir, http) = (dir.to_owned(), self.base.clone());
        let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
        tokio::task::spawn_blocking(move || {
            let mut cmd = super::fedctl_cmd(&dir);
            cmd.args(&args).env("FEDCTL_HTTP_ADDR", &http);
            let Some(input) = input else { return super::run_cmd(&mut cmd) };
            let mut child = cmd
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawning fedctl");
            let mut stdin = child.stdin.take().unwrap();
            stdin.write_all(input).unwrap();
            drop(stdin); // end of input
            let out = child.wait_with_output().unwrap();
            super::Run {
                code: out.status.code().unwrap_or(-1),
                stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
                stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            }
        })
        .await
        .unwrap()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get_json(&self, path: &str) -> serde_json::Value {
        let resp = self.http.get(self.url(path)).send().await.unwrap();
        assert!(resp.status().is_success(), "GET {path}: {}", resp.status());
        resp.json().await.unwrap()
    }

    /// PUT with a body; returns (status, body text).
    pub async fn put(&self, path: &str, body: impl Into<reqwest::Body>) -> (u16, String) {
        let resp = self.http.put(self.url(path)).body(body).send().await.unwrap();
        (resp.status().as_u16(), resp.text().await.unwrap())
    }

    /// Polls `path` until `pred` holds for its JSON (20 s deadline).
    pub async fn wait_json(
        &self,
        path: &str,
        what: &str,
        pred: impl Fn(&serde_json::Value) -> bool,
    ) -> serde_json::Value {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
        loop {
            let value = self.get_json(path).await;
            if pred(&value) {
                return value;
            }
            assert!(tokio::time::Instant::now() < deadline, "{what}: not within 20s; last {path}: {value}");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// How many HTTP requests the agent has received, this one included.
    pub async fn requests(&self) -> u64 {
        let metrics = self.get_json("/v1/agent/metrics").await;
        let counters = metrics["Counters"].as_array().cloned().unwrap_or_default();
        counters.iter().find(|c| c["Name"] == "fedctl.http.requests").and_then(|c| c["Count"].as_u64()).unwrap_or(0)
    }

    /// Checks that a blocking query sent after `before` (from [`TestAgent::requests`]) is parked:
    /// it reached the agent, and `waiter` (its task) has no answer 200 ms later. A query that is
    /// answered at once, instead of when something changes, fails here.
    pub async fn assert_parked<T>(&self, before: u64, waiter: &mut tokio::task::JoinHandle<T>) {
        let mut polls = 0;
        crate::support::eventually("the blocking query reached the agent", async || {
            polls += 1;
            // Each poll is a request too; one more than them is the query.
            self.requests().await > before + polls
        })
        .await;
        let early = tokio::time::timeout(Duration::from_millis(200), &mut *waiter).await;
        assert!(early.is_err(), "the blocking query was answered before anything changed");
    }

    pub async fn stop(self) {
        self.agent.shutdown().await;
    }
}
