//! Asking a mesh gateway who it is: TCP to it, a TLS ClientHello for
//! `_gateway.server.<dc>.<domain>`, and the fixed line the gateway of `<dc>` answers with
//! (see [`crate::tls::names::gateway_probe_name`]). Dialled at a local gateway, the question
//! travels to `<dc>`'s gateway like any server name, so the answer says the whole path up to
//! that gateway works; dialled at a remote gateway, it says that gateway is up and configured.

use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::tls::names::{GATEWAY_PROBE_ANSWER, gateway_probe_name};
use crate::tls::{AgentTls, Protocol, connect_tcp};

/// How a gateway answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GatewayAnswer {
    /// The gateway's datacenter and service ID, as it named itself.
    pub datacenter: String,
    #[serde(rename = "ServiceID")]
    pub service_id: String,
}

/// Why a gateway did not answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoAnswer {
    /// The TCP connection to the address dialled failed (refused, no route, timed out).
    Connect(String),
    /// Connected, but nothing (or something else) answered for the datacenter asked about.
    Silent(String),
}

impl NoAnswer {
    pub fn message(&self) -> &str {
        match self {
            NoAnswer::Connect(m) | NoAnswer::Silent(m) => m,
        }
    }

    /// The connection failed for want of a route (not a refusal or a timeout).
    pub fn no_route(&self) -> bool {
        matches!(self, NoAnswer::Connect(m) if m.contains("unreachable") || m.contains("No route"))
    }
}

/// Asks the gateway at `addr` for `dc`'s gateway; `timeout` bounds each step.
pub async fn ask(tls: &Arc<AgentTls>, addr: &str, dc: &str, timeout: Duration) -> Result<GatewayAnswer, NoAnswer> {
    let mut tcp = connect_tcp(addr, timeout).await.map_err(|e| NoAnswer::Connect(e.to_string()))?;
    let silent = |m: &str| NoAnswer::Silent(format!("{addr}: {m}"));
    let hello = client_hello(tls, dc).map_err(|e| silent(&e))?;
    tcp.write_all(&hello).await.map_err(|e| silent(&format!("sending the question: {e}")))?;
    let mut answer = Vec::new();
    let read = tokio::time::timeout(timeout, async {
        let mut buf = [0u8; 256];
        while answer.len() < 256 && !answer.contains(&b'\n') {
            match tcp.read(&mut buf).await {
                Ok(0) => break,
                Ok(n) => answer.extend_from_slice(&buf[..n]),
                Err(e) => return Err(e),
            }
        }
        Ok(())
    })
    .await;
    match read {
        Err(_) => return Err(silent(&format!("no answer within {timeout:?}"))),
        Ok(Err(e)) if answer.is_empty() => return Err(silent(&format!("closed without answering ({e})"))),
        Ok(_) => {}
    }
    parse(&answer, dc).map_err(|m| silent(&m))
}

/// The first flight of a TLS handshake for the probe name (never completed).
fn client_hello(tls: &AgentTls, dc: &str) -> Result<Vec<u8>, String> {
    let name = gateway_probe_name(dc, tls.domain());
    let config = tls.client_config(Protocol::Rpc).map_err(|e| e.to_string())?;
    let server_name = rustls::pki_types::ServerName::try_from(name).map_err(|e| e.to_string())?;
    let mut conn = rustls::ClientConnection::new(config, server_name).map_err(|e| e.to_string())?;
    let mut hello = Vec::new();
    while conn.wants_write() {
        conn.write_tls(&mut hello).map_err(|e| e.to_string())?;
    }
    Ok(hello)
}

fn parse(answer: &[u8], dc: &str) -> Result<GatewayAnswer, String> {
    if answer.is_empty() {
        return Err(format!("closed the connection without answering as {dc}'s gateway"));
    }
    let text = String::from_utf8_lossy(answer);
    let mut words = text.split_whitespace();
    if words.next() != Some(GATEWAY_PROBE_ANSWER) {
        return Err(format!("something other than a fedctl mesh gateway answered for {dc}"));
    }
    let answered = GatewayAnswer {
        datacenter: words.next().unwrap_or_default().to_owned(),
        service_id: words.next().unwrap_or_default().to_owned(),
    };
    if answered.datacenter != dc {
        return Err(format!("{}'s gateway answered, not {dc}'s", answered.datacenter));
    }
    Ok(answered)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_names_the_gateway_and_must_be_for_the_datacenter_asked() {
        let ok = parse(b"fedctl-mesh-gateway dc2 mesh-gateway\n", "dc2").unwrap();
        assert_eq!(ok, GatewayAnswer { datacenter: "dc2".into(), service_id: "mesh-gateway".into() });
        assert_eq!(parse(b"fedctl-mesh-gateway dc1 g\n", "dc2").unwrap_err(), "dc1's gateway answered, not dc2's");
        assert!(parse(b"", "dc2").unwrap_err().contains("without answering"));
        assert!(parse(&[0x15, 0x03, 0x03, 0, 2, 2, 40], "dc2").unwrap_err().contains("something other"));
    }
}
