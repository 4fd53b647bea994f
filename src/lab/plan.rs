//! What a lab is: its datacenters, servers and gateways with their ports, and the files that
//! describe it. Pure, apart from picking free ports.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::demo::LabDemo;

/// `fedctl lab up`'s shape.
#[derive(Debug, Clone)]
pub struct LabOptions {
    pub datacenters: usize,
    pub servers: usize,
    pub gateways: usize,
    pub dir: PathBuf,
    /// Each server and gateway in its own network namespace (needs root).
    pub isolate: bool,
    /// The lab's name [default: made from `dir`'s name, see [`name_from_dir`]].
    pub name: Option<String>,
    /// Gossip encryption, ACLs (default deny, a token per job) and HTTPS (`lab up` without
    /// `-insecure`).
    pub secure: bool,
}

/// Why a lab cannot be made as asked.
#[derive(Debug, thiserror::Error)]
pub enum LabError {
    #[error("-{flag} must be between 1 and {max}, not {value}")]
    Range { flag: &'static str, value: usize, max: usize },
    #[error("a lab is running in {}; stop it with `fedctl lab down -dir {}`", .0.display(), .0.display())]
    Running(PathBuf),
    #[error("no lab in {}", .0.display())]
    NoLab(PathBuf),
    #[error("{what} {}: {source}", path.display())]
    Io { what: &'static str, path: PathBuf, source: std::io::Error },
    #[error("making certificates: {0}")]
    Tls(#[from] crate::tls::TlsError),
    #[error("starting {what}: {source}")]
    Spawn { what: String, source: std::io::Error },
    #[error("reading {}: {reason}", path.display())]
    State { path: PathBuf, reason: String },
    #[error("building the isolated networks: {0}")]
    Isolate(String),
    #[error("a lab named {name} is running in {}", dir.display())]
    NameTaken { name: String, dir: PathBuf },
    #[error("-name {0:?}: a lab's name is 1 to 64 letters, digits, '.', '_' or '-', not starting with '.'")]
    BadName(String),
    /// The ACL tokens of a secure lab could not be made in the primary.
    #[error("making the lab's ACL tokens in the primary: {step}: {reason}")]
    Acl { step: String, reason: String },
    /// A step of starting `-demo` failed (`step` says which, e.g. registering echo).
    #[error("the demo in {datacenter}: {step}: {reason}")]
    Demo { datacenter: String, step: String, reason: String },
}

// The state file and `-format=json` share these derives: every key is PascalCase, initialisms
// in capitals (`IP`, `HTTP`, `GRPC`, `LAN`, `WAN`, `NS`, `ID`), as in the rest of fedctl's JSON.
// Each key is also read in the snake_case an older fedctl wrote (`serf_lan`), so `lab status`
// and `lab down` still handle a lab it started.

/// One server of the lab.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct LabServer {
    #[serde(alias = "node")]
    pub node: String,
    /// Its address (127.0.0.1, or its own in an isolated lab).
    #[serde(rename = "IP", alias = "ip")]
    pub ip: String,
    /// Its network namespace in an isolated lab.
    #[serde(rename = "NS", alias = "ns")]
    pub ns: Option<String>,
    #[serde(rename = "HTTP", alias = "http")]
    pub http: u16,
    #[serde(alias = "server")]
    pub server: u16,
    #[serde(rename = "SerfLAN", alias = "serf_lan")]
    pub serf_lan: u16,
    #[serde(rename = "SerfWAN", alias = "serf_wan")]
    pub serf_wan: u16,
    #[serde(rename = "GRPC", alias = "grpc")]
    pub grpc: u16,
    /// The HTTPS API (a secure lab).
    #[serde(rename = "HTTPS", default, skip_serializing_if = "Option::is_none")]
    pub https: Option<u16>,
    /// The DNS interface, UDP and TCP (none in a lab an older fedctl started).
    #[serde(rename = "DNS", default, skip_serializing_if = "Option::is_none")]
    pub dns: Option<u16>,
    #[serde(alias = "pid")]
    pub pid: Option<u32>,
}

/// One gateway: its listener (LAN and WAN) and Envoy's admin port.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct LabGateway {
    #[serde(rename = "ID", alias = "id")]
    pub id: String,
    /// Its address on the datacenter's network and on the WAN.
    #[serde(rename = "LAN", alias = "lan")]
    pub lan: String,
    #[serde(rename = "WAN", alias = "wan")]
    pub wan: String,
    #[serde(rename = "NS", alias = "ns")]
    pub ns: Option<String>,
    #[serde(alias = "port")]
    pub port: u16,
    #[serde(alias = "admin")]
    pub admin: u16,
    /// The server whose agent it registers with.
    #[serde(alias = "agent")]
    pub agent: usize,
    #[serde(alias = "pid")]
    pub pid: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct LabDatacenter {
    #[serde(alias = "name")]
    pub name: String,
    #[serde(alias = "primary")]
    pub primary: bool,
    #[serde(alias = "servers")]
    pub servers: Vec<LabServer>,
    #[serde(alias = "gateways")]
    pub gateways: Vec<LabGateway>,
    /// Its demo (`lab up -demo`); none in a state file written before there was one.
    #[serde(default)]
    pub demo: Option<LabDemo>,
}

/// A lab, as recorded in `<dir>/lab.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Lab {
    /// How `lab status -name` and `lab down -name` select it (unique among running labs). An
    /// older fedctl wrote none: [`Lab::load`] makes one from the directory's name.
    #[serde(default)]
    pub name: String,
    #[serde(alias = "dir")]
    pub dir: PathBuf,
    #[serde(alias = "datacenters")]
    pub datacenters: Vec<LabDatacenter>,
    /// The namespaces and host links of an isolated lab, for `down` to remove.
    #[serde(alias = "isolation")]
    pub isolation: Option<Isolation>,
    /// Where a secure lab keeps its management token; `None`: an insecure lab.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security: Option<super::secure::LabSecurity>,
}

/// What an isolated lab created outside its directory.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Isolation {
    #[serde(alias = "namespaces")]
    pub namespaces: Vec<String>,
    /// Host-side veths giving this machine an address on each datacenter's network.
    #[serde(alias = "host_links")]
    pub host_links: Vec<String>,
}

