//! `/v1/connect/ca/roots`: the federation's trust domain and CA roots (never a private key);
//! `/v1/internal/xds`: what each local gateway's xDS stream last did.

use axum::extract::{Query as Q, State};
use axum::response::{IntoResponse, Response};

use super::AppState;
use super::error::ApiError;
use super::query::{Params, read, read_options, with_meta};
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

/// `GET /v1/internal/xds`: proxy ID -> streams, versions sent and acknowledged per type, and
/// the last rejected configuration with Envoy's message.
pub async fn xds_status(
    State(state): State<AppState>,
) -> axum::Json<std::collections::BTreeMap<String, crate::xds::ProxyStatus>> {
    axum::Json(state.xds.all())
}
