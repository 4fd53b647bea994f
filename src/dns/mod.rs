//! The DNS interface: Consul's names (`web.service.consul`, `n1.node.dc2.consul`, ...) turned
//! into backend reads. So far the names (`names`): what each asks for, parsed as the
//! reference does; the server answering them on `ports.dns` comes next.

pub mod names;
