//! Query parameters shared by read endpoints, and blocking-query responses.

use std::collections::HashMap;
use std::time::Duration;

use axum::http::HeaderValue;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::AppState;
use super::error::ApiError;
use crate::duration::parse_go_duration;
use crate::state::{Store, Table};

/// The reference's default and maximum blocking wait.
const DEFAULT_WAIT: Duration = Duration::from_secs(5 * 60);
const MAX_WAIT: Duration = Duration::from_secs(10 * 60);

/// Raw query parameters; a flag like `?passing` maps to an empty string.
pub type Params = HashMap<String, String>;

/// `?index=&wait=&stale&consistent&dc=` of a read.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    pub index: u64,
    pub wait: Duration,
    pub consistent: bool,
}

impl ReadOptions {
    pub fn parse(state: &AppState, params: &Params) -> Result<ReadOptions, ApiError> {
        check_dc(state, params)?;
        let index = match params.get("index") {
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
        Ok(ReadOptions { index, wait, consistent: params.contains_key("consistent") })
    }
}

/// Requests for another datacenter need WAN federation, which this agent does not have.
pub fn check_dc(state: &AppState, params: &Params) -> Result<(), ApiError> {
    match params.get("dc") {
        Some(dc) if !dc.is_empty() && *dc != state.info.datacenter => {
            Err(ApiError::Internal(format!("No path to datacenter {dc:?}")))
        }
        _ => Ok(()),
    }
}

pub fn flag(params: &Params, name: &str) -> bool {
    params.get(name).is_some_and(|v| v.is_empty() || v == "true" || v == "1")
}

/// Runs a (possibly blocking) read over `tables` and answers JSON with the reference's
/// `X-Consul-Index`, `X-Consul-KnownLeader` and `X-Consul-LastContact` headers.
pub async fn blocking_json<T: Serialize>(
    state: &AppState,
    opts: &ReadOptions,
    tables: &[Table],
    read: impl Fn(&Store) -> T,
) -> Result<Response, ApiError> {
    let (index, value) = blocking(state, opts, tables, read).await?;
    Ok(with_meta(state, index, axum::Json(value).into_response()))
}

/// The value and index of a (possibly blocking) read.
pub async fn blocking<T>(
    state: &AppState,
    opts: &ReadOptions,
    tables: &[Table],
    read: impl Fn(&Store) -> T,
) -> Result<(u64, T), ApiError> {
    if opts.consistent {
        state.raft.ensure_linearizable().await.map_err(ApiError::from)?;
    }
    let result = state.raft.state().blocking(tables, opts.index, opts.wait, read).await;
    Ok((result.index, result.value))
}

/// Adds the index/leader headers to a response.
pub fn with_meta(state: &AppState, index: u64, mut response: Response) -> Response {
    let headers = response.headers_mut();
    let known_leader = state.raft.leader().is_some();
    let last_contact = state.raft.last_contact().map_or(0, |d| d.as_millis());
    headers.insert("X-Consul-Index", HeaderValue::from(index));
    headers.insert("X-Consul-KnownLeader", HeaderValue::from_static(if known_leader { "true" } else { "false" }));
    if let Ok(v) = HeaderValue::from_str(&last_contact.to_string()) {
        headers.insert("X-Consul-LastContact", v);
    }
    response
}

fn jitter_fraction() -> f64 {
    use ring::rand::SecureRandom;
    let mut b = [0u8; 2];
    let _ = ring::rand::SystemRandom::new().fill(&mut b);
    f64::from(u16::from_le_bytes(b)) / f64::from(u16::MAX)
}
