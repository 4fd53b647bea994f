use reqwest::Method;

use crate::cli::{CliError, ClientArgs, Ctx, api_error};

/// Make the agent leave its datacenter gracefully and shut down.
///
/// The agent tells the gossip pool it is leaving (it shows as `left`, not `failed`); a server
/// is removed from the raft peers (a leader first hands over by removing itself).
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_leave(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let client = args.client.client()?;
    let () = client.call(Method::PUT, "/v1/agent/leave", &[], None).await.map_err(api_error)?;
    ctx.out.line("Graceful leave complete")
}
