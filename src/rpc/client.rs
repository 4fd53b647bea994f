//! The client side of the server port: one multiplexed connection per (server, protocol),
//! many requests in flight on it, replies matched by request id.
//!
//! Ownership: the pool owns `Conn`s and their reader tasks (joined by [`RpcClient::close`]);
//! callers write their request frames themselves (one at a time, under the conn's write lock:
//! no writer task, one wakeup less per call), and a reader task routes responses to the
//! waiting callers' oneshot senders. When the reader sees the
//! connection end, it fails every pending call and marks the conn closed; the next call dials
//! again. A caller dropped halfway through writing a frame closes the conn the same way (the
//! stream is no longer whole).

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::oneshot;

use super::frame::{self, Decoder, Frame, Kind};
use super::message::{self, Answer, Request};
use super::protocol::{TYPE_RAFT, TYPE_RPC};
use crate::state::RequestContext;
use crate::tasks::SharedTasks;
use crate::tls::{AgentTls, DialError, DialStep, Protocol, connect_tcp, tls_handshake};

/// A server to call.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Target {
    /// host:port of its server port.
    pub addr: String,
    /// Its node name, for `<node>.server.<dc>.<domain>`.
    pub node: Option<String>,
    pub datacenter: String,
}

/// Why a call failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RpcError {
    #[error("dialling {addr}: {reason}")]
    Dial { addr: String, reason: String },
    #[error("TLS with {addr} as {name}: {reason}")]
    Tls { addr: String, name: String, reason: String },
    /// The connection closed: before the request was written (`sent: false`), or after, with
    /// no reply (then it may have been served).
    #[error("the connection to {addr} closed before the reply")]
    Closed { addr: String, sent: bool },
    #[error("no reply from {addr} within {timeout:?}")]
    Timeout { addr: String, timeout: Duration },
    #[error("encoding or decoding an RPC message: {0}")]
    Codec(String),
}

/// How a server reaches other datacenters when they federate through mesh gateways: which
/// gateway to dial for a datacenter, and where to report how the dial went.
pub trait GatewayRoute: std::fmt::Debug + Send + Sync {
    fn local_datacenter(&self) -> &str;
    /// `host:port` of the gateway to dial for `datacenter`, with the reason it was chosen.
    fn pick(&self, datacenter: &str) -> Option<String>;
    /// How a dial of this client (RPC traffic) through `gateway` went.
    fn report(&self, gateway: &str, datacenter: &str, outcome: Result<(), String>);
    /// Whether a connection dialled through `gateway` should be replaced by a new dial (a
    /// better path is usable now).
    fn superseded(&self, _datacenter: &str, _gateway: &str) -> bool {
        false
    }
}

/// Client settings.
#[derive(Debug, Clone)]
pub struct ClientOptions {
    pub tls: Option<Arc<AgentTls>>,
    /// Set on servers of a federation through mesh gateways: other datacenters are dialled
    /// only through a gateway, never directly.
    pub gateways: Option<Arc<dyn GatewayRoute>>,
    pub max_frame: usize,
    pub dial_timeout: Duration,
    pub request_timeout: Duration,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            tls: None,
            gateways: None,
            max_frame: frame::DEFAULT_MAX_FRAME,
            dial_timeout: Duration::from_secs(5),
            request_timeout: Duration::from_secs(30),
        }
    }
}

trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}

struct Conn {
    writer: tokio::sync::Mutex<tokio::io::WriteHalf<Box<dyn Io>>>,
    pending: Mutex<HashMap<u64, oneshot::Sender<Vec<u8>>>>,
    next_id: AtomicU64,
    closed: AtomicBool,
    /// Set by [`Conn::retire`]: closes once the waiting calls have their answers.
    retiring: AtomicBool,
    /// Set (under the `pending` lock) when the reader has ended: no call may wait any more.
    finished: AtomicBool,
    /// The mesh gateway it was dialled through, if any.
    via: Option<String>,
    /// Ends the reader task (held by it, not by the connection it reads for).
    stop_reader: Arc<tokio::sync::Notify>,
}

/// Live connections by server and protocol.
type Pool = HashMap<(Target, Protocol), Arc<Conn>>;

/// A pool of multiplexed connections.
#[derive(Clone)]
pub struct RpcClient {
    options: ClientOptions,
    conns: Arc<Mutex<Pool>>,
    /// Connections retired from the pool that may still carry calls, closed by
    /// [`RpcClient::close`] too.
    retired: Arc<Mutex<Vec<std::sync::Weak<Conn>>>>,
    /// Every connection's reader task.
    readers: SharedTasks,
    /// Set by [`RpcClient::close`]: no new connections.
    closed: Arc<AtomicBool>,
}

