//! Certificate subjects and SANs, decided before any key is generated.

use fedctl::tls::names::NameProblem;
use fedctl::tls::{CertKind, CertOptions, ExtendedKeyUsage, SanEntry, TlsError};

fn server(node: Option<&str>) -> CertOptions {
    CertOptions::new(CertKind::Server { node: node.map(str::to_owned) })
}

fn sans(opts: &CertOptions) -> Vec<String> {
    opts.plan()
        .unwrap()
        .sans
        .iter()
        .map(|s| match s {
            SanEntry::Dns(d) => format!("DNS:{d}"),
            SanEntry::Ip(ip) => format!("IP:{ip}"),
        })
        .collect()
}

#[test]
fn server_sans_in_order_with_node() {
    assert_eq!(
        sans(&server(Some("n1"))),
        ["DNS:n1.server.dc1.consul", "DNS:server.dc1.consul", "DNS:localhost", "IP:127.0.0.1"]
    );
    let plan = server(Some("n1")).plan().unwrap();
    assert_eq!(plan.common_name, "server.dc1.consul");
    assert_eq!(plan.extended_key_usages, [ExtendedKeyUsage::ServerAuth, ExtendedKeyUsage::ClientAuth]);
    assert_eq!(plan.days, 365);
}

#[test]
fn server_sans_without_node() {
    assert_eq!(sans(&server(None)), ["DNS:server.dc1.consul", "DNS:localhost", "IP:127.0.0.1"]);
}

#[test]
fn dc_and_domain_are_used_everywhere() {
    let mut opts = server(Some("sec"));
    opts.dc = "secondary".into();
    opts.domain = "example.internal".into();
    assert_eq!(
        sans(&opts),
        [
            "DNS:sec.server.secondary.example.internal",
            "DNS:server.secondary.example.internal",
            "DNS:localhost",
            "IP:127.0.0.1"
        ]
    );
}

#[test]
fn additional_names_come_last_trimmed_deduplicated_and_without_empties() {
    let mut opts = server(Some("n1"));
    opts.additional_dnsnames =
        vec![" n1.example.com ".into(), "".into(), "*.gw.example.com".into(), "LOCALHOST".into()];
    opts.additional_ipaddresses = vec!["10.0.0.1".into(), " ".into(), "::1".into(), "127.0.0.1".into()];
    assert_eq!(
        sans(&opts),
        [
            "DNS:n1.server.dc1.consul",
            "DNS:server.dc1.consul",
            "DNS:localhost",
            "IP:127.0.0.1",
            "DNS:n1.example.com",
            "DNS:*.gw.example.com",
            "IP:10.0.0.1",
            "IP:::1"
        ]
    );
}

#[test]
fn client_certificates() {
    let mut opts = CertOptions::new(CertKind::Client);
    opts.dc = "dc2".into();
    opts.additional_dnsnames = vec!["c.example.com".into()];
    assert_eq!(sans(&opts), ["DNS:client.dc2.consul", "DNS:localhost", "IP:127.0.0.1", "DNS:c.example.com"]);
    let plan = opts.plan().unwrap();
    assert_eq!(plan.common_name, "client.dc2.consul");
    assert_eq!(plan.extended_key_usages, [ExtendedKeyUsage::ClientAuth, ExtendedKeyUsage::ServerAuth]);
}

#[test]
fn cli_certificates_drop_extra_dns_names_and_loopback_ip_but_report_it() {
    let mut opts = CertOptions::new(CertKind::Cli);
    opts.additional_dnsnames = vec!["x.example.com".into()];
    opts.additional_ipaddresses = vec!["10.1.2.3".into()];
    let plan = opts.plan().unwrap();
    assert_eq!(sans(&opts), ["DNS:cli.dc1.consul", "DNS:localhost", "IP:10.1.2.3"]);
    assert_eq!(plan.ignored_dnsnames, ["x.example.com"]);
    assert!(plan.extended_key_usages.is_empty());
}

fn plan_err(opts: &CertOptions) -> TlsError {
    opts.plan().expect_err("the plan should be rejected")
}

#[test]
fn node_names_must_be_dns_labels() {
    let cases: [(&str, NameProblem); 5] = [
        ("n_1", NameProblem::BadChar('_')),
        ("n1.dc1", NameProblem::BadChar('.')),
        ("-n1", NameProblem::HyphenAtEdge),
        ("", NameProblem::Empty),
        (&"a".repeat(64), NameProblem::TooLong { len: 64, max: 63 }),
    ];
    for (node, expected) in cases {
        match plan_err(&server(Some(node))) {
            TlsError::InvalidName { what: "node name", value, problem } => {
                assert_eq!(value, node);
                assert_eq!(problem, expected, "node {node:?}");
            }
            other => panic!("node {node:?}: unexpected {other:?}"),
        }
    }
    // 63 characters is fine.
    server(Some(&"a".repeat(63))).plan().unwrap();
}

#[test]
fn datacenter_domain_names_ips_and_days_are_validated() {
    let mut opts = server(None);
    opts.dc = "dc.1".into();
    assert!(matches!(plan_err(&opts), TlsError::InvalidName { what: "datacenter", .. }));

    let mut opts = server(None);
    opts.domain = "consul..".into();
    assert!(matches!(plan_err(&opts), TlsError::InvalidName { what: "domain", problem: NameProblem::EmptyLabel, .. }));

    let mut opts = server(None);
    opts.additional_dnsnames = vec!["bad name".into()];
    assert!(matches!(plan_err(&opts), TlsError::InvalidName { what: "additional DNS name", .. }));

    let mut opts = server(None);
    opts.additional_ipaddresses = vec!["10.0.0.300".into()];
    assert!(matches!(plan_err(&opts), TlsError::InvalidIp { value } if value == "10.0.0.300"));

    let mut opts = server(None);
    opts.days = 0;
    assert!(matches!(plan_err(&opts), TlsError::InvalidDays { days: 0 }));
}

#[test]
fn error_messages_name_the_input() {
    let msg = plan_err(&server(Some("n_1"))).to_string();
    assert_eq!(msg, "invalid node name \"n_1\": it contains '_'; only letters, digits and '-' are allowed");
}
