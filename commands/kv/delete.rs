use reqwest::Method;
use serde_json::json;

use crate::cli::{CliError, ClientArgs, Ctx, FormatArg, api_error};

/// Delete a key, or with -recurse every key under a prefix.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  fedctl kv delete app/config\n  fedctl kv delete -recurse app/")]
pub struct Args {
    /// The key, or the prefix with -recurse.
    #[arg(default_value = "")]
    pub key: String,
    /// Delete every key under the prefix.
    #[arg(long)]
    pub recurse: bool,
    /// Check-and-set: delete only if the key's modify index equals -modify-index.
    #[arg(long, requires = "modify_index", conflicts_with = "recurse")]
    pub cas: bool,
    /// The modify index -cas compares with.
    #[arg(long, value_name = "INDEX")]
    pub modify_index: Option<u64>,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_kv_delete(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    if args.key.is_empty() && !args.recurse {
        return Err(
            CliError::usage("missing the key to delete").hint("use -recurse with an empty prefix to delete everything")
        );
    }
    if args.modify_index.is_some() && !args.cas {
        return Err(CliError::usage("-modify-index only applies with -cas"));
    }
    let mut query = Vec::new();
    if args.recurse {
        query.push(("recurse", String::new()));
    }
    if let Some(index) = args.modify_index {
        query.push(("cas", index.to_string()));
    }
    let client = args.client.client()?;
    let deleted: bool =
        client.call(Method::DELETE, &format!("/v1/kv/{}", args.key), &query, None).await.map_err(api_error)?;
    if args.format.is_json() {
        ctx.out.json(&json!({"key": args.key, "deleted": deleted}))?;
    }
    if !deleted {
        return Err(CliError::failure(format!(
            "did not delete {:?}: the check-and-set index no longer matches",
            args.key
        )));
    }
    if !args.format.is_json() {
        let what = if args.recurse { "keys with prefix" } else { "key" };
        ctx.out.line(format!("Success! Deleted {what}: {}", args.key))?;
    }
    Ok(())
}