impl std::fmt::Debug for RpcClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RpcClient").field("options", &self.options).finish_non_exhaustive()
    }
}

impl RpcClient {
    pub fn new(options: ClientOptions) -> RpcClient {
        RpcClient {
            options,
            conns: Arc::default(),
            retired: Arc::default(),
            readers: SharedTasks::new(),
            closed: Arc::default(),
        }
    }

    /// Closes every pooled connection (waiting calls fail) and ends their reader tasks; later
    /// calls fail without dialling. The owner calls this on shutdown.
    pub async fn close(&self) {
        self.closed.store(true, Ordering::Relaxed);
        let mut conns: Vec<Arc<Conn>> =
            self.conns.lock().unwrap_or_else(|e| e.into_inner()).drain().map(|(_, c)| c).collect();
        conns.extend(self.retired.lock().unwrap_or_else(|e| e.into_inner()).drain(..).filter_map(|w| w.upgrade()));
        for conn in &conns {
            conn.close();
        }
        self.readers.join(Duration::from_millis(500)).await;
    }

    /// Sends `request` (in this datacenter, with a default context) and waits for its answer.
    pub async fn request(&self, target: &Target, request: &Request) -> Result<Answer, RpcError> {
        let context = RequestContext::new().with_timeout(self.options.request_timeout);
        self.send(target, &context, request, self.options.request_timeout).await
    }

