//! The generated certificates in real mutual-TLS handshakes over loopback TCP.

use fedctl::tls::{Ca, CaOptions, CertKind, CertOptions, TlsMaterial, generate_ca};

use crate::support::tls::{ALPN, ping, serve_once};

struct Pki {
    ca_pem: String,
    ca: Ca,
}

fn pki() -> Pki {
    let generated = generate_ca(&CaOptions::default()).unwrap();
    let ca = Ca::from_pem(generated.cert_pem.as_bytes(), generated.key_pem.as_bytes(), "ca", "key").unwrap();
    Pki { ca_pem: generated.cert_pem, ca }
}

fn material(pki: &Pki, kind: CertKind) -> TlsMaterial {
    let issued = pki.ca.issue(&CertOptions::new(kind)).unwrap();
    TlsMaterial::from_pem(
        (pki.ca_pem.as_bytes(), "ca"),
        (issued.cert_pem.as_bytes(), "cert"),
        (issued.key_pem.as_bytes(), "key"),
    )
    .unwrap()
}

#[test]
fn server_and_client_certificates_complete_mutual_tls_with_node_sni() {
    let pki = pki();
    let server = material(&pki, CertKind::Server { node: Some("n1".into()) });
    let client = material(&pki, CertKind::Client);
    let (addr, handle) = serve_once(&server);
    assert_eq!(ping(&client, addr, "n1.server.dc1.consul").unwrap(), b"pong");
    let seen = handle.join().unwrap().unwrap();
    assert_eq!(seen.sni.as_deref(), Some("n1.server.dc1.consul"));
    assert_eq!(seen.alpn.as_deref(), Some(ALPN));
    assert_eq!(seen.client_certs, 1);
    assert_eq!(seen.request, b"ping");
}

#[test]
fn a_server_certificate_works_as_a_client_certificate_between_servers() {
    let pki = pki();
    let a = material(&pki, CertKind::Server { node: Some("a".into()) });
    let b = material(&pki, CertKind::Server { node: Some("b".into()) });
    let (addr, handle) = serve_once(&b);
    assert_eq!(ping(&a, addr, "b.server.dc1.consul").unwrap(), b"pong");
    assert_eq!(handle.join().unwrap().unwrap().client_certs, 1);
}

#[test]
fn the_cli_certificate_authenticates_as_a_client() {
    let pki = pki();
    let server = material(&pki, CertKind::Server { node: Some("n1".into()) });
    let cli = material(&pki, CertKind::Cli);
    let (addr, handle) = serve_once(&server);
    assert_eq!(ping(&cli, addr, "server.dc1.consul").unwrap(), b"pong");
    assert_eq!(handle.join().unwrap().unwrap().client_certs, 1);
}

#[test]
fn a_client_dialling_another_node_name_rejects_the_server() {
    let pki = pki();
    let server = material(&pki, CertKind::Server { node: Some("n1".into()) });
    let client = material(&pki, CertKind::Client);
    let (addr, handle) = serve_once(&server);
    let err = ping(&client, addr, "n2.server.dc1.consul").unwrap_err();
    assert!(err.contains("certificate not valid for name"), "{err}");
    assert!(handle.join().unwrap().is_err());
}

#[test]
fn a_client_certificate_from_another_ca_is_refused() {
    let (ours, theirs) = (pki(), pki());
    let server = material(&ours, CertKind::Server { node: Some("n1".into()) });
    // Trusts our CA (so the server verifies), but presents a certificate from another CA.
    let stranger = theirs.ca.issue(&CertOptions::new(CertKind::Client)).unwrap();
    let client = TlsMaterial::from_pem(
        (ours.ca_pem.as_bytes(), "ca"),
        (stranger.cert_pem.as_bytes(), "cert"),
        (stranger.key_pem.as_bytes(), "key"),
    )
    .unwrap();
    let (addr, handle) = serve_once(&server);
    // With TLS 1.3 the refusal arrives on the client's first read.
    assert!(ping(&client, addr, "n1.server.dc1.consul").is_err());
    let server_err = handle.join().unwrap().unwrap_err();
    assert!(server_err.contains("UnknownIssuer") || server_err.contains("unknown issuer"), "{server_err}");
}
