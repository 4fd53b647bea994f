mod gateways;

use clap::Subcommand;

use crate::ctx::Ctx;
use crate::exit::CliError;

#[derive(Debug, Subcommand)]
pub enum Command {
    Gateways(gateways::Args),
}

pub async fn run(ctx: &Ctx, cmd: Command) -> Result<(), CliError> {
    match cmd {
        Command::Gateways(args) => gateways::cmd_debug_gateways(ctx, args).await,
    }
}
