//! `/v1/session/*`: create, destroy, renew, info, node, list, as the reference API. A
//! session's request keys match regardless of case, as Consul's decoder; `LockDelay` is a
//! duration string or a number (below 1000: seconds), applied at most 60 s; a `TTL` is between
//! `session_ttl_min` and 24h, and renew restarts its timer at the leader.

use std::time::Duration;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::AppState;
use super::error::ApiError;
use super::query::{Params, read_json, read_options, write_context};
use crate::duration::{GoDuration, parse_go_duration};
use crate::state::{
    Command, Query as StateQuery, SERF_HEALTH, ServiceCheck, Session, SessionBehavior, SessionOp, new_uuid,
};

/// The longest session TTL.
const TTL_MAX: Duration = Duration::from_secs(24 * 3600);
/// The lock-delay of a session that does not say.
const DEFAULT_LOCK_DELAY: Duration = Duration::from_secs(15);
/// A `LockDelay` number below this is seconds, above it nanoseconds (the reference's
/// `lockDelayMinThreshold`).
const LOCK_DELAY_SECONDS_BELOW: u64 = 1000;

/// `PUT /v1/session/create`: `{"ID": ...}`.
pub async fn create(State(state): State<AppState>, Query(p): Query<Params>, body: Bytes) -> Result<Response, ApiError> {
    let session = decode(&body, &state.info.node_name, state.info.session_ttl_min)?;
    let id = session.id.clone();
    state.apply(&write_context(&state, &p), Command::Session(SessionOp::Create(Box::new(session)))).await?;
    Ok(Json(json!({ "ID": id })).into_response())
}

/// `PUT /v1/session/destroy/:id`: `true`, also for a session that does not exist.
pub async fn destroy(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(p): Query<Params>,
) -> Result<Response, ApiError> {
    let id = required(id, "Missing session")?;
    state.apply(&write_context(&state, &p), Command::Session(SessionOp::Destroy { id })).await?;
    Ok(Json(true).into_response())
}

/// `PUT /v1/session/renew/:id`: the session, in an array; 404 when it does not exist.
pub async fn renew(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(p): Query<Params>,
) -> Result<Response, ApiError> {
    let id = required(id, "Missing session")?;
    match state.backend.renew_session(&write_context(&state, &p), &id).await? {
        Some(session) => Ok(Json(vec![session]).into_response()),
        None => Err(ApiError::NotFound(format!("Session id '{id}' not found"))),
    }
}

/// `GET /v1/session/info/:id`: the session in an array, `[]` when it does not exist.
pub async fn info(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(p): Query<Params>,
) -> Result<Response, ApiError> {
    let id = required(id, "Missing session")?;
    read_json(&state, &read_options(&state, &p)?, StateQuery::Session { id }).await
}

/// `GET /v1/session/node/:node`
pub async fn node(
    State(state): State<AppState>,
    Path(node): Path<String>,
    Query(p): Query<Params>,
) -> Result<Response, ApiError> {
    let node = required(node, "Missing node name")?;
    read_json(&state, &read_options(&state, &p)?, StateQuery::Sessions { node: Some(node) }).await
}

/// `GET /v1/session/list`
pub async fn list(State(state): State<AppState>, Query(p): Query<Params>) -> Result<Response, ApiError> {
    read_json(&state, &read_options(&state, &p)?, StateQuery::Sessions { node: None }).await
}

/// `PUT /v1/session/destroy/` and the others without their last segment.
pub async fn missing_session() -> ApiError {
    ApiError::BadRequest("Missing session".into())
}

pub async fn missing_node() -> ApiError {
    ApiError::BadRequest("Missing node name".into())
}

fn required(value: String, message: &str) -> Result<String, ApiError> {
    if value.is_empty() { Err(ApiError::BadRequest(message.into())) } else { Ok(value) }
}

