use super::super::lookup::{LinkTo, Named};
use super::super::show::{self, ShowArgs};
use crate::cli::{CliError, ClientArgs, Ctx};

/// Show one policy and its rules, by -id (a unique prefix is enough) or -name.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  fedctl acl policy read -name global-management\n  fedctl acl policy read -id 0a5b3c\n  \
    fedctl acl policy read -name kv-app -format=json"
)]
pub struct Args {
    #[command(flatten)]
    pub which: Named,
    #[command(flatten)]
    pub show: ShowArgs,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_acl_policy_read(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let client = args.client.client()?;
    let id = args.which.id(&client, LinkTo::Policy).await?;
    let policy = client
        .acl_policy_read(&id)
        .await
        .map_err(|e| CliError::failure(format!("Error reading policy {id:?}: {e}")))?;
    show::policy(ctx, args.show, &policy)
}
