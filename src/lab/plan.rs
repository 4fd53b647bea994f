//! What a lab is: its datacenters, servers and gateways with their ports, and the files that
//! describe it. Pure, apart from picking free ports.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// `fedctl lab up`'s shape.
#[derive(Debug, Clone)]
pub struct LabOptions {
    pub datacenters: usize,
    pub servers: usize,
    pub gateways: usize,
    pub dir: PathBuf,
    /// Each server and gateway in its own network namespace (needs root).
    pub isolate: bool,
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
}

/// One server of the lab.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabServer {
    pub node: String,
    /// Its address (127.0.0.1, or its own in an isolated lab).
    pub ip: String,
    /// Its network namespace in an isolated lab.
    pub ns: Option<String>,
    pub http: u16,
    pub server: u16,
    pub serf_lan: u16,
    pub serf_wan: u16,
    pub grpc: u16,
    pub pid: Option<u32>,
}

/// One gateway: its listener (LAN and WAN) and Envoy's admin port.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabGateway {
    pub id: String,
    /// Its address on the datacenter's network and on the WAN.
    pub lan: String,
    pub wan: String,
    pub ns: Option<String>,
    pub port: u16,
    pub admin: u16,
    /// The server whose agent it registers with.
    pub agent: usize,
    pub pid: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabDatacenter {
    pub name: String,
    pub primary: bool,
    pub servers: Vec<LabServer>,
    pub gateways: Vec<LabGateway>,
}

/// A lab, as recorded in `<dir>/lab.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lab {
    pub dir: PathBuf,
    pub datacenters: Vec<LabDatacenter>,
    /// The namespaces and host links of an isolated lab, for `down` to remove.
    pub isolation: Option<Isolation>,
}

/// What an isolated lab created outside its directory.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Isolation {
    pub namespaces: Vec<String>,
    /// Host-side veths giving this machine an address on each datacenter's network.
    pub host_links: Vec<String>,
}

impl LabServer {
    pub fn http_addr(&self) -> String {
        format!("{}:{}", self.ip, self.http)
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
            datacenters.push(LabDatacenter { name, primary: d == 1, servers, gateways });
        }
        Ok(Lab { dir: opts.dir.clone(), datacenters, isolation: None })
    }

    pub fn state_file(dir: &Path) -> PathBuf {
        dir.join("lab.json")
    }

    pub fn save(&self) -> Result<(), LabError> {
        let path = Lab::state_file(&self.dir);
        let text = serde_json::to_string_pretty(self).unwrap_or_default();
        std::fs::write(&path, text).map_err(|source| LabError::Io { what: "writing", path, source })
    }

    pub fn load(dir: &Path) -> Result<Lab, LabError> {
        let path = Lab::state_file(dir);
        let text = std::fs::read_to_string(&path).map_err(|_| LabError::NoLab(dir.to_owned()))?;
        serde_json::from_str(&text).map_err(|e| LabError::State { path, reason: e.to_string() })
    }

    /// Every process the lab started.
    pub fn pids(&self) -> Vec<u32> {
        self.datacenters
            .iter()
            .flat_map(|d| d.servers.iter().map(|s| s.pid).chain(d.gateways.iter().map(|g| g.pid)))
            .flatten()
            .collect()
    }

    /// The primary's gateways, as secondaries are configured with them.
    pub fn primary_gateways(&self) -> Vec<String> {
        self.datacenters[0].gateways.iter().map(|g| format!("{}:{}", g.wan, g.port)).collect()
    }
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
