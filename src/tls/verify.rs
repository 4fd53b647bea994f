use std::sync::Arc;

use rustls::RootCertStore;
use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::ServerCertVerifier;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};

/// Checks, as a TLS client dialling `name` would, that `leaf` chains to `ca` and is valid for
/// `name` now. Returns the verifier's reason on failure.
pub fn verify_server_cert(ca: &CertificateDer<'_>, leaf: &CertificateDer<'_>, name: &str) -> Result<(), String> {
    let mut roots = RootCertStore::empty();
    roots.add(ca.clone().into_owned()).map_err(|e| e.to_string())?;
    let verifier = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), super::provider())
        .build()
        .map_err(|e| e.to_string())?;
    let server_name = ServerName::try_from(name.to_owned()).map_err(|e| e.to_string())?;
    verifier.verify_server_cert(leaf, &[], &server_name, &[], UnixTime::now()).map(|_| ()).map_err(|e| e.to_string())
}
