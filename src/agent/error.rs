use std::net::SocketAddr;
use std::path::PathBuf;

use crate::raft::RaftStartError;
use crate::tls::TlsError;

/// Why the agent could not start.
#[derive(Debug, thiserror::Error)]
pub enum AgentError {
    #[error("preparing data directory {}: {source}", path.display())]
    DataDir { path: PathBuf, source: std::io::Error },
    #[error("binding the {what} listener on {addr}: {source}")]
    Bind { what: &'static str, addr: SocketAddr, source: std::io::Error },
    /// Every port of this agent that another process holds, found once one bind failed.
    #[error(
        "{} in use: {}",
        if taken.len() == 1 { "a port is" } else { "ports are" },
        taken.iter().map(|(what, addr)| format!("{what} {addr}")).collect::<Vec<_>>().join(", ")
    )]
    PortsInUse { taken: Vec<(&'static str, String)> },
    #[error(transparent)]
    Raft(#[from] RaftStartError),
    #[error("loading the agent TLS files: {0}")]
    Tls(#[from] TlsError),
    #[error("ports.https serves the HTTP API with the agent's certificate, but {0}")]
    Https(String),
    #[error("ports.grpc_tls serves xDS with the agent's certificate, but {0}")]
    GrpcTls(String),
    #[error(
        "the server certificate {cert} is not valid for {name}, which WAN federation through mesh gateways needs; make one with `fedctl tls cert create -server -dc {dc} -node {node}`"
    )]
    Preflight { cert: String, name: String, dc: String, node: String },
    #[error("reading the server certificate {0}")]
    CertRead(String),
    #[error("forming the raft cluster: {0}")]
    Bootstrap(String),
    #[error("{0} needs LAN gossip to find the servers, but the serf_lan port is disabled")]
    NoGossip(&'static str),
    #[error("the gossip keyring: {0}")]
    Keyring(#[from] crate::gossip::KeyringError),
    #[error("registering {what} from the configuration: {message}")]
    Definition { what: String, message: String },
}
