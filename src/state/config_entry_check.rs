//! What makes a config entry acceptable, and its stored form: the reference's `Normalize` and
//! `Validate` (`agent/structs/config_entry.go`, `config_entry_discoverychain.go`), with its
//! messages. Pure: the HTTP API checks an entry before forwarding it to the primary (a bad
//! entry is refused where it was written), and the state machine checks it again when it is
//! applied, so an invalid entry never lands whoever proposes it.

use super::config_entry::{ConfigEntry, PROXY_DEFAULTS_NAME, ServiceResolver};
use super::types::MeshGatewayConfig;

/// The longest subset name: it becomes a DNS label of SNI names.
const SUBSET_MAX_LEN: usize = 63;

impl ConfigEntry {
    /// Puts the entry in its stored form: a service-defaults protocol lower-cased, a
    /// proxy-defaults entry without a name named `global`, a zero resolver connect timeout
    /// left out (as the reference's JSON omits it). Idempotent.
    ///
    /// The reference renames every proxy-defaults entry to `global`; here only an empty name
    /// is filled in, so `name = "x"` is refused by [`ConfigEntry::validate`] rather than
    /// silently written as `global`.
    pub fn normalize(&mut self) {
        match self {
            ConfigEntry::ProxyDefaults(e) => {
                if e.name.is_empty() {
                    e.name = PROXY_DEFAULTS_NAME.to_owned();
                }
            }
            ConfigEntry::ServiceDefaults(e) => e.protocol = e.protocol.to_lowercase(),
            ConfigEntry::ServiceResolver(e) => {
                if e.connect_timeout.is_some_and(|t| t.0.is_zero()) {
                    e.connect_timeout = None;
                }
            }
            ConfigEntry::ServiceIntentions(e) => e.normalize(),
        }
    }

    /// Why the entry cannot be stored, in the reference's words; the first problem found.
    pub fn validate(&self) -> Result<(), String> {
        match self {
            ConfigEntry::ProxyDefaults(e) => {
                if e.name != PROXY_DEFAULTS_NAME {
                    return Err(format!("invalid name ({:?}), only {PROXY_DEFAULTS_NAME:?} is supported", e.name));
                }
                validate_mesh_gateway(&e.mesh_gateway)
            }
            ConfigEntry::ServiceDefaults(e) => {
                // The reference accepts a nameless service-defaults entry; it could never
                // apply to a service, so it is refused here.
                if e.name.is_empty() {
                    return Err("Name is required".to_owned());
                }
                validate_mesh_gateway(&e.mesh_gateway)
            }
            ConfigEntry::ServiceResolver(e) => validate_resolver(e),
            ConfigEntry::ServiceIntentions(e) => e.validate(),
        }
    }
}

/// `""` (the default), `none`, `local` or `remote`.
pub fn validate_mesh_gateway(config: &MeshGatewayConfig) -> Result<(), String> {
    match config.mode.as_str() {
        "" | "none" | "local" | "remote" => Ok(()),
        other => Err(format!("Invalid Mesh Gateway Mode: {other:?}")),
    }
}

