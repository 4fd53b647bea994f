//! `/v1/agent/*`: this agent's own view: itself, its members, its services and checks.

use std::collections::BTreeMap;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use serde::Serialize;

use super::AppState;
use super::error::{ApiError, decode_body};
use super::query::Params;
use crate::api::{AgentMember, AgentSelf, AgentSelfConfig, DebugConfig, XdsPorts};
use crate::gossip::MemberStatus;
use crate::local::{CheckDefinition, ServiceDefinition};
use crate::state::{HealthCheck, HealthStatus, NodeService};

/// `GET /v1/agent/self`
pub async fn self_info(State(state): State<AppState>) -> Json<AgentSelf> {
    let info = &state.info;
    Json(AgentSelf {
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
    })
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
        ]),
        status: AgentMember::ALIVE,
    }
}

/// `GET /v1/agent/members`: the LAN members this agent knows, as the reference shows them
/// (Status 1 alive, 3 left, 4 failed).
pub async fn members(State(state): State<AppState>, Query(p): Query<Params>) -> Json<Vec<AgentMember>> {
    let pool =
        if p.get("wan").is_some_and(|v| v == "1" || v == "true" || v.is_empty()) { &state.wan } else { &state.gossip };
    let Some(gossip) = pool else {
        return Json(vec![member(&state)]);
    };
    let members = gossip
        .members()
        .into_iter()
        .map(|m| AgentMember {
            name: m.id.name,
            addr: m.id.addr.ip().to_string(),
            port: m.id.addr.port(),
            tags: BTreeMap::from([
                ("role".to_owned(), role(m.id.meta.server)),
                ("dc".to_owned(), m.id.meta.datacenter),
                ("port".to_owned(), m.id.meta.rpc_port.to_string()),
                ("build".to_owned(), m.id.meta.build),
            ]),
            status: match m.status {
                MemberStatus::Alive => AgentMember::ALIVE,
                MemberStatus::Left => AgentMember::LEFT,
                MemberStatus::Failed => AgentMember::FAILED,
            },
        })
        .collect();
    Json(members)
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
pub async fn services(State(state): State<AppState>) -> Json<BTreeMap<String, AgentService>> {
    Json(state.local.services().into_iter().map(|(id, s)| (id, agent_service(&state, s))).collect())
}

/// `GET /v1/agent/service/:id`
pub async fn service(State(state): State<AppState>, Path(id): Path<String>) -> Result<Json<AgentService>, ApiError> {
    let service = state.local.service(&id).ok_or_else(|| ApiError::NotFound(format!("unknown service ID {id:?}")))?;
    Ok(Json(agent_service(&state, service)))
}

/// `PUT /v1/agent/service/register`
pub async fn register_service(State(state): State<AppState>, body: Bytes) -> Result<(), ApiError> {
    let def: ServiceDefinition = decode_body(&body)?;
    state.local.add_service(&def)?;
    Ok(())
}

/// `PUT /v1/agent/service/deregister/:id`
pub async fn deregister_service(State(state): State<AppState>, Path(id): Path<String>) -> Result<(), ApiError> {
    Ok(state.local.remove_service(&id)?)
}

/// `GET /v1/agent/checks`
pub async fn checks(State(state): State<AppState>) -> Json<BTreeMap<String, HealthCheck>> {
    Json(state.local.checks())
}

/// `PUT /v1/agent/check/register`
pub async fn register_check(State(state): State<AppState>, body: Bytes) -> Result<(), ApiError> {
    let def: CheckDefinition = decode_body(&body)?;
    state.local.add_check(&def)?;
    Ok(())
}

/// `PUT /v1/agent/check/deregister/:id`
pub async fn deregister_check(State(state): State<AppState>, Path(id): Path<String>) -> Result<(), ApiError> {
    Ok(state.local.remove_check(&id)?)
}

async fn ttl(state: &AppState, id: &str, status: HealthStatus, p: &Params) -> Result<(), ApiError> {
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
    let u: Update = decode_body(&body)?;
    let status = HealthStatus::parse(&u.status)
        .filter(|s| *s != HealthStatus::Maintenance)
        .ok_or_else(|| ApiError::BadRequest(format!("Invalid check status {:?}", u.status)))?;
    Ok(state.local.ttl_update(&id, status, &u.output)?)
}
