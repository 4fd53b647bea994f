//! "Did you mean": the known key closest to an unknown one, from the names serde itself reads.

use std::fmt;

use serde::de::{DeserializeOwned, Visitor};

use super::Segment;
use crate::config::file::{FileConfig, FileConnect, FilePorts};
use crate::config::{FileDnsConfig, FileLimits};
use crate::local::{CheckDefinition, ServiceDefinition};

/// The structs a key can belong to, for the names known at each level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Schema {
    File,
    Ports,
    Connect,
    Limits,
    Dns,
    Service,
    Check,
    /// Somewhere this module has no names for.
    Other,
}

impl Schema {
    /// What the value of `key` in this struct is.
    fn child(self, key: &str) -> Schema {
        match (self, key) {
            (Schema::File, "ports") => Schema::Ports,
            (Schema::File, "connect") => Schema::Connect,
            (Schema::File, "limits") => Schema::Limits,
            (Schema::File, "dns_config") => Schema::Dns,
            (Schema::File, "service" | "services") => Schema::Service,
            (Schema::File, "check" | "checks") => Schema::Check,
            (Schema::Service, "check" | "checks" | "Check" | "Checks") => Schema::Check,
            _ => Schema::Other,
        }
    }

    /// The struct's keys as serde reads them (renames and aliases included).
    fn fields(self) -> &'static [&'static str] {
        match self {
            Schema::File => fields_of::<FileConfig>(),
            Schema::Ports => fields_of::<FilePorts>(),
            Schema::Connect => fields_of::<FileConnect>(),
            Schema::Limits => fields_of::<FileLimits>(),
            Schema::Dns => fields_of::<FileDnsConfig>(),
            Schema::Service => fields_of::<ServiceDefinition>(),
            Schema::Check => fields_of::<CheckDefinition>(),
            Schema::Other => &[],
        }
    }
}

/// The known key at the same level closest to an unknown one, if one is close: a few edits
/// away for its length, or the unknown key is the known one's leading words
/// (`http_max_conns` for `http_max_conns_per_client`). Only the last step's name: the caller
/// puts the parents back.
pub(super) fn suggest(segments: &[Segment]) -> Option<&'static str> {
    let (Segment::Key(key), parents) = segments.split_last()? else {
        return None;
    };
    let schema = parents.iter().fold(Schema::File, |schema, segment| match segment {
        Segment::Key(name) => schema.child(name),
        Segment::Index(_) => schema,
    });
    let limit = (key.chars().count() / 4).max(1);
    schema
        .fields()
        .iter()
        .copied()
        .filter_map(|known| {
            let edits = strsim::damerau_levenshtein(key, known);
            let leading_words =
                key.len() >= 4 && known.strip_prefix(key.as_str()).is_some_and(|rest| rest.starts_with('_'));
            (edits <= limit || leading_words).then(|| (edits, strsim::jaro_winkler(key, known), known))
        })
        .min_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)))
        .map(|(_, _, known)| known)
}

/// The field names a derived `Deserialize` passes to `deserialize_struct`.
pub(super) fn fields_of<T: DeserializeOwned>() -> &'static [&'static str] {
    match T::deserialize(FieldNames) {
        Err(Fields(fields)) => fields,
        Ok(_) => &[],
    }
}

/// A deserializer that only hears which fields a struct has, then stops.
#[derive(Debug)]
struct FieldNames;

/// The "error" [`FieldNames`] stops with: the names, or none for anything but a struct.
#[derive(Debug)]
struct Fields(&'static [&'static str]);

impl fmt::Display for Fields {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "fields {:?}", self.0)
    }
}

impl std::error::Error for Fields {}

impl serde::de::Error for Fields {
    fn custom<T: fmt::Display>(_msg: T) -> Self {
        Fields(&[])
    }
}

impl<'de> serde::Deserializer<'de> for FieldNames {
    type Error = Fields;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Fields> {
        Err(Fields(&[]))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Fields> {
        Err(Fields(fields))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}
