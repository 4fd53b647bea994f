//! `GET /v1/internal/proxies` (a fedctl extension, for `fedctl debug proxy`): every proxy this
//! agent configures, with what its configuration is waiting for, its leaf (serial, expiry,
//! renewal, the alarm when renewing keeps failing near the end of its life) and its xDS
//! stream; for a sidecar, the intentions in force at its public listener (in precedence
//! order, the default, the RBAC rules Envoy was given, and what Envoy counted), and with
//! `?source=<service>` the decision a client of that service gets and the rule that made it.
//! Answers from the agent's own state, so it works while the servers are away.

use std::collections::BTreeMap;

use axum::extract::{Query, State};
use serde_json::{Value, json};

use super::AppState;
use super::envoy_stats::rbac_counts;
use super::query::Params;
use crate::connect::Mode;
use crate::connect::intentions::decide;
use crate::proxycfg::Snapshot;
use crate::xds::render::endpoint_views;

pub async fn proxies(State(state): State<AppState>, Query(p): Query<Params>) -> axum::Json<BTreeMap<String, Value>> {
    let leaves = state.leaves.report();
    let xds = state.xds.all();
    let mut out = BTreeMap::new();
    for id in state.proxycfg.proxies() {
        let snapshot = state.proxycfg.watch(&id).borrow().clone();
        let registration = state.local.services().into_iter().find(|(sid, _)| *sid == id).map(|(_, s)| s);
        let Some(service) = registration else { continue };
        let destination = service.proxy.as_ref().map(|p| p.destination_service_name.clone()).unwrap_or_default();
        let leaf = leaves.iter().find(|l| l.service == destination && l.datacenter == state.info.datacenter);
        let acked = xds.get(&id).is_some_and(|x| {
            ["clusters", "endpoints"].iter().all(|t| x.types.get(*t).is_none_or(|s| s.acked_version == s.sent_version))
        });
        // While the newest state is not deliverable (before the first delivery, or after a
        // change that needs a new target read), what it gathered says what it waits for.
        let draft = state.proxycfg.draft(&id);
        let upstreams = match snapshot.as_deref().or(draft.as_deref()) {
            Some(snap) => upstreams_of(snap, acked && snapshot.is_some()),
            None => BTreeMap::new(),
        };
        let waiting_for = draft.as_ref().map(|d| d.waiting_for()).unwrap_or_default();
        let intentions = match snapshot.as_deref() {
            Some(snap) if snap.is_sidecar() => {
                let admin = xds.get(&id).and_then(|x| x.envoy_admin.clone());
                intentions_of(snap, admin.as_deref(), p.get("source").map(String::as_str)).await
            }
            _ => Value::Null,
        };
        out.insert(
            id.clone(),
            json!({
                "Kind": service.kind.0,
                "Service": if destination.is_empty() { service.service.clone() } else { destination },
                "Delivered": snapshot.is_some(),
                "Roots": snapshot.as_ref().is_some_and(|s| s.roots.is_some()),
                "Leaf": leaf,
                "Upstreams": upstreams,
                "WaitingFor": waiting_for,
                "Intentions": intentions,
                "Xds": xds.get(&id),
            }),
        );
    }
    axum::Json(out)
}

/// The intentions in force at a sidecar's public listener.
async fn intentions_of(snap: &Snapshot, admin: Option<&str>, source: Option<&str>) -> Value {
    let rules = snap.sidecar.intentions();
    let default = &snap.sidecar.intention_default;
    let rbac = crate::connect::intentions::rbac(&rules, default);
    let counted = match admin {
        Some(admin) => match rbac_counts(admin).await {
            Ok(counts) => json!(counts),
            Err(e) => json!({ "Error": e }),
        },
        None => json!({ "Error": "Envoy's bootstrap gave no admin address (envoy_admin)" }),
    };
    let decision = source.map(|source| {
        let d = decide(&rules, source, &snap.sidecar.proxy.destination_service_name, default);
        json!({ "Source": source, "Allowed": d.allowed, "Reason": d.reason, "Intention": d.rule.map(|r| r.display()) })
    });
    json!({
        "Default": if default.allow { "allow" } else { "deny" },
        "DefaultReason": default.reason,
        "Rules": rules.iter().map(|r| json!({
            "Intention": r.display(),
            "ID": r.id,
            "Action": r.action.as_str(),
            "Precedence": r.precedence(),
        })).collect::<Vec<_>>(),
        "Enforced": {
            "Action": rbac.action.as_str(),
            "Principals": rbac.principals.iter().map(|p| json!({
                "Source": p.source.display(),
                "Except": p.except.iter().map(|e| e.display()).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        },
        "Counted": counted,
        "Decision": decision,
    })
}

/// Each upstream of a delivered sidecar: its chain's targets (datacenter, mesh gateway mode and
/// where the mode came from, what the target's watch read or why it failed), the cluster and
/// endpoints Envoy was given, and whether Envoy acknowledged them.
fn upstreams_of(snap: &Snapshot, acked: bool) -> BTreeMap<String, Value> {
    let td = snap.trust_domain();
    let resources = crate::xds::resources_for(snap);
    snap.sidecar
        .chains(&snap.datacenter)
        .into_iter()
        .map(|u| {
            let view = match &u.chain {
                Err(error) => json!({ "Error": error.to_string() }),
                Ok(chain) => {
                    let cluster = chain.cluster_name(td);
                    let endpoints = resources
                        .endpoints
                        .iter()
                        .find(|e| e.cluster_name == cluster)
                        .map(endpoint_views)
                        .unwrap_or_default();
                    let targets: Vec<Value> = chain
                        .targets
                        .iter()
                        .map(|t| {
                            let key = (t.service.clone(), t.datacenter.clone());
                            let read = snap.sidecar.targets.get(&key);
                            let instances = read.and_then(|r| r.instances.as_ref());
                            let warning = (t.mode == Mode::Direct && t.datacenter != snap.datacenter).then(|| {
                                format!(
                                    "mode none dials {}'s instances at their WAN addresses; datacenters federated through mesh gateways have no route to them: set the mesh gateway mode to local or remote",
                                    t.datacenter
                                )
                            });
                            json!({
                                "ID": t.id(),
                                "Service": t.service,
                                "Datacenter": t.datacenter,
                                "MeshGateway": t.mode.as_str(),
                                "MeshGatewayFrom": t.mode_source.as_str(),
                                "Instances": instances.map(Vec::len),
                                "HealthyInstances": instances.map(|i| i.iter().filter(|i| i.is_healthy()).count()),
                                "ReadError": read.and_then(|r| r.error.clone()),
                                "Warning": warning,
                            })
                        })
                        .collect();
                    json!({
                        "Cluster": cluster,
                        "Protocol": chain.protocol,
                        "Targets": targets,
                        "Endpoints": endpoints,
                        "Acked": acked,
                    })
                }
            };
            (u.id, view)
        })
        .collect()
}
