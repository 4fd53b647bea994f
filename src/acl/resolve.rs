//! From a secret to an [`Authorizer`]: the token, its policies (those that apply in this
//! datacenter), its roles' and its service identities', merged; compiled once per change of
//! the ACL tables.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::authorizer::Authorizer;
use super::rules::Rules;
use crate::state::{ANONYMOUS_SECRET, AclIdentity, Store, Table};

/// Why a secret gave no authorizer, in the reference's words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResolveError {
    /// Unknown or expired.
    #[error("ACL not found")]
    NotFound,
    /// `allow`, `deny` and `manage` are not tokens.
    #[error("Cannot resolve root ACL")]
    RootDenied,
}

/// The secret a request's token stands for: empty is the anonymous token.
pub fn secret_of(token: Option<&str>) -> &str {
    match token {
        None | Some("") => ANONYMOUS_SECRET,
        Some(t) => t,
    }
}

/// Builds the authorizer of `identity` as a server of `datacenter` sees it at `now`.
pub fn authorizer_of(
    identity: &AclIdentity,
    datacenter: &str,
    default_allow: bool,
    now: time::OffsetDateTime,
    compiled: &dyn Fn(&crate::state::AclPolicy) -> Option<Arc<Rules>>,
) -> Result<Authorizer, ResolveError> {
    if let Some(expires) = &identity.token.expiration_time
        && time::OffsetDateTime::parse(expires, &time::format_description::well_known::Rfc3339).is_ok_and(|t| t <= now)
    {
        return Err(ResolveError::NotFound);
    }
    let mut rules = Rules::default();
    for policy in &identity.policies {
        if !policy.datacenters.is_empty() && !policy.datacenters.iter().any(|d| d == datacenter) {
            continue;
        }
        if let Some(r) = compiled(policy) {
            rules.merge(&r);
        }
    }
    for identity in &identity.service_identities {
        if identity.datacenters.is_empty() || identity.datacenters.iter().any(|d| d == datacenter) {
            rules.merge(&Rules::service_identity(&identity.service_name));
        }
    }
    let who = if identity.token.secret_id == ANONYMOUS_SECRET {
        "anonymous token".to_owned()
    } else {
        format!("token with AccessorID '{}'", identity.token.accessor_id)
    };
    Ok(Authorizer::new(rules, default_allow, who))
}

/// A server's resolver: authorizers by secret, valid while the ACL tables are unchanged, and
/// compiled policies by their rules.
#[derive(Debug, Default)]
pub struct Resolver {
    default_allow: bool,
    datacenter: String,
    authorizers: Mutex<HashMap<String, ([u64; 3], Authorizer)>>,
    policies: Mutex<HashMap<String, Arc<Rules>>>,
}

/// Beyond this many cached secrets the cache starts over (secrets are cheap to re-resolve).
const MAX_CACHED: usize = 10_240;

impl Resolver {
    pub fn new(datacenter: &str, default_allow: bool) -> Resolver {
        Resolver { default_allow, datacenter: datacenter.to_owned(), ..Default::default() }
    }

    pub fn default_allow(&self) -> bool {
        self.default_allow
    }

    /// Resolves `secret` from this server's own copy of the ACL tables.
    pub fn resolve(&self, store: &Store, secret: &str) -> Result<Authorizer, ResolveError> {
        if matches!(secret, "allow" | "deny" | "manage") {
            return Err(ResolveError::RootDenied);
        }
        let indexes = [Table::AclTokens, Table::AclPolicies, Table::AclRoles].map(|t| store.table_index(t));
        if let Some((at, authz)) = self.authorizers.lock().ok().and_then(|c| c.get(secret).cloned())
            && at == indexes
        {
            return Ok(authz);
        }
        let identity = match store.acl_identity(secret) {
            Some(identity) => identity,
            // Before the leader installed it, the anonymous token is what it will be: no policies.
            None if secret == ANONYMOUS_SECRET => AclIdentity {
                token: crate::state::AclToken { secret_id: ANONYMOUS_SECRET.to_owned(), ..Default::default() },
                policies: Vec::new(),
                service_identities: Vec::new(),
            },
            None => return Err(ResolveError::NotFound),
        };
        let authz = self.of_identity(&identity)?;
        if let Ok(mut cache) = self.authorizers.lock() {
            if cache.len() >= MAX_CACHED {
                cache.clear();
            }
            cache.insert(secret.to_owned(), (indexes, authz.clone()));
        }
        Ok(authz)
    }

    /// The authorizer of an identity read elsewhere (a client agent's, from its servers).
    pub fn of_identity(&self, identity: &AclIdentity) -> Result<Authorizer, ResolveError> {
        authorizer_of(identity, &self.datacenter, self.default_allow, time::OffsetDateTime::now_utc(), &|p| {
            self.compiled(p)
        })
    }

    fn compiled(&self, policy: &crate::state::AclPolicy) -> Option<Arc<Rules>> {
        // By the rules themselves: a policy's indexes differ between datacenters (a secondary's
        // copy has its own), and one read from the primary must not stand for a local one.
        let key = &policy.rules;
        if let Some(rules) = self.policies.lock().ok().and_then(|c| c.get(key).cloned()) {
            return Some(rules);
        }
        match Rules::parse(&policy.rules) {
            Ok(rules) => {
                let rules = Arc::new(rules);
                if let Ok(mut cache) = self.policies.lock() {
                    if cache.len() >= MAX_CACHED {
                        cache.clear();
                    }
                    cache.insert(key.clone(), rules.clone());
                }
                Some(rules)
            }
            Err(e) => {
                // Refused when written; a stored one that does not compile grants nothing.
                tracing::warn!(policy = %policy.name, error = %e, "skipping a policy whose rules do not compile");
                None
            }
        }
    }
}
