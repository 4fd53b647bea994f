use fedctl::state::KvEntry;

use crate::cli::{CliError, ClientArgs, Ctx, FormatArg, api_error};

/// Read a key's value, or with -recurse every key under a prefix.
///
/// Prints the raw value followed by a newline; -recurse prints `key:value` lines; -keys
/// lists key names (cut after -separator, like directories).
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  fedctl kv get app/config\n  fedctl kv get -recurse app/\n  fedctl kv get -keys -separator / app/"
)]
pub struct Args {
    /// The key, or the prefix with -recurse / -keys.
    #[arg(default_value = "")]
    pub key: String,
    /// Read every key under the prefix.
    #[arg(long)]
    pub recurse: bool,
    /// List key names only.
    #[arg(long)]
    pub keys: bool,
    /// With -keys: list names only up to this separator.
    #[arg(long, value_name = "SEP")]
    pub separator: Option<String>,
    /// Show every field of the entry (indexes, flags).
    #[arg(long)]
    pub detailed: bool,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_kv_get(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let client = args.client.client()?;
    let path = format!("/v1/kv/{}", args.key);
    let not_found = |e: fedctl::api::ClientError| {
        if e.is_not_found() { CliError::failure(format!("no key exists at {:?}", args.key)) } else { api_error(e) }
    };
    if args.keys {
        let mut query = vec![("keys", String::new())];
        if let Some(sep) = &args.separator {
            query.push(("separator", sep.clone()));
        }
        let keys: Vec<String> = client.get(&path, &query).await.map_err(not_found)?.value;
        if args.format.is_json() {
            return ctx.out.json(&keys);
        }
        return keys.iter().try_for_each(|k| ctx.out.line(k));
    }
    if args.recurse {
        let entries: Vec<KvEntry> = client.get(&path, &[("recurse", String::new())]).await.map_err(not_found)?.value;
        if args.format.is_json() {
            return ctx.out.json(&entries);
        }
        if args.detailed {
            return detailed(ctx, &entries);
        }
        return entries
            .iter()
            .try_for_each(|e| ctx.out.line(format!("{}:{}", e.key, String::from_utf8_lossy(&e.value))));
    }
    if args.key.is_empty() {
        return Err(CliError::usage("missing the key to read").hint("fedctl kv get KEY, or -recurse for everything"));
    }
    let entries: Vec<KvEntry> = client.get(&path, &[]).await.map_err(not_found)?.value;
    if args.format.is_json() {
        return ctx.out.json(&entries);
    }
    if args.detailed {
        return detailed(ctx, &entries);
    }
    let mut value = entries.into_iter().next().map(|e| e.value).unwrap_or_default();
    value.push(b'\n');
    ctx.out.raw(&value)
}

fn detailed(ctx: &Ctx, entries: &[KvEntry]) -> Result<(), CliError> {
    ctx.out.table(
        &["Key", "Flags", "CreateIndex", "ModifyIndex", "LockIndex", "Value"],
        entries.iter().map(|e| {
            vec![
                e.key.clone(),
                e.flags.to_string(),
                e.index.create_index.to_string(),
                e.index.modify_index.to_string(),
                e.lock_index.to_string(),
                String::from_utf8_lossy(&e.value).into_owned(),
            ]
        }),
    )
}
