use std::collections::BTreeMap;

use crate::cli::{CliError, ClientArgs, Ctx, FormatArg, api_error};

/// List the services of the catalog.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Show each service's tags.
    #[arg(long)]
    pub tags: bool,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_catalog_services(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let services: BTreeMap<String, Vec<String>> =
        args.client.client()?.get("/v1/catalog/services", &[]).await.map_err(api_error)?.value;
    if args.format.is_json() {
        return ctx.out.json(&services);
    }
    if args.tags {
        return ctx
            .out
            .table(&["Service", "Tags"], services.iter().map(|(name, tags)| vec![name.clone(), tags.join(",")]));
    }
    services.keys().try_for_each(|name| ctx.out.line(name))
}
