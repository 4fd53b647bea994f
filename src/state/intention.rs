//! Intentions' data: the `service-intentions` config entry (one per destination, its sources
//! each allowed or denied), the reference 1.8's `/v1/connect/intentions` shape mapped onto
//! it, names and their validation with the reference's messages, and precedence. Intentions
//! are by service name and hold across datacenters. The decision for a connection (and the
//! sidecar's RBAC rules) is mesh logic, in `connect::intentions`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::config_entry::EntryIndex;

pub const SERVICE_INTENTIONS: &str = "service-intentions";
/// The only namespace (fedctl has no namespaces).
pub const DEFAULT_NAMESPACE: &str = "default";
/// The wildcard, for a namespace or a name.
pub const WILDCARD: &str = "*";
/// The only source type.
pub const SOURCE_TYPE_CONSUL: &str = "consul";
/// Go's zero `time.Time`, which the reference shows for a time never set.
pub const ZERO_TIME: &str = "0001-01-01T00:00:00Z";

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
    /// A name in the default namespace.
    pub fn service(name: &str) -> Name {
        Name { namespace: DEFAULT_NAMESPACE.to_owned(), name: name.to_owned() }
    }

    /// `ns/name` or `name` (the default namespace); more than one `/` is refused with the
    /// reference's words.
    pub fn parse(input: &str) -> Result<Name, String> {
        let mut parts = input.split('/');
        let (first, second, third) = (parts.next(), parts.next(), parts.next());
        match (first, second, third) {
            (Some(name), None, None) => Ok(Name::service(name)),
            (Some(ns), Some(name), None) => Ok(Name { namespace: ns.to_owned(), name: name.to_owned() }),
            _ => Err(format!("name {input:?} is invalid: input can contain at most one '/'")),
        }
    }

    /// 2 exact, 1 a wildcard name in a namespace, 0 any namespace.
    pub fn exactness(&self) -> u32 {
        if self.namespace == WILDCARD {
            0
        } else if self.name == WILDCARD {
            1
        } else {
            2
        }
    }

    /// Whether the service `namespace/name` is one this name stands for.
    pub fn matches(&self, namespace: &str, name: &str) -> bool {
        (self.namespace == WILDCARD || self.namespace == namespace) && (self.name == WILDCARD || self.name == name)
    }

    /// Whether every service `other` stands for is one this name stands for.
    pub fn covers(&self, other: &Name) -> bool {
        self.matches(&other.namespace, &other.name)
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

/// Checks a source or destination as the reference does (`field_prefix` is `Source` or
/// `Destination`): both parts set, `*` alone or not at all, no exact name after a wildcard
/// namespace; and, fedctl having no namespaces, the namespace `default`.
pub fn validate_name(field_prefix: &str, name: &Name) -> Result<(), String> {
    if name.namespace.is_empty() {
        return Err(format!("{field_prefix}NS must be set"));
    }
    if name.name.is_empty() {
        return Err(format!("{field_prefix}Name must be set"));
    }
    for (part, value) in [("NS", &name.namespace), ("Name", &name.name)] {
        partial_wildcard(value).map_err(|e| format!("{field_prefix}{part}: {e}"))?;
    }
    if name.namespace == WILDCARD && name.name != WILDCARD {
        return Err(format!("{field_prefix}Name: exact value cannot follow wildcard namespace"));
    }
    if name.namespace != DEFAULT_NAMESPACE {
        return Err(format!(
            "{field_prefix}NS {:?}: fedctl has one namespace, \"default\" (namespaces are a Consul Enterprise feature)",
            name.namespace
        ));
    }
    Ok(())
}

/// The reference's `structs.Intention.String()`:
/// `ALLOW default/web => default/db (ID: <id>, Precedence: 9)`.
pub fn intention_string(action: &str, source: &Name, destination: &Name, id: &str, precedence: u32) -> String {
    format!(
        "{} {}/{} => {}/{} (ID: {id}, Precedence: {precedence})",
        action.to_uppercase(),
        source.namespace,
        source.name,
        destination.namespace,
        destination.name
    )
}

/// `*` alone or not at all.
fn partial_wildcard(value: &str) -> Result<(), String> {
    if value.contains('*') && value != WILDCARD {
        return Err("wildcard character '*' cannot be used with partial values".to_owned());
    }
    Ok(())
}

/// 9 (exact → exact) down to 1 (`*/*` → `*/*`): the destination's exactness counts most.
pub fn precedence(source: &Name, destination: &Name) -> u32 {
    let base = match destination.exactness() {
        2 => 9,
        1 => 6,
        _ => 3,
    };
    base - (2 - source.exactness())
}

/// `service-intentions`: who may connect to the destination service `name` (`*`: every
/// service), as the reference 1.9's entry, which its 1.8 API is a view of.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ServiceIntentions {
    #[serde(alias = "name")]
    pub name: String,
    #[serde(alias = "sources", skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceIntention>,
    #[serde(alias = "meta", skip_serializing_if = "BTreeMap::is_empty")]
    pub meta: BTreeMap<String, String>,
    #[serde(flatten)]
    pub index: EntryIndex,
}

