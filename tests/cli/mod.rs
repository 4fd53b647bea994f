//! The `fedctl` binary run as a user runs it: flags, help, errors, generated docs, offline
//! commands, `connect envoy`, `intention` and `lab` (with its demo).

mod acl;
mod client_settings;
mod connect_envoy;
mod debug_proxy;
mod framework;
mod generated_docs;
mod intention;
mod kv_catalog_services;
mod lab;
mod lab_demo;
mod lab_registry;
mod lab_shapes;
mod tls;
