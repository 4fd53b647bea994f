use fedctl::state::AclRole;

use super::super::lookup::{self, LinkTo};
use super::super::show::{self, ShowArgs};
use super::RoleGrants;
use crate::cli::{CliError, ClientArgs, Ctx};

/// Change a role, named by -id (a unique prefix is enough) or, without -id, by -name.
///
/// The policies and service identities given are added to the role's, and a new -name or
/// -description replaces the old; with -no-merge the role becomes exactly what is given.
/// Tokens linked to the role follow at once.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  fedctl acl role update -name ops -policy-name dns-read\n  \
    fedctl acl role update -id 6a1f -no-merge -name ops -policy-name kv-app")]
pub struct Args {
    /// The role's ID, or a unique prefix of it.
    #[arg(long)]
    pub id: Option<String>,
    /// The role's name (with -id: its new name).
    #[arg(long)]
    pub name: Option<String>,
    /// A new description.
    #[arg(long)]
    pub description: Option<String>,
    /// Replace every field instead of adding to the role as it is.
    #[arg(long = "no-merge")]
    pub no_merge: bool,
    #[command(flatten)]
    pub grants: RoleGrants,
    #[command(flatten)]
    pub show: ShowArgs,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_acl_role_update(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    if args.id.is_none() && args.name.is_none() {
        return Err(CliError::usage("Must specify either the -id or -name parameters"));
    }
    let client = args.client.client()?;
    let id = lookup::id_of(&client, LinkTo::Role, args.id.as_deref(), args.name.as_deref()).await?;
    let g = &args.grants;
    let policies = lookup::links(&client, LinkTo::Policy, &g.policy_ids, &g.policy_names).await?;
    let identities = lookup::service_identities(&g.service_identities)?;
    let updated = if args.no_merge {
        AclRole {
            id: id.clone(),
            name: args.name.clone().unwrap_or_default(),
            description: args.description.clone().unwrap_or_default(),
            policies,
            service_identities: identities,
            ..AclRole::default()
        }
    } else {
        let mut role = client
            .acl_role_read(&id)
            .await
            .map_err(|e| CliError::failure(format!("Error reading role {id:?}: {e}")))?;
        if let Some(name) = &args.name {
            role.name = name.clone();
        }
        if let Some(description) = &args.description {
            role.description = description.clone();
        }
        lookup::merge_links(&mut role.policies, policies);
        lookup::merge_identities(&mut role.service_identities, identities);
        role
    };
    let role = client
        .acl_role_update(&updated)
        .await
        .map_err(|e| CliError::failure(format!("Error updating role {id:?}: {e}")))?;
    show::role(ctx, args.show, &role)
}
