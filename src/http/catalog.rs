use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query as Q, State};
use axum::response::Response;

use super::AppState;
use super::error::{ApiError, decode_body};
use super::query::{Params, read_json, read_options, target_dc, write_context};
use crate::state::{Command, DeregisterRequest, Query, RegisterRequest, RequestContext};

/// `PUT /v1/catalog/register`
pub async fn register(State(state): State<AppState>, Q(p): Q<Params>, body: Bytes) -> Result<Json<bool>, ApiError> {
    let dc = target_dc(&state, &p);
    let mut req: RegisterRequest = decode_body(&body)?;
    if req.datacenter.is_empty() {
        req.datacenter = dc.unwrap_or_else(|| state.info.datacenter.clone());
    }
    state.apply(&write_context(&state, &p), Command::from(req)).await?;
    Ok(Json(true))
}

/// `PUT /v1/catalog/deregister`
pub async fn deregister(State(state): State<AppState>, Q(p): Q<Params>, body: Bytes) -> Result<Json<bool>, ApiError> {
    let req: DeregisterRequest = decode_body(&body)?;
    state.apply(&write_context(&state, &p), Command::Deregister(req)).await?;
    Ok(Json(true))
}

/// `GET /v1/catalog/datacenters`: every datacenter of the federation.
pub async fn datacenters(State(state): State<AppState>) -> Result<Json<Vec<String>>, ApiError> {
    Ok(Json(state.backend.datacenters(&RequestContext::new()).await?))
}

/// `GET /v1/catalog/nodes`
pub async fn nodes(State(state): State<AppState>, Q(p): Q<Params>) -> Result<Response, ApiError> {
    read_json(&state, &read_options(&state, &p)?, Query::Nodes).await
}

/// `GET /v1/catalog/services`: service name -> tags.
pub async fn services(State(state): State<AppState>, Q(p): Q<Params>) -> Result<Response, ApiError> {
    read_json(&state, &read_options(&state, &p)?, Query::ServiceNames).await
}

/// `GET /v1/catalog/service/:name` (`?tag=`)
pub async fn service(state: State<AppState>, name: Path<String>, p: Q<Params>) -> Result<Response, ApiError> {
    instances(state, name, p, false).await
}

/// `GET /v1/catalog/connect/:name`: the service's proxies and native instances (`?tag=`).
pub async fn connect(state: State<AppState>, name: Path<String>, p: Q<Params>) -> Result<Response, ApiError> {
    instances(state, name, p, true).await
}

async fn instances(
    State(state): State<AppState>,
    Path(name): Path<String>,
    Q(p): Q<Params>,
    connect: bool,
) -> Result<Response, ApiError> {
    let query = Query::ServiceNodes { service: name, tag: p.get("tag").cloned(), connect };
    read_json(&state, &read_options(&state, &p)?, query).await
}

/// `GET /v1/catalog/node/:node`: the node and its services, or null.
pub async fn node(
    State(state): State<AppState>,
    Path(node): Path<String>,
    Q(p): Q<Params>,
) -> Result<Response, ApiError> {
    read_json(&state, &read_options(&state, &p)?, Query::NodeServices { node }).await
}
