//! The rule language: what a policy's text says, compiled into tables of exact and prefix
//! rules per resource, and several policies merged into one rule set (the stronger
//! disposition wins where two name the same segment).

use std::collections::BTreeMap;
use std::fmt;

use super::parse::{Node, parse};

/// What a rule grants. Merging keeps the stronger: deny, then write, list, read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Disposition {
    Read,
    List,
    Write,
    Deny,
}

impl Disposition {
    fn parse(text: &str, list_allowed: bool) -> Option<Disposition> {
        match text.to_ascii_lowercase().as_str() {
            "read" => Some(Disposition::Read),
            "write" => Some(Disposition::Write),
            "deny" => Some(Disposition::Deny),
            "list" if list_allowed => Some(Disposition::List),
            _ => None,
        }
    }

    /// Whether this disposition grants `access` (deny grants nothing).
    pub fn grants(self, access: Access) -> bool {
        match self {
            Disposition::Write => true,
            Disposition::List => access != Access::Write,
            Disposition::Read => access == Access::Read,
            Disposition::Deny => false,
        }
    }
}

/// What a request asks of a resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Access {
    Read,
    List,
    Write,
}

impl fmt::Display for Access {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Access::Read => "read",
            Access::List => "list",
            Access::Write => "write",
        })
    }
}

/// The resources rules name by segment (a node, key, service, ... name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Resource {
    Agent,
    Event,
    Key,
    Node,
    Query,
    Service,
    Session,
}

impl Resource {
    pub const ALL: [Resource; 7] = [
        Resource::Agent,
        Resource::Event,
        Resource::Key,
        Resource::Node,
        Resource::Query,
        Resource::Service,
        Resource::Session,
    ];

    /// The exact rule's keyword (`key`); the prefix rule's adds `_prefix`.
    pub fn keyword(self) -> &'static str {
        match self {
            Resource::Agent => "agent",
            Resource::Event => "event",
            Resource::Key => "key",
            Resource::Node => "node",
            Resource::Query => "query",
            Resource::Service => "service",
            Resource::Session => "session",
        }
    }
}

/// The resources without segments (`operator = "read"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scalar {
    Acl,
    Keyring,
    Operator,
}

impl Scalar {
    pub fn keyword(self) -> &'static str {
        match self {
            Scalar::Acl => "acl",
            Scalar::Keyring => "keyring",
            Scalar::Operator => "operator",
        }
    }
}

/// One rule: its disposition, and for services the disposition of their intentions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub policy: Disposition,
    pub intentions: Disposition,
}

impl Rule {
    fn merge(self, other: Rule) -> Rule {
        Rule { policy: self.policy.max(other.policy), intentions: self.intentions.max(other.intentions) }
    }
}

/// The exact and prefix rules of one resource.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segments {
    pub exact: BTreeMap<String, Rule>,
    pub prefix: BTreeMap<String, Rule>,
}

/// A compiled rule set: one policy's, or several merged.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rules {
    pub segments: BTreeMap<Resource, Segments>,
    pub scalars: BTreeMap<Scalar, Disposition>,
    /// Top-level keys that mean nothing (ignored, as the reference ignores them).
    pub ignored: Vec<String>,
}

/// Why rules text was refused, in the reference's words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RulesError {
    #[error("Failed to parse ACL rules: {0}")]
    Parse(String),
    #[error("Invalid {keyword} policy: {value}")]
    Invalid { keyword: String, value: String },
}

