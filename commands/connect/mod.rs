mod envoy;
mod exec;

pub use exec::find_envoy;

use clap::Subcommand;

use crate::ctx::Ctx;
use crate::exit::CliError;

#[derive(Debug, Subcommand)]
pub enum Command {
    Envoy(envoy::Args),
}

pub async fn run(ctx: &Ctx, cmd: Command) -> Result<(), CliError> {
    match cmd {
        Command::Envoy(args) => envoy::cmd_connect_envoy(ctx, args).await,
    }
}
