mod gateways;

use clap::Subcommand;

use crate::cli::{CliError, Ctx};

#[derive(Debug, Subcommand)]
pub enum Command {
    Gateways(gateways::Args),
}

pub async fn run(ctx: &Ctx, cmd: Command) -> Result<(), CliError> {
    match cmd {
        Command::Gateways(args) => gateways::cmd_debug_gateways(ctx, args).await,
    }
}
