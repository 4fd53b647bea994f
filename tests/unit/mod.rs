//! Library cores on their own: pure functions, the state store, storage, certificates, codecs, the
//! golden xDS resources, and the tree itself (floors, test layout).

mod acl;
mod architecture;
mod argv;
mod config;
mod config_entries;
mod discovery_chain;
mod gossip_keyring;
mod intentions;
mod linearizable;
mod locator;
mod raft_store;
mod rpc_codec;
mod sessions;
mod state_store;
mod tls_certs;
mod tls_files;
mod tls_handshake;
mod tls_plan;
mod txn;
mod xds_golden;
