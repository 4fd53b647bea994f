//! Opaque `Config` maps are decoded weakly, as the reference does: a number may be written as
//! a string, a boolean as a string or a number; a value of another type is no value.

use serde_json::Value;

/// A non-negative number (a fraction truncated), or a string holding one.
pub fn weak_u64(v: &Value) -> Option<u64> {
    match v {
        Value::Number(n) => n.as_u64().or_else(|| n.as_f64().filter(|f| *f >= 0.0).map(|f| f as u64)),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A boolean, a string holding one (Go's `ParseBool` spellings: 1, t, T, TRUE, true, True
/// and their false forms), or a number (non-zero is true).
pub fn weak_bool(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::String(s) => match s.as_str() {
            "1" | "t" | "T" | "TRUE" | "true" | "True" => Some(true),
            "0" | "f" | "F" | "FALSE" | "false" | "False" => Some(false),
            _ => None,
        },
        Value::Number(n) => n.as_i64().map(|n| n != 0),
        _ => None,
    }
}

/// `key` of a `Config` map as a positive number (0 or absent: none).
pub fn config_positive(config: &serde_json::Map<String, Value>, key: &str) -> Option<u64> {
    config.get(key).and_then(weak_u64).filter(|n| *n >= 1)
}
