use crate::cli::{CliError, Ctx};

/// Print a new gossip encryption key: 32 random bytes, base64.
///
/// Give it to every agent of the datacenter as `encrypt` (or `-encrypt`), or install it into a
/// running one with `fedctl keyring -install`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  fedctl keygen\n  fedctl agent -encrypt \"$(fedctl keygen)\" ...")]
pub struct Args {}

pub fn cmd_keygen(ctx: &Ctx, _args: Args) -> Result<(), CliError> {
    ctx.out.line(fedctl::gossip::generate_key())
}
