use fedctl::state::AclPolicy;

use super::super::lookup;
use super::super::show::{self, ShowArgs};
use crate::cli::{CliError, ClientArgs, Ctx};

/// Create a policy: named rules that tokens and roles link to.
///
/// -rules is the rules themselves (HCL or JSON, as the reference's rule language), `@FILE` to
/// read them from a file, or `-` for standard input. Rules that do not parse are refused with
/// the reason. The policy is written in the primary datacenter and replicated to every other;
/// -valid-datacenter limits where it applies. Prints the policy.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  fedctl acl policy create -name kv-app -rules 'key_prefix \"app/\" { policy = \"write\" }'\n  \
    fedctl acl policy create -name web -description 'web registers itself' -rules @web.hcl\n  \
    fedctl acl policy create -name dc2-ops -valid-datacenter dc2 -rules - < ops.hcl"
)]
pub struct Args {
    /// The new policy's name (required).
    #[arg(long)]
    pub name: Option<String>,
    /// What the policy is for.
    #[arg(long)]
    pub description: Option<String>,
    /// A datacenter the policy applies in (repeatable; none means every datacenter).
    #[arg(long = "valid-datacenter", value_name = "DC")]
    pub datacenters: Vec<String>,
    /// The rules, @FILE, or - for standard input.
    #[arg(long)]
    pub rules: Option<String>,
    #[command(flatten)]
    pub show: ShowArgs,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_acl_policy_create(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Some(name) = args.name.clone() else {
        return Err(
            CliError::usage("Missing require '-name' flag").hint("fedctl acl policy create -name NAME -rules @FILE")
        );
    };
    let rules = lookup::data_source(args.rules.as_deref().unwrap_or_default())
        .map_err(|e| CliError::failure(format!("Error loading rules: {}", e.message())))?;
    let client = args.client.client()?;
    let policy = AclPolicy {
        name,
        description: args.description.unwrap_or_default(),
        datacenters: args.datacenters,
        rules,
        ..AclPolicy::default()
    };
    let created = client
        .acl_policy_create(&policy)
        .await
        .map_err(|e| CliError::failure(format!("Failed to create new policy: {e}")))?;
    show::policy(ctx, args.show, &created)
}
