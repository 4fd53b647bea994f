//! `/v1/config`: config entries (proxy-defaults, service-defaults, service-resolver,
//! service-intentions), as the reference's `agent/config_endpoint.go`. Writes and deletes are always applied in the
//! primary datacenter, whichever agent takes them (the reference's `ConfigEntry.Apply` sets
//! the primary as the request's datacenter); every secondary's leader mirrors them. Reads are
//! served in this datacenter (or `?dc=`), as blocking queries.
//!
//! `/v1/internal/config-entries/replication`: what this server's replication of the primary's
//! entries last did.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query as Q, State};
use axum::response::{IntoResponse, Response};

use super::AppState;
use super::error::ApiError;
use super::query::{Params, read, read_json, read_options, with_meta};
use crate::state::{Command, ConfigEntry, ConfigEntryOp, Query, QueryResult, RequestContext, config_entry_kind};

/// `PUT /v1/config[?cas=N]`: one entry as the body; `true` when written, `false` when the
/// check-and-set index did not match. 400 `Request decoding failed: ...` for a body that is
/// not an entry, 400 with the reference's message for an invalid one (nothing is stored).
pub async fn apply(State(state): State<AppState>, Q(p): Q<Params>, body: Bytes) -> Result<Response, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(decoding("the body is empty"));
    }
    let raw: serde_json::Value = serde_json::from_slice(&body).map_err(decoding)?;
    let mut entry = ConfigEntry::from_value(raw).map_err(decoding)?;
    let cas = p
        .get("cas")
        .map(|v| {
            v.parse::<u64>()
                .map_err(|_| ApiError::BadRequest(format!("Invalid cas {v:?}: expected an unsigned integer")))
        })
        .transpose()?;
    // Checked here too, so a bad entry is refused without a trip to the primary.
    entry.normalize();
    entry.validate().map_err(ApiError::BadRequest)?;
    if let ConfigEntry::ServiceIntentions(e) = &entry {
        e.validate_written().map_err(ApiError::BadRequest)?;
    }
    let unapplied = entry.unapplied();
    if !unapplied.is_empty() {
        return Err(ApiError::BadRequest(format!(
            "fedctl does not apply {} of a {} entry yet: the mesh would not do what the entry says; remove {}",
            unapplied.join(", "),
            entry.kind(),
            if unapplied.len() == 1 { "it" } else { "them" }
        )));
    }
    let op = ConfigEntryOp::Set { entry: Box::new(entry), cas };
    super::kv::bool_response(state.apply(&in_primary(&state), Command::ConfigEntry(op)).await?)
}

/// `GET /v1/config/:kind` (blocking): every entry of the kind, sorted by name.
pub async fn list(
    State(state): State<AppState>,
    Path(kind): Path<String>,
    Q(p): Q<Params>,
) -> Result<Response, ApiError> {
    let kind = known_kind(&kind)?;
    read_json(&state, &read_options(&state, &p)?, Query::ConfigEntries { kind: Some(kind.to_owned()) }).await
}

/// `GET /v1/config/:kind/:name` (blocking): the entry; 404 `Config entry not found for
/// "<kind>" / "<name>"`, with the index headers so a client can block on its creation.
pub async fn get(
    State(state): State<AppState>,
    Path((kind, name)): Path<(String, String)>,
    Q(p): Q<Params>,
) -> Result<Response, ApiError> {
    let stored = known_kind(&kind)?;
    let query = Query::ConfigEntry { kind: stored.to_owned(), name: name.clone() };
    let reply = read(&state, &read_options(&state, &p)?, query).await?;
    let response = match &reply.result {
        QueryResult::ConfigEntry(Some(entry)) => Json(entry).into_response(),
        _ => ApiError::NotFound(format!("Config entry not found for {kind:?} / {name:?}")).into_response(),
    };
    Ok(with_meta(&reply, response))
}

/// `DELETE /v1/config/:kind/:name`: removed in the primary (nothing to remove is fine);
/// answers `{}` as the reference 1.8.
pub async fn delete(
    State(state): State<AppState>,
    Path((kind, name)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let kind = known_kind(&kind)?.to_owned();
    state.apply(&in_primary(&state), Command::ConfigEntry(ConfigEntryOp::Delete { kind, name })).await?;
    Ok(Json(serde_json::json!({})).into_response())
}

/// `GET /v1/config` and `/v1/config/`: a kind is needed.
pub async fn no_kind() -> ApiError {
    ApiError::NotFound("Must provide either a kind or both kind and name".into())
}

/// `DELETE /v1/config/` and `/v1/config/:kind`: a name is needed too.
pub async fn delete_without_name() -> ApiError {
    ApiError::NotFound("Must provide both a kind and name to delete".into())
}

/// `DELETE /v1/config/:kind` (a name is needed).
pub async fn delete_kind_only(Path(_kind): Path<String>) -> ApiError {
    delete_without_name().await
}

/// `GET /v1/internal/config-entries/replication`: what this server's replication of the
/// primary's config entries last did (`{"Enabled": false, ...}` in the primary and on clients).
pub async fn replication(State(state): State<AppState>) -> Json<crate::federation::ConfigReplicationStatus> {
    Json(state.replications.config_entries.lock().unwrap_or_else(|e| e.into_inner()).clone())
}

/// A body that is not a config entry, in the reference's words.
fn decoding(e: impl std::fmt::Display) -> ApiError {
    ApiError::BadRequest(format!("Request decoding failed: {e}"))
}

/// The stored spelling of a kind in a path, or 400 with the reference's message.
fn known_kind(kind: &str) -> Result<&'static str, ApiError> {
    config_entry_kind(kind).map_err(|e| ApiError::BadRequest(e.to_string()))
}

/// Where config-entry writes go: the primary datacenter, whatever `?dc=` says.
fn in_primary(state: &AppState) -> RequestContext {
    RequestContext::new().in_datacenter(Some(&state.info.primary_datacenter))
}
