//! The server port: accept, detect the protocol, authenticate, then run a frame loop that
//! hands each request to the protocol's handler (many in flight per connection).
//!
//! Ownership: `serve` owns the listener and one task per connection (awaited, or aborted after
//! a grace period, when it returns); each connection task owns its socket and the tasks of its
//! requests that wait (aborted when it ends). A connection ends when the peer closes, a frame is
//! invalid, or shutdown is signalled.

use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, watch};
use tracing::Instrument;

use super::frame::{self, Decoder, Frame, Kind};
use super::protocol::{Detected, detect};
use crate::tasks::{TaskSet, stopped};
use crate::throttle::Throttle;
use crate::tls::{AgentTls, Protocol};

/// What a handler learns about the peer.
#[derive(Debug, Clone)]
pub struct Peer {
    pub addr: SocketAddr,
    /// The SNI the peer asked for, when it came over TLS.
    pub sni: Option<String>,
    pub tls: bool,
    /// The peer's certificate chain (verified against the CA), when it came over TLS.
    pub certs: Vec<rustls::pki_types::CertificateDer<'static>>,
}

/// Handles one request body and returns the reply body.
pub type Handler = Arc<dyn Fn(Vec<u8>, Peer) -> Pin<Box<dyn Future<Output = Vec<u8>> + Send>> + Send + Sync>;

/// Server settings.
#[derive(Clone)]
pub struct ServerOptions {
    pub tls: Option<Arc<AgentTls>>,
    pub max_frame: usize,
    /// Bound on the first byte and the TLS handshake.
    pub handshake_timeout: Duration,
    /// Bound on receiving the rest of a frame once it has started (idle connections between
    /// frames are kept).
    pub frame_timeout: Duration,
    /// Bytes all connections together may hold of frames still arriving that are larger
    /// than [`UNRESERVED_FRAME`]; a connection waits for its share (reading nothing) and is
    /// closed if the frame's `frame_timeout` passes first. Raised to `max_frame` if below it.
    pub frame_budget: usize,
    /// Where WAN gossip packets that came through mesh gateways go (the WAN pool's ingest);
    /// `None` refuses the gossip ALPN.
    pub gossip_packets: Option<mpsc::Sender<Vec<u8>>>,
}

impl std::fmt::Debug for ServerOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServerOptions").field("tls", &self.tls.is_some()).field("max_frame", &self.max_frame).finish()
    }
}

impl Default for ServerOptions {
    fn default() -> Self {
        ServerOptions {
            tls: None,
            max_frame: frame::DEFAULT_MAX_FRAME,
            handshake_timeout: Duration::from_secs(5),
            frame_timeout: Duration::from_secs(30),
            frame_budget: 4 * frame::DEFAULT_MAX_FRAME,
            gossip_packets: None,
        }
    }
}

