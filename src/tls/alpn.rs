//! The ALPN protocol ids of the server port. TLS clients offer one of them and the server
//! dispatches on the one negotiated; the WAN gossip ids are what mesh gateways carry between
//! datacenters (routed by SNI, never decrypted).

pub const ALPN_RPC: &[u8] = b"fedctl/rpc";
pub const ALPN_RAFT: &[u8] = b"fedctl/raft";
pub const ALPN_WAN_GOSSIP_PACKET: &[u8] = b"fedctl/wan-gossip/packet";
pub const ALPN_WAN_GOSSIP_STREAM: &[u8] = b"fedctl/wan-gossip/stream";

/// Every ALPN id the server offers, in preference order.
pub const SERVER_ALPN: [&[u8]; 4] = [ALPN_RPC, ALPN_RAFT, ALPN_WAN_GOSSIP_PACKET, ALPN_WAN_GOSSIP_STREAM];

/// A protocol served on the server port.
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
