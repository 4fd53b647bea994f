//! What `fedctl lab up -demo` adds to each datacenter: an app, `echo` (`fedctl internal
//! echo`), and a client service, `web`, each registered with a sidecar (a real Envoy) on the
//! agent of the datacenter's first server; web's upstreams are its own datacenter's echo and,
//! with several datacenters, the next datacenter's echo (through the mesh gateways), each on a
//! local port that a curl calls in web's place. The config entries make every datacenter's
//! echo fail over to the others. The ports, the process names, the registrations and the
//! entries; pure, apart from picking free ports.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::plan::{Lab, LabDatacenter, LabError, LabProcess, PortPicker, ProcessKind};

/// The way a demo request goes, from the curl to the app.
pub const DEMO_ROUTE: &str = "web -> web's sidecar -> echo's sidecar -> echo";

/// The way a request to the next datacenter's echo goes.
pub fn cross_route(from: &str, to: &str) -> String {
    format!("web -> web's sidecar -> {from}'s gateway -> {to}'s gateway -> echo's sidecar -> echo")
}

/// The demo of one datacenter, as recorded in the state file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct LabDemo {
    /// The server whose agent holds the services; in an isolated lab the demo's processes run
    /// in its namespace, so its address is where the curl goes.
    pub agent: usize,
    pub echo: DemoService,
    pub web: DemoService,
    /// web's local port for its upstream echo: what the curl calls.
    pub upstream: u16,
    /// web's upstream to the next datacenter's echo (with several datacenters).
    #[serde(default)]
    pub cross: Option<CrossUpstream>,
    /// The echo app's process (`fedctl internal echo` on echo's port).
    pub app_pid: Option<u32>,
}

/// web's upstream to another datacenter's echo.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CrossUpstream {
    pub datacenter: String,
    /// web's local port for it.
    pub port: u16,
}

/// How to see failover: stop one datacenter's echo, and the curl to it is answered by the
/// first other datacenter of the resolver's failover list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct DemoFailover {
    /// The datacenter whose echo to stop.
    pub datacenter: String,
    /// `kill <pid>` of its echo app.
    pub stop: String,
    /// The curl (from another datacenter's web) that keeps answering.
    pub curl: String,
    #[serde(rename = "URL")]
    pub url: String,
    /// How the answer starts once failed over.
    pub answer: String,
}

/// One service of the demo and its sidecar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DemoService {
    pub name: String,
    /// The service's port: echo's app listens there; nothing listens on web's (the curl
    /// plays web).
    pub port: u16,
    /// Its sidecar's public (mTLS) listener.
    pub sidecar_port: u16,
    /// Its sidecar's Envoy admin port.
    pub admin: u16,
    /// Its sidecar's process (`fedctl connect envoy -sidecar-for`, then Envoy).
    pub pid: Option<u32>,
}

/// The curl that goes through one datacenter's mesh, for people and `-format=json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct DemoCurl {
    pub datacenter: String,
    #[serde(rename = "URL")]
    pub url: String,
    /// `curl <URL>`.
    pub curl: String,
    /// [`DEMO_ROUTE`].
    pub route: String,
    /// How echo's answer starts (`echo in dc1 (node dc1-s1)`), then `: <method> <path>`.
    pub answer: String,
}

impl DemoService {
    fn new(name: &str, port: u16, sidecar_port: u16, admin: u16) -> DemoService {
        DemoService { name: name.to_owned(), port, sidecar_port, admin, pid: None }
    }

    /// Its sidecar's process name in datacenter `dc` (its log is `logs/<name>.log`).
    pub fn sidecar_name(&self, dc: &str) -> String {
        format!("{dc}-{}-sidecar", self.name)
    }
}

impl LabDemo {
    /// The echo app's process name in datacenter `dc`.
    pub fn app_name(&self, dc: &str) -> String {
        format!("{dc}-{}", self.echo.name)
    }

    /// Its processes in datacenter `dc`: the app, then echo's and web's sidecars.
    pub fn processes(&self, dc: &str) -> Vec<LabProcess> {
        let process = |kind, name, pid| LabProcess { datacenter: dc.to_owned(), kind, name, pid };
        vec![
            process(ProcessKind::App, self.app_name(dc), self.app_pid),
            process(ProcessKind::Sidecar, self.echo.sidecar_name(dc), self.echo.pid),
            process(ProcessKind::Sidecar, self.web.sidecar_name(dc), self.web.pid),
        ]
    }
}

