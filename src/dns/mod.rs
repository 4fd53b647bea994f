//! The DNS interface: Consul's names (`web.service.consul`, `n1.node.dc2.consul`, ...) turned
//! into backend reads, answered on UDP and TCP (`ports.dns`). What each name asks for
//! (`names`), the settings (`settings`), the records of an answer (`answer`), cutting it to its
//! transport (`trim`), names outside the domain (`recurse`), the answers (`server`), the
//! views that keep answers current (`views`) and the sockets (`listen`).

pub mod answer;
pub mod listen;
pub mod names;
pub mod recurse;
pub mod server;
pub mod settings;
pub mod trim;
pub mod views;

pub use listen::serve;
pub use server::DnsServer;
pub use settings::DnsSettings;
