//! The Consul-compatible HTTP API (axum). Paths, query parameters, JSON shapes and headers
//! follow the reference so its clients work unchanged.

mod acl;
mod agent;
mod any_case;
mod catalog;
mod config;
mod connect;
mod envoy_stats;
mod error;
mod federation;
mod health;
mod intentions;
mod keyring;
mod kv;
mod metrics;
mod operator;
mod pretty;
mod proxies;
mod query;
mod session;
mod status;
mod txn;

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post, put};

pub use error::ApiError;
pub use metrics::Metrics;

use crate::acl::{Access, Permission, Resource, Scalar};
use crate::local::LocalState;
use crate::serve::{ConnLimits, Protocol, ServeOptions};
use crate::state::{Command, RequestContext, Response as CommandResponse};

/// Facts about this agent shown by `/v1/agent/self` and friends.
#[derive(Debug, Clone)]
pub struct AgentInfo {
    pub node_name: String,
    pub node_id: String,
    pub datacenter: String,
    pub primary_datacenter: String,
    pub domain: String,
    pub server: bool,
    pub advertise_addr: String,
    pub server_port: u16,
    pub serf_lan_port: u16,
    /// The xDS gRPC port (0 when disabled).
    pub grpc_port: u16,
    /// The xDS gRPC TLS port (0 when disabled).
    pub grpc_tls_port: u16,
    /// The shortest session TTL accepted.
    pub session_ttl_min: std::time::Duration,
    /// Where the DNS interface answers (`ip:port`; empty when off).
    pub dns: String,
    pub version: String,
    /// What a connection no intention matches gets.
    pub intention_default: crate::connect::intentions::DefaultPolicy,
    /// The agent's data directory (`None` in `-dev`): where `acl-bootstrap-reset` is read.
    pub data_dir: Option<std::path::PathBuf>,
}

/// What every handler can reach; cloned for every request, so it is one shared pointer.
#[derive(Debug, Clone)]
pub struct AppState(Arc<ApiState>);

impl AppState {
    pub fn new(state: ApiState) -> AppState {
        AppState(Arc::new(state))
    }
}

impl std::ops::Deref for AppState {
    type Target = ApiState;
    fn deref(&self) -> &ApiState {
        &self.0
    }
}

/// The agent's parts the HTTP API uses.
#[derive(Debug)]
pub struct ApiState {
    /// How this agent reaches the replicated state (its raft node, or servers).
    pub backend: crate::backend::Backend,
    pub local: Arc<LocalState>,
    pub info: Arc<AgentInfo>,
    pub metrics: Arc<Metrics>,
    /// The LAN pool, when gossip runs.
    pub gossip: Option<crate::gossip::Gossip>,
    /// The WAN pool (servers of every datacenter), on servers.
    pub wan: Option<crate::gossip::Gossip>,
    /// What each replication from the primary last did (secondaries).
    pub replications: crate::federation::Replications,
    /// Notified once `/v1/agent/leave` completed; the agent then shuts down.
    pub left: Arc<tokio::sync::Notify>,
    /// What each local gateway's xDS stream last did.
    pub xds: crate::xds::XdsStatus,
    /// The gateway locator (servers federated through mesh gateways).
    pub locator: Option<crate::wan::Locator>,
    /// The agent's TLS (probes through gateways use it).
    pub tls: Option<Arc<crate::tls::AgentTls>>,
    /// The Connect leaf certificates of this agent's services.
    pub leaves: crate::local::LeafCache,
    /// The proxies this agent configures (for `/v1/internal/proxies`).
    pub proxycfg: crate::proxycfg::Manager,
}

impl ApiState {
    /// The HTTP API's write path: the one raft apply function, counted.
    pub async fn apply(&self, ctx: &RequestContext, command: Command) -> Result<CommandResponse, ApiError> {
        self.metrics.raft_applies.fetch_add(1, Ordering::Relaxed);
        self.backend.apply(ctx, command).await.map_err(|e| {
            self.metrics.raft_apply_errors.fetch_add(1, Ordering::Relaxed);
            ApiError::from(e)
        })
    }
}

