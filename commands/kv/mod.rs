mod delete;
mod get;
mod put;

use clap::Subcommand;

use crate::cli::{CliError, Ctx};

#[derive(Debug, Subcommand)]
pub enum Command {
    Get(get::Args),
    Put(put::Args),
    Delete(delete::Args),
}

pub async fn run(ctx: &Ctx, cmd: Command) -> Result<(), CliError> {
    match cmd {
        Command::Get(args) => get::cmd_kv_get(ctx, args).await,
        Command::Put(args) => put::cmd_kv_put(ctx, args).await,
        Command::Delete(args) => delete::cmd_kv_delete(ctx, args).await,
    }
}
