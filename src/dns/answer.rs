//! The records of an answer, from what the catalog holds (pure): a service's instances as A/AAAA
//! or SRV records (targets `<node>.node.<dc>.<domain>`, or `<hex>.addr.<dc>.<domain>` for a
//! service address, with their addresses in the additional section), a node's address and
//! its metadata as TXT, and the zone's SOA.

use std::net::IpAddr;

use hickory_proto::rr::rdata::{A, AAAA, SOA, SRV, TXT};
use hickory_proto::rr::{Name, RData, Record, RecordType};

use super::names::hex_of;
use crate::state::{CheckServiceNode, HealthStatus, Node};

/// What shapes answers: the reference's `dns_config` defaults unless set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DnsSettings {
    /// Fully qualified, lower case (`consul.`).
    pub domain: String,
    pub node_ttl: u32,
    pub service_ttl: u32,
    /// Only instances whose every check passes (else: none critical).
    pub only_passing: bool,
    /// Answers per UDP reply without EDNS (at most 8).
    pub udp_answer_limit: usize,
    /// Set the TC bit when a UDP answer was cut.
    pub enable_truncate: bool,
}

impl Default for DnsSettings {
    fn default() -> Self {
        DnsSettings {
            domain: "consul.".into(),
            node_ttl: 0,
            service_ttl: 0,
            only_passing: false,
            udp_answer_limit: 3,
            enable_truncate: false,
        }
    }
}

/// The records of one answer.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Records {
    pub answers: Vec<Record>,
    pub additionals: Vec<Record>,
}

fn name(text: &str) -> Name {
    Name::from_ascii(text).unwrap_or_else(|_| Name::root())
}

/// An A or AAAA record for `ip`, when `qtype` asks for it (ANY asks for both).
fn address_record(owner: &Name, ttl: u32, ip: IpAddr, qtype: RecordType) -> Option<Record> {
    let rdata = match ip {
        IpAddr::V4(v4) if matches!(qtype, RecordType::A | RecordType::ANY | RecordType::SRV) => RData::A(A(v4)),
        IpAddr::V6(v6) if matches!(qtype, RecordType::AAAA | RecordType::ANY | RecordType::SRV) => {
            RData::AAAA(AAAA(v6))
        }
        _ => return None,
    };
    Some(Record::from_rdata(owner.clone(), ttl, rdata))
}

/// Whether an instance is answered: none of its checks critical (or in maintenance), and with
/// `only_passing` every one passing.
pub fn answered(instance: &CheckServiceNode, only_passing: bool) -> bool {
    if only_passing { instance.checks.iter().all(|c| c.status == HealthStatus::Passing) } else { instance.is_healthy() }
}

/// The records for `instances` of a service asked as `qname` (`qtype` A, AAAA, ANY or SRV) in
/// `dc`; duplicates dropped.
pub fn service_records(
    settings: &DnsSettings,
    qname: &Name,
    qtype: RecordType,
    dc: &str,
    instances: &[CheckServiceNode],
) -> Records {
    let mut out = Records::default();
    let ttl = settings.service_ttl;
    for i in instances {
        let node_ip: Option<IpAddr> = i.node.address.parse().ok();
        let service_ip: Option<IpAddr> = i.service.address.parse().ok();
        let ip = service_ip.or(node_ip);
        if qtype == RecordType::SRV {
            // The service's own address names an `addr` target; else the node is the target.
            let (target, ip) = match service_ip.filter(|s| Some(*s) != node_ip) {
                Some(s) => (name(&format!("{}.addr.{dc}.{}", hex_of(s), settings.domain)), Some(s)),
                None => (name(&format!("{}.node.{dc}.{}", i.node.node, settings.domain)), node_ip),
            };
            let warning = i.checks.iter().any(|c| c.status == HealthStatus::Warning);
            let weight = if warning { i.service.weights.warning } else { i.service.weights.passing };
            let srv = SRV::new(1, weight.clamp(0, u16::MAX as u32) as u16, i.service.port, target.clone());
            let record = Record::from_rdata(qname.clone(), ttl, RData::SRV(srv));
            if !out.answers.contains(&record) {
                out.answers.push(record);
                if let Some(extra) = ip.and_then(|ip| address_record(&target, ttl, ip, RecordType::SRV)) {
                    out.additionals.push(extra);
                }
            }
        } else if let Some(record) = ip.and_then(|ip| address_record(qname, ttl, ip, qtype))
            && !out.answers.contains(&record)
        {
            out.answers.push(record);
        }
    }
    out
}

/// A node's records for `qtype`: its address (A/AAAA/ANY), its metadata as TXT (TXT/ANY).
pub fn node_records(settings: &DnsSettings, qname: &Name, qtype: RecordType, node: &Node) -> Records {
    let mut out = Records::default();
    if let Some(record) = node.address.parse().ok().and_then(|ip| address_record(qname, settings.node_ttl, ip, qtype)) {
        out.answers.push(record);
    }
    if matches!(qtype, RecordType::TXT | RecordType::ANY) {
        for (key, value) in &node.meta {
            let txt = TXT::new(vec![meta_txt(key, value)]);
            out.answers.push(Record::from_rdata(qname.clone(), settings.node_ttl, RData::TXT(txt)));
        }
    }
    out
}

/// `key=value` with RFC 1464 escaping, as the reference: in the key a backquote is doubled,
/// `=` and leading or trailing spaces are backquoted; in the value backquotes are doubled. A
/// `rfc1035-` key gives the bare value.
pub fn meta_txt(key: &str, value: &str) -> String {
    if key.len() >= 8 && key[..8].eq_ignore_ascii_case("rfc1035-") {
        return value.to_owned();
    }
    let mut k = key.replace('`', "``").replace('=', "`=");
    let lead = k.len() - k.trim_start_matches(' ').len();
    let trail = k.len() - k.trim_end_matches(' ').len();
    if lead > 0 || trail > 0 {
        let core = k.trim_matches(' ').to_owned();
        k = format!("{}{core}{}", "` ".repeat(lead), "` ".repeat(trail));
    }
    format!("{k}={}", value.replace('`', "``"))
}

/// The answer to `<hex>.addr`: the address it spells, whatever the question's type (as the
/// reference), or nothing for another length.
pub fn addr_records(settings: &DnsSettings, qname: &Name, ip: Option<IpAddr>) -> Records {
    let mut out = Records::default();
    let rdata = ip.map(|ip| match ip {
        IpAddr::V4(v4) => RData::A(A(v4)),
        IpAddr::V6(v6) => RData::AAAA(AAAA(v6)),
    });
    out.answers.extend(rdata.map(|r| Record::from_rdata(qname.clone(), settings.node_ttl, r)));
    out
}

/// The zone's SOA (owner the domain, `ns.<domain>`, `hostmaster.<domain>`, serial now).
pub fn soa(settings: &DnsSettings) -> Record {
    let domain = name(&settings.domain);
    let serial = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as u32);
    let rdata = SOA::new(
        name(&format!("ns.{}", settings.domain)),
        name(&format!("hostmaster.{}", settings.domain)),
        serial,
        3600,
        600,
        86400,
        0,
    );
    Record::from_rdata(domain, 0, RData::SOA(rdata))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_meta_is_escaped_as_rfc_1464() {
        assert_eq!(meta_txt("rack", "a1"), "rack=a1");
        assert_eq!(meta_txt("a=b", "c`d"), "a`=b=c``d");
        assert_eq!(meta_txt(" k ", "v"), "` k` =v");
        assert_eq!(meta_txt("RFC1035-raw", "just this"), "just this");
    }
}
