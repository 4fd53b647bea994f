//! Reads as data: a [`Query`] names what to read, runs against a [`Store`] wherever it is
//! executed (locally, on the leader, or on a server for a client agent), and yields a
//! [`QueryResult`] that travels back over RPC unchanged.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::acl::{AclIdentity, AclPolicy, AclRole, AclSet, AclToken};
use super::config_entry::ConfigEntry;
use super::query::{CheckServiceNode, NodeServices, ServiceNode};
use super::store::{Store, Table};
use super::types::{
    CaConfig, ConnectCa, FederationState, FederationStatesDelta, HealthCheck, HealthStatus, KvEntry, Node,
    federation_digest,
};

/// Something to read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Query {
    Nodes,
    ServiceNames,
    ServiceNodes {
        service: String,
        tag: Option<String>,
        /// The service's Connect-capable instances instead: the proxies whose destination it
        /// is, and its native instances (`/v1/catalog/connect/:service`).
        #[serde(default)]
        connect: bool,
    },
    NodeServices {
        node: String,
    },
    /// Every instance whose service address is `address`.
    ServicesAt {
        address: String,
    },
    /// One session (`/v1/session/info/:id`).
    Session {
        id: String,
    },
    /// A node's sessions (`/v1/session/node/:node`), or every one (`/v1/session/list`).
    Sessions {
        node: Option<String>,
    },
    /// A transaction of reads only (`/v1/txn` without a write): no raft entry.
    Txn {
        ops: Vec<super::txn::TxnOp>,
    },
    CheckServiceNodes {
        service: String,
        tag: Option<String>,
        passing: bool,
        /// As for [`Query::ServiceNodes`] (`/v1/health/connect/:service`).
        #[serde(default)]
        connect: bool,
    },
    /// Every connect-capable instance in this datacenter, by the service it serves: what a
    /// mesh gateway routes incoming service traffic to (one watch for all services).
    ConnectInstances,
    /// Every instance of services of `kind` (e.g. `mesh-gateway`) in this datacenter, with
    /// their checks.
    ServicesOfKind {
        kind: String,
    },
    NodeChecks {
        node: String,
    },
    ServiceChecks {
        service: String,
    },
    ChecksInState {
        state: Option<HealthStatus>,
    },
    KvGet {
        key: String,
    },
    KvList {
        prefix: String,
    },
    KvKeys {
        prefix: String,
        separator: Option<String>,
    },
    FederationStates,
    /// The federation states modified after `index`, with the count and digest of the whole
    /// table (what a secondary's replication asks for: one change costs one state on the wire,
    /// whatever the number of datacenters).
    FederationStatesSince {
        index: u64,
    },
    FederationState {
        datacenter: String,
    },
    FederationStateMeshGateways,
    /// The Connect CA roots and trust domain (never the signing key).
    CaRoots,
    /// The CA's settings, with the index of their last change.
    CaConfiguration,
    /// One config entry (`GET /v1/config/:kind/:name`).
    ConfigEntry {
        kind: String,
        name: String,
    },
    /// The config entries of one kind, or of every kind (what replication lists), sorted by
    /// (kind, name).
    ConfigEntries {
        kind: Option<String>,
    },
    /// Every ACL token (`?policy=` / `?role=`: only those linking it).
    AclTokens {
        policy: Option<String>,
        role: Option<String>,
    },
    AclToken {
        accessor_id: String,
    },
    /// The token a secret is (what `/v1/acl/token/self` reads).
    AclTokenBySecret {
        secret: String,
    },
    AclPolicies,
    AclPolicy {
        id: String,
    },
    AclPolicyByName {
        name: String,
    },
    AclRoles {
        policy: Option<String>,
    },
    AclRole {
        id: String,
    },
    AclRoleByName {
        name: String,
    },
    /// What a secret resolves to (its token and policies): how a client agent resolves a
    /// token through its servers.
    AclIdentity {
        secret: String,
    },
    /// Whether `/v1/acl/bootstrap` may still run, and the reset index.
    AclBootstrap,
    /// Every policy, role and global token (secrets included): what secondaries replicate.
    AclReplicationSet,
}

