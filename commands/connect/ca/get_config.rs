use crate::cli::{CliError, ClientArgs, Ctx};

/// Show the Connect CA's settings (`GET /v1/connect/ca/configuration`): the provider, its
/// Config (leaf and intermediate TTLs, key type), and the indexes of the last change. The CA
/// is configured in the primary datacenter; -datacenter reads another one.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  fedctl connect ca get-config\n  fedctl connect ca get-config -stale")]
pub struct Args {
    /// Let any server answer, not only the leader.
    #[arg(long)]
    pub stale: bool,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_connect_ca_get_config(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let client = args.client.client()?;
    let query: Vec<(&str, String)> = if args.stale { vec![("stale", String::new())] } else { Vec::new() };
    let config: serde_json::Value = client
        .get("/v1/connect/ca/configuration", &query)
        .await
        .map_err(|e| CliError::failure(format!("Error querying CA configuration: {e}")))?
        .value;
    // Tab-indented, as the reference prints it.
    let mut out = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"\t");
    let mut ser = serde_json::Serializer::with_formatter(&mut out, formatter);
    serde::Serialize::serialize(&config, &mut ser).map_err(CliError::failure)?;
    ctx.out.line(String::from_utf8_lossy(&out))
}
