mod get;
mod list;

use clap::Subcommand;

use crate::ctx::Ctx;
use crate::exit::CliError;

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

/// A gateway is healthy when every check on it passes.
pub fn healthy(gateway: &serde_json::Value) -> bool {
    gateway["Checks"].as_array().is_none_or(|c| c.iter().all(|c| c["Status"] == "passing"))
}
