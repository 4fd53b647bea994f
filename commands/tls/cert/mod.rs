mod create;

use clap::Subcommand;

use crate::cli::{CliError, Ctx};

#[derive(Debug, Subcommand)]
pub enum Command {
    Create(create::Args),
}

pub fn run(ctx: &Ctx, cmd: Command) -> Result<(), CliError> {
    match cmd {
        Command::Create(args) => create::cmd_tls_cert_create(ctx, args),
    }
}
