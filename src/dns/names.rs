//! The names the DNS interface answers, parsed as the reference does: the labels left of the
//! domain are scanned from the right for the first kind (`service`, `connect`, `node`,
//! `addr`; an SRV question's `_label` ends the scan as a service), what is left of it names
//! the thing and what is right of it the datacenter (at most one label).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// What a name asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// `[tag.]svc.service`, RFC 2782's `_svc._tag[.service]` (`_tcp`: no tag), or `svc.connect`
    /// (its sidecars and native instances).
    Service { service: String, tag: Option<String>, connect: bool },
    /// `<node>.node` (dots allowed in the node's name).
    Node { node: String },
    /// `<hex>.addr`: 8 hex digits an IPv4 address, 32 an IPv6 one, another length none.
    Addr(Option<IpAddr>),
}

/// A parsed name: the lookup, in `datacenter` (`None`: the agent's own).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub lookup: Lookup,
    pub datacenter: Option<String>,
}

/// Why a name is not answered from the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameError {
    /// Not under the domain: for the recursors, if any.
    OutsideDomain,
    /// Under the domain, but no name the reference answers (NXDOMAIN).
    Invalid,
}

/// `domain` lower-cased and fully qualified (`consul.`).
pub fn fqdn(domain: &str) -> String {
    let d = domain.trim_end_matches('.').to_ascii_lowercase();
    format!("{d}.")
}

/// Parses `qname` under `domain` (fully qualified, lower case: [`fqdn`]); `srv` for an SRV
/// question, where `_svc._tag` needs no `.service`.
pub fn parse(qname: &str, domain: &str, srv: bool) -> Result<Name, NameError> {
    let name = fqdn(qname);
    let rest = if name == domain {
        ""
    } else {
        name.strip_suffix(domain).and_then(|r| r.strip_suffix('.')).ok_or(NameError::OutsideDomain)?
    };
    let labels: Vec<&str> = if rest.is_empty() { Vec::new() } else { rest.split('.').collect() };
    if labels.iter().any(|l| l.is_empty()) {
        return Err(NameError::Invalid);
    }
    let mut found = None;
    for (i, label) in labels.iter().enumerate().rev() {
        if matches!(*label, "service" | "connect" | "node" | "addr" | "query" | "ingress") {
            found = Some((i, *label, i));
            break;
        }
        if srv && label.starts_with('_') {
            // The `_label` is part of the service's name: the parts run up to it.
            found = Some((i, "service", i + 1));
            break;
        }
    }
    let (at, kind, parts_end) = found.ok_or(NameError::Invalid)?;
    let parts = &labels[..parts_end];
    let datacenter = match &labels[at + 1..] {
        [] => None,
        [dc] => Some((*dc).to_owned()),
        _ => return Err(NameError::Invalid),
    };
    let lookup = match kind {
        "service" => service(parts)?,
        "connect" => match parts {
            [svc] => Lookup::Service { service: (*svc).to_owned(), tag: None, connect: true },
            _ => return Err(NameError::Invalid),
        },
        "node" if !parts.is_empty() => Lookup::Node { node: parts.join(".") },
        "addr" => match parts {
            [hex] => Lookup::Addr(address(hex)?),
            _ => return Err(NameError::Invalid),
        },
        // Prepared queries and ingress gateways: not served (yet).
        _ => return Err(NameError::Invalid),
    };
    Ok(Name { lookup, datacenter })
}

fn service(parts: &[&str]) -> Result<Lookup, NameError> {
    let of = |service: &str, tag: Option<String>| Lookup::Service { service: service.to_owned(), tag, connect: false };
    match parts {
        [] => Err(NameError::Invalid),
        [svc, tag] if svc.starts_with('_') && tag.starts_with('_') => {
            let tag = &tag[1..];
            Ok(of(&svc[1..], (tag != "tcp").then(|| tag.to_owned())))
        }
        [svc] => Ok(of(svc, None)),
        [tag @ .., svc] => Ok(of(svc, Some(tag.join(".")))),
    }
}

fn address(hex: &str) -> Result<Option<IpAddr>, NameError> {
    if !hex.len().is_multiple_of(2) || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(NameError::Invalid);
    }
    let bytes: Vec<u8> =
        (0..hex.len()).step_by(2).filter_map(|i| u8::from_str_radix(&hex[i..i + 2], 16).ok()).collect();
    Ok(match bytes.len() {
        4 => Some(IpAddr::V4(Ipv4Addr::new(bytes[0], bytes[1], bytes[2], bytes[3]))),
        16 => {
            let mut octets = [0u8; 16];
            octets.copy_from_slice(&bytes);
            Some(IpAddr::V6(Ipv6Addr::from(octets)))
        }
        _ => None,
    })
}

