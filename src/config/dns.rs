//! The DNS interface's keys: `dns_config { ... }`, `recursors` and `alt_domain`, with the
//! reference's defaults and checks, resolved into [`DnsSettings`].

use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

use serde::Deserialize;

use super::file::FileConfig;
use super::{ConfigError, Origin};
use crate::dns::DnsSettings;
use crate::dns::names::fqdn;
use crate::dns::settings::Soa;
use crate::duration::GoDuration;
use crate::tls::names::check_dns_name;

/// `dns_config { ... }` in one file; absent keys are `None`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct FileDnsConfig {
    pub allow_stale: Option<bool>,
    pub max_stale: Option<GoDuration>,
    pub use_cache: Option<bool>,
    pub cache_max_age: Option<GoDuration>,
    pub node_ttl: Option<GoDuration>,
    /// By service name; a key ending in `*` is a prefix.
    pub service_ttl: Option<BTreeMap<String, GoDuration>>,
    pub only_passing: Option<bool>,
    pub udp_answer_limit: Option<i64>,
    pub a_record_limit: Option<i64>,
    pub enable_truncate: Option<bool>,
    pub recursor_timeout: Option<GoDuration>,
    pub enable_additional_node_meta_txt: Option<bool>,
    pub soa: Option<FileSoa>,
}

/// `dns_config { soa { ... } }`, in seconds.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(default)]
pub struct FileSoa {
    pub refresh: Option<u32>,
    pub retry: Option<u32>,
    pub expire: Option<u32>,
    pub min_ttl: Option<u32>,
}

/// The labels an `alt_domain` may not start with, besides the datacenter's name.
const KINDS: [&str; 5] = ["service", "connect", "node", "query", "addr"];

/// Each key: the last file that sets it wins. `domain` is the resolved one; `datacenter`
/// the agent's (an `alt_domain` must not start with it).
pub(super) fn resolve_dns(
    layers: &[(PathBuf, FileConfig)],
    domain: &str,
    datacenter: &str,
) -> Result<DnsSettings, ConfigError> {
    let defaults = DnsSettings::default();
    let invalid = |path: &PathBuf, key: &'static str, value: String, expected: &str| ConfigError::Invalid {
        origin: Origin::File(path.clone()),
        key,
        value,
        expected: expected.into(),
    };
    let seconds =
        |key: &'static str, get: fn(&FileDnsConfig) -> Option<GoDuration>, default: u32| match last(layers, get) {
            None => Ok(default),
            Some((path, d)) => {
                ttl_seconds(d).ok_or_else(|| invalid(path, key, d.to_string(), "must be under 136 years"))
            }
        };
    let count = |key: &'static str, get: fn(&FileDnsConfig) -> Option<i64>, default: usize| match last(layers, get) {
        None => Ok(default),
        Some((path, n)) => usize::try_from(n).map_err(|_| invalid(path, key, n.to_string(), "must be 0 or more")),
    };
    let flag = |get: fn(&FileDnsConfig) -> Option<bool>, default: bool| last(layers, get).map_or(default, |(_, v)| v);

    let mut service_ttl = BTreeMap::new();
    if let Some((path, map)) = last(layers, |d| d.service_ttl.clone()) {
        for (service, ttl) in map {
            let secs = ttl_seconds(ttl).ok_or_else(|| {
                invalid(path, "dns_config.service_ttl", format!("{service} = {ttl}"), "must be under 136 years")
            })?;
            service_ttl.insert(service, secs);
        }
    }
    let recursor_timeout = match last(layers, |d| d.recursor_timeout) {
        None => defaults.recursor_timeout,
        Some((path, d)) if d.0.is_zero() => {
            return Err(invalid(path, "dns_config.recursor_timeout", d.to_string(), "must be greater than 0"));
        }
        Some((_, d)) => d.0,
    };
    let soa = |get: fn(&FileSoa) -> Option<u32>, default: u32| {
        last(layers, |d| d.soa.as_ref().and_then(get)).map_or(default, |(_, v)| v)
    };

    Ok(DnsSettings {
        domain: fqdn(domain),
        alt_domain: resolve_alt_domain(layers, datacenter)?,
        recursors: resolve_recursors(layers)?,
        recursor_timeout,
        allow_stale: flag(|d| d.allow_stale, defaults.allow_stale),
        max_stale: last(layers, |d| d.max_stale).map_or(defaults.max_stale, |(_, d)| d.0),
        use_cache: flag(|d| d.use_cache, defaults.use_cache),
        cache_max_age: last(layers, |d| d.cache_max_age).map_or(defaults.cache_max_age, |(_, d)| d.0),
        node_ttl: seconds("dns_config.node_ttl", |d| d.node_ttl, defaults.node_ttl)?,
        service_ttl,
        only_passing: flag(|d| d.only_passing, defaults.only_passing),
        udp_answer_limit: count("dns_config.udp_answer_limit", |d| d.udp_answer_limit, defaults.udp_answer_limit)?,
        a_record_limit: count("dns_config.a_record_limit", |d| d.a_record_limit, defaults.a_record_limit)?,
        enable_truncate: flag(|d| d.enable_truncate, defaults.enable_truncate),
        node_meta_txt: flag(|d| d.enable_additional_node_meta_txt, defaults.node_meta_txt),
        soa: Soa {
            refresh: soa(|s| s.refresh, defaults.soa.refresh),
            retry: soa(|s| s.retry, defaults.soa.retry),
            expire: soa(|s| s.expire, defaults.soa.expire),
            min_ttl: soa(|s| s.min_ttl, defaults.soa.min_ttl),
        },
    })
}

