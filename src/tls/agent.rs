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

    /// The name a server is dialled (and verified) by: `<node>.server.<dc>.<domain>` with
    /// verify_server_hostname and a known node, else `server.<dc>.<domain>`.
    pub fn server_name(&self, node: Option<&str>, datacenter: &str) -> String {
        match node {
            Some(node) if self.verify_server_hostname => node_server_name(node, datacenter, &self.domain),
            _ => server_name(datacenter, &self.domain),
        }
    }

    /// With verify_server_hostname, a raft peer must present a certificate valid for
    /// `server.<dc>.<domain>` of this datacenter (a client agent's certificate is not enough).
    pub fn check_peer_is_server(&self, certs: Option<&[CertificateDer<'_>]>) -> Result<(), String> {
        if !self.verify_server_hostname {
            return Ok(());
        }
        self.check_server_of(certs.unwrap_or_default(), &self.datacenter)
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
