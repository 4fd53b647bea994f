//! Keys a config file has that fedctl cannot use, reported all at once: each with the line it
//! is on, a "did you mean" when it is a typo of a key fedctl knows, and a plain word when it is
//! a Consul setting fedctl does not support yet. Also the keys fedctl does take, documented
//! (`docs`).
//!
//! Parsed values carry no positions, so lines come from a light scan of the file's text (keys
//! and how deeply they are nested, `lines`); when a key cannot be found for sure, no line is
//! given.

mod docs;
mod lines;
mod suggest;

use std::fmt;
use std::path::Path;

pub use docs::{CONFIG_KEYS, accepted_keys, config_keys_help};
use lines::{locate, scan};
use suggest::suggest;

/// Consul agent settings fedctl does not support yet: the key's path and what it is for. A
/// path has no list indexes: `service.token` is the key in every service, of `service`
/// blocks or of the `services` list alike.
///
/// They stay errors: an agent must not start quietly without, say, the client certificate
/// checks or the DNS interface its file asks for.
const UNSUPPORTED: &[(&str, &str)] = &[
    ("acl.enable_token_persistence", "tokens set through the API kept across restarts"),
    ("acl.enable_key_list_policy", "the list disposition enforced on recursive KV reads"),
    ("acl.policy_ttl", "a client agent's policy cache; fedctl's clients cache whole tokens for token_ttl"),
    ("acl.role_ttl", "a client agent's role cache; fedctl's clients cache whole tokens for token_ttl"),
    ("auto_encrypt", "automatic distribution of client certificates"),
    (
        "tls",
        "the tls block of Consul 1.12 and later; fedctl takes Consul 1.8's top-level ca_file, cert_file, \
         key_file and verify_* keys",
    ),
    ("verify_incoming_rpc", "client certificate checks on the RPC port alone"),
    ("connect.ca_provider", "other Connect CA providers; fedctl's servers run the built-in CA"),
    ("connect.ca_config", "settings of a Connect CA provider; fedctl's servers run the built-in CA"),
    ("node_id", "a node ID of your own; fedctl keeps a generated one in <data_dir>/node-id"),
    ("advertise_addr_wan", "a WAN address of its own; fedctl advertises advertise_addr on the WAN too"),
    ("translate_wan_addrs", "answering with WAN addresses for nodes in other datacenters"),
    ("ui", "the web UI"),
    ("addresses", "a listen address per interface"),
    ("dns_config.disable_compression", "DNS answers without name compression"),
    ("dns_config.recursor_strategy", "a DNS recursor strategy of Consul 1.15 and later; fedctl asks them in order"),
    ("telemetry", "metrics export"),
    ("performance", "Raft timing"),
    ("autopilot", "Raft autopilot"),
    ("enable_script_checks", "script checks"),
    ("enable_local_script_checks", "script checks"),
    ("watches", "watch handlers"),
    ("node_meta", "node metadata"),
    ("config_entries", "config entries written from the config file"),
    ("start_join", "joining without retries; retry_join is supported"),
    ("start_join_wan", "joining without retries; retry_join_wan is supported"),
    ("retry_interval", "a retry_join interval of your own"),
    ("rejoin_after_leave", "rejoining after a graceful leave"),
    ("leave_on_terminate", "leaving the cluster on SIGTERM"),
    ("skip_leave_on_interrupt", "staying in the cluster on SIGINT"),
    ("disable_update_check", "update checks"),
    ("log_file", "logging to a file"),
    ("enable_syslog", "logging to syslog"),
    ("pid_file", "a PID file"),
    ("segments", "network segments, a Consul Enterprise feature"),
];

/// One key of a config file that fedctl cannot use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyProblem {
    /// The key's path, dotted: `datacentre`, `ports.dns`, `service.1.prot`.
    pub key: String,
    /// The line (from 1) it is on, when it was found in the file's text.
    pub line: Option<usize>,
    pub kind: KeyProblemKind,
}

/// Why a key cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyProblemKind {
    /// Neither fedctl's nor a Consul setting it knows of; `suggestion` is the path of the known
    /// key at the same level it is closest to, when one is close: `ports.http` for `ports.htp`.
    Unknown { suggestion: Option<String> },
    /// A Consul setting fedctl does not support yet; `what` says what it is for.
    Unsupported { what: &'static str },
}

impl fmt::Display for KeyProblem {
    /// The problem without the file: `unknown key "ports.htp" (did you mean "ports.http"?)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            KeyProblemKind::Unknown { suggestion: Some(known) } => {
                write!(f, "unknown key {:?} (did you mean {known:?}?)", self.key)
            }
            KeyProblemKind::Unknown { suggestion: None } => write!(f, "unknown key {:?}", self.key),
            KeyProblemKind::Unsupported { what } => {
                write!(f, "{:?} is a Consul setting fedctl does not support yet ({what})", self.key)
            }
        }
    }
}

