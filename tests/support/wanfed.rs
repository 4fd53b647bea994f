//! A federation in isolated network namespaces, started as a user would: `fedctl agent` per
//! server and `fedctl connect envoy` per gateway, each in its own namespace. Datacenter k
//! (1-based) uses 10.k.0.0/24 (servers .10 and up, gateways .1 and up); gateways also sit on
//! the WAN 10.99.0.0/16 at 10.99.k.j. dc1 is the primary; secondaries know only
//! `primary_gateways`.
//!
//! Secured as "Secure a federation" in the README has it: ACLs on with default deny, a
//! least-privilege token each for the servers, replication and the gateways (the policies of
//! `fedctl lab`), and gossip encrypted. The tests act as the operator, with the management
//! token. A secondary's servers, like the reference's, dial the primary's gateways directly
//! until their own gateway is registered (registering it needs its token resolved, which
//! needs the primary): their first gateway's host forwards, masqueraded, to the primary's
//! gateways' WAN addresses and nowhere else; nothing routes into any datacenter's network.

use std::path::PathBuf;
use std::process::{Child, Stdio};

use serde_json::Value;

use fedctl::lab::Secrets;

use super::FEDCTL;
use super::gateway::{Pki, WANFED};
use super::netns::Topology;
use super::process::AgentProcess;

pub struct Server {
    pub host: usize,
    pub ip: String,
    pub node: String,
    pub process: Option<AgentProcess>,
}

pub struct GatewayRun {
    pub host: usize,
    pub lan: String,
    pub wan: String,
    pub child: Option<Child>,
    pub log: PathBuf,
    /// The server whose agent it registered with.
    pub agent: usize,
    pub id: String,
}

pub struct Dc {
    pub name: String,
    /// The datacenter's network (its bridge namespace), to attach more hosts to.
    pub net: usize,
    pub servers: Vec<Server>,
    pub gateways: Vec<GatewayRun>,
}

pub struct Federation {
    pub topo: Topology,
    pub pki: Pki,
    pub wan: usize,
    pub dcs: Vec<Dc>,
    /// When set, secondaries know the primary's gateway by this DNS name (their hosts files
    /// point it at the primary's first gateway; see [`Federation::point_primary_name`]).
    pub primary_gateway_name: Option<String>,
    pub secrets: Secrets,
    /// The gateways' token, in a file (`connect envoy -token-file`).
    gateway_token_file: PathBuf,
}

impl Drop for GatewayRun {
    fn drop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

impl Federation {
    /// Builds the networks and hosts for `shape` = servers per datacenter (dc1, dc2, ...)
    /// and `gateways` per datacenter, and writes certificates and configs. Nothing runs yet.
    pub fn build(why: &str, shape: &[usize], gateways: usize) -> Option<Federation> {
        if !super::have_tool("nft", "to route a secondary's servers to the primary's gateways") {
            return None;
        }
        let mut topo = Topology::new(why)?;
        let pki = Pki::new();
        let secrets = Secrets::new();
        topo.set_token(&secrets.management);
        let gateway_token_file = pki.dir.path().join("gateway.token");
        std::fs::write(&gateway_token_file, &secrets.gateways).unwrap();
        let wan = topo.network("wan");
        let mut dcs: Vec<Dc> = Vec::new();
        for (k, &n) in shape.iter().enumerate() {
            let k = k + 1;
            let name = format!("dc{k}");
            let net = topo.network(&format!("n{k}"));
            let mut servers = Vec::new();
            for i in 0..n {
                let host = topo.host(&format!("s{k}{i}"));
                let ip = format!("10.{k}.0.{}", 10 + i);
                topo.attach(host, net, &format!("{ip}/24"));
                servers.push(Server { host, ip, node: format!("s{k}-{i}"), process: None });
            }
            let mut gws = Vec::new();
            for j in 0..gateways {
                let host = topo.host(&format!("g{k}{j}"));
                let (lan, wan_ip) = (format!("10.{k}.0.{}", j + 1), format!("10.99.{k}.{}", j + 1));
                topo.attach(host, net, &format!("{lan}/24"));
                topo.attach(host, wan, &format!("{wan_ip}/16"));
                let log = pki.dir.path().join(format!("envoy-{name}-{j}.log"));
                gws.push(GatewayRun { host, lan, wan: wan_ip, child: None, log, agent: j % n, id: format!("gw-{j}") });
            }
            if k > 1 {
                // The primary's gateways' WAN addresses: where a secondary's servers may dial.
                let primary: Vec<String> = dcs[0].gateways.iter().map(|g| g.wan.clone()).collect();
                topo.nat_out(gws[0].host, net, wan, &primary, 8443);
                for s in &servers {
                    for addr in &primary {
                        topo.route(s.host, addr, &gws[0].lan);
                    }
                }
            }
            dcs.push(Dc { name, net, servers, gateways: gws });
        }
        Some(Federation { topo, pki, wan, dcs, primary_gateway_name: None, secrets, gateway_token_file })
    }

