//! Envoy's xDS for mesh gateways: snapshot -> resources (pure), their JSON rendering (for
//! golden files and debugging), the ADS server and the per-proxy stream status.

pub mod render;
pub mod resources;
mod server;
mod status;

pub use resources::{Resources, datacenter_sni, mesh_gateway, server_sni};
pub use server::{Ads, CLUSTER_TYPE, ENDPOINT_TYPE, LISTENER_TYPE, ROUTE_TYPE, serve, short_type};
pub use status::{Nack, ProxyStatus, TypeStatus, XdsStatus};

pub mod bootstrap;
pub mod gateway_plan;
