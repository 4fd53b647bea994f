//! Agent-local state: the services and checks registered on this agent, the check runners,
//! and anti-entropy that keeps the catalog in line with them.

mod checks;
mod connect;
mod definition;
mod leaf;
mod leaf_issuer;
mod roots;
mod state;
pub mod sync;

pub use connect::SIDECAR_PORTS;
pub use definition::{CheckDefinition, CheckKind, ConnectDefinition, DefinitionError, ServiceDefinition};
pub use leaf::{Cached, Leaf, LeafCache, LeafReport, LeafState};
pub use roots::{Roots, RootsWatch};
pub use state::{LocalError, LocalState};
