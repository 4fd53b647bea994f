//! Intentions' decisions (the reference 1.8's semantics): the intentions that apply to a
//! destination in the reference's order, the first match deciding a connection, else the
//! default; and the same decisions as the RBAC rules a destination's sidecar enforces.
//! Intentions are by service name and hold across datacenters: the source's datacenter and
//! trust domain are not looked at. The names, validation and precedence are the data model's
//! (`state::intention`).

use std::cmp::Ordering;

use crate::state::{Action, ConfigEntries, DEFAULT_NAMESPACE, Name, WILDCARD, intention_string, precedence};

/// One intention, as decisions need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// The 1.8 API's ID (empty for a source written as a config entry).
    pub id: String,
    pub source: Name,
    pub destination: Name,
    pub action: Action,
}

impl Rule {
    /// 9 (exact → exact) down to 1 (`*/*` → `*/*`).
    pub fn precedence(&self) -> u32 {
        precedence(&self.source, &self.destination)
    }

    /// `web => db (allow)`, as the reference's `String()`.
    pub fn display(&self) -> String {
        format!("{} => {} ({})", self.source.display(), self.destination.display(), self.action.as_str())
    }

    /// `ALLOW default/web => default/db (ID: …, Precedence: 9)`, as the reference's reasons.
    pub fn reason(&self) -> String {
        intention_string(self.action.as_str(), &self.source, &self.destination, &self.id, self.precedence())
    }
}

/// The reference's order: precedence descending, then source and destination ascending.
pub fn order(a: &Rule, b: &Rule) -> Ordering {
    b.precedence()
        .cmp(&a.precedence())
        .then_with(|| a.source.cmp(&b.source))
        .then_with(|| a.destination.cmp(&b.destination))
}

/// Every intention stored, in the reference's order.
pub fn all_rules(entries: &ConfigEntries) -> Vec<Rule> {
    let mut rules: Vec<Rule> = entries
        .intentions
        .values()
        .flat_map(|entry| {
            entry.sources.iter().filter_map(move |source| {
                Some(Rule {
                    id: source.legacy_id.clone(),
                    source: source.source(),
                    destination: entry.destination(),
                    action: Action::parse(&source.action).ok()?,
                })
            })
        })
        .collect();
    rules.sort_by(order);
    rules
}

/// The intentions that apply to connections to `destination` (its own and the wildcard's),
/// in the reference's order.
pub fn rules_for(entries: &ConfigEntries, destination: &str) -> Vec<Rule> {
    let mut rules = all_rules(entries);
    rules.retain(|r| r.destination.matches(DEFAULT_NAMESPACE, destination));
    rules
}

/// What happens without a matching intention: allow when ACLs are off, else the default
/// policy, with the reference's reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefaultPolicy {
    pub allow: bool,
    pub reason: String,
}

impl Default for DefaultPolicy {
    fn default() -> Self {
        DefaultPolicy::of_setting(true)
    }
}

impl DefaultPolicy {
    /// The default with ACLs on and no `connect { default_intention_policy }`: the ACL
    /// default policy's, with the reference's reason.
    pub fn of_acls(allow: bool) -> DefaultPolicy {
        DefaultPolicy { allow, reason: "Default behavior configured by ACLs".to_owned() }
    }

    /// The default of an agent whose `connect { default_intention_policy }` is `allow`
    /// (`true`) or `deny`.
    pub fn of_setting(allow: bool) -> DefaultPolicy {
        let reason = if allow {
            "ACLs disabled, access is allowed by default"
        } else {
            "Default behavior configured by connect.default_intention_policy = \"deny\""
        };
        DefaultPolicy { allow, reason: reason.to_owned() }
    }
}

/// What decided a connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub allowed: bool,
    /// The reference's reason: the intention that matched, or the default's.
    pub reason: String,
    /// The intention that matched, if one did.
    pub rule: Option<Rule>,
}

/// The decision for `source` connecting to `destination` (both in the default namespace):
/// the first matching intention in precedence order, else the default.
pub fn decide(rules: &[Rule], source: &str, destination: &str, default: &DefaultPolicy) -> Decision {
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
            reason: format!("Matched intention: {}", r.reason()),
            rule: Some((*r).clone()),
        },
        None => Decision { allowed: default.allow, reason: default.reason.clone(), rule: None },
    }
}

/// The RBAC rules of a destination's sidecar: with a default of allow, the sources to deny;
/// with deny, the sources to allow. Each principal is a source minus the sources of
/// intentions ranked before it with the other action, so the sidecar decides every client
/// as [`decide`] does (the first match wins; the reference 1.9 subtracts only sources of
/// either action that it can tell are narrower, which lets a lower-ranked wildcard-destination
/// intention override a higher-ranked one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rbac {
    /// The action of the listed principals: the opposite of the default.
    pub action: Action,
    pub principals: Vec<Principal>,
}

impl Rbac {
    /// Whether these rules refuse some client: any listed to deny, or, listing those to allow,
    /// everyone else.
    pub fn can_deny(&self) -> bool {
        self.action == Action::Allow || !self.principals.is_empty()
    }
}

/// A source, except some narrower ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub source: Name,
    pub except: Vec<Name>,
}

/// The RBAC rules for the intentions `rules` of one destination (as [`rules_for`] gives them).
pub fn rbac(rules: &[Rule], default: &DefaultPolicy) -> Rbac {
    let action = if default.allow { Action::Deny } else { Action::Allow };
    let mut principals = Vec::new();
    for (i, rule) in rules.iter().enumerate() {
        // Names are nested or disjoint (`*/*` ⊇ `ns/*` ⊇ `ns/name`), so an earlier rule either
        // covers this one's source (this one never decides), lies inside it (its names are
        // taken out), or has nothing in common with it.
        let earlier = &rules[..i];
        if earlier.iter().any(|e| e.source.covers(&rule.source)) {
            continue;
        }
        if rule.action != action {
            continue;
        }
        let mut except: Vec<Name> = earlier
            .iter()
            .filter(|e| e.action != action && rule.source.covers(&e.source))
            .map(|e| e.source.clone())
            .collect();
        except.sort();
        except.dedup();
        principals.push(Principal { source: rule.source.clone(), except });
    }
    Rbac { action, principals }
}

/// The URI SAN regex of a source's leaf certificates in any trust domain and datacenter:
/// `^spiffe://[^/]+/ns/<ns>/dc/[^/]+/svc/<name>$`, `[^/]+` for a wildcard.
pub fn source_regex(source: &Name) -> String {
    let part = |value: &str| if value == WILDCARD { "[^/]+".to_owned() } else { regex_escape(value) };
    format!("^spiffe://[^/]+/ns/{}/dc/[^/]+/svc/{}$", part(&source.namespace), part(&source.name))
}

fn regex_escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        if "\\.+*?()|[]{}^$".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
