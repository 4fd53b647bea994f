use axum::Json;
use axum::extract::State;

use super::AppState;
use super::error::ApiError;
use crate::state::RequestContext;

/// `GET /v1/status/leader`: the leader's RPC address, or "" when there is none.
pub async fn leader(State(state): State<AppState>) -> Result<Json<String>, ApiError> {
    Ok(Json(state.backend.status(&RequestContext::new()).await?.leader))
}

/// `GET /v1/status/peers`: the RPC addresses of the raft voters.
pub async fn peers(State(state): State<AppState>) -> Result<Json<Vec<String>>, ApiError> {
    Ok(Json(state.backend.status(&RequestContext::new()).await?.peers))
}