/// All routes.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/v1/status/leader", get(status::leader))
        .route("/v1/status/peers", get(status::peers))
        .route("/v1/agent/self", get(agent::self_info))
        .route("/v1/agent/members", get(agent::members))
        .route("/v1/operator/raft/peer", axum::routing::delete(operator::remove_peer))
        .route("/v1/agent/services", get(agent::services))
        .route("/v1/agent/service/register", put(agent::register_service))
        .route("/v1/agent/service/deregister/{id}", put(agent::deregister_service))
        .route("/v1/agent/service/{id}", get(agent::service))
        .route("/v1/agent/checks", get(agent::checks))
        .route("/v1/agent/check/register", put(agent::register_check))
        .route("/v1/agent/check/deregister/{id}", put(agent::deregister_check))
        .route("/v1/agent/check/pass/{id}", put(agent::pass))
        .route("/v1/agent/check/warn/{id}", put(agent::warn))
        .route("/v1/agent/check/fail/{id}", put(agent::fail))
        .route("/v1/agent/check/update/{id}", put(agent::update))
        .route("/v1/catalog/register", put(catalog::register))
        .route("/v1/catalog/deregister", put(catalog::deregister))
        .route("/v1/catalog/datacenters", get(catalog::datacenters))
        .route("/v1/catalog/nodes", get(catalog::nodes))
        .route("/v1/catalog/services", get(catalog::services))
        .route("/v1/catalog/service/{name}", get(catalog::service))
        .route("/v1/catalog/connect/{name}", get(catalog::connect))
        .route("/v1/catalog/node/{node}", get(catalog::node))
        .route("/v1/health/service/{name}", get(health::service))
        .route("/v1/health/connect/{name}", get(health::connect))
        .route("/v1/health/node/{node}", get(health::node))
        .route("/v1/health/checks/{service}", get(health::checks))
        .route("/v1/health/state/{state}", get(health::in_state))
        .route("/v1/connect/ca/roots", get(connect::roots))
        .route("/v1/connect/ca/configuration", get(connect::configuration).put(connect::set_configuration))
        .route("/v1/agent/connect/ca/roots", get(connect::agent_roots))
        .route("/v1/agent/connect/ca/leaf/{service}", get(connect::leaf))
        .route("/v1/agent/connect/authorize", post(intentions::authorize))
        .route("/v1/connect/intentions", get(intentions::list).post(intentions::create))
        .route("/v1/connect/intentions/match", get(intentions::matches))
        .route("/v1/connect/intentions/check", get(intentions::check))
        .route(
            "/v1/connect/intentions/exact",
            get(intentions::exact).put(intentions::put_exact).delete(intentions::delete_exact),
        )
        .route("/v1/connect/intentions/{id}", get(intentions::get).put(intentions::update).delete(intentions::delete))
        .route("/v1/internal/federation-states", get(federation::list))
        .route("/v1/internal/federation-states/mesh-gateways", get(federation::mesh_gateways))
        .route("/v1/internal/federation-state/{dc}", get(federation::get))
        .route("/v1/config", get(config::no_kind).put(config::apply))
        .route("/v1/config/", get(config::no_kind).delete(config::delete_without_name))
        .route("/v1/config/{kind}", get(config::list).delete(config::delete_kind_only))
        .route("/v1/config/{kind}/{name}", get(config::get).delete(config::delete))
        .route("/v1/acl/bootstrap", put(acl::bootstrap))
        .route("/v1/acl/replication", get(acl::replication))
        .route("/v1/acl/token", put(acl::token_create))
        .route("/v1/acl/token/self", get(acl::token_self))
        .route("/v1/acl/token/{id}", get(acl::token_read).put(acl::token_update).delete(acl::token_delete))
        .route("/v1/acl/token/{id}/clone", put(acl::token_clone))
        .route("/v1/acl/tokens", get(acl::token_list))
        .route("/v1/acl/policy", put(acl::policy_create))
        .route("/v1/acl/policy/name/{name}", get(acl::policy_read_by_name))
        .route("/v1/acl/policy/{id}", get(acl::policy_read).put(acl::policy_update).delete(acl::policy_delete))
        .route("/v1/acl/policies", get(acl::policy_list))
        .route("/v1/acl/role", put(acl::role_create))
        .route("/v1/acl/role/name/{name}", get(acl::role_read_by_name))
        .route("/v1/acl/role/{id}", get(acl::role_read).put(acl::role_update).delete(acl::role_delete))
        .route("/v1/acl/roles", get(acl::role_list))
        .route("/v1/agent/token/{kind}", put(acl::set_agent_token))
        .route("/v1/txn", put(txn::txn))
        .route("/v1/session/create", put(session::create))
        .route("/v1/session/destroy/", put(session::missing_session))
        .route("/v1/session/destroy/{id}", put(session::destroy))
        .route("/v1/session/renew/", put(session::missing_session))
        .route("/v1/session/renew/{id}", put(session::renew))
        .route("/v1/session/info/", get(session::missing_session))
        .route("/v1/session/info/{id}", get(session::info))
        .route("/v1/session/node/", get(session::missing_node))
        .route("/v1/session/node/{node}", get(session::node))
        .route("/v1/session/list", get(session::list))
        .route("/v1/kv/", get(kv::get_root).put(kv::put_root).delete(kv::delete_root))
        .route("/v1/kv/{*key}", get(kv::get).put(kv::put).delete(kv::delete))
        .merge(guarded(
            &state,
            Permission::on(Resource::Agent, state.info.node_name.clone(), Access::Read),
            Router::new().route("/v1/agent/metrics", get(metrics::metrics)),
        ))
        .merge(guarded(
            &state,
            Permission::on(Resource::Agent, state.info.node_name.clone(), Access::Write),
            Router::new().route("/v1/agent/leave", put(operator::leave)),
        ))
        .merge(guarded(
            &state,
            Permission::scalar(Scalar::Keyring, Access::Read),
            Router::new().route(
                "/v1/operator/keyring",
                get(keyring::list).post(keyring::install).put(keyring::use_key).delete(keyring::remove),
            ),
        ))
        .merge(guarded(
            &state,
            Permission::scalar(Scalar::Operator, Access::Read),
            Router::new()
                .route("/v1/operator/raft/configuration", get(operator::configuration))
                .route("/v1/internal/xds", get(connect::xds_status))
                .route("/v1/internal/proxies", get(proxies::proxies))
                .route("/v1/internal/gateways", get(federation::gateways))
                .route("/v1/internal/gateways/probe", get(federation::probe_gateways))
                .route("/v1/internal/mesh/services", get(federation::mesh_services))
                .route("/v1/internal/federation-states/replication", get(federation::replication))
                .route("/v1/internal/config-entries/replication", get(config::replication)),
        ))
        .layer(DefaultBodyLimit::max(kv::MAX_VALUE_SIZE + 64 * 1024))
        .layer(middleware::from_fn_with_state(state.clone(), query::with_token))
        .layer(middleware::from_fn_with_state(state.clone(), count_requests))
        .layer(middleware::from_fn(pretty::with_pretty))
        .with_state(state)
}

