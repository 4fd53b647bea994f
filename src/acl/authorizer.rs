//! Deciding one request: a token's merged rules, then the default policy.
//!
//! Per resource, an exact rule for the whole name wins outright, else the longest prefix rule
//! that matches; no rule defers to the default policy. `default_policy = "allow"` allows
//! everything but ACL management (`acl:read`/`acl:write`), which always needs a rule.

use std::fmt;
use std::sync::Arc;

use super::rules::{Access, Disposition, Resource, Rule, Rules, Scalar};

/// What a rule set says of a request, before the default policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    Deny,
    /// No rule names it.
    Default,
}

impl Decision {
    fn of(disposition: Disposition, access: Access) -> Decision {
        if disposition.grants(access) { Decision::Allow } else { Decision::Deny }
    }
}

/// One permission a request needs: `key:write` on `"foo"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Permission {
    On {
        resource: Resource,
        name: String,
        access: Access,
    },
    /// Write on every key under a prefix (`DELETE ?recurse`).
    KeyWritePrefix(String),
    Scalar {
        scalar: Scalar,
        access: Access,
    },
    /// Read or write the intentions whose destination is `name` (`*`: any).
    Intention {
        name: String,
        access: Access,
    },
}

impl Permission {
    pub fn on(resource: Resource, name: impl Into<String>, access: Access) -> Permission {
        Permission::On { resource, name: name.into(), access }
    }

    pub fn scalar(scalar: Scalar, access: Access) -> Permission {
        Permission::Scalar { scalar, access }
    }
}

impl fmt::Display for Permission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Permission::On { resource, name, access } => write!(f, "'{}:{access}' on {name:?}", resource.keyword()),
            Permission::KeyWritePrefix(prefix) => write!(f, "'key:write' on every key under {prefix:?}"),
            Permission::Scalar { scalar, access } => write!(f, "'{}:{access}'", scalar.keyword()),
            Permission::Intention { name, access } => write!(f, "'intention:{access}' on {name:?}"),
        }
    }
}

/// A request's authority: its token's rules and the default policy. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Authorizer {
    rules: Arc<Rules>,
    default_allow: bool,
    /// Who this is, for denial messages: the token's AccessorID, or why there is none.
    pub who: Arc<str>,
}

impl Authorizer {
    pub fn new(rules: Rules, default_allow: bool, who: impl Into<Arc<str>>) -> Authorizer {
        Authorizer { rules: Arc::new(rules), default_allow, who: who.into() }
    }

    /// Allows everything (ACLs disabled, or the agent's own work).
    pub fn allow_all() -> Authorizer {
        let mut rules = Rules::default();
        let write = Rule { policy: Disposition::Write, intentions: Disposition::Write };
        for resource in Resource::ALL {
            rules.add(resource, true, String::new(), write);
        }
        for scalar in [Scalar::Acl, Scalar::Keyring, Scalar::Operator] {
            rules.add_scalar(scalar, Disposition::Write);
        }
        Authorizer::new(rules, true, "management")
    }

    /// Allows nothing at all (not even what the default policy would).
    pub fn deny_all(who: impl Into<Arc<str>>) -> Authorizer {
        Authorizer::new(Rules::default(), false, who)
    }

    /// Whether the default policy is `allow`.
    pub fn default_allow(&self) -> bool {
        self.default_allow
    }

    /// The rule that governs `name`: the exact one, else the longest matching prefix.
    fn rule(&self, resource: Resource, name: &str) -> Option<Rule> {
        let table = self.rules.segments.get(&resource)?;
        if let Some(rule) = table.exact.get(name) {
            return Some(*rule);
        }
        (0..=name.len()).rev().filter(|i| name.is_char_boundary(*i)).find_map(|i| table.prefix.get(&name[..i]).copied())
    }

    /// The rules' own answer, before the default policy.
    pub fn decide(&self, permission: &Permission) -> Decision {
        match permission {
            Permission::On { resource, name, access } => {
                self.rule(*resource, name).map_or(Decision::Default, |r| Decision::of(r.policy, *access))
            }
            Permission::Scalar { scalar, access } => {
                self.rules.scalars.get(scalar).map_or(Decision::Default, |d| Decision::of(*d, *access))
            }
            Permission::KeyWritePrefix(prefix) => self.key_write_prefix(prefix),
            Permission::Intention { name, access } => self.intention(name, *access),
        }
    }

    /// Whether `permission` is granted: the rules, then the default policy.
    pub fn allows(&self, permission: &Permission) -> bool {
        match self.decide(permission) {
            Decision::Allow => true,
            Decision::Deny => false,
            // ACL management is never allowed by default.
            Decision::Default => {
                self.default_allow && !matches!(permission, Permission::Scalar { scalar: Scalar::Acl, .. })
            }
        }
    }

    /// `Ok` when granted, else the denial naming who lacks what.
    pub fn check(&self, permission: &Permission) -> Result<(), Denied> {
        if self.allows(permission) {
            Ok(())
        } else {
            Err(Denied { who: self.who.to_string(), permission: permission.to_string() })
        }
    }

    /// Write under a prefix: the prefix rule governing it must be write, and so must every
    /// rule for keys under it.
    fn key_write_prefix(&self, prefix: &str) -> Decision {
        let Some(table) = self.rules.segments.get(&Resource::Key) else { return Decision::Default };
        let governing = (0..=prefix.len())
            .rev()
            .filter(|i| prefix.is_char_boundary(*i))
            .find_map(|i| table.prefix.get(&prefix[..i]).copied());
        if governing.is_some_and(|r| r.policy != Disposition::Write) {
            return Decision::Deny;
        }
        let under = |map: &std::collections::BTreeMap<String, Rule>| {
            map.range(prefix.to_owned()..)
                .take_while(|(k, _)| k.starts_with(prefix))
                .map(|(_, r)| *r)
                .collect::<Vec<_>>()
        };
        let children: Vec<Rule> = under(&table.exact).into_iter().chain(under(&table.prefix)).collect();
        if children.iter().any(|r| r.policy != Disposition::Write) {
            return Decision::Deny;
        }
        // Rules under it alone do not decide: without a governing rule the default does.
        if governing.is_some() { Decision::Allow } else { Decision::Default }
    }

    /// Intentions of a destination follow its service rule's `intentions`. For `*` (every
    /// destination): reading needs some rule that grants it, writing needs all of them to.
    fn intention(&self, name: &str, access: Access) -> Decision {
        if name != "*" {
            return self
                .rule(Resource::Service, name)
                .map_or(Decision::Default, |r| Decision::of(r.intentions, access));
        }
        let Some(table) = self.rules.segments.get(&Resource::Service) else { return Decision::Default };
        let all: Vec<Rule> = table.exact.values().chain(table.prefix.values()).copied().collect();
        if all.is_empty() {
            return Decision::Default;
        }
        let granted = |r: &Rule| r.intentions.grants(access);
        let ok = if access == Access::Read { all.iter().any(granted) } else { all.iter().all(granted) };
        if ok { Decision::Allow } else { Decision::Deny }
    }
}

/// A refused permission: `Permission denied: token with AccessorID '…' lacks permission
/// 'key:write' on "foo"` (the reference's later, descriptive form of `Permission denied`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Permission denied: {who} lacks permission {permission}")]
pub struct Denied {
    pub who: String,
    pub permission: String,
}
