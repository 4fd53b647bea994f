//! Each datacenter's leader keeps its federation state in the primary equal to its catalog's
//! mesh gateways: a blocking read on the catalog wakes it within milliseconds of a change; a
//! short debounce gathers bursts; a periodic pass repairs anything missed; failures back off.

use std::time::Duration;

use tokio::sync::watch;

use super::{now_rfc3339, same_gateways, until_leader};
use crate::backend::Backend;
use crate::raft::RaftNode;
use crate::state::{
    Command, FederationState, FederationStateOp, Query, QueryResult, ReadRequest, RequestContext, ServiceKind, Table,
};
use crate::tasks::{sleep_unless_stopped, stopped};

const DEBOUNCE: Duration = Duration::from_millis(100);
/// The longest pause between failed writes: a healed partition is noticed this soon.
const MAX_BACKOFF: Duration = Duration::from_secs(5);
/// A pass runs at least this often, even without catalog changes.
const RESYNC: Duration = Duration::from_secs(30);
/// An unchanged state is rewritten once it is this old, so its age tells whether the
/// datacenter's leader is alive (healthy states stay under about RESYNC + REFRESH old).
const REFRESH: Duration = Duration::from_secs(60);

/// How old a healthy datacenter's federation state gets before its leader rewrites it: ages
/// are measured from that write, so a freshness threshold below this fails healthy states.
pub const HEALTHY_STATE_MAX_AGE: Duration = Duration::from_secs(RESYNC.as_secs() + REFRESH.as_secs());

/// The loop, until shutdown.
pub async fn run_anti_entropy(
    raft: RaftNode,
    backend: Backend,
    datacenter: String,
    primary: String,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut backoff = Duration::from_millis(100);
    let mut index = 0;
    while until_leader(&raft, &mut shutdown).await {
        // Wait for a catalog change (or the resync period), then let a burst settle.
        let tables = [Table::Nodes, Table::Services, Table::Checks];
        let changed = raft.state().blocking(&tables, index, RESYNC, |s| s.max_index(&tables));
        tokio::select! {
            r = changed => index = r.index,
            _ = stopped(&mut shutdown) => return,
        }
        if !sleep_unless_stopped(DEBOUNCE, &mut shutdown).await {
            return;
        }
        match sync_once(&raft, &backend, &datacenter, &primary).await {
            Ok(_) => backoff = Duration::from_millis(100),
            Err(e) => {
                tracing::warn!(error = %e, retry_in = ?backoff, "federation state anti-entropy failed");
                index = 0; // retry even without a catalog change
                if !sleep_unless_stopped(backoff, &mut shutdown).await {
                    return;
                }
                backoff = (backoff * 2).min(MAX_BACKOFF);
            }
        }
    }
}

/// Pushes this datacenter's gateways to the primary if they differ from what it holds.
/// Returns whether a write was made.
pub async fn sync_once(raft: &RaftNode, backend: &Backend, datacenter: &str, primary: &str) -> Result<bool, String> {
    let gateways = raft.state().read(|s| s.check_service_nodes_by_kind(ServiceKind::MESH_GATEWAY));
    let mut at_primary = RequestContext::new().in_datacenter(Some(primary));
    // With ACLs on, a secondary writes with its replication token (operator:write at the
    // primary); the primary's own leader with it too, or else with its agent token.
    if datacenter != primary {
        at_primary.token = super::replicator::replication_token(backend)?;
    } else {
        at_primary.token = super::replicator::replication_token(backend).ok().flatten();
    }
    let read = ReadRequest::now(Query::FederationState { datacenter: datacenter.to_owned() });
    let current = match backend.read(&at_primary, read).await {
        Ok(reply) => match reply.result {
            QueryResult::FederationState(s) => s,
            _ => None,
        },
        Err(e) => return Err(format!("reading the primary's federation state: {e}")),
    };
    let fresh = |c: &FederationState| age(&c.updated_at).is_some_and(|a| a < REFRESH);
    if current.as_ref().is_some_and(|c| same_gateways(&c.mesh_gateways, &gateways) && fresh(c)) {
        return Ok(false);
    }
    let state = FederationState {
        datacenter: datacenter.to_owned(),
        mesh_gateways: gateways,
        updated_at: now_rfc3339(),
        ..FederationState::default()
    };
    let command = Command::FederationState(FederationStateOp::Upsert(Box::new(state)));
    backend.apply(&at_primary, command).await.map_err(|e| format!("writing to the primary: {e}"))?;
    tracing::info!(datacenter, primary, "pushed this datacenter's federation state to the primary");
    Ok(true)
}

/// Time since an RFC 3339 timestamp.
fn age(rfc3339: &str) -> Option<Duration> {
    let t = time::OffsetDateTime::parse(rfc3339, &time::format_description::well_known::Rfc3339).ok()?;
    let secs = (time::OffsetDateTime::now_utc() - t).as_seconds_f64();
    Some(Duration::from_secs_f64(secs.max(0.0)))
}
