//! `fedctl` itself: the root of the command tree and the dispatch to every command.

use std::ffi::OsString;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::cli::{CliError, Ctx};
use crate::{
    acl, agent, catalog, completion, config, connect, debug, federation_state, intention, internal, keygen, keyring,
    kv, lab, leave, members, operator, services, tls, version,
};

/// Operate a federated, multi-datacenter service-mesh control plane.
///
/// fedctl federates datacenters through mesh gateways: servers in different datacenters
/// never reach each other directly; every cross-datacenter RPC and gossip packet goes
/// server -> local gateway -> remote gateway -> server, routed by TLS SNI.
///
/// Flags may be written Consul-style with one dash (`-node n1`, `-node=n1`) or with two
/// (`--node n1`, `--node=n1`). `fedctl <name>` runs `fedctl-<name>` from PATH when <name> is
/// not a built-in command. Logs go to stderr, filtered by FEDCTL_LOG (e.g. FEDCTL_LOG=debug).
#[derive(Debug, Parser)]
#[command(
    name = "fedctl",
    version,
    propagate_version = true,
    arg_required_else_help = true,
    allow_external_subcommands = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run an agent: a server or a client of a datacenter, with the HTTP API.
    Agent(agent::Args),
    /// Read and write the key/value store.
    #[command(subcommand)]
    Kv(kv::Command),
    /// Query the catalog: datacenters, nodes, services.
    #[command(subcommand)]
    Catalog(catalog::Command),
    /// Register and deregister services with the local agent.
    #[command(subcommand)]
    Services(services::Command),
    /// List the members of the datacenter.
    Members(members::Args),
    /// Leave the datacenter gracefully and stop the agent.
    Leave(leave::Args),
    /// Run Envoy as a mesh gateway configured by the local agent.
    #[command(subcommand)]
    Connect(connect::Command),
    /// Write, read, list and delete config entries (proxy-defaults, service-defaults,
    /// service-resolver), kept in the primary datacenter and replicated to every other.
    #[command(subcommand)]
    Config(config::Command),
    /// Create, show, list, check and delete intentions: which services may connect to which,
    /// by name, in every datacenter.
    #[command(subcommand)]
    Intention(intention::Command),
    /// Manage ACLs: bootstrap, policies, tokens, roles and the agent's own tokens.
    #[command(subcommand)]
    Acl(acl::Command),
    /// Print a new gossip encryption key.
    Keygen(keygen::Args),
    /// List, install, use or remove the gossip encryption keys of every agent.
    Keyring(keyring::Args),
    /// A federated lab on this machine: several datacenters through real Envoy gateways.
    #[command(subcommand)]
    Lab(lab::Command),
    /// Debug the federation: how this server reaches other datacenters through gateways.
    #[command(subcommand)]
    Debug(debug::Command),
    /// Inspect the federation states: every datacenter's mesh gateways.
    #[command(subcommand)]
    FederationState(federation_state::Command),
    /// Operate the datacenter's servers (raft peers).
    #[command(subcommand)]
    Operator(operator::Command),
    /// Create certificate authorities and certificates for agent TLS.
    #[command(subcommand)]
    Tls(tls::Command),
    /// Print a shell completion script.
    Completion(completion::Args),
    /// Print fedctl's version.
    Version(version::Args),
    /// Commands for fedctl's own development.
    #[command(subcommand, hide = true)]
    Internal(internal::Command),
    /// Any other name runs the plugin `fedctl-<name>` from PATH.
    #[command(external_subcommand)]
    External(Vec<OsString>),
}

pub async fn run(cli: Cli) -> Result<(), CliError> {
    let ctx = Ctx::new(command);
    match cli.command {
        Command::Agent(args) => agent::cmd_agent(&ctx, args).await,
        Command::Kv(cmd) => kv::run(&ctx, cmd).await,
        Command::Catalog(cmd) => catalog::run(&ctx, cmd).await,
        Command::Services(cmd) => services::run(&ctx, cmd).await,
        Command::Members(args) => members::cmd_members(&ctx, args).await,
        Command::Leave(args) => leave::cmd_leave(&ctx, args).await,
        Command::Operator(cmd) => operator::run(&ctx, cmd).await,
        Command::Connect(cmd) => connect::run(&ctx, cmd).await,
        Command::Config(cmd) => config::run(&ctx, cmd).await,
        Command::Intention(cmd) => intention::run(&ctx, cmd).await,
        Command::Acl(cmd) => acl::run(&ctx, cmd).await,
        Command::Keygen(args) => keygen::cmd_keygen(&ctx, args),
        Command::Keyring(args) => keyring::cmd_keyring(&ctx, args).await,
        Command::Debug(cmd) => debug::run(&ctx, cmd).await,
        Command::Lab(cmd) => lab::run(&ctx, cmd).await,
        Command::FederationState(cmd) => federation_state::run(&ctx, cmd).await,
        Command::Tls(cmd) => tls::run(&ctx, cmd),
        Command::Completion(args) => completion::cmd_completion(&ctx, args),
        Command::Version(args) => version::cmd_version(&ctx, args),
        Command::Internal(cmd) => internal::run(&ctx, cmd).await,
        Command::External(args) => crate::cli::cmd_plugin(&ctx, args),
    }
}

/// The whole command tree as clap sees it. Options that take a value take the next word even
/// when it starts with `-` (`-token -abc`), as Consul's (Go) flags do. Parsing, the flag spec,
/// completions and man pages all use this one definition.
pub fn command() -> clap::Command {
    fn hyphen_values(cmd: clap::Command) -> clap::Command {
        cmd.mut_args(|arg| {
            if arg.get_action().takes_values() && !arg.is_positional() { arg.allow_hyphen_values(true) } else { arg }
        })
        .mut_subcommands(hyphen_values)
    }
    // `agent -help` (and its man page) lists the config file keys, from the one table that is
    // checked against the config schema; `-h` keeps the short form.
    hyphen_values(Cli::command()).mut_subcommand("agent", |agent| {
        let examples = agent.get_after_help().map(|h| h.to_string()).unwrap_or_default();
        agent.after_long_help(format!("{}\n\n{examples}", fedctl::config::config_keys_help()))
    })
}

/// Parses already-normalised arguments.
pub fn parse(args: Vec<OsString>) -> Result<Cli, clap::Error> {
    let mut matches = command().try_get_matches_from(args)?;
    Cli::from_arg_matches_mut(&mut matches)
}
