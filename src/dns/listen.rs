//! The DNS interface's sockets: UDP datagrams and TCP connections (length-prefixed messages,
//! several per connection), each question answered in its own owned task.

use std::sync::Arc;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream, UdpSocket};
use tokio::sync::{Semaphore, watch};

use super::server::DnsServer;
use super::settings::DnsSettings;
use super::views::Views;
use crate::backend::Backend;
use crate::tasks::{SharedTasks, TaskSet, stopped};

/// How long a TCP client may take to send its question, or to take its answer.
const TCP_READ_TIMEOUT: Duration = Duration::from_secs(5);
/// Questions being answered at once over UDP, and TCP connections open: beyond that a
/// datagram is dropped (the client asks again) and a connection waits to be accepted.
const IN_FLIGHT: usize = 4096;
/// How long to wait after a failed accept.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(50);
/// How long answers in flight may take to finish at shutdown.
const GRACE: Duration = Duration::from_secs(1);

/// Serves the DNS interface of `datacenter`'s agent on `udp` and `tcp` until `stop`; the
/// views' watches (with `use_cache`) are owned here too.
pub async fn serve(
    backend: Backend,
    settings: DnsSettings,
    datacenter: String,
    udp: UdpSocket,
    tcp: TcpListener,
    stop: watch::Receiver<bool>,
) {
    let watches = SharedTasks::new();
    let views = settings.use_cache.then(|| Views::new(backend.clone(), &settings, watches.clone(), stop.clone()));
    let server = DnsServer::new(backend, settings, &datacenter, views);
    tokio::join!(serve_udp(udp, server.clone(), stop.clone()), serve_tcp(tcp, server, stop));
    watches.join(GRACE).await;
}

/// Serves DNS over UDP on `socket` until `stop`.
async fn serve_udp(socket: UdpSocket, server: DnsServer, mut stop: watch::Receiver<bool>) {
    let socket = Arc::new(socket);
    let slots = Arc::new(Semaphore::new(IN_FLIGHT));
    // One receiver per runtime thread (as many as the machine has, up to 4), all on the one
    // socket, so questions answered at once use every core.
    let receivers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(4);
    let mut loops = TaskSet::new();
    for _ in 0..receivers {
        let receive = receive(socket.clone(), server.clone(), slots.clone(), stop.clone());
        loops.spawn("dns udp", receive);
    }
    stopped(&mut stop).await;
    loops.join(GRACE * 2).await;
}

/// One receiver of [`serve_udp`].
async fn receive(socket: Arc<UdpSocket>, server: DnsServer, slots: Arc<Semaphore>, mut stop: watch::Receiver<bool>) {
    let mut tasks = TaskSet::new();
    let mut buf = vec![0u8; 65535];
    loop {
        let (n, peer) = tokio::select! {
            r = socket.recv_from(&mut buf) => match r {
                Ok(r) => r,
                Err(e) => {
                    tracing::debug!(error = %e, "a DNS datagram could not be read");
                    continue;
                }
            },
            _ = stopped(&mut stop) => break,
        };
        let Ok(slot) = slots.clone().try_acquire_owned() else {
            tracing::debug!(%peer, "a DNS datagram was dropped: too many questions in flight");
            continue;
        };
        let packet = buf[..n].to_vec();
        let for_task = server.clone();
        let mut answer = Box::pin(async move { for_task.reply(&packet, false).await });
        // Answered at once (from a view) on this task; a question that waits (a read through,
        // a recursor) goes on in its own, so it holds up no other.
        let polled = answer.as_mut().poll(&mut Context::from_waker(Waker::noop()));
        match polled {
            Poll::Ready(reply) => {
                if let Some(reply) = reply {
                    let _ = socket.send_to(&reply, peer).await;
                }
                drop(slot);
            }
            Poll::Pending => {
                let socket = socket.clone();
                tasks.spawn("dns question", async move {
                    if let Some(reply) = answer.await {
                        let _ = socket.send_to(&reply, peer).await;
                    }
                    drop(slot);
                });
            }
        }
    }
    tasks.join(GRACE).await;
}

/// Serves DNS over TCP on `listener` until `stop`.
async fn serve_tcp(listener: TcpListener, server: DnsServer, mut stop: watch::Receiver<bool>) {
    let slots = Arc::new(Semaphore::new(IN_FLIGHT));
    let mut tasks = TaskSet::new();
    loop {
        let slot = tokio::select! {
            s = slots.clone().acquire_owned() => match s {
                Ok(s) => s,
                Err(_) => break,
            },
            _ = stopped(&mut stop) => break,
        };
        let stream = tokio::select! {
            r = listener.accept() => match r {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of descriptors, say: wait a little instead of spinning.
                    tracing::debug!(error = %e, "a DNS connection could not be accepted");
                    tokio::time::sleep(ACCEPT_BACKOFF).await;
                    continue;
                }
            },
            _ = stopped(&mut stop) => break,
        };
        let server = server.clone();
        tasks.spawn("dns connection", async move {
            converse(stream, &server).await;
            drop(slot);
        });
    }
    tasks.join(GRACE).await;
}

/// Answers one connection's questions in turn until it closes, idles or errs.
async fn converse(mut stream: TcpStream, server: &DnsServer) {
    loop {
        let mut len = [0u8; 2];
        if !matches!(tokio::time::timeout(TCP_READ_TIMEOUT, stream.read_exact(&mut len)).await, Ok(Ok(_))) {
            return;
        }
        let mut packet = vec![0u8; usize::from(u16::from_be_bytes(len))];
        if !matches!(tokio::time::timeout(TCP_READ_TIMEOUT, stream.read_exact(&mut packet)).await, Ok(Ok(_))) {
            return;
        }
        let Some(reply) = server.reply(&packet, true).await else { return };
        let Ok(len) = u16::try_from(reply.len()) else { return };
        let mut framed = len.to_be_bytes().to_vec();
        framed.extend(reply);
        // A client that does not read its answer gives up its connection.
        if !matches!(tokio::time::timeout(TCP_READ_TIMEOUT, stream.write_all(&framed)).await, Ok(Ok(()))) {
            return;
        }
    }
}
