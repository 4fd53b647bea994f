//! `/v1/connect/ca/roots` (and the agent's `/v1/agent/connect/ca/roots`): the federation's
//! trust domain and CA roots (never a private key); `/v1/agent/connect/ca/leaf/:service`: a
//! service's leaf certificate and key; `/v1/connect/ca/configuration`: the CA's settings and
//! root rotation; `/v1/internal/xds`: what each local gateway's xDS
//! stream last did.

use std::time::{Duration, SystemTime};

use axum::extract::{Path, Query as Q, State};
use axum::http::HeaderValue;
use axum::response::{IntoResponse, Response};

use super::AppState;
use super::error::{ApiError, decode_body};
use super::query::{Params, read, read_options, with_meta};

use crate::acl::{Access, Permission, Resource};
use crate::local::Cached;
use crate::state::{CaConfigRequest, ConnectCa, Query, QueryResult, RequestContext};
use crate::tls::leaf::LeafError;

/// `GET /v1/connect/ca/roots` (blocking with `?index=`): `{"ActiveRootID", "TrustDomain",
/// "Roots"}`; all empty until the primary has created the CA (and this datacenter has it).
pub async fn roots(State(state): State<AppState>, Q(p): Q<Params>) -> Result<Response, ApiError> {
    let reply = read(&state, &read_options(&state, &p)?, Query::CaRoots).await?;
    let ca = match &reply.result {
        QueryResult::CaRoots(Some(ca)) => ca.public(),
        _ => ConnectCa::default(),
    };
    Ok(with_meta(&reply, axum::Json(ca).into_response()))
}

/// `GET /v1/agent/connect/ca/roots` (blocking with `?index=`): the roots as this agent holds
/// them (one watch shared by all its sidecars), with `X-Cache` and `Age` as the reference's
/// agent cache answers; read from a server while the watch has not answered yet.
pub async fn agent_roots(State(state): State<AppState>, Q(p): Q<Params>) -> Result<Response, ApiError> {
    let opts = read_options(&state, &p)?;
    let watch = state.leaves.roots();
    let mut rx = watch.subscribe();
    if rx.borrow().fetched_at.is_none() {
        let mut response = roots(State(state), Q(p)).await?;
        response.headers_mut().insert("X-Cache", HeaderValue::from_static("MISS"));
        return Ok(response);
    }
    let mut hit = true;
    if opts.min_index > 0 && rx.borrow().index <= opts.min_index {
        let newer = |r: &crate::local::Roots| r.index > opts.min_index;
        hit = tokio::time::timeout(opts.wait, rx.wait_for(newer)).await.is_err();
    }
    let roots = rx.borrow().clone();
    let body = roots.ca.as_deref().cloned().unwrap_or_default();
    let mut response = axum::Json(body).into_response();
    let headers = response.headers_mut();
    headers.insert("X-Consul-Index", HeaderValue::from(roots.index.max(1)));
    cache_headers(headers, if hit { roots.fetched_at.map(age) } else { None });
    Ok(response)
}

/// `GET /v1/agent/connect/ca/leaf/:service` (`?dc=`, blocking with `?index=&wait=`): the
/// reference's `IssuedCert` for the service name, with `X-Cache: HIT|MISS`, `Age` on a hit,
/// and `X-Consul-Index`. It carries the service's private key: with ACLs on, only for a
/// token with `service:write` on the service, as the reference.
pub async fn leaf(
    State(state): State<AppState>,
    Path(service): Path<String>,
    Q(p): Q<Params>,
) -> Result<Response, ApiError> {
    let write = Permission::on(Resource::Service, &service, Access::Write);
    state.backend.authorize(&RequestContext::new(), &write).await?;
    let opts = read_options(&state, &p)?;
    let dc = p.get("dc").map(String::as_str);
    let (leaf, cached) = state.leaves.get(dc, &service, opts.min_index, opts.wait).await?;
    let cert = &leaf.cert;
    let body = serde_json::json!({
        "SerialNumber": cert.serial_number,
        "CertPEM": cert.cert_pem,
        "PrivateKeyPEM": leaf.private_key_pem,
        "Service": cert.service,
        "ServiceURI": cert.service_uri,
        "ValidAfter": cert.valid_after,
        "ValidBefore": cert.valid_before,
        "CreateIndex": leaf.index,
        "ModifyIndex": leaf.index,
    });
    let mut response = axum::Json(body).into_response();
    let headers = response.headers_mut();
    headers.insert("X-Consul-Index", HeaderValue::from(leaf.index.max(1)));
    cache_headers(
        headers,
        match cached {
            Cached::Hit(age) => Some(age),
            Cached::Miss => None,
        },
    );
    Ok(response)
}

