//! A deadline on a connection's first bytes: until `need` bytes have been read, a read that is
//! still waiting when the deadline passes fails with `TimedOut`. It bounds a peer that connects
//! and sends nothing, or only part of the HTTP/2 preface, where the protocol has no timer.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::time::Sleep;

#[derive(Debug)]
pub struct FirstBytes<I> {
    inner: I,
    need: usize,
    deadline: Option<Pin<Box<Sleep>>>,
}

impl<I> FirstBytes<I> {
    /// `inner`, whose first `need` bytes must arrive within `within`.
    pub fn new(inner: I, need: usize, within: Duration) -> FirstBytes<I> {
        FirstBytes { inner, need, deadline: Some(Box::pin(tokio::time::sleep(within))) }
    }
}

impl<I: AsyncRead + Unpin> AsyncRead for FirstBytes<I> {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        match Pin::new(&mut this.inner).poll_read(cx, buf) {
            Poll::Ready(Ok(())) => {
                this.need = this.need.saturating_sub(buf.filled().len() - before);
                if this.need == 0 {
                    this.deadline = None;
                }
                Poll::Ready(Ok(()))
            }
            Poll::Pending => {
                let late = this.deadline.as_mut().is_some_and(|d| d.as_mut().poll(cx).is_ready());
                if late {
                    return Poll::Ready(Err(io::Error::new(
                        io::ErrorKind::TimedOut,
                        "the first bytes did not arrive in time",
                    )));
                }
                Poll::Pending
            }
            other => other,
        }
    }
}

impl<I: AsyncWrite + Unpin> AsyncWrite for FirstBytes<I> {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().inner).poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }
}

#[cfg(test)]
mod tests {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_peer_that_sends_too_little_in_time_is_cut_off_and_one_that_sends_enough_is_not() {
        let (mut peer, ours) = tokio::io::duplex(64);
        let mut conn = FirstBytes::new(ours, 4, Duration::from_secs(5));
        peer.write_all(b"PR").await.unwrap();
        let mut buf = [0u8; 8];
        assert_eq!(conn.read(&mut buf).await.unwrap(), 2);
        let err = conn.read(&mut buf).await.unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::TimedOut);

        let (mut peer, ours) = tokio::io::duplex(64);
        let mut conn = FirstBytes::new(ours, 4, Duration::from_secs(5));
        peer.write_all(b"PRI * HTTP/2.0").await.unwrap();
        assert_eq!(conn.read(&mut buf).await.unwrap(), 8);
        tokio::time::sleep(Duration::from_secs(60)).await;
        peer.write_all(b"!").await.unwrap();
        assert!(conn.read(&mut buf).await.is_ok(), "no deadline once the first bytes came");
    }
}
