//! `/v1/kv/:key`: GET (`?raw`, `?keys`, `?recurse`, `?separator`), PUT (`?cas`, `?flags`,
//! `?acquire=<session>`, `?release=<session>`: one of cas, acquire and release), DELETE
//! (`?recurse`, `?cas`), as the reference API.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::AppState;
use super::error::ApiError;
use super::query::{Params, flag, read, read_options, with_meta, write_context};
use crate::state::{Command, KvOp, Query as StateQuery, QueryResult, Response as CommandResponse};

/// The largest value accepted (the reference's default `kv_max_value_size`).
pub const MAX_VALUE_SIZE: usize = 512 * 1024;

pub async fn get_root(state: State<AppState>, q: Query<Params>) -> Result<Response, ApiError> {
    get(state, Path(String::new()), q).await
}

pub async fn put_root(
    state: State<AppState>,
    q: Query<Params>,
    raw: RawQuery,
    body: Bytes,
) -> Result<Response, ApiError> {
    put(state, Path(String::new()), q, raw, body).await
}

pub async fn delete_root(state: State<AppState>, q: Query<Params>) -> Result<Response, ApiError> {
    delete(state, Path(String::new()), q).await
}

pub async fn get(
    State(state): State<AppState>,
    Path(key): Path<String>,
    Query(p): Query<Params>,
) -> Result<Response, ApiError> {
    let opts = read_options(&state, &p)?;
    let (recurse, keys, raw) = (flag(&p, "recurse"), p.contains_key("keys"), flag(&p, "raw"));
    if !recurse && !keys && key.is_empty() {
        return Err(ApiError::BadRequest("Missing key name".into()));
    }
    let query = if keys {
        StateQuery::KvKeys { prefix: key, separator: p.get("separator").cloned() }
    } else if recurse {
        StateQuery::KvList { prefix: key }
    } else {
        StateQuery::KvGet { key }
    };
    let reply = read(&state, &opts, query).await?;
    let response = match &reply.result {
        QueryResult::KvList(e) if e.is_empty() => StatusCode::NOT_FOUND.into_response(),
        QueryResult::Keys(k) if k.is_empty() => StatusCode::NOT_FOUND.into_response(),
        QueryResult::Kv(None) => StatusCode::NOT_FOUND.into_response(),
        QueryResult::Kv(Some(e)) if raw => {
            ([("content-type", "application/octet-stream")], e.value.clone()).into_response()
        }
        other => Json(other.to_json()).into_response(),
    };
    Ok(with_meta(&reply, response))
}

fn number(p: &Params, name: &str) -> Result<Option<u64>, ApiError> {
    p.get(name)
        .map(|v| {
            v.parse::<u64>()
                .map_err(|_| ApiError::BadRequest(format!("Invalid {name} {v:?}: expected an unsigned integer")))
        })
        .transpose()
}

pub async fn put(
    State(state): State<AppState>,
    Path(key): Path<String>,
    Query(p): Query<Params>,
    RawQuery(raw): RawQuery,
    body: Bytes,
) -> Result<Response, ApiError> {
    if key.is_empty() {
        return Err(ApiError::BadRequest("Missing key name".into()));
    }
    if body.len() > MAX_VALUE_SIZE {
        return Ok((
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("Request body ({} bytes) too large; max size: {MAX_VALUE_SIZE} bytes", body.len()),
        )
            .into_response());
    }
    let flags = number(&p, "flags")?.unwrap_or(0);
    if ["cas", "acquire", "release"].iter().filter(|f| p.contains_key(**f)).count() > 1 {
        return Err(ApiError::BadRequest(format!("Conflicting flags: {}", raw.unwrap_or_default())));
    }
    let value = body.to_vec();
    let op = match (number(&p, "cas")?, p.get("acquire"), p.get("release")) {
        (Some(index), _, _) => KvOp::Cas { key, value, flags, index },
        (_, Some(session), _) => KvOp::Lock { key, value, flags, session: session.clone() },
        (_, _, Some(session)) => KvOp::Unlock { key, value, flags, session: session.clone() },
        _ => KvOp::Set { key, value, flags },
    };
    bool_response(state.apply(&write_context(&state, &p), Command::Kv(op)).await?)
}

pub async fn delete(
    State(state): State<AppState>,
    Path(key): Path<String>,
    Query(p): Query<Params>,
) -> Result<Response, ApiError> {
    let op = if flag(&p, "recurse") {
        KvOp::DeleteTree { prefix: key }
    } else if key.is_empty() {
        return Err(ApiError::BadRequest("Missing key name".into()));
    } else if let Some(index) = number(&p, "cas")? {
        KvOp::DeleteCas { key, index }
    } else {
        KvOp::Delete { key }
    };
    bool_response(state.apply(&write_context(&state, &p), Command::Kv(op)).await?)
}

/// A write's `true`/`false` answer.
pub(super) fn bool_response(r: CommandResponse) -> Result<Response, ApiError> {
    match r {
        CommandResponse::Bool(b) => Ok(Json(b).into_response()),
        CommandResponse::Done => Ok(Json(true).into_response()),
        CommandResponse::Batch(_) | CommandResponse::Txn(_) => {
            Err(ApiError::Internal("unexpected batch or transaction response".into()))
        }
    }
}
