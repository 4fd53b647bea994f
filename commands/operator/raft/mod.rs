mod list_peers;
mod remove_peer;

use clap::Subcommand;

use crate::cli::{CliError, Ctx};

#[derive(Debug, Subcommand)]
pub enum Command {
    ListPeers(list_peers::Args),
    RemovePeer(remove_peer::Args),
}

pub async fn run(ctx: &Ctx, cmd: Command) -> Result<(), CliError> {
    match cmd {
        Command::ListPeers(args) => list_peers::cmd_operator_raft_list_peers(ctx, args).await,
        Command::RemovePeer(args) => remove_peer::cmd_operator_raft_remove_peer(ctx, args).await,
    }
}
