mod bootstrap;
mod lookup;
mod policy;
mod role;
mod set_agent_token;
mod show;
mod token;

use clap::Subcommand;

use crate::cli::{CliError, Ctx};

/// Manage ACLs: bootstrap the first management token, and create, read, update, list and
/// delete policies, tokens and roles. Policies, roles and global tokens are written in the
/// primary datacenter (whichever agent takes the command) and replicated to every other;
/// local tokens stay in the datacenter that made them.
#[derive(Debug, Subcommand)]
pub enum Command {
    Bootstrap(bootstrap::Args),
    /// Create, read, update, list and delete policies: named sets of rules.
    #[command(subcommand)]
    Policy(policy::Command),
    /// Create, read, update, clone, list and delete tokens.
    #[command(subcommand)]
    Token(token::Command),
    /// Create, read, update, list and delete roles: policies and service identities under one
    /// name.
    #[command(subcommand)]
    Role(role::Command),
    SetAgentToken(set_agent_token::Args),
}

pub async fn run(ctx: &Ctx, cmd: Command) -> Result<(), CliError> {
    match cmd {
        Command::Bootstrap(args) => bootstrap::cmd_acl_bootstrap(ctx, args).await,
        Command::Policy(cmd) => policy::run(ctx, cmd).await,
        Command::Token(cmd) => token::run(ctx, cmd).await,
        Command::Role(cmd) => role::run(ctx, cmd).await,
        Command::SetAgentToken(args) => set_agent_token::cmd_acl_set_agent_token(ctx, args).await,
    }
}
