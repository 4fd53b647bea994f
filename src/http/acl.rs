//! `/v1/acl/*`: bootstrap, tokens, policies, roles, the caller's own token, and replication
//! status, in the reference's shapes. Policy, role and global-token writes are applied in the
//! primary datacenter whichever agent takes them; local tokens in this one. While ACLs are
//! off every path answers 401 `ACL support disabled`, as the reference.

use std::time::Duration;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query as Q, State};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};

use super::AppState;
use super::error::{ApiError, decode_body};
use super::query::{Params, read_options, with_meta};
use crate::acl::Rules;
use crate::duration::{now_rfc3339, parse_go_duration, rfc3339};
use crate::state::{
    AclLink, AclOp, AclPolicy, AclRole, AclToken, BOOTSTRAP_DESCRIPTION, Command, GLOBAL_MANAGEMENT_ID, Query,
    QueryResult, RESERVED_ID_PREFIX, ReadRequest, RequestContext, new_uuid,
};

const MIN_TTL: Duration = Duration::from_secs(60);
const MAX_TTL: Duration = Duration::from_secs(24 * 3600);

fn enabled(state: &AppState) -> Result<(), ApiError> {
    if state.backend.acl_enabled() { Ok(()) } else { Err(ApiError::Unauthorized("ACL support disabled".into())) }
}

/// Where a write goes: the primary, or (a local token) this datacenter.
fn write_ctx(state: &AppState, local: bool) -> RequestContext {
    let ctx = RequestContext::new();
    if local { ctx } else { ctx.in_datacenter(Some(&state.info.primary_datacenter)) }
}

async fn apply(state: &AppState, local: bool, op: AclOp) -> Result<(), ApiError> {
    state.apply(&write_ctx(state, local), Command::Acl(op)).await.map(|_| ())
}

/// One read where `ctx` says, its result and meta.
async fn read_at(state: &AppState, ctx: &RequestContext, query: Query) -> Result<crate::state::ReadReply, ApiError> {
    Ok(state.backend.read(ctx, ReadRequest::now(query)).await?)
}

/// A read of this datacenter's copy (blocking, with `?dc=` and the consistency modes).
async fn read_here(state: &AppState, p: &Params, query: Query) -> Result<crate::state::ReadReply, ApiError> {
    let opts = read_options(state, p)?;
    Ok(state.backend.read(&opts.ctx, opts.of(query)).await?)
}

fn json_with_meta(reply: &crate::state::ReadReply, value: impl serde::Serialize) -> Response {
    with_meta(reply, Json(value).into_response())
}

// ---- bootstrap ----

/// `PUT /v1/acl/bootstrap`: the first management token, once; the token and a legacy `ID`
/// (its SecretID). Again only after the reset index is written to `acl-bootstrap-reset` in
/// the data directory of the server that takes the request.
pub async fn bootstrap(State(state): State<AppState>) -> Result<Response, ApiError> {
    enabled(&state)?;
    let reset_index = reset_index(&state)?;
    let token = AclToken {
        accessor_id: new_id(),
        secret_id: new_id(),
        description: BOOTSTRAP_DESCRIPTION.to_owned(),
        policies: vec![AclLink { id: GLOBAL_MANAGEMENT_ID.to_owned(), name: String::new() }],
        create_time: now_rfc3339(),
        ..Default::default()
    };
    let secret = token.secret_id.clone();
    apply(&state, false, AclOp::Bootstrap { token: Box::new(token), reset_index }).await?;
    let ctx = write_ctx(&state, false);
    let reply = read_at(&state, &ctx, Query::AclTokenBySecret { secret: secret.clone() }).await?;
    let QueryResult::AclToken(Some(token)) = reply.result else {
        return Err(ApiError::Internal("the bootstrap token was not found after it was written".into()));
    };
    let mut body = serde_json::to_value(token).unwrap_or_default();
    body["ID"] = Value::String(secret);
    Ok(Json(body).into_response())
}

