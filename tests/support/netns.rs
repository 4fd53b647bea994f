//! Isolated datacenters for end-to-end tests: every host (server, gateway) is its own network
//! namespace, every network a bridge in a namespace of its own. A server is attached only to
//! its datacenter's network; a gateway to its datacenter's network and the shared WAN. No
//! namespace forwards packets, so the only way between datacenters is through a gateway
//! process. Everything is removed on drop.

use std::process::Command;

use super::{FEDCTL, Run, have_tool, run_cmd};

/// One namespace: its name, and the ACL token its commands send, if any (as
/// `CONSUL_HTTP_TOKEN` for fedctl, `X-Consul-Token` for curl).
pub struct Ns(pub String, Option<String>);

impl Ns {
    /// `program` run inside this namespace.
    pub fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new("ip");
        cmd.args(["netns", "exec", &self.0, program]);
        if let Some(token) = &self.1 {
            cmd.env("CONSUL_HTTP_TOKEN", token);
        }
        cmd
    }

    /// `fedctl args...` inside this namespace, talking to the agent at `http`.
    pub fn fedctl(&self, http: &str, args: &[&str]) -> Run {
        let mut cmd = self.command(FEDCTL);
        cmd.args(args).env("FEDCTL_HTTP_ADDR", http).env_remove("CONSUL_HTTP_ADDR");
        run_cmd(&mut cmd)
    }

    /// The body of `GET url` from inside this namespace (empty when it fails).
    pub fn curl(&self, url: &str) -> String {
        let mut curl = self.command("curl");
        if let Some(token) = &self.1 {
            curl.args(["-H", &format!("X-Consul-Token: {token}")]);
        }
        let out = curl.args(["-s", "--max-time", "5", url]).output();
        out.map(|o| String::from_utf8_lossy(&o.stdout).into_owned()).unwrap_or_default()
    }
}

impl Drop for Ns {
    fn drop(&mut self) {
        let _ = Command::new("ip").args(["netns", "delete", &self.0]).status();
        let _ = std::fs::remove_dir_all(format!("/etc/netns/{}", self.0));
    }
}

impl Ns {
    /// This namespace's `/etc/hosts` (bind-mounted by `ip netns exec` from
    /// `/etc/netns/<name>/hosts`; rewritten in place, running processes see the change).
    pub fn set_hosts(&self, entries: &[(&str, &str)]) {
        let dir = format!("/etc/netns/{}", self.0);
        std::fs::create_dir_all(&dir).unwrap();
        let mut text = "127.0.0.1 localhost\n".to_owned();
        for (ip, name) in entries {
            text += &format!("{ip} {name}\n");
        }
        std::fs::write(format!("{dir}/hosts"), text).unwrap();
    }
}

/// A set of namespaces and the links between them.
pub struct Topology {
    prefix: String,
    /// The token of every namespace added from now on ([`Topology::set_token`]).
    token: Option<String>,
    namespaces: Vec<Ns>,
    /// (host, network, the host-side device).
    links: Vec<(usize, usize, String)>,
}

fn ip(args: &[&str]) {
    let out = Command::new("ip").args(args).output().unwrap();
    assert!(out.status.success(), "ip {}: {}", args.join(" "), String::from_utf8_lossy(&out.stderr));
}