/// Remembers which peers were already told off, so a misbehaving peer is logged once.
#[derive(Debug, Default)]
struct Refusals(Mutex<HashSet<(IpAddr, &'static str)>>);

impl Refusals {
    fn refuse(&self, peer: SocketAddr, reason: &'static str, detail: &str) {
        let mut seen = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if seen.len() > 4096 {
            seen.clear();
        }
        if seen.insert((peer.ip(), reason)) {
            tracing::warn!(%peer, reason, detail, "refused a connection on the server port");
        } else {
            tracing::debug!(%peer, reason, detail, "refused a connection on the server port");
        }
    }
}

/// Requests of one connection being served at once; more wait unread.
const MAX_IN_FLIGHT: usize = 256;

/// A frame up to this size is read without a reservation from the frame budget.
pub const UNRESERVED_FRAME: usize = 64 * 1024;

/// The memory every connection together may hold of large frames still arriving.
#[derive(Debug, Clone)]
struct FrameBudget(Arc<tokio::sync::Semaphore>, u32);

impl FrameBudget {
    fn new(bytes: usize) -> FrameBudget {
        let bytes = u32::try_from(bytes).unwrap_or(u32::MAX >> 3);
        FrameBudget(Arc::new(tokio::sync::Semaphore::new(bytes as usize)), bytes)
    }

    /// Room for a frame of `len` bytes, or `None` if `deadline` passes or shutdown starts
    /// before there is room.
    async fn reserve(
        &self,
        len: usize,
        deadline: tokio::time::Instant,
        stop: &mut watch::Receiver<bool>,
    ) -> Option<tokio::sync::OwnedSemaphorePermit> {
        let n = u32::try_from(len).unwrap_or(u32::MAX).min(self.1);
        tokio::select! {
            permit = self.0.clone().acquire_many_owned(n) => permit.ok(),
            _ = tokio::time::sleep_until(deadline) => None,
            _ = stopped(stop) => None,
        }
    }
}

/// A peer misbehaving on many connections at once is logged at most this often.
static CLOSED_LOG: Throttle = Throttle::new(Duration::from_secs(10));

/// How long connections get to finish once shutdown starts.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(1);

/// Serves the port until `shutdown` flips to true, then closes every connection.
pub async fn serve(
    listener: TcpListener,
    options: ServerOptions,
    handlers: HashMap<Protocol, Handler>,
    mut shutdown: watch::Receiver<bool>,
) {
    let budget = FrameBudget::new(options.frame_budget.max(options.max_frame));
    let shared = Arc::new((options, handlers, Refusals::default(), budget));
    let mut connections = TaskSet::new();
    while let Some((stream, addr)) = crate::serve::accept(&listener, &mut shutdown).await {
        let shared = shared.clone();
        let stop = shutdown.clone();
        let conn = async move {
            let (options, handlers, refusals, budget) = &*shared;
            connection(stream, addr, Shared { options, handlers, refusals, budget }, stop).await;
        };
        connections.spawn("rpc connection", conn.instrument(tracing::debug_span!("rpc_conn", peer = %addr)));
    }
    drop(listener);
    connections.join(SHUTDOWN_GRACE).await;
}

/// What every connection of one listener shares.
#[derive(Clone, Copy)]
struct Shared<'a> {
    options: &'a ServerOptions,
    handlers: &'a HashMap<Protocol, Handler>,
    refusals: &'a Refusals,
    budget: &'a FrameBudget,
}

async fn connection(stream: TcpStream, addr: SocketAddr, shared: Shared<'_>, stop: watch::Receiver<bool>) {
    let Shared { options, handlers, refusals, .. } = shared;
    let _ = stream.set_nodelay(true);
    let mut first = [0u8; 1];
    match tokio::time::timeout(options.handshake_timeout, stream.peek(&mut first)).await {
        Ok(Ok(1)) => {}
        Ok(Ok(_)) => return, // closed before sending anything
        Ok(Err(e)) => return refusals.refuse(addr, "read error", &e.to_string()),
        Err(_) => return refusals.refuse(addr, "timeout", "no first byte in time"),
    }
    match detect(first[0]) {
        Detected::Garbage(b) => refusals.refuse(addr, "unknown protocol byte", &format!("{b:#04x}")),
        Detected::Plain(protocol) => {
            if options.tls.as_ref().is_some_and(|t| t.verify_incoming) {
                return refusals.refuse(addr, "plaintext with verify_incoming", "TLS is required");
            }
            let mut stream = stream;
            let _ = stream.read_exact(&mut first).await; // consume the type byte
            // Raft needs a server's certificate whenever certificates say who is a server.
            if protocol == Protocol::Raft && options.tls.as_ref().is_some_and(|t| t.roles_enforced()) {
                return refusals.refuse(addr, "plaintext raft", "raft needs a server certificate over TLS");
            }
            let Some(handler) = handlers.get(&protocol) else {
                return refusals.refuse(addr, "protocol not served", &format!("{protocol:?}"));
            };
            let peer = Peer { addr, sni: None, tls: false, certs: Vec::new() };
            frame_loop(stream, handler.clone(), peer, options, shared.budget, stop).await;
        }
        Detected::TlsUpgrade => {
            let Some(tls) = &options.tls else {
                return refusals.refuse(addr, "TLS not configured", "this agent has no cert_file");
            };
            let mut stream = stream;
            let _ = stream.read_exact(&mut first).await; // consume the upgrade byte
            let acceptor = tokio_rustls::TlsAcceptor::from(tls.server_config());
            let mut tls_stream = match tokio::time::timeout(options.handshake_timeout, acceptor.accept(stream)).await {
                Ok(Ok(s)) => s,
                Ok(Err(e)) => return refusals.refuse(addr, "TLS handshake failed", &e.to_string()),
                Err(_) => return refusals.refuse(addr, "timeout", "TLS handshake took too long"),
            };
            let mut inner = [0u8; 1];
            match tokio::time::timeout(options.handshake_timeout, tls_stream.read_exact(&mut inner)).await {
                Ok(Ok(_)) => {}
                _ => return refusals.refuse(addr, "timeout", "no type byte after the TLS upgrade"),
            }
            let protocol = match detect(inner[0]) {
                Detected::Plain(p) => p,
                _ => return refusals.refuse(addr, "unknown protocol byte inside TLS", &format!("{:#04x}", inner[0])),
            };
            serve_tls(tls_stream, protocol, addr, tls, shared, stop).await;
        }
        Detected::Tls => {
            let Some(tls) = &options.tls else {
                return refusals.refuse(addr, "TLS not configured", "this agent has no cert_file");
            };
            let acceptor = tokio_rustls::TlsAcceptor::from(tls.server_config());
            let tls_stream = match tokio::time::timeout(options.handshake_timeout, acceptor.accept(stream)).await {
                Ok(Ok(s)) => s,
                Ok(Err(e)) => return refusals.refuse(addr, "TLS handshake failed", &e.to_string()),
                Err(_) => return refusals.refuse(addr, "timeout", "TLS handshake took too long"),
            };
            let (_, conn) = tls_stream.get_ref();
            let Some(protocol) = conn.alpn_protocol().and_then(Protocol::from_alpn) else {
                return refusals.refuse(
                    addr,
                    "unknown ALPN",
                    &format!("{:?}", conn.alpn_protocol().map(String::from_utf8_lossy)),
                );
            };
            serve_tls(tls_stream, protocol, addr, tls, shared, stop).await;
        }
    }
}

/// The authenticated TLS path, whichever way it was entered (ALPN or the upgrade byte): raft
/// needs a server certificate under verify_server_hostname; then the protocol's frame loop.
async fn serve_tls(
    stream: tokio_rustls::server::TlsStream<TcpStream>,
    protocol: Protocol,
    addr: SocketAddr,
    tls: &AgentTls,
    shared: Shared<'_>,
    stop: watch::Receiver<bool>,
) {
    let Shared { options, handlers, refusals, .. } = shared;
    let (_, conn) = stream.get_ref();
    if protocol == Protocol::Raft
        && let Err(why) = tls.check_peer_is_server(conn.peer_certificates())
    {
        return refusals.refuse(addr, "raft peer is not a server", &why);
    }
    let sni = conn.server_name().map(str::to_owned);
    if protocol == Protocol::WanGossipPacket {
        return match &options.gossip_packets {
            Some(sink) => packet_loop(stream, sink.clone(), addr, stop).await,
            None => refusals.refuse(addr, "protocol not served", "WAN gossip (not federated through gateways)"),
        };
    }
    let certs =
        conn.peer_certificates().map(|c| c.iter().map(|c| c.clone().into_owned()).collect()).unwrap_or_default();
    let Some(handler) = handlers.get(&protocol) else {
        return refusals.refuse(addr, "protocol not served", &format!("{protocol:?}"));
    };
    let peer = Peer { addr, sni, tls: true, certs };
    frame_loop(stream, handler.clone(), peer, options, shared.budget, stop).await;
}

/// Reads request frames, runs each on its own task, writes responses as they complete.
///
/// Memory: a frame is buffered only up to `max_frame`; one larger than [`UNRESERVED_FRAME`]
/// reads on only once the listener's frame budget has room for all of it; and the whole frame
/// must arrive within `frame_timeout` of its first byte. So a peer that declares a large
/// frame and trickles it holds at most its share of the budget, for at most `frame_timeout`.
async fn frame_loop<S>(
    stream: S,
    handler: Handler,
    peer: Peer,
    options: &ServerOptions,
    budget: &FrameBudget,
    mut stop: watch::Receiver<bool>,
) where
    S: AsyncRead + AsyncWrite + Send + 'static,
{
    let (mut reader, writer) = tokio::io::split(stream);
    // Replies are written by whoever has one (no writer task in between: one wakeup less per
    // request); the lock keeps frames whole.
    let writer = Arc::new(tokio::sync::Mutex::new(writer));
    let max_frame = options.max_frame;
    let mut decoder = Decoder::new(max_frame);
    // Request tasks of this connection; each holds a sender of the writer's channel.
    let mut in_flight = tokio::task::JoinSet::new();
    let mut buf = vec![0u8; 16 * 1024];
    // When the frame in progress must be complete, and its share of the budget.
    let mut deadline: Option<tokio::time::Instant> = None;
    let mut reserved: Option<tokio::sync::OwnedSemaphorePermit> = None;
    'conn: loop {
        if reserved.is_none()
            && let Some(len) = decoder.declared().filter(|&len| len > UNRESERVED_FRAME && len <= max_frame)
        {
            let until = deadline.unwrap_or_else(|| tokio::time::Instant::now() + options.frame_timeout);
            match budget.reserve(len, until, &mut stop).await {
                Some(permit) => reserved = Some(permit),
                None => {
                    if !*stop.borrow()
                        && let Some(suppressed) = CLOSED_LOG.allow()
                    {
                        tracing::warn!(peer = %peer.addr, len, suppressed, "closing: no room to buffer a large frame in time");
                    }
                    break;
                }
            }
        }
        let n = tokio::select! {
            r = reader.read(&mut buf) => match r {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            },
            _ = tokio::time::sleep_until(deadline.unwrap_or_else(tokio::time::Instant::now)), if deadline.is_some() => {
                if let Some(suppressed) = CLOSED_LOG.allow() {
                    tracing::warn!(peer = %peer.addr, timeout = ?options.frame_timeout, suppressed, "closing: a frame did not arrive in time");
                }
                break;
            }
            _ = stopped(&mut stop) => break,
        };
        // Between frames a connection may idle; once one starts, all of it must come in time.
        if decoder.buffered() == 0 {
            deadline = Some(tokio::time::Instant::now() + options.frame_timeout);
        }
        decoder.push(&buf[..n]);
        // Reap finished request tasks so a long-lived connection does not accumulate them; at
        // the cap, read nothing more until one finishes (each may hold its request).
        while in_flight.try_join_next().is_some() {}
        while in_flight.len() >= MAX_IN_FLIGHT {
            tokio::select! {
                _ = in_flight.join_next() => {}
                _ = stopped(&mut stop) => break 'conn,
            }
        }
        loop {
            match decoder.next_frame() {
                Ok(Some(Frame { id, kind: Kind::Request, body })) => {
                    reserved = None;
                    deadline = (decoder.buffered() > 0).then(|| tokio::time::Instant::now() + options.frame_timeout);
                    let mut reply = handler(body, peer.clone());
                    // A request answered without waiting (a ping, a read of local state) is
                    // answered from here; one that waits (a raft write, a blocking read)
                    // continues in its own task, which polls it again at once.
                    let polled = reply.as_mut().poll(&mut std::task::Context::from_waker(std::task::Waker::noop()));
                    match polled {
                        std::task::Poll::Ready(body) => {
                            if !write_reply(&writer, id, body, max_frame).await {
                                break 'conn;
                            }
                        }
                        std::task::Poll::Pending => {
                            let writer = writer.clone();
                            in_flight.spawn(async move {
                                write_reply(&writer, id, reply.await, max_frame).await;
                            });
                        }
                    }
                }
                Ok(Some(_)) => {
                    tracing::warn!(peer = %peer.addr, "closing: a response frame arrived on a server connection");
                    break 'conn;
                }
                Ok(None) => break,
                Err(e) => {
                    if let Some(suppressed) = CLOSED_LOG.allow() {
                        tracing::warn!(peer = %peer.addr, error = %e, suppressed, "closing the connection: invalid frame");
                    }
                    break 'conn;
                }
            }
        }
    }
    // Whatever is still running has nobody to answer (the peer left) or must not outlive a
    // shutdown (a blocking read could otherwise hold the connection open for minutes).
    in_flight.abort_all();
    while in_flight.join_next().await.is_some() {}
    let _ = writer.lock().await.shutdown().await;
}

