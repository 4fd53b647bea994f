use super::required;
use crate::cli::{CliError, ClientArgs, Ctx};

/// Delete a config entry.
///
/// The delete goes to the primary datacenter, and every other datacenter's copy follows.
/// Prints nothing on success; deleting an entry that does not exist succeeds.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  fedctl config delete -kind service-defaults -name web")]
pub struct Args {
    /// The entry's kind: proxy-defaults, service-defaults or service-resolver.
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// The entry's name.
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_config_delete(_ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let kind = required(&args.kind, "kind")?;
    let name = required(&args.name, "name")?;
    let client = args.client.client()?;
    client
        .config_entry_delete(kind, name)
        .await
        .map_err(|e| CliError::failure(format!("Error deleting config entry {kind:?} / {name:?}: {e}")))
}
