use base64::Engine;
use reqwest::Method;
use serde_json::{Value, json};

use super::export::ExportEntry;
use crate::cli::{CliError, ClientArgs, Ctx, FormatArg, api_error, load_data};

/// Write the keys of a `fedctl kv export` (or `consul kv export`) document.
///
/// DATA is the JSON itself, `@FILE`, or `-` for standard input. Every entry is checked before
/// anything is written (a value that is not base64 writes nothing). Keys are then written in
/// transactions of up to 64, each applied whole or not at all; a value too large for a
/// transaction is written on its own. Prints `Imported: <key>` for each key written.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  fedctl kv import @app.json\n  fedctl kv export app/ | fedctl kv import -")]
pub struct Args {
    /// The export document: JSON text, @FILE, or - for standard input.
    pub data: Option<String>,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub client: ClientArgs,
}

/// The most ops of one transaction, and the body size a batch stays under (the agent takes
/// 512 KiB).
const BATCH_OPS: usize = 64;
const BATCH_BYTES: usize = 384 * 1024;

pub async fn cmd_kv_import(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let text = match args.data.as_deref() {
        None => return Err(CliError::usage("Missing DATA argument").hint("fedctl kv import @FILE, or - for stdin")),
        Some("") => return Err(CliError::usage("Empty DATA argument")),
        Some(source) if source == "-" || source.starts_with('@') => load_data(source.trim_start_matches('@'))?,
        Some(literal) => literal.to_owned(),
    };
    let entries: Vec<ExportEntry> =
        serde_json::from_str(&text).map_err(|e| CliError::failure(format!("Cannot unmarshal data: {e}")))?;
    for entry in &entries {
        if entry.key.is_empty() {
            return Err(CliError::failure("Cannot import an entry without a key"));
        }
        base64::engine::general_purpose::STANDARD.decode(&entry.value).map_err(|e| {
            CliError::failure(format!("Cannot base 64 decode value of {:?}: {e}; nothing was imported", entry.key))
        })?;
    }
    let client = args.client.client()?;
    let mut imported = Vec::new();
    for batch in batches(&entries) {
        let keys: Vec<&str> = batch.iter().map(|e| e.key.as_str()).collect();
        let failed = |e| {
            CliError::failure(format!("Error! Failed writing data for keys {keys:?}: {}", api_error(e).message()))
                .hint(format!("{} keys were imported before this batch", imported.len()))
        };
        if batch.len() == 1 && batch[0].value.len() > BATCH_BYTES {
            let value = base64::engine::general_purpose::STANDARD.decode(&batch[0].value).unwrap_or_default();
            let path = format!("/v1/kv/{}", batch[0].key);
            let query = [("flags", batch[0].flags.to_string())];
            let _: Value = client.call(Method::PUT, &path, &query, Some(value)).await.map_err(failed)?;
        } else {
            let ops: Vec<Value> = batch
                .iter()
                .map(|e| json!({"KV": {"Verb": "set", "Key": e.key, "Value": e.value, "Flags": e.flags}}))
                .collect();
            let body = serde_json::to_vec(&ops).map_err(|e| CliError::failure(e.to_string()))?;
            let _: Value = client.call(Method::PUT, "/v1/txn", &[], Some(body)).await.map_err(failed)?;
        }
        for key in keys {
            if !args.format.is_json() {
                ctx.out.line(format!("Imported: {key}"))?;
            }
            imported.push(key.to_owned());
        }
    }
    if args.format.is_json() {
        ctx.out.json(&json!({ "imported": imported }))?;
    }
    Ok(())
}

/// The entries in transaction-sized batches, in order; a value over the batch size alone.
fn batches(entries: &[ExportEntry]) -> Vec<&[ExportEntry]> {
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, entry) in entries.iter().enumerate() {
        let size = entry.key.len() + entry.value.len() + 64;
        if i > start && (i - start == BATCH_OPS || bytes + size > BATCH_BYTES) {
            out.push(&entries[start..i]);
            (start, bytes) = (i, 0);
        }
        bytes += size;
    }
    if start < entries.len() {
        out.push(&entries[start..]);
    }
    out
}
