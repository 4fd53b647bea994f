use fedctl::api::FederationStateResponse;

use super::{age_secs, health, human_age};
use crate::cli::{CliError, ClientArgs, Ctx, FormatArg, api_error};

/// Show one datacenter's federation state: every mesh gateway with its addresses and health.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  fedctl federation-state get dc2\n  fedctl federation-state get -format=json dc2")]
pub struct Args {
    /// The datacenter whose state to show.
    #[arg(value_name = "DATACENTER")]
    pub which: String,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_federation_state_get(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let client = args.client.client()?;
    let path = format!("/v1/internal/federation-state/{}", args.which);
    let missing = || {
        CliError::failure(format!("no federation state for datacenter {:?}", args.which))
            .hint("its leader writes one once it is in the WAN pool; see `fedctl federation-state list`")
    };
    let body: FederationStateResponse =
        client.get(&path, &[]).await.map_err(|e| if e.is_not_found() { missing() } else { api_error(e) })?.value;
    let state = body.state.ok_or_else(missing)?;
    if args.format.is_json() {
        return ctx.out.json(&state);
    }
    let age = age_secs(&state.updated_at).map_or(String::new(), |s| format!(" ({} ago)", human_age(s)));
    ctx.out.line(format!("Datacenter:           {}", state.datacenter))?;
    ctx.out.line(format!("Updated:              {}{age}", state.updated_at))?;
    ctx.out.line(format!("Primary modify index: {}", state.primary_modify_index))?;
    if state.mesh_gateways.is_empty() {
        return ctx.out.line("Mesh gateways:        none");
    }
    let addr = |g: &fedctl::state::CheckServiceNode, kind: &str| {
        g.service.tagged_addresses.get(kind).map_or("-".to_owned(), |a| format!("{}:{}", a.address, a.port))
    };
    ctx.out.line("")?;
    ctx.out.table(
        &["Node", "Service", "LAN", "WAN", "Health"],
        state.mesh_gateways.iter().map(|g| {
            vec![g.node.node.clone(), g.service.id.clone(), addr(g, "lan"), addr(g, "wan"), health(g).to_owned()]
        }),
    )
}
