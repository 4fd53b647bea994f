//! The federation's Connect CA root: a self-signed ECDSA P-256 certificate whose SPIFFE URI
//! names the trust domain. Created once, by the primary's first leader.

use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair, KeyUsagePurpose, PKCS_ECDSA_P256_SHA256};
use rcgen::{SanType, SerialNumber};

use super::{TlsError, random_serial, require_name, validity};

/// Ten years, as the reference's built-in CA provider.
const ROOT_DAYS: u32 = 3650;

/// A new Connect root, as PEM plus what the roots endpoint shows.
#[derive(Debug, Clone)]
pub struct ConnectRoot {
    pub cert_pem: String,
    pub key_pem: String,
    /// The low 64 bits of the serial, as the reference shows it.
    pub serial_number: u64,
    /// SHA-256 of the key, colon-separated hex: the root's ID.
    pub id: String,
    pub not_before: time::OffsetDateTime,
    pub not_after: time::OffsetDateTime,
}

/// Creates the root for `trust_domain` (`<cluster-uuid>.consul`) with a new P-256 key.
pub fn generate_connect_root(trust_domain: &str) -> Result<ConnectRoot, TlsError> {
    connect_root_for_key(trust_domain, KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256)?)
}

/// A new root for `trust_domain` with the key `key_pem` (any key rcgen signs with: ECDSA
/// P-256 or P-384, RSA).
pub fn connect_root_with_key(trust_domain: &str, key_pem: &str) -> Result<ConnectRoot, TlsError> {
    connect_root_for_key(trust_domain, KeyPair::from_pem(key_pem)?)
}

/// A root from a certificate and its key given as they are (PEM): the key must be the
/// certificate's and the certificate a CA.
pub fn connect_root_from_pem(cert_pem: &str, key_pem: &str) -> Result<ConnectRoot, TlsError> {
    use rustls::pki_types::{CertificateDer, pem::PemObject};
    let bad = |why: String| TlsError::BadRootBundle(format!("RootCert: {why}"));
    let key = KeyPair::from_pem(key_pem)?;
    let der = CertificateDer::from_pem_slice(cert_pem.as_bytes()).map_err(|e| bad(e.to_string()))?;
    let (_, cert) = x509_parser::parse_x509_certificate(&der).map_err(|e| bad(e.to_string()))?;
    if !cert.is_ca() {
        return Err(bad("not a CA certificate".to_owned()));
    }
    if cert.public_key().subject_public_key.data.as_ref() != key.public_key_raw() {
        return Err(bad("PrivateKey is not the key of RootCert".to_owned()));
    }
    let serial = cert.raw_serial();
    let mut low = [0u8; 8];
    let tail = &serial[serial.len().saturating_sub(8)..];
    low[8 - tail.len()..].copy_from_slice(tail);
    let time = |t: x509_parser::time::ASN1Time| t.to_datetime();
    Ok(ConnectRoot {
        cert_pem: cert_pem.to_owned(),
        key_pem: key_pem.to_owned(),
        serial_number: u64::from_be_bytes(low),
        id: key_id(&key),
        not_before: time(cert.validity().not_before),
        not_after: time(cert.validity().not_after),
    })
}

/// SHA-256 of the public key, colon-separated hex: a root's ID.
fn key_id(key: &KeyPair) -> String {
    let digest = ring::digest::digest(&ring::digest::SHA256, key.public_key_raw());
    digest.as_ref().iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(":")
}

fn connect_root_for_key(trust_domain: &str, key: KeyPair) -> Result<ConnectRoot, TlsError> {
    let (not_before, not_after) = validity(ROOT_DAYS)?;
    let serial = random_serial()?;
    let mut params = CertificateParams::default();
    params.distinguished_name = rcgen::DistinguishedName::new();
    params.distinguished_name.push(DnType::CommonName, format!("fedctl CA {}", u64::from_be_bytes(tail(&serial))));
    params.serial_number = Some(SerialNumber::from_slice(&serial));
    params.not_before = not_before;
    params.not_after = not_after;
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign, KeyUsagePurpose::DigitalSignature];
    require_name("trust domain", trust_domain, false)?;
    let uri = format!("spiffe://{trust_domain}").try_into()?;
    params.subject_alt_names = vec![SanType::URI(uri)];
    let cert = params.self_signed(&key)?;
    let id = key_id(&key);
    Ok(ConnectRoot {
        cert_pem: cert.pem(),
        key_pem: key.serialize_pem(),
        serial_number: u64::from_be_bytes(tail(&serial)),
        id,
        not_before,
        not_after,
    })
}

fn tail(serial: &[u8; 16]) -> [u8; 8] {
    let mut out = [0u8; 8];
    out.copy_from_slice(&serial[8..]);
    out
}

/// Checks the roots a proxy is about to trust: each one PEM block holding exactly one CA
/// certificate that parses, and at least one root in all. A bundle that fails here never
/// reaches Envoy (which would refuse the whole configuration, or trust nothing).
pub fn validate_root_bundle<'a>(roots: impl IntoIterator<Item = &'a str>) -> Result<(), TlsError> {
    use rustls::pki_types::{CertificateDer, pem::PemObject};
    let bad = |i: usize, why: String| TlsError::BadRootBundle(format!("root {}: {why}", i + 1));
    let mut count = 0;
    for (i, pem) in roots.into_iter().enumerate() {
        let certs: Vec<CertificateDer<'_>> = CertificateDer::pem_slice_iter(pem.as_bytes())
            .collect::<Result<_, _>>()
            .map_err(|e| bad(i, format!("not PEM: {e}")))?;
        let [der] = certs.as_slice() else {
            return Err(bad(i, format!("{} certificates in one root, expected 1", certs.len())));
        };
        let (_, cert) = x509_parser::parse_x509_certificate(der).map_err(|e| bad(i, format!("does not parse: {e}")))?;
        if !cert.is_ca() {
            return Err(bad(i, "not a CA certificate".to_owned()));
        }
        webpki::anchor_from_trusted_cert(der).map_err(|e| bad(i, format!("not usable as a trust anchor: {e}")))?;
        count += 1;
    }
    if count == 0 {
        return Err(TlsError::BadRootBundle("no roots".to_owned()));
    }
    Ok(())
}