impl Rules {
    /// Compiles rules text (HCL or JSON).
    pub fn parse(text: &str) -> Result<Rules, RulesError> {
        let entries = parse(text).map_err(RulesError::Parse)?;
        let mut rules = Rules::default();
        for (key, value) in entries {
            if let Some(scalar) =
                [Scalar::Acl, Scalar::Keyring, Scalar::Operator].into_iter().find(|s| s.keyword() == key)
            {
                let invalid = || RulesError::Invalid { keyword: key.clone(), value: format!("{value:?}") };
                let Node::Str(text) = &value else { return Err(invalid()) };
                let disposition = Disposition::parse(text, false)
                    .ok_or_else(|| RulesError::Invalid { keyword: key.clone(), value: format!("{text:?}") })?;
                rules.add_scalar(scalar, disposition);
                continue;
            }
            let found = Resource::ALL.into_iter().find_map(|r| {
                if key == r.keyword() {
                    Some((r, false))
                } else if key.strip_suffix("_prefix") == Some(r.keyword()) {
                    Some((r, true))
                } else {
                    None
                }
            });
            let Some((resource, prefix)) = found else {
                rules.ignored.push(key);
                continue;
            };
            let Node::Obj(segments) = value else {
                return Err(RulesError::Invalid { keyword: key, value: format!("{value:?}") });
            };
            for (segment, body) in segments {
                let rule = segment_rule(resource, &key, &segment, &body)?;
                rules.add(resource, prefix, segment, rule);
            }
        }
        Ok(rules)
    }

    pub fn add(&mut self, resource: Resource, prefix: bool, segment: String, rule: Rule) {
        let table = self.segments.entry(resource).or_default();
        let table = if prefix { &mut table.prefix } else { &mut table.exact };
        table.entry(segment).and_modify(|r| *r = r.merge(rule)).or_insert(rule);
    }

    pub fn add_scalar(&mut self, scalar: Scalar, disposition: Disposition) {
        self.scalars.entry(scalar).and_modify(|d| *d = (*d).max(disposition)).or_insert(disposition);
    }

    /// Merges `other` into these rules: the stronger disposition wins per segment.
    pub fn merge(&mut self, other: &Rules) {
        for (resource, table) in &other.segments {
            for (segment, rule) in &table.exact {
                self.add(*resource, false, segment.clone(), *rule);
            }
            for (segment, rule) in &table.prefix {
                self.add(*resource, true, segment.clone(), *rule);
            }
        }
        for (scalar, disposition) in &other.scalars {
            self.add_scalar(*scalar, *disposition);
        }
    }

    /// The synthetic rules of a service identity: write on the service and its sidecar, read
    /// on every service and node (to discover upstreams).
    pub fn service_identity(service: &str) -> Rules {
        let mut rules = Rules::default();
        let write = Rule { policy: Disposition::Write, intentions: Disposition::Read };
        let read = Rule { policy: Disposition::Read, intentions: Disposition::Read };
        rules.add(Resource::Service, false, service.to_owned(), write);
        rules.add(Resource::Service, false, format!("{service}-sidecar-proxy"), write);
        rules.add(Resource::Service, true, String::new(), read);
        rules.add(Resource::Node, true, String::new(), read);
        rules
    }
}

fn segment_rule(resource: Resource, keyword: &str, segment: &str, body: &Node) -> Result<Rule, RulesError> {
    let invalid = |value: String| RulesError::Invalid { keyword: keyword.to_owned(), value };
    let Node::Obj(fields) = body else { return Err(invalid(format!("{segment:?} = {body:?}"))) };
    let field = |name: &str| fields.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v);
    let text = |v: Option<&Node>| match v {
        None => Ok(None),
        Some(Node::Str(s)) => Ok(Some(s.clone())),
        Some(other) => Err(invalid(format!("{segment:?} {{ {other:?} }}"))),
    };
    let policy_text = text(field("policy"))?.unwrap_or_default();
    let describe = || format!("{{Prefix:{segment:?}, Policy:{policy_text:?}}}");
    let policy = Disposition::parse(&policy_text, resource == Resource::Key).ok_or_else(|| invalid(describe()))?;
    let intentions = match text(field("intentions"))? {
        Some(t) if resource == Resource::Service => {
            Disposition::parse(&t, false).ok_or_else(|| invalid(format!("{{Name:{segment:?}, Intentions:{t:?}}}")))?
        }
        _ if matches!(policy, Disposition::Read | Disposition::Write) => Disposition::Read,
        _ => Disposition::Deny,
    };
    Ok(Rule { policy, intentions })
}
