//! A real `fedctl agent` process: started as a user would, its banner read for its addresses,
//! and everything it printed kept for failure messages. Killed on drop.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::fedctl_cmd;

pub use super::ports::FREE_PORTS;

/// A running `fedctl agent` child, its addresses, and everything it printed.
pub struct AgentProcess {
    pub child: Child,
    pub http: String,
    /// The banner's `Server RPC:` and `LAN gossip:` addresses.
    pub rpc: String,
    pub gossip: String,
    pub output: Arc<Mutex<String>>,
}

impl AgentProcess {
    /// Starts `program args...` (fedctl agent, possibly behind `ip netns exec`) and waits for
    /// its "HTTP API:" banner.
    pub fn spawn(mut cmd: Command) -> AgentProcess {
        let mut child =
            cmd.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::piped()).spawn().expect("spawn agent");
        let output = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = std::sync::mpsc::channel();
        let stderr = child.stderr.take().unwrap();
        let sink = output.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                for key in ["HTTP API: ", "Server RPC: ", "LAN gossip: "] {
                    if let Some(addr) = line.trim().strip_prefix(key) {
                        let _ = tx.send((key, addr.to_owned()));
                    }
                }
                sink.lock().unwrap().push_str(&(line + "\n"));
            }
        });
        let mut banner = std::collections::HashMap::new();
        // The banner ends with the gossip address (servers print their RPC address before it).
        while !banner.contains_key("LAN gossip: ") {
            let Ok((key, addr)) = rx.recv_timeout(Duration::from_secs(30)) else {
                break;
            };
            banner.insert(key, addr);
        }
        let http = banner
            .get("HTTP API: ")
            .cloned()
            .unwrap_or_else(|| panic!("the agent printed no HTTP address:\n{}", output.lock().unwrap()));
        let rpc = banner.get("Server RPC: ").cloned().unwrap_or_default();
        let gossip = banner.get("LAN gossip: ").cloned().unwrap_or_default();
        AgentProcess { child, http, rpc, gossip, output }
    }

    /// A durable single server (`-bootstrap-expect 1`) with its data under `dir`.
    pub fn durable(dir: &Path, extra: &[&str]) -> AgentProcess {
        let mut cmd = fedctl_cmd(dir);
        cmd.args(["agent", "-server", "-bootstrap-expect", "1", "-node", "n1"])
            .args(FREE_PORTS)
            .args(["-data-dir", dir.join("data").to_str().unwrap()])
            .args(extra);
        AgentProcess::spawn(cmd)
    }

    /// Everything the agent printed so far.
    pub fn log(&self) -> String {
        self.output.lock().unwrap().clone()
    }

    /// Waits until this agent names a leader (failing, with its log, after 60 s).
    pub async fn wait_for_leader(&self) {
        let (client, url) = (crate::support::http_client(), format!("{}/v1/status/leader", self.http));
        crate::support::eventually_with(
            "a leader",
            || self.log(),
            async || get(&client, &url).await.text().await.unwrap_or_default().len() > 2,
        )
        .await;
    }

    pub fn kill9(mut self) {
        self.child.kill().unwrap(); // SIGKILL
        self.child.wait().unwrap();
    }
}

impl Drop for AgentProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// GET `url`, failing the test when it cannot be sent.
pub async fn get(client: &reqwest::Client, url: &str) -> reqwest::Response {
    client.get(url).send().await.unwrap_or_else(|e| panic!("GET {url}: {e}"))
}
