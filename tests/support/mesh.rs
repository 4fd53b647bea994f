//! The service mesh as a user runs it: applications (a TCP echo), services registered with
//! sidecars, `fedctl connect envoy -sidecar-for` processes, and clients that talk to the mesh
//! with or without a certificate.

use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime, pem::PemObject};
use rustls::{ClientConfig, ClientConnection, DigitallySignedStruct, SignatureScheme, StreamOwned};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::agent::TestAgent;
use super::gateway::Gateway;

/// A TCP echo application on a free loopback port, answering each read with `<name>: <data>`
/// so a reply names who answered. Ends with the runtime.
pub async fn echo_app(name: &str) -> u16 {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let name = name.to_owned();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let name = name.clone();
            tokio::spawn(async move {
                let mut buf = vec![0u8; 4096];
                while let Ok(n) = stream.read(&mut buf).await {
                    if n == 0 {
                        break;
                    }
                    let reply = [format!("{name}: ").as_bytes(), &buf[..n]].concat();
                    if stream.write_all(&reply).await.is_err() {
                        break;
                    }
                }
            });
        }
    });
    port
}

/// Registers `name` on `agent` with the app on `app_port`, its sidecar's public listener on
/// `port`, and `upstreams` as `(service, local port)`.
pub async fn register_with_sidecar(agent: &TestAgent, name: &str, app_port: u16, port: u16, upstreams: &[(&str, u16)]) {
    let upstreams: Vec<serde_json::Value> = upstreams
        .iter()
        .map(|(service, local)| serde_json::json!({ "DestinationName": service, "LocalBindPort": local }))
        .collect();
    let body = serde_json::json!({
        "Name": name,
        "Port": app_port,
        "Connect": { "SidecarService": { "Port": port, "Proxy": { "Upstreams": upstreams } } }
    });
    let (status, text) = agent.put("/v1/agent/service/register", body.to_string()).await;
    assert_eq!(status, 200, "registering {name}: {text}");
}

/// `fedctl connect envoy -sidecar-for <service_id>` for the agent at `http` (Envoy logs at
/// `info` to the process's log file).
pub fn start_sidecar(http: &str, dir: &Path, service_id: &str) -> Gateway {
    Gateway::run(http, dir, &format!("{service_id}-sidecar"), &["-sidecar-for", service_id], &["-l", "info"])
}

/// Sends `message` to `addr` over plain TCP and reads one answer; `None` when the connection
/// fails, is closed, or nothing arrives within a second.
pub fn tcp_round_trip(addr: &str, message: &str) -> Option<String> {
    let addr = addr.to_socket_addrs().ok()?.next()?;
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(1)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(1))).ok()?;
    stream.write_all(message.as_bytes()).ok()?;
    let mut buf = vec![0u8; 4096];
    let n = stream.read(&mut buf).ok()?;
    (n > 0).then(|| String::from_utf8_lossy(&buf[..n]).into_owned())
}

/// Waits (up to `limit`) until `message` sent to `addr` comes back as `expected`.
pub async fn wait_for_round_trip(addr: &str, message: &str, expected: &str, limit: Duration, what: &str) {
    let deadline = Instant::now() + limit;
    let mut last = None;
    while Instant::now() < deadline {
        let (a, m) = (addr.to_owned(), message.to_owned());
        last = tokio::task::spawn_blocking(move || tcp_round_trip(&a, &m)).await.unwrap();
        if last.as_deref() == Some(expected) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{what}: no {expected:?} from {addr} within {limit:?}; last answer {last:?}");
}

/// Sends `message` over TLS to `addr`, presenting `client` (cert chain PEM, key PEM) if
/// given, and reads one answer. The server is not verified (these clients probe what the
/// server accepts). `Err` says where it failed.
pub fn tls_round_trip(addr: &str, client: Option<(&str, &str)>, message: &str) -> Result<String, String> {
    let builder = ClientConfig::builder_with_provider(fedctl::tls::provider())
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(AnyServer));
    let config = match client {
        Some((chain, key)) => {
            let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(chain.as_bytes())
                .collect::<Result<_, _>>()
                .map_err(|e| e.to_string())?;
            let key = PrivateKeyDer::from_pem_slice(key.as_bytes()).map_err(|e| e.to_string())?;
            builder.with_client_auth_cert(chain, key).map_err(|e| e.to_string())?
        }
        None => builder.with_no_client_auth(),
    };
    let tcp = TcpStream::connect(addr).map_err(|e| format!("connect: {e}"))?;
    tcp.set_read_timeout(Some(Duration::from_secs(2))).map_err(|e| e.to_string())?;
    let name = ServerName::try_from("mesh.invalid").map_err(|e| e.to_string())?;
    let conn = ClientConnection::new(Arc::new(config), name).map_err(|e| e.to_string())?;
    let mut tls = StreamOwned::new(conn, tcp);
    tls.write_all(message.as_bytes()).map_err(|e| format!("write: {e}"))?;
    tls.flush().map_err(|e| format!("flush: {e}"))?;
    let mut buf = vec![0u8; 4096];
    let n = tls.read(&mut buf).map_err(|e| format!("read: {e}"))?;
    if n == 0 {
        return Err("closed without an answer".to_owned());
    }
    Ok(String::from_utf8_lossy(&buf[..n]).into_owned())
}

/// Accepts any server certificate: for probing what a server lets in, never for trust.
#[derive(Debug)]
struct AnyServer;

impl ServerCertVerifier for AnyServer {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        _message: &[u8],
        _cert: &CertificateDer<'_>,
        _dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Ok(HandshakeSignatureValid::assertion())
    }

    fn verify_tls13_signature(
        &self,
        _message: &[u8],
        _cert: &CertificateDer<'_>,
        _dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Ok(HandshakeSignatureValid::assertion())
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        fedctl::tls::provider().signature_verification_algorithms.supported_schemes()
    }
}
