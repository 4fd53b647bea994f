use super::Which;
use crate::cli::{CliError, ClientArgs, Ctx};

/// Delete an intention, named by its source and destination or by its ID.
///
/// The delete goes to the primary datacenter, and every other datacenter's copy follows; the
/// connections it allowed or denied are then decided by the next intention in precedence
/// order, or the default. Prints `Intention deleted.`; an intention that does not exist is an
/// error.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  fedctl intention delete web db\n  fedctl intention delete '*' db\n  fedctl intention delete 4c3a9fb0-6a52-4a89-9a33-3b3a7a6d2f61"
)]
pub struct Args {
    /// SRC DST, or the intention's ID.
    #[arg(value_name = "SRC DST | ID")]
    pub args: Vec<String>,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_intention_delete(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let which = Which::of(&args.args)?;
    let client = args.client.client()?;
    let found = which.lookup(&client).await?;
    let deleted = match &which {
        Which::Id(id) => client.intention_delete(id).await,
        Which::Pair(source, destination) => {
            client.intention_delete_exact(&source.display(), &destination.display()).await
        }
    };
    deleted.map_err(|e| CliError::failure(format!("Error deleting intention {:?}: {e}", found.display())))?;
    ctx.out.line("Intention deleted.")
}
