use super::parse_name;
use crate::cli::{CliError, ClientArgs, Ctx};

/// Check whether SRC may connect to DST.
///
/// Asks the agent, which applies the intentions as every sidecar does: the first that matches
/// in precedence order decides, and without one the default (`connect {
/// default_intention_policy }`). Prints `Allowed` and exits 0, or `Denied` and exits 1; exits 2
/// when it cannot tell (bad arguments, the agent unreachable). A script can test it directly:
/// `if fedctl intention check web db; then ...`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  fedctl intention check web db\n  fedctl intention check -datacenter dc2 web db")]
pub struct Args {
    /// SRC DST.
    #[arg(value_name = "SRC DST")]
    pub args: Vec<String>,
    #[command(flatten)]
    pub client: ClientArgs,
}

/// Exit 2 with `message`: 1 is `Denied`.
fn cannot_tell(message: impl Into<String>) -> CliError {
    CliError::Exit { code: 2, message: Some(message.into()) }
}

pub async fn cmd_intention_check(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let [source, destination] = args.args.as_slice() else {
        return Err(CliError::usage("command requires exactly two arguments: src and dst"));
    };
    let (source, destination) = (parse_name(source)?, parse_name(destination)?);
    let client = args.client.client().map_err(|e| cannot_tell(e.message()))?;
    let allowed = client
        .intention_check(&source.display(), &destination.display())
        .await
        .map_err(|e| cannot_tell(format!("Error checking the connection: {e}")))?;
    if allowed {
        return ctx.out.line("Allowed");
    }
    ctx.out.line("Denied")?;
    Err(CliError::Exit { code: 1, message: None })
}
