//! The HTTP API's response shapes that the agent writes and the CLI reads, in the reference's
//! JSON. One definition serves both sides, so they cannot drift apart.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::state::FederationState;

/// `GET /v1/agent/self`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct AgentSelf {
    pub config: AgentSelfConfig,
    pub debug_config: DebugConfig,
    #[serde(rename = "XDS")]
    pub xds: XdsPorts,
    pub member: AgentMember,
    pub meta: BTreeMap<String, String>,
}

/// The `Config` part of `/v1/agent/self`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct AgentSelfConfig {
    pub datacenter: String,
    pub primary_datacenter: String,
    pub node_name: String,
    #[serde(rename = "NodeID")]
    pub node_id: String,
    pub server: bool,
    pub version: String,
    pub revision: String,
    pub domain: String,
}

/// The `DebugConfig` part of `/v1/agent/self` (the ports `connect envoy` needs).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DebugConfig {
    #[serde(rename = "GRPCPort")]
    pub grpc_port: u16,
    #[serde(rename = "GRPCTLSPort")]
    pub grpc_tls_port: u16,
}

/// The xDS ports of `/v1/agent/self` (0: disabled).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct XdsPorts {
    pub port: u16,
    #[serde(rename = "TLSPort")]
    pub tls_port: u16,
}

/// A gossip member, as `/v1/agent/members` and `/v1/agent/self` show it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct AgentMember {
    pub name: String,
    pub addr: String,
    pub port: u16,
    /// `role` (`consul` for servers, `node` for clients), `dc`, `port` (the server port),
    /// `build`, and on `/v1/agent/self` `id`.
    pub tags: BTreeMap<String, String>,
    /// The reference's serf status: 1 alive, 3 left, 4 failed.
    pub status: u8,
}

impl AgentMember {
    pub const ALIVE: u8 = 1;
    pub const LEFT: u8 = 3;
    pub const FAILED: u8 = 4;

    /// `alive`, `left`, `failed` (or `unknown`).
    pub fn status_name(&self) -> &'static str {
        match self.status {
            AgentMember::ALIVE => "alive",
            AgentMember::LEFT => "left",
            AgentMember::FAILED => "failed",
            _ => "unknown",
        }
    }

    pub fn is_server(&self) -> bool {
        self.tags.get("role").is_some_and(|r| r == "consul")
    }

    pub fn tag(&self, name: &str) -> &str {
        self.tags.get(name).map_or("", String::as_str)
    }
}

/// `GET /v1/operator/raft/configuration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct RaftConfiguration {
    pub servers: Vec<RaftServer>,
    pub index: u64,
}

/// One raft member.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct RaftServer {
    #[serde(rename = "ID")]
    pub id: String,
    pub node: String,
    pub address: String,
    pub leader: bool,
    pub voter: bool,
    pub protocol_version: String,
}

/// `GET /v1/internal/federation-state/:dc`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct FederationStateResponse {
    pub state: Option<FederationState>,
    pub index: u64,
    pub known_leader: bool,
    pub last_contact: u64,
}
