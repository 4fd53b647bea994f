//! CA certificates below the root: a secondary datacenter's intermediate (its leader makes
//! the key and CSR; the primary signs it with the root, as the reference's `SignIntermediate`)
//! and the cross-signature a retiring root gives its successor during a rotation.

use std::time::Duration;

use rcgen::{
    BasicConstraints, CertificateParams, CertificateSigningRequestParams, DnType, IsCa, Issuer, KeyPair,
    KeyUsagePurpose, PKCS_ECDSA_P256_SHA256, SanType, SerialNumber,
};

use super::random_serial;

/// The reference's default `IntermediateCertTTL`.
pub const INTERMEDIATE_TTL: Duration = Duration::from_secs(8760 * 3600);
/// How long a cross-signed root is valid (the reference's 7 days): long enough for every
/// proxy to learn the new root.
pub const CROSS_SIGN_TTL: Duration = Duration::from_secs(7 * 24 * 3600);

/// Why an intermediate could not be made or signed (the reference's messages where it has one).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IntermediateError {
    #[error("not the primary datacenter")]
    NotPrimary,
    #[error("invalid CSR: {0}")]
    BadCsr(String),
    #[error("incoming CSR domain {got:?} is not valid for our domain {ours:?}")]
    OtherDomain { got: String, ours: String },
    #[error("{0}")]
    Crypto(String),
}

fn crypto(e: rcgen::Error) -> IntermediateError {
    IntermediateError::Crypto(e.to_string())
}

/// A secondary's new intermediate key and the CSR for it.
#[derive(Debug, Clone)]
pub struct IntermediateRequest {
    pub key_pem: String,
    pub csr_pem: String,
}

/// A key and CSR for datacenter `dc`'s intermediate in `trust_domain`.
pub fn intermediate_request(trust_domain: &str, dc: &str) -> Result<IntermediateRequest, IntermediateError> {
    let key = KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256).map_err(crypto)?;
    let mut params = CertificateParams::default();
    params.distinguished_name = rcgen::DistinguishedName::new();
    params.distinguished_name.push(DnType::CommonName, format!("fedctl {dc} intermediate CA"));
    params.subject_alt_names = vec![SanType::URI(format!("spiffe://{trust_domain}").try_into().map_err(crypto)?)];
    let csr = params.serialize_request(&key).map_err(crypto)?;
    Ok(IntermediateRequest { key_pem: key.serialize_pem(), csr_pem: csr.pem().map_err(crypto)? })
}

/// A signed CA certificate and what is shown of it.
#[derive(Debug, Clone)]
pub struct SignedCa {
    pub cert_pem: String,
    pub not_before: time::OffsetDateTime,
    pub not_after: time::OffsetDateTime,
}

/// The primary signs a secondary's intermediate CSR with its root: a CA that may sign leaves
/// only (path length 0), for the CSR's one URI, which must be this trust domain's.
pub fn sign_intermediate(
    root_cert_pem: &str,
    root_key_pem: &str,
    csr_pem: &str,
    trust_domain: &str,
    ttl: Duration,
) -> Result<SignedCa, IntermediateError> {
    let csr =
        CertificateSigningRequestParams::from_pem(csr_pem).map_err(|e| IntermediateError::BadCsr(e.to_string()))?;
    let uris = super::leaf::uri_sans(&csr.params);
    let [uri] = uris.as_slice() else {
        return Err(IntermediateError::BadCsr(format!("exactly one URI is required, the CSR has {}", uris.len())));
    };
    let domain = uri.strip_prefix("spiffe://").unwrap_or(uri).trim_end_matches('/');
    if !domain.eq_ignore_ascii_case(trust_domain) {
        return Err(IntermediateError::OtherDomain { got: domain.to_owned(), ours: trust_domain.to_owned() });
    }
    // Only what was checked goes into the CA certificate: the trust domain's URI, and a name.
    let mut params = CertificateParams::default();
    params.distinguished_name = rcgen::DistinguishedName::new();
    params.distinguished_name.push(DnType::CommonName, format!("fedctl intermediate CA {domain}"));
    params.subject_alt_names = vec![SanType::URI((*uri).to_owned().try_into().map_err(crypto)?)];
    ca_params(&mut params, BasicConstraints::Constrained(0), ttl)?;
    let issuer =
        Issuer::from_ca_cert_pem(root_cert_pem, KeyPair::from_pem(root_key_pem).map_err(crypto)?).map_err(crypto)?;
    let (not_before, not_after) = (params.not_before, params.not_after);
    let cert =
        CertificateSigningRequestParams { params, public_key: csr.public_key }.signed_by(&issuer).map_err(crypto)?;
    Ok(SignedCa { cert_pem: cert.pem(), not_before, not_after })
}

