//! `GET /v1/internal/proxies` (a fedctl extension, for `fedctl debug proxy`): every proxy this
//! agent configures, with what its configuration is waiting for, its leaf (serial, expiry,
//! renewal, the alarm when renewing keeps failing near the end of its life) and its xDS
//! stream. Answers from the agent's own state, so it works while the servers are away.

use std::collections::BTreeMap;

use axum::extract::State;
use serde_json::{Value, json};

use super::AppState;
use crate::proxycfg::upstream_id;

pub async fn proxies(State(state): State<AppState>) -> axum::Json<BTreeMap<String, Value>> {
    let leaves = state.leaves.report();
    let xds = state.xds.all();
    let mut out = BTreeMap::new();
    for id in state.proxycfg.proxies() {
        let snapshot = state.proxycfg.watch(&id).borrow().clone();
        let registration = state.local.services().into_iter().find(|(sid, _)| *sid == id).map(|(_, s)| s);
        let Some(service) = registration else { continue };
        let destination = service.proxy.as_ref().map(|p| p.destination_service_name.clone()).unwrap_or_default();
        let leaf = leaves.iter().find(|l| l.service == destination && l.datacenter == state.info.datacenter);
        let upstreams: BTreeMap<String, Value> = service
            .proxy
            .iter()
            .flat_map(|p| p.upstreams.iter())
            .map(|u| {
                let id = upstream_id(u);
                let instances = snapshot.as_ref().and_then(|s| s.sidecar.upstreams.get(&id)).map(Vec::len);
                (id, json!(instances))
            })
            .collect();
        out.insert(
            id.clone(),
            json!({
                "Kind": service.kind.0,
                "Service": if destination.is_empty() { service.service.clone() } else { destination },
                "Delivered": snapshot.is_some(),
                "Roots": snapshot.as_ref().is_some_and(|s| s.roots.is_some()),
                "Leaf": leaf,
                "Upstreams": upstreams,
                "Xds": xds.get(&id),
            }),
        );
    }
    axum::Json(out)
}
