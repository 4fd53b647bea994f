use super::super::show::{self, ShowArgs};
use crate::cli::{CliError, ClientArgs, Ctx};

/// List every policy: its name, ID, description and datacenters (rules: `acl policy read`).
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  fedctl acl policy list\n  fedctl acl policy list -format=json")]
pub struct Args {
    #[command(flatten)]
    pub show: ShowArgs,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_acl_policy_list(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let client = args.client.client()?;
    let policies = client
        .acl_policy_list()
        .await
        .map_err(|e| CliError::failure(format!("Failed to retrieve the policy list: {e}")))?;
    show::policies(ctx, args.show, &policies)
}
