use crate::cli::{CliError, ClientArgs, Ctx, FormatArg};

/// List every intention, in the order they are evaluated.
///
/// A table of ID, Source, Action, Destination and Precedence, highest precedence first (an
/// exact source and destination is 9, `*` to `*` is 1); -format=json prints the intentions as
/// the HTTP API has them.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  fedctl intention list\n  fedctl intention list -format=json")]
pub struct Args {
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_intention_list(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let client = args.client.client()?;
    let intentions =
        client.intention_list().await.map_err(|e| CliError::failure(format!("Error listing intentions: {e}")))?;
    if args.format.is_json() {
        return ctx.out.json(&intentions);
    }
    if intentions.is_empty() {
        ctx.out.info("There are no intentions.");
        return Ok(());
    }
    ctx.out.table(
        &["ID", "Source", "Action", "Destination", "Precedence"],
        intentions.iter().map(|i| {
            vec![
                i.id.clone(),
                i.source().display(),
                i.action.clone(),
                i.destination().display(),
                i.precedence.to_string(),
            ]
        }),
    )
}
