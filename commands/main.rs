//! The `fedctl` command line. One leaf command per file: `commands/tls/cert/create.rs` is
//! `fedctl tls cert create`; `root.rs` is `fedctl` itself. Group `mod.rs` files only declare a
//! subcommand enum and dispatch; `cli/` holds what is not a command.

mod acl;
mod agent;
mod catalog;
mod cli;
mod completion;
mod config;
mod connect;
mod debug;
mod federation_state;
mod intention;
mod internal;
mod keygen;
mod keyring;
mod kv;
mod lab;
mod leave;
mod members;
mod operator;
mod root;
mod services;
mod tls;
mod version;

use std::process::ExitCode;

use cli::CliError;

fn main() -> ExitCode {
    // reqwest (and anything else using rustls' process default) panics without a provider;
    // fedctl uses ring everywhere.
    fedctl::tls::install_default_provider();

    let mut tree = root::command();
    tree.build(); // propagates global args and adds help/version flags
    let args = fedctl::argv::normalize(&cli::spec_of(&tree), std::env::args_os());
    let result = match root::parse(args.clone()) {
        Ok(parsed) => run(parsed),
        Err(e) => Err(cli::usage_error(&tree, &args, e)),
    };
    ExitCode::from(cli::finish(result))
}

fn run(parsed: root::Cli) -> Result<(), CliError> {
    // The agent sets up logging from its own configuration.
    if !matches!(parsed.command, root::Command::Agent(_)) {
        cli::init_logging("warn", false);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::failure(format!("starting the async runtime: {e}")))?;
    let result = runtime.block_on(root::run(parsed));
    // Whatever is still running (only after a second interrupt) is not waited for.
    runtime.shutdown_background();
    result
}
