mod client_config;
mod echo;
mod envoy_ready;
mod generate;

use clap::Subcommand;

use crate::cli::{CliError, Ctx};

#[derive(Debug, Subcommand)]
pub enum Command {
    Generate(generate::Args),
    ClientConfig(client_config::Args),
    EnvoyReady(envoy_ready::Args),
    Echo(echo::Args),
}

pub async fn run(ctx: &Ctx, cmd: Command) -> Result<(), CliError> {
    match cmd {
        Command::EnvoyReady(args) => envoy_ready::cmd_internal_envoy_ready(ctx, args).await,
        Command::Echo(args) => echo::cmd_internal_echo(ctx, args).await,
        Command::Generate(args) => generate::cmd_internal_generate(ctx, args),
        Command::ClientConfig(args) => client_config::cmd_internal_client_config(ctx, args),
    }
}