/// `X-Cache: HIT` with `Age` (whole seconds) for a cached answer, else `X-Cache: MISS`.
fn cache_headers(headers: &mut axum::http::HeaderMap, hit_age: Option<Duration>) {
    match hit_age {
        Some(age) => {
            headers.insert("X-Cache", HeaderValue::from_static("HIT"));
            headers.insert("Age", HeaderValue::from(age.as_secs_f64().round() as u64));
        }
        None => {
            headers.insert("X-Cache", HeaderValue::from_static("MISS"));
        }
    }
}

fn age(at: SystemTime) -> Duration {
    SystemTime::now().duration_since(at).unwrap_or_default()
}

/// `GET /v1/internal/xds`: proxy ID -> streams, versions sent and acknowledged per type, and
/// the last rejected configuration with Envoy's message.
pub async fn xds_status(
    State(state): State<AppState>,
) -> axum::Json<std::collections::BTreeMap<String, crate::xds::ProxyStatus>> {
    axum::Json(state.xds.all())
}

/// The datacenter whose CA settings a request reads or writes: `?dc=`, else the primary (the
/// only one that holds them).
fn ca_datacenter(state: &AppState, p: &Params) -> String {
    p.get("dc").filter(|dc| !dc.is_empty()).cloned().unwrap_or_else(|| state.info.primary_datacenter.clone())
}

/// `GET /v1/connect/ca/configuration`: `{"Provider", "Config", "State", "ForceWithoutCrossSigning",
/// "CreateIndex", "ModifyIndex"}` of the primary's CA.
pub async fn configuration(State(state): State<AppState>, Q(p): Q<Params>) -> Result<Response, ApiError> {
    let dc = ca_datacenter(&state, &p);
    let mut opts = read_options(&state, &p)?;
    opts.ctx = opts.ctx.in_datacenter(Some(&dc).filter(|dc| **dc != state.info.datacenter).map(String::as_str));
    let reply = read(&state, &opts, Query::CaConfiguration).await?;
    let QueryResult::CaConfiguration(Some(entry)) = &reply.result else {
        return Err(ApiError::Internal(LeafError::NoCa.to_string()));
    };
    let body = serde_json::json!({
        "Provider": entry.provider,
        "Config": entry.config,
        "State": null,
        "ForceWithoutCrossSigning": false,
        "CreateIndex": entry.create_index,
        "ModifyIndex": entry.modify_index,
    });
    Ok(with_meta(&reply, axum::Json(body).into_response()))
}

/// `PUT /v1/connect/ca/configuration`: new settings for the CA, applied in the primary; a new
/// `PrivateKey` (or key type) rotates the root.
pub async fn set_configuration(
    State(state): State<AppState>,
    Q(p): Q<Params>,
    body: axum::body::Bytes,
) -> Result<(), ApiError> {
    let request: CaConfigRequest = decode_body(&body)?;
    let dc = ca_datacenter(&state, &p);
    let ctx =
        RequestContext::new().in_datacenter(Some(&dc).filter(|dc| **dc != state.info.datacenter).map(String::as_str));
    state.backend.connect_ca_set_config(&ctx, request).await?;
    Ok(())
}