/// A (possibly blocking) read: answered once the tables of `query` are past `min_index`, or
/// after `wait`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReadRequest {
    pub query: Query,
    pub min_index: u64,
    pub wait_ms: u64,
}

impl ReadRequest {
    /// A read that answers at once.
    pub fn now(query: Query) -> ReadRequest {
        ReadRequest { query, min_index: 0, wait_ms: 0 }
    }

    /// A blocking read.
    pub fn blocking(query: Query, min_index: u64, wait: std::time::Duration) -> ReadRequest {
        ReadRequest { query, min_index, wait_ms: wait.as_millis().min(u128::from(u64::MAX)) as u64 }
    }

    pub fn wait(&self) -> std::time::Duration {
        std::time::Duration::from_millis(self.wait_ms)
    }
}

/// A read's answer and what the reference's `X-Consul-*` headers need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReadReply {
    pub index: u64,
    pub result: QueryResult,
    pub known_leader: bool,
    pub last_contact_ms: u64,
}

/// What a query read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum QueryResult {
    Nodes(Vec<Node>),
    ServiceNames(BTreeMap<String, Vec<String>>),
    ServiceNodes(Vec<ServiceNode>),
    NodeServices(Option<NodeServices>),
    CheckServiceNodes(Vec<CheckServiceNode>),
    ConnectInstances(BTreeMap<String, Vec<CheckServiceNode>>),
    Checks(Vec<HealthCheck>),
    Kv(Option<KvEntry>),
    KvList(Vec<KvEntry>),
    Keys(Vec<String>),
    FederationStates(Vec<FederationState>),
    FederationStatesDelta(FederationStatesDelta),
    FederationState(Option<FederationState>),
    MeshGateways(BTreeMap<String, Vec<CheckServiceNode>>),
    CaRoots(Option<ConnectCa>),
    CaConfiguration(Option<CaConfigEntry>),
    ConfigEntry(Option<ConfigEntry>),
    ConfigEntries(Vec<ConfigEntry>),
    AclTokens(Vec<AclToken>),
    AclToken(Option<AclToken>),
    AclPolicies(Vec<AclPolicy>),
    AclPolicy(Option<AclPolicy>),
    AclRoles(Vec<AclRole>),
    AclRole(Option<AclRole>),
    AclIdentity(Option<Box<AclIdentity>>),
    /// The reset index (0: bootstrapping is allowed).
    AclBootstrap(u64),
    AclSet(Box<AclSet>),
    Sessions(Vec<super::session::Session>),
    Txn(super::txn::TxnOutcome),
}

/// The CA's settings as `/v1/connect/ca/configuration` shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CaConfigEntry {
    pub provider: String,
    pub config: CaConfig,
    pub create_index: u64,
    pub modify_index: u64,
}

