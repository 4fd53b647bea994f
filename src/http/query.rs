//! Query parameters shared by read endpoints, and blocking-query responses.

use std::collections::HashMap;
use std::time::Duration;

use axum::http::HeaderValue;
use axum::response::{IntoResponse, Response};

use super::AppState;
use super::error::ApiError;
use crate::duration::parse_go_duration;
use crate::state::{Consistency, Query, ReadReply, ReadRequest, RequestContext};

/// The reference's default and maximum blocking wait.
const DEFAULT_WAIT: Duration = Duration::from_secs(5 * 60);
const MAX_WAIT: Duration = Duration::from_secs(10 * 60);

/// Raw query parameters; a flag like `?passing` maps to an empty string.
pub type Params = HashMap<String, String>;

/// What a read's query parameters ask: `?index=&wait=` (blocking), `?stale` / `?consistent`
/// and `?dc=`, as the request context and the blocking parameters.
#[derive(Debug, Clone)]
pub struct ReadParams {
    pub ctx: RequestContext,
    pub min_index: u64,
    pub wait: Duration,
}

impl ReadParams {
    /// The read of `query` with these parameters.
    pub fn of(&self, query: Query) -> ReadRequest {
        ReadRequest::blocking(query, self.min_index, self.wait)
    }
}

/// Parses `?index=&wait=&stale&consistent&dc=` of a read.
pub fn read_options(state: &AppState, params: &Params) -> Result<ReadParams, ApiError> {
    let min_index = match params.get("index") {
        None => 0,
        Some(v) => v.parse().map_err(|_| ApiError::BadRequest(format!("Invalid index {v:?}")))?,
    };
    let wait = match params.get("wait") {
        None => DEFAULT_WAIT,
        Some(v) => parse_go_duration(v).map_err(|e| ApiError::BadRequest(format!("Invalid wait time: {e}")))?,
    };
    // Up to wait/16 of jitter, as the reference, so many waiters do not return together.
    let wait = wait.min(MAX_WAIT);
    let wait = wait + wait.mul_f64(jitter_fraction() / 16.0);
    let wait = if min_index == 0 { Duration::ZERO } else { wait };
    let consistency = if params.contains_key("consistent") {
        Consistency::Consistent
    } else if params.contains_key("stale") {
        Consistency::Stale
    } else {
        Consistency::Default
    };
    let ctx = write_context(state, params).with_consistency(consistency).blocking(wait);
    Ok(ReadParams { ctx, min_index, wait })
}

/// The context of a write (or any request without read parameters): `?dc=`. It carries the
/// request's token ([`with_token`]).
pub fn write_context(state: &AppState, params: &Params) -> RequestContext {
    RequestContext::new().in_datacenter(target_dc(state, params).as_deref())
}

/// The token a request brings, in the reference's order: `?token=`, then `X-Consul-Token`,
/// then `Authorization: Bearer <token>`.
pub fn token_of(request: &axum::extract::Request) -> Option<String> {
    let from_query = request.uri().query().and_then(|q| {
        q.split('&').find_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (k == "token").then(|| percent_decode(v))
        })
    });
    let header = |name: &str| request.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let bearer = header("authorization").and_then(|v| {
        let mut parts = v.split_whitespace();
        let scheme = parts.next()?;
        let token = parts.next()?;
        scheme.eq_ignore_ascii_case("bearer").then(|| token.to_owned())
    });
    [from_query, header("x-consul-token"), bearer].into_iter().flatten().find(|t| !t.is_empty())
}

fn percent_decode(v: &str) -> String {
    let bytes = v.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
                continue;
            }
            (b'+', _) => out.push(b' '),
            (b, _) => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Runs a handler on behalf of the request's token (the agent's default token when it brought
/// none): every request context the handler makes carries it. While ACLs are off nothing is
/// set.
pub async fn with_token(
    axum::extract::State(state): axum::extract::State<AppState>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    if !state.backend.acl_enabled() {
        return next.run(request).await;
    }
    let token = state.backend.agent_tokens().or_default(token_of(&request));
    crate::state::as_caller(token, next.run(request)).await
}

/// `?dc=`: another datacenter to serve the request in (`None` for this one).
pub fn target_dc(state: &AppState, params: &Params) -> Option<String> {
    params.get("dc").filter(|dc| !dc.is_empty() && **dc != state.info.datacenter).cloned()
}

pub fn flag(params: &Params, name: &str) -> bool {
    params.get(name).is_some_and(|v| v.is_empty() || v == "true" || v == "1")
}

/// Runs a (possibly blocking) read.
pub async fn read(state: &AppState, opts: &ReadParams, query: Query) -> Result<ReadReply, ApiError> {
    state.backend.read(&opts.ctx, opts.of(query)).await.map_err(ApiError::from)
}

/// Runs a read and answers its JSON with the reference's `X-Consul-Index`,
/// `X-Consul-KnownLeader` and `X-Consul-LastContact` headers.
pub async fn read_json(state: &AppState, opts: &ReadParams, query: Query) -> Result<Response, ApiError> {
    let reply = read(state, opts, query).await?;
    let body = axum::Json(reply.result.to_json()).into_response();
    Ok(with_meta(&reply, body))
}

/// Adds the index/leader headers of `reply` to a response.
pub fn with_meta(reply: &ReadReply, mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert("X-Consul-Index", HeaderValue::from(reply.index.max(1)));
    headers.insert("X-Consul-KnownLeader", HeaderValue::from_static(if reply.known_leader { "true" } else { "false" }));
    headers.insert("X-Consul-LastContact", HeaderValue::from(reply.last_contact_ms));
    response
}

fn jitter_fraction() -> f64 {
    use ring::rand::SecureRandom;
    let mut b = [0u8; 2];
    let _ = ring::rand::SystemRandom::new().fill(&mut b);
    f64::from(u16::from_le_bytes(b)) / f64::from(u16::MAX)
}
