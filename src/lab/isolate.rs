//! An isolated lab: every server and gateway in its own network namespace. Datacenter k's
//! network is a bridge (10.k.0.0/24) in a namespace of its own, the WAN another
//! (10.99.0.0/16); servers are attached only to their datacenter's network, gateways to it and
//! the WAN. This machine gets 10.k.0.254 on each datacenter's network (a host-side veth), so
//! the CLI reaches every server's HTTP API; servers have no route off their own network, so
//! the host never joins datacenters together.
//!
//! One exception, as the reference's secondaries need: a secondary's servers dial the
//! primary's gateways directly until their own gateway is registered (with ACLs, registering
//! it needs its token resolved at the primary). Their first gateway's namespace forwards to
//! the primary's gateways' WAN addresses, masqueraded as its own, and nowhere else (nftables);
//! nothing routes into any datacenter's network.

use std::io::Write;
use std::process::{Command, Stdio};

use super::plan::{Isolation, Lab, LabError};

fn ip(args: &[&str]) -> Result<(), LabError> {
    let out = Command::new("ip")
        .args(args)
        .output()
        .map_err(|e| LabError::Isolate(format!("running `ip`: {e} (install iproute2)")))?;
    if out.status.success() {
        Ok(())
    } else {
        let stderr = String::from_utf8_lossy(&out.stderr).trim().to_owned();
        let root = if stderr.contains("Operation not permitted") || stderr.contains("Permission denied") {
            " (-isolate needs root)"
        } else {
            ""
        };
        Err(LabError::Isolate(format!("ip {}: {stderr}{root}", args.join(" "))))
    }
}

/// A short prefix unique to this lab (veth names are limited to 15 characters).
fn prefix() -> String {
    let n = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_micros());
    format!("fl{}", (std::process::id() ^ n) % 100_000)
}

struct Builder<'a> {
    prefix: String,
    iso: &'a mut Isolation,
    links: usize,
}

impl Builder<'_> {
    fn namespace(&mut self, short: &str) -> Result<String, LabError> {
        let name = format!("{}-{short}", self.prefix);
        ip(&["netns", "add", &name])?;
        self.iso.namespaces.push(name.clone());
        ip(&["-n", &name, "link", "set", "lo", "up"])?;
        Ok(name)
    }

    fn network(&mut self, short: &str) -> Result<String, LabError> {
        let name = self.namespace(short)?;
        ip(&["-n", &name, "link", "add", "br0", "type", "bridge"])?;
        ip(&["-n", &name, "link", "set", "br0", "up"])?;
        Ok(name)
    }

    /// A veth from `host` (a namespace, or this machine's when `None`) into `network`'s bridge;
    /// the host-side device's name.
    fn attach(&mut self, host: Option<&str>, network: &str, cidr: &str) -> Result<String, LabError> {
        self.links += 1;
        let (a, b) = (format!("{}a{}", self.prefix, self.links), format!("{}b{}", self.prefix, self.links));
        ip(&["link", "add", &a, "type", "veth", "peer", "name", &b])?;
        match host {
            Some(h) => {
                ip(&["link", "set", &a, "netns", h])?;
                ip(&["-n", h, "addr", "add", cidr, "dev", &a])?;
                ip(&["-n", h, "link", "set", &a, "up"])?;
            }
            None => {
                self.iso.host_links.push(a.clone());
                ip(&["addr", "add", cidr, "dev", &a])?;
                ip(&["link", "set", &a, "up"])?;
            }
        }
        ip(&["link", "set", &b, "netns", network])?;
        ip(&["-n", network, "link", "set", &b, "master", "br0"])?;
        ip(&["-n", network, "link", "set", &b, "up"])?;
        Ok(a)
    }
}

/// nftables rules for a namespace that forwards TCP connections from its device `inside` to
/// port `port` of the addresses `to` through its device `outside`, masqueraded as its own
/// address there, and nothing else (no other port, no connection in from `outside`).
pub fn nat_rules(inside: &str, outside: &str, to: &[String], port: u16) -> String {
    let to = format!("{{ {} }}", to.join(", "));
    let out = format!("oifname \"{outside}\" ip daddr {to} tcp dport {port}");
    format!(
        "table ip fedctl_nat {{\n\
         chain outbound {{ type nat hook postrouting priority 100; policy accept; {out} masquerade; }}\n\
         chain through {{ type filter hook forward priority 0; policy drop; ct state established,related accept; iifname \"{inside}\" {out} accept; }}\n\
         }}\n"
    )
}

