//! What arrives on the server port, decided from the first bytes (pure, no I/O).
//!
//! One TCP port carries every server protocol. The first byte tells them apart, as in the
//! reference: small numbers are our own protocol types; a TLS record (`0x16`, a handshake)
//! is native TLS, terminated here and dispatched on its ALPN protocol. Values 0-19 can never
//! start a TLS record (RFC 7983), so the two spaces cannot collide. Anything else is garbage
//! and the connection is closed. The ALPN ids themselves live with TLS (`tls::alpn`).

/// The first byte of a plaintext RPC connection (frames follow).
pub const TYPE_RPC: u8 = 0;
/// The first byte of a plaintext raft connection (frames follow).
pub const TYPE_RAFT: u8 = 1;
/// "Upgrade to TLS": a TLS handshake follows, then the inner type byte (0 or 1) inside TLS.
/// The reference's older form; fedctl's own clients use native TLS with ALPN.
pub const TYPE_TLS_UPGRADE: u8 = 3;
/// The first byte of a TLS record of type handshake: a ClientHello.
pub const TLS_HANDSHAKE: u8 = 0x16;

use crate::tls::Protocol;

/// What the first byte says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detected {
    /// Plaintext, this protocol; the type byte is consumed, frames follow.
    Plain(Protocol),
    /// A TLS ClientHello: terminate TLS, then dispatch on ALPN.
    Tls,
    /// The upgrade byte: TLS follows, then an inner type byte.
    TlsUpgrade,
    /// Not something this port speaks.
    Garbage(u8),
}

/// Classifies a connection by its first byte.
pub fn detect(first: u8) -> Detected {
    match first {
        TYPE_RPC => Detected::Plain(Protocol::Rpc),
        TYPE_RAFT => Detected::Plain(Protocol::Raft),
        TLS_HANDSHAKE => Detected::Tls,
        TYPE_TLS_UPGRADE => Detected::TlsUpgrade,
        other => Detected::Garbage(other),
    }
}
