use super::EntryFlags;
use crate::cli::{CliError, ClientArgs, Ctx};

/// Show one config entry as JSON.
///
/// Prints the entry as the HTTP API stores it (PascalCase keys, with its CreateIndex and
/// ModifyIndex), read from this datacenter's copy: in a secondary, what it replicated from
/// the primary.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  fedctl config read -kind proxy-defaults -name global\n  fedctl config read -kind service-resolver -name web"
)]
pub struct Args {
    #[command(flatten)]
    pub entry: EntryFlags,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_config_read(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let (kind, name) = args.entry.required()?;
    let client = args.client.client()?;
    let entry = client
        .config_entry_get(kind, name)
        .await
        .map_err(|e| CliError::failure(format!("Error reading config entry {kind:?} / {name:?}: {e}")))?
        .value;
    ctx.out.json(&entry)
}
