use super::super::lookup::{LinkTo, Named};
use super::super::show::{self, ShowArgs};
use crate::cli::{CliError, ClientArgs, Ctx};

/// Show one role, by -id (a unique prefix is enough) or -name.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  fedctl acl role read -name ops\n  fedctl acl role read -id 6a1f -format=json")]
pub struct Args {
    #[command(flatten)]
    pub which: Named,
    #[command(flatten)]
    pub show: ShowArgs,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_acl_role_read(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let client = args.client.client()?;
    let id = args.which.id(&client, LinkTo::Role).await?;
    let role =
        client.acl_role_read(&id).await.map_err(|e| CliError::failure(format!("Error reading role {id:?}: {e}")))?;
    show::role(ctx, args.show, &role)
}
