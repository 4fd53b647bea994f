use serde::Serialize;

use crate::cli::{CliError, Ctx, FormatArg};

/// Print fedctl's version.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub format: FormatArg,
}

#[derive(Serialize)]
struct Version {
    version: &'static str,
}

pub fn cmd_version(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let version = Version { version: env!("CARGO_PKG_VERSION") };
    if args.format.is_json() { ctx.out.json(&version) } else { ctx.out.line(format!("fedctl v{}", version.version)) }
}
