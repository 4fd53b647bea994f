//! Connect leaf certificates for services: the agent's key and CSR, and a server's signature
//! over it with the datacenter's CA, as the reference's built-in provider makes them (ECDSA
//! P-256, the service's SPIFFE ID as the only URI, client and server auth, 72 h by default).

use std::time::Duration;

use rcgen::{
    CertificateParams, CertificateSigningRequestParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose, PKCS_ECDSA_P256_SHA256, SanType, SerialNumber,
};

use super::random_serial;

/// The reference's default `LeafCertTTL`.
pub const LEAF_TTL: Duration = Duration::from_secs(72 * 3600);

/// `spiffe://<trust-domain>/ns/<ns>/dc/<dc>/svc/<service>`.
pub fn service_spiffe_id(trust_domain: &str, dc: &str, service: &str) -> String {
    format!("spiffe://{trust_domain}/ns/default/dc/{dc}/svc/{service}")
}

/// A service's identity, read from its SPIFFE URI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceIdentity {
    pub trust_domain: String,
    pub namespace: String,
    pub datacenter: String,
    pub service: String,
}

/// Why a URI is not a service's identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotService {
    /// Not one of the mesh's SPIFFE URIs at all.
    NotConnect,
    /// One of them, but an agent's or the CA's own (they never authorise as a client).
    OtherKind,
}

/// Reads `spiffe://<td>/ns/<ns>/dc/<dc>/svc/<service>`; agent (`/agent/client/dc/<dc>/id/<id>`)
/// and signing (`spiffe://<td>` alone) URIs are the mesh's but not services'.
pub fn service_identity(uri: &str) -> Result<ServiceIdentity, NotService> {
    let rest = uri.strip_prefix("spiffe://").ok_or(NotService::NotConnect)?;
    let (trust_domain, path) = rest.split_once('/').unwrap_or((rest, ""));
    if trust_domain.is_empty() {
        return Err(NotService::NotConnect);
    }
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        ["ns", ns, "dc", dc, "svc", service] if ![ns, dc, service].iter().any(|p| p.is_empty()) => {
            Ok(ServiceIdentity {
                trust_domain: trust_domain.to_owned(),
                namespace: (*ns).to_owned(),
                datacenter: (*dc).to_owned(),
                service: (*service).to_owned(),
            })
        }
        [""] | ["agent", "client", "dc", _, "id", _] => Err(NotService::OtherKind),
        _ => Err(NotService::NotConnect),
    }
}

/// A service's new key and the CSR for it.
#[derive(Debug, Clone)]
pub struct LeafRequest {
    pub key_pem: String,
    pub csr_pem: String,
    pub service_uri: String,
}

/// Why a leaf could not be made or signed (the reference's messages where it has one).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LeafError {
    #[error("cluster has no CA bootstrapped yet")]
    NoCa,
    #[error("this datacenter has no CA key to sign with: {0}")]
    NoSigningKey(String),
    #[error("invalid CSR: {0}")]
    BadCsr(String),
    #[error("SPIFFE ID in CSR must be a service or agent ID")]
    NotService,
    #[error("SPIFFE ID in CSR must be in the default namespace, not {0:?}")]
    OtherNamespace(String),
    #[error("invalid service name in CSR: {0:?} (letters, digits, '-', '_' and '.' only)")]
    BadServiceName(String),
    #[error("CSR key must be ECDSA P-256 or RSA of at least 2048 bits: {0}")]
    WeakKey(String),
    #[error("SPIFFE ID in CSR from a different trust domain: {host}, we are {ours}")]
    OtherTrustDomain { host: String, ours: String },
    #[error("SPIFFE ID in CSR from a different datacenter: {dc}, we are {ours}")]
    OtherDatacenter { dc: String, ours: String },
    #[error("{0}")]
    Crypto(String),
}

