//! `PUT /v1/txn`: a JSON array of up to 64 ops (`{"KV":{...}}`, `{"Node":{...}}`,
//! `{"Service":{...}}`, `{"Check":{...}}`, keys in any case) applied all or nothing, as the
//! reference's `agent/txn_endpoint.go`. 200 with `{"Results":[...],"Errors":null}`, or 409 with
//! `{"Results":null,"Errors":[{"OpIndex":i,"What":"..."}]}` when any op failed (then nothing
//! changed). A transaction of reads only is served without raft, in the read's consistency
//! mode, with the read headers.

use std::collections::BTreeMap;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use serde::Deserialize;

use super::AppState;
use super::error::ApiError;
use super::kv::MAX_VALUE_SIZE;
use super::query::{Params, read_options, with_meta, write_context};
use crate::duration::GoDuration;
use crate::state::{
    CatalogVerb, CheckDefinition, Command, HealthCheck, HealthStatus, KvVerb, Node, NodeService, Query as StateQuery,
    QueryResult, RaftIndex, ReadRequest, Response as CommandResponse, TXN_MAX_OPS, TxnError, TxnKvOp, TxnOp,
    TxnOutcome, TxnResult, Weights,
};

/// The largest body accepted (the reference's `txn_max_req_len`).
const MAX_BODY: usize = 512 * 1024;

/// `PUT /v1/txn`
pub async fn txn(State(state): State<AppState>, Query(p): Query<Params>, body: Bytes) -> Result<Response, ApiError> {
    if body.len() > MAX_BODY {
        return Err(ApiError::TooLarge(format!(
            "Request body({} bytes) too large, max size: {MAX_BODY} bytes.",
            body.len()
        )));
    }
    let ops: Vec<OpIn> =
        super::any_case::from_slice(&body).map_err(|e| ApiError::BadRequest(format!("Failed to parse body: {e}")))?;
    if ops.len() > TXN_MAX_OPS {
        return Err(ApiError::TooLarge(format!(
            "Transaction contains too many operations ({} > {TXN_MAX_OPS})",
            ops.len()
        )));
    }
    let mut converted = Vec::with_capacity(ops.len());
    let mut errors = Vec::new();
    for (op_index, op) in ops.into_iter().enumerate() {
        match convert(op, &state.info.datacenter)? {
            Ok(op) => converted.push(op),
            Err(what) => errors.push(TxnError { op_index, what }),
        }
    }
    if !errors.is_empty() {
        return Ok(answer(TxnOutcome { results: Vec::new(), errors }));
    }
    if converted.iter().all(TxnOp::is_read) {
        let opts = read_options(&state, &p)?;
        let reply = state.backend.read(&opts.ctx, ReadRequest::now(StateQuery::Txn { ops: converted })).await?;
        let outcome = match &reply.result {
            QueryResult::Txn(outcome) => outcome.clone(),
            _ => return Err(ApiError::Internal("unexpected answer to a transaction".into())),
        };
        return Ok(with_meta(&reply, answer(outcome)));
    }
    match state.apply(&write_context(&state, &p), Command::Txn(converted)).await? {
        CommandResponse::Txn(outcome) => Ok(answer(outcome)),
        _ => Err(ApiError::Internal("unexpected answer to a transaction".into())),
    }
}

/// 200 with the results, or 409 with the errors; the other field is null, as the reference
/// (in its order: `Results`, then `Errors`).
fn answer(outcome: TxnOutcome) -> Response {
    #[derive(serde::Serialize)]
    #[serde(rename_all = "PascalCase")]
    struct Answer {
        results: Option<Vec<TxnResult>>,
        errors: Option<Vec<TxnError>>,
    }
    let failed = !outcome.errors.is_empty();
    let (status, body) = if failed {
        (StatusCode::CONFLICT, Answer { results: None, errors: Some(outcome.errors) })
    } else {
        (StatusCode::OK, Answer { results: Some(outcome.results), errors: None })
    };
    (status, Json(body)).into_response()
}

/// One op as sent: exactly one of its fields is set.
#[derive(Deserialize, Default)]
#[serde(rename_all = "PascalCase", default)]
struct OpIn {
    #[serde(rename = "KV")]
    kv: Option<KvIn>,
    node: Option<NodeOpIn>,
    service: Option<ServiceOpIn>,
    check: Option<CheckOpIn>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "PascalCase", default)]
struct KvIn {
    verb: String,
    key: String,
    /// Base64.
    value: Option<String>,
    flags: u64,
    index: u64,
    session: String,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "PascalCase", default)]
struct NodeOpIn {
    verb: String,
    node: NodeIn,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "PascalCase", default)]
