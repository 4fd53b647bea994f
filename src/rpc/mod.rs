//! The multiplexed server port (8300): protocol detection, framing, the server and client.

pub mod frame;
pub mod protocol;
