//! `/v1/agent/*`: this agent's own view: itself, its members, its services and checks.
//!
//! With ACLs on, each endpoint asks the request's token for what the reference asks: `agent`
//! on this node for the agent itself, `service:write` on a service to register or change it
//! (and its checks), `node:write` on this node for the node's own checks; lists show only what
//! the token may read.

use std::collections::BTreeMap;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use serde::Serialize;

use super::AppState;
use super::error::{ApiError, decode_body};
use super::query::Params;
use crate::acl::{Access, Authorizer, Permission, Resource};
use crate::api::{AgentMember, AgentSelf, AgentSelfConfig, DebugConfig, XdsPorts};
use crate::gossip::MemberStatus;
use crate::local::{CheckDefinition, ServiceDefinition};
use crate::state::{HealthCheck, HealthStatus, NodeService, RequestContext};

/// Checks one permission of the request's token.
async fn allowed(state: &AppState, permission: Permission) -> Result<(), ApiError> {
    Ok(state.backend.authorize(&RequestContext::new(), &permission).await?)
}

/// The request's authorizer, for filtering (`None`: ACLs are off, everything is shown).
async fn authorizer(state: &AppState) -> Result<Option<Authorizer>, ApiError> {
    Ok(state.backend.authorizer(&RequestContext::new()).await?)
}

fn readable(authz: &Option<Authorizer>, resource: Resource, name: &str) -> bool {
    authz.as_ref().is_none_or(|a| a.allows(&Permission::on(resource, name, Access::Read)))
}

/// The permission a check of this agent needs: its service's, or this node's.
fn check_permission(state: &AppState, service_id: &str, access: Access) -> Permission {
    match state.local.service(service_id).filter(|_| !service_id.is_empty()) {
        Some(service) => Permission::on(Resource::Service, service.service, access),
        None => Permission::on(Resource::Node, &state.info.node_name, access),
    }
}

async fn check_allowed(state: &AppState, check_id: &str) -> Result<(), ApiError> {
    let service_id = state.local.checks().get(check_id).map(|c| c.service_id.clone()).unwrap_or_default();
    allowed(state, check_permission(state, &service_id, Access::Write)).await
}

/// `GET /v1/agent/self`
pub async fn self_info(State(state): State<AppState>) -> Result<Json<AgentSelf>, ApiError> {
    allowed(&state, Permission::on(Resource::Agent, &state.info.node_name, Access::Read)).await?;
    let info = &state.info;
    Ok(Json(AgentSelf {
        config: AgentSelfConfig {
            datacenter: info.datacenter.clone(),
            primary_datacenter: info.primary_datacenter.clone(),
            node_name: info.node_name.clone(),
            node_id: info.node_id.clone(),
            server: info.server,
            version: info.version.clone(),
            revision: String::new(),
            domain: info.domain.clone(),
        },
        debug_config: DebugConfig { grpc_port: info.grpc_port, grpc_tls_port: info.grpc_tls_port },
        xds: XdsPorts { port: info.grpc_port, tls_port: info.grpc_tls_port },
        member: member(&state),
        meta: BTreeMap::new(),
    }))
}

/// The `dns` tag of a member whose DNS interface is on: where it answers.
fn dns_tag(dns: &str) -> Option<(String, String)> {
    (!dns.is_empty()).then(|| ("dns".to_owned(), dns.to_owned()))
}

fn role(server: bool) -> String {
    if server { "consul" } else { "node" }.to_owned()
}

fn member(state: &AppState) -> AgentMember {
    let info = &state.info;
    AgentMember {
        name: info.node_name.clone(),
        addr: info.advertise_addr.clone(),
        port: info.serf_lan_port,
        tags: BTreeMap::from([
            ("role".to_owned(), role(info.server)),
            ("dc".to_owned(), info.datacenter.clone()),
            ("port".to_owned(), info.server_port.to_string()),
            ("id".to_owned(), info.node_id.clone()),
            ("build".to_owned(), info.version.clone()),
        ])
        .into_iter()
        .chain(dns_tag(&info.dns))
        .collect(),
        status: AgentMember::ALIVE,
    }
}

/// `GET /v1/agent/members`: the LAN members this agent knows, as the reference shows them
/// (Status 1 alive, 3 left, 4 failed).
pub async fn members(
    State(state): State<AppState>,
    Query(p): Query<Params>,
) -> Result<Json<Vec<AgentMember>>, ApiError> {
    allowed(&state, Permission::on(Resource::Agent, &state.info.node_name, Access::Read)).await?;
    let authz = authorizer(&state).await?;
    let pool =
        if p.get("wan").is_some_and(|v| v == "1" || v == "true" || v.is_empty()) { &state.wan } else { &state.gossip };
    let Some(gossip) = pool else {
        return Ok(Json(vec![member(&state)]));
    };
    let members = gossip
        .members()
        .into_iter()
        .filter(|m| readable(&authz, Resource::Node, &m.id.name))
        .map(|m| AgentMember {
            name: m.id.name,
            addr: m.id.addr.ip().to_string(),
            port: m.id.addr.port(),
            tags: BTreeMap::from([
                ("role".to_owned(), role(m.id.meta.server)),
                ("dc".to_owned(), m.id.meta.datacenter),
                ("port".to_owned(), m.id.meta.rpc_port.to_string()),
                ("build".to_owned(), m.id.meta.build),
            ])
            .into_iter()
            .chain(dns_tag(&m.id.meta.dns))
            .collect(),
            status: match m.status {
                MemberStatus::Alive => AgentMember::ALIVE,
                MemberStatus::Left => AgentMember::LEFT,
                MemberStatus::Failed => AgentMember::FAILED,
            },
        })
        .collect();
    Ok(Json(members))
}