/// A create request's body (optional) as a session on `agent_node` unless it names one, with
/// the reference's defaults and its check fix-up.
pub fn decode(body: &[u8], agent_node: &str, ttl_min: Duration) -> Result<Session, ApiError> {
    let fields: serde_json::Map<String, Value> = if body.iter().all(u8::is_ascii_whitespace) {
        serde_json::Map::new()
    } else {
        match serde_json::from_slice(body) {
            Ok(Value::Object(map)) => map.into_iter().map(|(k, v)| (k.to_ascii_lowercase(), v)).collect(),
            Ok(_) => return Err(ApiError::BadRequest("Request decode failed: expected a JSON object".into())),
            Err(e) => return Err(ApiError::BadRequest(format!("Request decode failed: {e}"))),
        }
    };
    let text = |key: &str| -> Result<Option<String>, ApiError> {
        match fields.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => {
                Err(ApiError::BadRequest(format!("Request decode failed: {key}: expected a string, got {other}")))
            }
        }
    };
    let strings = |key: &str| -> Result<Option<Vec<String>>, ApiError> {
        match fields.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => serde_json::from_value(v.clone())
                .map(Some)
                .map_err(|e| ApiError::BadRequest(format!("Request decode failed: {key}: {e}"))),
        }
    };
    let node = text("node")?.filter(|n| !n.is_empty()).unwrap_or_else(|| agent_node.to_owned());
    let behavior = match text("behavior")?.unwrap_or_default().as_str() {
        "" | "release" => SessionBehavior::Release,
        "delete" => SessionBehavior::Delete,
        other => return Err(ApiError::Internal(format!("Invalid Behavior setting '{other}'"))),
    };
    let ttl = text("ttl")?.unwrap_or_default();
    if !matches!(ttl.as_str(), "" | "0" | "0s" | "0m" | "0h") {
        let d = parse_go_duration(&ttl).map_err(|e| ApiError::Internal(format!("Session TTL '{ttl}' invalid: {e}")))?;
        if d < ttl_min || d > TTL_MAX {
            return Err(ApiError::Internal(format!(
                "Invalid Session TTL '{}', must be between [{}={}]",
                d.as_nanos(),
                GoDuration(ttl_min),
                GoDuration(TTL_MAX)
            )));
        }
    }
    let service_checks: Vec<ServiceCheck> = match fields.get("servicechecks") {
        None | Some(Value::Null) => Vec::new(),
        Some(v) => serde_json::from_value(lower_keys(v))
            .map_err(|e| ApiError::BadRequest(format!("Request decode failed: servicechecks: {e}")))?,
    };
    Ok(Session {
        id: new_uuid(),
        name: text("name")?.unwrap_or_default(),
        node,
        node_checks: node_checks(strings("checks")?, strings("nodechecks")?),
        service_checks,
        lock_delay: lock_delay(fields.get("lockdelay"))?.as_nanos() as u64,
        behavior,
        ttl,
        index: Default::default(),
    })
}

/// The node checks of a session, as the reference's `fixupEmptySessionChecks` then
/// `CheckIDs`: `Checks` (deprecated) and `NodeChecks` both default to serfHealth; an explicit
/// empty `Checks`, or an explicit empty `NodeChecks` beside other `Checks`, means none;
/// `Checks` of just serfHealth defers to `NodeChecks`; otherwise both count.
fn node_checks(checks: Option<Vec<String>>, node_checks: Option<Vec<String>>) -> Vec<String> {
    let serf = || vec![SERF_HEALTH.to_owned()];
    let (checks, node) = (checks.unwrap_or_else(serf), node_checks.unwrap_or_else(serf));
    if checks.is_empty() {
        return Vec::new();
    }
    if checks == serf() {
        return node;
    }
    if node.is_empty() {
        return Vec::new();
    }
    let mut all = checks;
    for check in node {
        if !all.contains(&check) {
            all.push(check);
        }
    }
    all
}

/// `LockDelay`: a duration string, or a number (below 1000: seconds; else nanoseconds); kept
/// as asked (the state machine caps it at [`crate::state::MAX_LOCK_DELAY`] when it applies it, as the
/// reference).
fn lock_delay(value: Option<&Value>) -> Result<Duration, ApiError> {
    let delay = match value {
        None | Some(Value::Null) => DEFAULT_LOCK_DELAY,
        Some(Value::String(s)) => parse_go_duration(s)
            .map_err(|e| ApiError::BadRequest(format!("Request decode failed: LockDelay {s:?}: {e}")))?,
        Some(Value::Number(n)) => match n.as_u64() {
            Some(n) if n < LOCK_DELAY_SECONDS_BELOW => Duration::from_secs(n),
            Some(n) => Duration::from_nanos(n),
            None => return Err(ApiError::BadRequest(format!("Request decode failed: LockDelay {n}: not a duration"))),
        },
        Some(other) => {
            return Err(ApiError::BadRequest(format!("Request decode failed: LockDelay {other}: not a duration")));
        }
    };
    Ok(delay)
}

/// `value` with every object key lower case (the session's `ServiceChecks` entries).
fn lower_keys(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let key = match k.to_ascii_lowercase().as_str() {
                        "id" => "ID".to_owned(),
                        "namespace" => "Namespace".to_owned(),
                        other => other.to_owned(),
                    };
                    (key, lower_keys(v))
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(lower_keys).collect()),
        other => other.clone(),
    }
}
