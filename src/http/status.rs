use axum::Json;
use axum::extract::State;

use super::AppState;

/// `GET /v1/status/leader`: the leader's RPC address, or "" when there is none.
pub async fn leader(State(state): State<AppState>) -> Json<String> {
    Json(state.raft.leader_node().map(|n| n.addr).unwrap_or_default())
}

/// `GET /v1/status/peers`: the RPC addresses of the raft voters.
pub async fn peers(State(state): State<AppState>) -> Json<Vec<String>> {
    Json(state.raft.voters().into_iter().map(|(_, node)| node.addr).collect())
}
