//! TLS for fedctl: CA and certificate generation (rcgen), the names certificates and SNI
//! carry, loading PEM material, and rustls client/server configurations.
//!
//! Every rustls configuration is built with the ring provider explicitly, so nothing here
//! depends on a process-wide default provider.

mod agent;
pub mod alpn;
mod ca;
mod cert;
mod config;
mod connect_ca;
mod dial;
mod error;
pub mod files;
pub mod intermediate;
pub mod keys;
pub mod leaf;
pub mod names;
mod settings;
mod verify;

use std::sync::Arc;

pub use agent::{AgentTls, ServerIdentity, first_missing_name};
pub use alpn::Protocol;
pub use ca::{Ca, CaOptions, GeneratedCa, generate_ca};
pub use cert::{CertKind, CertOptions, CertPlan, ExtendedKeyUsage, IssuedCert, SanEntry};
pub use config::{TlsMaterial, server_config_from_files};
pub use connect_ca::{
    ConnectRoot, connect_root_from_pem, connect_root_with_key, generate_connect_root, validate_root_bundle,
};
pub use dial::{DialError, DialStep, connect_tcp, dial_tls, tls_handshake};
pub use error::TlsError;
pub use settings::TlsSettings;
pub use verify::verify_server_cert;

/// The one crypto provider fedctl uses everywhere.
pub fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// Installs ring as the process-wide rustls provider, for libraries (reqwest) that use the
/// default. Harmless if one is installed already.
pub fn install_default_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// A random 16-byte certificate serial number whose first byte is 0x01-0x7f: positive and
/// without a leading zero, so its DER encoding is these 16 bytes and the colon-separated hex
/// shown for it is what the certificate carries.
fn random_serial() -> Result<[u8; 16], TlsError> {
    use ring::rand::SecureRandom;
    let mut serial = [0u8; 16];
    ring::rand::SystemRandom::new().fill(&mut serial).map_err(|_| TlsError::Random)?;
    serial[0] = (serial[0] & 0x7f).max(1);
    Ok(serial)
}

/// `now + days`, and `now`, for certificate validity.
fn validity(days: u32) -> Result<(time::OffsetDateTime, time::OffsetDateTime), TlsError> {
    if days == 0 {
        return Err(TlsError::InvalidDays { days });
    }
    let now = time::OffsetDateTime::now_utc();
    // Whole seconds: X.509 times have no fractions, and equal values make tests exact.
    let now = now.replace_nanosecond(0).unwrap_or(now);
    Ok((now, now + time::Duration::days(i64::from(days))))
}

/// `value` must be one DNS label; the error names it as `what`.
fn require_label(what: &'static str, value: &str) -> Result<(), TlsError> {
    names::check_dns_label(value).map_err(|problem| TlsError::InvalidName { what, value: value.to_owned(), problem })
}

/// `value` must be a dotted DNS name (optionally `*.`-prefixed); the error names it as `what`.
fn require_name(what: &'static str, value: &str, wildcard: bool) -> Result<(), TlsError> {
    names::check_dns_name(value, wildcard).map_err(|problem| TlsError::InvalidName {
        what,
        value: value.to_owned(),
        problem,
    })
}
