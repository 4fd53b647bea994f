//! The mesh's pure logic: an upstream's discovery chain compiled from the config entries
//! (targets, mesh gateway modes, failover) and the reference's cluster-name prefix. No I/O.

mod chain;
mod hash;

pub use chain::{Chain, ChainError, ChainRequest, DEFAULT_CONNECT_TIMEOUT, Mode, ModeSource, Target, compile};
pub use hash::Customization;