impl LabServer {
    pub fn http_addr(&self) -> String {
        format!("{}:{}", self.ip, self.http)
    }

    /// How to ask its DNS interface for `name` with dig.
    pub fn dig(&self, name: &str) -> Option<String> {
        self.dns.map(|port| format!("dig @{} -p {port} {name}", self.ip))
    }
}

impl Lab {
    /// Plans a lab on 127.0.0.1 with free ports.
    pub fn plan(opts: &LabOptions) -> Result<Lab, LabError> {
        for (flag, value, max) in
            [("datacenters", opts.datacenters, 9), ("servers", opts.servers, 5), ("gateways", opts.gateways, 3)]
        {
            if value == 0 || value > max {
                return Err(LabError::Range { flag, value, max });
            }
        }
        let lab_name = opts.name.clone().unwrap_or_else(|| name_from_dir(&opts.dir));
        if !valid_name(&lab_name) {
            return Err(LabError::BadName(lab_name));
        }
        let mut picker = PortPicker::new();
        let mut port = || -> Result<u16, LabError> {
            picker.pick().map_err(|source| LabError::Io {
                what: "picking a free port on",
                path: "127.0.0.1".into(),
                source,
            })
        };
        let mut datacenters = Vec::new();
        for d in 1..=opts.datacenters {
            let name = format!("dc{d}");
            let mut servers = Vec::new();
            for s in 1..=opts.servers {
                let server = if opts.isolate {
                    // Its own host: the default ports, an address on the datacenter's network.
                    LabServer {
                        node: format!("{name}-s{s}"),
                        ip: format!("10.{d}.0.{}", 9 + s),
                        ns: None,
                        http: 8500,
                        server: 8300,
                        serf_lan: 8301,
                        serf_wan: 8302,
                        grpc: 8502,
                        https: opts.secure.then_some(8501),
                        dns: Some(8600),
                        pid: None,
                    }
                } else {
                    LabServer {
                        node: format!("{name}-s{s}"),
                        ip: "127.0.0.1".into(),
                        ns: None,
                        http: port()?,
                        server: port()?,
                        serf_lan: port()?,
                        serf_wan: port()?,
                        grpc: port()?,
                        https: if opts.secure { Some(port()?) } else { None },
                        dns: Some(port()?),
                        pid: None,
                    }
                };
                servers.push(server);
            }
            let mut gateways = Vec::new();
            for g in 1..=opts.gateways {
                let (lan, wan, port, admin) = if opts.isolate {
                    (format!("10.{d}.0.{g}"), format!("10.99.{d}.{g}"), 8443, 19000)
                } else {
                    ("127.0.0.1".into(), "127.0.0.1".into(), port()?, port()?)
                };
                gateways.push(LabGateway {
                    id: format!("{name}-gw{g}"),
                    lan,
                    wan,
                    ns: None,
                    port,
                    admin,
                    agent: (g - 1) % opts.servers,
                    pid: None,
                });
            }
            datacenters.push(LabDatacenter { name, primary: d == 1, servers, gateways, demo: None });
        }
        let security = opts
            .secure
            .then(|| super::secure::LabSecurity { management_token_file: opts.dir.join("management.token") });
        Ok(Lab { name: lab_name, dir: opts.dir.clone(), datacenters, isolation: None, security })
    }