    /// Sends `request` with its context and waits up to `timeout` for the answer.
    pub async fn send(
        &self,
        target: &Target,
        context: &RequestContext,
        request: &Request,
        timeout: Duration,
    ) -> Result<Answer, RpcError> {
        // Encoded as an `Envelope`, without copying the request.
        #[derive(serde::Serialize)]
        struct EnvelopeRef<'a> {
            context: &'a RequestContext,
            request: &'a Request,
        }
        let body = message::encode(&EnvelopeRef { context, request }).map_err(|e| RpcError::Codec(e.to_string()))?;
        let reply = self.call_within(target, Protocol::Rpc, body, timeout).await?;
        message::decode(&reply).map_err(|e| RpcError::Codec(e.to_string()))
    }

    /// Sends one request frame of `protocol` and returns the reply body.
    pub async fn call(&self, target: &Target, protocol: Protocol, body: Vec<u8>) -> Result<Vec<u8>, RpcError> {
        self.call_within(target, protocol, body, self.options.request_timeout).await
    }

    async fn call_within(
        &self,
        target: &Target,
        protocol: Protocol,
        body: Vec<u8>,
        timeout: Duration,
    ) -> Result<Vec<u8>, RpcError> {
        let closed = |sent| RpcError::Closed { addr: target.addr.clone(), sent };
        // The timeout covers dialling and the write too: an unreachable or stalled peer cannot
        // hold a caller past it.
        let mut pending: Option<(Arc<Conn>, u64)> = None;
        let exchange = async {
            let conn = self.conn(target, protocol).await?;
            let id = conn.next_id.fetch_add(1, Ordering::Relaxed);
            let bytes = frame::encode(&Frame { id, kind: Kind::Request, body }, self.options.max_frame)
                .map_err(|e| RpcError::Codec(e.to_string()))?;
            let (reply_tx, reply_rx) = oneshot::channel();
            {
                let mut waiting = conn.pending.lock().unwrap_or_else(|e| e.into_inner());
                // Its reader ended (a retired connection drained just now): nothing would answer.
                if conn.finished.load(Ordering::Relaxed) {
                    return Err(closed(false));
                }
                waiting.insert(id, reply_tx);
            }
            pending = Some((conn.clone(), id));
            if !conn.write(&bytes).await {
                conn.close();
                return Err(closed(false));
            }
            reply_rx.await.map_err(|_| closed(true))
        };
        match tokio::time::timeout(timeout, exchange).await {
            Ok(result) => result,
            Err(_) => {
                if let Some((conn, id)) = pending {
                    conn.pending.lock().unwrap_or_else(|e| e.into_inner()).remove(&id);
                    // A retired connection may have nothing left to wait for.
                    conn.stop_reader.notify_one();
                }
                Err(RpcError::Timeout { addr: target.addr.clone(), timeout })
            }
        }
    }

    /// Closes and drops pooled connections to `target` (after it failed or left).
    pub fn forget(&self, target: &Target) {
        let mut conns = self.conns.lock().unwrap_or_else(|e| e.into_inner());
        conns.retain(|(t, _), conn| {
            if t == target {
                conn.close();
            }
            t != target
        });
    }

    async fn conn(&self, target: &Target, protocol: Protocol) -> Result<Arc<Conn>, RpcError> {
        if self.closed.load(Ordering::Relaxed) {
            return Err(RpcError::Closed { addr: target.addr.clone(), sent: false });
        }
        let key = (target.clone(), protocol);
        let pooled = self.conns.lock().unwrap_or_else(|e| e.into_inner()).get(&key).cloned();
        // A connection through a fallback gateway, once a better path is usable, is replaced
        // when a dial along that path succeeds; until then it keeps serving.
        let stale = match pooled.filter(|c| !c.closed.load(Ordering::Relaxed)) {
            Some(c) if self.superseded(target, &c) => Some(c),
            Some(c) => return Ok(c),
            None => None,
        };
        let (io, via) = match (self.dial(target, protocol).await, &stale) {
            (Ok(dialled), _) => dialled,
            (Err(_), Some(old)) => return Ok(old.clone()),
            (Err(e), None) => return Err(e),
        };
        let Some(conn) = spawn_conn(&self.readers, io, via, self.options.max_frame, target.addr.clone()) else {
            return Err(RpcError::Closed { addr: target.addr.clone(), sent: false });
        };
        // Two callers may race to dial; the last one wins the slot, both connections work.
        self.conns.lock().unwrap_or_else(|e| e.into_inner()).insert(key, conn.clone());
        if let Some(old) = stale {
            tracing::debug!(server = %target.addr, gateway = ?old.via, "moved RPC off a fallback gateway");
            old.retire();
            let mut retired = self.retired.lock().unwrap_or_else(|e| e.into_inner());
            retired.retain(|w| w.strong_count() > 0);
            retired.push(Arc::downgrade(&old));
        }
        Ok(conn)
    }

    /// Whether `conn` (to `target`) went through a gateway that a better path now supersedes.
    fn superseded(&self, target: &Target, conn: &Conn) -> bool {
        match (&conn.via, &self.options.gateways) {
            (Some(via), Some(route)) => route.superseded(&target.datacenter, via),
            _ => false,
        }
    }

    /// A connection to `target`, and the mesh gateway it goes through (if any).
    async fn dial(&self, target: &Target, protocol: Protocol) -> Result<(Box<dyn Io>, Option<String>), RpcError> {
        let route = self.options.gateways.as_ref().filter(|g| g.local_datacenter() != target.datacenter);
        let Some(route) = route else { return Ok((self.dial_at(target, &target.addr, protocol).await?, None)) };
        // Through a mesh gateway: TCP to the gateway, TLS (and SNI) for the target server.
        let Some(gateway) = route.pick(&target.datacenter) else {
            return Err(RpcError::Dial {
                addr: target.addr.clone(),
                reason: format!("no mesh gateway to reach datacenter {}", target.datacenter),
            });
        };
        if !self.options.tls.as_ref().is_some_and(|t| t.verify_outgoing) {
            return Err(RpcError::Dial {
                addr: gateway,
                reason: "cannot dial via a mesh gateway when outgoing TLS is disabled".into(),
            });
        }
        let result = self.dial_at(target, &gateway, protocol).await;
        route.report(&gateway, &target.datacenter, result.as_ref().map(|_| ()).map_err(|e| e.to_string()));
        Ok((result?, Some(gateway)))
    }

    /// TCP to `addr`, then TLS for `target` (or the plaintext type byte).
    async fn dial_at(&self, target: &Target, addr: &str, protocol: Protocol) -> Result<Box<dyn Io>, RpcError> {
        let rpc_error = |e: DialError| match e.step {
            DialStep::Connect => RpcError::Dial { addr: e.addr, reason: e.reason },
            _ => RpcError::Tls { addr: e.addr, name: e.name, reason: e.reason },
        };
        let mut tcp = connect_tcp(addr, self.options.dial_timeout).await.map_err(rpc_error)?;
        match &self.options.tls {
            Some(tls) if tls.verify_outgoing => {
                let (node, dc, timeout) = (target.node.as_deref(), &target.datacenter, self.options.dial_timeout);
                let stream = tls_handshake(tls, tcp, addr, node, dc, protocol, timeout).await.map_err(rpc_error)?;
                Ok(Box::new(stream))
            }
            _ => {
                let dial_err = |reason: String| RpcError::Dial { addr: addr.to_owned(), reason };
                let type_byte = match protocol {
                    Protocol::Rpc => TYPE_RPC,
                    Protocol::Raft => TYPE_RAFT,
                    other => return Err(dial_err(format!("{other:?} is only spoken over TLS"))),
                };
                tcp.write_all(&[type_byte]).await.map_err(|e| dial_err(e.to_string()))?;
                Ok(Box::new(tcp))
            }
        }
    }
}

