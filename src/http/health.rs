use axum::extract::{Path, Query as Q, State};
use axum::response::Response;

use super::AppState;
use super::error::ApiError;
use super::query::{Params, flag, read_json, read_options};
use crate::state::{HealthStatus, Query};

/// `GET /v1/health/service/:name` (`?passing`, `?tag=`)
pub async fn service(state: State<AppState>, name: Path<String>, p: Q<Params>) -> Result<Response, ApiError> {
    instances(state, name, p, false).await
}

/// `GET /v1/health/connect/:name`: the service's proxies and native instances, with their
/// checks (`?passing`, `?tag=`).
pub async fn connect(state: State<AppState>, name: Path<String>, p: Q<Params>) -> Result<Response, ApiError> {
    instances(state, name, p, true).await
}

async fn instances(
    State(state): State<AppState>,
    Path(name): Path<String>,
    Q(p): Q<Params>,
    connect: bool,
) -> Result<Response, ApiError> {
    let query =
        Query::CheckServiceNodes { service: name, tag: p.get("tag").cloned(), passing: flag(&p, "passing"), connect };
    read_json(&state, &read_options(&state, &p)?, query).await
}

/// `GET /v1/health/node/:node`
pub async fn node(
    State(state): State<AppState>,
    Path(node): Path<String>,
    Q(p): Q<Params>,
) -> Result<Response, ApiError> {
    read_json(&state, &read_options(&state, &p)?, Query::NodeChecks { node }).await
}

/// `GET /v1/health/checks/:service`
pub async fn checks(
    State(state): State<AppState>,
    Path(service): Path<String>,
    Q(p): Q<Params>,
) -> Result<Response, ApiError> {
    read_json(&state, &read_options(&state, &p)?, Query::ServiceChecks { service }).await
}

/// `GET /v1/health/state/:state`: `any`, `passing`, `warning` or `critical`.
pub async fn in_state(
    State(state): State<AppState>,
    Path(wanted): Path<String>,
    Q(p): Q<Params>,
) -> Result<Response, ApiError> {
    let filter = match wanted.as_str() {
        "any" => None,
        s => Some(HealthStatus::parse(s).ok_or_else(|| {
            ApiError::BadRequest(format!("Invalid check state {s:?}: expected any, passing, warning or critical"))
        })?),
    };
    read_json(&state, &read_options(&state, &p)?, Query::ChecksInState { state: filter }).await
}
