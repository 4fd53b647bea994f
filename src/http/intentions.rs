//! `/v1/connect/intentions`: the reference 1.8's intentions API (list, create, get, update,
//! delete, match, check), and 1.9's `exact`, as views of the `service-intentions` config
//! entries. Writes are applied in the primary whichever agent takes them, and replicated to
//! every secondary with the other config entries; reads are served in this datacenter.
//!
//! `POST /v1/agent/connect/authorize`: the decision a native application asks for a client
//! certificate, the same a sidecar's RBAC filter enforces.

use std::collections::BTreeMap;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query as Q, State};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

use super::AppState;
use super::error::ApiError;
use super::query::{Params, read, read_options, with_meta};
use crate::connect::intentions::{self, all_rules, decide};
use crate::duration::now_rfc3339;
use crate::state::{
    Command, ConfigEntries, ConfigEntryOp, DEFAULT_NAMESPACE, Intention, IntentionOp, Name, Query, QueryResult,
    ReadReply, RequestContext, SERVICE_INTENTIONS, new_uuid, validate_name,
};
use crate::tls::leaf::{NotService, service_identity};

/// `GET /v1/connect/intentions` (blocking): every intention, in precedence order.
pub async fn list(State(state): State<AppState>, Q(p): Q<Params>) -> Result<Response, ApiError> {
    let reply = read_intentions(&state, &p).await?;
    let all = stored(&reply);
    Ok(with_meta(&reply, Json(all).into_response()))
}

/// `POST /v1/connect/intentions`: `{"ID": "<new uuid>"}`.
pub async fn create(State(state): State<AppState>, body: Bytes) -> Result<Response, ApiError> {
    let mut intention = decode(&body)?;
    if !intention.id.is_empty() {
        return Err(ApiError::BadRequest("ID must be empty when creating a new intention".into()));
    }
    intention.id = new_uuid();
    let now = now_rfc3339();
    intention.created_at = now.clone();
    intention.updated_at = now;
    write(&state, IntentionOp::Create(Box::new(checked(intention)?))).await.map(id_body)
}

/// `GET /v1/connect/intentions/:id`: 404 `Intention not found`.
pub async fn get(State(state): State<AppState>, Path(id): Path<String>, Q(p): Q<Params>) -> Result<Response, ApiError> {
    uuid(&id)?;
    let reply = read_intentions(&state, &p).await?;
    let found = stored(&reply).into_iter().find(|i| i.id == id);
    let response = match found {
        Some(intention) => Json(intention).into_response(),
        None => not_found().into_response(),
    };
    Ok(with_meta(&reply, response))
}

/// `PUT /v1/connect/intentions/:id`: the intention replaced (its ID from the path).
pub async fn update(State(state): State<AppState>, Path(id): Path<String>, body: Bytes) -> Result<Response, ApiError> {
    uuid(&id)?;
    let mut intention = decode(&body)?;
    intention.id = id;
    intention.updated_at = now_rfc3339();
    write(&state, IntentionOp::Update(Box::new(checked(intention)?))).await.map(id_body)
}

/// `DELETE /v1/connect/intentions/:id`: `true`.
pub async fn delete(State(state): State<AppState>, Path(id): Path<String>) -> Result<Response, ApiError> {
    uuid(&id)?;
    write(&state, IntentionOp::Delete { id }).await.map(|_| Json(true).into_response())
}

/// `GET /v1/connect/intentions/exact?source=&destination=` (1.9): the intention of exactly
/// that pair, written through this API or as a `service-intentions` entry.
pub async fn exact(State(state): State<AppState>, Q(p): Q<Params>) -> Result<Response, ApiError> {
    let (source, destination) = (name_param(&p, "source")?, name_param(&p, "destination")?);
    let reply = read_intentions(&state, &p).await?;
    let found = stored(&reply).into_iter().find(|i| i.source() == source && i.destination() == destination);
    let response = match found {
        Some(intention) => Json(intention).into_response(),
        None => not_found().into_response(),
    };
    Ok(with_meta(&reply, response))
}

