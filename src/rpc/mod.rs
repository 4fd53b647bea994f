//! The multiplexed server port (8300): protocol detection, framing, the server and the
//! client pool, and the RPC messages.

pub mod client;
pub mod frame;
pub mod message;
pub mod protocol;
pub mod server;

pub use client::{ClientOptions, GatewayRoute, RpcClient, RpcError, Target};
pub use server::{Handler, Peer, ServerOptions, serve};
