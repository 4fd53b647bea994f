//! The gateway transport of WAN federation through mesh gateways: which gateway a server dials
//! to reach another datacenter (the locator, kept current from the state store and the
//! resolved `primary_gateways`, and checked by active probes), WAN gossip carried through
//! gateways (the tunnel), and the probe behind `fedctl debug gateways -probe`.
//!
//! Nothing here replicates state; `federation/` does that, over the paths this module finds.

mod discovery;
mod locator;
mod probe;
mod tunnel;

pub use discovery::{run_gateway_prober, run_locator_refresh, run_primary_gateway_discovery};
pub use locator::{Candidate, DialKind, DialRecord, FAILURE_QUARANTINE, Locator, LocatorStatus, Pick, Source};
pub use probe::{GatewayAnswer, GatewayCheck, Hop, PathReport, ProbeReport, Verdict, Via, probe};
pub use tunnel::{GatewayTunnel, MAX_PACKET as MAX_GOSSIP_PACKET};
