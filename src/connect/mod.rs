//! The mesh's pure logic: an upstream's discovery chain compiled from the config entries
//! (targets, mesh gateway modes, failover), the reference's cluster-name prefix, and
//! intentions' precedence and decisions. No I/O.

mod chain;
mod hash;
pub mod intentions;

pub use chain::{Chain, ChainError, ChainRequest, DEFAULT_CONNECT_TIMEOUT, Mode, ModeSource, Target, compile};
pub use hash::Customization;
