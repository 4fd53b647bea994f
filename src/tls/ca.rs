//! The agent CA: `fedctl tls ca create` makes one; `Ca` loads one to sign leaf certificates.

use std::path::Path;

use rcgen::{
    BasicConstraints, CertificateParams, DnType, GeneralSubtree, IsCa, Issuer, KeyPair, KeyUsagePurpose,
    NameConstraints, PKCS_ECDSA_P256_SHA256, SerialNumber,
};
use rustls::pki_types::CertificateDer;

use super::keys::{first_cert_from_pem, key_pair_from_pem};
use super::{TlsError, random_serial, require_name as check_name, validity};

/// Options of `fedctl tls ca create`.
#[derive(Debug, Clone)]
pub struct CaOptions {
    /// Validity in days (default 1825, five years).
    pub days: u32,
    /// The cluster's domain (default `consul`); also names the files.
    pub domain: String,
    /// Restrict the CA to `<domain>`, `localhost` and the additional constraints.
    pub name_constraint: bool,
    pub additional_name_constraints: Vec<String>,
    /// Subject common name; default `fedctl Agent CA <serial>`.
    pub common_name: Option<String>,
}

impl Default for CaOptions {
    fn default() -> Self {
        CaOptions {
            days: 1825,
            domain: "consul".to_owned(),
            name_constraint: false,
            additional_name_constraints: Vec::new(),
            common_name: None,
        }
    }
}

/// A freshly generated CA, as PEM.
#[derive(Debug, Clone)]
pub struct GeneratedCa {
    pub cert_pem: String,
    pub key_pem: String,
    pub common_name: String,
    pub permitted_dns_domains: Vec<String>,
    pub not_after: time::OffsetDateTime,
}

/// Generates a self-signed ECDSA P-256 CA.
pub fn generate_ca(opts: &CaOptions) -> Result<GeneratedCa, TlsError> {
    check_name("domain", &opts.domain, false)?;
    let (not_before, not_after) = validity(opts.days)?;
    let serial = random_serial()?;
    let common_name = match &opts.common_name {
        Some(cn) if !cn.trim().is_empty() => cn.trim().to_owned(),
        _ => format!("fedctl Agent CA {}", u128::from_be_bytes(serial)),
    };

    let mut params = CertificateParams::default();
    params.distinguished_name = rcgen::DistinguishedName::new();
    params.distinguished_name.push(DnType::OrganizationName, "fedctl");
    params.distinguished_name.push(DnType::CommonName, common_name.clone());
    params.serial_number = Some(SerialNumber::from_slice(&serial));
    params.not_before = not_before;
    params.not_after = not_after;
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign, KeyUsagePurpose::DigitalSignature];
    let mut permitted_dns_domains = Vec::new();
    if opts.name_constraint {
        for name in opts.additional_name_constraints.iter().map(|n| n.trim()) {
            if !name.is_empty() {
                check_name("additional name constraint", name, false)?;
                permitted_dns_domains.push(name.to_owned());
            }
        }
        permitted_dns_domains.push(opts.domain.clone());
        permitted_dns_domains.push("localhost".to_owned());
        params.name_constraints = Some(NameConstraints {
            permitted_subtrees: permitted_dns_domains.iter().map(|d| GeneralSubtree::DnsName(d.clone())).collect(),
            excluded_subtrees: Vec::new(),
        });
    }

    let key = KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256)?;
    let cert = params.self_signed(&key)?;
    Ok(GeneratedCa {
        cert_pem: cert.pem(),
        key_pem: key.serialize_pem(),
        common_name,
        permitted_dns_domains,
        not_after,
    })
}

/// A loaded CA that can sign leaf certificates.
#[derive(Debug)]
pub struct Ca {
    pub(crate) cert_der: CertificateDer<'static>,
    pub(crate) issuer: Issuer<'static, KeyPair>,
}

impl Ca {
    /// Reads a CA certificate and its key from files.
    pub fn load(cert_path: &Path, key_path: &Path) -> Result<Ca, TlsError> {
        let read = |what, path: &Path| {
            std::fs::read(path).map_err(|source| TlsError::Read { what, path: path.to_owned(), source })
        };
        let cert_pem = read("CA", cert_path)?;
        let key_pem = read("CA key", key_path)?;
        Ca::from_pem(&cert_pem, &key_pem, &cert_path.display().to_string(), &key_path.display().to_string())
    }

    /// Builds a CA from PEM. `cert_name` and `key_name` name the inputs in errors.
    pub fn from_pem(cert_pem: &[u8], key_pem: &[u8], cert_name: &str, key_name: &str) -> Result<Ca, TlsError> {
        let cert_der = first_cert_from_pem(cert_pem).map_err(|problem| TlsError::Pem {
            what: "CA",
            source_name: cert_name.to_owned(),
            problem,
        })?;
        let key = key_pair_from_pem(key_pem).map_err(|problem| TlsError::Pem {
            what: "CA key",
            source_name: key_name.to_owned(),
            problem,
        })?;
        let bad_ca = |reason: String| TlsError::BadCa { source_name: cert_name.to_owned(), reason };
        let (_, parsed) =
            x509_parser::parse_x509_certificate(&cert_der).map_err(|e| bad_ca(format!("cannot parse it: {e}")))?;
        let is_ca = parsed.basic_constraints().ok().flatten().is_some_and(|bc| bc.value.ca);
        if !is_ca {
            return Err(bad_ca("its basic constraints do not say CA".into()));
        }
        if parsed.public_key().subject_public_key.data.as_ref() != key.public_key_raw() {
            return Err(TlsError::KeyMismatch { cert: cert_name.to_owned(), key: key_name.to_owned() });
        }
        let issuer =
            Issuer::from_ca_cert_der(&cert_der, key).map_err(|e| bad_ca(format!("cannot use it as an issuer: {e}")))?;
        Ok(Ca { cert_der, issuer })
    }

    /// The CA certificate, DER.
    pub fn cert_der(&self) -> &CertificateDer<'static> {
        &self.cert_der
    }
}
