use reqwest::Method;

use crate::cli::{CliError, ClientArgs, Ctx, api_error};

/// Remove a server from the raft peers (for a server that is gone for good).
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  fedctl operator raft remove-peer -address 10.0.0.3:8300\n  fedctl operator raft remove-peer -id s3"
)]
pub struct Args {
    /// The peer's server address (host:port), as list-peers shows it.
    #[arg(long, value_name = "ADDR", conflicts_with = "id")]
    pub address: Option<String>,
    /// The peer's raft ID or node name.
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_operator_raft_remove_peer(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let (query, what) = match (&args.address, &args.id) {
        (Some(a), _) => (vec![("address", a.clone())], a.clone()),
        (None, Some(i)) => (vec![("id", i.clone())], i.clone()),
        (None, None) => {
            return Err(CliError::usage("give -address or -id of the peer to remove"));
        }
    };
    let client = args.client.client()?;
    let () = client.call(Method::DELETE, "/v1/operator/raft/peer", &query, None).await.map_err(api_error)?;
    ctx.out.line(format!("Removed peer: {what}"))
}
