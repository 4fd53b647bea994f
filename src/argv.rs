//! Consul-style flags on top of a double-dash parser.
//!
//! Consul users write `-node n1` and `-node=n1`; clap understands `--node n1`. [`normalize`]
//! rewrites a single-dash token to double-dash when its name is a long option of the
//! (sub)command being parsed at that point, or is spelled like one without being one (a typo
//! such as `-datacentre`, so the parser reports the flag and not a short `-d`). Everything
//! else is left untouched:
//! single-letter short flags (`-h`), the value after an option that takes one (so
//! `-token -abc` keeps `-abc`), everything after `--`, and everything after an unknown first
//! word where plugins are allowed (a plugin parses its own arguments).
//!
//! The spec of which names exist is data ([`FlagSpec`]); the CLI builds it from its clap
//! definitions, so this module needs no clap and is tested on its own.

use std::collections::BTreeMap;
use std::ffi::OsString;

/// Which options and subcommands a command has.
#[derive(Debug, Default, Clone)]
pub struct FlagSpec {
    /// Long option name -> whether it takes a value.
    longs: BTreeMap<String, bool>,
    /// Short option -> whether it takes a value.
    shorts: BTreeMap<char, bool>,
    subcommands: BTreeMap<String, FlagSpec>,
    /// Unknown first words are external subcommands (plugins).
    external: bool,
}

impl FlagSpec {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add_long(&mut self, name: &str, takes_value: bool) {
        self.longs.insert(name.to_owned(), takes_value);
    }

    pub fn add_short(&mut self, c: char, takes_value: bool) {
        self.shorts.insert(c, takes_value);
    }

    pub fn add_subcommand(&mut self, name: &str, spec: FlagSpec) {
        self.subcommands.insert(name.to_owned(), spec);
    }

    pub fn set_external(&mut self, external: bool) {
        self.external = external;
    }

    /// Builder form of [`FlagSpec::add_long`].
    pub fn long(mut self, name: &str, takes_value: bool) -> Self {
        self.add_long(name, takes_value);
        self
    }

    /// Builder form of [`FlagSpec::add_short`].
    pub fn short(mut self, c: char, takes_value: bool) -> Self {
        self.add_short(c, takes_value);
        self
    }

    /// Builder form of [`FlagSpec::add_subcommand`].
    pub fn subcommand(mut self, name: &str, spec: FlagSpec) -> Self {
        self.add_subcommand(name, spec);
        self
    }

    /// Builder form of [`FlagSpec::set_external`].
    pub fn external(mut self) -> Self {
        self.external = true;
        self
    }
}

/// Rewrites Consul-style `-name[=value]` tokens to `--name[=value]`. The first element
/// (the program name) is kept as is.
pub fn normalize<I>(root: &FlagSpec, args: I) -> Vec<OsString>
where
    I: IntoIterator<Item = OsString>,
{
    let mut args = args.into_iter();
    let mut out: Vec<OsString> = args.next().into_iter().collect();
    let mut spec = root;
    let mut verbatim = false; // after `--` or inside a plugin's arguments
    let mut value_next = false; // the previous token was an option that takes a value
    for token in args {
        if verbatim || value_next {
            value_next = false;
            out.push(token);
            continue;
        }
        let Some(s) = token.to_str() else {
            out.push(token);
            continue;
        };
        if s == "--" {
            verbatim = true;
        } else if let Some(body) = s.strip_prefix("--") {
            let (name, has_value) = split_value(body);
            value_next = !has_value && spec.longs.get(name) == Some(&true);
        } else if let Some(body) = s.strip_prefix('-').filter(|b| !b.is_empty()) {
            let (name, has_value) = split_value(body);
            let is_short = name.chars().count() == 1 && spec.shorts.contains_key(&first(name));
            if let (false, Some(&takes)) = (is_short, spec.longs.get(name)) {
                value_next = takes && !has_value;
                out.push(OsString::from(format!("-{s}")));
                continue;
            }
            if looks_long(name) && !name.chars().all(|c| spec.shorts.contains_key(&c)) {
                // An unknown long flag (a typo): spelled as one, so the parser reports
                // `-datacentre`, not the short flag `-d` it would otherwise start with.
                out.push(OsString::from(format!("-{s}")));
                continue;
            }
            // A short flag (or a cluster of them): only a lone `-x` that takes a value
            // consumes the next token.
            value_next = body.chars().count() == 1 && spec.shorts.get(&first(body)) == Some(&true);
        } else if let Some(sub) = spec.subcommands.get(s) {
            spec = sub;
        } else if spec.external {
            verbatim = true;
        }
        out.push(token);
    }
    out
}

/// `name` is spelled like a long flag: two characters or more, starting with a letter.
fn looks_long(name: &str) -> bool {
    name.chars().count() > 1 && name.starts_with(|c: char| c.is_ascii_alphabetic())
}

fn split_value(body: &str) -> (&str, bool) {
    match body.split_once('=') {
        Some((name, _)) => (name, true),
        None => (body, false),
    }
}

fn first(s: &str) -> char {
    s.chars().next().unwrap_or('\0')
}
