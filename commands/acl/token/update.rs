use super::super::lookup::{self, merge_identities, merge_links};
use super::super::show::{self, ShowArgs};
use super::Grants;
use crate::cli::{CliError, ClientArgs, Ctx};

/// Change a token's description, policies, roles or service identities.
///
/// Each kind given replaces what the token had of that kind (with -merge-policies,
/// -merge-roles or -merge-service-identities it is added instead); a kind not given is kept.
/// The SecretID and whether the token is local never change.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  fedctl acl token update -id 4c3a9fb0 -policy-name kv-app -policy-name web\n  \
    fedctl acl token update -id 4c3a9fb0 -merge-policies -policy-name extra\n  \
    fedctl acl token update -id 4c3a9fb0 -description 'the app, renamed'")]
pub struct Args {
    /// The token's AccessorID, or a unique prefix of it.
    #[arg(long)]
    pub id: Option<String>,
    /// A new description.
    #[arg(long)]
    pub description: Option<String>,
    /// Add the policies given instead of replacing the token's.
    #[arg(long = "merge-policies")]
    pub merge_policies: bool,
    /// Add the roles given instead of replacing the token's.
    #[arg(long = "merge-roles")]
    pub merge_roles: bool,
    /// Add the service identities given instead of replacing the token's.
    #[arg(long = "merge-service-identities")]
    pub merge_identities: bool,
    #[command(flatten)]
    pub grants: Grants,
    #[command(flatten)]
    pub show: ShowArgs,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_acl_token_update(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Some(id) = &args.id else {
        return Err(CliError::usage("Cannot update a token without specifying the -id parameter"));
    };
    let client = args.client.client()?;
    let id = lookup::token_id(&client, id).await?;
    let mut token = client
        .acl_token_read(&id)
        .await
        .map_err(|e| CliError::failure(format!("Error when retrieving current token: {e}")))?;
    // The SecretID never changes (and a reader without acl:write sees it hidden).
    token.secret_id.clear();
    if let Some(description) = &args.description {
        token.description = description.clone();
    }
    let grants = args.grants.resolve(&client).await?;
    if let Some(policies) = grants.policies {
        if !args.merge_policies {
            token.policies.clear();
        }
        merge_links(&mut token.policies, policies);
    }
    if let Some(roles) = grants.roles {
        if !args.merge_roles {
            token.roles.clear();
        }
        merge_links(&mut token.roles, roles);
    }
    if let Some(identities) = grants.identities {
        if !args.merge_identities {
            token.service_identities.clear();
        }
        merge_identities(&mut token.service_identities, identities);
    }
    let updated = client
        .acl_token_update(&token)
        .await
        .map_err(|e| CliError::failure(format!("Failed to update token {id}: {e}")))?;
    show::token(ctx, args.show, &updated)
}