/// The whole report for one file: a heading, one `file:line: problem` line per key, and what
/// to do.
pub(super) fn describe(path: &Path, keys: &[KeyProblem]) -> String {
    let file = path.display();
    let count = if keys.len() == 1 { "1 key".to_owned() } else { format!("{} keys", keys.len()) };
    let mut out = format!("config file {file}: {count} fedctl cannot use:");
    for key in keys {
        match key.line {
            Some(line) => out.push_str(&format!("\n{file}:{line}: {key}")),
            None => out.push_str(&format!("\n{file}: {key}")),
        }
    }
    let unknown = keys.iter().filter(|k| matches!(k.kind, KeyProblemKind::Unknown { .. })).count();
    let these = if keys.len() == 1 { "this key" } else { "these keys" };
    let todo = if unknown == keys.len() {
        format!("fix or remove {these} to start the agent")
    } else if unknown == 0 {
        format!("remove {these} to start the agent")
    } else {
        "fix the unknown keys and remove the unsupported ones to start the agent".to_owned()
    };
    out.push('\n');
    out.push_str(&todo);
    out
}

/// The syntax a config file is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Syntax {
    Hcl,
    Json,
}

/// One step of a key's path in the parsed value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Segment {
    Key(String),
    /// An element of a list (HCL: the n-th of repeated blocks).
    Index(usize),
}

/// The steps of a path `serde_ignored` reports, without the `Option` and newtype layers that
/// are no part of the file.
pub(super) fn segments(path: &serde_ignored::Path<'_>) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut at = path;
    loop {
        match *at {
            serde_ignored::Path::Root => break,
            serde_ignored::Path::Seq { parent, index } => {
                out.push(Segment::Index(index));
                at = parent;
            }
            serde_ignored::Path::Map { parent, ref key } => {
                out.push(Segment::Key(key.clone()));
                at = parent;
            }
            serde_ignored::Path::Some { parent }
            | serde_ignored::Path::NewtypeStruct { parent }
            | serde_ignored::Path::NewtypeVariant { parent } => at = parent,
        }
    }
    out.reverse();
    out
}

/// The line of the key a value error (`serde_path_to_error`) names, when it can be told.
pub(super) fn line_of_value(text: &str, syntax: Syntax, path: &serde_path_to_error::Path) -> Option<usize> {
    let segments: Vec<Segment> = path
        .iter()
        .filter_map(|s| match s {
            serde_path_to_error::Segment::Seq { index } => Some(Segment::Index(*index)),
            serde_path_to_error::Segment::Map { key } => Some(Segment::Key(key.clone())),
            _ => None,
        })
        .collect();
    locate(&scan(text, syntax), &segments)
}

/// The problems of the keys serde did not take, ordered by line (keys without one last).
pub(super) fn problems(text: &str, syntax: Syntax, unknown: Vec<Vec<Segment>>) -> Vec<KeyProblem> {
    let written = scan(text, syntax);
    let mut out: Vec<KeyProblem> = unknown
        .into_iter()
        .map(|segments| {
            let kind = match unsupported(&segments) {
                Some(what) => KeyProblemKind::Unsupported { what },
                None => KeyProblemKind::Unknown { suggestion: suggestion(&segments) },
            };
            KeyProblem { key: dotted(&segments), line: locate(&written, &segments), kind }
        })
        .collect();
    out.sort_by_key(|p| p.line.unwrap_or(usize::MAX));
    out
}

fn dotted(segments: &[Segment]) -> String {
    let parts: Vec<String> = segments
        .iter()
        .map(|s| match s {
            Segment::Key(key) => key.clone(),
            Segment::Index(i) => i.to_string(),
        })
        .collect();
    parts.join(".")
}

/// The whole path of the known key closest to the unknown one: its parents, then the guess.
fn suggestion(segments: &[Segment]) -> Option<String> {
    let known = suggest(segments)?;
    let (_, parents) = segments.split_last()?;
    let mut path = parents.to_vec();
    path.push(Segment::Key(known.to_owned()));
    Some(dotted(&path))
}

/// What the key is for, when it is one of [`UNSUPPORTED`]; list indexes are skipped, so
/// `services.1.token` is `services.token`.
fn unsupported(segments: &[Segment]) -> Option<&'static str> {
    let keys: Vec<&str> = segments
        .iter()
        .filter_map(|segment| match segment {
            Segment::Key(key) => Some(key.as_str()),
            Segment::Index(_) => None,
        })
        .collect();
    let path = keys.join(".");
    UNSUPPORTED.iter().find(|(key, _)| *key == path).map(|(_, what)| *what)
}