impl Topology {
    /// A new topology, or `None` (the test skips, saying so) without root or `ip`; with
    /// `FEDCTL_REQUIRE_E2E=1` that fails instead.
    pub fn new(why: &str) -> Option<Topology> {
        // The harness reads each host's API with curl from inside its namespace.
        if !have_tool("ip", why) || !have_tool("curl", "to read the APIs inside network namespaces") {
            return None;
        }
        let suffix = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_micros() % 10_000)
            .unwrap_or(0);
        let prefix = format!("f{}{suffix}", std::process::id() % 10_000);
        let probe = format!("{prefix}-probe");
        let ok = Command::new("ip").args(["netns", "add", &probe]).status().is_ok_and(|s| s.success());
        if !ok {
            assert!(
                std::env::var("FEDCTL_REQUIRE_E2E").as_deref() != Ok("1"),
                "cannot create a network namespace (needs root)"
            );
            eprintln!("SKIPPED: cannot create a network namespace (needs root)");
            return None;
        }
        let _ = Command::new("ip").args(["netns", "delete", &probe]).status();
        Some(Topology { prefix, token: None, namespaces: Vec::new(), links: Vec::new() })
    }

    fn add(&mut self, short: &str) -> usize {
        let name = format!("{}-{short}", self.prefix);
        ip(&["netns", "add", &name]);
        ip(&["-n", &name, "link", "set", "lo", "up"]);
        self.namespaces.push(Ns(name, self.token.clone()));
        self.namespaces.len() - 1
    }

    /// The ACL token the commands of every namespace added from now on send.
    pub fn set_token(&mut self, token: &str) {
        self.token = Some(token.to_owned());
    }

    /// A host: a namespace with loopback up.
    pub fn host(&mut self, short: &str) -> usize {
        self.add(short)
    }

    /// A network: a namespace holding bridge `br0`.
    pub fn network(&mut self, short: &str) -> usize {
        let i = self.add(short);
        let name = self.namespaces[i].0.clone();
        ip(&["-n", &name, "link", "add", "br0", "type", "bridge"]);
        ip(&["-n", &name, "link", "set", "br0", "up"]);
        i
    }

    /// Attaches `host` to `network` with address `cidr` (e.g. `10.1.0.2/24`).
    pub fn attach(&mut self, host: usize, network: usize, cidr: &str) {
        let n = self.links.len() + 1;
        let (a, b) = (format!("{}a{n}", self.prefix), format!("{}b{n}", self.prefix));
        let (h, n) = (self.namespaces[host].0.clone(), self.namespaces[network].0.clone());
        ip(&["link", "add", &a, "type", "veth", "peer", "name", &b]);
        ip(&["link", "set", &a, "netns", &h]);
        ip(&["link", "set", &b, "netns", &n]);
        ip(&["-n", &h, "addr", "add", cidr, "dev", &a]);
        ip(&["-n", &h, "link", "set", &a, "up"]);
        ip(&["-n", &n, "link", "set", &b, "master", "br0"]);
        ip(&["-n", &n, "link", "set", &b, "up"]);
        self.links.push((host, network, a));
    }

    /// Cuts (`up = false`) or restores `host`'s link to `network`.
    pub fn set_link(&self, host: usize, network: usize, up: bool) {
        for (h, n, dev) in &self.links {
            if (*h, *n) == (host, network) {
                ip(&["-n", &self.namespaces[*h].0, "link", "set", dev, if up { "up" } else { "down" }]);
            }
        }
    }

    /// `host`'s device on `network`.
    fn device(&self, host: usize, network: usize) -> &str {
        let link = self.links.iter().find(|(h, n, _)| (*h, *n) == (host, network));
        &link.unwrap_or_else(|| panic!("host {host} is not attached to network {network}")).2
    }

    /// Makes `router` (attached to `lan` and `wan`) forward TCP connections from `lan` to port
    /// `port` of the addresses `to` (on `wan`) and nothing else, masqueraded as its own `wan`
    /// address ([`fedctl::lab::nat_rules`], as `lab up -isolate` does): hosts on `lan` can
    /// dial out to `to`, nothing on `wan` can dial in.
    pub fn nat_out(&self, router: usize, lan: usize, wan: usize, to: &[String], port: u16) {
        let ns = &self.namespaces[router];
        let rules = fedctl::lab::nat_rules(self.device(router, lan), self.device(router, wan), to, port);
        let mut nft = ns.command("nft").args(["-f", "-"]).stdin(std::process::Stdio::piped()).spawn().unwrap();
        std::io::Write::write_all(&mut nft.stdin.take().unwrap(), rules.as_bytes()).unwrap();
        assert!(nft.wait().unwrap().success(), "nft rules in {}: {rules}", ns.0);
        let forward = ns.command("sh").args(["-c", "echo 1 > /proc/sys/net/ipv4/ip_forward"]).status().unwrap();
        assert!(forward.success(), "enabling forwarding in {}", ns.0);
    }

    /// A route in `host` to `to` (an address or CIDR) via `via`.
    pub fn route(&self, host: usize, to: &str, via: &str) {
        ip(&["-n", &self.namespaces[host].0, "route", "add", to, "via", via]);
    }

    pub fn ns(&self, i: usize) -> &Ns {
        &self.namespaces[i]
    }
}

/// Runs a command as root inside a fresh network namespace, removed on drop.
pub struct Netns(pub String);

impl Netns {
    /// A fresh namespace for a test, or `None` (the test then skips, saying so) when `ip` is
    /// missing or this is not root; with `FEDCTL_REQUIRE_E2E=1` that fails instead.
    pub fn for_test(why: &str) -> Option<Netns> {
        if !have_tool("ip", why) {
            return None;
        }
        let ns = Netns::create();
        if ns.is_none() {
            assert!(
                std::env::var("FEDCTL_REQUIRE_E2E").as_deref() != Ok("1"),
                "cannot create a network namespace (needs root)"
            );
            eprintln!("SKIPPED: cannot create a network namespace (needs root)");
        }
        ns
    }

    fn create() -> Option<Netns> {
        let name = format!("fedctl-test-{}-{}", std::process::id(), rand_suffix());
        let ok = Command::new("ip").args(["netns", "add", &name]).status().is_ok_and(|s| s.success());
        if !ok {
            return None;
        }
        let ns = Netns(name);
        let up = Command::new("ip").args(["netns", "exec", &ns.0, "ip", "link", "set", "lo", "up"]).status();
        up.is_ok_and(|s| s.success()).then_some(ns)
    }

    pub fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new("ip");
        cmd.args(["netns", "exec", &self.0, program]);
        cmd
    }
}

impl Drop for Netns {
    fn drop(&mut self) {
        let _ = Command::new("ip").args(["netns", "delete", &self.0]).status();
    }
}

fn rand_suffix() -> u32 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0)
}
