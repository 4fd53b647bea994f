use super::super::show::{self, ShowArgs};
use crate::cli::{CliError, ClientArgs, Ctx};

/// List every role with its policies and service identities.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  fedctl acl role list\n  fedctl acl role list -format=json")]
pub struct Args {
    #[command(flatten)]
    pub show: ShowArgs,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_acl_role_list(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let client = args.client.client()?;
    let roles = client
        .acl_role_list()
        .await
        .map_err(|e| CliError::failure(format!("Failed to retrieve the role list: {e}")))?;
    show::roles(ctx, args.show, &roles)
}