/// The reset index in `<data_dir>/acl-bootstrap-reset`, removed once read (whatever comes of
/// it, so a later snapshot restore cannot open bootstrap again).
fn reset_index(state: &AppState) -> Result<Option<u64>, ApiError> {
    let Some(dir) = &state.info.data_dir else { return Ok(None) };
    let path = dir.join("acl-bootstrap-reset");
    let Ok(text) = std::fs::read_to_string(&path) else { return Ok(None) };
    let _ = std::fs::remove_file(&path);
    text.trim().parse().map(Some).map_err(|_| {
        ApiError::BadRequest(format!("invalid reset index in {}: {:?} is not a number", path.display(), text.trim()))
    })
}

/// A new AccessorID, SecretID, policy or role ID, never in the reserved range.
fn new_id() -> String {
    loop {
        let id = new_uuid();
        if !id.starts_with(RESERVED_ID_PREFIX) {
            return id;
        }
    }
}

// ---- tokens ----

/// A token as written: the token's fields, and `ExpirationTTL` (a duration or nanoseconds).
#[derive(Debug, Deserialize)]
struct TokenBody {
    #[serde(flatten)]
    token: AclToken,
    #[serde(rename = "ExpirationTTL", default)]
    expiration_ttl: Option<Value>,
}

fn decode_token(body: &[u8]) -> Result<AclToken, ApiError> {
    let TokenBody { mut token, expiration_ttl } = decode_body(body)?;
    let ttl = match expiration_ttl {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => n.as_u64().map(Duration::from_nanos).filter(|d| !d.is_zero()),
        Some(Value::String(s)) if s.is_empty() => None,
        Some(Value::String(s)) => {
            Some(parse_go_duration(&s).map_err(|e| ApiError::BadRequest(format!("Invalid ExpirationTTL {s:?}: {e}")))?)
        }
        Some(other) => return Err(ApiError::BadRequest(format!("Invalid ExpirationTTL {other}"))),
    };
    if let Some(ttl) = ttl {
        if token.expiration_time.is_some() {
            return Err(ApiError::BadRequest("Token Expiration TTL and Expiration Time cannot both be set".into()));
        }
        token.expiration_time = Some(rfc3339(time::OffsetDateTime::now_utc() + ttl));
    }
    if let Some(at) = &token.expiration_time {
        let at = time::OffsetDateTime::parse(at, &time::format_description::well_known::Rfc3339)
            .map_err(|e| ApiError::BadRequest(format!("Invalid ExpirationTime {at:?}: {e}")))?;
        let left = at - time::OffsetDateTime::now_utc();
        if left > MAX_TTL {
            return Err(ApiError::BadRequest(format!("ExpirationTime cannot be more than {MAX_TTL:?} in the future")));
        }
        if left < MIN_TTL {
            return Err(ApiError::BadRequest(format!("ExpirationTime cannot be less than {MIN_TTL:?} in the future")));
        }
    }
    for (what, id) in [("AccessorID", &token.accessor_id), ("SecretID", &token.secret_id)] {
        if !id.is_empty() && id.starts_with(RESERVED_ID_PREFIX) {
            return Err(ApiError::BadRequest(format!("Invalid Token: {what} {id:?} is reserved")));
        }
    }
    Ok(token)
}

/// Reads a token by AccessorID: this datacenter's copy, then the primary's.
async fn find_token(state: &AppState, accessor_id: &str) -> Result<(AclToken, crate::state::ReadReply), ApiError> {
    let query = Query::AclToken { accessor_id: accessor_id.to_owned() };
    let here = read_at(state, &RequestContext::new(), query.clone()).await?;
    if let QueryResult::AclToken(Some(t)) = &here.result {
        return Ok((t.clone(), here.clone()));
    }
    if state.info.datacenter != state.info.primary_datacenter {
        let there = read_at(state, &write_ctx(state, false), query).await?;
        if let QueryResult::AclToken(Some(t)) = &there.result {
            return Ok((t.clone(), there.clone()));
        }
    }
    Err(ApiError::Forbidden("ACL not found".into()))
}