    pub fn state_file(dir: &Path) -> PathBuf {
        dir.join("lab.json")
    }

    /// Writes the state file whole: under a temporary name in the same directory, then renamed
    /// over it, so `lab status`, `lab down` or a watching `lab up` never read half of it.
    pub fn save(&self) -> Result<(), LabError> {
        let path = Lab::state_file(&self.dir);
        let tmp = self.dir.join(format!(".lab.json.tmp-{}", std::process::id()));
        let text = serde_json::to_string_pretty(self).unwrap_or_default();
        match std::fs::write(&tmp, text).and_then(|()| std::fs::rename(&tmp, &path)) {
            Ok(()) => Ok(()),
            Err(source) => {
                let _ = std::fs::remove_file(&tmp);
                Err(LabError::Io { what: "writing", path, source })
            }
        }
    }

    /// The lab in `dir`: [`LabError::NoLab`] when it has no state file, another error when the
    /// file is there but cannot be read.
    pub fn load(dir: &Path) -> Result<Lab, LabError> {
        let path = Lab::state_file(dir);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::NotADirectory) => {
                return Err(LabError::NoLab(dir.to_owned()));
            }
            Err(source) => return Err(LabError::Io { what: "reading", path, source }),
        };
        let mut lab: Lab = serde_json::from_str(&text).map_err(|e| LabError::State { path, reason: e.to_string() })?;
        // An older fedctl recorded -dir as given, perhaps relative to where it ran.
        if lab.dir.is_relative() {
            lab.dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_owned());
        }
        if lab.name.is_empty() {
            lab.name = name_from_dir(&lab.dir);
        }
        Ok(lab)
    }

    /// Every process the lab started.
    pub fn pids(&self) -> Vec<u32> {
        self.processes().into_iter().filter_map(|p| p.pid).collect()
    }

    /// Every process of the lab, servers, gateways then the demo's, datacenter by datacenter.
    pub fn processes(&self) -> Vec<LabProcess> {
        let mut out = Vec::new();
        for d in &self.datacenters {
            for s in &d.servers {
                out.push(LabProcess {
                    datacenter: d.name.clone(),
                    kind: ProcessKind::Server,
                    name: s.node.clone(),
                    pid: s.pid,
                });
            }
            for g in &d.gateways {
                out.push(LabProcess {
                    datacenter: d.name.clone(),
                    kind: ProcessKind::Gateway,
                    name: g.id.clone(),
                    pid: g.pid,
                });
            }
            if let Some(demo) = &d.demo {
                out.extend(demo.processes(&d.name));
            }
        }
        out
    }

    /// The primary's gateways, as secondaries are configured with them.
    pub fn primary_gateways(&self) -> Vec<String> {
        self.datacenters[0].gateways.iter().map(|g| format!("{}:{}", g.wan, g.port)).collect()
    }
}

