mod create;

use clap::Subcommand;

use crate::ctx::Ctx;
use crate::exit::CliError;

#[derive(Debug, Subcommand)]
pub enum Command {
    Create(create::Args),
}

pub fn run(ctx: &Ctx, cmd: Command) -> Result<(), CliError> {
    match cmd {
        Command::Create(args) => create::cmd_tls_cert_create(ctx, args),
    }
}
