//! Leaf certificates for servers, client agents and the CLI (`fedctl tls cert create`).
//!
//! [`CertOptions::plan`] is pure: it validates the request and decides the subject and SANs.
//! [`Ca::issue`] then generates the key, signs, and checks the result against the CA.

use std::net::{IpAddr, Ipv4Addr};

use rcgen::{
    CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, KeyPair, KeyUsagePurpose, PKCS_ECDSA_P256_SHA256,
    SanType, SerialNumber,
};
use serde::Serialize;

use super::ca::Ca;
use super::names::{cli_name, client_name, node_server_name, server_name};
use super::{TlsError, random_serial, require_label as label, require_name as name, validity, verify};

/// What a certificate is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CertKind {
    /// A server; `node` adds the `<node>.server.<dc>.<domain>` SAN that gateway routing needs.
    Server {
        node: Option<String>,
    },
    Client,
    Cli,
}

impl CertKind {
    /// The word used in file names: `<dc>-<kind>-<domain>-<n>.pem`.
    pub fn file_word(&self) -> &'static str {
        match self {
            CertKind::Server { .. } => "server",
            CertKind::Client => "client",
            CertKind::Cli => "cli",
        }
    }
}

/// Options of `fedctl tls cert create`.
#[derive(Debug, Clone)]
pub struct CertOptions {
    pub kind: CertKind,
    /// Datacenter (default `dc1`).
    pub dc: String,
    /// Domain (default `consul`).
    pub domain: String,
    /// Validity in days (default 365).
    pub days: u32,
    /// Extra DNS SANs; trimmed, empty entries skipped. Not used for CLI certificates.
    pub additional_dnsnames: Vec<String>,
    /// Extra IP SANs; trimmed, empty entries skipped.
    pub additional_ipaddresses: Vec<String>,
}

impl CertOptions {
    /// The defaults of the reference CLI for `kind`.
    pub fn new(kind: CertKind) -> CertOptions {
        CertOptions {
            kind,
            dc: "dc1".to_owned(),
            domain: "consul".to_owned(),
            days: 365,
            additional_dnsnames: Vec::new(),
            additional_ipaddresses: Vec::new(),
        }
    }
}

/// The extended key usages fedctl certificates carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExtendedKeyUsage {
    ServerAuth,
    ClientAuth,
}

/// One subject alternative name, in certificate order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "lowercase")]
pub enum SanEntry {
    Dns(String),
    Ip(IpAddr),
}

/// The validated subject of a certificate: what [`Ca::issue`] will sign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CertPlan {
    pub common_name: String,
    pub sans: Vec<SanEntry>,
    pub extended_key_usages: Vec<ExtendedKeyUsage>,
    /// Additional DNS names that were dropped because CLI certificates never carry them.
    pub ignored_dnsnames: Vec<String>,
    pub days: u32,
}

impl CertOptions {
    /// Validates the options and computes the subject, SANs and key usages.
    ///
    /// SAN order: for a server `<node>.server.<dc>.<domain>` (with a node), then
    /// `server.<dc>.<domain>`, `localhost`, IP `127.0.0.1`, then the additional DNS names and
    /// IPs. Clients get `client.<dc>.<domain>` in place of the server names. CLI certificates
    /// get `cli.<dc>.<domain>`, `localhost` and only the additional IPs.
    pub fn plan(&self) -> Result<CertPlan, TlsError> {
        label("datacenter", &self.dc)?;
        name("domain", &self.domain, false)?;
        if self.days == 0 {
            return Err(TlsError::InvalidDays { days: self.days });
        }
        let extra_dns = trimmed(&self.additional_dnsnames);
        for dns in &extra_dns {
            name("additional DNS name", dns, true)?;
        }
        let extra_ips = trimmed(&self.additional_ipaddresses)
            .into_iter()
            .map(|s| s.parse::<IpAddr>().map_err(|_| TlsError::InvalidIp { value: s.clone() }))
            .collect::<Result<Vec<_>, _>>()?;

        let (dc, domain) = (self.dc.as_str(), self.domain.as_str());
        let localhost_ip = SanEntry::Ip(IpAddr::V4(Ipv4Addr::LOCALHOST));
        let (common_name, mut sans, ekus) = match &self.kind {
            CertKind::Server { node } => {
                let mut sans = Vec::new();
                if let Some(node) = node {
                    label("node name", node)?;
                    sans.push(SanEntry::Dns(node_server_name(node, dc, domain)));
                }
                let cn = server_name(dc, domain);
                sans.extend([SanEntry::Dns(cn.clone()), dns("localhost"), localhost_ip]);
                (cn, sans, vec![ExtendedKeyUsage::ServerAuth, ExtendedKeyUsage::ClientAuth])
            }
            CertKind::Client => {
                let cn = client_name(dc, domain);
                let sans = vec![SanEntry::Dns(cn.clone()), dns("localhost"), localhost_ip];
                (cn, sans, vec![ExtendedKeyUsage::ClientAuth, ExtendedKeyUsage::ServerAuth])
            }
            CertKind::Cli => {
                let cn = cli_name(dc, domain);
                (cn.clone(), vec![SanEntry::Dns(cn), dns("localhost")], vec![])
            }
        };
        let ignored_dnsnames = if self.kind == CertKind::Cli {
            extra_dns
        } else {
            extra_dns.into_iter().for_each(|d| push_unique(&mut sans, SanEntry::Dns(d)));
            Vec::new()
        };
        extra_ips.into_iter().for_each(|ip| push_unique(&mut sans, SanEntry::Ip(ip)));
        Ok(CertPlan { common_name, sans, extended_key_usages: ekus, ignored_dnsnames, days: self.days })
    }
}