/// A key and CSR for `service` of datacenter `dc`.
pub fn leaf_request(trust_domain: &str, dc: &str, service: &str) -> Result<LeafRequest, LeafError> {
    let crypto = |e: rcgen::Error| LeafError::Crypto(e.to_string());
    let key = KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256).map_err(crypto)?;
    let service_uri = service_spiffe_id(trust_domain, dc, service);
    let mut params = CertificateParams::default();
    params.distinguished_name = rcgen::DistinguishedName::new();
    params.distinguished_name.push(DnType::CommonName, service_cn(service, trust_domain));
    params.subject_alt_names = vec![SanType::URI(service_uri.clone().try_into().map_err(crypto)?)];
    let csr = params.serialize_request(&key).map_err(crypto)?;
    Ok(LeafRequest { key_pem: key.serialize_pem(), csr_pem: csr.pem().map_err(crypto)?, service_uri })
}

/// The reference's `ServiceCN`: `<service, [a-z0-9] only>.svc.default.<first 8 of the trust
/// domain>.consul`.
fn service_cn(service: &str, trust_domain: &str) -> String {
    let name: String = service.to_ascii_lowercase().chars().filter(char::is_ascii_alphanumeric).collect();
    let short: String = trust_domain.chars().take(8).collect();
    let mut name = name;
    name.truncate(64 - ".svc.default.".len() - short.len() - ".consul".len());
    format!("{name}.svc.default.{short}.consul")
}

/// A signed leaf.
#[derive(Debug, Clone)]
pub struct SignedLeaf {
    pub cert_pem: String,
    /// Colon-separated hex, as the reference shows it.
    pub serial_number: String,
    pub service: String,
    pub service_uri: String,
    pub valid_after: time::OffsetDateTime,
    pub valid_before: time::OffsetDateTime,
}

/// Signs `csr_pem` with the CA (`ca_cert_pem`, `ca_key_pem`) of `trust_domain` in datacenter
/// `dc`: only a service SPIFFE ID of this trust domain and datacenter is signed.
pub fn sign_leaf(
    ca_cert_pem: &str,
    ca_key_pem: &str,
    csr_pem: &str,
    trust_domain: &str,
    dc: &str,
    ttl: Duration,
) -> Result<SignedLeaf, LeafError> {
    check_key(csr_pem)?;
    let csr = CertificateSigningRequestParams::from_pem(csr_pem).map_err(|e| LeafError::BadCsr(e.to_string()))?;
    let uris = uri_sans(&csr.params);
    let [uri] = uris.as_slice() else { return Err(LeafError::NotService) };
    let (host, ns, csr_dc, service) = parse_service_id(uri).ok_or(LeafError::NotService)?;
    if ns != "default" {
        return Err(LeafError::OtherNamespace(ns.to_owned()));
    }
    if !valid_service_name(service) {
        return Err(LeafError::BadServiceName(service.to_owned()));
    }
    if !host.eq_ignore_ascii_case(trust_domain) {
        return Err(LeafError::OtherTrustDomain { host: host.to_owned(), ours: trust_domain.to_owned() });
    }
    if csr_dc != dc {
        return Err(LeafError::OtherDatacenter { dc: csr_dc.to_owned(), ours: dc.to_owned() });
    }
    let crypto = |e: rcgen::Error| LeafError::Crypto(e.to_string());
    let ca_key = KeyPair::from_pem(ca_key_pem).map_err(crypto)?;
    let issuer = Issuer::from_ca_cert_pem(ca_cert_pem, ca_key).map_err(crypto)?;
    let serial = random_serial().map_err(|e| LeafError::Crypto(e.to_string()))?;
    let now = time::OffsetDateTime::now_utc();
    let now = now.replace_nanosecond(0).unwrap_or(now);
    let valid_after = now - time::Duration::minutes(1);
    let valid_before = valid_after + ttl;
    let mut params = CertificateParams::default();
    params.distinguished_name = rcgen::DistinguishedName::new();
    params.distinguished_name.push(DnType::CommonName, service_cn(service, trust_domain));
    params.subject_alt_names = vec![SanType::URI((*uri).to_owned().try_into().map_err(crypto)?)];
    params.serial_number = Some(SerialNumber::from_slice(&serial));
    params.not_before = valid_after;
    params.not_after = valid_before;
    params.is_ca = IsCa::ExplicitNoCa;
    params.key_usages = vec![
        KeyUsagePurpose::DataEncipherment,
        KeyUsagePurpose::KeyAgreement,
        KeyUsagePurpose::DigitalSignature,
        KeyUsagePurpose::KeyEncipherment,
    ];
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth, ExtendedKeyUsagePurpose::ServerAuth];
    params.use_authority_key_identifier_extension = true;
    let cert =
        CertificateSigningRequestParams { params, public_key: csr.public_key }.signed_by(&issuer).map_err(crypto)?;
    Ok(SignedLeaf {
        cert_pem: cert.pem(),
        serial_number: serial.iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(":"),
        service: service.to_owned(),
        service_uri: (*uri).to_owned(),
        valid_after,
        valid_before,
    })
}