impl Conn {
    /// Writes one whole frame; false when the connection is broken.
    async fn write(&self, bytes: &[u8]) -> bool {
        let mut writer = self.writer.lock().await;
        let mut torn = TornGuard(Some(self));
        let ok = writer.write_all(bytes).await.is_ok() && writer.flush().await.is_ok();
        torn.0 = None; // the frame is whole (or the stream broke, which the caller handles)
        ok
    }

    /// No new calls on this connection; every waiting call fails with Closed, and the reader
    /// task ends (closing the socket once no caller holds the writer).
    fn close(&self) {
        self.closed.store(true, Ordering::Relaxed);
        {
            let mut waiting = self.pending.lock().unwrap_or_else(|e| e.into_inner());
            self.finished.store(true, Ordering::Relaxed);
            waiting.clear();
        }
        self.stop_reader.notify_one();
    }

    /// No new calls on this connection; it closes once every waiting call has its answer.
    fn retire(&self) {
        self.retiring.store(true, Ordering::Relaxed);
        self.closed.store(true, Ordering::Relaxed);
        self.stop_reader.notify_one();
    }

    /// Whether the reader should end now: the connection is not retired (so it was closed),
    /// or it is and no call waits any more. Decided under the `pending` lock, which is where
    /// calls are added: none is added after this says yes.
    fn finish(&self) -> bool {
        let waiting = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        let done = !self.retiring.load(Ordering::Relaxed) || waiting.is_empty();
        if done {
            self.finished.store(true, Ordering::Relaxed);
        }
        done
    }
}

impl Drop for Conn {
    /// Nobody holds it any more (not the pool, no caller): its reader ends too.
    fn drop(&mut self) {
        self.stop_reader.notify_one();
    }
}

/// Closes the conn if dropped, i.e. when a caller is cancelled halfway through a frame.
struct TornGuard<'a>(Option<&'a Conn>);

impl Drop for TornGuard<'_> {
    fn drop(&mut self) {
        if let Some(conn) = self.0.take() {
            conn.close();
        }
    }
}

/// Starts a connection's reader task in `readers`; `None` once the client was closed.
fn spawn_conn(
    readers: &SharedTasks,
    io: Box<dyn Io>,
    via: Option<String>,
    max_frame: usize,
    addr: String,
) -> Option<Arc<Conn>> {
    let (mut reader, writer) = tokio::io::split(io);
    let conn = Arc::new(Conn {
        writer: tokio::sync::Mutex::new(writer),
        pending: Mutex::default(),
        next_id: AtomicU64::new(1),
        closed: AtomicBool::new(false),
        retiring: AtomicBool::new(false),
        finished: AtomicBool::new(false),
        via,
        stop_reader: Arc::default(),
    });
    let weak = Arc::downgrade(&conn);
    let stop = conn.stop_reader.clone();
    let started = readers.spawn("rpc reader", async move {
        let mut decoder = Decoder::new(max_frame);
        let mut buf = vec![0u8; 16 * 1024];
        'read: loop {
            let n = tokio::select! {
                r = reader.read(&mut buf) => match r {
                    Ok(0) | Err(_) => break,
                    Ok(n) => n,
                },
                // Retired with calls still waiting: read on until they have their answers.
                _ = stop.notified() => match weak.upgrade() {
                    Some(conn) if !conn.finish() => continue,
                    _ => break,
                },
            };
            decoder.push(&buf[..n]);
            loop {
                match decoder.next_frame() {
                    Ok(Some(Frame { id, kind: Kind::Response, body })) => {
                        let Some(conn) = weak.upgrade() else {
                            break 'read;
                        };
                        let waiter = conn.pending.lock().unwrap_or_else(|e| e.into_inner()).remove(&id);
                        if let Some(waiter) = waiter {
                            let _ = waiter.send(body);
                        }
                        if conn.retiring.load(Ordering::Relaxed) && conn.finish() {
                            break 'read;
                        }
                    }
                    Ok(Some(_)) => {
                        tracing::warn!(%addr, "closing: the server sent a request frame");
                        break 'read;
                    }
                    Ok(None) => break,
                    Err(e) => {
                        tracing::warn!(%addr, error = %e, "closing: invalid frame from the server");
                        break 'read;
                    }
                }
            }
        }
        if let Some(conn) = weak.upgrade() {
            // Dropping the senders fails every waiting call with Closed.
            conn.close();
        }
    });
    started.then_some(conn)
}
