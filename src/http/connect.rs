//! `/v1/connect/ca/roots` (and the agent's `/v1/agent/connect/ca/roots`): the federation's
//! trust domain and CA roots (never a private key); `/v1/agent/connect/ca/leaf/:service`: a
//! service's leaf certificate and key; `/v1/internal/xds`: what each local gateway's xDS
//! stream last did.

use axum::extract::{Path, Query as Q, State};
use axum::http::HeaderValue;
use axum::response::{IntoResponse, Response};

use super::AppState;
use super::error::ApiError;
use super::query::{Params, read, read_options, with_meta};
use crate::local::Cached;
use crate::state::{ConnectCa, Query, QueryResult};

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

/// `GET /v1/agent/connect/ca/leaf/:service` (blocking with `?index=&wait=`): the reference's
/// `IssuedCert` for the service name, with `X-Cache: HIT|MISS` and `X-Consul-Index`.
pub async fn leaf(
    State(state): State<AppState>,
    Path(service): Path<String>,
    Q(p): Q<Params>,
) -> Result<Response, ApiError> {
    let opts = read_options(&state, &p)?;
    let (leaf, cached) = state.leaves.get(&state.backend, &service, opts.min_index, opts.wait).await?;
    let cert = &leaf.cert;
    let body = serde_json::json!({
        "SerialNumber": cert.serial_number,
        "CertPEM": cert.cert_pem,
        "PrivateKeyPEM": leaf.private_key_pem,
        "Service": cert.service,
        "ServiceURI": cert.service_uri,
        "ValidAfter": cert.valid_after,
        "ValidBefore": cert.valid_before,
        "CreateIndex": cert.index,
        "ModifyIndex": cert.index,
    });
    let mut response = axum::Json(body).into_response();
    let headers = response.headers_mut();
    headers.insert("X-Consul-Index", HeaderValue::from(cert.index.max(1)));
    headers.insert("X-Cache", HeaderValue::from_static(if cached == Cached::Hit { "HIT" } else { "MISS" }));
    Ok(response)
}

/// `GET /v1/internal/xds`: proxy ID -> streams, versions sent and acknowledged per type, and
/// the last rejected configuration with Envoy's message.
pub async fn xds_status(
    State(state): State<AppState>,
) -> axum::Json<std::collections::BTreeMap<String, crate::xds::ProxyStatus>> {
    axum::Json(state.xds.all())
}
