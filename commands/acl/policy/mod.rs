mod create;
mod delete;
mod list;
mod read;
mod update;

use clap::Subcommand;
use fedctl::api::Client;

use super::lookup;
use crate::cli::{CliError, Ctx, api_error};

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

/// The policy `-id` (a unique prefix) or else `-name` names, as its ID.
async fn policy_id(client: &Client, id: Option<&str>, name: Option<&str>) -> Result<String, CliError> {
    match (id, name) {
        (Some(id), _) => lookup::policy_id(client, id).await,
        (None, Some(name)) => {
            let policies = client.acl_policy_list().await.map_err(api_error)?;
            policies.into_iter().find(|p| p.name == name).map(|p| p.id).ok_or_else(|| {
                CliError::failure(format!("Error determining policy ID: No such policy with name {name}"))
                    .hint("`fedctl acl policy list` shows the policies")
            })
        }
        (None, None) => Err(CliError::usage("Must specify either the -id or -name parameters")),
    }
}
