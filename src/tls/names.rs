//! The DNS names fedctl puts in certificates and TLS SNI, and their validation.
//!
//! Names follow the reference system exactly: a server's SNI is
//! `<node>.server.<dc>.<domain>`, the datacenter-wide server name is `server.<dc>.<domain>`.
//! Node and datacenter names are single DNS labels because they are joined into these names
//! (and, later, into WAN member names `<node>.<dc>`).

use std::fmt;

/// Why a name was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameProblem {
    Empty,
    TooLong { len: usize, max: usize },
    BadChar(char),
    HyphenAtEdge,
    EmptyLabel,
}

impl fmt::Display for NameProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NameProblem::Empty => write!(f, "it is empty"),
            NameProblem::TooLong { len, max } => {
                write!(f, "it is {len} characters long, at most {max} are allowed")
            }
            NameProblem::BadChar(c) => write!(f, "it contains {c:?}; only letters, digits and '-' are allowed"),
            NameProblem::HyphenAtEdge => write!(f, "it starts or ends with '-'"),
            NameProblem::EmptyLabel => {
                write!(f, "it has an empty label (leading, trailing or double '.')")
            }
        }
    }
}

/// Checks that `s` is a single DNS label (RFC 1123): 1-63 letters, digits or hyphens, not
/// starting or ending with a hyphen.
pub fn check_dns_label(s: &str) -> Result<(), NameProblem> {
    if s.is_empty() {
        return Err(NameProblem::Empty);
    }
    if s.len() > 63 {
        return Err(NameProblem::TooLong { len: s.len(), max: 63 });
    }
    if let Some(c) = s.chars().find(|c| !(c.is_ascii_alphanumeric() || *c == '-')) {
        return Err(NameProblem::BadChar(c));
    }
    if s.starts_with('-') || s.ends_with('-') {
        return Err(NameProblem::HyphenAtEdge);
    }
    Ok(())
}

/// Checks that `s` is a DNS name made of labels separated by dots (at most 253 characters).
/// With `allow_wildcard`, the first label may be `*` (as in `*.server.dc1.consul`).
pub fn check_dns_name(s: &str, allow_wildcard: bool) -> Result<(), NameProblem> {
    if s.is_empty() {
        return Err(NameProblem::Empty);
    }
    if s.len() > 253 {
        return Err(NameProblem::TooLong { len: s.len(), max: 253 });
    }
    for (i, label) in s.split('.').enumerate() {
        if label.is_empty() {
            return Err(NameProblem::EmptyLabel);
        }
        if i == 0 && allow_wildcard && label == "*" {
            continue;
        }
        check_dns_label(label)?;
    }
    Ok(())
}

/// `server.<dc>.<domain>`: the name every server of a datacenter presents.
pub fn server_name(dc: &str, domain: &str) -> String {
    format!("server.{dc}.{domain}")
}

/// `<node>.server.<dc>.<domain>`: the SNI that routes to one named server through gateways.
pub fn node_server_name(node: &str, dc: &str, domain: &str) -> String {
    format!("{node}.server.{dc}.{domain}")
}

/// `<dc>.internal.<trust-domain>`: the SNI suffix of every service in `dc` (a gateway routes
/// `*.<dc>.internal.<trust-domain>` to that datacenter's gateways).
pub fn datacenter_sni(dc: &str, trust_domain: &str) -> String {
    format!("{dc}.internal.{trust_domain}")
}

/// `<service>.default.<dc>.internal.<trust-domain>`: the SNI (and cluster name) a service's
/// instances in `dc` are reached by.
pub fn service_sni(service: &str, dc: &str, trust_domain: &str) -> String {
    format!("{service}.default.{}", datacenter_sni(dc, trust_domain))
}

/// `_gateway.server.<dc>.<domain>`: an SNI that a mesh gateway of `dc` answers itself, with
/// [`gateway_probe_answer`] and no TLS, instead of passing it on. Other datacenters' gateways
/// route it to `dc`'s gateways like any `*.server.<dc>` name, so a probe can tell "the
/// gateway answers" from "the servers behind it answer". The leading `_` keeps it from ever
/// being a node's name.
pub fn gateway_probe_name(dc: &str, domain: &str) -> String {
    format!("_gateway.server.{dc}.{domain}")
}

/// The first word of what a gateway answers on [`gateway_probe_name`].
pub const GATEWAY_PROBE_ANSWER: &str = "fedctl-mesh-gateway";

/// What the gateway `service_id` of `dc` answers on [`gateway_probe_name`]:
/// `fedctl-mesh-gateway <dc> <service-id>` and a newline.
pub fn gateway_probe_answer(dc: &str, service_id: &str) -> String {
    format!("{GATEWAY_PROBE_ANSWER} {dc} {service_id}\n")
}

/// `client.<dc>.<domain>`: the name client agents present.
pub fn client_name(dc: &str, domain: &str) -> String {
    format!("client.{dc}.{domain}")
}

/// `cli.<dc>.<domain>`: the name CLI certificates carry.
pub fn cli_name(dc: &str, domain: &str) -> String {
    format!("cli.{dc}.{domain}")
}
