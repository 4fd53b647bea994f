//! Names outside the domain, asked of the `recursors` in order over the client's transport:
//! the first reply that is NOERROR or NXDOMAIN (or truncated) is passed on as it came; any
//! other code, a timeout or an error tries the next one.

use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;

use hickory_proto::op::{Message, ResponseCode};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpStream, UdpSocket};

/// The first usable reply of `recursors` to `packet` (a whole DNS message, its ID the
/// client's), or `None` when every one failed.
pub async fn recurse(recursors: &[SocketAddr], packet: &[u8], tcp: bool, timeout: Duration) -> Option<Vec<u8>> {
    let id = packet.get(..2)?;
    for recursor in recursors {
        let asked = async { if tcp { ask_tcp(*recursor, packet).await } else { ask_udp(*recursor, packet).await } };
        let reply = match tokio::time::timeout(timeout, asked).await {
            Ok(Ok(reply)) => reply,
            Ok(Err(e)) => {
                tracing::debug!(%recursor, error = %e, "a DNS recursor failed");
                continue;
            }
            Err(_) => {
                tracing::debug!(%recursor, "a DNS recursor timed out");
                continue;
            }
        };
        let usable = reply.get(..2) == Some(id)
            && Message::from_vec(&reply).is_ok_and(|m| {
                m.truncated() || matches!(m.response_code(), ResponseCode::NoError | ResponseCode::NXDomain)
            });
        if usable {
            return Some(reply);
        }
        tracing::debug!(%recursor, "a DNS recursor's reply was an error; trying the next");
    }
    None
}

async fn ask_udp(recursor: SocketAddr, packet: &[u8]) -> std::io::Result<Vec<u8>> {
    let local: SocketAddr =
        if recursor.is_ipv4() { (Ipv4Addr::UNSPECIFIED, 0).into() } else { (Ipv6Addr::UNSPECIFIED, 0).into() };
    let socket = UdpSocket::bind(local).await?;
    socket.connect(recursor).await?;
    socket.send(packet).await?;
    let mut buf = vec![0u8; 65535];
    loop {
        let n = socket.recv(&mut buf).await?;
        // Another ID is a stray datagram, not the answer.
        if buf[..n].get(..2) == packet.get(..2) {
            buf.truncate(n);
            return Ok(buf);
        }
    }
}

async fn ask_tcp(recursor: SocketAddr, packet: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut stream = TcpStream::connect(recursor).await?;
    let len = u16::try_from(packet.len()).map_err(|_| std::io::ErrorKind::InvalidInput)?;
    stream.write_all(&len.to_be_bytes()).await?;
    stream.write_all(packet).await?;
    let mut len = [0u8; 2];
    stream.read_exact(&mut len).await?;
    let mut reply = vec![0u8; usize::from(u16::from_be_bytes(len))];
    stream.read_exact(&mut reply).await?;
    Ok(reply)
}