/// A local service as the agent endpoints show it.
#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct AgentService {
    #[serde(flatten)]
    service: NodeService,
}

fn agent_service(state: &AppState, mut service: NodeService) -> AgentService {
    service.datacenter = state.info.datacenter.clone();
    AgentService { service }
}

/// `GET /v1/agent/services`
pub async fn services(State(state): State<AppState>) -> Result<Json<BTreeMap<String, AgentService>>, ApiError> {
    let authz = authorizer(&state).await?;
    Ok(Json(
        state
            .local
            .services()
            .into_iter()
            .filter(|(_, s)| readable(&authz, Resource::Service, &s.service))
            .map(|(id, s)| (id, agent_service(&state, s)))
            .collect(),
    ))
}

/// `GET /v1/agent/service/:id`
pub async fn service(State(state): State<AppState>, Path(id): Path<String>) -> Result<Json<AgentService>, ApiError> {
    let service = state.local.service(&id).ok_or_else(|| ApiError::NotFound(format!("unknown service ID {id:?}")))?;
    allowed(&state, Permission::on(Resource::Service, &service.service, Access::Read)).await?;
    Ok(Json(agent_service(&state, service)))
}

/// `PUT /v1/agent/service/register`
pub async fn register_service(State(state): State<AppState>, body: Bytes) -> Result<(), ApiError> {
    let def: ServiceDefinition = decode_body(&body)?;
    allowed(&state, Permission::on(Resource::Service, &def.name, Access::Write)).await?;
    if let Some(sidecar) = def.connect.as_ref().and_then(|c| c.sidecar_service.as_ref()) {
        let name = if sidecar.name.is_empty() { format!("{}-sidecar-proxy", def.name) } else { sidecar.name.clone() };
        allowed(&state, Permission::on(Resource::Service, name, Access::Write)).await?;
    }
    // A service already here under this ID, renamed: write on its old name too.
    let id = if def.id.is_empty() { &def.name } else { &def.id };
    if let Some(old) = state.local.service(id).filter(|s| s.service != def.name) {
        allowed(&state, Permission::on(Resource::Service, old.service, Access::Write)).await?;
    }
    // Synced with the token it was registered with (the body's, else the request's).
    let mut def = def;
    if def.token.is_empty() {
        def.token = RequestContext::new().token.unwrap_or_default();
    }
    state.local.add_service(&def)?;
    Ok(())
}

/// `PUT /v1/agent/service/deregister/:id`
pub async fn deregister_service(State(state): State<AppState>, Path(id): Path<String>) -> Result<(), ApiError> {
    if let Some(service) = state.local.service(&id) {
        allowed(&state, Permission::on(Resource::Service, service.service, Access::Write)).await?;
    }
    Ok(state.local.remove_service(&id)?)
}

/// `GET /v1/agent/checks`
pub async fn checks(State(state): State<AppState>) -> Result<Json<BTreeMap<String, HealthCheck>>, ApiError> {
    let authz = authorizer(&state).await?;
    let mut checks = state.local.checks();
    checks.retain(|_, c| match &authz {
        None => true,
        Some(a) => a.allows(&check_permission(&state, &c.service_id, Access::Read)),
    });
    Ok(Json(checks))
}

/// `PUT /v1/agent/check/register`
pub async fn register_check(State(state): State<AppState>, body: Bytes) -> Result<(), ApiError> {
    let def: CheckDefinition = decode_body(&body)?;
    allowed(&state, check_permission(&state, &def.service_id, Access::Write)).await?;
    state.local.add_check(&def)?;
    Ok(())
}

/// `PUT /v1/agent/check/deregister/:id`
pub async fn deregister_check(State(state): State<AppState>, Path(id): Path<String>) -> Result<(), ApiError> {
    check_allowed(&state, &id).await?;
    Ok(state.local.remove_check(&id)?)
}

async fn ttl(state: &AppState, id: &str, status: HealthStatus, p: &Params) -> Result<(), ApiError> {
    check_allowed(state, id).await?;
    let note = p.get("note").map(String::as_str).unwrap_or("");
    Ok(state.local.ttl_update(id, status, note)?)
}

/// `PUT /v1/agent/check/pass/:id` (`?note=`)
pub async fn pass(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(p): Query<Params>,
) -> Result<(), ApiError> {
    ttl(&state, &id, HealthStatus::Passing, &p).await
}

/// `PUT /v1/agent/check/warn/:id`
pub async fn warn(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(p): Query<Params>,
) -> Result<(), ApiError> {
    ttl(&state, &id, HealthStatus::Warning, &p).await
}

/// `PUT /v1/agent/check/fail/:id`
pub async fn fail(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(p): Query<Params>,
) -> Result<(), ApiError> {
    ttl(&state, &id, HealthStatus::Critical, &p).await
}

/// `PUT /v1/agent/check/update/:id` with `{"Status": "...", "Output": "..."}`
pub async fn update(State(state): State<AppState>, Path(id): Path<String>, body: Bytes) -> Result<(), ApiError> {
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct Update {
        status: String,
        #[serde(default)]
        output: String,
    }
    check_allowed(&state, &id).await?;
    let u: Update = decode_body(&body)?;
    let status = HealthStatus::parse(&u.status)
        .filter(|s| *s != HealthStatus::Maintenance)
        .ok_or_else(|| ApiError::BadRequest(format!("Invalid check status {:?}", u.status)))?;
    Ok(state.local.ttl_update(&id, status, &u.output)?)
}
