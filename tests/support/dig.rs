//! `dig`, as users ask a DNS server, with its output read back by section.

use std::process::Command;

/// What `dig` printed, whitespace collapsed line by line (records read as
/// `name ttl IN type data`).
#[derive(Debug, Clone)]
pub struct Dig {
    /// `NOERROR`, `NXDOMAIN`, `SERVFAIL`, ...
    pub status: String,
    /// The header's flags: `qr aa rd`, with `tc` when truncated and `ra` when recursion is
    /// available.
    pub flags: Vec<String>,
    pub answers: Vec<String>,
    pub authority: Vec<String>,
    pub additional: Vec<String>,
    pub text: String,
}

impl Dig {
    pub fn has_flag(&self, flag: &str) -> bool {
        self.flags.iter().any(|f| f == flag)
    }

    /// The last field of each answer: an address, a target, a TXT string.
    pub fn data(&self) -> Vec<String> {
        let mut data: Vec<String> = self.answers.iter().map(|a| a.rsplit(' ').next().unwrap().to_owned()).collect();
        data.sort();
        data
    }
}

/// `dig @server -p port args...`, one try of 3 s (more `+` options in `args`).
pub fn dig(server: &str, port: u16, args: &[&str]) -> Dig {
    let out = Command::new("dig")
        .args([&format!("@{server}"), "-p", &port.to_string(), "+tries=1", "+time=3"])
        .args(args)
        .output()
        .expect("running dig");
    parse(&String::from_utf8_lossy(&out.stdout))
}

/// `dig` at `addr`.
pub fn dig_at(addr: std::net::SocketAddr, args: &[&str]) -> Dig {
    dig(&addr.ip().to_string(), addr.port(), args)
}

fn parse(stdout: &str) -> Dig {
    let text: String = stdout.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ") + "\n").collect();
    let status = text.split("status: ").nth(1).and_then(|s| s.split(',').next()).unwrap_or("").to_owned();
    let flags = text
        .split(";; flags: ")
        .nth(1)
        .and_then(|s| s.split(';').next())
        .map(|s| s.split_whitespace().map(str::to_owned).collect())
        .unwrap_or_default();
    let (mut answers, mut authority, mut additional) = (Vec::new(), Vec::new(), Vec::new());
    let mut section: Option<&mut Vec<String>> = None;
    for line in text.lines() {
        if let Some(name) = line.strip_prefix(";; ").and_then(|l| l.strip_suffix(" SECTION:")) {
            section = match name {
                "ANSWER" => Some(&mut answers),
                "AUTHORITY" => Some(&mut authority),
                "ADDITIONAL" => Some(&mut additional),
                _ => None,
            };
        } else if line.trim().is_empty() || line.starts_with(';') {
            if line.trim().is_empty() {
                section = None;
            }
        } else if let Some(s) = section.as_mut() {
            s.push(line.to_owned());
        }
    }
    Dig { status, flags, answers, authority, additional, text }
}
