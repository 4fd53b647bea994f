use serde::Serialize;

use crate::cli::{CliError, ClientArgs, Ctx, api_error};
use fedctl::state::KvEntry;

/// Print every key under a prefix as JSON that `fedctl kv import` (or `consul kv import`) reads.
///
/// The output is an array of `{"key", "flags", "value"}` objects, the value in base64, as the
/// reference's `kv export`. No prefix exports the whole store; a prefix with no keys prints `[]`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  fedctl kv export app/ > app.json\n  fedctl kv export > everything.json")]
pub struct Args {
    /// Export only the keys starting with this prefix [default: every key].
    #[arg(default_value = "")]
    pub prefix: String,
    #[command(flatten)]
    pub client: ClientArgs,
}

/// One exported key, in the reference's (lower-case) shape.
#[derive(Debug, Serialize, serde::Deserialize)]
pub struct ExportEntry {
    pub key: String,
    #[serde(default)]
    pub flags: u64,
    /// Base64.
    #[serde(default)]
    pub value: String,
}

pub async fn cmd_kv_export(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    use base64::Engine;
    let client = args.client.client()?;
    let path = format!("/v1/kv/{}", args.prefix);
    let entries: Vec<KvEntry> = match client.get(&path, &[("recurse", String::new())]).await {
        Ok(found) => found.value,
        Err(e) if e.is_not_found() => Vec::new(),
        Err(e) => return Err(api_error(e)),
    };
    let exported: Vec<ExportEntry> = entries
        .into_iter()
        .map(|e| ExportEntry {
            key: e.key,
            flags: e.flags,
            value: base64::engine::general_purpose::STANDARD.encode(&e.value),
        })
        .collect();
    // Tab-indented, as the reference prints it.
    let mut out = Vec::new();
    let mut serializer =
        serde_json::Serializer::with_formatter(&mut out, serde_json::ser::PrettyFormatter::with_indent(b"\t"));
    exported.serialize(&mut serializer).map_err(|e| CliError::failure(format!("encoding the export: {e}")))?;
    out.push(b'\n');
    ctx.out.raw(&out)
}
