use axum::extract::{Path, Query, State};
use axum::response::Response;

use super::AppState;
use super::error::ApiError;
use super::query::{Params, ReadOptions, blocking_json, flag};
use crate::state::{HealthStatus, Table};

const ALL: [Table; 3] = [Table::Nodes, Table::Services, Table::Checks];

/// `GET /v1/health/service/:name` (`?passing`, `?tag=`)
pub async fn service(
    State(state): State<AppState>,
    Path(name): Path<String>,
    Query(p): Query<Params>,
) -> Result<Response, ApiError> {
    let opts = ReadOptions::parse(&state, &p)?;
    let passing = flag(&p, "passing");
    let tag = p.get("tag").cloned();
    blocking_json(&state, &opts, &ALL, move |s| s.check_service_nodes(&name, tag.as_deref(), passing)).await
}

/// `GET /v1/health/node/:node`
pub async fn node(
    State(state): State<AppState>,
    Path(node): Path<String>,
    Query(p): Query<Params>,
) -> Result<Response, ApiError> {
    let opts = ReadOptions::parse(&state, &p)?;
    blocking_json(&state, &opts, &[Table::Checks], move |s| s.node_checks(&node)).await
}

/// `GET /v1/health/checks/:service`
pub async fn checks(
    State(state): State<AppState>,
    Path(service): Path<String>,
    Query(p): Query<Params>,
) -> Result<Response, ApiError> {
    let opts = ReadOptions::parse(&state, &p)?;
    blocking_json(&state, &opts, &[Table::Checks], move |s| s.service_checks(&service)).await
}

/// `GET /v1/health/state/:state`: `any`, `passing`, `warning` or `critical`.
pub async fn in_state(
    State(state): State<AppState>,
    Path(wanted): Path<String>,
    Query(p): Query<Params>,
) -> Result<Response, ApiError> {
    let opts = ReadOptions::parse(&state, &p)?;
    let filter = match wanted.as_str() {
        "any" => None,
        s => Some(HealthStatus::parse(s).ok_or_else(|| {
            ApiError::BadRequest(format!("Invalid check state {s:?}: expected any, passing, warning or critical"))
        })?),
    };
    blocking_json(&state, &opts, &[Table::Checks], move |s| s.checks_in_state(filter)).await
}
