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
        Command::Create(args) => create::cmd_acl_role_create(ctx, args).await,
        Command::Read(args) => read::cmd_acl_role_read(ctx, args).await,
        Command::Update(args) => update::cmd_acl_role_update(ctx, args).await,
        Command::Delete(args) => delete::cmd_acl_role_delete(ctx, args).await,
        Command::List(args) => list::cmd_acl_role_list(ctx, args).await,
    }
}

/// What a role is given: policies and service identities.
#[derive(Debug, clap::Args)]
pub struct RoleGrants {
    /// A policy by ID or a unique prefix of it (repeatable).
    #[arg(long = "policy-id", value_name = "ID")]
    pub policy_ids: Vec<String>,
    /// A policy by name (repeatable).
    #[arg(long = "policy-name", value_name = "NAME")]
    pub policy_names: Vec<String>,
    /// A service identity: SERVICE, or SERVICE:DC1,DC2 to hold only there (repeatable).
    #[arg(long = "service-identity", value_name = "SERVICE[:DCS]")]
    pub service_identities: Vec<String>,
}