/// What the echo app of datacenter `dc` on node `node` calls itself: the start of its answers.
pub fn echo_name(dc: &str, node: &str) -> String {
    format!("echo in {dc} (node {node})")
}

impl LabDatacenter {
    /// The demo's URL here (web's upstream port on its agent's address), if it has a demo.
    pub fn demo_url(&self) -> Option<String> {
        let demo = self.demo.as_ref()?;
        let server = self.servers.get(demo.agent)?;
        Some(format!("http://{}:{}/", server.ip, demo.upstream))
    }

    /// The URL of web's upstream to the next datacenter's echo, if it has one.
    pub fn cross_url(&self) -> Option<String> {
        let demo = self.demo.as_ref()?;
        let server = self.servers.get(demo.agent)?;
        Some(format!("http://{}:{}/", server.ip, demo.cross.as_ref()?.port))
    }

    /// The node whose agent holds this datacenter's demo.
    fn demo_node(&self) -> Option<&str> {
        Some(&self.servers.get(self.demo.as_ref()?.agent)?.node)
    }

    /// The curl through this datacenter's mesh, if it has a demo.
    pub fn demo_curl(&self) -> Option<DemoCurl> {
        let url = self.demo_url()?;
        let node = &self.servers.get(self.demo.as_ref()?.agent)?.node;
        Some(DemoCurl {
            datacenter: self.name.clone(),
            curl: format!("curl {url}"),
            url,
            route: DEMO_ROUTE.to_owned(),
            answer: echo_name(&self.name, node),
        })
    }
}

impl Lab {
    /// Adds a demo to every datacenter, on its first server's agent. In an isolated lab that
    /// server is a host of its own, so the ports are fixed (those of the README's sidecar
    /// guide); otherwise they are free ports of 127.0.0.1 that no other process of the lab has.
    pub fn plan_demo(&mut self, isolate: bool) -> Result<(), LabError> {
        let mut taken = self.ports();
        let mut picker = PortPicker::new();
        let mut port = || -> Result<u16, LabError> {
            loop {
                let picked = picker.pick().map_err(|source| LabError::Io {
                    what: "picking a free port on",
                    path: "127.0.0.1".into(),
                    source,
                })?;
                // The picker never repeats itself, but knows nothing of the lab's other ports.
                if taken.insert(picked) {
                    return Ok(picked);
                }
            }
        };
        for d in &mut self.datacenters {
            let demo = if isolate {
                LabDemo {
                    agent: 0,
                    echo: DemoService::new("echo", 8080, 21000, 19001),
                    web: DemoService::new("web", 8081, 21001, 19002),
                    upstream: 9191,
                    cross: None,
                    app_pid: None,
                }
            } else {
                LabDemo {
                    agent: 0,
                    echo: DemoService::new("echo", port()?, port()?, port()?),
                    web: DemoService::new("web", port()?, port()?, port()?),
                    upstream: port()?,
                    cross: None,
                    app_pid: None,
                }
            };
            d.demo = Some(demo);
        }
        // Each datacenter's web also calls the next datacenter's echo (the last calls the first).
        let names: Vec<String> = self.datacenters.iter().map(|d| d.name.clone()).collect();
        if names.len() > 1 {
            for (i, d) in self.datacenters.iter_mut().enumerate() {
                let next = names[(i + 1) % names.len()].clone();
                let port = if isolate { 9192 } else { port()? };
                if let Some(demo) = d.demo.as_mut() {
                    demo.cross = Some(CrossUpstream { datacenter: next, port });
                }
            }
        }
        Ok(())
    }

    /// The config entries of a demo: web allowed to call echo; with several datacenters also
    /// gateways `local` for every proxy, and echo failing over to every other datacenter in
    /// order.
    pub fn demo_entries(&self) -> Vec<Value> {
        if !self.has_demo() {
            return Vec::new();
        }
        // web may call echo (a secure lab's intentions deny what they do not allow).
        let mut entries = vec![
            json!({ "Kind": "service-intentions", "Name": "echo", "Sources": [{ "Name": "web", "Action": "allow" }] }),
        ];
        if self.datacenters.len() >= 2 {
            let all: Vec<&str> = self.datacenters.iter().map(|d| d.name.as_str()).collect();
            entries.extend([
                json!({ "Kind": "proxy-defaults", "Name": "global", "MeshGateway": { "Mode": "local" } }),
                json!({ "Kind": "service-resolver", "Name": "echo", "Failover": { "*": { "Datacenters": all } } }),
            ]);
        }
        entries
    }

