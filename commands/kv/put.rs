use std::io::Read;

use reqwest::Method;
use serde_json::json;

use crate::cli::{CliError, ClientArgs, Ctx, FormatArg, api_error};

/// Write a key's value.
///
/// DATA is the value itself, `@FILE` to read a file, or `-` to read standard input. With
/// -cas, the write happens only if the key's modify index is still -modify-index (0: only
/// if the key does not exist); otherwise the command fails and nothing is written.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  fedctl kv put app/config '{\"debug\": true}'\n  fedctl kv put app/cert @cert.pem\n  fedctl kv put -cas -modify-index 42 app/leader n1"
)]
pub struct Args {
    /// The key to write.
    pub key: String,
    /// The value: text, @FILE, or - for standard input [default: empty].
    pub data: Option<String>,
    /// Check-and-set: write only if the key's modify index equals -modify-index.
    #[arg(long, requires = "modify_index")]
    pub cas: bool,
    /// The modify index -cas compares with (0: the key must not exist).
    #[arg(long, value_name = "INDEX")]
    pub modify_index: Option<u64>,
    /// An opaque 64-bit number stored with the value.
    #[arg(long, value_name = "N")]
    pub flags: Option<u64>,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_kv_put(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    if args.key.is_empty() {
        return Err(CliError::usage("missing the key to write"));
    }
    let value = match args.data.as_deref() {
        None => Vec::new(),
        Some("-") => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| CliError::failure(format!("reading standard input: {e}")))?;
            buf
        }
        Some(d) if d.starts_with('@') => {
            std::fs::read(&d[1..]).map_err(|e| CliError::failure(format!("reading {}: {e}", &d[1..])))?
        }
        Some(d) => d.as_bytes().to_vec(),
    };
    if args.modify_index.is_some() && !args.cas {
        return Err(CliError::usage("-modify-index only applies with -cas"));
    }
    let mut query = Vec::new();
    if let Some(flags) = args.flags {
        query.push(("flags", flags.to_string()));
    }
    if let Some(index) = args.modify_index {
        query.push(("cas", index.to_string()));
    }
    let client = args.client.client()?;
    let written: bool =
        client.call(Method::PUT, &format!("/v1/kv/{}", args.key), &query, Some(value)).await.map_err(api_error)?;
    if args.format.is_json() {
        ctx.out.json(&json!({"key": args.key, "written": written}))?;
    }
    if !written {
        return Err(CliError::failure(format!(
            "did not write to {:?}: the check-and-set index {} no longer matches",
            args.key,
            args.modify_index.unwrap_or(0)
        ))
        .hint("read the current index with `fedctl kv get -detailed KEY`"));
    }
    if !args.format.is_json() {
        ctx.out.line(format!("Success! Data written to: {}", args.key))?;
    }
    Ok(())
}