/// The retiring root's signature over its successor (`new_root_pem`, whose key is
/// `new_key_pem`): the new root's subject and key, issued by the old root, for
/// [`CROSS_SIGN_TTL`]. A proxy that trusts only the old root verifies new leaves through it.
pub fn cross_sign(
    old_root_pem: &str,
    old_key_pem: &str,
    new_root_pem: &str,
    new_key_pem: &str,
) -> Result<SignedCa, IntermediateError> {
    let (distinguished_name, subject_alt_names) = subject_of(new_root_pem)?;
    let mut params = CertificateParams::default();
    params.distinguished_name = distinguished_name;
    params.subject_alt_names = subject_alt_names;
    ca_params(&mut params, BasicConstraints::Unconstrained, CROSS_SIGN_TTL)?;
    let issuer =
        Issuer::from_ca_cert_pem(old_root_pem, KeyPair::from_pem(old_key_pem).map_err(crypto)?).map_err(crypto)?;
    let new_key = KeyPair::from_pem(new_key_pem).map_err(crypto)?;
    let (not_before, not_after) = (params.not_before, params.not_after);
    let cert = params.signed_by(&new_key, &issuer).map_err(crypto)?;
    Ok(SignedCa { cert_pem: cert.pem(), not_before, not_after })
}

/// The subject and URI names of a certificate (PEM), to issue another one for the same subject.
fn subject_of(pem: &str) -> Result<(rcgen::DistinguishedName, Vec<SanType>), IntermediateError> {
    use rustls::pki_types::{CertificateDer, pem::PemObject};
    let bad = |e: String| IntermediateError::Crypto(format!("reading the new root: {e}"));
    let der = CertificateDer::from_pem_slice(pem.as_bytes()).map_err(|e| bad(e.to_string()))?;
    let (_, cert) = x509_parser::parse_x509_certificate(&der).map_err(|e| bad(e.to_string()))?;
    let mut name = rcgen::DistinguishedName::new();
    for attr in cert.subject().iter_attributes() {
        let oid: Vec<u64> = attr.attr_type().iter().map(Iterator::collect).unwrap_or_default();
        let value = attr.as_str().map_err(|e| bad(e.to_string()))?;
        name.push(DnType::from_oid(&oid), value);
    }
    let mut sans = Vec::new();
    if let Ok(Some(ext)) = cert.subject_alternative_name() {
        for general in &ext.value.general_names {
            if let x509_parser::extensions::GeneralName::URI(uri) = general {
                sans.push(SanType::URI((*uri).to_owned().try_into().map_err(crypto)?));
            }
        }
    }
    Ok((name, sans))
}

/// A CA certificate's template: `constraints`, cert and CRL signing, valid from a minute ago
/// for `ttl`, a fresh serial, the issuer's key ID.
fn ca_params(
    params: &mut CertificateParams,
    constraints: BasicConstraints,
    ttl: Duration,
) -> Result<(), IntermediateError> {
    let serial = random_serial().map_err(|e| IntermediateError::Crypto(e.to_string()))?;
    let now = time::OffsetDateTime::now_utc();
    let now = now.replace_nanosecond(0).unwrap_or(now);
    params.serial_number = Some(SerialNumber::from_slice(&serial));
    params.not_before = now - time::Duration::minutes(1);
    params.not_after = params.not_before + ttl;
    params.is_ca = IsCa::Ca(constraints);
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign, KeyUsagePurpose::DigitalSignature];
    params.extended_key_usages = Vec::new();
    params.use_authority_key_identifier_extension = true;
    Ok(())
}
