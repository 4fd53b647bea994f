use fedctl::state::ConfigEntry;

use crate::cli::{CliError, ClientArgs, Ctx, load_data};

/// Create or update a config entry from an HCL or JSON file.
///
/// The argument is a file path, or `-` to read standard input. Keys may be written in
/// snake_case (as HCL files usually are) or PascalCase (as the HTTP API shows them); `kind`
/// and `name` are required (a proxy-defaults entry is always named `global`). The write goes
/// to the primary datacenter, whichever agent takes it, and every other datacenter replicates
/// it within moments. Prints nothing on success. With -cas, the entry is written only if its
/// modify index is still -modify-index (0, the default: only if it does not exist yet): the
/// primary's index, which `fedctl config read -datacenter <primary>` shows (each datacenter's
/// copy has indexes of its own).
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  fedctl config write web-defaults.hcl\n  \
    fedctl config write - < web-resolver.json\n  fedctl config write -cas -modify-index 42 web-defaults.hcl\n\n\
    web-defaults.hcl:\n  kind     = \"service-defaults\"\n  name     = \"web\"\n  protocol = \"http\"\n  \
    mesh_gateway {\n    mode = \"local\"\n  }")]
pub struct Args {
    /// The file holding the entry, or - for standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<String>,
    /// Check-and-set: write only if the entry's modify index equals -modify-index.
    #[arg(long)]
    pub cas: bool,
    /// The modify index -cas compares with (0: the entry must not exist).
    #[arg(long, value_name = "INDEX")]
    pub modify_index: Option<u64>,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_config_write(_ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let [source] = args.files.as_slice() else {
        return Err(CliError::usage(
            "Must provide exactly one positional argument to specify the config entry to write",
        ));
    };
    if args.modify_index.is_some() && !args.cas {
        return Err(CliError::usage("-modify-index only applies with -cas"));
    }
    let text = load_data(source)?;
    let entry = ConfigEntry::parse(&text)
        .map_err(|e| CliError::failure(format!("Failed to decode config entry input: {e}")))?;
    let (kind, name) = (entry.kind(), entry.name().to_owned());
    let client = args.client.client()?;
    let cas = args.cas.then_some(args.modify_index.unwrap_or(0));
    let written = client
        .config_entry_set(&entry, cas)
        .await
        .map_err(|e| CliError::failure(format!("Error writing config entry {kind:?} / {name:?}: {e}")))?;
    if !written {
        return Err(CliError::failure(format!("Config entry {kind:?} / {name:?} not updated"))
            .hint(format!(
                "the index is the primary datacenter's: read it with `fedctl config read -kind {kind} -name {name} -datacenter <primary>`"
            )));
    }
    Ok(())
}
