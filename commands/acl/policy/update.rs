use fedctl::state::AclPolicy;

use super::super::lookup::{self, LinkTo};
use super::super::show::{self, ShowArgs};
use crate::cli::{CliError, ClientArgs, Ctx};

/// Change a policy, named by -id (a unique prefix is enough) or, without -id, by -name.
///
/// What is given replaces what the policy had and the rest is kept; with -no-merge the policy
/// becomes exactly what is given. With -id, -name renames the policy. Tokens and roles that
/// link to it follow at once, in every datacenter as soon as it is replicated there.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  fedctl acl policy update -name kv-app -rules @kv-app.hcl\n  \
    fedctl acl policy update -id 0a5b3c -name kv-app-v2 -description 'the app, v2'")]
pub struct Args {
    /// The policy's ID, or a unique prefix of it.
    #[arg(long)]
    pub id: Option<String>,
    /// The policy's name (with -id: its new name).
    #[arg(long)]
    pub name: Option<String>,
    /// A new description.
    #[arg(long)]
    pub description: Option<String>,
    /// Datacenters the policy applies in (repeatable; replaces the list).
    #[arg(long = "valid-datacenter", value_name = "DC")]
    pub datacenters: Vec<String>,
    /// New rules, @FILE, or - for standard input.
    #[arg(long)]
    pub rules: Option<String>,
    /// Replace every field instead of merging with the policy as it is.
    #[arg(long = "no-merge")]
    pub no_merge: bool,
    #[command(flatten)]
    pub show: ShowArgs,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_acl_policy_update(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    if args.id.is_none() && args.name.is_none() {
        return Err(CliError::usage("Must specify either the -id or -name parameters"));
    }
    let rules = args
        .rules
        .as_deref()
        .map(lookup::data_source)
        .transpose()
        .map_err(|e| CliError::failure(format!("Error loading data source: {}", e.message())))?;
    let client = args.client.client()?;
    let id = lookup::id_of(&client, LinkTo::Policy, args.id.as_deref(), args.name.as_deref()).await?;
    let updated = if args.no_merge {
        AclPolicy {
            id: id.clone(),
            name: args.name.clone().unwrap_or_default(),
            description: args.description.clone().unwrap_or_default(),
            datacenters: args.datacenters.clone(),
            rules: rules.unwrap_or_default(),
            ..AclPolicy::default()
        }
    } else {
        let mut policy = client
            .acl_policy_read(&id)
            .await
            .map_err(|e| CliError::failure(format!("Error reading policy {id:?}: {e}")))?;
        if let Some(name) = &args.name {
            policy.name = name.clone();
        }
        if let Some(description) = &args.description {
            policy.description = description.clone();
        }
        if let Some(rules) = rules {
            policy.rules = rules;
        }
        if !args.datacenters.is_empty() {
            policy.datacenters = args.datacenters.clone();
        }
        policy
    };
    let policy = client
        .acl_policy_update(&updated)
        .await
        .map_err(|e| CliError::failure(format!("Error updating policy {id:?}: {e}")))?;
    show::policy(ctx, args.show, &policy)
}