struct NodeIn {
    #[serde(rename = "ID")]
    id: String,
    node: String,
    address: String,
    datacenter: String,
    tagged_addresses: BTreeMap<String, String>,
    meta: BTreeMap<String, String>,
    modify_index: u64,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "PascalCase", default)]
struct ServiceOpIn {
    verb: String,
    node: String,
    service: ServiceIn,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "PascalCase", default)]
struct ServiceIn {
    #[serde(rename = "ID")]
    id: String,
    service: String,
    tags: Vec<String>,
    address: String,
    meta: BTreeMap<String, String>,
    port: u16,
    weights: Option<Weights>,
    enable_tag_override: bool,
    modify_index: u64,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "PascalCase", default)]
struct CheckOpIn {
    verb: String,
    check: CheckIn,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "PascalCase", default)]
struct CheckIn {
    node: String,
    #[serde(rename = "CheckID")]
    check_id: String,
    name: String,
    status: String,
    notes: String,
    output: String,
    #[serde(rename = "ServiceID")]
    service_id: String,
    service_name: String,
    service_tags: Vec<String>,
    definition: DefinitionIn,
    modify_index: u64,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "PascalCase", default)]
struct DefinitionIn {
    #[serde(rename = "HTTP")]
    http: String,
    #[serde(rename = "TCP")]
    tcp: String,
    interval: Option<GoDuration>,
    timeout: Option<GoDuration>,
    deregister_critical_service_after: Option<GoDuration>,
}

/// An op as the state machine takes it; `Ok(Err(what))` is the op's own error (an unknown
/// verb), `Err` refuses the whole request (a value that does not decode or is too large).
fn convert(op: OpIn, datacenter: &str) -> Result<Result<TxnOp, String>, ApiError> {
    let modified = |modify_index| RaftIndex { create_index: 0, modify_index };
    let catalog = |kind: &str, verb: &str| CatalogVerb::parse(verb).ok_or(format!("unknown {kind} verb {verb:?}"));
    Ok(match op {
        OpIn { kv: Some(kv), .. } => {
            let value = match &kv.value {
                None => Vec::new(),
                Some(text) => base64::engine::general_purpose::STANDARD
                    .decode(text)
                    .map_err(|e| ApiError::BadRequest(format!("Failed to parse body: value of {:?}: {e}", kv.key)))?,
            };
            if value.len() > MAX_VALUE_SIZE {
                return Err(ApiError::TooLarge(format!(
                    "Value for key {:?} is too large ({} > {MAX_VALUE_SIZE} bytes)",
                    kv.key,
                    value.len()
                )));
            }
            KvVerb::parse(&kv.verb).ok_or(format!("unknown KV verb {:?}", kv.verb)).map(|verb| {
                TxnOp::Kv(TxnKvOp { verb, key: kv.key, value, flags: kv.flags, index: kv.index, session: kv.session })
            })
        }
        OpIn { node: Some(op), .. } => catalog("Node", &op.verb).map(|verb| {
            let n = op.node;
            let node = Node {
                id: n.id,
                node: n.node,
                address: n.address,
                datacenter: if n.datacenter.is_empty() { datacenter.to_owned() } else { n.datacenter },
                tagged_addresses: n.tagged_addresses,
                meta: n.meta,
                index: modified(n.modify_index),
            };
            TxnOp::Node { verb, node }
        }),
        OpIn { service: Some(op), .. } => catalog("Service", &op.verb).map(|verb| {
            let s = op.service;
            let service = NodeService {
                id: s.id,
                service: s.service,
                tags: s.tags,
                address: s.address,
                meta: s.meta,
                port: s.port,
                weights: s.weights.unwrap_or_default(),
                enable_tag_override: s.enable_tag_override,
                datacenter: datacenter.to_owned(),
                index: modified(s.modify_index),
                ..NodeService::default()
            };
            TxnOp::Service { verb, node: op.node, service }
        }),
        OpIn { check: Some(op), .. } => catalog("Check", &op.verb).map(|verb| {
            let c = op.check;
            let check = HealthCheck {
                node: c.node,
                check_id: c.check_id,
                name: c.name,
                status: HealthStatus::parse(&c.status).unwrap_or_default(),
                notes: c.notes,
                output: c.output,
                service_id: c.service_id,
                service_name: c.service_name,
                service_tags: c.service_tags,
                definition: CheckDefinition {
                    http: c.definition.http,
                    tcp: c.definition.tcp,
                    interval: c.definition.interval,
                    timeout: c.definition.timeout,
                    deregister_critical_service_after: c.definition.deregister_critical_service_after,
                },
                index: modified(c.modify_index),
                ..HealthCheck::default()
            };
            TxnOp::Check { verb, check }
        }),
        OpIn { .. } => Err("no operation specified".to_owned()),
    })
}
