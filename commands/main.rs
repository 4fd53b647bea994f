//! The `fedctl` command line. One leaf command per file: `commands/tls/cert/create.rs` is
//! `fedctl tls cert create`. Group `mod.rs` files only declare a subcommand enum and dispatch.

mod agent;
mod catalog;
mod cli;
mod client_args;
mod completion;
mod connect;
mod ctx;
mod debug;
mod exit;
mod federation_state;
mod flagspec;
mod format;
mod internal;
mod kv;
mod lab;
mod leave;
mod logging;
mod members;
mod operator;
mod output;
mod plugin;
mod services;
mod tls;
mod version;

use std::process::ExitCode;

fn main() -> ExitCode {
    // reqwest (and anything else using rustls' process default) panics without a provider;
    // fedctl uses ring everywhere.
    fedctl::tls::install_default_provider();

    let args = fedctl::argv::normalize(&flagspec::root_spec(), std::env::args_os());
    let result = match cli::parse(args) {
        Ok(cli) => run(cli),
        Err(e) => Err(exit::CliError::from(e)),
    };
    ExitCode::from(exit::finish(result))
}

fn run(cli: cli::Cli) -> Result<(), exit::CliError> {
    // The agent sets up logging from its own configuration.
    if !matches!(cli.command, cli::Command::Agent(_)) {
        logging::init("warn", false);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| exit::CliError::failure(format!("starting the async runtime: {e}")))?;
    let result = runtime.block_on(cli::run(cli));
    // Whatever is still running (only after a second interrupt) is not waited for.
    runtime.shutdown_background();
    result
}
