//! `/v1/operator/keyring`: the gossip encryption keys of every pool of the federation, as the
//! reference: GET lists them (each key with how many members hold it), POST installs a key,
//! PUT makes an installed key the primary, DELETE removes one. The WAN pool (every
//! datacenter's servers) comes first, then each datacenter's LAN pool; a server of each
//! datacenter runs the operation on its pools. Needs `keyring:read` / `keyring:write`.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Query as Q, State};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};

use super::AppState;
use super::error::{ApiError, decode_body};
use super::query::Params;
use crate::gossip::{KeyringOp, PoolKeys};
use crate::state::RequestContext;

#[derive(Debug, Deserialize)]
struct KeyBody {
    #[serde(rename = "Key", default)]
    key: String,
}

/// One pool's answer in the reference's `KeyringResponse` shape.
fn entry(wan: bool, datacenter: &str, keys: &PoolKeys) -> Value {
    json!({
        "WAN": wan,
        "Datacenter": datacenter,
        "Segment": "",
        "Messages": keys.messages,
        "Keys": keys.keys,
        "NumNodes": keys.num_nodes,
    })
}

/// What this agent's own keyrings hold (`?local-only`): no member is asked.
fn local_only(state: &AppState) -> Result<Vec<Value>, ApiError> {
    let own = |gossip: &crate::gossip::Gossip| {
        gossip.keyring().map(|ring| PoolKeys {
            num_nodes: 1,
            keys: ring.keys().into_iter().map(|k| (k, 1)).collect(),
            messages: Default::default(),
        })
    };
    let mut out = Vec::new();
    if let Some(keys) = state.wan.as_ref().and_then(own) {
        out.push(entry(true, &state.info.datacenter, &keys));
    }
    if let Some(keys) = state.gossip.as_ref().and_then(own) {
        out.push(entry(false, &state.info.datacenter, &keys));
    }
    if out.is_empty() {
        return Err(ApiError::BadRequest(crate::gossip::KeyringOpError::NotEncrypted.to_string()));
    }
    Ok(out)
}

/// Runs `op` on the WAN pool and on every datacenter's LAN pool; the answers, and the
/// reference's error lines for the pools where some member failed (`<pool> error: N/M nodes
/// reported failure`, then `<node>: <message>`).
async fn everywhere(state: &AppState, op: KeyringOp) -> Result<(Vec<Value>, Vec<String>), ApiError> {
    let ctx = RequestContext::new().with_timeout(std::time::Duration::from_secs(15));
    let mut datacenters = state.backend.datacenters(&ctx).await?;
    datacenters.sort();
    let mut pools = vec![(true, state.info.datacenter.clone())];
    pools.extend(datacenters.into_iter().map(|dc| (false, dc)));
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (wan, dc) in pools {
        let name = if wan { "WAN".to_owned() } else { format!("{dc} (LAN)") };
        let here = ctx.clone().in_datacenter(Some(&dc));
        match state.backend.keyring(&here, wan, op.clone()).await {
            Ok(keys) => {
                if !keys.messages.is_empty() {
                    errors.push(format!(
                        "{name} error: {}/{} nodes reported failure",
                        keys.messages.len(),
                        keys.num_nodes
                    ));
                    errors.extend(keys.messages.iter().map(|(node, message)| format!("{node}: {message}")));
                }
                out.push(entry(wan, &dc, &keys));
            }
            // A pool that is not encrypted, or a server without a WAN pool, says so once.
            Err(e) => errors.push(format!("{name} error: {e}")),
        }
    }
    Ok((out, errors))
}

/// `GET /v1/operator/keyring` (`?local-only`): the keys of every pool.
pub async fn list(State(state): State<AppState>, Q(p): Q<Params>) -> Result<Json<Vec<Value>>, ApiError> {
    if p.contains_key("local-only") {
        return local_only(&state).map(Json);
    }
    // As the reference: a pool that could not answer (or a member that failed) is an error,
    // never a pool left out of the list.
    let (out, errors) = everywhere(&state, KeyringOp::List).await?;
    if !errors.is_empty() {
        return Err(ApiError::Internal(errors.join("\n")));
    }
    Ok(Json(out))
}

async fn change(state: &AppState, body: &[u8], op: fn(String) -> KeyringOp) -> Result<Response, ApiError> {
    let body: KeyBody = decode_body(body)?;
    crate::gossip::parse_key(&body.key).map_err(|e| ApiError::BadRequest(e.to_string()))?;
    let (_, errors) = everywhere(state, op(body.key)).await?;
    if !errors.is_empty() {
        return Err(ApiError::Internal(errors.join("\n")));
    }
    Ok(().into_response())
}

/// `POST /v1/operator/keyring` `{"Key": "..."}`: installs the key on every member.
pub async fn install(State(state): State<AppState>, body: Bytes) -> Result<Response, ApiError> {
    change(&state, &body, KeyringOp::Install).await
}

/// `PUT /v1/operator/keyring` `{"Key": "..."}`: makes the key every member's primary.
pub async fn use_key(State(state): State<AppState>, body: Bytes) -> Result<Response, ApiError> {
    change(&state, &body, KeyringOp::Use).await
}

/// `DELETE /v1/operator/keyring` `{"Key": "..."}`: removes the key from every member.
pub async fn remove(State(state): State<AppState>, body: Bytes) -> Result<Response, ApiError> {
    change(&state, &body, KeyringOp::Remove).await
}