/// Routes that need one fixed permission of the request's token (with ACLs on).
fn guarded(state: &AppState, permission: Permission, routes: Router<AppState>) -> Router<AppState> {
    routes.route_layer(middleware::from_fn_with_state((state.clone(), permission), require))
}

async fn require(State((state, permission)): State<(AppState, Permission)>, request: Request, next: Next) -> Response {
    use axum::response::IntoResponse;
    match state.backend.authorize(&RequestContext::new(), &permission).await {
        Ok(()) => next.run(request).await,
        Err(e) => ApiError::from(e).into_response(),
    }
}

async fn count_requests(State(state): State<AppState>, request: Request, next: Next) -> Response {
    state.metrics.http_requests.fetch_add(1, Ordering::Relaxed);
    next.run(request).await
}

/// How long in-flight requests get to finish once shutdown starts (a blocking query is cut).
const SHUTDOWN_GRACE: Duration = Duration::from_secs(1);

/// Serves the API (HTTP/1.1, over `tls` on the HTTPS port) on `listener` within `limits` until
/// `shutdown` flips, then drains its connections.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    tls: Option<Arc<rustls::ServerConfig>>,
    limits: ConnLimits,
    shutdown: tokio::sync::watch::Receiver<bool>,
) {
    let service = hyper_util::service::TowerToHyperService::new(router(state));
    let opts = ServeOptions { protocol: Protocol::Http1, tls, limits, grace: SHUTDOWN_GRACE };
    crate::serve::serve(listener, service, opts, shutdown).await;
}
