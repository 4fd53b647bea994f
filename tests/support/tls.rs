//! One mutual-TLS exchange over loopback TCP (a "ping" answered with "pong"), for tests of the
//! certificates fedctl generates.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::thread;

use fedctl::tls::TlsMaterial;
use rustls::pki_types::ServerName;
use rustls::{ClientConnection, ServerConnection, StreamOwned};

/// The protocol both sides offer.
pub const ALPN: &[u8] = b"fedctl/rpc";

/// What the server saw of one connection.
#[derive(Debug)]
pub struct Seen {
    pub sni: Option<String>,
    pub alpn: Option<Vec<u8>>,
    pub client_certs: usize,
    pub request: Vec<u8>,
}

/// Serves one connection: handshake, read "ping", answer "pong".
pub fn serve_once(server: &TlsMaterial) -> (std::net::SocketAddr, thread::JoinHandle<Result<Seen, String>>) {
    let config = Arc::new(server.server_config(true, &[ALPN]).unwrap());
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let handle = thread::spawn(move || {
        let (tcp, _) = listener.accept().map_err(|e| e.to_string())?;
        let conn = ServerConnection::new(config).map_err(|e| e.to_string())?;
        let mut tls = StreamOwned::new(conn, tcp);
        let mut request = [0u8; 4];
        tls.read_exact(&mut request).map_err(|e| e.to_string())?;
        tls.write_all(b"pong").map_err(|e| e.to_string())?;
        tls.flush().map_err(|e| e.to_string())?;
        Ok(Seen {
            sni: tls.conn.server_name().map(str::to_owned),
            alpn: tls.conn.alpn_protocol().map(<[u8]>::to_vec),
            client_certs: tls.conn.peer_certificates().map_or(0, <[_]>::len),
            request: request.to_vec(),
        })
    });
    (addr, handle)
}

/// Dials `addr` with SNI `name`, sends "ping" and returns the answer.
pub fn ping(client: &TlsMaterial, addr: std::net::SocketAddr, name: &str) -> Result<Vec<u8>, String> {
    let config = Arc::new(client.client_config(&[ALPN]).unwrap());
    let name = ServerName::try_from(name.to_owned()).unwrap();
    let conn = ClientConnection::new(config, name).map_err(|e| e.to_string())?;
    let tcp = TcpStream::connect(addr).map_err(|e| e.to_string())?;
    let mut tls = StreamOwned::new(conn, tcp);
    tls.write_all(b"ping").map_err(|e| e.to_string())?;
    let mut answer = [0u8; 4];
    tls.read_exact(&mut answer).map_err(|e| e.to_string())?;
    Ok(answer.to_vec())
}
