//! Generated CAs and leaf certificates, inspected with an X.509 parser and a verifier.

use fedctl::tls::{Ca, CaOptions, CertKind, CertOptions, TlsError, generate_ca, verify_server_cert};
use x509_parser::prelude::*;

use crate::support::sans_of_pem;

fn new_ca(opts: &CaOptions) -> (fedctl::tls::GeneratedCa, Ca) {
    let generated = generate_ca(opts).unwrap();
    let ca = Ca::from_pem(generated.cert_pem.as_bytes(), generated.key_pem.as_bytes(), "ca.pem", "ca-key.pem").unwrap();
    (generated, ca)
}

fn parse(pem: &str) -> Vec<u8> {
    fedctl::tls::keys::first_cert_from_pem(pem.as_bytes()).unwrap().to_vec()
}

#[test]
fn ca_is_a_p256_ca_with_the_reference_defaults() {
    let (generated, _) = new_ca(&CaOptions::default());
    let der = parse(&generated.cert_pem);
    let (_, cert) = parse_x509_certificate(&der).unwrap();
    assert!(cert.basic_constraints().unwrap().unwrap().value.ca);
    let ku = cert.key_usage().unwrap().unwrap().value;
    assert!(ku.key_cert_sign() && ku.crl_sign() && ku.digital_signature());
    assert!(generated.common_name.starts_with("fedctl Agent CA "), "{}", generated.common_name);
    let cn = cert.subject().iter_common_name().next().unwrap().as_str().unwrap();
    assert_eq!(cn, generated.common_name);
    let days = (cert.validity().not_after.timestamp() - cert.validity().not_before.timestamp()) / 86_400;
    assert_eq!(days, 1825);
    assert_eq!(cert.public_key().algorithm.algorithm, x509_parser::oid_registry::OID_KEY_TYPE_EC_PUBLIC_KEY);
    assert!(generated.key_pem.starts_with("-----BEGIN PRIVATE KEY-----"));
    assert!(generated.permitted_dns_domains.is_empty());
}

#[test]
fn ca_name_constraint_limits_what_it_can_sign() {
    let opts = CaOptions {
        name_constraint: true,
        additional_name_constraints: vec!["example.com".into()],
        common_name: Some("Test CA".into()),
        ..CaOptions::default()
    };
    let (generated, ca) = new_ca(&opts);
    assert_eq!(generated.permitted_dns_domains, ["example.com", "consul", "localhost"]);
    assert_eq!(generated.common_name, "Test CA");
    let der = parse(&generated.cert_pem);
    let (_, cert) = parse_x509_certificate(&der).unwrap();
    let nc = cert.name_constraints().unwrap().expect("name constraints");
    assert!(nc.critical);

    // Inside the constraint: fine.
    let mut inside = CertOptions::new(CertKind::Server { node: Some("n1".into()) });
    inside.additional_dnsnames = vec!["n1.example.com".into()];
    ca.issue(&inside).unwrap();
    // Outside: the self-check refuses to hand out a certificate no peer would accept.
    let mut outside = CertOptions::new(CertKind::Server { node: Some("n1".into()) });
    outside.additional_dnsnames = vec!["n1.evil.test".into()];
    assert!(matches!(ca.issue(&outside), Err(TlsError::SelfCheck { .. })));
}

#[test]
fn issued_server_certificate_has_the_planned_subject_and_chains_to_the_ca() {
    let (generated, ca) = new_ca(&CaOptions::default());
    let opts = CertOptions::new(CertKind::Server { node: Some("n1".into()) });
    let issued = ca.issue(&opts).unwrap();
    assert_eq!(
        sans_of_pem(issued.cert_pem.as_bytes()),
        ["DNS:n1.server.dc1.consul", "DNS:server.dc1.consul", "DNS:localhost", "IP:127.0.0.1"]
    );
    let der = parse(&issued.cert_pem);
    let (_, cert) = parse_x509_certificate(&der).unwrap();
    assert_eq!(cert.subject().iter_common_name().next().unwrap().as_str().unwrap(), "server.dc1.consul");
    assert!(!cert.basic_constraints().unwrap().unwrap().value.ca);
    let eku = cert.extended_key_usage().unwrap().unwrap().value;
    assert!(eku.server_auth && eku.client_auth);
    let days = (cert.validity().not_after.timestamp() - cert.validity().not_before.timestamp()) / 86_400;
    assert_eq!(days, 365);
    assert!(issued.key_pem.starts_with("-----BEGIN PRIVATE KEY-----"));

    let ca_der = fedctl::tls::keys::first_cert_from_pem(generated.cert_pem.as_bytes()).unwrap();
    let leaf = fedctl::tls::keys::first_cert_from_pem(issued.cert_pem.as_bytes()).unwrap();
    verify_server_cert(&ca_der, &leaf, "n1.server.dc1.consul").unwrap();
    verify_server_cert(&ca_der, &leaf, "server.dc1.consul").unwrap();
    assert!(verify_server_cert(&ca_der, &leaf, "n2.server.dc1.consul").is_err());
    assert!(verify_server_cert(&ca_der, &leaf, "n1.server.dc2.consul").is_err());
}

