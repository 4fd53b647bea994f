//! Real Envoy mesh gateways for tests: a PKI with per-node server certificates, TLS agents of
//! several datacenters, and `fedctl connect envoy` processes with Envoy's admin API.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;

use fedctl::config::{ConfigFlags, TlsSettings};
use fedctl::tls::{AgentTls, Ca, CaOptions, CertKind, CertOptions, generate_ca};

use super::agent::{TestAgent, agent_with, free_ports};
use super::{FEDCTL, fedctl_cmd, have_tool};

/// True when Envoy is on PATH; otherwise the test says why it skips (or fails under
/// `FEDCTL_REQUIRE_E2E=1`, which `tests/run` sets after installing Envoy).
pub fn have_envoy(why: &str) -> bool {
    have_tool("envoy", why)
}

/// A CA and the files made from it, in one temporary directory.
pub struct Pki {
    pub dir: tempfile::TempDir,
    ca_pem: String,
    ca: Ca,
}

impl Pki {
    pub fn new() -> Pki {
        let g = generate_ca(&CaOptions::default()).unwrap();
        let ca = Ca::from_pem(g.cert_pem.as_bytes(), g.key_pem.as_bytes(), "ca", "key").unwrap();
        let dir = super::temp_dir();
        std::fs::write(dir.path().join("ca.pem"), &g.cert_pem).unwrap();
        Pki { dir, ca_pem: g.cert_pem, ca }
    }

