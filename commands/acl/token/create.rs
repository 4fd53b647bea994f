use fedctl::state::AclToken;

use super::super::show::{self, ShowArgs};
use super::Grants;
use crate::cli::{CliError, ClientArgs, Ctx};

/// Create a token linked to policies, roles or service identities (at least one).
///
/// A global token (the default) is written in the primary datacenter and works in every
/// datacenter; a -local one works only in the datacenter that made it. The AccessorID and
/// SecretID are chosen unless -accessor and -secret give them (UUIDs). Prints the token: its
/// SecretID is what clients send.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  fedctl acl token create -description 'app' -policy-name kv-app\n  \
    fedctl acl token create -service-identity web -service-identity db:dc1,dc2\n  \
    fedctl acl token create -local -role-name ops -expires-ttl 8h")]
pub struct Args {
    /// The token's AccessorID (a UUID; chosen if not given).
    #[arg(long)]
    pub accessor: Option<String>,
    /// The token's SecretID (a UUID; chosen if not given).
    #[arg(long)]
    pub secret: Option<String>,
    /// What the token is for.
    #[arg(long)]
    pub description: Option<String>,
    /// Valid only in this datacenter (never replicated).
    #[arg(long)]
    pub local: bool,
    /// How long the token lives (e.g. 1h, 30m); forever if not given.
    #[arg(long = "expires-ttl", value_name = "DURATION")]
    pub expires_ttl: Option<String>,
    #[command(flatten)]
    pub grants: Grants,
    #[command(flatten)]
    pub show: ShowArgs,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_acl_token_create(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    if args.grants.is_empty() {
        return Err(CliError::usage(
            "Cannot create a token without specifying -policy-name, -policy-id, -role-name, -role-id, or -service-identity at least once",
        ));
    }
    if let Some(ttl) = &args.expires_ttl {
        fedctl::duration::parse_go_duration(ttl).map_err(|e| CliError::usage(format!("-expires-ttl: {e}")))?;
    }
    let client = args.client.client()?;
    let grants = args.grants.resolve(&client).await?;
    let token = AclToken {
        accessor_id: args.accessor.unwrap_or_default(),
        secret_id: args.secret.unwrap_or_default(),
        description: args.description.unwrap_or_default(),
        local: args.local,
        policies: grants.policies.unwrap_or_default(),
        roles: grants.roles.unwrap_or_default(),
        service_identities: grants.identities.unwrap_or_default(),
        ..AclToken::default()
    };
    let created = client
        .acl_token_create(&token, args.expires_ttl.as_deref())
        .await
        .map_err(|e| CliError::failure(format!("Failed to create new token: {e}")))?;
    show::token(ctx, args.show, &created)
}