/// `PUT /v1/connect/intentions/exact?source=&destination=` (1.9): the intention of that pair
/// created, or replaced in one write keeping its ID and creation time; `true`. The body's
/// source and destination are the query's.
pub async fn put_exact(State(state): State<AppState>, Q(p): Q<Params>, body: Bytes) -> Result<Response, ApiError> {
    let (source, destination) = (written_name(&p, "source")?, written_name(&p, "destination")?);
    let mut intention = decode(&body)?;
    (intention.source_ns, intention.source_name) = (source.namespace, source.name);
    (intention.destination_ns, intention.destination_name) = (destination.namespace, destination.name);
    intention.id = new_uuid();
    let now = now_rfc3339();
    intention.created_at = now.clone();
    intention.updated_at = now;
    write(&state, IntentionOp::SetExact(Box::new(checked(intention)?))).await.map(|_| Json(true).into_response())
}

/// `DELETE /v1/connect/intentions/exact?source=&destination=` (1.9): `true`, also when there
/// was none.
pub async fn delete_exact(State(state): State<AppState>, Q(p): Q<Params>) -> Result<Response, ApiError> {
    let (source, destination) = (written_name(&p, "source")?, written_name(&p, "destination")?);
    let op = IntentionOp::DeleteExact { source: source.name, destination: destination.name };
    write(&state, op).await.map(|_| Json(true).into_response())
}

/// `GET /v1/connect/intentions/match?by=source|destination&name=X[&name=Y]`: per name, the
/// intentions that apply to it, in precedence order.
pub async fn matches(
    State(state): State<AppState>,
    Q(pairs): Q<Vec<(String, String)>>,
    Q(p): Q<Params>,
) -> Result<Response, ApiError> {
    let by = match p.get("by").map(String::as_str) {
        None => return Err(ApiError::BadRequest("required query parameter 'by' not set".into())),
        Some(by @ ("source" | "destination")) => by.to_owned(),
        Some(_) => return Err(ApiError::BadRequest("'by' parameter must be one of 'source' or 'destination'".into())),
    };
    let names: Vec<&String> = pairs.iter().filter(|(k, _)| k == "name").map(|(_, v)| v).collect();
    if names.is_empty() {
        return Err(ApiError::BadRequest("required query parameter 'name' not set".into()));
    }
    let parsed = names
        .iter()
        .map(|n| Name::parse(n).map(|name| ((*n).clone(), name)).map_err(ApiError::BadRequest))
        .collect::<Result<Vec<_>, _>>()?;
    let reply = read_intentions(&state, &p).await?;
    let all = stored(&reply);
    let mut out: BTreeMap<String, Vec<Intention>> = BTreeMap::new();
    for (written, name) in parsed {
        let matching = all
            .iter()
            .filter(|i| {
                let side = if by == "source" { i.source() } else { i.destination() };
                side.matches(&name.namespace, &name.name)
            })
            .cloned()
            .collect();
        out.insert(written, matching);
    }
    Ok(with_meta(&reply, Json(out).into_response()))
}

/// `GET /v1/connect/intentions/check?source=&destination=`: `{"Allowed": bool}`, the
/// decision a connection between them gets here.
pub async fn check(State(state): State<AppState>, Q(p): Q<Params>) -> Result<Response, ApiError> {
    let (source, destination) = (name_param(&p, "source")?, name_param(&p, "destination")?);
    if let Some(t) = p.get("source-type").filter(|t| t.as_str() != "consul") {
        return Err(ApiError::BadRequest(format!("unsupported type {t:?}")));
    }
    let reply = read_intentions(&state, &p).await?;
    let decision = decision(&state, &reply, &source, &destination.name);
    Ok(with_meta(&reply, Json(json!({ "Allowed": decision.allowed })).into_response()))
}

#[derive(Debug, Deserialize, Default)]
#[serde(rename_all = "PascalCase", default)]
struct AuthorizeRequest {
    target: String,
    #[serde(rename = "ClientCertURI")]
    client_cert_uri: String,
    #[allow(dead_code)]
    client_cert_serial: String,
}

/// `POST /v1/agent/connect/authorize`: `{"Authorized": bool, "Reason": "..."}` for a client
/// certificate's URI connecting to `Target`, with the reference's errors.
pub async fn authorize(State(state): State<AppState>, Q(p): Q<Params>, body: Bytes) -> Result<Response, ApiError> {
    let request: AuthorizeRequest = super::error::decode_body(&body)?;
    if request.target.is_empty() {
        return Err(ApiError::BadRequest("Target service must be specified".into()));
    }
    let client = service_identity(&request.client_cert_uri).map_err(|e| {
        ApiError::BadRequest(match e {
            NotService::NotConnect => "ClientCertURI not a valid Connect identifier".into(),
            NotService::OtherKind => "ClientCertURI not a valid Service identifier".into(),
        })
    })?;
    let reply = read_intentions(&state, &p).await?;
    let source = Name { namespace: client.namespace, name: client.service };
    let decision = decision(&state, &reply, &source, &request.target);
    Ok(Json(json!({ "Authorized": decision.allowed, "Reason": decision.reason })).into_response())
}

