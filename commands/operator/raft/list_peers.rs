use serde_json::Value;

use crate::client_args::{ClientArgs, api_error};
use crate::ctx::Ctx;
use crate::exit::CliError;
use crate::format::FormatArg;

/// List the raft peers of the datacenter: who leads and who votes.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_operator_raft_list_peers(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let config: Value =
        args.client.client()?.get("/v1/operator/raft/configuration", &[]).await.map_err(api_error)?.value;
    if args.format.is_json() {
        return ctx.out.json(&config);
    }
    let servers = config["Servers"].as_array().cloned().unwrap_or_default();
    let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
    ctx.out.table(
        &["Node", "ID", "Address", "State", "Voter", "RaftProtocol"],
        servers.iter().map(|s| {
            vec![
                text(&s["Node"]),
                text(&s["ID"]),
                text(&s["Address"]),
                if s["Leader"] == true { "leader" } else { "follower" }.to_owned(),
                s["Voter"].to_string(),
                text(&s["ProtocolVersion"]),
            ]
        }),
    )
}
