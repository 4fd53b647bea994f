mod get;
mod list;

use clap::Subcommand;
use fedctl::state::{CheckServiceNode, HealthStatus};

use crate::cli::{CliError, Ctx};

#[derive(Debug, Subcommand)]
pub enum Command {
    List(list::Args),
    Get(get::Args),
}

pub async fn run(ctx: &Ctx, cmd: Command) -> Result<(), CliError> {
    match cmd {
        Command::List(args) => list::cmd_federation_state_list(ctx, args).await,
        Command::Get(args) => get::cmd_federation_state_get(ctx, args).await,
    }
}

/// Seconds since an RFC 3339 timestamp (None when it cannot be read).
pub fn age_secs(rfc3339: &str) -> Option<i64> {
    let t = time::OffsetDateTime::parse(rfc3339, &time::format_description::well_known::Rfc3339).ok()?;
    Some((time::OffsetDateTime::now_utc() - t).whole_seconds())
}

/// `42s`, `3m12s`, `2h5m`.
pub fn human_age(secs: i64) -> String {
    match secs {
        s if s < 60 => format!("{s}s"),
        s if s < 3600 => format!("{}m{}s", s / 60, s % 60),
        s => format!("{}h{}m", s / 3600, (s % 3600) / 60),
    }
}

/// A gateway's health as a word: `critical` unless it is healthy by the data model's one rule
/// ([`CheckServiceNode::is_healthy`]), then `warning` or `passing`.
pub fn health(gateway: &CheckServiceNode) -> &'static str {
    if !gateway.is_healthy() {
        "critical"
    } else if gateway.checks.iter().any(|c| c.status == HealthStatus::Warning) {
        "warning"
    } else {
        "passing"
    }
}
