mod ca;
mod cert;
mod hints;

use clap::Subcommand;

use crate::cli::{CliError, Ctx};

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create certificate authorities for agent TLS.
    #[command(subcommand)]
    Ca(ca::Command),
    /// Create agent certificates signed by a CA.
    #[command(subcommand)]
    Cert(cert::Command),
}

pub fn run(ctx: &Ctx, cmd: Command) -> Result<(), CliError> {
    match cmd {
        Command::Ca(cmd) => ca::run(ctx, cmd),
        Command::Cert(cmd) => cert::run(ctx, cmd),
    }
}
