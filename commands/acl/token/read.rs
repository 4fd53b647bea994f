use super::super::lookup;
use super::super::show::{self, ShowArgs};
use crate::cli::{CliError, ClientArgs, Ctx};

/// Show one token by -id (its AccessorID, a unique prefix of it, or `anonymous`), or with
/// -self the token this command sends (-token or FEDCTL_HTTP_TOKEN).
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  fedctl acl token read -id 4c3a9fb0\n  fedctl acl token read -self -format=json\n  \
    fedctl acl token read -id anonymous"
)]
pub struct Args {
    /// The token's AccessorID, or a unique prefix of it.
    #[arg(long)]
    pub id: Option<String>,
    /// The token this command sends.
    #[arg(long = "self")]
    pub own: bool,
    #[command(flatten)]
    pub show: ShowArgs,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_acl_token_read(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let client = args.client.client()?;
    let token = match (&args.id, args.own) {
        (_, true) => {
            client.acl_token_self().await.map_err(|e| CliError::failure(format!("Error reading token: {e}")))?
        }
        (Some(id), false) => {
            let id = lookup::token_id(&client, id).await?;
            client
                .acl_token_read(&id)
                .await
                .map_err(|e| CliError::failure(format!("Error reading token {id:?}: {e}")))?
        }
        (None, false) => return Err(CliError::usage("Must specify the -id parameter").hint("or -self")),
    };
    show::token(ctx, args.show, &token)
}
