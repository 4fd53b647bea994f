use crate::cli::{CliError, ClientArgs, Ctx, FormatArg, api_error};

/// List the datacenters the agent knows.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_catalog_datacenters(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let dcs: Vec<String> = args.client.client()?.get("/v1/catalog/datacenters", &[]).await.map_err(api_error)?.value;
    if args.format.is_json() {
        return ctx.out.json(&dcs);
    }
    dcs.iter().try_for_each(|dc| ctx.out.line(dc))
}