impl Query {
    /// The tables whose index a blocking read of this query waits on.
    pub fn tables(&self) -> &'static [Table] {
        match self {
            Query::Nodes => &[Table::Nodes],
            Query::ServiceNames => &[Table::Services],
            Query::ServiceNodes { .. } | Query::NodeServices { .. } | Query::ServicesAt { .. } => {
                &[Table::Nodes, Table::Services]
            }
            Query::CheckServiceNodes { .. } | Query::ConnectInstances | Query::ServicesOfKind { .. } => {
                &[Table::Nodes, Table::Services, Table::Checks]
            }
            Query::NodeChecks { .. } | Query::ServiceChecks { .. } | Query::ChecksInState { .. } => &[Table::Checks],
            Query::KvGet { .. } | Query::KvList { .. } | Query::KvKeys { .. } => &[Table::Kv],
            Query::FederationStates
            | Query::FederationStatesSince { .. }
            | Query::FederationState { .. }
            | Query::FederationStateMeshGateways => &[Table::FederationStates],
            Query::CaRoots | Query::CaConfiguration => &[Table::ConnectCa],
            Query::Session { .. } | Query::Sessions { .. } => &[Table::Sessions],
            Query::Txn { .. } => &[Table::Kv, Table::Nodes, Table::Services, Table::Checks],
            Query::ConfigEntry { .. } | Query::ConfigEntries { .. } => &[Table::ConfigEntries],
            Query::AclTokens { .. } | Query::AclToken { .. } | Query::AclTokenBySecret { .. } | Query::AclBootstrap => {
                &[Table::AclTokens]
            }
            Query::AclPolicies | Query::AclPolicy { .. } | Query::AclPolicyByName { .. } => &[Table::AclPolicies],
            Query::AclRoles { .. } | Query::AclRole { .. } | Query::AclRoleByName { .. } => &[Table::AclRoles],
            Query::AclIdentity { .. } | Query::AclReplicationSet => {
                &[Table::AclTokens, Table::AclPolicies, Table::AclRoles]
            }
        }
    }

    pub fn run(&self, s: &Store) -> QueryResult {
        match self {
            Query::Nodes => QueryResult::Nodes(s.nodes()),
            Query::ServiceNames => QueryResult::ServiceNames(s.service_names()),
            Query::ServiceNodes { service, tag, connect } => {
                QueryResult::ServiceNodes(s.service_nodes(service, tag.as_deref(), *connect))
            }
            Query::NodeServices { node } => QueryResult::NodeServices(s.node_services(node)),
            Query::ServicesAt { address } => QueryResult::ServiceNodes(s.services_at(address)),
            Query::Session { id } => QueryResult::Sessions(s.session(id).cloned().into_iter().collect()),
            Query::Sessions { node } => QueryResult::Sessions(s.sessions(node.as_deref())),
            Query::Txn { ops } => QueryResult::Txn(s.txn_read(ops)),
            Query::CheckServiceNodes { service, tag, passing, connect } => {
                QueryResult::CheckServiceNodes(s.check_service_nodes(service, tag.as_deref(), *passing, *connect))
            }
            Query::ConnectInstances => QueryResult::ConnectInstances(s.connect_instances()),
            Query::ServicesOfKind { kind } => QueryResult::CheckServiceNodes(s.check_service_nodes_by_kind(kind)),
            Query::NodeChecks { node } => QueryResult::Checks(s.node_checks(node)),
            Query::ServiceChecks { service } => QueryResult::Checks(s.service_checks(service)),
            Query::ChecksInState { state } => QueryResult::Checks(s.checks_in_state(*state)),
            Query::KvGet { key } => QueryResult::Kv(s.kv_get(key).cloned()),
            Query::KvList { prefix } => QueryResult::KvList(s.kv_list(prefix)),
            Query::KvKeys { prefix, separator } => QueryResult::Keys(s.kv_keys(prefix, separator.as_deref())),
            Query::FederationStates => QueryResult::FederationStates(s.federation_states()),
            Query::FederationStatesSince { index } => {
                let all = s.federation_states();
                QueryResult::FederationStatesDelta(FederationStatesDelta {
                    count: all.len(),
                    digest: federation_digest(all.iter().map(|f| (f.datacenter.as_str(), f.index.modify_index))),
                    changed: all.into_iter().filter(|f| f.index.modify_index > *index).collect(),
                })
            }
            Query::FederationState { datacenter } => QueryResult::FederationState(s.federation_state(datacenter)),
            Query::FederationStateMeshGateways => QueryResult::MeshGateways(
                s.federation_states()
                    .into_iter()
                    .filter(|f| !f.mesh_gateways.is_empty())
                    .map(|f| (f.datacenter, f.mesh_gateways))
                    .collect(),
            ),
            Query::CaRoots => QueryResult::CaRoots(s.connect_ca_public()),
            Query::CaConfiguration => QueryResult::CaConfiguration(s.connect_ca().map(|ca| CaConfigEntry {
                provider: "consul".to_owned(),
                config: ca.config.clone().unwrap_or_default(),
                create_index: ca.roots.iter().map(|r| r.index.create_index).min().unwrap_or_default(),
                modify_index: s.table_index(Table::ConnectCa),
            })),
            Query::ConfigEntry { kind, name } => QueryResult::ConfigEntry(s.config_entry(kind, name).cloned()),
            Query::ConfigEntries { kind } => QueryResult::ConfigEntries(s.config_entries(kind.as_deref())),
            Query::AclTokens { policy, role } => QueryResult::AclTokens(
                s.acl_tokens()
                    .into_iter()
                    .filter(|t| policy.as_ref().is_none_or(|p| t.policies.iter().any(|l| l.id == *p)))
                    .filter(|t| role.as_ref().is_none_or(|r| t.roles.iter().any(|l| l.id == *r)))
                    .collect(),
            ),
            Query::AclToken { accessor_id } => QueryResult::AclToken(s.acl_token(accessor_id)),
            Query::AclTokenBySecret { secret } => QueryResult::AclToken(s.acl_token_by_secret(secret)),
            Query::AclPolicies => QueryResult::AclPolicies(s.acl_policies()),
            Query::AclPolicy { id } => QueryResult::AclPolicy(s.acl_policy(id)),
            Query::AclPolicyByName { name } => QueryResult::AclPolicy(s.acl_policy_by_name(name)),
            Query::AclRoles { policy } => QueryResult::AclRoles(
                s.acl_roles()
                    .into_iter()
                    .filter(|r| policy.as_ref().is_none_or(|p| r.policies.iter().any(|l| l.id == *p)))
                    .collect(),
            ),
            Query::AclRole { id } => QueryResult::AclRole(s.acl_role(id)),
            Query::AclRoleByName { name } => QueryResult::AclRole(s.acl_role_by_name(name)),
            Query::AclIdentity { secret } => QueryResult::AclIdentity(s.acl_identity(secret).map(Box::new)),
            Query::AclBootstrap => QueryResult::AclBootstrap(s.acl_bootstrap_index()),
            Query::AclReplicationSet => QueryResult::AclSet(Box::new(s.acl_set())),
        }
    }
}