/// What a lab process is, as `lab status` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ProcessKind {
    Server,
    Gateway,
    /// The demo's echo app.
    App,
    /// A sidecar of the demo.
    Sidecar,
}

/// One process of a lab: "dc2 gateway dc2-gw1 (pid 456)".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct LabProcess {
    pub datacenter: String,
    pub kind: ProcessKind,
    /// The server's node name, the gateway's proxy ID, or the demo's process name (its log is
    /// `logs/<name>.log`).
    pub name: String,
    pub pid: Option<u32>,
}

impl std::fmt::Display for LabProcess {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match self.kind {
            ProcessKind::Server => "server",
            ProcessKind::Gateway => "gateway",
            ProcessKind::App => "app",
            ProcessKind::Sidecar => "sidecar",
        };
        write!(f, "{} {kind} {}", self.datacenter, self.name)?;
        match self.pid {
            Some(pid) => write!(f, " (pid {pid})"),
            None => write!(f, " (not started)"),
        }
    }
}

/// Whether `name` can name a lab: 1 to 64 ASCII letters, digits, `.`, `_` or `-`, not
/// starting with `.` (it is also the registry entry's file name).
pub fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && !name.starts_with('.')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// A lab name made from its directory's last component: characters a name cannot hold become
/// `-`; "lab" when nothing is left.
pub fn name_from_dir(dir: &Path) -> String {
    let base = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let cleaned: String =
        base.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') { c } else { '-' }).collect();
    let cleaned: String = cleaned.trim_start_matches('.').chars().take(64).collect();
    if cleaned.is_empty() { "lab".to_owned() } else { cleaned }
}

/// Picks ports on 127.0.0.1 that are free for TCP and UDP, below the range the kernel hands out
/// for port 0 and outgoing connections (so no connection made in the meantime can take one
/// before its process binds it), holding each until the picker is dropped so none is picked
/// twice.
#[derive(Debug)]
pub struct PortPicker {
    held: Vec<(std::net::TcpListener, std::net::UdpSocket)>,
    low: u16,
    high: u16,
}

impl Default for PortPicker {
    fn default() -> Self {
        PortPicker::new()
    }
}

impl PortPicker {
    pub fn new() -> PortPicker {
        // The ephemeral range starts at ip_local_port_range's first number (32768 by default).
        let ephemeral = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range")
            .ok()
            .and_then(|r| r.split_whitespace().next()?.parse::<u16>().ok())
            .unwrap_or(32768);
        let low = 20000.min(ephemeral.saturating_sub(1000));
        PortPicker { held: Vec::new(), low, high: ephemeral }
    }

    /// A port free for TCP and UDP; port 0's pick when nothing below the range is free.
    pub fn pick(&mut self) -> std::io::Result<u16> {
        let bind = |port: u16| {
            let tcp = std::net::TcpListener::bind(("127.0.0.1", port)).ok()?;
            let port = tcp.local_addr().ok()?.port();
            let udp = std::net::UdpSocket::bind(("127.0.0.1", port)).ok()?;
            Some((port, tcp, udp))
        };
        let tries = if self.low < self.high { 2000 } else { 0 };
        let below = (0..tries).map(|_| rand::random_range(self.low..self.high));
        for candidate in below.chain(std::iter::repeat_n(0, 100)) {
            if let Some((port, tcp, udp)) = bind(candidate) {
                self.held.push((tcp, udp));
                return Ok(port);
            }
        }
        Err(std::io::Error::new(std::io::ErrorKind::AddrInUse, "no port free for both TCP and UDP"))
    }
}
