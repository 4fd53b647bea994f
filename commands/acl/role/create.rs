use fedctl::state::AclRole;

use super::super::lookup::{self, LinkTo};
use super::super::show::{self, ShowArgs};
use super::RoleGrants;
use crate::cli::{CliError, ClientArgs, Ctx};

/// Create a role: policies and service identities under one name, for tokens to link to.
///
/// Roles are written in the primary datacenter and replicated to every other.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  fedctl acl role create -name ops -policy-name kv-app -policy-name operator-read\n  \
    fedctl acl role create -name web -service-identity web:dc1,dc2"
)]
pub struct Args {
    /// The new role's name (required).
    #[arg(long)]
    pub name: Option<String>,
    /// What the role is for.
    #[arg(long)]
    pub description: Option<String>,
    #[command(flatten)]
    pub grants: RoleGrants,
    #[command(flatten)]
    pub show: ShowArgs,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_acl_role_create(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Some(name) = args.name.clone() else {
        return Err(CliError::usage("Missing required '-name' flag"));
    };
    let g = &args.grants;
    if g.policy_ids.is_empty() && g.policy_names.is_empty() && g.service_identities.is_empty() {
        return Err(CliError::usage(
            "Cannot create a role without specifying -policy-name, -policy-id, or -service-identity at least once",
        ));
    }
    let client = args.client.client()?;
    let role = AclRole {
        name,
        description: args.description.unwrap_or_default(),
        policies: lookup::links(&client, LinkTo::Policy, &g.policy_ids, &g.policy_names).await?,
        service_identities: lookup::service_identities(&g.service_identities)?,
        ..AclRole::default()
    };
    let created = client
        .acl_role_create(&role)
        .await
        .map_err(|e| CliError::failure(format!("Failed to create new role: {e}")))?;
    show::role(ctx, args.show, &created)
}
