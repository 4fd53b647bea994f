mod client_config;
mod generate;

use clap::Subcommand;

use crate::cli::{CliError, Ctx};

#[derive(Debug, Subcommand)]
pub enum Command {
    Generate(generate::Args),
    ClientConfig(client_config::Args),
}

pub fn run(ctx: &Ctx, cmd: Command) -> Result<(), CliError> {
    match cmd {
        Command::Generate(args) => generate::cmd_internal_generate(ctx, args),
        Command::ClientConfig(args) => client_config::cmd_internal_client_config(ctx, args),
    }
}
