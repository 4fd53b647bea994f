use super::EntryFlags;
use crate::cli::{CliError, ClientArgs, Ctx};

/// Delete a config entry.
///
/// The delete goes to the primary datacenter, and every other datacenter's copy follows.
/// Prints nothing on success; deleting an entry that does not exist succeeds.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  fedctl config delete -kind service-defaults -name web")]
pub struct Args {
    #[command(flatten)]
    pub entry: EntryFlags,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_config_delete(_ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let (kind, name) = args.entry.required()?;
    let client = args.client.client()?;
    client
        .config_entry_delete(kind, name)
        .await
        .map_err(|e| CliError::failure(format!("Error deleting config entry {kind:?} / {name:?}: {e}")))
}