/// `PUT /v1/acl/token`: a new token (AccessorID and SecretID chosen unless given).
pub async fn token_create(State(state): State<AppState>, body: Bytes) -> Result<Response, ApiError> {
    enabled(&state)?;
    let mut token = decode_token(&body)?;
    if token.accessor_id.is_empty() {
        token.accessor_id = new_id();
    }
    if token.secret_id.is_empty() {
        token.secret_id = new_id();
    }
    token.create_time = now_rfc3339();
    let (accessor, local) = (token.accessor_id.clone(), token.local);
    apply(&state, local, AclOp::TokenSet { token: Box::new(token), create: true }).await?;
    written_token(&state, &accessor, local).await
}

async fn written_token(state: &AppState, accessor_id: &str, local: bool) -> Result<Response, ApiError> {
    let query = Query::AclToken { accessor_id: accessor_id.to_owned() };
    match read_at(state, &write_ctx(state, local), query).await?.result {
        QueryResult::AclToken(Some(token)) => Ok(Json(token).into_response()),
        _ => Err(ApiError::Internal(format!("token {accessor_id} was not found after it was written"))),
    }
}

/// `GET /v1/acl/token/:AccessorID`.
pub async fn token_read(State(state): State<AppState>, Path(id): Path<String>) -> Result<Response, ApiError> {
    enabled(&state)?;
    let (token, reply) = find_token(&state, &id).await?;
    Ok(json_with_meta(&reply, token))
}

/// `GET /v1/acl/token/self`: the token the request brought.
pub async fn token_self(State(state): State<AppState>) -> Result<Response, ApiError> {
    enabled(&state)?;
    let secret = crate::acl::secret_of(RequestContext::new().token.as_deref()).to_owned();
    let mut reply = read_at(&state, &RequestContext::new(), Query::AclTokenBySecret { secret: secret.clone() }).await?;
    if matches!(reply.result, QueryResult::AclToken(None)) && state.info.datacenter != state.info.primary_datacenter {
        reply = read_at(&state, &write_ctx(&state, false), Query::AclTokenBySecret { secret }).await?;
    }
    match &reply.result {
        QueryResult::AclToken(Some(token)) => Ok(json_with_meta(&reply, token)),
        _ => Err(ApiError::Forbidden("ACL not found".into())),
    }
}

