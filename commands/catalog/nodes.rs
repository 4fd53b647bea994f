use fedctl::state::Node;

use crate::cli::{CliError, ClientArgs, Ctx, FormatArg, api_error};

/// List the nodes of the catalog.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_catalog_nodes(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let nodes: Vec<Node> = args.client.client()?.get("/v1/catalog/nodes", &[]).await.map_err(api_error)?.value;
    if args.format.is_json() {
        return ctx.out.json(&nodes);
    }
    ctx.out.table(
        &["Node", "ID", "Address", "DC"],
        nodes
            .iter()
            .map(|n| vec![n.node.clone(), n.id.chars().take(8).collect(), n.address.clone(), n.datacenter.clone()]),
    )
}
