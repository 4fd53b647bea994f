//! What the acl commands share: IDs given by a unique prefix, policies and roles given by
//! name, `-rules` values, and `-service-identity NAME[:DC,...]`.

use fedctl::api::Client;
use fedctl::state::{ANONYMOUS_ACCESSOR_ID, AclLink, GLOBAL_MANAGEMENT_ID, GLOBAL_MANAGEMENT_NAME, ServiceIdentity};

use crate::cli::{CliError, api_error, load_data};

/// A full UUID is 36 characters; anything shorter is a prefix to look up.
const UUID_LEN: usize = 36;

/// The one ID among `ids` that starts with `partial`, or the reference's errors
/// (`No such <what> ID with prefix: ...`, `Partial <what> ID is not unique`).
fn unique_prefix<'a>(what: &str, partial: &str, ids: impl Iterator<Item = &'a str>) -> Result<String, String> {
    let mut found = ids.filter(|id| id.starts_with(partial));
    match (found.next(), found.next()) {
        (Some(id), None) => Ok(id.to_owned()),
        (Some(_), Some(_)) => Err(format!("Partial {what} ID is not unique")),
        (None, _) => Err(format!("No such {what} ID with prefix: {partial}")),
    }
}

/// A token's AccessorID from `-id` (a unique prefix, a full ID, or `anonymous`).
pub async fn token_id(client: &Client, partial: &str) -> Result<String, CliError> {
    if partial == "anonymous" {
        return Ok(ANONYMOUS_ACCESSOR_ID.to_owned());
    }
    if partial.len() == UUID_LEN {
        return Ok(partial.to_owned());
    }
    let tokens = client.acl_token_list().await.map_err(api_error)?;
    unique_prefix("token", partial, tokens.iter().map(|t| t.accessor_id.as_str()))
        .map_err(|e| CliError::failure(format!("Error determining token ID: {e}")))
}

/// A policy's ID from `-id` (a unique prefix, a full ID, or `global-management`).
pub async fn policy_id(client: &Client, partial: &str) -> Result<String, CliError> {
    if partial == GLOBAL_MANAGEMENT_NAME {
        return Ok(GLOBAL_MANAGEMENT_ID.to_owned());
    }
    if partial.len() == UUID_LEN {
        return Ok(partial.to_owned());
    }
    let policies = client.acl_policy_list().await.map_err(api_error)?;
    unique_prefix("policy", partial, policies.iter().map(|p| p.id.as_str()))
        .map_err(|e| CliError::failure(format!("Error resolving policy ID {partial}: {e}")))
}

/// A role's ID from `-id` (a unique prefix or a full ID).
pub async fn role_id(client: &Client, partial: &str) -> Result<String, CliError> {
    if partial.len() == UUID_LEN {
        return Ok(partial.to_owned());
    }
    let roles = client.acl_role_list().await.map_err(api_error)?;
    unique_prefix("role", partial, roles.iter().map(|r| r.id.as_str()))
        .map_err(|e| CliError::failure(format!("Error resolving role ID {partial}: {e}")))
}

/// What a link points at.
#[derive(Debug, Clone, Copy)]
pub enum LinkTo {
    Policy,
    Role,
}

/// Links to the policies (or roles) given by `-policy-id` prefixes and `-policy-name` names, in
/// that order; names are resolved by the servers, which refuse unknown ones.
pub async fn links(client: &Client, to: LinkTo, ids: &[String], names: &[String]) -> Result<Vec<AclLink>, CliError> {
    let mut links = Vec::new();
    for id in ids {
        let id = match to {
            LinkTo::Policy => policy_id(client, id).await?,
            LinkTo::Role => role_id(client, id).await?,
        };
        links.push(AclLink { id, name: String::new() });
    }
    links.extend(names.iter().map(|name| AclLink { id: String::new(), name: name.clone() }));
    Ok(links)
}

impl LinkTo {
    fn what(self) -> &'static str {
        match self {
            LinkTo::Policy => "policy",
            LinkTo::Role => "role",
        }
    }
}

/// `-id` or `-name`: how `read` and `delete` name a policy or a role.
#[derive(Debug, clap::Args)]
pub struct Named {
    /// Its ID, or a unique prefix of it.
    #[arg(long)]
    pub id: Option<String>,
    /// Its name.
    #[arg(long)]
    pub name: Option<String>,
}

impl Named {
    pub async fn id(&self, client: &Client, to: LinkTo) -> Result<String, CliError> {
        id_of(client, to, self.id.as_deref(), self.name.as_deref()).await
    }
}

/// The ID of the policy (or role) `-id` (a unique prefix) or else `-name` names.
pub async fn id_of(client: &Client, to: LinkTo, id: Option<&str>, name: Option<&str>) -> Result<String, CliError> {
    let Some(name) = name.filter(|_| id.is_none()) else {
        return match (id, to) {
            (Some(id), LinkTo::Policy) => policy_id(client, id).await,
            (Some(id), LinkTo::Role) => role_id(client, id).await,
            (None, _) => Err(CliError::usage("Must specify either the -id or -name parameters")),
        };
    };
    let found = match to {
        LinkTo::Policy => {
            client.acl_policy_list().await.map_err(api_error)?.into_iter().find(|p| p.name == name).map(|p| p.id)
        }
        LinkTo::Role => {
            client.acl_role_list().await.map_err(api_error)?.into_iter().find(|r| r.name == name).map(|r| r.id)
        }
    };
    let what = to.what();
    found.ok_or_else(|| {
        CliError::failure(format!("Error determining {what} ID: No such {what} with name {name}"))
            .hint(format!("`fedctl acl {what} list` shows them"))
    })
}

/// `NAME` or `NAME:DC1,DC2`, as the reference's `-service-identity`.
pub fn service_identities(args: &[String]) -> Result<Vec<ServiceIdentity>, CliError> {
    args.iter()
        .map(|arg| {
            let (name, dcs) = match arg.split_once(':') {
                Some((name, dcs)) => (name, dcs.split(',').filter(|d| !d.is_empty()).map(str::to_owned).collect()),
                None => (arg.as_str(), Vec::new()),
            };
            if name.is_empty() {
                return Err(CliError::usage(format!("Service identity {arg:?} must not be empty")));
            }
            Ok(ServiceIdentity { service_name: name.to_owned(), datacenters: dcs })
        })
        .collect()
}

/// A value given as the reference's data sources (`-rules`, a token): `@FILE` reads the file,
/// `-` standard input, anything else is the value itself.
pub fn data_source(value: &str) -> Result<String, CliError> {
    match value.strip_prefix('@') {
        Some(path) => load_data(path),
        None if value == "-" => load_data("-"),
        None => Ok(value.to_owned()),
    }
}

/// Whether `links` already holds `link` (by ID when it has one, else by name).
fn has_link(links: &[AclLink], link: &AclLink) -> bool {
    links.iter().any(|l| if link.id.is_empty() { l.name == link.name } else { l.id == link.id })
}

/// Adds to `links` each of `more` it does not hold yet.
pub fn merge_links(links: &mut Vec<AclLink>, more: Vec<AclLink>) {
    for link in more {
        if !has_link(links, &link) {
            links.push(link);
        }
    }
}

/// Adds `more` to `identities`, replacing one of the same service.
pub fn merge_identities(identities: &mut Vec<ServiceIdentity>, more: Vec<ServiceIdentity>) {
    for identity in more {
        identities.retain(|i| i.service_name != identity.service_name);
        identities.push(identity);
    }
}
