//! The `fedctl` command line. One leaf command per file: `commands/tls/cert/create.rs` is
//! `fedctl tls cert create`. Group `mod.rs` files only declare a subcommand enum and dispatch.

mod cli;
mod client_args;
mod completion;
mod ctx;
mod exit;
mod flagspec;
mod format;
mod internal;
mod output;
mod plugin;
mod tls;
mod version;

use std::process::ExitCode;

fn main() -> ExitCode {
    // reqwest (and anything else using rustls' process default) panics without a provider;
    // fedctl uses ring everywhere.
    let _ = rustls::crypto::ring::default_provider().install_default();
    init_tracing();

    let args = fedctl::argv::normalize(&flagspec::root_spec(), std::env::args_os());
    let result = match cli::parse(args) {
        Ok(cli) => cli::run(cli),
        Err(e) => Err(exit::CliError::from(e)),
    };
    ExitCode::from(exit::finish(result))
}

/// Logs go to stderr, filtered by `FEDCTL_LOG` (tracing's env-filter syntax, e.g.
/// `FEDCTL_LOG=debug` or `FEDCTL_LOG=fedctl::tls=trace`); default: warnings and errors.
fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("FEDCTL_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
