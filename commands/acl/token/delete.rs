use super::super::lookup;
use crate::cli::{CliError, ClientArgs, Ctx};

/// Delete a token by -id (its AccessorID, or a unique prefix of it).
///
/// Requests bringing its SecretID are then anonymous, in every datacenter once replicated.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  fedctl acl token delete -id 4c3a9fb0")]
pub struct Args {
    /// The token's AccessorID, or a unique prefix of it.
    #[arg(long)]
    pub id: Option<String>,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_acl_token_delete(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Some(id) = &args.id else { return Err(CliError::usage("Must specify the -id parameter")) };
    let client = args.client.client()?;
    let id = lookup::token_id(&client, id).await?;
    client.acl_token_delete(&id).await.map_err(|e| CliError::failure(format!("Error deleting token {id:?}: {e}")))?;
    ctx.out.line(format!("Token {id:?} deleted successfully"))
}
