use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::response::Response;

use super::AppState;
use super::error::{ApiError, decode_body};
use super::query::{Params, ReadOptions, blocking_json, check_dc};
use crate::state::{Command, DeregisterRequest, RegisterRequest, Table};

const CATALOG: [Table; 3] = [Table::Nodes, Table::Services, Table::Checks];

/// `PUT /v1/catalog/register`
pub async fn register(
    State(state): State<AppState>,
    Query(p): Query<Params>,
    body: Bytes,
) -> Result<Json<bool>, ApiError> {
    check_dc(&state, &p)?;
    let mut req: RegisterRequest = decode_body(&body)?;
    if req.datacenter.is_empty() {
        req.datacenter = state.info.datacenter.clone();
    }
    state.apply(Command::from(req)).await?;
    Ok(Json(true))
}

/// `PUT /v1/catalog/deregister`
pub async fn deregister(
    State(state): State<AppState>,
    Query(p): Query<Params>,
    body: Bytes,
) -> Result<Json<bool>, ApiError> {
    check_dc(&state, &p)?;
    let req: DeregisterRequest = decode_body(&body)?;
    state.apply(Command::Deregister(req)).await?;
    Ok(Json(true))
}

/// `GET /v1/catalog/datacenters`
pub async fn datacenters(State(state): State<AppState>) -> Json<Vec<String>> {
    Json(vec![state.info.datacenter.clone()])
}

/// `GET /v1/catalog/nodes`
pub async fn nodes(State(state): State<AppState>, Query(p): Query<Params>) -> Result<Response, ApiError> {
    let opts = ReadOptions::parse(&state, &p)?;
    blocking_json(&state, &opts, &[Table::Nodes], |s| s.nodes()).await
}

/// `GET /v1/catalog/services`: service name -> tags.
pub async fn services(State(state): State<AppState>, Query(p): Query<Params>) -> Result<Response, ApiError> {
    let opts = ReadOptions::parse(&state, &p)?;
    blocking_json(&state, &opts, &[Table::Services], |s| s.service_names()).await
}

/// `GET /v1/catalog/service/:name` (`?tag=`)
pub async fn service(
    State(state): State<AppState>,
    Path(name): Path<String>,
    Query(p): Query<Params>,
) -> Result<Response, ApiError> {
    let opts = ReadOptions::parse(&state, &p)?;
    let tag = p.get("tag").cloned();
    blocking_json(&state, &opts, &[Table::Nodes, Table::Services], move |s| s.service_nodes(&name, tag.as_deref()))
        .await
}

/// `GET /v1/catalog/node/:node`: the node and its services, or null.
pub async fn node(
    State(state): State<AppState>,
    Path(node): Path<String>,
    Query(p): Query<Params>,
) -> Result<Response, ApiError> {
    let opts = ReadOptions::parse(&state, &p)?;
    blocking_json(&state, &opts, &CATALOG[..2], move |s| s.node_services(&node)).await
}