/// Writes one reply frame; false when the connection is broken.
async fn write_reply<W: AsyncWrite + Unpin>(
    writer: &tokio::sync::Mutex<W>,
    id: u64,
    body: Vec<u8>,
    max_frame: usize,
) -> bool {
    let bytes = match frame::encode(&Frame { id, kind: Kind::Response, body }, max_frame) {
        Ok(bytes) => bytes,
        Err(e) => {
            tracing::warn!(error = %e, "dropping an oversized reply");
            return true;
        }
    };
    let mut w = writer.lock().await;
    w.write_all(&bytes).await.is_ok() && w.flush().await.is_ok()
}

/// The largest WAN gossip packet accepted (a memory-exhaustion guard).
pub const MAX_GOSSIP_PACKET: u32 = 4 * 1024 * 1024;
/// A gossip packet connection idle this long is closed (the sender reconnects when needed).
const GOSSIP_IDLE: Duration = Duration::from_secs(120);

/// WAN gossip packets through a gateway: a 4-byte big-endian length, then the packet, until
/// the sender closes. Nothing is ever written back.
async fn packet_loop(
    stream: tokio_rustls::server::TlsStream<TcpStream>,
    sink: mpsc::Sender<Vec<u8>>,
    peer: SocketAddr,
    mut stop: watch::Receiver<bool>,
) {
    let mut stream = tokio::io::BufReader::new(stream);
    loop {
        let mut len = [0u8; 4];
        let read = tokio::select! {
            r = tokio::time::timeout(GOSSIP_IDLE, stream.read_exact(&mut len)) => r,
            _ = stopped(&mut stop) => return,
        };
        match read {
            Ok(Ok(_)) => {}
            Ok(Err(e)) if e.kind() == std::io::ErrorKind::UnexpectedEof => return,
            Ok(Err(e)) => return tracing::debug!(%peer, error = %e, "a WAN gossip connection broke"),
            Err(_) => return,
        }
        let len = u32::from_be_bytes(len);
        if len == 0 || len > MAX_GOSSIP_PACKET {
            return tracing::warn!(%peer, len, max = MAX_GOSSIP_PACKET, "closing: gossip packet size out of bounds");
        }
        let mut packet = vec![0u8; len as usize];
        if let Err(e) = tokio::time::timeout(GOSSIP_IDLE, stream.read_exact(&mut packet)).await.unwrap_or_else(|_| {
            Err(std::io::Error::new(std::io::ErrorKind::TimedOut, "the rest of a packet did not arrive"))
        }) {
            return tracing::debug!(%peer, error = %e, "a WAN gossip connection broke mid-packet");
        }
        if sink.try_send(packet).is_err() {
            tracing::debug!(%peer, "dropping a WAN gossip packet: the pool is busy or stopped");
        }
    }
}
