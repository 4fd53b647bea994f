use super::super::lookup::{LinkTo, Named};
use crate::cli::{CliError, ClientArgs, Ctx};

/// Delete a role, named by -id (a unique prefix is enough) or -name.
///
/// Tokens linked to it lose what it granted.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  fedctl acl role delete -name ops\n  fedctl acl role delete -id 6a1f")]
pub struct Args {
    #[command(flatten)]
    pub which: Named,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_acl_role_delete(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let client = args.client.client()?;
    let id = args.which.id(&client, LinkTo::Role).await?;
    client.acl_role_delete(&id).await.map_err(|e| CliError::failure(format!("Error deleting role {id:?}: {e}")))?;
    ctx.out.line(format!("Role {id:?} deleted successfully"))
}
