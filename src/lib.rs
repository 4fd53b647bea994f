//! fedctl's library core.
//!
//! Everything the `fedctl` binary does lives here; the binary (`commands/`) only parses flags,
//! calls into this crate and prints. The library never prints and never uses clap: it returns
//! typed errors and data, so it can be driven from tests and from the agent itself.
//!
//! # Floors
//!
//! The modules, from the top floor down. A module imports only from the floors below its own,
//! or from its own floor without closing a circle; `tests/unit/architecture.rs` reads every
//! `crate::` path under `src/` and fails on one that climbs a floor or closes a circle.
//!
//! - composition: `agent`, `lab` — the agent process built, spawned and shut down (nothing
//!   imports `agent`), and local federations for trying fedctl
//! - configuration: `config` — defaults, files and flags resolved once into a validated config
//! - interfaces: `http`, `dns`, `xds` — edges that turn requests into backend calls: the
//!   Consul-compatible HTTP API, the DNS interface's names, and Envoy's xDS (snapshot to
//!   resources, ADS streams)
//! - agent-local work: `proxycfg`, `local` — the agent's own services, checks and their
//!   anti-entropy, and each local gateway's watches folded into snapshots
//! - federation: `federation`, `wan` — replication between datacenters (federation states,
//!   the Connect CA, config entries, pruning), and the gateway transport it travels on
//!   (locator, tunnel, probes)
//! - mesh logic: `connect` — an upstream's discovery chain compiled from the config entries
//!   (targets, mesh gateway modes, failover), and intentions' decisions and RBAC rules, pure
//! - request path: `backend` — one request path for servers and clients: serve here, at the
//!   leader or in another datacenter, with one forwarding function
//! - authorization: `acl` — the ACL rule language, how a token's policies decide a request,
//!   what each request needs and how reads are filtered, and a secret resolved to its authority
//! - replication and transport: `raft`, `rpc`, `gossip`, `serve` — raft over redb, the
//!   multiplexed server port, SWIM gossip, and HTTP/1+2 serving with owned connections
//! - ground: `state`, `tls`, `api`, `tasks`, `duration`, `argv`, `files`, `throttle` — the data
//!   model (with the request context and error type), TLS and its names, the HTTP API's client
//!   and shapes, owned tasks, Go-style durations, Consul-style flag spelling, private files,
//!   rate-limited logging

pub mod acl;
pub mod agent;
pub mod api;
pub mod argv;
pub mod backend;
pub mod config;
pub mod connect;
pub mod dns;
pub mod duration;
pub mod federation;
pub mod files;
pub mod gossip;
pub mod http;
pub mod lab;
pub mod local;
pub mod proxycfg;
pub mod raft;
pub mod rpc;
pub mod serve;
pub mod state;
pub mod tasks;
pub mod throttle;
pub mod tls;
pub mod wan;
pub mod xds;