    /// The primary's gateways, as secondaries are configured with them.
    pub fn primary_gateways(&self) -> Vec<String> {
        match &self.primary_gateway_name {
            Some(name) => vec![format!("{name}:8443")],
            None => self.dcs[0].gateways.iter().map(|g| format!("{}:8443", g.wan)).collect(),
        }
    }

    /// Points the primary gateway DNS name at `ip` for every secondary server.
    pub fn point_primary_name(&self, ip: &str) {
        let Some(name) = &self.primary_gateway_name else { return };
        for d in &self.dcs[1..] {
            for s in &d.servers {
                self.topo.ns(s.host).set_hosts(&[(ip, name)]);
            }
        }
    }

    fn config(&self, dc: usize, i: usize) -> PathBuf {
        let d = &self.dcs[dc];
        let s = &d.servers[i];
        let tls = std::fs::read_to_string(self.pki.server_config(&d.name, &s.node)).unwrap();
        let extra = if dc == 0 {
            String::new()
        } else {
            let list: Vec<String> = self.primary_gateways().iter().map(|g| format!("{g:?}")).collect();
            format!("primary_gateways = [{}]\nprimary_gateways_interval = \"1s\"\n", list.join(", "))
        };
        let acl = fedctl::lab::server_hcl(&self.secrets, dc == 0);
        let path = self.pki.dir.path().join(format!("{}.hcl", s.node));
        std::fs::write(&path, format!("{tls}{WANFED}{extra}{acl}")).unwrap();
        path
    }

    /// Starts server `i` of datacenter index `dc`.
    pub fn start_server(&mut self, dc: usize, i: usize) {
        if dc > 0 && self.primary_gateway_name.is_some() {
            let ip = self.dcs[0].gateways[0].wan.clone();
            self.topo
                .ns(self.dcs[dc].servers[i].host)
                .set_hosts(&[(&ip, self.primary_gateway_name.as_deref().unwrap())]);
        }
        let config = self.config(dc, i);
        let d = &self.dcs[dc];
        let s = &d.servers[i];
        let data = self.pki.dir.path().join(format!("data-{}", s.node));
        let mut cmd = self.topo.ns(s.host).command(FEDCTL);
        cmd.args(["agent", "-server", "-node", &s.node, "-datacenter", &d.name, "-primary-datacenter", "dc1"])
            .args(["-bootstrap-expect", &d.servers.len().to_string()])
            .args(["-bind", &s.ip, "-advertise", &s.ip, "-client", "0.0.0.0"])
            .args(["-data-dir", data.to_str().unwrap(), "-config-file", config.to_str().unwrap()])
            .env("FEDCTL_LOG", "info")
            .env_remove("FEDCTL_HTTP_ADDR")
            .env_remove("CONSUL_HTTP_TOKEN");
        for other in d.servers.iter().filter(|o| o.ip != s.ip) {
            cmd.args(["-join", &other.ip]);
        }
        let process = AgentProcess::spawn(cmd);
        self.dcs[dc].servers[i].process = Some(process);
    }

    /// Starts gateway `j` of datacenter index `dc` with `fedctl connect envoy`.
    pub fn start_gateway(&mut self, dc: usize, j: usize) {
        let d = &self.dcs[dc];
        let g = &d.gateways[j];
        let agent = &d.servers[g.agent];
        let out = std::fs::OpenOptions::new().create(true).append(true).open(&g.log).unwrap();
        let mut cmd = self.topo.ns(g.host).command(FEDCTL);
        cmd.args(["connect", "envoy", "-http-addr", &format!("{}:8500", agent.ip), "-gateway=mesh"])
            .args(["-register", "-expose-servers", "-proxy-id", &g.id])
            .args(["-address", &format!("{}:8443", g.lan), "-wan-address", &format!("{}:8443", g.wan)])
            .args(["-token-file", self.gateway_token_file.to_str().unwrap()])
            .args(["--", "-l", "info"])
            .env_remove("FEDCTL_HTTP_ADDR")
            .env_remove("CONSUL_HTTP_TOKEN")
            .stdin(Stdio::null())
            .stdout(Stdio::from(out.try_clone().unwrap()))
            .stderr(Stdio::from(out));
        let child = cmd.spawn().unwrap();
        self.dcs[dc].gateways[j].child = Some(child);
    }

