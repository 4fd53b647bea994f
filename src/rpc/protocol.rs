//! What arrives on the server port, decided from the first bytes (pure, no I/O).
//!
//! One TCP port carries every server protocol. The first byte tells them apart, as in the
//! reference: small numbers are our own protocol types; a TLS record (`0x16`, a handshake)
//! is native TLS, terminated here and dispatched on its ALPN protocol. Values 0-19 can never
//! start a TLS record (RFC 7983), so the two spaces cannot collide. Anything else is garbage
//! and the connection is closed.

/// The first byte of a plaintext RPC connection (frames follow).
pub const TYPE_RPC: u8 = 0;
/// The first byte of a plaintext raft connection (frames follow).
pub const TYPE_RAFT: u8 = 1;
/// "Upgrade to TLS": a TLS handshake follows, then the inner type byte (0 or 1) inside TLS.
/// The reference's older form; fedctl's own clients use native TLS with ALPN.
pub const TYPE_TLS_UPGRADE: u8 = 3;
/// The first byte of a TLS record of type handshake: a ClientHello.
pub const TLS_HANDSHAKE: u8 = 0x16;

/// ALPN protocol ids on the server port. The WAN gossip ids are what mesh gateways route
/// between datacenters.
pub const ALPN_RPC: &[u8] = b"fedctl/rpc";
pub const ALPN_RAFT: &[u8] = b"fedctl/raft";
pub const ALPN_WAN_GOSSIP_PACKET: &[u8] = b"fedctl/wan-gossip/packet";
pub const ALPN_WAN_GOSSIP_STREAM: &[u8] = b"fedctl/wan-gossip/stream";

/// Every ALPN id the server offers, in preference order.
pub const SERVER_ALPN: [&[u8]; 4] = [ALPN_RPC, ALPN_RAFT, ALPN_WAN_GOSSIP_PACKET, ALPN_WAN_GOSSIP_STREAM];

/// A protocol served on the port.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Protocol {
    Rpc,
    Raft,
    WanGossipPacket,
    WanGossipStream,
}

impl Protocol {
    pub fn alpn(self) -> &'static [u8] {
        match self {
            Protocol::Rpc => ALPN_RPC,
            Protocol::Raft => ALPN_RAFT,
            Protocol::WanGossipPacket => ALPN_WAN_GOSSIP_PACKET,
            Protocol::WanGossipStream => ALPN_WAN_GOSSIP_STREAM,
        }
    }

    /// The protocol a negotiated ALPN id names, if it is one of ours.
    pub fn from_alpn(alpn: &[u8]) -> Option<Protocol> {
        [Protocol::Rpc, Protocol::Raft, Protocol::WanGossipPacket, Protocol::WanGossipStream]
            .into_iter()
            .find(|p| p.alpn() == alpn)
    }
}

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
