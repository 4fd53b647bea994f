use super::required;
use crate::cli::{CliError, ClientArgs, Ctx, FormatArg};

/// List the names of the config entries of one kind, one per line.
///
/// With -format=json, prints the entries themselves (as `fedctl config read` does, in a list).
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  fedctl config list -kind service-defaults\n  fedctl config list -kind service-resolver -format=json"
)]
pub struct Args {
    /// The kind to list: proxy-defaults, service-defaults, service-resolver or service-intentions.
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_config_list(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let kind = required(&args.kind, "kind")?;
    let client = args.client.client()?;
    let entries = client
        .config_entry_list(kind)
        .await
        .map_err(|e| CliError::failure(format!("Error listing config entries for kind {kind:?}: {e}")))?
        .value;
    if args.format.is_json() {
        return ctx.out.json(&entries);
    }
    entries.iter().try_for_each(|e| ctx.out.line(e.name()))
}
