//! Intentions' pure core (the reference 1.8's `structs.Intention` rules): names and their
//! validation, precedence, ordering, and the decision for a connection. Intentions are by
//! service name and hold across datacenters: the source's datacenter and trust domain are not
//! looked at. Storage, replication and enforcement (RBAC in the sidecar) build on this.

use std::cmp::Ordering;

/// The only namespace without namespaces (the reference's OSS builds).
pub const DEFAULT_NAMESPACE: &str = "default";
/// The wildcard, for a namespace or a name.
pub const WILDCARD: &str = "*";

/// allow or deny.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Allow,
    Deny,
}

impl Action {
    /// `Action must be set to 'allow' or 'deny'` otherwise.
    pub fn parse(action: &str) -> Result<Action, String> {
        match action {
            "allow" => Ok(Action::Allow),
            "deny" => Ok(Action::Deny),
            _ => Err("Action must be set to 'allow' or 'deny'".to_owned()),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Action::Allow => "allow",
            Action::Deny => "deny",
        }
    }
}

/// A namespace and a service name; either may be `*`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Name {
    pub namespace: String,
    pub name: String,
}

impl Name {
    /// `ns/name` or `name` (the default namespace); more than one `/` is refused with the
    /// reference's words.
    pub fn parse(input: &str) -> Result<Name, String> {
        let mut parts = input.split('/');
        let (first, second, third) = (parts.next(), parts.next(), parts.next());
        match (first, second, third) {
            (Some(name), None, None) => Ok(Name { namespace: DEFAULT_NAMESPACE.to_owned(), name: name.to_owned() }),
            (Some(ns), Some(name), None) => Ok(Name { namespace: ns.to_owned(), name: name.to_owned() }),
            _ => Err(format!("name {input:?} is invalid: input can contain at most one '/'")),
        }
    }

    /// 2 exact, 1 a wildcard name in a namespace, 0 any namespace.
    fn exactness(&self) -> u32 {
        if self.namespace == WILDCARD {
            0
        } else if self.name == WILDCARD {
            1
        } else {
            2
        }
    }

    fn matches(&self, namespace: &str, name: &str) -> bool {
        (self.namespace == WILDCARD || self.namespace == namespace) && (self.name == WILDCARD || self.name == name)
    }

    /// The reference's `String()` form: the namespace left out when it is `default`.
    pub fn display(&self) -> String {
        if self.namespace == DEFAULT_NAMESPACE {
            self.name.clone()
        } else {
            format!("{}/{}", self.namespace, self.name)
        }
    }
}

/// One intention, as the decision needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub id: String,
    pub source: Name,
    pub destination: Name,
    pub action: Action,
}

/// Checks a source or destination as the reference does (`field` is `SourceName` and so on):
/// both parts set, `*` alone or not at all, no exact name after a wildcard namespace.
pub fn validate(field_prefix: &str, name: &Name) -> Result<(), String> {
    if name.namespace.is_empty() {
        return Err(format!("{field_prefix}NS must be set"));
    }
    if name.name.is_empty() {
        return Err(format!("{field_prefix}Name must be set"));
    }
    for (part, value) in [("NS", &name.namespace), ("Name", &name.name)] {
        if value.contains('*') && value != WILDCARD {
            return Err(format!("{field_prefix}{part}: wildcard character '*' cannot be used with partial values"));
        }
    }
    if name.namespace == WILDCARD && name.name != WILDCARD {
        return Err(format!("{field_prefix}Name: exact value cannot follow wildcard namespace"));
    }
    Ok(())
}

impl Rule {
    /// 9 (exact → exact) down to 1 (`*/*` → `*/*`): the destination's exactness counts most.
    pub fn precedence(&self) -> u32 {
        let base = match self.destination.exactness() {
            2 => 9,
            1 => 6,
            _ => 3,
        };
        base - (2 - self.source.exactness())
    }

    /// `web => db (allow)`, as the reference's `String()`.
    pub fn display(&self) -> String {
        format!("{} => {} ({})", self.source.display(), self.destination.display(), self.action.as_str())
    }
}

/// The reference's order: precedence descending, then source and destination ascending.
pub fn order(a: &Rule, b: &Rule) -> Ordering {
    b.precedence()
        .cmp(&a.precedence())
        .then_with(|| a.source.namespace.cmp(&b.source.namespace))
        .then_with(|| a.source.name.cmp(&b.source.name))
        .then_with(|| a.destination.namespace.cmp(&b.destination.namespace))
        .then_with(|| a.destination.name.cmp(&b.destination.name))
}

/// What decided a connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub allowed: bool,
    /// The reference's reason: the intention that matched, or the default.
    pub reason: String,
}

/// The decision for `source` connecting to `destination` (both in the default namespace):
/// the first matching intention in precedence order, else `default_allow`.
pub fn decide(rules: &[Rule], source: &str, destination: &str, default_allow: bool, default_reason: &str) -> Decision {
    let mut matching: Vec<&Rule> = rules
        .iter()
        .filter(|r| {
            r.destination.matches(DEFAULT_NAMESPACE, destination) && r.source.matches(DEFAULT_NAMESPACE, source)
        })
        .collect();
    matching.sort_by(|a, b| order(a, b));
    match matching.first() {
        Some(r) => Decision {
            allowed: r.action == Action::Allow,
            reason: format!(
                "Matched intention: {} {}/{} => {}/{} (ID: {}, Precedence: {})",
                r.action.as_str().to_uppercase(),
                r.source.namespace,
                r.source.name,
                r.destination.namespace,
                r.destination.name,
                r.id,
                r.precedence()
            ),
        },
        None => Decision { allowed: default_allow, reason: default_reason.to_owned() },
    }
}
