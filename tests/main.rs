//! fedctl's integration tests: one binary, one module per area.
//!
//! Library tests call `fedctl::*` directly; CLI tests run the real `fedctl` binary in a
//! temporary directory. Tests that need an outside tool (openssl, man, bash) skip with a
//! message when it is missing, and fail instead when `FEDCTL_REQUIRE_E2E=1` (set by tests/run).

#![allow(clippy::print_stderr, clippy::print_stdout, clippy::unwrap_used)]

mod agent_process;
mod agent_shutdown;
mod agent_support;
mod argv;
mod cli_connect_envoy;
mod cli_framework;
mod cli_tls;
mod client_settings;
mod cluster_agents;
mod cluster_process;
mod config;
mod federation;
mod federation_partition;
mod federation_states;
mod gateway_envoy;
mod gateway_support;
mod generated_docs;
mod gossip;
mod http_api;
mod lab;
mod locator;
mod netns_topology;
mod proxycfg;
mod raft_cluster;
mod raft_store;
mod readme_guide;
mod rpc_codec;
mod rpc_port;
mod state_store;
mod support;
mod tls_certs;
mod tls_files;
mod tls_handshake;
mod tls_plan;
mod wanfed_config;
mod wanfed_failover;
mod wanfed_harness;
mod wanfed_isolated;
mod wanfed_loopback;
mod xds_golden;
