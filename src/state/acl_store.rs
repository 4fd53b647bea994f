//! The ACL tables of the store and how [`AclOp`]s change them. Every op is checked completely
//! before anything changes, in the reference's words.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::acl::{
    ANONYMOUS_ACCESSOR_ID, ANONYMOUS_DESCRIPTION, ANONYMOUS_SECRET, AclIdentity, AclLink, AclOp, AclPolicy, AclRole,
    AclSet, AclToken, GLOBAL_MANAGEMENT_DESCRIPTION, GLOBAL_MANAGEMENT_ID, GLOBAL_MANAGEMENT_NAME,
    GLOBAL_MANAGEMENT_RULES, content_hash,
};
use super::command::{CommandResult, Response, StateError};
use super::store::{Store, Table};
use super::types::RaftIndex;

/// Tokens (by AccessorID, with an index by SecretID), policies and roles (by ID), and where
/// bootstrapping stands.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AclTables {
    pub(super) tokens: BTreeMap<String, AclToken>,
    /// SecretID -> AccessorID.
    pub(super) secrets: BTreeMap<String, String>,
    pub(super) policies: BTreeMap<String, AclPolicy>,
    pub(super) roles: BTreeMap<String, AclRole>,
    /// The raft index of the bootstrap (0: bootstrapping is allowed).
    pub(super) bootstrap_index: u64,
}

fn invalid(message: impl Into<String>) -> StateError {
    StateError::InvalidAcl(message.into())
}

