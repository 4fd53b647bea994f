use fedctl::api::KeyringResponse;

use crate::cli::{CliError, ClientArgs, Ctx, FormatArg};

/// List, install, use or remove the gossip encryption keys of every agent of the federation.
///
/// The operation runs on every member of the WAN pool (the servers of every datacenter) and of
/// each datacenter's LAN pool. A key rotation without a partition: -install the new key, -use
/// it once every member has it (the list shows `[N/N]`), then -remove the old one. -list shows
/// each key with how many members hold it, and a member's error under its pool. Keys are kept
/// in each agent's `<data_dir>/serf/` across restarts.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  fedctl keyring -list\n  fedctl keyring -install \"$(fedctl keygen)\"\n  \
    fedctl keyring -use <new key>\n  fedctl keyring -remove <old key>\n  fedctl keyring -list -local-only")]
pub struct Args {
    /// List the keys of every pool.
    #[arg(long)]
    pub list: bool,
    /// Install a key (base64) on every member.
    #[arg(long, value_name = "KEY")]
    pub install: Option<String>,
    /// Make an installed key every member's primary: what gossip is encrypted with.
    #[arg(long = "use", value_name = "KEY")]
    pub use_key: Option<String>,
    /// Remove a key from every member (not the primary).
    #[arg(long, value_name = "KEY")]
    pub remove: Option<String>,
    /// With -list: only the keys of the agent asked, no member queried.
    #[arg(long = "local-only")]
    pub local_only: bool,
    /// Accepted for the reference's scripts (0 to 5); fedctl asks every member directly.
    #[arg(long = "relay-factor", value_name = "N", default_value_t = 0)]
    pub relay_factor: u8,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_keyring(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let actions = [args.list, args.install.is_some(), args.use_key.is_some(), args.remove.is_some()];
    match actions.iter().filter(|a| **a).count() {
        0 => return Err(CliError::usage("one of -list, -install, -use or -remove is required")),
        1 => {}
        _ => return Err(CliError::usage("Only a single action is allowed")),
    }
    if args.relay_factor > 5 {
        return Err(CliError::usage("Error parsing relay factor: Relay factor must be in range: [0, 5]"));
    }
    if args.local_only && !args.list {
        return Err(CliError::usage("Error validating local-only: local-only can only be set for list requests"));
    }
    let client = args.client.client()?;
    let fail = CliError::failure;
    if args.list {
        ctx.out.info("==> Gathering installed encryption keys...");
        let pools = client.keyring_list(args.local_only).await.map_err(fail)?;
        if args.format.is_json() {
            return ctx.out.json(&pools);
        }
        return pools.iter().try_for_each(|pool| print_pool(ctx, pool));
    }
    let result = match (&args.install, &args.use_key, &args.remove) {
        (Some(key), _, _) => {
            ctx.out.info("==> Installing new gossip encryption key...");
            client.keyring_install(key).await
        }
        (_, Some(key), _) => {
            ctx.out.info("==> Changing primary gossip encryption key...");
            client.keyring_use(key).await
        }
        (_, _, Some(key)) => {
            ctx.out.info("==> Removing gossip encryption key...");
            client.keyring_remove(key).await
        }
        // -list was answered above.
        (None, None, None) => Ok(()),
    };
    result.map_err(fail)
}

/// A pool as the reference prints it: its name, each member's error, each key with the count
/// of members holding it.
fn print_pool(ctx: &Ctx, pool: &KeyringResponse) -> Result<(), CliError> {
    let name = if pool.wan { "WAN".to_owned() } else { format!("{} (LAN)", pool.datacenter) };
    ctx.out.line("")?;
    ctx.out.line(format!("{name}:"))?;
    for (from, message) in &pool.messages {
        ctx.out.line(format!("  ===> {from}: {message}"))?;
    }
    for (key, count) in &pool.keys {
        ctx.out.line(format!("  {key} [{count}/{}]", pool.num_nodes))?;
    }
    Ok(())
}
