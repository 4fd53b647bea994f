use serde_json::Value;

use crate::client_args::{ClientArgs, api_error};
use crate::ctx::Ctx;
use crate::exit::CliError;
use crate::format::FormatArg;

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
    let members: Vec<Value> = args
        .client
        .client()?
        .get("/v1/agent/members", &if args.wan { vec![("wan", "1".to_owned())] } else { vec![] })
        .await
        .map_err(api_error)?
        .value;
    if args.format.is_json() {
        return ctx.out.json(&members);
    }
    let text = |v: &Value| v.as_str().map(str::to_owned).unwrap_or_else(|| v.to_string());
    ctx.out.table(
        &["Node", "Address", "Status", "Type", "Build", "DC"],
        members.iter().map(|m| {
            let status = match m["Status"].as_u64() {
                Some(1) => "alive",
                Some(3) => "left",
                Some(4) => "failed",
                _ => "unknown",
            };
            let kind = if m["Tags"]["role"] == "consul" { "server" } else { "client" };
            vec![
                text(&m["Name"]),
                format!("{}:{}", text(&m["Addr"]), m["Port"]),
                status.to_owned(),
                kind.to_owned(),
                text(&m["Tags"]["build"]),
                text(&m["Tags"]["dc"]),
            ]
        }),
    )
}