    pub fn stop_gateway(&mut self, dc: usize, j: usize) {
        if let Some(mut c) = self.dcs[dc].gateways[j].child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// Creates each job's policy and token in the primary, with the management token, once
    /// its leader has installed that token (`fedctl acl policy create`, `acl token create
    /// -secret`, as an operator would). Blocks until done.
    pub fn create_tokens(&self) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        for (name, rules, secret) in self.secrets.jobs() {
            let steps: [&[&str]; 2] = [
                &["acl", "policy", "create", "-name", name, "-rules", rules],
                &["acl", "token", "create", "-secret", secret, "-policy-name", name, "-description", name],
            ];
            for args in steps {
                loop {
                    // Refused until the agent listens and its leader has installed the
                    // management token; "already exists" when an earlier answer was lost.
                    let run = self.cli(0, 0, args);
                    if run.code == 0 || run.stderr.contains("already exists") {
                        break;
                    }
                    assert!(std::time::Instant::now() < deadline, "{args:?}: {run:?}\n{}", self.logs());
                    std::thread::sleep(std::time::Duration::from_millis(200));
                }
            }
        }
    }

    /// Starts everything: the primary first (and its tokens), then the secondaries.
    pub fn start_all(&mut self) {
        for dc in 0..self.dcs.len() {
            for i in 0..self.dcs[dc].servers.len() {
                self.start_server(dc, i);
            }
            if dc == 0 {
                self.create_tokens();
            }
            for j in 0..self.dcs[dc].gateways.len() {
                self.start_gateway(dc, j);
            }
        }
    }

    /// `fedctl args...` on server `i` of datacenter index `dc`.
    pub fn cli(&self, dc: usize, i: usize, args: &[&str]) -> super::Run {
        let s = &self.dcs[dc].servers[i];
        self.topo.ns(s.host).fedctl("127.0.0.1:8500", args)
    }

    /// GET an HTTP API path on server `i` of datacenter index `dc`, as JSON (Null on failure).
    pub fn api(&self, dc: usize, i: usize, path: &str) -> Value {
        let s = &self.dcs[dc].servers[i];
        serde_json::from_str(&self.topo.ns(s.host).curl(&format!("http://127.0.0.1:8500{path}"))).unwrap_or(Value::Null)
    }

    /// `(host, health flags)` of `cluster` in gateway `j` of `dc`'s Envoy.
    pub fn envoy_hosts(&self, dc: usize, j: usize, cluster: &str) -> Vec<(String, String)> {
        let g = &self.dcs[dc].gateways[j];
        let page = self.topo.ns(g.host).curl("http://127.0.0.1:19000/clusters");
        let prefix = format!("{cluster}::");
        page.lines()
            .filter_map(|l| l.strip_prefix(&prefix))
            .filter_map(|rest| rest.split_once("::health_flags::").map(|(h, f)| (h.to_owned(), f.to_owned())))
            .collect()
    }

    /// Alive WAN members as server `i` of `dc` sees them.
    pub fn wan_alive(&self, dc: usize, i: usize) -> usize {
        self.api(dc, i, "/v1/agent/members?wan=1")
            .as_array()
            .map_or(0, |m| m.iter().filter(|m| m["Status"] == 1).count())
    }

    /// Every process's output, for failure messages.
    pub fn logs(&self) -> String {
        let mut out = String::new();
        for d in &self.dcs {
            for s in &d.servers {
                if let Some(p) = &s.process {
                    let log = p.log();
                    let tail: Vec<&str> = log.lines().rev().take(40).collect();
                    out += &format!(
                        "--- {} ({}):\n{}\n",
                        s.node,
                        d.name,
                        tail.into_iter().rev().collect::<Vec<_>>().join("\n")
                    );
                }
            }
            for g in &d.gateways {
                let log = std::fs::read_to_string(&g.log).unwrap_or_default();
                let tail: Vec<&str> = log.lines().rev().take(15).collect();
                out += &format!(
                    "--- gateway {} {}:\n{}\n",
                    d.name,
                    g.id,
                    tail.into_iter().rev().collect::<Vec<_>>().join("\n")
                );
            }
        }
        out
    }
}