/// The address a reverse name spells (`4.3.2.1.in-addr.arpa.`, or 32 nibbles under
/// `ip6.arpa.`), if it is one.
pub fn reverse(qname: &str) -> Option<IpAddr> {
    let name = fqdn(qname);
    if let Some(rest) = name.strip_suffix(".in-addr.arpa.") {
        let octets: Vec<u8> = rest.split('.').rev().map(str::parse).collect::<Result<_, _>>().ok()?;
        let octets: [u8; 4] = octets.try_into().ok()?;
        return Some(IpAddr::V4(Ipv4Addr::from(octets)));
    }
    let rest = name.strip_suffix(".ip6.arpa.")?;
    let nibbles: Vec<u8> = rest
        .split('.')
        .rev()
        .map(|n| if n.len() == 1 { u8::from_str_radix(n, 16).ok() } else { None })
        .collect::<Option<_>>()?;
    if nibbles.len() != 32 {
        return None;
    }
    let mut octets = [0u8; 16];
    for (i, pair) in nibbles.chunks(2).enumerate() {
        octets[i] = pair[0] << 4 | pair[1];
    }
    Some(IpAddr::V6(Ipv6Addr::from(octets)))
}

/// `ip` as the hex label of `<hex>.addr` names.
pub fn hex_of(ip: IpAddr) -> String {
    let bytes = match ip {
        IpAddr::V4(v4) => v4.octets().to_vec(),
        IpAddr::V6(v6) => v6.octets().to_vec(),
    };
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const D: &str = "consul.";

    fn svc(service: &str, tag: Option<&str>, connect: bool, dc: Option<&str>) -> Result<Name, NameError> {
        Ok(Name {
            lookup: Lookup::Service { service: service.into(), tag: tag.map(Into::into), connect },
            datacenter: dc.map(Into::into),
        })
    }

    #[test]
    fn the_reference_forms() {
        assert_eq!(parse("web.service.consul", D, false), svc("web", None, false, None));
        assert_eq!(parse("WEB.Service.dc2.consul.", D, false), svc("web", None, false, Some("dc2")));
        assert_eq!(parse("v1.web.service.consul", D, false), svc("web", Some("v1"), false, None));
        assert_eq!(parse("a.b.web.service.consul", D, false), svc("web", Some("a.b"), false, None), "a dotted tag");
        assert_eq!(parse("_web._v1.service.dc1.consul", D, true), svc("web", Some("v1"), false, Some("dc1")));
        assert_eq!(parse("_web._tcp.service.consul", D, true), svc("web", None, false, None), "_tcp: no tag");
        assert_eq!(parse("_web._tcp.consul", D, true), svc("web", None, false, None), "SRV needs no .service");
        assert_eq!(parse("web.connect.consul", D, false), svc("web", None, true, None));
        let node = |n: &str, dc: Option<&str>| {
            Ok(Name { lookup: Lookup::Node { node: n.into() }, datacenter: dc.map(Into::into) })
        };
        assert_eq!(parse("n1.node.consul", D, false), node("n1", None));
        assert_eq!(parse("n1.example.node.dc2.consul", D, false), node("n1.example", Some("dc2")));
        let addr = |a: Option<&str>| Ok(Name { lookup: Lookup::Addr(a.map(|a| a.parse().unwrap())), datacenter: None });
        assert_eq!(parse("7f000001.addr.consul", D, false), addr(Some("127.0.0.1")));
        assert_eq!(parse("20010db8000000000000000000000001.addr.consul", D, false), addr(Some("2001:db8::1")));
        assert_eq!(parse("7f00.addr.consul", D, false), addr(None), "another length: no address");
    }

    #[test]
    fn what_is_not_a_name() {
        assert_eq!(parse("web.service.dc1.extra.consul", D, false), Err(NameError::Invalid), "two datacenter labels");
        assert_eq!(parse("web.consul", D, false), Err(NameError::Invalid), "no kind");
        assert_eq!(parse("consul", D, false), Err(NameError::Invalid));
        assert_eq!(parse("service.consul", D, false), Err(NameError::Invalid), "no service");
        assert_eq!(parse("v1.web.connect.consul", D, false), Err(NameError::Invalid), "connect has no tag");
        assert_eq!(parse("zz000001.addr.consul", D, false), Err(NameError::Invalid), "not hex");
        assert_eq!(
            parse("_web._tcp.consul", D, false),
            Err(NameError::Invalid),
            "only SRV takes _svc without .service"
        );
        assert_eq!(parse("q.query.consul", D, false), Err(NameError::Invalid), "prepared queries are not served");
        assert_eq!(parse("example.com", D, false), Err(NameError::OutsideDomain));
        assert_eq!(parse("notconsul", D, false), Err(NameError::OutsideDomain));
    }

    #[test]
    fn reverse_names_spell_addresses() {
        assert_eq!(reverse("5.0.0.10.in-addr.arpa."), Some("10.0.0.5".parse().unwrap()));
        assert_eq!(reverse("5.0.0.10.IN-ADDR.ARPA"), Some("10.0.0.5".parse().unwrap()));
        let v6 = "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.";
        assert_eq!(reverse(v6), Some("2001:db8::1".parse().unwrap()));
        assert_eq!(reverse("0.0.10.in-addr.arpa."), None, "three octets");
        assert_eq!(reverse("256.0.0.10.in-addr.arpa."), None);
        assert_eq!(reverse("1.0.ip6.arpa."), None);
        assert_eq!(reverse("web.service.consul."), None);
    }

    #[test]
    fn addresses_round_trip_through_their_hex_labels() {
        for ip in ["10.1.2.3", "2001:db8::1"] {
            let ip: IpAddr = ip.parse().unwrap();
            let name = format!("{}.addr.consul", hex_of(ip));
            assert_eq!(parse(&name, D, false).unwrap().lookup, Lookup::Addr(Some(ip)));
        }
    }
}