/// The service-intentions entries of this datacenter (blocking with `?index=`).
async fn read_intentions(state: &AppState, p: &Params) -> Result<ReadReply, ApiError> {
    let opts = read_options(state, p)?;
    read(state, &opts, Query::ConfigEntries { kind: Some(SERVICE_INTENTIONS.to_owned()) }).await
}

fn entries_of(reply: &ReadReply) -> ConfigEntries {
    match &reply.result {
        QueryResult::ConfigEntries(entries) => ConfigEntries::from_entries(entries.iter().cloned()),
        _ => ConfigEntries::default(),
    }
}

/// Every stored intention, in the reference's precedence order.
fn stored(reply: &ReadReply) -> Vec<Intention> {
    let entries = entries_of(reply);
    let mut all: Vec<Intention> = entries.intentions.values().flat_map(|e| e.intentions()).collect();
    all.sort_by(|a, b| {
        b.precedence
            .cmp(&a.precedence)
            .then_with(|| a.source().cmp(&b.source()))
            .then_with(|| a.destination().cmp(&b.destination()))
    });
    all
}

/// A client of another namespace than the one matches no intention (as the sidecars' RBAC
/// rules, which name the namespace): the default decides.
fn decision(state: &AppState, reply: &ReadReply, source: &Name, destination: &str) -> intentions::Decision {
    let rules = if source.namespace == DEFAULT_NAMESPACE { all_rules(&entries_of(reply)) } else { Vec::new() };
    decide(&rules, &source.name, destination, &state.info.intention_default)
}

/// A body that is an intention, or the reference's 400.
fn decode(body: &[u8]) -> Result<Intention, ApiError> {
    serde_json::from_slice(body).map_err(|e| ApiError::BadRequest(format!("Failed to decode request body: {e}")))
}

/// The intention with its defaults, or why it is invalid (checked here too, so a bad one is
/// refused without a trip to the primary).
fn checked(mut intention: Intention) -> Result<Intention, ApiError> {
    intention.defaults();
    intention.validate().map_err(ApiError::BadRequest)?;
    Ok(intention)
}

async fn write(state: &AppState, op: IntentionOp) -> Result<String, ApiError> {
    let id = match &op {
        IntentionOp::Create(i) | IntentionOp::Update(i) | IntentionOp::SetExact(i) => i.id.clone(),
        IntentionOp::Delete { id } => id.clone(),
        IntentionOp::DeleteExact { .. } => String::new(),
    };
    let ctx = RequestContext::new().in_datacenter(Some(&state.info.primary_datacenter));
    state.apply(&ctx, Command::ConfigEntry(ConfigEntryOp::Intention(op))).await?;
    Ok(id)
}

fn id_body(id: String) -> Response {
    Json(json!({ "ID": id })).into_response()
}

fn not_found() -> ApiError {
    ApiError::NotFound("Intention not found".into())
}

/// A required `ns/name` query parameter.
fn name_param(p: &Params, key: &str) -> Result<Name, ApiError> {
    let value = p
        .get(key)
        .filter(|v| !v.is_empty())
        .ok_or_else(|| ApiError::BadRequest(format!("required query parameter '{key}' not set")))?;
    Name::parse(value).map_err(ApiError::BadRequest)
}

/// A required name parameter of a write: also in the one namespace.
fn written_name(p: &Params, key: &str) -> Result<Name, ApiError> {
    let name = name_param(p, key)?;
    let field = if key == "source" { "Source" } else { "Destination" };
    validate_name(field, &name).map_err(ApiError::BadRequest)?;
    Ok(name)
}

/// IDs are UUIDs (36 characters: 8-4-4-4-12 hex digits).
fn uuid(id: &str) -> Result<(), ApiError> {
    let groups: Vec<&str> = id.split('-').collect();
    let lengths = [8, 4, 4, 4, 12];
    let ok = groups.len() == 5
        && groups.iter().zip(lengths).all(|(g, n)| g.len() == n && g.chars().all(|c| c.is_ascii_hexdigit()));
    if ok { Ok(()) } else { Err(ApiError::BadRequest(format!("Invalid UUID {id:?}: an intention ID is a UUID"))) }
}
