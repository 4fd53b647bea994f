mod deregister;
mod register;

use clap::Subcommand;

use crate::cli::{CliError, Ctx};

#[derive(Debug, Subcommand)]
pub enum Command {
    Register(register::Args),
    Deregister(deregister::Args),
}

pub async fn run(ctx: &Ctx, cmd: Command) -> Result<(), CliError> {
    match cmd {
        Command::Register(args) => register::cmd_services_register(ctx, args).await,
        Command::Deregister(args) => deregister::cmd_services_deregister(ctx, args).await,
    }
}