/// The value of the last file whose `dns_config` sets it, and that file.
fn last<T>(layers: &[(PathBuf, FileConfig)], get: impl Fn(&FileDnsConfig) -> Option<T>) -> Option<(&PathBuf, T)> {
    layers.iter().rev().find_map(|(path, f)| get(&f.dns_config).map(|v| (path, v)))
}

fn ttl_seconds(d: GoDuration) -> Option<u32> {
    u32::try_from(d.0.as_secs()).ok()
}

/// `alt_domain`: a DNS name that does not start with a kind label or the datacenter.
fn resolve_alt_domain(layers: &[(PathBuf, FileConfig)], datacenter: &str) -> Result<Option<String>, ConfigError> {
    let Some((path, value)) = layers.iter().rev().find_map(|(p, f)| f.alt_domain.clone().map(|v| (p, v))) else {
        return Ok(None);
    };
    if value.is_empty() {
        return Ok(None);
    }
    let invalid = |expected: String| ConfigError::Invalid {
        origin: Origin::File(path.clone()),
        key: "alt_domain",
        value: value.clone(),
        expected,
    };
    check_dns_name(value.trim_end_matches('.'), false).map_err(|p| invalid(format!("must be a DNS name: {p}")))?;
    let first = value.split('.').next().unwrap_or("").to_ascii_lowercase();
    if KINDS.contains(&first.as_str()) || first == datacenter.to_ascii_lowercase() {
        return Err(invalid(format!("alt_domain cannot start with {{{},{datacenter}}}", KINDS.join(","))));
    }
    Ok(Some(fqdn(&value)))
}

/// `recursors`: IP addresses, each with an optional port (53 by default); duplicates dropped.
fn resolve_recursors(layers: &[(PathBuf, FileConfig)]) -> Result<Vec<SocketAddr>, ConfigError> {
    let Some((path, list)) = layers.iter().rev().find(|(_, f)| !f.recursors.is_empty()).map(|(p, f)| (p, &f.recursors))
    else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for text in list {
        let invalid = |expected: String| ConfigError::Invalid {
            origin: Origin::File(path.clone()),
            key: "recursors",
            value: text.clone(),
            expected,
        };
        if text.starts_with("unix://") {
            return Err(invalid(format!("DNS Recursors cannot be unix sockets: {text}")));
        }
        let addr = match (text.parse::<SocketAddr>(), text.parse::<IpAddr>()) {
            (Ok(addr), _) => addr,
            (_, Ok(ip)) => SocketAddr::new(ip, 53),
            _ => {
                let bad_port = text.rsplit_once(':').is_some_and(|(ip, _)| {
                    ip.parse::<IpAddr>().is_ok() || ip.trim_matches(['[', ']']).parse::<IpAddr>().is_ok()
                });
                let expected = match bad_port {
                    true => "the port must be a number 1-65535",
                    false => "must be an IP address, with a port or without (53)",
                };
                return Err(invalid(expected.into()));
            }
        };
        if !out.contains(&addr) {
            out.push(addr);
        }
    }
    Ok(out)
}
