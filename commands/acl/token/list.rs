use super::super::show::{self, ShowArgs};
use crate::cli::{CliError, ClientArgs, Ctx};

/// List the tokens this datacenter knows (global ones and its local ones), without their
/// SecretIDs.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  fedctl acl token list\n  fedctl acl token list -format=json")]
pub struct Args {
    #[command(flatten)]
    pub show: ShowArgs,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_acl_token_list(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let client = args.client.client()?;
    let tokens = client
        .acl_token_list()
        .await
        .map_err(|e| CliError::failure(format!("Failed to retrieve the token list: {e}")))?;
    show::tokens(ctx, args.show, &tokens)
}
