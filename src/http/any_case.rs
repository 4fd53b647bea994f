//! Request bodies decoded as the reference's decoder does: a JSON key names a struct field
//! whatever its case (`node`, `serviceid`, `Verb` and `verb` are all the same field). Only
//! struct fields are matched this way; the keys of a map (`Meta`, `TaggedAddresses`) are the
//! user's data and stay as written.

use serde::de::value::StringDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::forward_to_deserialize_any;
use serde_json::{Map, Value};

/// Decodes `bytes` into `T`, matching struct field names case-insensitively.
pub fn from_slice<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, serde_json::Error> {
    from_value(serde_json::from_slice(bytes)?)
}

/// Decodes `value` into `T`, matching struct field names case-insensitively.
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, serde_json::Error> {
    T::deserialize(AnyCase(value))
}

struct AnyCase(Value);

impl<'de> de::Deserializer<'de> for AnyCase {
    type Error = serde_json::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.0 {
            Value::Object(map) => visitor.visit_map(Fields::new(map, &[])),
            Value::Array(items) => visitor.visit_seq(Items(items.into_iter())),
            other => other.deserialize_any(visitor),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        match self.0 {
            Value::Object(map) => visitor.visit_map(Fields::new(map, fields)),
            other => other.deserialize_struct(name, fields, visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            other => visitor.visit_some(AnyCase(other)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_enum(name, variants, visitor)
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct seq tuple tuple_struct map identifier ignored_any
    }
}

/// An object's entries, each key renamed to the struct field it names in another case.
struct Fields {
    entries: serde_json::map::IntoIter,
    fields: &'static [&'static str],
    value: Option<Value>,
}

impl Fields {
    fn new(map: Map<String, Value>, fields: &'static [&'static str]) -> Self {
        Fields { entries: map.into_iter(), fields, value: None }
    }

    fn field(&self, key: String) -> String {
        if self.fields.contains(&key.as_str()) {
            return key;
        }
        match self.fields.iter().find(|f| f.eq_ignore_ascii_case(&key)) {
            Some(field) => (*field).to_owned(),
            None => key,
        }
    }
}

impl<'de> MapAccess<'de> for Fields {
    type Error = serde_json::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Self::Error> {
        let Some((key, value)) = self.entries.next() else { return Ok(None) };
        self.value = Some(value);
        let key: StringDeserializer<serde_json::Error> = self.field(key).into_deserializer();
        seed.deserialize(key).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Self::Error> {
        let value = self.value.take().ok_or_else(|| de::Error::custom("a value without its key"))?;
        seed.deserialize(AnyCase(value))
    }
}

struct Items(std::vec::IntoIter<Value>);

impl<'de> SeqAccess<'de> for Items {
    type Error = serde_json::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Self::Error> {
        self.0.next().map(|v| seed.deserialize(AnyCase(v))).transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;

    #[derive(Deserialize, Debug, PartialEq)]
    #[serde(rename_all = "PascalCase")]
    struct Inner {
        #[serde(rename = "ServiceID")]
        service_id: String,
        meta: BTreeMap<String, String>,
        tags: Option<Vec<String>>,
    }

    #[derive(Deserialize, Debug, PartialEq)]
    #[serde(rename_all = "PascalCase")]
    struct Outer {
        verb: String,
        inner: Vec<Inner>,
    }

    #[test]
    fn struct_fields_match_in_any_case_and_map_keys_stay() {
        let body = br#"{"verb":"set","INNER":[{"serviceid":"web","meta":{"port":"1","Port":"2"},"tags":["a"]}]}"#;
        let decoded: Outer = super::from_slice(body).expect("decodes");
        assert_eq!(decoded.verb, "set");
        assert_eq!(decoded.inner[0].service_id, "web");
        assert_eq!(decoded.inner[0].meta.get("port").map(String::as_str), Some("1"));
        assert_eq!(decoded.inner[0].meta.get("Port").map(String::as_str), Some("2"));
        assert_eq!(decoded.inner[0].tags, Some(vec!["a".to_owned()]));
        let wrong: Result<Outer, _> = super::from_slice(br#"{"verb":3,"inner":[]}"#);
        assert!(wrong.unwrap_err().to_string().contains("invalid type"));
    }
}
