//! Decoding one config entry from what people write: a JSON body (`PUT /v1/config`) or a file
//! for `fedctl config write` in HCL or JSON, with keys in PascalCase, snake_case (as HCL files
//! write them) or any letter case, as the reference's decoder accepts them.
//!
//! Keys are first put in their stored spelling, walking a small description of each kind's
//! fields; a key no field matches is reported (the reference's `invalid config key "X"`), so
//! a typo in a file is an error, not a setting silently dropped. Then serde reads the typed
//! entry, naming the key of a value of the wrong type.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::config_entry::{
    ConfigEntry, PROXY_DEFAULTS, ProxyDefaults, SERVICE_DEFAULTS, SERVICE_RESOLVER, ServiceDefaults, ServiceResolver,
};
use super::intention::{SERVICE_INTENTIONS, ServiceIntentions};

/// Kinds the reference knows that fedctl does not store (L7 routing and other gateways).
const OTHER_REFERENCE_KINDS: [&str; 4] =
    ["service-router", "service-splitter", "ingress-gateway", "terminating-gateway"];

/// Why a text or a JSON value is not a config entry, in the reference's words where it has them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigEntryDecodeError {
    /// The text is neither JSON nor HCL.
    #[error("{0}")]
    Syntax(String),
    #[error("a config entry is an object of settings, not {0}")]
    NotAnObject(&'static str),
    #[error("Payload does not contain a kind/Kind key at the top level")]
    MissingKind,
    #[error("Kind value in payload is not a string")]
    KindNotString,
    /// A kind nobody knows.
    #[error("invalid config entry kind: {0}")]
    UnknownKind(String),
    /// A kind of the reference that fedctl does not store.
    #[error(
        "invalid config entry kind: {0} (fedctl stores proxy-defaults, service-defaults, service-resolver and service-intentions entries only)"
    )]
    UnsupportedKind(String),
    /// Keys no field of the kind has, with their paths (`MeshGateway.Mood`).
    #[error("{}", invalid_keys(.0))]
    InvalidKeys(Vec<String>),
    /// The same setting written twice (`Name` and `name`).
    #[error("config key {0:?} is given more than once")]
    DuplicateKey(String),
    /// A value of the wrong type, with its key's path.
    #[error("{0}")]
    Value(String),
}

fn invalid_keys(keys: &[String]) -> String {
    keys.iter().map(|k| format!("invalid config key {k:?}")).collect::<Vec<_>>().join("; ")
}

/// The stored spelling of a kind (`proxy-defaults`; `proxy_defaults` is accepted too), or why
/// it is not one fedctl stores.
pub fn config_entry_kind(kind: &str) -> Result<&'static str, ConfigEntryDecodeError> {
    match kind {
        PROXY_DEFAULTS | "proxy_defaults" => Ok(PROXY_DEFAULTS),
        SERVICE_DEFAULTS | "service_defaults" => Ok(SERVICE_DEFAULTS),
        SERVICE_RESOLVER | "service_resolver" => Ok(SERVICE_RESOLVER),
        SERVICE_INTENTIONS | "service_intentions" => Ok(SERVICE_INTENTIONS),
        other if OTHER_REFERENCE_KINDS.contains(&other) => {
            Err(ConfigEntryDecodeError::UnsupportedKind(other.to_owned()))
        }
        other => Err(ConfigEntryDecodeError::UnknownKind(other.to_owned())),
    }
}

impl ConfigEntry {
    /// Parses one entry from a file's text: JSON when it starts with `{`, HCL otherwise.
    pub fn parse(text: &str) -> Result<ConfigEntry, ConfigEntryDecodeError> {
        let value: Value = if text.trim_start().starts_with('{') {
            serde_json::from_str(text).map_err(|e| ConfigEntryDecodeError::Syntax(format!("parsing JSON: {e}")))?
        } else {
            hcl::from_str(text)
                .map_err(|e| ConfigEntryDecodeError::Syntax(format!("parsing HCL: {}", hcl_message(&e))))?
        };
        ConfigEntry::from_value(value)
    }

