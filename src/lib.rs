//! fedctl's library core.
//!
//! Everything the `fedctl` binary does lives here; the binary (`commands/`) only parses flags,
//! calls into this crate and prints. The library never prints and never uses clap: it returns
//! typed errors and data, so it can be driven from tests and, later, from the agent itself.

pub mod agent;
pub mod api;
pub mod argv;
pub mod backend;
pub mod config;
pub mod duration;
pub mod federation;
pub mod gossip;
pub mod http;
pub mod lab;
pub mod local;
pub mod proxycfg;
pub mod raft;
pub mod rpc;
pub mod serve;
pub mod state;
pub mod tasks;
pub mod tls;
pub mod wan;
pub mod xds;