/// Makes namespace `ns` forward as [`nat_rules`] says.
fn nat_out(ns: &str, inside: &str, outside: &str, to: &[String], port: u16) -> Result<(), LabError> {
    let rules = nat_rules(inside, outside, to, port);
    let failed = |e: String| LabError::Isolate(format!("forwarding in {ns} to the primary's gateways: {e}"));
    let mut nft = Command::new("ip")
        .args(["netns", "exec", ns, "nft", "-f", "-"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| failed(format!("running `nft`: {e} (install nftables)")))?;
    if let Some(mut stdin) = nft.stdin.take() {
        stdin.write_all(rules.as_bytes()).map_err(|e| failed(e.to_string()))?;
    }
    let out = nft.wait_with_output().map_err(|e| failed(e.to_string()))?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr).trim().to_owned();
        let hint =
            if stderr.contains("No such file") || stderr.contains("not found") { " (install nftables)" } else { "" };
        return Err(failed(format!("nft: {stderr}{hint}")));
    }
    let forward = Command::new("ip")
        .args(["netns", "exec", ns, "sh", "-c", "echo 1 > /proc/sys/net/ipv4/ip_forward"])
        .status()
        .map_err(|e| failed(e.to_string()))?;
    if forward.success() { Ok(()) } else { Err(failed("enabling forwarding".to_owned())) }
}

/// Builds the namespaces and links for `lab` (planned with `isolate`), recording them in
/// `lab.isolation` as it goes, so a failure half-way can still be torn down.
pub fn build(lab: &mut Lab) -> Result<(), LabError> {
    // Two isolated labs would both put this machine on 10.k.0.0/24: refuse the second.
    for k in 1..=lab.datacenters.len() {
        let out = Command::new("ip").args(["-o", "addr", "show", "to", &format!("10.{k}.0.0/24")]).output();
        if out.is_ok_and(|o| !o.stdout.is_empty()) {
            return Err(LabError::Isolate(format!(
                "this machine already has an address in 10.{k}.0.0/24 (another isolated lab?); stop it with `fedctl lab down`"
            )));
        }
    }
    let mut iso = Isolation::default();
    let result = build_into(lab, &mut iso);
    lab.isolation = Some(iso);
    result
}

fn build_into(lab: &mut Lab, iso: &mut Isolation) -> Result<(), LabError> {
    let mut b = Builder { prefix: prefix(), iso, links: 0 };
    let wan = b.network("wan")?;
    let primary = lab.datacenters.iter().find(|d| d.primary);
    let primary_gateways: Vec<String> = primary.iter().flat_map(|d| d.gateways.iter().map(|g| g.wan.clone())).collect();
    let gateway_port = primary.and_then(|d| d.gateways.first()).map_or(8443, |g| g.port);
    for (k, d) in lab.datacenters.iter_mut().enumerate() {
        let k = k + 1;
        let net = b.network(&format!("n{k}"))?;
        b.attach(None, &net, &format!("10.{k}.0.254/24"))?;
        for (i, s) in d.servers.iter_mut().enumerate() {
            let ns = b.namespace(&format!("s{k}-{}", i + 1))?;
            b.attach(Some(&ns), &net, &format!("{}/24", s.ip))?;
            s.ns = Some(ns);
        }
        for (j, g) in d.gateways.iter_mut().enumerate() {
            let ns = b.namespace(&format!("g{k}-{}", j + 1))?;
            let inside = b.attach(Some(&ns), &net, &format!("{}/24", g.lan))?;
            let outside = b.attach(Some(&ns), &wan, &format!("{}/16", g.wan))?;
            if j == 0 && !d.primary {
                nat_out(&ns, &inside, &outside, &primary_gateways, gateway_port)?;
            }
            g.ns = Some(ns);
        }
        if let Some(router) = d.gateways.first().filter(|_| !d.primary) {
            for s in &d.servers {
                for to in &primary_gateways {
                    ip(&["-n", s.ns.as_deref().unwrap_or_default(), "route", "add", to, "via", &router.lan])?;
                }
            }
        }
    }
    Ok(())
}

/// Removes what [`build`] created (best effort; each step independent).
pub fn teardown(iso: &Isolation) {
    for link in &iso.host_links {
        let _ = Command::new("ip").args(["link", "del", link]).output();
    }
    for ns in iso.namespaces.iter().rev() {
        let _ = Command::new("ip").args(["netns", "delete", ns]).output();
    }
}
