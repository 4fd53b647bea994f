//! What shapes the DNS interface's answers: `domain`, `alt_domain`, `recursors` and
//! `dns_config`, with the reference's defaults.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::time::Duration;

/// The DNS interface's settings, validated (`config` resolves them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DnsSettings {
    /// Fully qualified, lower case (`consul.`).
    pub domain: String,
    /// A second zone answered as the first (fully qualified, lower case).
    pub alt_domain: Option<String>,
    /// Where names outside the zones are asked, in order.
    pub recursors: Vec<SocketAddr>,
    /// How long one recursor may take.
    pub recursor_timeout: Duration,
    /// Any server may answer (else the leader).
    pub allow_stale: bool,
    /// Answer from views kept current by blocking queries ([`super::views`]).
    pub use_cache: bool,
    /// A view older than this (since a server last answered it) is read through; zero: no
    /// limit.
    pub cache_max_age: Duration,
    /// A stale answer older than this is asked again of the leader.
    pub max_stale: Duration,
    /// Seconds: node, NS and addr records.
    pub node_ttl: u32,
    /// Seconds, by service name; a key ending in `*` is a prefix (`*` alone: every service).
    pub service_ttl: BTreeMap<String, u32>,
    /// Only instances whose every check passes (else: none critical).
    pub only_passing: bool,
    /// Answers per UDP reply without EDNS (at most 8).
    pub udp_answer_limit: usize,
    /// A/AAAA answers per reply, on UDP and TCP; 0 is no limit. SRV answers are not limited.
    pub a_record_limit: usize,
    /// Set the TC bit when a UDP answer was cut.
    pub enable_truncate: bool,
    /// A node's metadata as TXT records in the additional section of SRV answers.
    pub node_meta_txt: bool,
    pub soa: Soa,
}

/// The SOA record's timers, in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Soa {
    pub refresh: u32,
    pub retry: u32,
    pub expire: u32,
    /// Also the SOA record's own TTL.
    pub min_ttl: u32,
}

impl Default for Soa {
    fn default() -> Self {
        Soa { refresh: 3600, retry: 600, expire: 86400, min_ttl: 0 }
    }
}

impl Default for DnsSettings {
    fn default() -> Self {
        DnsSettings {
            domain: "consul.".into(),
            alt_domain: None,
            recursors: Vec::new(),
            recursor_timeout: Duration::from_secs(2),
            allow_stale: true,
            use_cache: true,
            cache_max_age: Duration::ZERO,
            max_stale: Duration::from_secs(87_600 * 3600),
            node_ttl: 0,
            service_ttl: BTreeMap::new(),
            only_passing: false,
            udp_answer_limit: 3,
            a_record_limit: 0,
            enable_truncate: false,
            node_meta_txt: true,
            soa: Soa::default(),
        }
    }
}

impl DnsSettings {
    /// The TTL of `service`'s records: its own key, else the longest matching prefix key,
    /// else 0.
    pub fn service_ttl(&self, service: &str) -> u32 {
        if let Some(ttl) = self.service_ttl.get(service) {
            return *ttl;
        }
        self.service_ttl
            .iter()
            .filter_map(|(key, ttl)| key.strip_suffix('*').filter(|p| service.starts_with(p)).map(|p| (p.len(), *ttl)))
            .max_by_key(|(len, _)| *len)
            .map_or(0, |(_, ttl)| ttl)
    }

    /// The zone `qname` (fully qualified, lower case) is in: the longer of the domain and the
    /// alternative one that it ends with.
    pub fn zone_of(&self, qname: &str) -> Option<&str> {
        let within = |zone: &str| qname == zone || qname.strip_suffix(zone).is_some_and(|rest| rest.ends_with('.'));
        let mut zones = [Some(self.domain.as_str()), self.alt_domain.as_deref()];
        zones.sort_by_key(|z| std::cmp::Reverse(z.map_or(0, str::len)));
        zones.into_iter().flatten().find(|z| within(z))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exact_service_ttl_beats_the_longest_prefix() {
        let service_ttl = [("*", 5), ("we*", 10), ("web*", 15), ("web", 20)].map(|(k, v)| (k.to_owned(), v)).into();
        let mut s = DnsSettings { service_ttl, ..DnsSettings::default() };
        assert_eq!(s.service_ttl("web"), 20);
        assert_eq!(s.service_ttl("webapp"), 15);
        assert_eq!(s.service_ttl("west"), 10);
        assert_eq!(s.service_ttl("db"), 5);
        s.service_ttl.clear();
        assert_eq!(s.service_ttl("db"), 0);
    }

    #[test]
    fn the_longer_zone_is_chosen() {
        let s = DnsSettings { alt_domain: Some("dc.consul.".into()), ..DnsSettings::default() };
        assert_eq!(s.zone_of("web.service.consul."), Some("consul."));
        assert_eq!(s.zone_of("web.service.dc.consul."), Some("dc.consul."));
        assert_eq!(s.zone_of("example.com."), None);
        assert_eq!(s.zone_of("notconsul."), None);
        assert_eq!(s.zone_of("consul."), Some("consul."));
    }
}
