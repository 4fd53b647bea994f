//! One datacenter: agents in-process and as processes, raft, gossip, the server port, the HTTP
//! API, proxy config, and how an agent stops.

mod acl;
mod agent_logging_checks;
mod agent_process;
mod agent_shutdown;
mod agents;
mod config_entries;
mod connect_ca_config;
mod connect_leaf;
mod connect_registration;
mod consul_client;
mod dns;
mod dns_garbage;
mod dns_settings;
mod file_modes;
mod forged_gossip;
mod gossip;
mod gossip_encryption;
mod http_api;
mod http_limits;
mod https;
mod intentions;
mod lock_contention;
mod operator_leave;
mod partition;
mod processes;
mod proxycfg;
mod raft;
mod rpc_buffering;
mod rpc_port;
mod sessions;
mod txn;
