mod gateways;
mod proxy;

use clap::Subcommand;

use crate::cli::{CliError, Ctx};

#[derive(Debug, Subcommand)]
pub enum Command {
    Gateways(gateways::Args),
    Proxy(proxy::Args),
}

pub async fn run(ctx: &Ctx, cmd: Command) -> Result<(), CliError> {
    match cmd {
        Command::Gateways(args) => gateways::cmd_debug_gateways(ctx, args).await,
        Command::Proxy(args) => proxy::cmd_debug_proxy(ctx, args).await,
    }
}