/// A signed leaf certificate and its new private key, as PEM.
#[derive(Debug, Clone)]
pub struct IssuedCert {
    pub cert_pem: String,
    pub key_pem: String,
    pub plan: CertPlan,
    pub not_after: time::OffsetDateTime,
}

impl Ca {
    /// Issues a certificate for `opts`: validates, generates an ECDSA P-256 key, signs, then
    /// verifies that the new certificate chains to this CA for its common name.
    pub fn issue(&self, opts: &CertOptions) -> Result<IssuedCert, TlsError> {
        let plan = opts.plan()?;
        let (not_before, not_after) = validity(plan.days)?;
        let mut params = CertificateParams::default();
        params.distinguished_name = rcgen::DistinguishedName::new();
        params.distinguished_name.push(DnType::CommonName, plan.common_name.clone());
        params.serial_number = Some(SerialNumber::from_slice(&random_serial()?));
        params.not_before = not_before;
        params.not_after = not_after;
        params.is_ca = IsCa::ExplicitNoCa;
        params.use_authority_key_identifier_extension = true;
        params.key_usages = vec![KeyUsagePurpose::DigitalSignature, KeyUsagePurpose::KeyEncipherment];
        params.extended_key_usages = plan
            .extended_key_usages
            .iter()
            .map(|eku| match eku {
                ExtendedKeyUsage::ServerAuth => ExtendedKeyUsagePurpose::ServerAuth,
                ExtendedKeyUsage::ClientAuth => ExtendedKeyUsagePurpose::ClientAuth,
            })
            .collect();
        params.subject_alt_names = plan
            .sans
            .iter()
            .map(|san| match san {
                SanEntry::Dns(d) => Ok(SanType::DnsName(d.as_str().try_into()?)),
                SanEntry::Ip(ip) => Ok(SanType::IpAddress(*ip)),
            })
            .collect::<Result<_, rcgen::Error>>()?;

        let key = KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256)?;
        let cert = params.signed_by(&key, &self.issuer)?;
        verify::verify_server_cert(self.cert_der(), cert.der(), &plan.common_name)
            .map_err(|reason| TlsError::SelfCheck { name: plan.common_name.clone(), reason })?;
        Ok(IssuedCert { cert_pem: cert.pem(), key_pem: key.serialize_pem(), plan, not_after })
    }
}

fn dns(s: &str) -> SanEntry {
    SanEntry::Dns(s.to_owned())
}

fn trimmed(values: &[String]) -> Vec<String> {
    values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()).map(str::to_owned).collect()
}

fn push_unique(sans: &mut Vec<SanEntry>, san: SanEntry) {
    let duplicate = sans.iter().any(|s| match (s, &san) {
        (SanEntry::Dns(a), SanEntry::Dns(b)) => a.eq_ignore_ascii_case(b),
        (a, b) => a == b,
    });
    if !duplicate {
        sans.push(san);
    }
}
