//! How far along a lab is, stage by stage: each stage is a question asked of the lab's
//! servers over their HTTP API, and with a demo, of the demo through the mesh.

use std::time::Duration;

use serde_json::Value;

use super::demo_start::error_chain;
use super::plan::{Lab, LabDatacenter};

/// The stages `fedctl lab up` waits for, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    AgentsUp,
    LeadersElected,
    WanAlive,
    FederationStates,
    CrossDcRpc,
    /// Every datacenter's demo answers its curl (only in a lab with a demo).
    Demo,
}

impl Stage {
    /// The stages of every lab: federated once they hold.
    pub const ALL: [Stage; 5] =
        [Stage::AgentsUp, Stage::LeadersElected, Stage::WanAlive, Stage::FederationStates, Stage::CrossDcRpc];

    /// The stages of `lab`: [`Stage::ALL`], then [`Stage::Demo`] when it has a demo.
    pub fn of(lab: &Lab) -> Vec<Stage> {
        let mut stages = Stage::ALL.to_vec();
        if lab.has_demo() {
            stages.push(Stage::Demo);
        }
        stages
    }

    pub fn describe(self) -> &'static str {
        match self {
            Stage::AgentsUp => "agents up",
            Stage::LeadersElected => "leaders elected",
            Stage::WanAlive => "WAN members alive",
            Stage::FederationStates => "federation states complete",
            Stage::CrossDcRpc => "cross-DC RPC working",
            Stage::Demo => "demo answering through the mesh",
        }
    }
}

/// Asks the lab's servers.
#[derive(Debug, Clone)]
pub struct Checker {
    http: reqwest::Client,
    /// A secure lab's management token, sent to its agents (never to the demo's apps).
    token: Option<String>,
}

impl Default for Checker {
    fn default() -> Self {
        Self::new()
    }
}

impl Checker {
    pub fn new() -> Checker {
        crate::tls::install_default_provider();
        let http = reqwest::Client::builder().timeout(Duration::from_secs(3)).build().unwrap_or_default();
        Checker { http, token: None }
    }

    /// A checker of `lab`: with its management token when it is a secure lab.
    pub fn for_lab(lab: &Lab) -> Checker {
        Checker { token: super::secure::management_token(lab), ..Checker::new() }
    }

    async fn get(&self, addr: &str, path: &str) -> Option<Value> {
        let mut request = self.http.get(format!("http://{addr}{path}"));
        if let Some(token) = &self.token {
            request = request.header("X-Consul-Token", token);
        }
        let r = request.send().await.ok()?;
        if !r.status().is_success() {
            return None;
        }
        r.json().await.ok()
    }

    /// The leader of `addr`'s datacenter, if one is known there.
    pub async fn leader(&self, addr: &str) -> Option<String> {
        self.get(addr, "/v1/status/leader").await?.as_str().filter(|l| !l.is_empty()).map(str::to_owned)
    }

    /// Alive WAN members as `addr` sees them.
    pub async fn wan_alive(&self, addr: &str) -> usize {
        let members = self.get(addr, "/v1/agent/members?wan=1").await;
        members.and_then(|m| m.as_array().map(|m| m.iter().filter(|m| m["Status"] == 1).count())).unwrap_or(0)
    }

    /// What the demo of `d` answers through the mesh (a GET of its URL), or why it does not
    /// answer as echo of that datacenter.
    pub async fn demo_answer(&self, d: &LabDatacenter) -> Result<String, String> {
        let curl = d.demo_curl().ok_or("no demo")?;
        self.curl_answer(&curl).await
    }

    /// What a demo curl answers, or why it does not answer as it says it will.
    pub async fn curl_answer(&self, curl: &super::DemoCurl) -> Result<String, String> {
        let response = self.http.get(curl.url.as_str()).send().await.map_err(|e| error_chain(&e))?;
        let status = response.status();
        let body = response.text().await.map_err(|e| error_chain(&e))?;
        if status.is_success() && body.starts_with(&format!("{}: ", curl.answer)) {
            Ok(body)
        } else {
            Err(format!("answered {status} {:?}", body.trim()))
        }
    }

    /// The first demo curl that does not answer as it says, and why (`dc2: curl URL: ...`):
    /// each datacenter's own, then each one to the next datacenter.
    pub async fn demo_problem(&self, lab: &Lab) -> Option<String> {
        for curl in lab.demo_curls() {
            if let Err(why) = self.curl_answer(&curl).await {
                return Some(format!("{}: {}: {why}", curl.datacenter, curl.curl));
            }
        }
        None
    }

    /// Whether `stage` holds for the whole lab now.
    pub async fn holds(&self, lab: &Lab, stage: Stage) -> bool {
        let servers: Vec<String> =
            lab.datacenters.iter().flat_map(|d| d.servers.iter().map(|s| s.http_addr())).collect();
        let total = servers.len();
        let dcs = lab.datacenters.len();
        match stage {
            Stage::AgentsUp => {
                // Any answer will do: with ACLs, a secondary cannot resolve the management
                // token before its gateway runs, which waits for this stage.
                for s in &servers {
                    if self.http.get(format!("http://{s}/v1/status/leader")).send().await.is_err() {
                        return false;
                    }
                }
                true
            }
            Stage::LeadersElected => {
                for d in &lab.datacenters {
                    if self.leader(&d.servers[0].http_addr()).await.is_none() {
                        return false;
                    }
                }
                true
            }
            Stage::WanAlive => {
                for s in &servers {
                    if self.wan_alive(s).await != total {
                        return false;
                    }
                }
                true
            }
            Stage::FederationStates => {
                let gateways = lab.datacenters[0].gateways.len();
                for s in &servers {
                    let Some(states) = self.get(s, "/v1/internal/federation-states?stale").await else { return false };
                    let complete = states.as_array().is_some_and(|a| {
                        a.len() == dcs
                            && a.iter().all(|st| st["MeshGateways"].as_array().map_or(0, Vec::len) == gateways)
                    });
                    if !complete {
                        return false;
                    }
                }
                // And every gateway is running: its health check reaches its Envoy (a gateway
                // registers before its Envoy starts).
                for d in &lab.datacenters {
                    let path = "/v1/health/service/mesh-gateway?passing";
                    let Some(passing) = self.get(&d.servers[0].http_addr(), path).await else { return false };
                    if passing.as_array().map_or(0, Vec::len) != d.gateways.len() {
                        return false;
                    }
                }
                true
            }
            Stage::CrossDcRpc => {
                let first = lab.datacenters[0].servers[0].http_addr();
                for d in &lab.datacenters[1..] {
                    let there = self.get(&first, &format!("/v1/catalog/nodes?dc={}", d.name)).await;
                    let back = self.get(&d.servers[0].http_addr(), "/v1/catalog/nodes?dc=dc1").await;
                    if there.is_none() || back.is_none() {
                        return false;
                    }
                }
                true
            }
            Stage::Demo => self.demo_problem(lab).await.is_none(),
        }
    }
}
