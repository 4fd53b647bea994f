mod ca;
mod envoy;
mod exec;
mod ready;

use clap::Subcommand;
pub use exec::find_envoy;

use crate::cli::{CliError, Ctx};

// Parsed once per run: the size of a variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(subcommand)]
    Ca(ca::Command),
    Envoy(envoy::Args),
}

pub async fn run(ctx: &Ctx, cmd: Command) -> Result<(), CliError> {
    match cmd {
        Command::Ca(cmd) => ca::run(ctx, cmd).await,
        Command::Envoy(args) => envoy::cmd_connect_envoy(ctx, args).await,
    }
}