fn valid_name(name: &str, max: usize) -> bool {
    !name.is_empty() && name.len() <= max && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl Store {
    pub(super) fn acl_apply(&mut self, index: u64, op: &AclOp) -> CommandResult {
        match op {
            AclOp::InstallBuiltins { create_time } => {
                self.install_builtins(index, create_time);
                Ok(Response::Done)
            }
            AclOp::Bootstrap { token, reset_index } => {
                let done = self.acl.bootstrap_index;
                if done != 0 && *reset_index != Some(done) {
                    return Err(match reset_index {
                        Some(given) => {
                            invalid(format!("Invalid bootstrap reset index (specified {given}, reset index: {done})"))
                        }
                        None => StateError::AclBootstrapDone { reset_index: done },
                    });
                }
                // A bootstrap that beats the leader's installation brings the built-ins along.
                let mut next = self.clone_acl_for_bootstrap();
                next.install_builtins(index, &token.create_time);
                let token = next.checked_token(token, true)?;
                next.put_token(index, token);
                next.acl.bootstrap_index = index;
                self.acl = next.acl;
                for table in [Table::AclTokens, Table::AclPolicies] {
                    self.touch(table, index);
                }
                Ok(Response::Done)
            }
            AclOp::TokenSet { token, create } => {
                let token = self.checked_token(token, *create)?;
                self.put_token(index, token);
                Ok(Response::Done)
            }
            AclOp::TokenDelete { accessor_id } => {
                if accessor_id == ANONYMOUS_ACCESSOR_ID {
                    return Err(invalid("Delete operation not permitted on the anonymous token"));
                }
                if let Some(token) = self.acl.tokens.remove(accessor_id) {
                    self.acl.secrets.remove(&token.secret_id);
                    self.touch(Table::AclTokens, index);
                }
                Ok(Response::Done)
            }
            AclOp::PolicySet { policy, create } => {
                let policy = self.checked_policy(policy, *create)?;
                self.put_policy(index, policy);
                Ok(Response::Done)
            }
            AclOp::PolicyDelete { id } => {
                if id == GLOBAL_MANAGEMENT_ID {
                    return Err(invalid("Delete operation not permitted on the builtin global-management policy"));
                }
                if self.acl.policies.remove(id).is_some() {
                    self.touch(Table::AclPolicies, index);
                }
                Ok(Response::Done)
            }
            AclOp::RoleSet { role, create } => {
                let role = self.checked_role(role, *create)?;
                let existing = self.acl.roles.get(&role.id).map(|r| r.index);
                let role = AclRole { hash: content_hash(&role), index: indexes(existing, index), ..role };
                self.acl.roles.insert(role.id.clone(), role);
                self.touch(Table::AclRoles, index);
                Ok(Response::Done)
            }
            AclOp::RoleDelete { id } => {
                if self.acl.roles.remove(id).is_some() {
                    self.touch(Table::AclRoles, index);
                }
                Ok(Response::Done)
            }
            AclOp::Replace(set) => {
                self.acl_replace(index, set);
                Ok(Response::Done)
            }
        }
    }

    /// The primary's policies, roles and global tokens, kept as they are except for this
    /// datacenter's indexes; a table's index moves only when its content did.
    fn acl_replace(&mut self, index: u64, set: &AclSet) {
        let policies = replaced(&self.acl.policies, &set.policies, |p| &p.id, |p| &mut p.index, index);
        if policies != self.acl.policies {
            self.acl.policies = policies;
            self.touch(Table::AclPolicies, index);
        }
        let roles = replaced(&self.acl.roles, &set.roles, |r| &r.id, |r| &mut r.index, index);
        if roles != self.acl.roles {
            self.acl.roles = roles;
            self.touch(Table::AclRoles, index);
        }
        let global: Vec<AclToken> = set.tokens.iter().filter(|t| !t.local).cloned().collect();
        let mut tokens = replaced(&self.acl.tokens, &global, |t| &t.accessor_id, |t| &mut t.index, index);
        tokens.extend(self.acl.tokens.iter().filter(|(_, t)| t.local).map(|(k, t)| (k.clone(), t.clone())));
        if tokens != self.acl.tokens {
            self.acl.secrets = tokens.values().map(|t| (t.secret_id.clone(), t.accessor_id.clone())).collect();
            self.acl.tokens = tokens;
            self.touch(Table::AclTokens, index);
        }
    }

    /// What a secondary replicates from this (primary) store.
    pub fn acl_set(&self) -> AclSet {
        AclSet {
            policies: self.acl.policies.values().cloned().collect(),
            roles: self.acl.roles.values().cloned().collect(),
            tokens: self.acl.tokens.values().filter(|t| !t.local).cloned().collect(),
        }
    }

    /// A store holding only this one's ACL tables: where a bootstrap is tried before it is
    /// kept (a refused one leaves the tables as they were).
    fn clone_acl_for_bootstrap(&self) -> Store {
        let mut scratch = Store::new();
        scratch.acl = self.acl.clone();
        scratch
    }

    fn install_builtins(&mut self, index: u64, create_time: &str) {
        let current = self.acl.policies.get(GLOBAL_MANAGEMENT_ID);
        if current.is_none_or(|p| p.rules != GLOBAL_MANAGEMENT_RULES || !p.datacenters.is_empty()) {
            let policy = AclPolicy {
                id: GLOBAL_MANAGEMENT_ID.to_owned(),
                name: current.map_or(GLOBAL_MANAGEMENT_NAME.to_owned(), |p| p.name.clone()),
                description: current.map_or(GLOBAL_MANAGEMENT_DESCRIPTION.to_owned(), |p| p.description.clone()),
                rules: GLOBAL_MANAGEMENT_RULES.to_owned(),
                ..Default::default()
            };
            self.put_policy(index, policy);
        }
        if !self.acl.tokens.contains_key(ANONYMOUS_ACCESSOR_ID) {
            let token = AclToken {
                accessor_id: ANONYMOUS_ACCESSOR_ID.to_owned(),
                secret_id: ANONYMOUS_SECRET.to_owned(),
                description: ANONYMOUS_DESCRIPTION.to_owned(),
                create_time: create_time.to_owned(),
                ..Default::default()
            };
            self.put_token(index, token);
        }
    }

    fn put_token(&mut self, index: u64, token: AclToken) {
        let existing = self.acl.tokens.get(&token.accessor_id).map(|t| t.index);
        let token = AclToken { hash: content_hash(&token), index: indexes(existing, index), ..token };
        self.acl.secrets.insert(token.secret_id.clone(), token.accessor_id.clone());
        self.acl.tokens.insert(token.accessor_id.clone(), token);
        self.touch(Table::AclTokens, index);
    }

    fn put_policy(&mut self, index: u64, policy: AclPolicy) {
        let existing = self.acl.policies.get(&policy.id).map(|p| p.index);
        let policy = AclPolicy { hash: content_hash(&policy), index: indexes(existing, index), ..policy };
        self.acl.policies.insert(policy.id.clone(), policy);
        self.touch(Table::AclPolicies, index);
    }

    /// The token as it will be stored: IDs unique, links resolved, the local flag unchanged.
    fn checked_token(&self, token: &AclToken, create: bool) -> Result<AclToken, StateError> {
        let mut token = token.clone();
        if token.accessor_id.is_empty() || token.secret_id.is_empty() {
            return Err(invalid("Invalid Token: AccessorID and SecretID must be set"));
        }
        match (create, self.acl.tokens.get(&token.accessor_id)) {
            (true, Some(_)) => return Err(invalid("Invalid Token: AccessorID is already in use")),
            (false, None) => return Err(invalid(format!("Cannot find token {:?}", token.accessor_id))),
            (false, Some(existing)) => {
                if existing.local != token.local {
                    return Err(invalid(format!("cannot toggle local mode of {}", token.accessor_id)));
                }
                if existing.secret_id != token.secret_id {
                    return Err(invalid("Changing a tokens SecretID is not permitted"));
                }
                token.create_time = existing.create_time.clone();
            }
            (true, None) => {}
        }
        if create && self.acl.secrets.contains_key(&token.secret_id) {
            return Err(invalid("Invalid Token: SecretID is already in use"));
        }
        token.policies = self.policy_links(&token.policies)?;
        token.roles = self.role_links(&token.roles)?;
        Ok(token)
    }

    fn checked_policy(&self, policy: &AclPolicy, create: bool) -> Result<AclPolicy, StateError> {
        let policy = policy.clone();
        if policy.name.is_empty() {
            return Err(invalid("Invalid Policy: no Name is set"));
        }
        if !valid_name(&policy.name, 128) {
            return Err(invalid("Invalid Policy: invalid Name. Only alphanumeric characters, '-' and '_' are allowed"));
        }
        match (create, self.acl.policies.get(&policy.id)) {
            (true, Some(_)) => return Err(invalid("Invalid Policy: A Policy with ID already exists")),
            (false, None) => return Err(invalid(format!("Cannot find policy {}", policy.id))),
            (false, Some(existing)) if existing.id == GLOBAL_MANAGEMENT_ID => {
                if policy.rules != existing.rules {
                    return Err(invalid(
                        "Changing the Rules for the builtin global-management policy is not permitted",
                    ));
                }
                if policy.datacenters != existing.datacenters {
                    return Err(invalid(
                        "Changing the Datacenters of the builtin global-management policy is not permitted",
                    ));
                }
            }
            _ => {}
        }
        if self.acl.policies.values().any(|p| p.name == policy.name && p.id != policy.id) {
            return Err(invalid(format!("Invalid Policy: A Policy with Name {:?} already exists", policy.name)));
        }
        Ok(policy)
    }

    fn checked_role(&self, role: &AclRole, create: bool) -> Result<AclRole, StateError> {
        let mut role = role.clone();
        if role.name.is_empty() {
            return Err(invalid("Invalid Role: no Name is set"));
        }
        if !valid_name(&role.name, 256) {
            return Err(invalid("Invalid Role: invalid Name. Only alphanumeric characters, '-' and '_' are allowed"));
        }
        match (create, self.acl.roles.get(&role.id)) {
            (true, Some(_)) => return Err(invalid("Invalid Role: A Role with ID already exists")),
            (false, None) => return Err(invalid(format!("Cannot find role {}", role.id))),
            _ => {}
        }
        if self.acl.roles.values().any(|r| r.name == role.name && r.id != role.id) {
            return Err(invalid(format!("Invalid Role: A Role with Name {:?} already exists", role.name)));
        }
        role.policies = self.policy_links(&role.policies)?;
        Ok(role)
    }

    /// Links by ID or by name, resolved to IDs, each once; an unknown one is refused.
    fn policy_links(&self, links: &[AclLink]) -> Result<Vec<AclLink>, StateError> {
        let mut out: Vec<AclLink> = Vec::new();
        for link in links {
            let found = if link.id.is_empty() {
                self.acl
                    .policies
                    .values()
                    .find(|p| p.name == link.name)
                    .ok_or_else(|| invalid(format!("No such ACL policy with name {:?}", link.name)))?
            } else {
                self.acl
                    .policies
                    .get(&link.id)
                    .ok_or_else(|| invalid(format!("No such ACL policy with ID {:?}", link.id)))?
            };
            if !out.iter().any(|l| l.id == found.id) {
                out.push(AclLink { id: found.id.clone(), name: found.name.clone() });
            }
        }
        Ok(out)
    }

    fn role_links(&self, links: &[AclLink]) -> Result<Vec<AclLink>, StateError> {
        let mut out: Vec<AclLink> = Vec::new();
        for link in links {
            let found = if link.id.is_empty() {
                self.acl
                    .roles
                    .values()
                    .find(|r| r.name == link.name)
                    .ok_or_else(|| invalid(format!("No such ACL role with name {:?}", link.name)))?
            } else {
                self.acl
                    .roles
                    .get(&link.id)
                    .ok_or_else(|| invalid(format!("No such ACL role with ID {:?}", link.id)))?
            };
            if !out.iter().any(|l| l.id == found.id) {
                out.push(AclLink { id: found.id.clone(), name: found.name.clone() });
            }
        }
        Ok(out)
    }

    /// Whether `/v1/acl/bootstrap` may still make the first token, and the reset index.
    pub fn acl_bootstrap_index(&self) -> u64 {
        self.acl.bootstrap_index
    }

    /// Every token, by AccessorID, with link names as they are now.
    pub fn acl_tokens(&self) -> Vec<AclToken> {
        self.acl.tokens.values().map(|t| self.named_token(t)).collect()
    }

    pub fn acl_token(&self, accessor_id: &str) -> Option<AclToken> {
        self.acl.tokens.get(accessor_id).map(|t| self.named_token(t))
    }

    pub fn acl_token_by_secret(&self, secret: &str) -> Option<AclToken> {
        self.acl.secrets.get(secret).and_then(|a| self.acl_token(a))
    }

    pub fn acl_policies(&self) -> Vec<AclPolicy> {
        self.acl.policies.values().cloned().collect()
    }

    pub fn acl_policy(&self, id: &str) -> Option<AclPolicy> {
        self.acl.policies.get(id).cloned()
    }

    pub fn acl_policy_by_name(&self, name: &str) -> Option<AclPolicy> {
        self.acl.policies.values().find(|p| p.name == name).cloned()
    }

    pub fn acl_roles(&self) -> Vec<AclRole> {
        self.acl.roles.values().map(|r| self.named_role(r)).collect()
    }

    pub fn acl_role(&self, id: &str) -> Option<AclRole> {
        self.acl.roles.get(id).map(|r| self.named_role(r))
    }

    pub fn acl_role_by_name(&self, name: &str) -> Option<AclRole> {
        self.acl.roles.values().find(|r| r.name == name).map(|r| self.named_role(r))
    }

    /// What `secret` resolves to: the token and every policy it reaches, each once.
    pub fn acl_identity(&self, secret: &str) -> Option<AclIdentity> {
        let token = self.acl_token_by_secret(secret)?;
        let mut policies: Vec<AclPolicy> = Vec::new();
        let mut service_identities = token.service_identities.clone();
        let add = |links: &[AclLink], policies: &mut Vec<AclPolicy>| {
            for link in links {
                if let Some(p) = self.acl.policies.get(&link.id)
                    && !policies.iter().any(|q| q.id == p.id)
                {
                    policies.push(p.clone());
                }
            }
        };
        add(&token.policies, &mut policies);
        for link in &token.roles {
            if let Some(role) = self.acl.roles.get(&link.id) {
                add(&role.policies, &mut policies);
                service_identities.extend(role.service_identities.iter().cloned());
            }
        }
        Some(AclIdentity { token, policies, service_identities })
    }

    /// Links of deleted policies and roles are dropped; names are the current ones.
    fn named_token(&self, token: &AclToken) -> AclToken {
        let mut token = token.clone();
        token.policies = self.current_policy_links(&token.policies);
        token.roles = token
            .roles
            .iter()
            .filter_map(|l| self.acl.roles.get(&l.id).map(|r| AclLink { id: r.id.clone(), name: r.name.clone() }))
            .collect();
        token
    }

    fn named_role(&self, role: &AclRole) -> AclRole {
        AclRole { policies: self.current_policy_links(&role.policies), ..role.clone() }
    }

    fn current_policy_links(&self, links: &[AclLink]) -> Vec<AclLink> {
        links
            .iter()
            .filter_map(|l| self.acl.policies.get(&l.id).map(|p| AclLink { id: p.id.clone(), name: p.name.clone() }))
            .collect()
    }
}

/// A table made equal to `remote`: an item whose content is unchanged keeps its stored copy,
/// one that changed or is new is stored at `index` (keeping its create index here).
fn replaced<T: Clone + PartialEq>(
    local: &BTreeMap<String, T>,
    remote: &[T],
    id: impl Fn(&T) -> &String,
    index_of: impl Fn(&mut T) -> &mut RaftIndex,
    index: u64,
) -> BTreeMap<String, T> {
    let content = |item: &T| {
        let mut item = item.clone();
        *index_of(&mut item) = RaftIndex::default();
        item
    };
    remote
        .iter()
        .map(|r| {
            let stored = match local.get(id(r)) {
                Some(l) if content(l) == content(r) => l.clone(),
                existing => {
                    let mut copy = r.clone();
                    let created = existing.map(|l| {
                        let mut l = l.clone();
                        index_of(&mut l).create_index
                    });
                    *index_of(&mut copy) = RaftIndex { create_index: created.unwrap_or(index), modify_index: index };
                    copy
                }
            };
            (id(r).clone(), stored)
        })
        .collect()
}

fn indexes(existing: Option<RaftIndex>, index: u64) -> RaftIndex {
    RaftIndex { create_index: existing.map_or(index, |i| i.create_index), modify_index: index }
}
