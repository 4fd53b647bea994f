//! One way to open a TLS connection to a server, directly or through a mesh gateway: TCP to
//! `addr`, then TLS as `<node>.server.<dc>.<domain>` (or `server.<dc>.<domain>`) offering the
//! protocol's ALPN. Used by the RPC client, the WAN gossip tunnel and the gateway probes, so
//! they fail the same way and say which step failed.

use std::time::Duration;

use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;

use super::AgentTls;
use crate::rpc::protocol::Protocol;

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

/// A failed dial: the step and a message naming the address and the TLS name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct DialError {
    pub step: DialStep,
    pub message: String,
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
    let fail = |step, message: String| DialError { step, message };
    let tcp = tokio::time::timeout(timeout, TcpStream::connect(addr))
        .await
        .map_err(|_| fail(DialStep::Connect, format!("dialling {addr}: timed out after {timeout:?}")))?
        .map_err(|e| fail(DialStep::Connect, format!("dialling {addr}: {e}")))?;
    let _ = tcp.set_nodelay(true);
    let name = tls.server_name(node, datacenter);
    let config = tls.client_config(protocol).map_err(|e| fail(DialStep::Handshake, e.to_string()))?;
    let server_name =
        rustls::pki_types::ServerName::try_from(name.clone()).map_err(|e| fail(DialStep::Handshake, e.to_string()))?;
    match tokio::time::timeout(timeout, tokio_rustls::TlsConnector::from(config).connect(server_name, tcp)).await {
        Ok(Ok(stream)) => Ok(stream),
        Ok(Err(e)) => {
            let text = e.to_string();
            let step = if text.contains("certificate") { DialStep::Certificate } else { DialStep::Handshake };
            Err(fail(step, format!("TLS as {name} with {addr}: {text}")))
        }
        Err(_) => Err(fail(DialStep::Handshake, format!("TLS as {name} with {addr}: timed out"))),
    }
}
