//! Several datacenters: WAN federation, federation states, mesh gateways on real Envoy, and
//! the isolated end-to-end topologies in network namespaces.

mod acl;
mod config_entries;
mod datacenters;
mod failover;
mod gateway_envoy;
mod isolated;
mod loopback;
mod partition;
mod probe_envoy_flags;
mod probe_verdicts;
mod readme_guide;
mod readme_secure;
mod states;
mod wanfed_config;
