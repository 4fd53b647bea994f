mod create;
mod delete;
mod list;
mod read;
mod update;

use clap::Subcommand;

use crate::cli::{CliError, Ctx};

#[derive(Debug, Subcommand)]
pub enum Command {
    Create(create::Args),
    Read(read::Args),
    Update(update::Args),
    Delete(delete::Args),
    List(list::Args),
}

pub async fn run(ctx: &Ctx, cmd: Command) -> Result<(), CliError> {
    match cmd {
        Command::Create(args) => create::cmd_acl_policy_create(ctx, args).await,
        Command::Read(args) => read::cmd_acl_policy_read(ctx, args).await,
        Command::Update(args) => update::cmd_acl_policy_update(ctx, args).await,
        Command::Delete(args) => delete::cmd_acl_policy_delete(ctx, args).await,
        Command::List(args) => list::cmd_acl_policy_list(ctx, args).await,
    }
}