    /// Decodes one entry from a JSON value holding `Kind` (or `kind`) and its settings. The
    /// indexes it may carry (`CreateIndex`, `ModifyIndex`) are read but a write ignores them.
    pub fn from_value(raw: Value) -> Result<ConfigEntry, ConfigEntryDecodeError> {
        let mut object = match raw {
            Value::Object(object) => object,
            other => return Err(ConfigEntryDecodeError::NotAnObject(json_type(&other))),
        };
        let (upper, lower) = (object.remove("Kind"), object.remove("kind"));
        let kind = match upper.or(lower) {
            None => return Err(ConfigEntryDecodeError::MissingKind),
            Some(Value::String(kind)) => config_entry_kind(&kind)?,
            Some(_) => return Err(ConfigEntryDecodeError::KindNotString),
        };
        let fields = match kind {
            PROXY_DEFAULTS => PROXY_DEFAULTS_FIELDS,
            SERVICE_DEFAULTS => SERVICE_DEFAULTS_FIELDS,
            SERVICE_INTENTIONS => SERVICE_INTENTIONS_FIELDS,
            _ => SERVICE_RESOLVER_FIELDS,
        };
        let mut walk = Walk::default();
        let object = walk.fields(object, fields, "");
        if let Some(key) = walk.duplicate {
            return Err(ConfigEntryDecodeError::DuplicateKey(key));
        }
        if !walk.invalid.is_empty() {
            return Err(ConfigEntryDecodeError::InvalidKeys(walk.invalid));
        }
        let value = Value::Object(object);
        match kind {
            PROXY_DEFAULTS => typed::<ProxyDefaults>(value).map(ConfigEntry::ProxyDefaults),
            SERVICE_DEFAULTS => typed::<ServiceDefaults>(value).map(ConfigEntry::ServiceDefaults),
            SERVICE_INTENTIONS => typed::<ServiceIntentions>(value).map(ConfigEntry::ServiceIntentions),
            _ => typed::<ServiceResolver>(value).map(ConfigEntry::ServiceResolver),
        }
    }
}

/// Reads the typed entry; a value of the wrong type is named by its key's path.
fn typed<T: DeserializeOwned>(value: Value) -> Result<T, ConfigEntryDecodeError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if path == "." || path.is_empty() {
            ConfigEntryDecodeError::Value(inner.to_string())
        } else {
            ConfigEntryDecodeError::Value(format!("{path}: {inner}"))
        }
    })
}

