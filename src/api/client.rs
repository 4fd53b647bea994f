//! A typed client for the agent HTTP API, used by the CLI.

use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde::de::DeserializeOwned;

use super::ClientSettings;
use crate::tls::{TlsMaterial, keys};

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error("cannot reach the agent at {addr}: {reason}")]
    Connect { addr: String, reason: String },
    #[error("{method} {path}: the agent answered {status}: {body}")]
    Status { method: Method, path: String, status: StatusCode, body: String },
    #[error("{path}: unexpected response: {reason}")]
    Decode { path: String, reason: String },
    #[error("{0}")]
    Setup(String),
}

impl ClientError {
    /// True when the agent answered 404.
    pub fn is_not_found(&self) -> bool {
        matches!(self, ClientError::Status { status, .. } if *status == StatusCode::NOT_FOUND)
    }
}

/// An agent HTTP API client.
#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    base: String,
    token: Option<String>,
    datacenter: Option<String>,
}

/// A response body and its `X-Consul-Index`.
#[derive(Debug)]
pub struct Indexed<T> {
    pub value: T,
    pub index: u64,
}

impl Client {
    pub fn new(settings: &ClientSettings) -> Result<Client, ClientError> {
        crate::tls::install_default_provider();
        let addr = settings.http_addr.value.clone().unwrap_or_default();
        if addr.starts_with("unix://") {
            return Err(ClientError::Setup(format!(
                "{addr}: unix socket addresses are not supported yet; use host:port"
            )));
        }
        let mut builder = reqwest::Client::builder().connect_timeout(Duration::from_secs(5)).user_agent("fedctl");
        if addr.starts_with("https://") {
            builder = builder.use_preconfigured_tls(https_config(settings)?);
        }
        let http = builder.build().map_err(|e| ClientError::Setup(format!("building the HTTP client: {e}")))?;
        Ok(Client {
            http,
            base: addr,
            token: settings.token.value.clone(),
            datacenter: settings.datacenter.value.clone(),
        })
    }

    /// The host of the agent's HTTP address (`127.0.0.1` for a unix socket).
    pub fn host(&self) -> String {
        let rest = self.base.split_once("://").map_or(self.base.as_str(), |(_, r)| r);
        let authority = rest.split('/').next().unwrap_or_default();
        let host = match authority.rsplit_once(':') {
            Some((h, _)) => h,
            None => authority,
        };
        let host = host.trim_start_matches('[').trim_end_matches(']');
        if host.is_empty() { "127.0.0.1".to_owned() } else { host.to_owned() }
    }

    /// Sends a request; `query` pairs are added to the URL (and `dc` when set).
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<Vec<u8>>,
    ) -> Result<reqwest::Response, ClientError> {
        let mut req = self.http.request(method.clone(), format!("{}{path}", self.base)).query(query);
        if let Some(dc) = &self.datacenter {
            req = req.query(&[("dc", dc)]);
        }
        if let Some(token) = &self.token {
            req = req.header("X-Consul-Token", token);
        }
        if let Some(body) = body {
            req = req.body(body);
        }
        let resp =
            req.send().await.map_err(|e| ClientError::Connect { addr: self.base.clone(), reason: root_cause(&e) })?;
        let status = resp.status();
        if !status.is_success() {
            let body = resp.text().await.unwrap_or_default();
            return Err(ClientError::Status { method, path: path.to_owned(), status, body: body.trim().to_owned() });
        }
        Ok(resp)
    }

    /// GET, decoding JSON, with the response index.
    pub async fn get<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<Indexed<T>, ClientError> {
        let resp = self.send(Method::GET, path, query, None).await?;
        let index = resp
            .headers()
            .get("X-Consul-Index")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let value =
            resp.json().await.map_err(|e| ClientError::Decode { path: path.to_owned(), reason: e.to_string() })?;
        Ok(Indexed { value, index })
    }

    /// GET returning the raw body.
    pub async fn get_bytes(&self, path: &str, query: &[(&str, String)]) -> Result<Vec<u8>, ClientError> {
        let resp = self.send(Method::GET, path, query, None).await?;
        let bytes =
            resp.bytes().await.map_err(|e| ClientError::Decode { path: path.to_owned(), reason: e.to_string() })?;
        Ok(bytes.to_vec())
    }

    /// PUT (or DELETE) returning the body as JSON.
    pub async fn call<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<Vec<u8>>,
    ) -> Result<T, ClientError> {
        let resp = self.send(method, path, query, body).await?;
        let text =
            resp.text().await.map_err(|e| ClientError::Decode { path: path.to_owned(), reason: e.to_string() })?;
        let text = if text.trim().is_empty() { "null" } else { text.as_str() };
        serde_json::from_str(text).map_err(|e| ClientError::Decode { path: path.to_owned(), reason: e.to_string() })
    }
}

