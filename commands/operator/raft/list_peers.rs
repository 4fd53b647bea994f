use fedctl::api::RaftConfiguration;

use crate::cli::{CliError, ClientArgs, Ctx, FormatArg, api_error};

/// List the raft peers of the datacenter: who leads and who votes.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_operator_raft_list_peers(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let config: RaftConfiguration =
        args.client.client()?.get("/v1/operator/raft/configuration", &[]).await.map_err(api_error)?.value;
    if args.format.is_json() {
        return ctx.out.json(&config);
    }
    ctx.out.table(
        &["Node", "ID", "Address", "State", "Voter", "RaftProtocol"],
        config.servers.iter().map(|s| {
            vec![
                s.node.clone(),
                s.id.clone(),
                s.address.clone(),
                if s.leader { "leader" } else { "follower" }.to_owned(),
                s.voter.to_string(),
                s.protocol_version.clone(),
            ]
        }),
    )
}
