//! Serving HTTP/1 (the HTTP API) or HTTP/2 (xDS over gRPC) on a listener, with owned tasks and
//! bounded resources.
//!
//! Ownership: [`serve`] owns the listener, one task per connection and (through an
//! [`OwnedExecutor`]) every HTTP/2 stream task. When `shutdown` flips it stops accepting, asks
//! each connection to finish gracefully (in-flight requests complete; idle keep-alive
//! connections close; HTTP/2 peers get GOAWAY), waits up to `grace`, then aborts what is left
//! (a blocking query, a stream the peer keeps open). Nothing it started outlives it.
//!
//! Bounds: one client address holds at most `max_conns_per_client` connections (one more gets
//! `429 Too Many Requests` and is closed, as the reference does); a TLS handshake must finish
//! within `handshake_timeout`; an HTTP/1 request's headers must arrive within
//! `header_read_timeout` of the connection opening or of the previous response, which also
//! closes keep-alive connections idle that long; an HTTP/2 peer must send its preface in that
//! time.

mod deadline;
mod limit;

use std::error::Error as StdError;
use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use hyper::body::{Body, Incoming};
use hyper::service::Service;
use hyper::{Request, Response};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tracing::Instrument;

pub use deadline::FirstBytes;
pub use limit::{ConnLimiter, ConnPermit};

use crate::tasks::{OwnedExecutor, SharedTasks, TaskSet, sleep_unless_stopped, stopped};
use crate::throttle::Throttle;

type BoxError = Box<dyn StdError + Send + Sync>;

/// Which HTTP a listener speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    /// HTTP/1.1, as Consul's HTTP API without TLS.
    Http1,
    /// HTTP/2 only (gRPC).
    Http2,
}

/// What one client may hold of a listener (the agent's `limits { ... }`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnLimits {
    /// Open connections per client IP; 0 means no limit.
    pub max_conns_per_client: usize,
    pub handshake_timeout: Duration,
    pub header_read_timeout: Duration,
}

impl Default for ConnLimits {
    /// The reference's defaults (200 connections, a 5s handshake), and hyper's 30s for headers.
    fn default() -> Self {
        ConnLimits {
            max_conns_per_client: 200,
            handshake_timeout: Duration::from_secs(5),
            header_read_timeout: Duration::from_secs(30),
        }
    }
}

/// How a listener serves.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub protocol: Protocol,
    pub tls: Option<Arc<rustls::ServerConfig>>,
    pub limits: ConnLimits,
    /// How long connections get to finish once shutdown starts.
    pub grace: Duration,
}

/// The length of the HTTP/2 client preface (`PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n`).
const H2_PREFACE_LEN: usize = 24;

/// What a client over its connection limit reads before the connection closes.
const TOO_MANY: &[u8] = b"HTTP/1.1 429 Too Many Requests\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

/// Refused connections are logged at most once a minute.
static REFUSED_LOG: Throttle = Throttle::new(Duration::from_secs(60));

/// Serves `service` on `listener` as `opts` say until `shutdown` flips to true, then drains as
/// described above.
pub async fn serve<S, B>(listener: TcpListener, service: S, opts: ServeOptions, mut shutdown: watch::Receiver<bool>)
where
    S: Service<Request<Incoming>, Response = Response<B>> + Clone + Send + Sync + 'static,
    S::Future: Send + 'static,
    S::Error: Into<BoxError>,
    B: Body + Send + 'static,
    B::Data: Send,
    B::Error: Into<BoxError>,
{
    let opts = Arc::new(opts);
    let limiter = ConnLimiter::new(opts.limits.max_conns_per_client);
    let streams = SharedTasks::new();
    let mut connections = TaskSet::new();
    while let Some((stream, peer)) = accept(&listener, &mut shutdown).await {
        let Some(permit) = limiter.try_acquire(peer.ip()) else {
            refuse(stream, peer, &opts);
            continue;
        };
        let conn = connection(stream, opts.clone(), service.clone(), OwnedExecutor(streams.clone()), shutdown.clone());
        let conn = async move {
            conn.await;
            drop(permit);
        };
        connections.spawn("http connection", conn.instrument(tracing::debug_span!("http_conn", %peer)));
    }
    drop(listener);
    let deadline = tokio::time::Instant::now() + opts.grace;
    let cut = connections.join(opts.grace).await.len();
    let cut_streams = streams.join(deadline.saturating_duration_since(tokio::time::Instant::now())).await.len();
    if cut + cut_streams > 0 {
        tracing::debug!(
            connections = cut,
            streams = cut_streams,
            grace = ?opts.grace,
            "cut connections still open after the grace period"
        );
    }
}

