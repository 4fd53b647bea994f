//! `/v1/agent/metrics`: JSON in the reference's shape, or Prometheus text with
//! `?format=prometheus`.

use std::sync::atomic::{AtomicU64, Ordering};

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::AppState;
use super::query::Params;

/// Counters the HTTP layer and the write path bump.
#[derive(Debug, Default)]
pub struct Metrics {
    pub http_requests: AtomicU64,
    pub raft_applies: AtomicU64,
    pub raft_apply_errors: AtomicU64,
}

pub async fn metrics(State(state): State<AppState>, Query(p): Query<Params>) -> Response {
    let mut gauges: Vec<(String, f64)> = vec![
        ("fedctl.agent.local_services".into(), state.local.services().len() as f64),
        ("fedctl.agent.local_checks".into(), state.local.checks().len() as f64),
    ];
    // The leaf alarm: leaves near their end whose renewal keeps failing.
    let leaves = state.leaves.report();
    gauges.push(("fedctl.connect.leaves".into(), leaves.iter().filter(|l| l.serial_number.is_some()).count() as f64));
    gauges.push(("fedctl.connect.leaves_failing".into(), leaves.iter().filter(|l| l.failures > 0).count() as f64));
    gauges.push(("fedctl.connect.leaves_expiring".into(), leaves.iter().filter(|l| l.expiring).count() as f64));
    // Upstream targets whose instances could not be read (a datacenter unreachable, a refused
    // read): their endpoints keep what was last read, and this says so.
    let failing = state
        .proxycfg
        .proxies()
        .iter()
        .filter_map(|id| state.proxycfg.watch(id).borrow().clone())
        .map(|s| s.sidecar.targets.values().filter(|t| t.error.is_some()).count())
        .sum::<usize>();
    gauges.push(("fedctl.connect.upstream_targets_failing".into(), failing as f64));
    // Connections the intentions refused (and let through) at this agent's sidecars, as their
    // Envoys counted them (read from each one's admin now; one that cannot be read adds none).
    let admins: Vec<String> = state
        .xds
        .all()
        .into_iter()
        .filter(|(id, x)| x.streams > 0 && state.proxycfg.watch(id).borrow().as_ref().is_some_and(|s| s.is_sidecar()))
        .filter_map(|(_, x)| x.envoy_admin)
        .collect();
    let counted = super::envoy_stats::rbac_totals(admins).await;
    gauges.push(("fedctl.connect.intentions.denied".into(), counted.denied as f64));
    gauges.push(("fedctl.connect.intentions.allowed".into(), counted.allowed as f64));
    if let Some(raft) = state.backend.raft() {
        gauges.push(("fedctl.raft.last_index".into(), raft.state().read(|s| s.last_index()) as f64));
        gauges.push(("fedctl.raft.log_entries".into(), raft.log_len() as f64));
        gauges.push(("fedctl.raft.snapshot_index".into(), raft.snapshot_index().unwrap_or(0) as f64));
        gauges.push(("fedctl.raft.leader".into(), if raft.leader() == Some(raft.id()) { 1.0 } else { 0.0 }));
        gauges.extend(raft.raft_gauges().into_iter().map(|(n, v)| (n.to_owned(), v)));
        for (table, count) in raft.state().read(|s| s.counts()) {
            gauges.push((format!("fedctl.state.{table}"), count as f64));
        }
    }
    let m = &state.metrics;
    let mut counters = vec![
        ("fedctl.http.requests", m.http_requests.load(Ordering::Relaxed)),
        ("fedctl.raft.applies", m.raft_applies.load(Ordering::Relaxed)),
        ("fedctl.raft.apply_errors", m.raft_apply_errors.load(Ordering::Relaxed)),
    ];
    // Gossip packets no installed key opened (forged, or from an agent with other keys).
    for (name, pool) in
        [("fedctl.gossip.lan.dropped_packets", &state.gossip), ("fedctl.gossip.wan.dropped_packets", &state.wan)]
    {
        if let Some(ring) = pool.as_ref().and_then(|g| g.keyring()) {
            counters.push((name, ring.dropped()));
        }
    }
    if p.get("format").map(String::as_str) == Some("prometheus") {
        let mut text = String::new();
        for (name, value) in &gauges {
            let name = name.replace('.', "_");
            text.push_str(&format!("# TYPE {name} gauge\n{name} {value}\n"));
        }
        for (name, value) in counters {
            let name = format!("{}_total", name.replace('.', "_"));
            text.push_str(&format!("# TYPE {name} counter\n{name} {value}\n"));
        }
        return ([("content-type", "text/plain; version=0.0.4")], text).into_response();
    }
    let now = time::OffsetDateTime::now_utc();
    axum::Json(json!({
        "Timestamp": crate::duration::rfc3339(now),
        "Gauges": gauges.iter().map(|(n, v)| json!({"Name": n, "Value": v, "Labels": {}})).collect::<Vec<_>>(),
        "Points": [],
        "Counters": counters.iter().map(|(n, c)| json!({"Name": n, "Count": c, "Sum": c, "Labels": {}})).collect::<Vec<_>>(),
        "Samples": [],
    }))
    .into_response()
}
