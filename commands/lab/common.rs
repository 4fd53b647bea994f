//! Shared by the lab commands: the registry of running labs, which lab a command is about,
//! taking a lab down, and the summary table.

use std::path::PathBuf;
use std::time::Duration;

use fedctl::lab::{
    Checker, Lab, LabEntry, LabError, LabProcess, Registry, alive, remove_files, stop, teardown_isolation,
};

use crate::cli::{CliError, Ctx};

/// Overrides where running labs are registered (default: `$TMPDIR/fedctl-labs-<uid>`).
pub const REGISTRY_ENV: &str = "FEDCTL_LAB_REGISTRY";

/// The registry of running labs.
pub fn registry() -> Registry {
    match std::env::var_os(REGISTRY_ENV).filter(|v| !v.is_empty()) {
        Some(dir) => Registry::new(PathBuf::from(dir)),
        None => Registry::new(Registry::default_dir()),
    }
}

/// Which labs a command is about.
#[derive(Debug)]
pub enum Selected {
    /// One lab, by its directory.
    One(PathBuf),
    /// Several registered labs and no -dir or -name to choose.
    Many(Vec<LabEntry>),
}

/// The lab given by -dir or -name, else the only registered one, else every registered one.
pub fn select(registry: &Registry, dir: Option<PathBuf>, name: Option<&str>) -> Result<Selected, CliError> {
    if let Some(dir) = dir {
        return Ok(Selected::One(dir));
    }
    let mut labs = registry.list();
    if let Some(name) = name {
        return match labs.iter().position(|e| e.name == name) {
            Some(i) => Ok(Selected::One(labs.swap_remove(i).dir)),
            None if labs.is_empty() => Err(CliError::failure(format!("no lab named {name} is running"))
                .hint(format!("no lab is running; start one with `fedctl lab up -name {name}`"))),
            None => {
                Err(CliError::failure(format!("no lab named {name} is running"))
                    .hint(format!("running: {}", names(&labs))))
            }
        };
    }
    match labs.len() {
        0 => Err(not_running()),
        1 => Ok(Selected::One(labs.remove(0).dir)),
        _ => Ok(Selected::Many(labs)),
    }
}

/// "no lab is running", with how to start one or reach one started elsewhere.
pub fn not_running() -> CliError {
    CliError::failure("no lab is running").hint(
        "start one with `fedctl lab up`; for a lab started with another TMPDIR or FEDCTL_LAB_REGISTRY, pass -dir DIR",
    )
}

/// "a (DIR), b (DIR)".
pub fn names(labs: &[LabEntry]) -> String {
    labs.iter().map(|e| format!("{} ({})", e.name, e.dir.display())).collect::<Vec<_>>().join(", ")
}

/// "gone: dc1 server dc1-s1 (pid 123), dc2 gateway dc2-gw1 (pid 456)".
pub fn gone_line(gone: &[LabProcess]) -> String {
    format!("gone: {}", gone.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "))
}

/// A registry entry's start time, RFC 3339 in UTC.
pub fn started(entry: &LabEntry) -> String {
    i64::try_from(entry.started)
        .ok()
        .and_then(|secs| time::OffsetDateTime::from_unix_timestamp(secs).ok())
        .map_or_else(|| "-".to_owned(), crate::cli::rfc3339)
}

/// Whether [`tear_down`] removes the lab's directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Files {
    Remove,
    /// Kept for its logs (a lab that failed to come up).
    Keep,
}

/// What [`tear_down`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TornDown {
    /// Processes that were running and are stopped now.
    pub stopped: usize,
    /// Processes that had exited already.
    pub exited: usize,
}

/// Stops every process of `lab` (SIGTERM, then SIGKILL after `grace`), removes its isolated
/// networks, its files (unless [`Files::Keep`]) and its registry entry. When a process does not
/// stop, nothing else is removed: the lab stays for `fedctl lab down` to try again.
pub fn tear_down(registry: &Registry, lab: &Lab, grace: Duration, files: Files) -> Result<TornDown, CliError> {
    let pids = lab.pids();
    let exited = pids.iter().filter(|p| !alive(**p)).count();
    let left = stop(&pids, grace);
    if !left.is_empty() {
        return Err(CliError::failure(format!(
            "processes {left:?} did not stop; the lab stays in {}",
            lab.dir.display()
        ))
        .hint(format!("`fedctl lab down -dir {}` tries again", lab.dir.display())));
    }
    if let Some(iso) = &lab.isolation {
        teardown_isolation(iso);
    }
    if files == Files::Remove {
        remove_files(&lab.dir);
    }
    registry.unregister(&lab.dir);
    Ok(TornDown { stopped: pids.len() - exited, exited })
}

