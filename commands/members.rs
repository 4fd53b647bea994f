use fedctl::api::AgentMember;

use crate::cli::{CliError, ClientArgs, Ctx, FormatArg, api_error};

/// List the members of the agent's datacenter, or with -wan the servers of every datacenter.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// List the WAN pool: the servers of every datacenter (names are `<node>.<dc>`).
    #[arg(long)]
    pub wan: bool,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_members(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let members: Vec<AgentMember> = args
        .client
        .client()?
        .get("/v1/agent/members", &if args.wan { vec![("wan", "1".to_owned())] } else { vec![] })
        .await
        .map_err(api_error)?
        .value;
    if args.format.is_json() {
        return ctx.out.json(&members);
    }
    ctx.out.table(
        &["Node", "Address", "Status", "Type", "Build", "DC", "DNS"],
        members.iter().map(|m| {
            vec![
                m.name.clone(),
                format!("{}:{}", m.addr, m.port),
                m.status_name().to_owned(),
                if m.is_server() { "server" } else { "client" }.to_owned(),
                m.tag("build").to_owned(),
                m.tag("dc").to_owned(),
                Some(m.tag("dns")).filter(|d| !d.is_empty()).unwrap_or("-").to_owned(),
            ]
        }),
    )
}