/// rustls settings for an `https://` agent address: the CA to trust, an optional client
/// certificate, and the name to verify.
fn https_config(settings: &ClientSettings) -> Result<rustls::ClientConfig, ClientError> {
    let setup = |e: String| ClientError::Setup(e);
    let Some(ca_file) = &settings.ca_file.value else {
        return Err(setup("an https:// address needs -ca-file (or FEDCTL_CACERT / CONSUL_CACERT)".into()));
    };
    let ca = std::fs::read(ca_file).map_err(|e| setup(format!("reading CA file {ca_file}: {e}")))?;
    let mut config = match (&settings.client_cert.value, &settings.client_key.value) {
        (Some(cert), Some(key)) => {
            let read = |p: &String| std::fs::read(p).map_err(|e| setup(format!("reading {p}: {e}")));
            let material = TlsMaterial::from_pem((&ca, ca_file), (&read(cert)?, cert), (&read(key)?, key))
                .map_err(|e| setup(e.to_string()))?;
            material.client_config(&[b"h2", b"http/1.1"]).map_err(|e| setup(e.to_string()))?
        }
        _ => {
            let mut roots = rustls::RootCertStore::empty();
            for cert in keys::certs_from_pem(&ca).map_err(|e| setup(format!("{ca_file}: {e}")))? {
                roots.add(cert).map_err(|e| setup(format!("{ca_file}: {e}")))?;
            }
            let mut c = rustls::ClientConfig::builder_with_provider(crate::tls::provider())
                .with_safe_default_protocol_versions()
                .map_err(|e| setup(e.to_string()))?
                .with_root_certificates(roots)
                .with_no_client_auth();
            c.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
            c
        }
    };
    if let Some(name) = &settings.tls_server_name.value {
        // Verify the agent's certificate against this name whatever host was dialled.
        let name = rustls::pki_types::ServerName::try_from(name.clone())
            .map_err(|e| setup(format!("-tls-server-name: {e}")))?;
        config.dangerous().set_certificate_verifier(std::sync::Arc::new(FixedName {
            inner: rustls::client::WebPkiServerVerifier::builder_with_provider(
                std::sync::Arc::new({
                    let mut roots = rustls::RootCertStore::empty();
                    for cert in keys::certs_from_pem(&ca).map_err(|e| setup(e.to_string()))? {
                        roots.add(cert).map_err(|e| setup(e.to_string()))?;
                    }
                    roots
                }),
                crate::tls::provider(),
            )
            .build()
            .map_err(|e| setup(e.to_string()))?,
            name,
        }));
    }
    Ok(config)
}

/// Verifies the server certificate for a fixed name (`-tls-server-name`).
#[derive(Debug)]
struct FixedName {
    inner: std::sync::Arc<rustls::client::WebPkiServerVerifier>,
    name: rustls::pki_types::ServerName<'static>,
}

impl rustls::client::danger::ServerCertVerifier for FixedName {
    fn verify_server_cert(
        &self,
        end_entity: &rustls::pki_types::CertificateDer<'_>,
        intermediates: &[rustls::pki_types::CertificateDer<'_>],
        _server_name: &rustls::pki_types::ServerName<'_>,
        ocsp: &[u8],
        now: rustls::pki_types::UnixTime,
    ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        self.inner.verify_server_cert(end_entity, intermediates, &self.name, ocsp, now)
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

/// The innermost error message (reqwest wraps the useful part several levels deep).
fn root_cause(e: &dyn std::error::Error) -> String {
    let mut cause = e;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string()
}
