mod raft;

use clap::Subcommand;

use crate::cli::{CliError, Ctx};

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Inspect and change the raft peers.
    #[command(subcommand)]
    Raft(raft::Command),
}

pub async fn run(ctx: &Ctx, cmd: Command) -> Result<(), CliError> {
    match cmd {
        Command::Raft(cmd) => raft::run(ctx, cmd).await,
    }
}
