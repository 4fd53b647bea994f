//! Shared by the lab commands: where the current lab is, and its summary table.

use std::path::PathBuf;

use fedctl::lab::{Checker, Lab, LabError, alive};

use crate::cli::{CliError, Ctx};

/// Remembers the last detached lab, so `status` and `down` need no -dir.
pub fn pointer() -> PathBuf {
    std::env::temp_dir().join("fedctl-lab-current")
}

/// The lab directory: -dir, else the last detached lab.
pub fn lab_dir(flag: Option<PathBuf>) -> Result<PathBuf, CliError> {
    if let Some(dir) = flag {
        return Ok(dir);
    }
    std::fs::read_to_string(pointer()).map(|s| PathBuf::from(s.trim())).map_err(|_| {
        CliError::failure("no lab is running").hint("start one with `fedctl lab up -detach`, or pass -dir")
    })
}

pub fn lab_error(e: LabError) -> CliError {
    let hint = match &e {
        LabError::NoLab(_) => Some("start one with `fedctl lab up`"),
        _ => None,
    };
    let err = CliError::failure(e);
    match hint {
        Some(h) => err.hint(h),
        None => err,
    }
}

/// The summary table and how to talk to each datacenter.
pub async fn print_summary(ctx: &Ctx, lab: &Lab) -> Result<(), CliError> {
    let checker = Checker::new();
    let mut rows = Vec::new();
    for d in &lab.datacenters {
        let servers_up = d.servers.iter().filter(|s| s.pid.is_some_and(alive)).count();
        let gateways_up = d.gateways.iter().filter(|g| g.pid.is_some_and(alive)).count();
        let leader = checker.leader(&d.servers[0].http_addr()).await.unwrap_or_else(|| "-".to_owned());
        let leader =
            d.servers.iter().find(|s| leader == format!("{}:{}", s.ip, s.server)).map_or(leader, |s| s.node.clone());
        rows.push(vec![
            d.name.clone(),
            if d.primary { "yes" } else { "no" }.to_owned(),
            format!("{servers_up}/{}", d.servers.len()),
            leader,
            format!("{gateways_up}/{}", d.gateways.len()),
            format!("http://{}", d.servers[0].http_addr()),
        ]);
    }
    ctx.out.table(&["DC", "Primary", "Servers", "Leader", "Gateways", "HTTP address"], rows)?;
    ctx.out.line("")?;
    for d in &lab.datacenters {
        ctx.out.line(format!("FEDCTL_HTTP_ADDR={} fedctl members -wan    # {}", d.servers[0].http_addr(), d.name))?;
    }
    Ok(())
}
