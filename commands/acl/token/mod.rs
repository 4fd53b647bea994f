mod clone;
mod create;
mod delete;
mod list;
mod read;
mod update;

use clap::Subcommand;
use fedctl::api::Client;
use fedctl::state::{AclLink, ServiceIdentity};

use super::lookup::{self, LinkTo};
use crate::cli::{CliError, Ctx};

#[derive(Debug, Subcommand)]
pub enum Command {
    Create(create::Args),
    Read(read::Args),
    Update(update::Args),
    Clone(clone::Args),
    Delete(delete::Args),
    List(list::Args),
}

pub async fn run(ctx: &Ctx, cmd: Command) -> Result<(), CliError> {
    match cmd {
        Command::Create(args) => create::cmd_acl_token_create(ctx, args).await,
        Command::Read(args) => read::cmd_acl_token_read(ctx, args).await,
        Command::Update(args) => update::cmd_acl_token_update(ctx, args).await,
        Command::Clone(args) => clone::cmd_acl_token_clone(ctx, args).await,
        Command::Delete(args) => delete::cmd_acl_token_delete(ctx, args).await,
        Command::List(args) => list::cmd_acl_token_list(ctx, args).await,
    }
}

/// What a token is given: policies, roles and service identities, as `create` and `update`
/// take them.
#[derive(Debug, clap::Args)]
pub struct Grants {
    /// A policy by ID or a unique prefix of it (repeatable).
    #[arg(long = "policy-id", value_name = "ID")]
    pub policy_ids: Vec<String>,
    /// A policy by name (repeatable).
    #[arg(long = "policy-name", value_name = "NAME")]
    pub policy_names: Vec<String>,
    /// A role by ID or a unique prefix of it (repeatable).
    #[arg(long = "role-id", value_name = "ID")]
    pub role_ids: Vec<String>,
    /// A role by name (repeatable).
    #[arg(long = "role-name", value_name = "NAME")]
    pub role_names: Vec<String>,
    /// A service identity: SERVICE, or SERVICE:DC1,DC2 to hold only there (repeatable).
    #[arg(long = "service-identity", value_name = "SERVICE[:DCS]")]
    pub service_identities: Vec<String>,
}

/// The links and identities [`Grants`] name, resolved.
struct Resolved {
    policies: Option<Vec<AclLink>>,
    roles: Option<Vec<AclLink>>,
    identities: Option<Vec<ServiceIdentity>>,
}

impl Grants {
    fn is_empty(&self) -> bool {
        self.policy_ids.is_empty()
            && self.policy_names.is_empty()
            && self.role_ids.is_empty()
            && self.role_names.is_empty()
            && self.service_identities.is_empty()
    }

    /// Each kind given (`None` for a kind not given at all).
    async fn resolve(&self, client: &Client) -> Result<Resolved, CliError> {
        let given = |ids: &[String], names: &[String]| !ids.is_empty() || !names.is_empty();
        let policies = match given(&self.policy_ids, &self.policy_names) {
            true => Some(lookup::links(client, LinkTo::Policy, &self.policy_ids, &self.policy_names).await?),
            false => None,
        };
        let roles = match given(&self.role_ids, &self.role_names) {
            true => Some(lookup::links(client, LinkTo::Role, &self.role_ids, &self.role_names).await?),
            false => None,
        };
        let identities = match self.service_identities.is_empty() {
            true => None,
            false => Some(lookup::service_identities(&self.service_identities)?),
        };
        Ok(Resolved { policies, roles, identities })
    }
}
