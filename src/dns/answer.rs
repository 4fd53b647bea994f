//! The records of an answer, from what the catalog holds (pure): a service's instances as A/AAAA
//! or SRV records (targets `<node>.node.<dc>.<domain>`, or `<hex>.addr.<dc>.<domain>` for a
//! service address, with their addresses and the node's metadata in the additional section),
//! a node's address and its metadata as TXT, an address's nodes and services as PTR, and the
//! zone's SOA and NS records.

use std::net::IpAddr;

use hickory_proto::rr::rdata::{A, AAAA, NS, PTR, SOA, SRV, TXT};
use hickory_proto::rr::{Name, RData, Record, RecordType};

use super::names::hex_of;
use super::settings::DnsSettings;
use crate::state::{CheckServiceNode, HealthStatus, Node};

/// The records of one answer.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Records {
    pub answers: Vec<Record>,
    pub additionals: Vec<Record>,
}

fn name(text: &str) -> Name {
    Name::from_ascii(text).unwrap_or_else(|_| Name::root())
}

/// The name of `node` in `dc` under `domain` (fully qualified).
fn node_target(node: &str, dc: &str, domain: &str) -> String {
    format!("{node}.node.{dc}.{domain}")
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

/// The records for `instances` of `service` asked as `qname` (`qtype` A, AAAA, ANY, TXT or
/// SRV; TXT gets A records, as the reference) in `dc`; duplicates dropped, A/AAAA answers cut
/// to `a_record_limit`.
pub fn service_records(
    settings: &DnsSettings,
    domain: &str,
    qname: &Name,
    qtype: RecordType,
    dc: &str,
    service: &str,
    instances: &[&CheckServiceNode],
) -> Records {
    let mut out = Records::default();
    let ttl = settings.service_ttl(service);
    let qtype = if qtype == RecordType::TXT { RecordType::A } else { qtype };
    for i in instances {
        let node_ip: Option<IpAddr> = i.node.address.parse().ok();
        let service_ip: Option<IpAddr> = i.service.address.parse().ok();
        let ip = service_ip.or(node_ip);
        if qtype == RecordType::SRV {
            // The service's own address names an `addr` target; else the node is the target.
            let (target, ip, node_target) = match service_ip.filter(|s| Some(*s) != node_ip) {
                Some(s) => (name(&format!("{}.addr.{dc}.{domain}", hex_of(s))), Some(s), false),
                None => (name(&node_target(&i.node.node, dc, domain)), node_ip, true),
            };
            let warning = i.checks.iter().any(|c| c.status == HealthStatus::Warning);
            let weight = if warning { i.service.weights.warning } else { i.service.weights.passing };
            let srv = SRV::new(1, weight.clamp(0, u16::MAX as u32) as u16, i.service.port, target.clone());
            let record = Record::from_rdata(qname.clone(), ttl, RData::SRV(srv));
            if !out.answers.contains(&record) {
                out.answers.push(record);
                out.additionals.extend(ip.and_then(|ip| address_record(&target, ttl, ip, RecordType::SRV)));
                if node_target && settings.node_meta_txt {
                    out.additionals.extend(meta_records(&target, ttl, &i.node));
                }
            }
        } else if settings.a_record_limit > 0 && out.answers.len() >= settings.a_record_limit {
            break;
        } else if let Some(record) = ip.and_then(|ip| address_record(qname, ttl, ip, qtype))
            && !out.answers.contains(&record)
        {
            out.answers.push(record);
        }
    }
    out
}

/// A node's metadata as TXT records named `owner`, one per key.
fn meta_records(owner: &Name, ttl: u32, node: &Node) -> Vec<Record> {
    node.meta
        .iter()
        .map(|(key, value)| Record::from_rdata(owner.clone(), ttl, RData::TXT(TXT::new(vec![meta_txt(key, value)]))))
        .collect()
}

/// A node's records for `qtype`: its address (A/AAAA/ANY), its metadata as TXT (TXT/ANY).
pub fn node_records(settings: &DnsSettings, qname: &Name, qtype: RecordType, node: &Node) -> Records {
    let mut out = Records::default();
    if let Some(record) = node.address.parse().ok().and_then(|ip| address_record(qname, settings.node_ttl, ip, qtype)) {
        out.answers.push(record);
    }
    if matches!(qtype, RecordType::TXT | RecordType::ANY) {
        out.answers.extend(meta_records(qname, settings.node_ttl, node));
    } else if settings.node_meta_txt {
        out.additionals.extend(meta_records(qname, settings.node_ttl, node));
    }
    out
}

/// `key=value` with RFC 1464 escaping, as the reference: in the key a backquote is doubled,
/// `=` and leading or trailing spaces are backquoted; in the value backquotes are doubled. A
/// `rfc1035-` key gives the bare value.
pub fn meta_txt(key: &str, value: &str) -> String {
    if key.get(..8).is_some_and(|prefix| prefix.eq_ignore_ascii_case("rfc1035-")) {
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

/// The zone's SOA (owner the domain, `ns.<domain>`, `hostmaster.<domain>`, serial now, TTL
/// the minimum TTL).
pub fn soa(settings: &DnsSettings, zone: &str) -> Record {
    let domain = name(zone);
    let serial = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as u32);
    let t = settings.soa;
    let rdata = SOA::new(
        name(&format!("ns.{zone}")),
        name(&format!("hostmaster.{zone}")),
        serial,
        t.refresh as i32,
        t.retry as i32,
        t.expire as i32,
        t.min_ttl,
    );
    Record::from_rdata(domain, t.min_ttl, RData::SOA(rdata))
}

/// The zone's NS records: up to three of `servers` (the `consul` service's instances, shuffled
/// by the caller) as `<node>.node.<dc>.<domain>`, skipping nodes whose names are no hostnames,
/// with their addresses as glue.
pub fn ns_records(settings: &DnsSettings, domain: &str, dc: &str, servers: &[&CheckServiceNode]) -> Records {
    let mut out = Records::default();
    let hostname = |n: &str| !n.is_empty() && n.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    for server in servers.iter().filter(|s| hostname(&s.node.node)).take(3) {
        let target = name(&node_target(&server.node.node, dc, domain));
        let ns = NS(target.clone());
        out.answers.push(Record::from_rdata(name(domain), settings.node_ttl, RData::NS(ns)));
        let ip = server.node.address.parse().ok();
        out.additionals.extend(ip.and_then(|ip| address_record(&target, settings.node_ttl, ip, RecordType::ANY)));
    }
    out
}

/// The answer to a reverse name: a PTR for each node at the address
/// (`<node>.node.<dc>.<domain>`), else for each service registered with it
/// (`<svc>.service.<dc>.<domain>`). TTL 0, as the reference.
pub fn ptr_records(
    settings: &DnsSettings,
    qname: &Name,
    dc: &str,
    ip: IpAddr,
    nodes: &[Node],
    services: &[(String, String)],
) -> Records {
    let at = |address: &str| address.parse::<IpAddr>().is_ok_and(|a| a == ip);
    let mut targets: Vec<String> =
        nodes.iter().filter(|n| at(&n.address)).map(|n| node_target(&n.node, dc, &settings.domain)).collect();
    if targets.is_empty() {
        targets = services
            .iter()
            .filter(|(_, address)| at(address))
            .map(|(service, _)| format!("{service}.service.{dc}.{}", settings.domain))
            .collect();
    }
    targets.sort();
    targets.dedup();
    let answers = targets.iter().map(|t| Record::from_rdata(qname.clone(), 0, RData::PTR(PTR(name(t))))).collect();
    Records { answers, additionals: Vec::new() }
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
        // A key whose eighth byte is inside a character.
        assert_eq!(meta_txt("abcdefgé", "v"), "abcdefgé=v");
    }
}
