//! The DNS interface's sockets: UDP datagrams and TCP connections (length-prefixed messages,
//! several per connection), each question answered in its own owned task.

use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream, UdpSocket};
use tokio::sync::{Semaphore, watch};

use super::server::DnsServer;
use crate::tasks::{TaskSet, stopped};

/// How long a TCP client may take to send its question.
const TCP_READ_TIMEOUT: Duration = Duration::from_secs(5);
/// Questions being answered at once over UDP, and TCP connections open: beyond that a
/// datagram is dropped (the client asks again) and a connection waits to be accepted.
const IN_FLIGHT: usize = 4096;
/// How long answers in flight may take to finish at shutdown.
const GRACE: Duration = Duration::from_secs(1);

/// Serves DNS over UDP on `socket` until `stop`.
pub async fn serve_udp(socket: UdpSocket, server: DnsServer, mut stop: watch::Receiver<bool>) {
    let socket = Arc::new(socket);
    let slots = Arc::new(Semaphore::new(IN_FLIGHT));
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
        let (socket, server) = (socket.clone(), server.clone());
        // Each question on its own: a slow lookup (another datacenter) holds up no other.
        tasks.spawn("dns question", async move {
            if let Some(reply) = server.reply(&packet, false).await {
                let _ = socket.send_to(&reply, peer).await;
            }
            drop(slot);
        });
    }
    tasks.join(GRACE).await;
}

/// Serves DNS over TCP on `listener` until `stop`.
pub async fn serve_tcp(listener: TcpListener, server: DnsServer, mut stop: watch::Receiver<bool>) {
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
                    tracing::debug!(error = %e, "a DNS connection could not be accepted");
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
        if stream.write_all(&len.to_be_bytes()).await.is_err() || stream.write_all(&reply).await.is_err() {
            return;
        }
    }
}
