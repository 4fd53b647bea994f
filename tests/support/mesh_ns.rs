//! The service mesh inside an isolated federation ([`super::wanfed::Federation`]): apps and
//! sidecars started as a user would, inside a host's namespace, and what their Envoys report.

use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};

use serde_json::Value;

use super::FEDCTL;
use super::netns::Ns;

/// A background process in a namespace, killed on drop; its output goes to `log`.
pub struct InNs {
    child: Option<Child>,
    pub log: PathBuf,
}

impl InNs {
    pub fn spawn(ns: &Ns, dir: &Path, label: &str, args: &[&str]) -> InNs {
        let log = dir.join(format!("{label}.log"));
        let out = std::fs::File::create(&log).unwrap();
        let child = ns
            .command(FEDCTL)
            .args(args)
            .env_remove("FEDCTL_HTTP_ADDR")
            .env_remove("CONSUL_HTTP_ADDR")
            .stdin(Stdio::null())
            .stdout(Stdio::from(out.try_clone().unwrap()))
            .stderr(Stdio::from(out))
            .spawn()
            .unwrap();
        InNs { child: Some(child), log }
    }

    /// The last lines of its output.
    pub fn tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().rev().take(20).collect();
        lines.into_iter().rev().collect::<Vec<_>>().join("\n")
    }

    pub fn stop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

impl Drop for InNs {
    fn drop(&mut self) {
        self.stop();
    }
}

/// `fedctl internal echo` (HTTP; every answer starts with `name`) on `listen`.
pub fn echo(ns: &Ns, dir: &Path, listen: &str, name: &str) -> InNs {
    InNs::spawn(
        ns,
        dir,
        &format!("app-{}", name.replace(' ', "-")),
        &["internal", "echo", "--listen", listen, "--name", name],
    )
}

/// `fedctl connect envoy -sidecar-for <service>` against the agent at `http`, its admin on
/// 127.0.0.1:`admin` of the namespace.
pub fn sidecar(ns: &Ns, dir: &Path, http: &str, service: &str, admin: u16) -> InNs {
    let admin = format!("127.0.0.1:{admin}");
    let args =
        ["connect", "envoy", "-http-addr", http, "-sidecar-for", service, "-admin-bind", &admin, "--", "-l", "info"];
    InNs::spawn(ns, dir, &format!("sidecar-{service}"), &args)
}

/// Registers a service definition (JSON `{"service": {...}}`) with the agent at `http`.
pub fn register(ns: &Ns, dir: &Path, http: &str, name: &str, definition: &Value) {
    let file = dir.join(format!("{name}.json"));
    std::fs::write(&file, serde_json::json!({ "service": definition }).to_string()).unwrap();
    let run = ns.fedctl(http, &["services", "register", file.to_str().unwrap()]);
    assert_eq!(run.code, 0, "registering {name}: {}", run.stderr);
}

/// Per endpoint of the clusters whose name starts with `prefix`, in the Envoy whose admin is
/// at 127.0.0.1:`admin`: `(address:port, EDS health)` (the reference's
/// `assert_upstream_has_endpoints_in_status`).
pub fn endpoints(ns: &Ns, admin: u16, prefix: &str) -> Vec<(String, String)> {
    let page = ns.curl(&format!("http://127.0.0.1:{admin}/clusters?format=json"));
    let Ok(clusters) = serde_json::from_str::<Value>(&page) else { return Vec::new() };
    let mut out = Vec::new();
    for c in clusters["cluster_statuses"].as_array().into_iter().flatten() {
        if !c["name"].as_str().is_some_and(|n| n.starts_with(prefix)) {
            continue;
        }
        for h in c["host_statuses"].as_array().into_iter().flatten() {
            let a = &h["address"]["socket_address"];
            let address = format!("{}:{}", a["address"].as_str().unwrap_or(""), a["port_value"]);
            let health = h["health_status"]["eds_health_status"].as_str().unwrap_or("UNKNOWN").to_owned();
            out.push((address, health));
        }
    }
    out
}

/// How many endpoints of `prefix` clusters are in `status`.
pub fn count(endpoints: &[(String, String)], status: &str) -> usize {
    endpoints.iter().filter(|(_, h)| h == status).count()
}

/// The sum of `cluster.<cluster>.upstream_cx_total` for clusters starting with `cluster`
/// (the reference's `assert_envoy_metric_at_least ... cx_total`).
pub fn connections(ns: &Ns, admin: u16, cluster: &str) -> u64 {
    let page = ns.curl(&format!("http://127.0.0.1:{admin}/stats?filter=upstream_cx_total"));
    page.lines()
        .filter_map(|l| l.strip_prefix("cluster."))
        .filter(|l| l.starts_with(cluster))
        .filter_map(|l| l.rsplit_once(".upstream_cx_total: "))
        .filter_map(|(_, n)| n.trim().parse::<u64>().ok())
        .sum()
}
