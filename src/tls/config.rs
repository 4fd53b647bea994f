//! rustls configurations built from an agent's CA, certificate and key.

use std::path::Path;
use std::sync::Arc;

use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::server::WebPkiClientVerifier;
use rustls::{ClientConfig, RootCertStore, ServerConfig};

use super::TlsError;
use super::keys::{certs_from_pem, private_key_from_pem};

/// The TLS material of one agent: the CA roots it trusts, its certificate chain and its key.
#[derive(Debug)]
pub struct TlsMaterial {
    roots: Arc<RootCertStore>,
    chain: Vec<CertificateDer<'static>>,
    key: PrivateKeyDer<'static>,
}

impl TlsMaterial {
    /// Reads `ca_file`, `cert_file` and `key_file` (PEM).
    pub fn load(ca_file: &Path, cert_file: &Path, key_file: &Path) -> Result<Self, TlsError> {
        let read = |what, path: &Path| {
            std::fs::read(path).map_err(|source| TlsError::Read { what, path: path.to_owned(), source })
        };
        let name = |p: &Path| p.display().to_string();
        Self::from_pem(
            (&read("CA file", ca_file)?, &name(ca_file)),
            (&read("certificate file", cert_file)?, &name(cert_file)),
            (&read("key file", key_file)?, &name(key_file)),
        )
    }

    /// Builds the material from PEM documents, each paired with a name for errors.
    pub fn from_pem(ca: (&[u8], &str), cert: (&[u8], &str), key: (&[u8], &str)) -> Result<Self, TlsError> {
        let pem_err = |what, source_name: &str| {
            let source_name = source_name.to_owned();
            move |problem| TlsError::Pem { what, source_name, problem }
        };
        let mut roots = RootCertStore::empty();
        for root in certs_from_pem(ca.0).map_err(pem_err("CA file", ca.1))? {
            roots.add(root).map_err(|e| TlsError::BadCa { source_name: ca.1.to_owned(), reason: e.to_string() })?;
        }
        let chain = certs_from_pem(cert.0).map_err(pem_err("certificate file", cert.1))?;
        let key = private_key_from_pem(key.0).map_err(pem_err("key file", key.1))?;
        Ok(TlsMaterial { roots: Arc::new(roots), chain, key })
    }

    /// A server configuration. With `require_client_cert`, clients must present a certificate
    /// signed by the CA (mutual TLS). `alpn` lists the protocols offered, in preference order.
    pub fn server_config(&self, require_client_cert: bool, alpn: &[&[u8]]) -> Result<ServerConfig, TlsError> {
        let builder = ServerConfig::builder_with_provider(super::provider()).with_safe_default_protocol_versions()?;
        let builder = if require_client_cert {
            let verifier = WebPkiClientVerifier::builder_with_provider(self.roots.clone(), super::provider())
                .build()
                .map_err(|e| TlsError::Verifier(e.to_string()))?;
            builder.with_client_cert_verifier(verifier)
        } else {
            builder.with_no_client_auth()
        };
        let mut config = builder.with_single_cert(self.chain.clone(), self.key.clone_key())?;
        config.alpn_protocols = alpn.iter().map(|p| p.to_vec()).collect();
        Ok(config)
    }

    /// A client configuration that trusts the CA and presents this agent's certificate.
    pub fn client_config(&self, alpn: &[&[u8]]) -> Result<ClientConfig, TlsError> {
        let mut config = ClientConfig::builder_with_provider(super::provider())
            .with_safe_default_protocol_versions()?
            .with_root_certificates(self.roots.clone())
            .with_client_auth_cert(self.chain.clone(), self.key.clone_key())?;
        config.alpn_protocols = alpn.iter().map(|p| p.to_vec()).collect();
        Ok(config)
    }
}

/// A server configuration from a certificate and key alone (no client authentication), for
/// listeners that serve plain clients over TLS (xDS for Envoy on `ports.grpc_tls`).
pub fn server_config_from_files(cert_file: &Path, key_file: &Path, alpn: &[&[u8]]) -> Result<ServerConfig, TlsError> {
    let read = |what, path: &Path| {
        std::fs::read(path).map_err(|source| TlsError::Read { what, path: path.to_owned(), source })
    };
    let pem_err = |what, path: &Path| {
        let source_name = path.display().to_string();
        move |problem| TlsError::Pem { what, source_name, problem }
    };
    let chain =
        certs_from_pem(&read("certificate file", cert_file)?).map_err(pem_err("certificate file", cert_file))?;
    let key = private_key_from_pem(&read("key file", key_file)?).map_err(pem_err("key file", key_file))?;
    let mut config = ServerConfig::builder_with_provider(super::provider())
        .with_safe_default_protocol_versions()?
        .with_no_client_auth()
        .with_single_cert(chain, key)?;
    config.alpn_protocols = alpn.iter().map(|p| p.to_vec()).collect();
    Ok(config)
}