    fn issue(&self, kind: CertKind, dc: &str, name: &str) -> TlsSettings {
        let issued = self.ca.issue(&CertOptions { dc: dc.into(), ..CertOptions::new(kind) }).unwrap();
        let (cert, key) = (self.path(&format!("{name}.pem")), self.path(&format!("{name}-key.pem")));
        std::fs::write(&cert, issued.cert_pem).unwrap();
        std::fs::write(&key, issued.key_pem).unwrap();
        TlsSettings {
            ca_file: Some(self.path("ca.pem")),
            cert_file: Some(cert),
            key_file: Some(key),
            verify_incoming: true,
            verify_outgoing: true,
            verify_server_hostname: true,
            verify_incoming_https: false,
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// An agent config file with a server certificate for `node` in `dc`.
    pub fn server_config(&self, dc: &str, node: &str) -> PathBuf {
        self.config_with(CertKind::Server { node: Some(node.into()) }, dc, node)
    }

    /// An agent config file with a client certificate for a client agent of `dc`.
    pub fn client_config(&self, dc: &str, name: &str) -> PathBuf {
        self.config_with(CertKind::Client, dc, name)
    }

    /// Like [`Pki::server_config`], with a certificate made without `-node`.
    pub fn server_config_without_node(&self, dc: &str, name: &str) -> PathBuf {
        self.config_with(CertKind::Server { node: None }, dc, name)
    }

    fn config_with(&self, kind: CertKind, dc: &str, node: &str) -> PathBuf {
        let s = self.issue(kind, dc, node);
        let path = self.path(&format!("{node}.hcl"));
        let file = |p: &Option<PathBuf>| p.clone().unwrap();
        let text = fedctl::config::verified_tls_hcl(&file(&s.ca_file), &file(&s.cert_file), &file(&s.key_file));
        std::fs::write(&path, text).unwrap();
        path
    }

    /// The CA certificate file.
    pub fn ca_file(&self) -> PathBuf {
        self.path("ca.pem")
    }

    /// Client-side TLS (a `-client` certificate) for dialling servers of `dc`.
    pub fn client_tls(&self, dc: &str) -> Arc<AgentTls> {
        let _ = &self.ca_pem;
        let settings = self.issue(CertKind::Client, dc, &format!("client-{dc}"));
        AgentTls::load(&settings, dc, "consul").unwrap().unwrap()
    }
}

/// A TLS server of `dc` (node `s-<dc>`, primary dc1) joining the WAN pool through `join_wan`.
pub async fn tls_server(pki: &Pki, dc: &str, join_wan: Option<String>) -> TestAgent {
    let node = format!("s-{dc}");
    agent_with(ConfigFlags {
        dev: true,
        node: Some(node.clone()),
        datacenter: Some(dc.into()),
        primary_datacenter: Some("dc1".into()),
        bind: Some("127.0.0.1".into()),
        advertise: Some("127.0.0.1".into()),
        join_wan: join_wan.into_iter().collect(),
        config_files: vec![pki.server_config(dc, &node)],
        ..free_ports()
    })
    .await
}

/// The `connect` block that turns on WAN federation through mesh gateways.
pub use fedctl::config::WAN_FEDERATION_HCL as WANFED;

/// A server of `dc` (node `s-<dc>`, primary dc1) federated through mesh gateways; a
/// secondary bootstraps through `primary_gateways`.
pub async fn wanfed_server(pki: &Pki, dc: &str, primary_gateways: &[String]) -> TestAgent {
    agent_with(wanfed_flags(pki, dc, primary_gateways)).await
}

/// The flags of [`wanfed_server`].
pub fn wanfed_flags(pki: &Pki, dc: &str, primary_gateways: &[String]) -> ConfigFlags {
    let node = format!("s-{dc}");
    let tls = std::fs::read_to_string(pki.server_config(dc, &node)).unwrap();
    let gateways: Vec<String> = primary_gateways.iter().map(|g| format!("{g:?}")).collect();
    let extra = if gateways.is_empty() {
        String::new()
    } else {
        format!("primary_gateways = [{}]\nprimary_gateways_interval = \"1s\"\n", gateways.join(", "))
    };
    let path = pki.dir.path().join(format!("{node}-wanfed.hcl"));
    std::fs::write(&path, format!("{tls}{WANFED}{extra}")).unwrap();
    ConfigFlags {
        dev: true,
        node: Some(node),
        datacenter: Some(dc.into()),
        primary_datacenter: Some("dc1".into()),
        bind: Some("127.0.0.1".into()),
        advertise: Some("127.0.0.1".into()),
        config_files: vec![path],
        ..free_ports()
    }
}

pub use super::ports::free_port;

/// `fedctl connect envoy` turned Envoy (a gateway, or with [`Gateway::run`] any proxy):
/// killed on drop.
pub struct Gateway {
    child: Child,
    /// A gateway's listener, `127.0.0.1:port` (empty for a sidecar).
    pub addr: String,
    /// Envoy's admin API base URL.
    pub admin: String,
    log: PathBuf,
}

impl Gateway {
    /// Registers gateway `id` (with -expose-servers) on `agent` and starts its Envoy.
    pub fn start(agent: &TestAgent, dir: &Path, id: &str) -> Gateway {
        Gateway::start_with(agent, dir, id, &["-expose-servers"])
    }

    pub fn start_with(agent: &TestAgent, dir: &Path, id: &str, extra: &[&str]) -> Gateway {
        Gateway::start_at(&agent.base, dir, id, extra)
    }

    /// Registers gateway `id` on the agent whose HTTP API is at `http` and starts its Envoy,
    /// logging at `info`.
    pub fn start_at(http: &str, dir: &Path, id: &str, extra: &[&str]) -> Gateway {
        Gateway::spawn(http, dir, id, free_port(), extra, &["-l", "info"])
    }

    /// Like [`Gateway::start_at`], listening on `port`, with `envoy_args` after `--`.
    pub fn spawn(http: &str, dir: &Path, id: &str, port: u16, extra: &[&str], envoy_args: &[&str]) -> Gateway {
        let addr = format!("127.0.0.1:{port}");
        let mut args = vec!["-gateway=mesh", "-register", "-proxy-id", id, "-address", &addr, "-wan-address", &addr];
        args.extend_from_slice(extra);
        let mut gateway = Gateway::run(http, dir, &format!("{id}-{port}"), &args, envoy_args);
        gateway.addr = addr;
        gateway
    }

    /// `fedctl connect envoy <args> -admin-bind <free port> -- --base-id <it> <envoy_args>`
    /// for the agent at `http`, logging to `envoy-<label>.log`: any proxy (a gateway or a
    /// sidecar).
    pub fn run(http: &str, dir: &Path, label: &str, args: &[&str], envoy_args: &[&str]) -> Gateway {
        let admin_port = free_port();
        let log = dir.join(format!("envoy-{label}.log"));
        let out = std::fs::File::create(&log).unwrap();
        let mut cmd: Command = fedctl_cmd(dir);
        cmd.args(["connect", "envoy", "-http-addr", http])
            .args(args)
            .args(["-admin-bind", &format!("127.0.0.1:{admin_port}")])
            .args(["--", "--base-id", &admin_port.to_string()])
            .args(envoy_args)
            .stdout(Stdio::from(out.try_clone().unwrap()))
            .stderr(Stdio::from(out));
        let child = cmd.spawn().unwrap_or_else(|e| panic!("starting {FEDCTL}: {e}"));
        Gateway { child, addr: String::new(), admin: format!("http://127.0.0.1:{admin_port}"), log }
    }

    /// What Envoy (and `fedctl connect envoy` before it) printed.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// An admin page (`/clusters`, `/listeners`, ...), or empty while Envoy is not up.
    pub async fn admin(&self, path: &str) -> String {
        let url = format!("{}{path}", self.admin);
        match super::http_client().get(&url).send().await {
            Ok(r) => r.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    /// `(host, health flags)` of every host of `cluster` in `/clusters`.
    pub async fn hosts(&self, cluster: &str) -> Vec<(String, String)> {
        let page = self.admin("/clusters").await;
        let prefix = format!("{cluster}::");
        page.lines()
            .filter_map(|l| l.strip_prefix(&prefix))
            .filter_map(|rest| {
                let (host, flags) = rest.split_once("::health_flags::")?;
                Some((host.to_owned(), flags.to_owned()))
            })
            .collect()
    }

    /// Cluster names in `/clusters`.
    pub async fn clusters(&self) -> std::collections::BTreeSet<String> {
        let page = self.admin("/clusters").await;
        page.lines().filter_map(|l| l.split_once("::").map(|(c, _)| c.to_owned())).collect()
    }
}

impl Drop for Gateway {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A mesh gateway for WAN federation, as a service-registration body.
pub fn register_gateway(id: &str) -> String {
    serde_json::json!({
        "ID": id, "Name": "mesh-gateway", "Kind": "mesh-gateway", "Port": 8443,
        "Meta": {"consul-wan-federation": "1"},
        "TaggedAddresses": {"wan": {"Address": "198.51.100.2", "Port": 8443}}
    })
    .to_string()
}

/// The trust domain `agent`'s datacenter uses (`/v1/connect/ca/roots`), empty until it has one.
pub async fn trust_domain(agent: &TestAgent) -> String {
    agent.get_json("/v1/connect/ca/roots").await["TrustDomain"].as_str().unwrap_or_default().to_owned()
}

/// The trust domain of `agent`'s datacenter, once it has the CA.
pub async fn wait_for_trust_domain(agent: &TestAgent) -> String {
    let roots = agent.wait_json("/v1/connect/ca/roots", "the CA exists", |r| r["ActiveRootID"] != "").await;
    roots["TrustDomain"].as_str().unwrap().to_owned()
}

/// How many WAN members `agent` sees alive.
pub async fn wan_alive(agent: &TestAgent) -> usize {
    let members = agent.get_json("/v1/agent/members?wan=1").await;
    members.as_array().map_or(0, |m| m.iter().filter(|m| m["Status"] == 1).count())
}

/// Two datacenters federated through one gateway each on loopback (real Envoy): dc1 is the
/// primary, dc2 finds it only through gw1.
pub struct LoopbackFederation {
    pub pki: Pki,
    pub dc1: TestAgent,
    pub dc2: TestAgent,
    pub gw1: Gateway,
    pub gw2: Gateway,
}

impl LoopbackFederation {
    /// Starts both datacenters and their gateways, and waits until WAN gossip sees both
    /// servers alive, dc2 mirrors dc1's trust domain and each gateway has a healthy
    /// endpoint for the other datacenter.
    pub async fn start() -> LoopbackFederation {
        let pki = Pki::new();
        let dir = pki.dir.path().to_owned();
        let dc1 = wanfed_server(&pki, "dc1", &[]).await;
        let gw1 = Gateway::start(&dc1, &dir, "gw-dc1");
        let dc2 = wanfed_server(&pki, "dc2", std::slice::from_ref(&gw1.addr)).await;
        let gw2 = Gateway::start(&dc2, &dir, "gw-dc2");
        let f = LoopbackFederation { pki, dc1, dc2, gw1, gw2 };
        let logs = || f.logs();
        super::eventually_with("both servers see 2 alive WAN members", logs, async || {
            wan_alive(&f.dc1).await == 2 && wan_alive(&f.dc2).await == 2
        })
        .await;
        let td = trust_domain(&f.dc1).await;
        super::eventually_with("dc2 mirrors the trust domain", logs, async || trust_domain(&f.dc2).await == td).await;
        for (gw, other, other_addr) in [(&f.gw1, "dc2", &f.gw2.addr), (&f.gw2, "dc1", &f.gw1.addr)] {
            let cluster = format!("{other}.internal.{td}");
            super::eventually_with(&format!("a healthy endpoint for {other}"), logs, async || {
                gw.hosts(&cluster).await == [(other_addr.clone(), "healthy".to_owned())]
            })
            .await;
        }
        f
    }

    /// Both gateways' logs, for failure messages.
    pub fn logs(&self) -> String {
        format!("--- gw1:\n{}\n--- gw2:\n{}", self.gw1.log(), self.gw2.log())
    }

    /// Stops both gateways, then both servers.
    pub async fn stop(self) {
        let LoopbackFederation { pki: _pki, dc1, dc2, gw1, gw2 } = self;
        drop((gw1, gw2));
        dc2.stop().await;
        dc1.stop().await;
    }
}