/// The reference's resolver checks, in its order (subsets and failover targets in name order).
fn validate_resolver(e: &ServiceResolver) -> Result<(), String> {
    if e.name.is_empty() {
        return Err("Name is required".to_owned());
    }
    for name in e.subsets.keys() {
        if name.is_empty() {
            return Err("Subset defined with empty name".to_owned());
        }
        validate_subset_name(name).map_err(|why| format!("Subset {name:?} is invalid: {why}"))?;
    }
    let is_subset = |s: &str| e.subsets.contains_key(s);
    if !e.default_subset.is_empty() && !is_subset(&e.default_subset) {
        return Err(format!("DefaultSubset {:?} is not a valid subset", e.default_subset));
    }
    if let Some(r) = &e.redirect {
        if !e.failover.is_empty() {
            return Err("Redirect and Failover cannot both be set".to_owned());
        }
        if r.service.is_empty() && r.service_subset.is_empty() && r.namespace.is_empty() && r.datacenter.is_empty() {
            return Err("Redirect is empty".to_owned());
        }
        if r.service.is_empty() {
            if !r.service_subset.is_empty() {
                return Err("Redirect.ServiceSubset defined without Redirect.Service".to_owned());
            }
            if !r.namespace.is_empty() {
                return Err("Redirect.Namespace defined without Redirect.Service".to_owned());
            }
        } else if r.service == e.name && !r.service_subset.is_empty() && !is_subset(&r.service_subset) {
            return Err(format!(
                "Redirect.ServiceSubset {:?} is not a valid subset of {:?}",
                r.service_subset, r.service
            ));
        }
    }
    for (subset, f) in &e.failover {
        if subset != "*" && !is_subset(subset) {
            return Err(format!("Bad Failover[{subset:?}]: not a valid subset"));
        }
        if f.service.is_empty() && f.service_subset.is_empty() && f.namespace.is_empty() && f.datacenters.is_empty() {
            return Err(format!(
                "Bad Failover[{subset:?}] one of Service, ServiceSubset, Namespace, or Datacenters is required"
            ));
        }
        if !f.service_subset.is_empty()
            && (f.service.is_empty() || f.service == e.name)
            && !is_subset(&f.service_subset)
        {
            return Err(format!(
                "Bad Failover[{subset:?}].ServiceSubset {:?} is not a valid subset of {:?}",
                f.service_subset, f.service
            ));
        }
        if f.datacenters.iter().any(String::is_empty) {
            return Err(format!("Bad Failover[{subset:?}].Datacenters: found empty datacenter"));
        }
    }
    Ok(())
}

/// A subset name is a DNS label (it is part of SNI names): `[a-z0-9]([a-z0-9-]*[a-z0-9])?`,
/// at most 63 characters.
fn validate_subset_name(name: &str) -> Result<(), &'static str> {
    if name.is_empty() || name.len() > SUBSET_MAX_LEN {
        return Err("must be non-empty and 63 characters or fewer");
    }
    let edge = |c: u8| c.is_ascii_lowercase() || c.is_ascii_digit();
    let inner = |c: &u8| edge(*c) || *c == b'-';
    let bytes = name.as_bytes();
    let edges_ok = bytes.first().copied().is_some_and(edge) && bytes.last().copied().is_some_and(edge);
    if !edges_ok || !bytes.iter().all(inner) {
        return Err(
            "must be 63 characters or fewer, begin or end with lower case alphanumeric characters, and contain lower case alphanumeric characters or '-' in between",
        );
    }
    Ok(())
}

impl ConfigEntry {
    /// The settings of this entry that fedctl checks and would store but does not apply yet:
    /// an entry using them would not be obeyed as it says, so writes refuse it.
    pub fn unapplied(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        match self {
            ConfigEntry::ProxyDefaults(_) => {}
            ConfigEntry::ServiceIntentions(e) => {
                if e.sources.iter().any(|s| !s.permissions.is_empty()) {
                    out.push("Sources[].Permissions (L7 intentions)");
                }
            }
            ConfigEntry::ServiceDefaults(e) => {
                if !e.external_sni.is_empty() {
                    out.push("ExternalSNI");
                }
            }
            ConfigEntry::ServiceResolver(e) => {
                if !e.subsets.is_empty() {
                    out.push("Subsets");
                }
                if !e.default_subset.is_empty() {
                    out.push("DefaultSubset");
                }
                if e.redirect.as_ref().is_some_and(|r| !r.service_subset.is_empty()) {
                    out.push("Redirect.ServiceSubset");
                }
                if e.failover.keys().any(|k| k != "*") {
                    out.push("Failover per subset");
                }
                if e.failover.values().any(|f| !f.service_subset.is_empty()) {
                    out.push("Failover.ServiceSubset");
                }
            }
        }
        out
    }
}