/// `PUT /v1/acl/token/:AccessorID`: replaces the token's description, links and identities
/// (its SecretID and locality cannot change).
pub async fn token_update(
    State(state): State<AppState>,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    enabled(&state)?;
    let mut token = decode_token(&body)?;
    if !token.accessor_id.is_empty() && token.accessor_id != id {
        return Err(ApiError::BadRequest("Token Accessor ID in URL and payload do not match".into()));
    }
    let (existing, _) = find_token(&state, &id).await?;
    token.accessor_id = id.clone();
    if token.secret_id.is_empty() {
        token.secret_id = existing.secret_id.clone();
    }
    if token.expiration_time.is_none() {
        token.expiration_time = existing.expiration_time.clone();
    }
    let local = existing.local;
    if token.local != local {
        return Err(ApiError::BadRequest(format!("cannot toggle local mode of {id}")));
    }
    apply(&state, local, AclOp::TokenSet { token: Box::new(token), create: false }).await?;
    written_token(&state, &id, local).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct CloneBody {
    #[serde(rename = "Description")]
    description: Option<String>,
}

/// `PUT /v1/acl/token/:AccessorID/clone`: a new token with the same links.
pub async fn token_clone(
    State(state): State<AppState>,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    enabled(&state)?;
    let clone: CloneBody =
        if body.iter().all(u8::is_ascii_whitespace) { CloneBody::default() } else { decode_body(&body)? };
    let (existing, _) = find_token(&state, &id).await?;
    let token = AclToken {
        accessor_id: new_id(),
        secret_id: new_id(),
        description: clone.description.unwrap_or(existing.description.clone()),
        create_time: now_rfc3339(),
        index: Default::default(),
        hash: String::new(),
        ..existing
    };
    let (accessor, local) = (token.accessor_id.clone(), token.local);
    apply(&state, local, AclOp::TokenSet { token: Box::new(token), create: true }).await?;
    written_token(&state, &accessor, local).await
}

/// `DELETE /v1/acl/token/:AccessorID`: `true`.
pub async fn token_delete(State(state): State<AppState>, Path(id): Path<String>) -> Result<Json<bool>, ApiError> {
    enabled(&state)?;
    let local = match find_token(&state, &id).await {
        Ok((token, _)) => token.local,
        // Nothing to delete is not an error.
        Err(ApiError::Forbidden(_)) => return Ok(Json(true)),
        Err(e) => return Err(e),
    };
    apply(&state, local, AclOp::TokenDelete { accessor_id: id }).await?;
    Ok(Json(true))
}

/// `GET /v1/acl/tokens` (`?policy=`, `?role=`): stubs, without SecretIDs.
pub async fn token_list(State(state): State<AppState>, Q(p): Q<Params>) -> Result<Response, ApiError> {
    enabled(&state)?;
    let query = Query::AclTokens { policy: p.get("policy").cloned(), role: p.get("role").cloned() };
    let reply = read_here(&state, &p, query).await?;
    let QueryResult::AclTokens(tokens) = &reply.result else { return Err(unexpected()) };
    let stubs: Vec<Value> = tokens
        .iter()
        .map(|t| {
            let mut v = serde_json::to_value(t).unwrap_or_default();
            if let Some(map) = v.as_object_mut() {
                map.remove("SecretID");
                map.insert("Legacy".into(), Value::Bool(false));
            }
            v
        })
        .collect();
    Ok(json_with_meta(&reply, stubs))
}

fn unexpected() -> ApiError {
    ApiError::Internal("a server answered an ACL read with something else".into())
}

// ---- policies ----

fn decode_policy(body: &[u8]) -> Result<AclPolicy, ApiError> {
    let policy: AclPolicy = decode_body(body)?;
    let rules = Rules::parse(&policy.rules).map_err(|e| ApiError::BadRequest(e.to_string()))?;
    if !rules.ignored.is_empty() {
        tracing::warn!(policy = %policy.name, keys = ?rules.ignored, "policy rules name unknown resources, which grant nothing");
    }
    if let Some(bad) = policy.datacenters.iter().find(|d| d.is_empty() || d.contains(char::is_whitespace)) {
        return Err(ApiError::BadRequest(format!("Invalid Policy: invalid datacenter {bad:?}")));
    }
    Ok(policy)
}

async fn written_policy(state: &AppState, id: &str) -> Result<Response, ApiError> {
    match read_at(state, &write_ctx(state, false), Query::AclPolicy { id: id.to_owned() }).await?.result {
        QueryResult::AclPolicy(Some(policy)) => Ok(Json(policy).into_response()),
        _ => Err(ApiError::Internal(format!("policy {id} was not found after it was written"))),
    }
}

/// `PUT /v1/acl/policy`.
pub async fn policy_create(State(state): State<AppState>, body: Bytes) -> Result<Response, ApiError> {
    enabled(&state)?;
    let mut policy = decode_policy(&body)?;
    if !policy.id.is_empty() {
        return Err(ApiError::BadRequest("Cannot specify an ID when creating a policy".into()));
    }
    policy.id = new_id();
    let id = policy.id.clone();
    apply(&state, false, AclOp::PolicySet { policy: Box::new(policy), create: true }).await?;
    written_policy(&state, &id).await
}

/// `PUT /v1/acl/policy/:id`.
pub async fn policy_update(
    State(state): State<AppState>,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    enabled(&state)?;
    let mut policy = decode_policy(&body)?;
    if !policy.id.is_empty() && policy.id != id {
        return Err(ApiError::BadRequest("Policy ID in URL and payload do not match".into()));
    }
    policy.id = id.clone();
    apply(&state, false, AclOp::PolicySet { policy: Box::new(policy), create: false }).await?;
    written_policy(&state, &id).await
}

async fn one_policy(state: &AppState, p: &Params, query: Query) -> Result<Response, ApiError> {
    let reply = read_here(state, p, query).await?;
    match &reply.result {
        QueryResult::AclPolicy(Some(policy)) => Ok(json_with_meta(&reply, policy)),
        _ => Err(ApiError::Forbidden("ACL not found".into())),
    }
}

/// `GET /v1/acl/policy/:id`.
pub async fn policy_read(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Q(p): Q<Params>,
) -> Result<Response, ApiError> {
    enabled(&state)?;
    one_policy(&state, &p, Query::AclPolicy { id }).await
}

/// `GET /v1/acl/policy/name/:name`.
pub async fn policy_read_by_name(
    State(state): State<AppState>,
    Path(name): Path<String>,
    Q(p): Q<Params>,
) -> Result<Response, ApiError> {
    enabled(&state)?;
    one_policy(&state, &p, Query::AclPolicyByName { name }).await
}

/// `DELETE /v1/acl/policy/:id`: `true`.
pub async fn policy_delete(State(state): State<AppState>, Path(id): Path<String>) -> Result<Json<bool>, ApiError> {
    enabled(&state)?;
    apply(&state, false, AclOp::PolicyDelete { id }).await?;
    Ok(Json(true))
}

/// `GET /v1/acl/policies`: stubs, without rules.
pub async fn policy_list(State(state): State<AppState>, Q(p): Q<Params>) -> Result<Response, ApiError> {
    enabled(&state)?;
    let reply = read_here(&state, &p, Query::AclPolicies).await?;
    let QueryResult::AclPolicies(policies) = &reply.result else { return Err(unexpected()) };
    let stubs: Vec<Value> = policies
        .iter()
        .map(|policy| {
            let mut v = serde_json::to_value(policy).unwrap_or_default();
            if let Some(map) = v.as_object_mut() {
                map.remove("Rules");
            }
            v
        })
        .collect();
    Ok(json_with_meta(&reply, stubs))
}

// ---- roles ----

async fn written_role(state: &AppState, id: &str) -> Result<Response, ApiError> {
    match read_at(state, &write_ctx(state, false), Query::AclRole { id: id.to_owned() }).await?.result {
        QueryResult::AclRole(Some(role)) => Ok(Json(role).into_response()),
        _ => Err(ApiError::Internal(format!("role {id} was not found after it was written"))),
    }
}

/// `PUT /v1/acl/role`.
pub async fn role_create(State(state): State<AppState>, body: Bytes) -> Result<Response, ApiError> {
    enabled(&state)?;
    let mut role: AclRole = decode_body(&body)?;
    if !role.id.is_empty() {
        return Err(ApiError::BadRequest("Cannot specify an ID when creating a role".into()));
    }
    role.id = new_id();
    let id = role.id.clone();
    apply(&state, false, AclOp::RoleSet { role: Box::new(role), create: true }).await?;
    written_role(&state, &id).await
}

/// `PUT /v1/acl/role/:id`.
pub async fn role_update(
    State(state): State<AppState>,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    enabled(&state)?;
    let mut role: AclRole = decode_body(&body)?;
    if !role.id.is_empty() && role.id != id {
        return Err(ApiError::BadRequest("Role ID in URL and payload do not match".into()));
    }
    role.id = id.clone();
    apply(&state, false, AclOp::RoleSet { role: Box::new(role), create: false }).await?;
    written_role(&state, &id).await
}

async fn one_role(state: &AppState, p: &Params, query: Query) -> Result<Response, ApiError> {
    let reply = read_here(state, p, query).await?;
    match &reply.result {
        QueryResult::AclRole(Some(role)) => Ok(json_with_meta(&reply, role)),
        _ => Err(ApiError::Forbidden("ACL not found".into())),
    }
}

/// `GET /v1/acl/role/:id`.
pub async fn role_read(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Q(p): Q<Params>,
) -> Result<Response, ApiError> {
    enabled(&state)?;
    one_role(&state, &p, Query::AclRole { id }).await
}

/// `GET /v1/acl/role/name/:name`.
pub async fn role_read_by_name(
    State(state): State<AppState>,
    Path(name): Path<String>,
    Q(p): Q<Params>,
) -> Result<Response, ApiError> {
    enabled(&state)?;
    one_role(&state, &p, Query::AclRoleByName { name }).await
}

/// `DELETE /v1/acl/role/:id`: `true`.
pub async fn role_delete(State(state): State<AppState>, Path(id): Path<String>) -> Result<Json<bool>, ApiError> {
    enabled(&state)?;
    apply(&state, false, AclOp::RoleDelete { id }).await?;
    Ok(Json(true))
}

/// `GET /v1/acl/roles` (`?policy=`).
pub async fn role_list(State(state): State<AppState>, Q(p): Q<Params>) -> Result<Response, ApiError> {
    enabled(&state)?;
    let reply = read_here(&state, &p, Query::AclRoles { policy: p.get("policy").cloned() }).await?;
    let QueryResult::AclRoles(roles) = &reply.result else { return Err(unexpected()) };
    Ok(json_with_meta(&reply, roles))
}

// ---- replication ----

/// `GET /v1/acl/replication`: what this datacenter's ACL replication last did, in the
/// reference's shape (in the primary everything is zero), with fedctl's `LastErrorMessage`.
pub async fn replication(State(state): State<AppState>) -> Result<Json<Value>, ApiError> {
    enabled(&state)?;
    const ZERO: &str = "0001-01-01T00:00:00Z";
    let status = state.replications.acl.lock().unwrap_or_else(|e| e.into_inner()).clone();
    let at = |t: &Option<String>| {
        t.as_deref().map(|t| t.split('.').next().unwrap_or(t).trim_end_matches('Z').to_owned() + "Z")
    };
    Ok(Json(json!({
        "Enabled": status.enabled,
        "Running": status.running,
        "SourceDatacenter": status.source_datacenter,
        "ReplicationType": if status.enabled { "tokens" } else { "" },
        "ReplicatedIndex": status.replicated_index,
        "ReplicatedRoleIndex": status.replicated_index,
        "ReplicatedTokenIndex": status.replicated_index,
        "LastSuccess": at(&status.last_success).unwrap_or_else(|| ZERO.to_owned()),
        "LastError": at(&status.last_error).unwrap_or_else(|| ZERO.to_owned()),
        "LastErrorMessage": status.last_error_message.unwrap_or_default(),
        "Policies": status.extra.policies,
        "Roles": status.extra.roles,
        "Tokens": status.extra.tokens,
    })))
}

// ---- the agent's tokens ----

#[derive(Debug, Deserialize)]
struct AgentTokenBody {
    #[serde(rename = "Token", default)]
    token: String,
}

/// `PUT /v1/agent/token/<default|agent|agent_master|replication>` (and the legacy names): sets
/// one of the agent's own tokens, until it restarts. Needs `agent:write` on this agent.
pub async fn set_agent_token(
    State(state): State<AppState>,
    Path(kind): Path<String>,
    body: Bytes,
) -> Result<(), ApiError> {
    enabled(&state)?;
    let permission =
        crate::acl::Permission::on(crate::acl::Resource::Agent, &state.info.node_name, crate::acl::Access::Write);
    state.backend.authorize(&RequestContext::new(), &permission).await?;
    let kind =
        crate::acl::TokenKind::parse(&kind).ok_or_else(|| ApiError::NotFound(format!("Token {kind:?} is unknown")))?;
    let body: AgentTokenBody = decode_body(&body)?;
    state.backend.agent_tokens().set(kind, body.token);
    tracing::info!(?kind, "Updated agent's ACL token");
    Ok(())
}
