//! `/v1/internal/federation-state*`: every datacenter's mesh gateways as the federation knows
//! them (reads with `?dc=` and blocking queries, as the reference's internal endpoints).

use axum::extract::{Path, Query as Q, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::AppState;
use super::error::ApiError;
use super::query::{Params, read, read_json, read_options, with_meta};
use crate::api::FederationStateResponse;
use crate::state::{Query, QueryResult, RequestContext};
use crate::wan::LocatorStatus;

/// `GET /v1/internal/federation-states`
pub async fn list(State(state): State<AppState>, Q(p): Q<Params>) -> Result<Response, ApiError> {
    read_json(&state, &read_options(&state, &p)?, Query::FederationStates).await
}

/// `GET /v1/internal/federation-state/:dc`: `{"State": ..., "Index": ..., ...}` as the
/// reference's `FederationStateResponse`; 404 with an empty body when there is none.
pub async fn get(
    State(state): State<AppState>,
    Path(datacenter): Path<String>,
    Q(p): Q<Params>,
) -> Result<Response, ApiError> {
    let reply = read(&state, &read_options(&state, &p)?, Query::FederationState { datacenter }).await?;
    let response = match &reply.result {
        QueryResult::FederationState(Some(state)) => axum::Json(FederationStateResponse {
            state: Some(state.clone()),
            index: reply.index,
            known_leader: reply.known_leader,
            last_contact: reply.last_contact_ms,
        })
        .into_response(),
        _ => StatusCode::NOT_FOUND.into_response(),
    };
    Ok(with_meta(&reply, response))
}

/// `GET /v1/internal/federation-states/mesh-gateways`: datacenter -> gateway instances.
pub async fn mesh_gateways(State(state): State<AppState>, Q(p): Q<Params>) -> Result<Response, ApiError> {
    read_json(&state, &read_options(&state, &p)?, Query::FederationStateMeshGateways).await
}

/// `GET /v1/internal/mesh/services` (`?dc=`): the datacenter's services reachable through its
/// mesh gateways: each service's connect-capable instances (sidecars, native services), which
/// the gateways route the service's SNI to.
pub async fn mesh_services(State(state): State<AppState>, Q(p): Q<Params>) -> Result<Response, ApiError> {
    read_json(&state, &read_options(&state, &p)?, Query::ConnectInstances).await
}

/// `GET /v1/internal/federation-states/replication`: what this server's replication of the
/// primary's federation states last did (success, error with its message, indexes).
pub async fn replication(State(state): State<AppState>) -> axum::Json<crate::federation::ReplicationStatus> {
    axum::Json(state.replications.federation_states.lock().unwrap_or_else(|e| e.into_inner()).clone())
}

/// `GET /v1/internal/gateways`: how this server reaches every other datacenter through mesh
/// gateways: the candidates with their source and health, what the locator would pick now and
/// why, and each gateway's recent dial outcomes. `{"Enabled": false}` without WAN federation
/// through gateways.
pub async fn gateways(State(state): State<AppState>) -> axum::Json<LocatorStatus> {
    let Some(locator) = &state.locator else {
        return axum::Json(LocatorStatus { datacenter: state.info.datacenter.clone(), ..LocatorStatus::default() });
    };
    let datacenters = state.backend.datacenters(&RequestContext::new()).await.unwrap_or_default();
    axum::Json(locator.status(&datacenters))
}

/// `GET /v1/internal/gateways/probe?tries=N` (default 5): a real handshake along every path
/// to every other datacenter (each gateway x rpc, gossip packet), with latency
/// percentiles and, for failures, the broken hop. 400 without WAN federation through gateways.
pub async fn probe_gateways(State(state): State<AppState>, Q(p): Q<Params>) -> Result<Response, ApiError> {
    let (Some(locator), Some(tls)) = (&state.locator, &state.tls) else {
        return Err(ApiError::BadRequest(
            "this agent does not federate through mesh gateways (a server with connect.enable_mesh_gateway_wan_federation)".into(),
        ));
    };
    let tries = match p.get("tries") {
        Some(t) => t.parse().map_err(|_| ApiError::BadRequest(format!("tries={t:?}: expected a number")))?,
        None => 5,
    };
    let datacenters = state.backend.datacenters(&RequestContext::new()).await.unwrap_or_default();
    let report = crate::wan::probe(locator, tls, &datacenters, tries).await;
    Ok(axum::Json(report).into_response())
}
