//! The agent: one process that runs (on servers) raft and the server port, the gossip pools,
//! agent-local state with its checks and anti-entropy, the proxy config of its gateways, xDS
//! and the HTTP API. This is the composition root: nothing else in the crate imports it.
//!
//! Three steps:
//! - [`Agent::build`] does everything that can fail before anything runs: the data directory
//!   and node ID, TLS loaded and checked, every listener and gossip socket bound (a port
//!   conflict fails at once and names the port), the configuration's services and checks
//!   registered locally.
//! - [`Agent::spawn`] starts raft, then every task, each kept in the agent's one task set.
//! - [`Running::shutdown`] stops them in order: stop accepting and end every stream (HTTP
//!   requests get a moment, xDS streams are closed, not waited on), stop gossip and every loop,
//!   await every task with a deadline (then abort what is left), close the pooled RPC and
//!   gossip-tunnel connections, stop raft last.

mod build;
mod cluster;
mod error;
mod identity;
mod ports;
mod running;
mod spawn;
mod verify;

pub use build::Agent;
pub use error::AgentError;
pub use running::Running;

use crate::config::AgentConfig;
use crate::local::sync::SyncTiming;
use crate::proxycfg::ManagerOptions;

/// Knobs tests and benchmarks turn; defaults suit production.
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    pub sync: SyncTiming,
    pub proxycfg: ManagerOptions,
}

/// Builds and spawns an agent for `cfg`.
pub async fn start(cfg: AgentConfig, opts: StartOptions) -> Result<Running, AgentError> {
    Agent::build(cfg, opts).await?.spawn().await
}
