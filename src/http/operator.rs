//! `/v1/operator/raft/*` and `/v1/agent/leave`.

use axum::Json;
use axum::extract::{Query, State};

use super::AppState;
use super::error::ApiError;
use super::query::Params;
use crate::api::{RaftConfiguration, RaftServer};
use crate::state::RequestContext;

/// `GET /v1/operator/raft/configuration`: the raft members, who leads, who votes.
pub async fn configuration(State(state): State<AppState>) -> Result<Json<RaftConfiguration>, ApiError> {
    let raft = server_raft(&state)?;
    let leader = raft.leader();
    let voters: Vec<u64> = raft.voters().into_iter().map(|(id, _)| id).collect();
    let servers = raft
        .members()
        .into_iter()
        .map(|(id, node)| RaftServer {
            id: id.to_string(),
            node: node.name,
            address: node.addr,
            leader: Some(id) == leader,
            voter: voters.contains(&id),
            protocol_version: "3".to_owned(),
        })
        .collect();
    let index = raft.state().read(|s| s.last_index());
    Ok(Json(RaftConfiguration { servers, index }))
}

/// The raft node of a server agent; operator endpoints need one.
fn server_raft(state: &AppState) -> Result<&crate::raft::RaftNode, ApiError> {
    state.backend.raft().ok_or_else(|| {
        ApiError::BadRequest("this agent is a client; run operator raft commands against a server (-http-addr)".into())
    })
}

/// `DELETE /v1/operator/raft/peer?id=|address=`: removes a raft member.
pub async fn remove_peer(State(state): State<AppState>, Query(p): Query<Params>) -> Result<(), ApiError> {
    let raft = server_raft(&state)?;
    let members = raft.members();
    let found = match (p.get("id"), p.get("address")) {
        (Some(id), _) => members.iter().find(|(i, n)| i.to_string() == *id || n.name == *id),
        (None, Some(addr)) => members.iter().find(|(_, n)| n.addr == *addr),
        (None, None) => {
            return Err(ApiError::BadRequest("Must specify ?id= or ?address=".into()));
        }
    };
    let Some((id, _)) = found else {
        return Err(ApiError::NotFound("no raft member with that id or address".into()));
    };
    state.backend.remove_peer(&RequestContext::new(), *id).await.map_err(ApiError::from)
}

/// `PUT /v1/agent/leave`: leaves gracefully, then the agent shuts down. A leading server first
/// hands the datacenter to the others by removing itself from raft.
pub async fn leave(State(state): State<AppState>) -> Result<(), ApiError> {
    state.backend.mark_leaving();
    if let Some(raft) = state.backend.raft()
        && raft.leader() == Some(raft.id())
        && raft.voters().len() > 1
    {
        raft.remove_member(raft.id()).await.map_err(ApiError::from)?;
    }
    if let Some(gossip) = &state.gossip {
        gossip.leave().await;
    }
    tracing::info!("graceful leave complete; shutting down");
    state.left.notify_one();
    Ok(())
}