/// Closes a connection over its client's limit; a plain HTTP/1 client is told why first.
fn refuse(stream: TcpStream, peer: SocketAddr, opts: &ServeOptions) {
    if opts.protocol == Protocol::Http1 && opts.tls.is_none() {
        // The socket's send buffer is empty: this never blocks, and a short write is fine.
        let _ = stream.try_write(TOO_MANY);
    }
    if let Some(suppressed) = REFUSED_LOG.allow() {
        tracing::warn!(
            client = %peer.ip(),
            limit = opts.limits.max_conns_per_client,
            suppressed,
            "refused a connection: the client has too many open (limits.http_max_conns_per_client)"
        );
    }
}

/// The next connection on `listener`, or `None` once `shutdown` flips. A failed accept (out of
/// file descriptors, say) is logged and retried after a pause, so it cannot spin.
pub async fn accept(listener: &TcpListener, shutdown: &mut watch::Receiver<bool>) -> Option<(TcpStream, SocketAddr)> {
    static FAILED_LOG: Throttle = Throttle::new(Duration::from_secs(10));
    loop {
        let accepted = tokio::select! {
            a = listener.accept() => a,
            _ = stopped(shutdown) => return None,
        };
        match accepted {
            Ok(a) => return Some(a),
            Err(e) => {
                if let Some(suppressed) = FAILED_LOG.allow() {
                    tracing::warn!(error = %e, suppressed, "accepting a connection failed");
                }
                if !sleep_unless_stopped(Duration::from_millis(50), shutdown).await {
                    return None;
                }
            }
        }
    }
}

async fn connection<S, B>(
    stream: TcpStream,
    opts: Arc<ServeOptions>,
    service: S,
    executor: OwnedExecutor,
    shutdown: watch::Receiver<bool>,
) where
    S: Service<Request<Incoming>, Response = Response<B>> + Send + 'static,
    S::Future: Send + 'static,
    S::Error: Into<BoxError>,
    B: Body + Send + 'static,
    B::Data: Send,
    B::Error: Into<BoxError>,
{
    let _ = stream.set_nodelay(true);
    let Some(tls) = &opts.tls else {
        return drive(stream, &opts, service, executor, shutdown).await;
    };
    let acceptor = tokio_rustls::TlsAcceptor::from(tls.clone());
    match tokio::time::timeout(opts.limits.handshake_timeout, acceptor.accept(stream)).await {
        Ok(Ok(tls)) => drive(tls, &opts, service, executor, shutdown).await,
        Ok(Err(e)) => tracing::debug!(error = %e, "TLS handshake failed"),
        Err(_) => tracing::debug!("TLS handshake timed out"),
    }
}

async fn drive<I, S, B>(
    io: I,
    opts: &ServeOptions,
    service: S,
    executor: OwnedExecutor,
    shutdown: watch::Receiver<bool>,
) where
    I: AsyncRead + AsyncWrite + Unpin + Send + 'static,
    S: Service<Request<Incoming>, Response = Response<B>> + Send + 'static,
    S::Future: Send + 'static,
    S::Error: Into<BoxError>,
    B: Body + Send + 'static,
    B::Data: Send,
    B::Error: Into<BoxError>,
{
    let result = match opts.protocol {
        Protocol::Http1 => {
            let conn = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(opts.limits.header_read_timeout)
                .serve_connection(TokioIo::new(io), service)
                .with_upgrades();
            until_shutdown(conn, |c| c.graceful_shutdown(), shutdown).await
        }
        Protocol::Http2 => {
            let io = FirstBytes::new(io, H2_PREFACE_LEN, opts.limits.header_read_timeout);
            let conn = hyper::server::conn::http2::Builder::new(executor)
                .timer(TokioTimer::new())
                .serve_connection(TokioIo::new(io), service);
            until_shutdown(conn, |c| c.graceful_shutdown(), shutdown).await
        }
    };
    if let Err(e) = result {
        tracing::debug!(error = %e, "connection ended with an error");
    }
}

/// Drives `conn` to its end; once `shutdown` flips, asks it to end gracefully and waits.
async fn until_shutdown<C, T>(conn: C, graceful: impl FnOnce(Pin<&mut C>), mut shutdown: watch::Receiver<bool>) -> T
where
    C: Future<Output = T>,
{
    tokio::pin!(conn);
    tokio::select! {
        r = conn.as_mut() => r,
        _ = stopped(&mut shutdown) => {
            graceful(conn.as_mut());
            conn.await
        }
    }
}
