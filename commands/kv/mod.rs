mod delete;
mod export;
mod get;
mod import;
mod put;

use clap::Subcommand;

use crate::cli::{CliError, Ctx};

#[derive(Debug, Subcommand)]
pub enum Command {
    Get(get::Args),
    Put(put::Args),
    Delete(delete::Args),
    Export(export::Args),
    Import(import::Args),
}

pub async fn run(ctx: &Ctx, cmd: Command) -> Result<(), CliError> {
    match cmd {
        Command::Get(args) => get::cmd_kv_get(ctx, args).await,
        Command::Put(args) => put::cmd_kv_put(ctx, args).await,
        Command::Delete(args) => delete::cmd_kv_delete(ctx, args).await,
        Command::Export(args) => export::cmd_kv_export(ctx, args).await,
        Command::Import(args) => import::cmd_kv_import(ctx, args).await,
    }
}
