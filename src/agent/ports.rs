//! When a listener cannot bind because its address is taken, every other port of the agent is
//! checked too, so one run names all that are taken (another agent on the same ports usually
//! holds every one of them), with what to do.

use std::net::{SocketAddr, TcpListener, UdpSocket};

use super::AgentError;
use crate::config::AgentConfig;

/// `error` itself unless it is a bind that failed with "address in use"; then every port of
/// `cfg` that is taken (checked with nothing of this agent bound).
pub fn every_port_in_use(cfg: &AgentConfig, error: AgentError) -> AgentError {
    match &error {
        AgentError::Bind { source, .. } if source.kind() == std::io::ErrorKind::AddrInUse => {}
        _ => return error,
    }
    let taken: Vec<(&'static str, String)> = ports(cfg)
        .into_iter()
        .filter(|(_, addr, udp)| taken(*addr, *udp))
        .map(|(what, a, _)| (what, a.to_string()))
        .collect();
    if taken.is_empty() { error } else { AgentError::PortsInUse { taken } }
}

/// `(what, address, over UDP)` of every fixed port the agent binds.
fn ports(cfg: &AgentConfig) -> Vec<(&'static str, SocketAddr, bool)> {
    let on = |ip, port: Option<u16>| port.filter(|p| *p != 0).map(|p| SocketAddr::new(ip, p));
    let p = &cfg.ports;
    let mut all = vec![
        ("HTTP", on(cfg.client_addr, p.http), false),
        ("HTTPS", on(cfg.client_addr, p.https), false),
        ("xDS gRPC", on(cfg.client_addr, p.grpc), false),
        ("xDS gRPC TLS", on(cfg.client_addr, p.grpc_tls), false),
        ("DNS (UDP)", on(cfg.client_addr, p.dns), true),
        ("DNS (TCP)", on(cfg.client_addr, p.dns), false),
        ("LAN gossip", on(cfg.bind_addr, p.serf_lan), true),
    ];
    if cfg.server {
        all.push(("server RPC", on(cfg.bind_addr, p.server), false));
        all.push(("WAN gossip", on(cfg.bind_addr, p.serf_wan), true));
    }
    all.into_iter().filter_map(|(what, addr, udp)| addr.map(|a| (what, a, udp))).collect()
}

fn taken(addr: SocketAddr, udp: bool) -> bool {
    let error = if udp { UdpSocket::bind(addr).err() } else { TcpListener::bind(addr).err() };
    error.is_some_and(|e| e.kind() == std::io::ErrorKind::AddrInUse)
}