pub fn lab_error(e: LabError) -> CliError {
    let hint = match &e {
        LabError::NoLab(_) => Some("start one with `fedctl lab up`".to_owned()),
        LabError::NameTaken { name, .. } => {
            Some(format!("pick another -name, or stop that lab with `fedctl lab down -name {name}`"))
        }
        _ => None,
    };
    let err = CliError::failure(e);
    match hint {
        Some(h) => err.hint(h),
        None => err,
    }
}

/// The summary table and how to talk to each datacenter; with a demo, how many of its
/// processes run (a `Demo` column) and the curl through each datacenter's mesh.
pub async fn print_summary(ctx: &Ctx, lab: &Lab) -> Result<(), CliError> {
    let checker = Checker::for_lab(lab);
    let demo = lab.has_demo();
    let mut rows = Vec::new();
    for d in &lab.datacenters {
        let servers_up = d.servers.iter().filter(|s| s.pid.is_some_and(alive)).count();
        let gateways_up = d.gateways.iter().filter(|g| g.pid.is_some_and(alive)).count();
        let leader = checker.leader(&d.servers[0].http_addr()).await.unwrap_or_else(|| "-".to_owned());
        let leader =
            d.servers.iter().find(|s| leader == format!("{}:{}", s.ip, s.server)).map_or(leader, |s| s.node.clone());
        let mut row = vec![
            d.name.clone(),
            if d.primary { "yes" } else { "no" }.to_owned(),
            format!("{servers_up}/{}", d.servers.len()),
            leader,
            format!("{gateways_up}/{}", d.gateways.len()),
            format!("http://{}", d.servers[0].http_addr()),
        ];
        if demo {
            let processes = d.demo.as_ref().map(|m| m.processes(&d.name)).unwrap_or_default();
            let up = processes.iter().filter(|p| p.pid.is_some_and(alive)).count();
            row.push(format!("{up}/{}", processes.len()));
        }
        rows.push(row);
    }
    let mut header = vec!["DC", "Primary", "Servers", "Leader", "Gateways", "HTTP address"];
    if demo {
        header.push("Demo");
    }
    ctx.out.table(&header, rows)?;
    ctx.out.line("")?;
    if let Some(security) = &lab.security {
        let file = security.management_token_file.display();
        ctx.out.line(format!(
            "export CONSUL_HTTP_TOKEN_FILE={file}    # the management token: ACLs are on, default deny"
        ))?;
    }
    for d in &lab.datacenters {
        ctx.out.line(format!("FEDCTL_HTTP_ADDR={} fedctl members -wan    # {}", d.servers[0].http_addr(), d.name))?;
    }
    // Each datacenter's DNS interface, asked for the next datacenter's servers: an answer
    // from another datacenter comes through both datacenters' gateways.
    for (i, d) in lab.datacenters.iter().enumerate() {
        let next = &lab.datacenters[(i + 1) % lab.datacenters.len()].name;
        if let Some(dig) = d.servers[0].dig(&format!("consul.service.{next}.consul SRV")) {
            ctx.out.line(format!("{dig}    # {}'s DNS interface: {next}'s servers", d.name))?;
        }
    }
    if let (Some(_), Some(https)) = (&lab.security, lab.datacenters[0].servers[0].https) {
        let tls = lab.dir.join("tls");
        let server = &lab.datacenters[0].servers[0];
        ctx.out.line(format!(
            "fedctl members -wan -http-addr https://{}:{https} -ca-file {} -client-cert {} -client-key {}    # {} over HTTPS",
            server.ip,
            tls.join("ca.pem").display(),
            tls.join("cli.pem").display(),
            tls.join("cli-key.pem").display(),
            lab.datacenters[0].name
        ))?;
    }
    let curls = lab.demo_curls();
    if !curls.is_empty() {
        ctx.out.line("")?;
    }
    for c in &curls {
        ctx.out.line(format!("{}    # {}: {}", c.curl, c.datacenter, c.route))?;
    }
    if let Some(f) = lab.demo_failover() {
        ctx.out.line("")?;
        ctx.out.line(format!("{}    # failover: stop {}'s echo, then:", f.stop, f.datacenter))?;
        ctx.out.line(format!("{}    # answered by {} (echo's resolver fails over)", f.curl, f.answer))?;
    }
    Ok(())
}
