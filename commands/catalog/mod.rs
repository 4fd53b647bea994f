mod datacenters;
mod nodes;
mod services;

use clap::Subcommand;

use crate::cli::{CliError, Ctx};

#[derive(Debug, Subcommand)]
pub enum Command {
    Datacenters(datacenters::Args),
    Nodes(nodes::Args),
    Services(services::Args),
}

pub async fn run(ctx: &Ctx, cmd: Command) -> Result<(), CliError> {
    match cmd {
        Command::Datacenters(args) => datacenters::cmd_catalog_datacenters(ctx, args).await,
        Command::Nodes(args) => nodes::cmd_catalog_nodes(ctx, args).await,
        Command::Services(args) => services::cmd_catalog_services(ctx, args).await,
    }
}
