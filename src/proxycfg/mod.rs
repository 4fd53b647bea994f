//! The proxy config manager: for every `mesh-gateway` service registered on this agent, the
//! watches its configuration depends on (the Connect CA, every datacenter's gateways from the
//! federation states, this datacenter's servers when the gateway exposes them, the list of
//! datacenters), folded into immutable [`Snapshot`]s that xDS streams consume latest-only.

mod manager;
mod snapshot;
mod state;

pub use manager::{Manager, ManagerOptions, SnapshotReceiver};
pub use snapshot::{DEFAULT_CONNECT_TIMEOUT_MS, GatewayConfig, Snapshot};
