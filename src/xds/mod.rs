//! Envoy's xDS for mesh gateways and sidecars: snapshot -> resources (pure), their JSON
//! rendering (for golden files and debugging), the ADS server and the per-proxy stream status.

pub mod rbac;
pub mod render;
pub mod resources;
mod server;
pub mod sidecar;
mod status;

pub use resources::{Resources, datacenter_sni, mesh_gateway, server_sni, service_sni};
pub use sidecar::connect_proxy;

/// The resources of any proxy's snapshot.
pub fn resources_for(snap: &crate::proxycfg::Snapshot) -> Resources {
    if snap.is_sidecar() { connect_proxy(snap) } else { mesh_gateway(snap) }
}
pub use server::{Ads, CLUSTER_TYPE, ENDPOINT_TYPE, LISTENER_TYPE, ROUTE_TYPE, XdsGuard, serve, short_type};
pub use status::{Nack, ProxyStatus, TypeStatus, XdsStatus};

pub mod bootstrap;
pub mod gateway_plan;
