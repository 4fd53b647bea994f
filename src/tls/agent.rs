//! An agent's TLS for the server port: the server configuration (mutual TLS, our ALPN ids),
//! client configurations per protocol, the names servers are dialled by, and the check that
//! a raft peer is a server of this datacenter.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rustls::pki_types::CertificateDer;
use rustls::{ClientConfig, ServerConfig};

use super::TlsSettings;
use super::alpn::{Protocol, SERVER_ALPN};
use super::names::{node_server_name, server_name};
use super::{TlsError, TlsMaterial};

/// Ready-to-use TLS for one agent.
#[derive(Debug)]
pub struct AgentTls {
    material: TlsMaterial,
    server: Arc<ServerConfig>,
    clients: Mutex<HashMap<&'static [u8], Arc<ClientConfig>>>,
    pub verify_incoming: bool,
    pub verify_outgoing: bool,
    pub verify_server_hostname: bool,
    datacenter: String,
    domain: String,
}

impl AgentTls {
    /// Loads the files named in `settings`; `None` when TLS is not configured.
    pub fn load(settings: &TlsSettings, datacenter: &str, domain: &str) -> Result<Option<Arc<AgentTls>>, TlsError> {
        let (Some(ca), Some(cert), Some(key)) = (&settings.ca_file, &settings.cert_file, &settings.key_file) else {
            return Ok(None);
        };
        let material = TlsMaterial::load(ca, cert, key)?;
        // Native TLS on the server port always authenticates the client (as the reference).
        let server = Arc::new(material.server_config(true, &SERVER_ALPN)?);
        Ok(Some(Arc::new(AgentTls {
            material,
            server,
            clients: Mutex::default(),
            verify_incoming: settings.verify_incoming,
            verify_outgoing: settings.verify_outgoing,
            verify_server_hostname: settings.verify_server_hostname,
            datacenter: datacenter.to_owned(),
            domain: domain.to_owned(),
        })))
    }

    /// The HTTPS API's configuration: the agent's certificate, HTTP/1.1; with
    /// `require_client_cert` (`verify_incoming_https`), only clients with a certificate
    /// signed by the CA get in.
    pub fn https_config(&self, require_client_cert: bool) -> Result<Arc<ServerConfig>, TlsError> {
        Ok(Arc::new(self.material.server_config(require_client_cert, &[b"http/1.1"])?))
    }

    pub fn server_config(&self) -> Arc<ServerConfig> {
        self.server.clone()
    }

    /// The client configuration offering exactly `protocol`'s ALPN id.
    pub fn client_config(&self, protocol: Protocol) -> Result<Arc<ClientConfig>, TlsError> {
        let mut clients = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(c) = clients.get(protocol.alpn()) {
            return Ok(c.clone());
        }
        let config = Arc::new(self.material.client_config(&[protocol.alpn()])?);
        clients.insert(protocol.alpn(), config.clone());
        Ok(config)
    }

    /// The DNS domain names are under (`consul` by default).
    pub fn domain(&self) -> &str {
        &self.domain
    }

    /// The name a server is dialled (and verified) by: `<node>.server.<dc>.<domain>` with
    /// verify_server_hostname and a known node, else `server.<dc>.<domain>`.
    pub fn server_name(&self, node: Option<&str>, datacenter: &str) -> String {
        match node {
            Some(node) if self.verify_server_hostname => node_server_name(node, datacenter, &self.domain),
            _ => server_name(datacenter, &self.domain),
        }
    }

    /// When roles are enforced ([`AgentTls::roles_enforced`]), a raft peer must present a
    /// certificate valid for `server.<dc>.<domain>` of this datacenter (a client agent's
    /// certificate is not enough).
    pub fn check_peer_is_server(&self, certs: Option<&[CertificateDer<'_>]>) -> Result<(), String> {
        if !self.roles_enforced() {
            return Ok(());
        }
        self.check_server_of(certs.unwrap_or_default(), &self.datacenter)
    }

    /// Whether the peer must prove it is a server for server-only requests: with
    /// `verify_incoming` or `verify_server_hostname` (the settings under which a certificate
    /// says what its holder is). Without either the server port authenticates nobody.
    pub fn roles_enforced(&self) -> bool {
        self.verify_incoming || self.verify_server_hostname
    }

    /// The server a verified peer chain names: a DNS name `server.<dc>.<domain>` of this
    /// domain makes it a server of `<dc>`, and `<node>.server.<dc>.<domain>` names its nodes.
    /// A client or CLI certificate (`client.<dc>.<domain>`) is not a server.
    pub fn server_identity(&self, certs: &[CertificateDer<'_>]) -> Result<ServerIdentity, String> {
        let leaf = certs.first().ok_or("no client certificate")?;
        let (_, cert) =
            x509_parser::parse_x509_certificate(leaf).map_err(|e| format!("unreadable certificate: {e}"))?;
        let names: Vec<String> = cert
            .subject_alternative_name()
            .ok()
            .flatten()
            .map(|san| {
                san.value
                    .general_names
                    .iter()
                    .filter_map(|n| match n {
                        x509_parser::extensions::GeneralName::DNSName(d) => Some(d.to_ascii_lowercase()),
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default();
        let suffix = format!(".{}", self.domain.to_ascii_lowercase());
        let datacenter = names
            .iter()
            .filter_map(|n| n.strip_suffix(&suffix)?.strip_prefix("server."))
            .find(|dc| !dc.is_empty() && !dc.contains('.'))
            .ok_or_else(|| format!("the certificate is not valid for server.<datacenter>{suffix}"))?
            .to_owned();
        let node_suffix = format!(".server.{datacenter}{suffix}");
        let nodes = names
            .iter()
            .filter_map(|n| n.strip_suffix(&node_suffix))
            .filter(|node| !node.is_empty() && !node.contains('.'))
            .map(str::to_owned)
            .collect();
        Ok(ServerIdentity { datacenter, nodes })
    }

    /// Whether `certs` (a verified peer chain) is a server certificate of `datacenter`:
    /// valid for `server.<datacenter>.<domain>`.
    pub fn check_server_of(&self, certs: &[CertificateDer<'_>], datacenter: &str) -> Result<(), String> {
        let name = server_name(datacenter, &self.domain);
        let leaf = certs.first().ok_or("no client certificate")?;
        let cert = webpki::EndEntityCert::try_from(leaf).map_err(|e| format!("unreadable certificate: {e:?}"))?;
        let subject = rustls::pki_types::ServerName::try_from(name.as_str()).map_err(|e| e.to_string())?;
        cert.verify_is_valid_for_subject_name(&subject).map_err(|_| format!("the certificate is not valid for {name}"))
    }
}

/// Who a server certificate says its holder is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerIdentity {
    pub datacenter: String,
    /// The node names it carries (`<node>.server.<dc>.<domain>`); empty for a certificate
    /// made without `-node`.
    pub nodes: Vec<String>,
}

/// The first of `names` the certificate is not valid for, if any (WAN federation through
/// gateways needs a server certificate for `<node>.server.<dc>.<domain>` and
/// `server.<dc>.<domain>`).
pub fn first_missing_name(cert: &CertificateDer<'_>, names: &[String]) -> Result<Option<String>, String> {
    let cert = webpki::EndEntityCert::try_from(cert).map_err(|e| format!("unreadable certificate: {e:?}"))?;
    for name in names {
        let subject = rustls::pki_types::ServerName::try_from(name.as_str()).map_err(|e| e.to_string())?;
        if cert.verify_is_valid_for_subject_name(&subject).is_err() {
            return Ok(Some(name.clone()));
        }
    }
    Ok(None)
}