/// One source of a `service-intentions` entry.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct SourceIntention {
    #[serde(alias = "name")]
    pub name: String,
    /// `allow` or `deny`.
    #[serde(alias = "action")]
    pub action: String,
    #[serde(alias = "description", skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Computed when stored (9..1).
    #[serde(alias = "precedence")]
    pub precedence: u32,
    /// `consul` (the default).
    #[serde(alias = "type")]
    pub r#type: String,
    /// The 1.8 API's ID, creation and update times and metadata of an intention written there.
    #[serde(rename = "LegacyID", alias = "legacy_id", skip_serializing_if = "String::is_empty")]
    pub legacy_id: String,
    #[serde(alias = "legacy_meta", skip_serializing_if = "BTreeMap::is_empty")]
    pub legacy_meta: BTreeMap<String, String>,
    #[serde(alias = "legacy_create_time", skip_serializing_if = "String::is_empty")]
    pub legacy_create_time: String,
    #[serde(alias = "legacy_update_time", skip_serializing_if = "String::is_empty")]
    pub legacy_update_time: String,
    /// L7 permissions (the reference 1.9's): read so a write can be refused by name, never
    /// stored (fedctl's sidecars proxy TCP).
    #[serde(alias = "permissions", skip_serializing_if = "Vec::is_empty")]
    pub permissions: Vec<serde_json::Value>,
}

impl SourceIntention {
    pub fn source(&self) -> Name {
        Name::service(&self.name)
    }
}

impl ServiceIntentions {
    pub fn destination(&self) -> Name {
        Name::service(&self.name)
    }

    /// Fills in what the stored form computes: each source's type and precedence. Idempotent.
    pub fn normalize(&mut self) {
        let destination = self.destination();
        for source in &mut self.sources {
            if source.r#type.is_empty() {
                source.r#type = SOURCE_TYPE_CONSUL.to_owned();
            }
            source.precedence = precedence(&source.source(), &destination);
        }
    }

    /// The reference 1.9's checks and messages, the first problem found.
    pub fn validate(&self) -> Result<(), String> {
        if self.name.is_empty() {
            return Err("Name is required".to_owned());
        }
        partial_wildcard(&self.name).map_err(|e| format!("Name: {e}"))?;
        let mut seen = BTreeMap::new();
        for (i, source) in self.sources.iter().enumerate() {
            if source.name.is_empty() {
                return Err(format!("Sources[{i}].Name is required"));
            }
            partial_wildcard(&source.name).map_err(|e| format!("Sources[{i}].Name: {e}"))?;
            if seen.insert(source.name.as_str(), i).is_some() {
                return Err(format!("Sources[{i}] defines {:?} more than once", source.name));
            }
            if !source.permissions.is_empty() {
                if !source.action.is_empty() {
                    return Err(format!("Sources[{i}].Action must be omitted if Permissions are specified"));
                }
                continue;
            }
            Action::parse(&source.action).map_err(|e| format!("Sources[{i}].{e}"))?;
            if !source.r#type.is_empty() && source.r#type != SOURCE_TYPE_CONSUL {
                return Err(format!("Sources[{i}].Type must be set to 'consul'"));
            }
        }
        Ok(())
    }

    /// Why a user's write of this entry is refused: the `Legacy*` fields belong to the 1.8
    /// API (the reference 1.9's messages).
    pub fn validate_written(&self) -> Result<(), String> {
        for (i, s) in self.sources.iter().enumerate() {
            for (field, set) in [
                ("LegacyID", !s.legacy_id.is_empty()),
                ("LegacyMeta", !s.legacy_meta.is_empty()),
                ("LegacyCreateTime", !s.legacy_create_time.is_empty()),
                ("LegacyUpdateTime", !s.legacy_update_time.is_empty()),
            ] {
                if set {
                    return Err(format!("Sources[{i}].{field} must be omitted"));
                }
            }
        }
        Ok(())
    }

    /// Keeps what the 1.8 API gave the sources of `stored` (their IDs, metadata and times) in
    /// the sources of this new version of the entry with the same names.
    pub fn keep_legacy_of(&mut self, stored: &ServiceIntentions) {
        for source in &mut self.sources {
            if let Some(old) = stored.sources.iter().find(|o| o.name == source.name) {
                source.legacy_id.clone_from(&old.legacy_id);
                source.legacy_meta.clone_from(&old.legacy_meta);
                source.legacy_create_time.clone_from(&old.legacy_create_time);
                source.legacy_update_time.clone_from(&old.legacy_update_time);
            }
        }
    }

    /// The entry's sources in the 1.8 API's shape.
    pub fn intentions(&self) -> Vec<Intention> {
        self.sources.iter().map(|source| Intention::of(self, source)).collect()
    }
}

