//! The proxy config manager: for every `mesh-gateway` and `connect-proxy` service registered
//! on this agent, the watches its configuration depends on, folded into immutable
//! [`Snapshot`]s that xDS streams consume latest-only. A gateway watches the Connect CA, every
//! datacenter's gateways from the federation states, this datacenter's servers when it
//! exposes them, and the list of datacenters; a sidecar watches the CA roots, its service's
//! leaf certificate and each upstream's connect-capable instances.

mod manager;
mod sidecar;
mod snapshot;
mod state;

pub use manager::{Manager, ManagerOptions, SnapshotReceiver};
pub use snapshot::{
    DEFAULT_CONNECT_TIMEOUT_MS, FAILURES_TO_PASS_BY, GatewayConfig, Needs, Sidecar, Snapshot, TargetInstances,
    TargetKey, UpstreamChain, upstream_id,
};
