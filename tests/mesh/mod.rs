//! The service mesh end to end: services registered with sidecars, real Envoy sidecars
//! configured by the agent, requests through them with mTLS.

mod cross_dc;
mod failover;
mod intentions;
mod readme_cross_dc;
mod readme_guide;
mod rotation;
mod secondary;
mod sidecars;