/// An HCL syntax error on one line (`line L, column C: what was expected`), not the parser's
/// multi-line drawing.
fn hcl_message(e: &hcl::Error) -> String {
    match e {
        hcl::Error::Parse(p) => {
            let at = p.location();
            format!("line {}, column {}: {}", at.line(), at.column(), p.message())
        }
        other => other.to_string(),
    }
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// What a setting holds, as far as its keys go.
#[derive(Clone, Copy)]
enum Shape {
    /// Kept as written: a scalar, a list of scalars, or opaque settings (`Config`).
    Any,
    /// An object with these fields.
    Object(&'static [Field]),
    /// An object keyed by the user's names (subsets, failover targets), values of one shape.
    Map(&'static Shape),
    /// A list whose elements have one shape.
    List(&'static Shape),
}

/// One field: its stored (serde) name, and what it holds.
struct Field(&'static str, Shape);

const MESH_GATEWAY: Shape = Shape::Object(&[Field("Mode", Shape::Any)]);
const EXPOSE_PATH: Shape = Shape::Object(&[
    Field("ListenerPort", Shape::Any),
    Field("Path", Shape::Any),
    Field("LocalPathPort", Shape::Any),
    Field("Protocol", Shape::Any),
    Field("ParsedFromCheck", Shape::Any),
]);
const EXPOSE: Shape = Shape::Object(&[Field("Checks", Shape::Any), Field("Paths", Shape::List(&EXPOSE_PATH))]);
const SUBSET: Shape = Shape::Object(&[Field("Filter", Shape::Any), Field("OnlyPassing", Shape::Any)]);
const REDIRECT: Shape = Shape::Object(&[
    Field("Service", Shape::Any),
    Field("ServiceSubset", Shape::Any),
    Field("Namespace", Shape::Any),
    Field("Datacenter", Shape::Any),
]);
const FAILOVER: Shape = Shape::Object(&[
    Field("Service", Shape::Any),
    Field("ServiceSubset", Shape::Any),
    Field("Namespace", Shape::Any),
    Field("Datacenters", Shape::Any),
]);

const PROXY_DEFAULTS_FIELDS: &[Field] = &[
    Field("Name", Shape::Any),
    Field("Config", Shape::Any),
    Field("MeshGateway", MESH_GATEWAY),
    Field("Expose", EXPOSE),
    Field("CreateIndex", Shape::Any),
    Field("ModifyIndex", Shape::Any),
];
const SERVICE_DEFAULTS_FIELDS: &[Field] = &[
    Field("Name", Shape::Any),
    Field("Protocol", Shape::Any),
    Field("MeshGateway", MESH_GATEWAY),
    Field("Expose", EXPOSE),
    Field("ExternalSNI", Shape::Any),
    Field("CreateIndex", Shape::Any),
    Field("ModifyIndex", Shape::Any),
];
const SERVICE_RESOLVER_FIELDS: &[Field] = &[
    Field("Name", Shape::Any),
    Field("DefaultSubset", Shape::Any),
    Field("Subsets", Shape::Map(&SUBSET)),
    Field("Redirect", REDIRECT),
    Field("Failover", Shape::Map(&FAILOVER)),
    Field("ConnectTimeout", Shape::Any),
    Field("CreateIndex", Shape::Any),
    Field("ModifyIndex", Shape::Any),
];

const SOURCE_INTENTION: Shape = Shape::Object(&[
    Field("Name", Shape::Any),
    Field("Action", Shape::Any),
    Field("Description", Shape::Any),
    Field("Precedence", Shape::Any),
    Field("Type", Shape::Any),
    Field("LegacyID", Shape::Any),
    Field("LegacyMeta", Shape::Any),
    Field("LegacyCreateTime", Shape::Any),
    Field("LegacyUpdateTime", Shape::Any),
    Field("Permissions", Shape::Any),
]);
const SERVICE_INTENTIONS_FIELDS: &[Field] = &[
    Field("Name", Shape::Any),
    Field("Sources", Shape::List(&SOURCE_INTENTION)),
    Field("Meta", Shape::Any),
    Field("CreateIndex", Shape::Any),
    Field("ModifyIndex", Shape::Any),
];

/// Whether a written key names a field: the same letters in any case, with or without
/// underscores (`mesh_gateway`, `meshGateway`, `MeshGateway`; `external_sni`, `ExternalSNI`).
fn names(written: &str, name: &str) -> bool {
    written.eq_ignore_ascii_case(name) || (written.contains('_') && written.replace('_', "").eq_ignore_ascii_case(name))
}

/// The walk over a value that puts its keys in their stored spelling, collecting what it
/// could not place.
#[derive(Default)]
struct Walk {
    invalid: Vec<String>,
    duplicate: Option<String>,
}

impl Walk {
    fn fields(&mut self, object: Map<String, Value>, fields: &[Field], path: &str) -> Map<String, Value> {
        let mut out = Map::new();
        for (key, value) in object {
            let Some(field) = fields.iter().find(|f| names(&key, f.0)) else {
                self.invalid.push(join(path, &key));
                continue;
            };
            let at = join(path, field.0);
            let value = self.value(value, field.1, &at);
            if out.insert(field.0.to_owned(), value).is_some() && self.duplicate.is_none() {
                self.duplicate = Some(at);
            }
        }
        out
    }

    fn value(&mut self, value: Value, shape: Shape, path: &str) -> Value {
        match (shape, value) {
            (Shape::Any, value) => value,
            (Shape::Object(fields), Value::Object(object)) => Value::Object(self.fields(object, fields, path)),
            // HCL writes repeated blocks as a list: one block where an object goes is that object.
            (Shape::Object(_), Value::Array(mut items)) if items.len() == 1 && items[0].is_object() => {
                let item = items.remove(0);
                self.value(item, shape, path)
            }
            (Shape::Map(inner), Value::Object(object)) => Value::Object(
                object
                    .into_iter()
                    .map(|(name, v)| {
                        let at = format!("{path}[{name}]");
                        let v = self.value(v, *inner, &at);
                        (name, v)
                    })
                    .collect(),
            ),
            (Shape::List(inner), Value::Array(items)) => Value::Array(
                items.into_iter().enumerate().map(|(i, v)| self.value(v, *inner, &format!("{path}[{i}]"))).collect(),
            ),
            // One HCL block where a list goes is a list of one.
            (Shape::List(inner), value @ Value::Object(_)) => {
                Value::Array(vec![self.value(value, *inner, &format!("{path}[0]"))])
            }
            // A value of the wrong type: serde names it with its path.
            (_, value) => value,
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() { key.to_owned() } else { format!("{path}.{key}") }
}
