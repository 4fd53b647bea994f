//! One way to open a connection to a server, directly or through a mesh gateway: TCP to
//! `addr`, then TLS as `<node>.server.<dc>.<domain>` (or `server.<dc>.<domain>`) offering the
//! protocol's ALPN. The RPC client, the WAN gossip tunnel and the gateway probes all dial
//! through here, so they fail the same way and say which step failed.

use std::time::Duration;

use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;

use super::AgentTls;
use super::alpn::Protocol;

/// Which step of a dial failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialStep {
    /// The TCP connection to `addr` (for a gateway: the gateway itself).
    Connect,
    /// The TLS handshake failed on the certificate (name or chain).
    Certificate,
    /// The TLS handshake failed otherwise (closed, reset, timed out: somewhere past `addr`).
    Handshake,
}

/// A failed dial: the step, the address dialled, the TLS name (for TLS steps) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialError {
    pub step: DialStep,
    pub addr: String,
    pub name: String,
    pub reason: String,
}

impl std::fmt::Display for DialError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.step {
            DialStep::Connect => write!(f, "dialling {}: {}", self.addr, self.reason),
            _ => write!(f, "TLS with {} as {}: {}", self.addr, self.name, self.reason),
        }
    }
}

impl std::error::Error for DialError {}

/// TCP to `addr` with no-delay on.
pub async fn connect_tcp(addr: &str, timeout: Duration) -> Result<TcpStream, DialError> {
    let fail =
        |reason: String| DialError { step: DialStep::Connect, addr: addr.to_owned(), name: String::new(), reason };
    let tcp = tokio::time::timeout(timeout, TcpStream::connect(addr))
        .await
        .map_err(|_| fail(format!("timed out after {timeout:?}")))?
        .map_err(|e| fail(e.to_string()))?;
    let _ = tcp.set_nodelay(true);
    Ok(tcp)
}

/// The TLS client handshake on `tcp` (dialled at `addr`) with a server of `datacenter`.
pub async fn tls_handshake(
    tls: &AgentTls,
    tcp: TcpStream,
    addr: &str,
    node: Option<&str>,
    datacenter: &str,
    protocol: Protocol,
    timeout: Duration,
) -> Result<TlsStream<TcpStream>, DialError> {
    let name = tls.server_name(node, datacenter);
    let fail = |step, reason: String| DialError { step, addr: addr.to_owned(), name: name.clone(), reason };
    let config = tls.client_config(protocol).map_err(|e| fail(DialStep::Handshake, e.to_string()))?;
    let server_name =
        rustls::pki_types::ServerName::try_from(name.clone()).map_err(|e| fail(DialStep::Handshake, e.to_string()))?;
    match tokio::time::timeout(timeout, tokio_rustls::TlsConnector::from(config).connect(server_name, tcp)).await {
        Ok(Ok(stream)) => Ok(stream),
        Ok(Err(e)) => {
            let reason = e.to_string();
            let step = if reason.contains("certificate") { DialStep::Certificate } else { DialStep::Handshake };
            Err(fail(step, reason))
        }
        Err(_) => Err(fail(DialStep::Handshake, "handshake timed out".to_owned())),
    }
}

/// Dials `addr` and completes TLS with a server of `datacenter` (`node`, or any).
pub async fn dial_tls(
    tls: &AgentTls,
    addr: &str,
    node: Option<&str>,
    datacenter: &str,
    protocol: Protocol,
    timeout: Duration,
) -> Result<TlsStream<TcpStream>, DialError> {
    let tcp = connect_tcp(addr, timeout).await?;
    tls_handshake(tls, tcp, addr, node, datacenter, protocol, timeout).await
}
