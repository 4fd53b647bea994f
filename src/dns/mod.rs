//! The DNS interface: Consul's names (`web.service.consul`, `n1.node.dc2.consul`, ...) turned
//! into backend reads, answered on UDP and TCP (`ports.dns`). What each name asks for
//! (`names`), the records of an answer (`answer`), and the server (`server`).

pub mod answer;
pub mod names;
pub mod server;

pub use answer::DnsSettings;
pub use server::{DnsServer, serve_tcp, serve_udp};