/// The reference 1.8's intention (`/v1/connect/intentions`): one source of one destination.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Intention {
    #[serde(rename = "ID")]
    pub id: String,
    pub description: String,
    #[serde(rename = "SourceNS")]
    pub source_ns: String,
    pub source_name: String,
    #[serde(rename = "DestinationNS")]
    pub destination_ns: String,
    pub destination_name: String,
    pub source_type: String,
    pub action: String,
    /// `null` (what Go clients send for none) is none.
    #[serde(deserialize_with = "null_is_empty")]
    pub meta: BTreeMap<String, String>,
    pub precedence: u32,
    pub created_at: String,
    pub updated_at: String,
    pub create_index: u64,
    pub modify_index: u64,
}

impl Intention {
    /// One source of a stored entry, as the 1.8 API shows it.
    pub fn of(entry: &ServiceIntentions, source: &SourceIntention) -> Intention {
        let time = |t: &str| if t.is_empty() { ZERO_TIME.to_owned() } else { t.to_owned() };
        Intention {
            id: source.legacy_id.clone(),
            description: source.description.clone(),
            source_ns: DEFAULT_NAMESPACE.to_owned(),
            source_name: source.name.clone(),
            destination_ns: DEFAULT_NAMESPACE.to_owned(),
            destination_name: entry.name.clone(),
            source_type: source.r#type.clone(),
            action: source.action.clone(),
            meta: source.legacy_meta.clone(),
            precedence: source.precedence,
            created_at: time(&source.legacy_create_time),
            updated_at: time(&source.legacy_update_time),
            create_index: entry.index.create_index,
            modify_index: entry.index.modify_index,
        }
    }

    pub fn source(&self) -> Name {
        Name { namespace: self.source_ns.clone(), name: self.source_name.clone() }
    }

    pub fn destination(&self) -> Name {
        Name { namespace: self.destination_ns.clone(), name: self.destination_name.clone() }
    }

    /// `web => db (allow)`, the reference's `String()`.
    pub fn display(&self) -> String {
        format!("{} => {} ({})", self.source().display(), self.destination().display(), self.action)
    }

    /// What the reference's `Intention.Apply` fills in before validating: the default
    /// namespaces and source type. Idempotent.
    pub fn defaults(&mut self) {
        for ns in [&mut self.source_ns, &mut self.destination_ns] {
            if ns.is_empty() {
                *ns = DEFAULT_NAMESPACE.to_owned();
            }
        }
        if self.source_type.is_empty() {
            self.source_type = SOURCE_TYPE_CONSUL.to_owned();
        }
    }

    /// The reference 1.8's `Validate`, its messages, the first problem found.
    pub fn validate(&self) -> Result<(), String> {
        validate_name("Source", &self.source())?;
        validate_name("Destination", &self.destination())?;
        Action::parse(&self.action)?;
        if self.source_type != SOURCE_TYPE_CONSUL {
            return Err("SourceType must be set to 'consul'".to_owned());
        }
        if self.meta.len() > 64 {
            return Err("Meta exceeds maximum element count 64".to_owned());
        }
        for (key, value) in &self.meta {
            if key.len() > 128 {
                return Err(format!("Meta key {key:?} exceeds maximum length 128"));
            }
            if value.len() > 512 {
                return Err(format!("Meta value for key {key:?} exceeds maximum length 512"));
            }
        }
        Ok(())
    }

    /// The entry source this intention is, with its ID and times.
    pub fn to_source(&self) -> SourceIntention {
        SourceIntention {
            name: self.source_name.clone(),
            action: self.action.clone(),
            description: self.description.clone(),
            precedence: precedence(&self.source(), &self.destination()),
            r#type: self.source_type.clone(),
            legacy_id: self.id.clone(),
            legacy_meta: self.meta.clone(),
            legacy_create_time: self.created_at.clone(),
            legacy_update_time: self.updated_at.clone(),
            permissions: Vec::new(),
        }
    }
}

fn null_is_empty<'de, D: serde::Deserializer<'de>>(d: D) -> Result<BTreeMap<String, String>, D::Error> {
    Ok(Option::<BTreeMap<String, String>>::deserialize(d)?.unwrap_or_default())
}

/// 1.8 API writes, applied in the primary's state machine onto the `service-intentions`
/// entries. The ID and times are chosen before the write is proposed, so every server applies
/// the same thing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum IntentionOp {
    /// A new intention (its ID set); `duplicate intention found: ALLOW default/web =>
    /// default/db (ID: …, Precedence: 9)` (the one there) when its destination already has an
    /// intention for its source.
    Create(Box<Intention>),
    /// Creates the intention of its source and destination, or replaces the one there keeping
    /// its ID and creation time (the reference 1.9's `PUT /v1/connect/intentions/exact`); the
    /// given ID is used for a new one.
    SetExact(Box<Intention>),
    /// Replaces the intention with this ID (it may move to another source or destination);
    /// its creation time is kept.
    Update(Box<Intention>),
    /// Removes the intention with this ID.
    Delete { id: String },
    /// Removes the source `source` of the destination `destination`, whichever API wrote it
    /// (nothing to remove is not an error).
    DeleteExact { source: String, destination: String },
}
