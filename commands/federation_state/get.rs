use serde_json::Value;

use super::{age_secs, healthy, human_age};
use crate::client_args::{ClientArgs, api_error};
use crate::ctx::Ctx;
use crate::exit::CliError;
use crate::format::FormatArg;

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
    let body: Value = client
        .get(&path, &[])
        .await
        .map_err(|e| {
            if e.is_not_found() {
                CliError::failure(format!("no federation state for datacenter {:?}", args.which))
                    .hint("its leader writes one once it is in the WAN pool; see `fedctl federation-state list`")
            } else {
                api_error(e)
            }
        })?
        .value;
    let state = &body["State"];
    if args.format.is_json() {
        return ctx.out.json(state);
    }
    let updated = state["UpdatedAt"].as_str().unwrap_or_default();
    let age = age_secs(updated).map_or(String::new(), |s| format!(" ({} ago)", human_age(s)));
    ctx.out.line(format!("Datacenter:           {}", state["Datacenter"].as_str().unwrap_or_default()))?;
    ctx.out.line(format!("Updated:              {updated}{age}"))?;
    ctx.out.line(format!("Primary modify index: {}", state["PrimaryModifyIndex"]))?;
    let gateways = state["MeshGateways"].as_array().cloned().unwrap_or_default();
    if gateways.is_empty() {
        return ctx.out.line("Mesh gateways:        none");
    }
    let addr = |g: &Value, kind: &str| {
        let a = &g["Service"]["TaggedAddresses"][kind];
        if a.is_null() {
            "-".to_owned()
        } else {
            format!("{}:{}", a["Address"].as_str().unwrap_or_default(), a["Port"])
        }
    };
    ctx.out.line("")?;
    ctx.out.table(
        &["Node", "Service", "LAN", "WAN", "Health"],
        gateways.iter().map(|g| {
            vec![
                g["Node"]["Node"].as_str().unwrap_or_default().to_owned(),
                g["Service"]["ID"].as_str().unwrap_or_default().to_owned(),
                addr(g, "lan"),
                addr(g, "wan"),
                if healthy(g) { "passing" } else { "failing" }.to_owned(),
            ]
        }),
    )
}