#[test]
fn every_certificate_gets_a_fresh_key_and_serial() {
    let (_, ca) = new_ca(&CaOptions::default());
    let opts = CertOptions::new(CertKind::Client);
    let (a, b) = (ca.issue(&opts).unwrap(), ca.issue(&opts).unwrap());
    assert_ne!(a.key_pem, b.key_pem);
    let (da, db) = (parse(&a.cert_pem), parse(&b.cert_pem));
    let (_, ca_) = parse_x509_certificate(&da).unwrap();
    let (_, cb) = parse_x509_certificate(&db).unwrap();
    assert_ne!(ca_.serial, cb.serial);
}

#[test]
fn loading_a_ca_rejects_mismatched_keys_non_cas_and_garbage() {
    let (a, ca_a) = new_ca(&CaOptions::default());
    let (b, _) = new_ca(&CaOptions::default());
    let err = Ca::from_pem(a.cert_pem.as_bytes(), b.key_pem.as_bytes(), "a.pem", "b-key.pem").unwrap_err();
    assert_eq!(err.to_string(), "CA key b-key.pem does not match CA certificate a.pem");

    let leaf = ca_a.issue(&CertOptions::new(CertKind::Client)).unwrap();
    let err = Ca::from_pem(leaf.cert_pem.as_bytes(), leaf.key_pem.as_bytes(), "leaf.pem", "leaf-key.pem").unwrap_err();
    assert!(matches!(err, TlsError::BadCa { .. }), "{err:?}");

    let err = Ca::from_pem(b"not pem", a.key_pem.as_bytes(), "x.pem", "k.pem").unwrap_err();
    assert!(matches!(err, TlsError::Pem { what: "CA", .. }), "{err:?}");
    let err = Ca::from_pem(a.cert_pem.as_bytes(), a.cert_pem.as_bytes(), "x.pem", "k.pem").unwrap_err();
    assert!(matches!(err, TlsError::Pem { what: "CA key", .. }), "{err:?}");
}

#[test]
fn loading_a_ca_from_files_names_the_missing_file() {
    let dir = crate::support::temp_dir();
    let missing = dir.path().join("nope.pem");
    let err = Ca::load(&missing, &missing).unwrap_err();
    assert!(matches!(&err, TlsError::Read { what: "CA", .. }), "{err:?}");
    assert!(err.to_string().starts_with(&format!("reading CA {}: ", missing.display())), "{err}");
}

/// What a proxy is about to trust is checked first: real CA roots pass; a leaf, two
/// certificates in one root, text that is no PEM, or no root at all never reach Envoy.
#[test]
fn a_root_bundle_is_validated_before_a_proxy_trusts_it() {
    use fedctl::tls::{generate_connect_root, validate_root_bundle};
    let td = "11111111-2222-3333-4444-555555555555.consul";
    let (a, b) = (generate_connect_root(td).unwrap(), generate_connect_root(td).unwrap());
    validate_root_bundle([a.cert_pem.as_str(), b.cert_pem.as_str()]).expect("two real roots");
    let request = fedctl::tls::leaf::leaf_request(td, "dc1", "web").unwrap();
    let leaf = fedctl::tls::leaf::sign_leaf(
        &a.cert_pem,
        &a.key_pem,
        &request.csr_pem,
        td,
        "dc1",
        std::time::Duration::from_secs(3600),
    )
    .unwrap();
    let refused = |roots: &[&str]| validate_root_bundle(roots.iter().copied()).unwrap_err().to_string();
    assert_eq!(refused(&[&a.cert_pem, &leaf.cert_pem]), "invalid CA root bundle: root 2: not a CA certificate");
    let two = format!("{}{}", a.cert_pem, b.cert_pem);
    assert_eq!(refused(&[&two]), "invalid CA root bundle: root 1: 2 certificates in one root, expected 1");
    assert_eq!(
        refused(&["not a certificate"]),
        "invalid CA root bundle: root 1: 0 certificates in one root, expected 1"
    );
    assert_eq!(refused(&[]), "invalid CA root bundle: no roots");
    let truncated = &a.cert_pem[..a.cert_pem.len() / 2];
    assert!(refused(&[truncated]).starts_with("invalid CA root bundle: root 1: "), "{}", refused(&[truncated]));
}
