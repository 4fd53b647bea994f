use super::super::lookup;
use super::super::show::{self, ShowArgs};
use crate::cli::{CliError, ClientArgs, Ctx};

/// Make a new token with the policies, roles and service identities of another.
///
/// The clone gets its own AccessorID and SecretID, is local if the original is, and has the
/// original's description unless -description gives one.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  fedctl acl token clone -id 4c3a9fb0 -description 'the app, second instance'")]
pub struct Args {
    /// The AccessorID of the token to clone, or a unique prefix of it.
    #[arg(long)]
    pub id: Option<String>,
    /// The clone's description.
    #[arg(long)]
    pub description: Option<String>,
    #[command(flatten)]
    pub show: ShowArgs,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_acl_token_clone(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Some(id) = &args.id else {
        return Err(CliError::usage("Cannot clone a token without specifying the -id parameter"));
    };
    let client = args.client.client()?;
    let id = lookup::token_id(&client, id).await?;
    let cloned = client
        .acl_token_clone(&id, args.description.as_deref())
        .await
        .map_err(|e| CliError::failure(format!("Failed to clone token {id}: {e}")))?;
    show::token(ctx, args.show, &cloned)
}
