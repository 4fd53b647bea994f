//! The demo's application (`fedctl internal echo`): an HTTP/1.1 server that answers every
//! request with 200 and one line naming itself and the request (`echo in dc1 (node dc1-s1):
//! GET /`), so a curl through the mesh shows which datacenter's app answered. Deliberately
//! tiny, so nothing outside fedctl (no Python) is needed: one task per connection, one request
//! per connection (`Connection: close`), a request's body never read. Each answer carries
//! `X-Echo-Connection: <n>`, the number of connections the app accepted so far, this one
//! included: what reached the application, whatever its sidecar refused.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// The most of a request head read; a bigger one is not answered.
const MAX_HEAD: usize = 16 * 1024;
/// How long a client may take to send its request head.
const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// How long what a client sends after its head (a body) is read and dropped once answered.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(2);

/// Serves `listener` until the process ends: every request gets 200 and
/// `<name>: <method> <path>\n`.
pub async fn serve_echo(listener: TcpListener, name: String) {
    let name: Arc<str> = name.into();
    let accepted = AtomicU64::new(0);
    loop {
        match listener.accept().await {
            Ok((stream, _)) => {
                let name = name.clone();
                let number = accepted.fetch_add(1, Ordering::Relaxed) + 1;
                tokio::spawn(async move { answer(stream, &name, number).await });
            }
            // Out of file descriptors, or a connection reset before it was accepted: the
            // listener itself is fine, so it keeps accepting after a pause.
            Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    }
}

/// One connection: its request head read, answered, then closed.
async fn answer(mut stream: TcpStream, name: &str, number: u64) {
    // Closed early, too slow, or too big: nothing to answer.
    let Ok(Some(head)) = tokio::time::timeout(HEAD_TIMEOUT, read_head(&mut stream)).await else { return };
    if stream.write_all(&echo_response(&head, name, number)).await.is_err() {
        return;
    }
    let _ = stream.shutdown().await;
    // Closing a socket with unread data resets the connection, and a reset can reach the
    // client before it has read the answer: read whatever it still sends until it closes.
    let mut sink = [0u8; 4096];
    let _ =
        tokio::time::timeout(DRAIN_TIMEOUT, async { while matches!(stream.read(&mut sink).await, Ok(n) if n > 0) {} })
            .await;
}

/// Reads up to the end of the request head; `None` when the client closes first or the head
/// is bigger than [`MAX_HEAD`].
async fn read_head(stream: &mut TcpStream) -> Option<Vec<u8>> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 2048];
    loop {
        if let Some(end) = head_end(&buf) {
            buf.truncate(end);
            return Some(buf);
        }
        if buf.len() > MAX_HEAD {
            return None;
        }
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
}

/// Where the request head at the start of `buf` ends (just after its empty line), once it
/// does. A bare `\n\n` ends it too, for hand-typed requests.
pub fn head_end(buf: &[u8]) -> Option<usize> {
    let crlf = buf.windows(4).position(|w| w == b"\r\n\r\n").map(|i| i + 4);
    let lf = buf.windows(2).position(|w| w == b"\n\n").map(|i| i + 2);
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The answer to the request whose head is `head`: 200, `text/plain`, the body
/// `<name>: <method> <path>\n` (left out for HEAD, its length still given), and
/// `Connection: close`.
pub fn echo_response(head: &[u8], name: &str, connection: u64) -> Vec<u8> {
    let text = String::from_utf8_lossy(head);
    let mut request_line = text.lines().next().unwrap_or_default().split_whitespace();
    let method = request_line.next().unwrap_or("-");
    let path = request_line.next().unwrap_or("-");
    let body = format!("{name}: {method} {path}\n");
    let mut reply = format!(
        concat!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n",
            "Content-Length: {}\r\nConnection: close\r\nX-Echo-Connection: {}\r\n\r\n"
        ),
        body.len(),
        connection
    )
    .into_bytes();
    if method != "HEAD" {
        reply.extend_from_slice(body.as_bytes());
    }
    reply
}