impl QueryResult {
    /// The result as the reference HTTP API shows it.
    pub fn to_json(&self) -> serde_json::Value {
        let value = match self {
            QueryResult::Nodes(v) => serde_json::to_value(v),
            QueryResult::ServiceNames(v) => serde_json::to_value(v),
            QueryResult::ServiceNodes(v) => serde_json::to_value(v),
            QueryResult::Sessions(v) => serde_json::to_value(v),
            QueryResult::Txn(v) => serde_json::to_value(v),
            QueryResult::NodeServices(v) => serde_json::to_value(v),
            QueryResult::CheckServiceNodes(v) => serde_json::to_value(v),
            QueryResult::ConnectInstances(v) => serde_json::to_value(v),
            QueryResult::Checks(v) => serde_json::to_value(v),
            QueryResult::Kv(v) => serde_json::to_value(v.iter().collect::<Vec<_>>()),
            QueryResult::KvList(v) => serde_json::to_value(v),
            QueryResult::Keys(v) => serde_json::to_value(v),
            QueryResult::FederationStates(v) => serde_json::to_value(v),
            QueryResult::FederationStatesDelta(v) => serde_json::to_value(v),
            QueryResult::FederationState(v) => serde_json::to_value(v),
            QueryResult::MeshGateways(v) => serde_json::to_value(v),
            QueryResult::CaRoots(v) => serde_json::to_value(v),
            QueryResult::CaConfiguration(v) => serde_json::to_value(v),
            QueryResult::ConfigEntry(v) => serde_json::to_value(v),
            QueryResult::ConfigEntries(v) => serde_json::to_value(v),
            QueryResult::AclTokens(v) => serde_json::to_value(v),
            QueryResult::AclToken(v) => serde_json::to_value(v),
            QueryResult::AclPolicies(v) => serde_json::to_value(v),
            QueryResult::AclPolicy(v) => serde_json::to_value(v),
            QueryResult::AclRoles(v) => serde_json::to_value(v),
            QueryResult::AclRole(v) => serde_json::to_value(v),
            QueryResult::AclIdentity(v) => serde_json::to_value(v),
            QueryResult::AclBootstrap(v) => serde_json::to_value(v),
            QueryResult::AclSet(v) => serde_json::to_value(v),
        };
        value.unwrap_or(serde_json::Value::Null)
    }
}
