mod get_config;
mod set_config;

use clap::Subcommand;

use crate::cli::{CliError, Ctx};

/// Read and change the Connect CA's settings; a new root key rotates the root.
#[derive(Debug, Subcommand)]
pub enum Command {
    GetConfig(get_config::Args),
    SetConfig(set_config::Args),
}

pub async fn run(ctx: &Ctx, cmd: Command) -> Result<(), CliError> {
    match cmd {
        Command::GetConfig(args) => get_config::cmd_connect_ca_get_config(ctx, args).await,
        Command::SetConfig(args) => set_config::cmd_connect_ca_set_config(ctx, args).await,
    }
}
