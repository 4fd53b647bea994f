//! The replicated data model: tables, the command type that changes them, and reads; and what
//! every request carries through the backend: its context ([`RequestContext`]) and the one
//! error type of reads and writes ([`RequestError`]).
//!
//! Sans-IO: nothing here touches disk or network. [`Store`] is what the raft state machine
//! holds; [`StateHandle`] wraps it for concurrent readers and wakes blocking queries.

mod acl;
mod acl_store;
mod command;
mod config_entry;
mod config_entry_check;
mod config_entry_decode;
mod config_store;
mod error;
mod ids;
mod intention;
mod intention_store;
mod query;
mod read;
mod request;
mod session;
mod store;
mod txn;
mod types;
mod watch;
mod weak;

pub use acl::{
    ANONYMOUS_ACCESSOR_ID, ANONYMOUS_DESCRIPTION, ANONYMOUS_SECRET, AclIdentity, AclLink, AclOp, AclPolicy, AclRole,
    AclSet, AclToken, BOOTSTRAP_DESCRIPTION, GLOBAL_MANAGEMENT_DESCRIPTION, GLOBAL_MANAGEMENT_ID,
    GLOBAL_MANAGEMENT_NAME, GLOBAL_MANAGEMENT_RULES, HIDDEN_SECRET, RESERVED_ID_PREFIX, ServiceIdentity,
};
pub use command::{
    Command, CommandResult, ConfigEntryOp, ConnectCaOp, DeregisterRequest, FederationStateOp, KvOp, RegisterRequest,
    Response, StateError,
};
pub use config_entry::{
    ConfigEntries, ConfigEntry, EntryIndex, PROXY_DEFAULTS, PROXY_DEFAULTS_NAME, ProxyDefaults, ResolverFailover,
    ResolverRedirect, ResolverSubset, SERVICE_DEFAULTS, SERVICE_RESOLVER, ServiceDefaults, ServiceResolver,
};
pub use config_entry_check::validate_mesh_gateway;
pub use config_entry_decode::{ConfigEntryDecodeError, config_entry_kind};
pub use error::RequestError;
pub use ids::{ServerNode, new_uuid};
pub use intention::{
    Action, DEFAULT_NAMESPACE, Intention, IntentionOp, Name, SERVICE_INTENTIONS, ServiceIntentions, SourceIntention,
    WILDCARD, ZERO_TIME, intention_string, precedence, validate_name,
};
pub use query::{CheckServiceNode, NodeServices, ServiceNode};
pub use read::{CaConfigEntry, Query, QueryResult, ReadReply, ReadRequest};
pub use request::{Consistency, HOLD_TIMEOUT, HOP_MARGIN, REQUEST_TIMEOUT, RequestContext, as_caller};
pub use session::{MAX_LOCK_DELAY, SERF_HEALTH, ServiceCheck, Session, SessionBehavior, SessionOp};
pub use store::{Store, Table};
pub use txn::{CatalogVerb, KvVerb, TXN_MAX_OPS, TxnError, TxnKvOp, TxnOp, TxnOutcome, TxnResult};
pub use types::{
    CaConfig, CaConfigRequest, CaRoot, CheckDefinition, ConnectCa, ExposeConfig, ExposePath, FederationState,
    FederationStatesDelta, HealthCheck, HealthStatus, KvEntry, META_WAN_FEDERATION, MeshGatewayConfig, Node,
    NodeService, RaftIndex, ServiceAddress, ServiceConnect, ServiceKind, ServiceProxy, SigningIntermediate, Upstream,
    Weights, federation_digest,
};
pub use watch::{BlockingResult, StateHandle};
pub use weak::{config_positive, weak_bool, weak_u64};