    /// With several datacenters: stop the second datacenter's echo, and the first's curl to it
    /// is answered by the first datacenter's own echo (the first of the failover list that is
    /// not the one stopped).
    pub fn demo_failover(&self) -> Option<DemoFailover> {
        let (first, second) = (self.datacenters.first()?, self.datacenters.get(1)?);
        let demo = first.demo.as_ref()?;
        let cross = demo.cross.as_ref()?;
        let pid = second.demo.as_ref()?.app_pid?;
        let url = first.cross_url()?;
        Some(DemoFailover {
            datacenter: second.name.clone(),
            stop: format!("kill {pid}"),
            curl: format!("curl {url}"),
            url,
            answer: echo_name(&first.name, &first.servers.get(demo.agent)?.node),
        })
        .filter(|_| cross.datacenter == second.name)
    }

    /// The curl through each datacenter's mesh, then each one to the next datacenter, for the
    /// datacenters with a demo.
    pub fn demo_curls(&self) -> Vec<DemoCurl> {
        let mut curls: Vec<DemoCurl> = self.datacenters.iter().filter_map(LabDatacenter::demo_curl).collect();
        for d in &self.datacenters {
            let Some(cross) = d.demo.as_ref().and_then(|m| m.cross.as_ref()) else { continue };
            let Some(target) = self.datacenters.iter().find(|t| t.name == cross.datacenter) else { continue };
            let (Some(url), Some(node)) = (d.cross_url(), target.demo_node()) else { continue };
            curls.push(DemoCurl {
                datacenter: d.name.clone(),
                curl: format!("curl {url}"),
                url,
                route: cross_route(&d.name, &target.name),
                answer: echo_name(&target.name, node),
            });
        }
        curls
    }

    /// Whether any datacenter has a demo.
    pub fn has_demo(&self) -> bool {
        self.datacenters.iter().any(|d| d.demo.is_some())
    }

    /// Every port the lab's processes listen on.
    fn ports(&self) -> BTreeSet<u16> {
        let mut ports = BTreeSet::new();
        for d in &self.datacenters {
            for s in &d.servers {
                ports.extend([s.http, s.server, s.serf_lan, s.serf_wan, s.grpc]);
                ports.extend(s.https.into_iter().chain(s.dns));
            }
            for g in &d.gateways {
                ports.extend([g.port, g.admin]);
            }
            if let Some(demo) = &d.demo {
                ports.insert(demo.upstream);
                ports.extend(demo.cross.as_ref().map(|c| c.port));
                for s in [&demo.echo, &demo.web] {
                    ports.extend([s.port, s.sidecar_port, s.admin]);
                }
            }
        }
        ports
    }
}

/// `PUT /v1/agent/service/register`'s body for `service` with its sidecar and its upstreams
/// (service, datacenter or "" for its own, local port). The sidecar's listeners bind
/// 127.0.0.1, as everything else of the lab; in an isolated lab (`isolated`) every address of
/// the server's namespace instead, since the agent's TCP check dials 127.0.0.1 while the other
/// sidecars and this machine (the curl) come to the server's address. echo (no upstreams)
/// gets a TCP check of its app every second, so a stopped app fails over within seconds.
pub fn registration(service: &DemoService, upstreams: &[(&str, &str, u16)], isolated: bool) -> Value {
    let bind = if isolated { "0.0.0.0" } else { "127.0.0.1" };
    let mut proxy = json!({ "Config": { "bind_address": bind } });
    if !upstreams.is_empty() {
        let list: Vec<Value> = upstreams
            .iter()
            .map(|(name, dc, port)| {
                json!({ "DestinationName": name, "Datacenter": dc, "LocalBindAddress": bind, "LocalBindPort": port })
            })
            .collect();
        proxy["Upstreams"] = json!(list);
    }
    let mut body = json!({
        "Name": service.name,
        "Port": service.port,
        "Connect": { "SidecarService": { "Port": service.sidecar_port, "Proxy": proxy } }
    });
    if upstreams.is_empty() {
        body["Check"] =
            json!({ "Name": "app listening", "TCP": format!("127.0.0.1:{}", service.port), "Interval": "1s" });
    }
    body
}
