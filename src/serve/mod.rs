//! Serving HTTP/1 and HTTP/2 on a listener (the HTTP API, xDS over gRPC) with owned tasks.
//!
//! Ownership: [`serve`] owns the listener, one task per connection and (through an
//! [`OwnedExecutor`]) every HTTP/2 stream task. When `shutdown` flips it stops accepting, asks
//! each connection to finish gracefully (in-flight requests complete; idle keep-alive
//! connections close; HTTP/2 peers get GOAWAY), waits up to `grace`, then aborts what is left
//! (a blocking query, a stream the peer keeps open). Nothing it started outlives it.

use std::error::Error as StdError;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use hyper::body::{Body, Incoming};
use hyper::service::Service;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use hyper_util::server::conn::auto;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tracing::Instrument;

use crate::tasks::{OwnedExecutor, SharedTasks, TaskSet, sleep_unless_stopped, stopped};

/// The longest a TLS handshake may take before the connection is dropped.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

type BoxError = Box<dyn StdError + Send + Sync>;

/// Serves `service` on `listener` (over TLS with `tls`) until `shutdown` flips to true, then
/// drains as described above.
pub async fn serve<S, B>(
    listener: TcpListener,
    service: S,
    tls: Option<Arc<rustls::ServerConfig>>,
    mut shutdown: watch::Receiver<bool>,
    grace: Duration,
) where
    S: Service<Request<Incoming>, Response = Response<B>> + Clone + Send + Sync + 'static,
    S::Future: Send + 'static,
    S::Error: Into<BoxError>,
    B: Body + Send + 'static,
    B::Data: Send,
    B::Error: Into<BoxError>,
{
    let acceptor = tls.map(tokio_rustls::TlsAcceptor::from);
    let streams = SharedTasks::new();
    let mut connections = TaskSet::new();
    while let Some((stream, peer)) = accept(&listener, &mut shutdown).await {
        let conn =
            connection(stream, acceptor.clone(), service.clone(), OwnedExecutor(streams.clone()), shutdown.clone());
        connections.spawn("http connection", conn.instrument(tracing::debug_span!("http_conn", %peer)));
    }
    drop(listener);
    let deadline = tokio::time::Instant::now() + grace;
    let cut = connections.join(grace).await.len();
    let cut_streams = streams.join(deadline.saturating_duration_since(tokio::time::Instant::now())).await.len();
    if cut + cut_streams > 0 {
        tracing::debug!(
            connections = cut,
            streams = cut_streams,
            ?grace,
            "cut connections still open after the grace period"
        );
    }
}

/// The next connection on `listener`, or `None` once `shutdown` flips. A failed accept (out of
/// file descriptors, say) is logged and retried after a pause, so it cannot spin.
pub async fn accept(listener: &TcpListener, shutdown: &mut watch::Receiver<bool>) -> Option<(TcpStream, SocketAddr)> {
    loop {
        let accepted = tokio::select! {
            a = listener.accept() => a,
            _ = stopped(shutdown) => return None,
        };
        match accepted {
            Ok(a) => return Some(a),
            Err(e) => {
                tracing::warn!(error = %e, "accepting a connection failed");
                if !sleep_unless_stopped(Duration::from_millis(50), shutdown).await {
                    return None;
                }
            }
        }
    }
}

async fn connection<S, B>(
    stream: TcpStream,
    acceptor: Option<tokio_rustls::TlsAcceptor>,
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
    match acceptor {
        None => drive(stream, service, executor, shutdown).await,
        Some(acceptor) => match tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(stream)).await {
            Ok(Ok(tls)) => drive(tls, service, executor, shutdown).await,
            Ok(Err(e)) => tracing::debug!(error = %e, "TLS handshake failed"),
            Err(_) => tracing::debug!("TLS handshake timed out"),
        },
    }
}

async fn drive<I, S, B>(io: I, service: S, executor: OwnedExecutor, mut shutdown: watch::Receiver<bool>)
where
    I: AsyncRead + AsyncWrite + Unpin + Send + 'static,
    S: Service<Request<Incoming>, Response = Response<B>> + Send + 'static,
    S::Future: Send + 'static,
    S::Error: Into<BoxError>,
    B: Body + Send + 'static,
    B::Data: Send,
    B::Error: Into<BoxError>,
{
    let builder = auto::Builder::new(executor);
    let conn = builder.serve_connection_with_upgrades(TokioIo::new(io), service);
    tokio::pin!(conn);
    let result = tokio::select! {
        r = conn.as_mut() => r,
        _ = stopped(&mut shutdown) => {
            conn.as_mut().graceful_shutdown();
            conn.await
        }
    };
    if let Err(e) = result {
        tracing::debug!(error = %e, "connection ended with an error");
    }
}
