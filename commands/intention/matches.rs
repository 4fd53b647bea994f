use super::parse_name;
use crate::cli::{CliError, ClientArgs, Ctx, FormatArg};

/// List the intentions that apply to a service, in the order they are evaluated.
///
/// By destination (the default): the intentions deciding who may connect to NAME, wildcard
/// ones included; with -source, those deciding where NAME may connect. One `SRC => DST
/// (ACTION)` per line, highest precedence first; -format=json prints the intentions as the
/// HTTP API has them.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  fedctl intention match db\n  fedctl intention match -source web")]
pub struct Args {
    /// Match NAME as the source.
    #[arg(long)]
    pub source: bool,
    /// Match NAME as the destination (the default).
    #[arg(long)]
    pub destination: bool,
    /// The service name.
    #[arg(value_name = "NAME")]
    pub args: Vec<String>,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_intention_match(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    if args.source && args.destination {
        return Err(CliError::usage("only one of -source or -destination may be specified"));
    }
    let [name] = args.args.as_slice() else {
        return Err(CliError::usage("command requires exactly one argument: src or dst"));
    };
    let name = parse_name(name)?;
    let by = if args.source { "source" } else { "destination" };
    let client = args.client.client()?;
    let intentions = client
        .intention_match(by, &name.display())
        .await
        .map_err(|e| CliError::failure(format!("Error matching the intentions: {e}")))?;
    if args.format.is_json() {
        return ctx.out.json(&intentions);
    }
    intentions.iter().try_for_each(|i| ctx.out.line(i.display()))
}