/// The URI subject alternative names a CSR asks for.
pub(super) fn uri_sans(params: &CertificateParams) -> Vec<&str> {
    params
        .subject_alt_names
        .iter()
        .filter_map(|s| match s {
            SanType::URI(u) => Some(u.as_str()),
            _ => None,
        })
        .collect()
}

/// `(trust domain, namespace, datacenter, service)` of
/// `spiffe://<td>/ns/<ns>/dc/<dc>/svc/<service>`.
fn parse_service_id(uri: &str) -> Option<(&str, &str, &str, &str)> {
    let rest = uri.strip_prefix("spiffe://")?;
    let (host, path) = rest.split_once('/')?;
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        ["ns", ns, "dc", dc, "svc", service] if !ns.is_empty() && !dc.is_empty() && !service.is_empty() => {
            Some((host, ns, dc, service))
        }
        _ => None,
    }
}

/// A service name that is safe in a SPIFFE path, an SNI label and a certificate name.
fn valid_service_name(name: &str) -> bool {
    name.len() <= 253 && name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// Only keys the reference's CA accepts by default: ECDSA P-256, or RSA of 2048 bits or more.
/// Checked before the CSR's signature, so a weak key is named as such (ring refuses to verify
/// a small RSA key's signature at all).
fn check_key(csr_pem: &str) -> Result<(), LeafError> {
    use rustls::pki_types::{CertificateSigningRequestDer, pem::PemObject};
    use x509_parser::prelude::FromDer;
    use x509_parser::public_key::PublicKey;
    let bad = |e: String| LeafError::BadCsr(e);
    let der = CertificateSigningRequestDer::from_pem_slice(csr_pem.as_bytes()).map_err(|e| bad(e.to_string()))?;
    let (_, csr) = x509_parser::certification_request::X509CertificationRequest::from_der(der.as_ref())
        .map_err(|e| bad(e.to_string()))?;
    let spki = &csr.certification_request_info.subject_pki;
    match spki.parsed() {
        Ok(PublicKey::EC(_)) => {
            let curve = spki.algorithm.parameters.as_ref().and_then(|p| p.as_oid().ok());
            if curve.as_ref() == Some(&x509_parser::oid_registry::OID_EC_P256) {
                Ok(())
            } else {
                let name = curve.map_or("unnamed".to_owned(), |oid| oid.to_id_string());
                Err(LeafError::WeakKey(format!("ECDSA on curve {name}")))
            }
        }
        Ok(PublicKey::RSA(rsa)) if rsa.key_size() >= 2048 => Ok(()),
        Ok(PublicKey::RSA(rsa)) => Err(LeafError::WeakKey(format!("RSA of {} bits", rsa.key_size()))),
        Ok(_) => Err(LeafError::WeakKey(format!("a key of algorithm {}", spki.algorithm.algorithm.to_id_string()))),
        Err(e) => Err(bad(format!("unreadable public key: {e}"))),
    }
}
