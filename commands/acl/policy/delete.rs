use super::super::lookup::{LinkTo, Named};
use crate::cli::{CliError, ClientArgs, Ctx};

/// Delete a policy, named by -id (a unique prefix is enough) or -name.
///
/// Tokens and roles linked to it lose what it granted, in every datacenter once replicated.
/// The built-in `global-management` policy cannot be deleted.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  fedctl acl policy delete -name kv-app\n  fedctl acl policy delete -id 0a5b3c")]
pub struct Args {
    #[command(flatten)]
    pub which: Named,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_acl_policy_delete(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let client = args.client.client()?;
    let id = args.which.id(&client, LinkTo::Policy).await?;
    client.acl_policy_delete(&id).await.map_err(|e| CliError::failure(format!("Error deleting policy {id:?}: {e}")))?;
    ctx.out.line(format!("Policy {id:?} deleted successfully"))
}
