use crate::cli::{CliError, ClientArgs, Ctx};

/// Set one of the agent's own ACL tokens, until it restarts.
///
/// TYPE is `default` (for requests that bring no token, and DNS), `agent` (the agent's own
/// registrations and anti-entropy), `master` (the agent's endpoints when the servers cannot
/// be reached) or `replication` (a secondary's servers reading the primary's ACLs). TOKEN is
/// the secret, `@FILE` or `-` for standard input. Needs `agent:write` on that agent. To keep
/// it across restarts, put it in the agent's configuration (`acl { tokens { ... } }`).
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  fedctl acl set-agent-token agent 5c0e4b1c-...\n  \
    fedctl acl set-agent-token replication @replication-token")]
pub struct Args {
    /// default, agent, master or replication (or a legacy name such as acl_agent_token).
    #[arg(value_name = "TYPE")]
    pub kind: Option<String>,
    /// The token's secret, @FILE or -.
    #[arg(value_name = "TOKEN")]
    pub secret: Option<String>,
    #[command(flatten)]
    pub client: ClientArgs,
}

/// The agent endpoint's name for a TYPE the reference's CLI takes.
fn endpoint_name(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "default" | "acl_token" => "default",
        "agent" | "acl_agent_token" => "agent",
        "master" | "agent_master" | "acl_agent_master_token" => "agent_master",
        "replication" | "acl_replication_token" => "replication",
        _ => return None,
    })
}

pub async fn cmd_acl_set_agent_token(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let (Some(kind), Some(token)) = (&args.kind, &args.secret) else {
        return Err(CliError::usage("Missing TYPE and TOKEN arguments")
            .hint("fedctl acl set-agent-token <default|agent|master|replication> TOKEN"));
    };
    let Some(endpoint) = endpoint_name(kind) else {
        return Err(CliError::usage(format!("Unknown token type {kind:?}"))
            .hint("the types are default, agent, master and replication"));
    };
    let secret = super::lookup::data_source(token)?;
    let client = args.client.client()?;
    client
        .acl_set_agent_token(endpoint, secret.trim())
        .await
        .map_err(|e| CliError::failure(format!("Failed to set ACL token {kind:?}: {e}")))?;
    ctx.out.line(format!("ACL token {kind:?} set successfully"))
}
