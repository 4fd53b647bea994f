//! The primary's leader removes the federation state of a datacenter that has had no alive
//! server in the WAN pool for longer than the grace period (a partition shorter than that
//! keeps its state).

use std::collections::BTreeMap;
use std::time::Duration;

use tokio::sync::watch;
use tokio::time::Instant;

use super::until_leader;
use crate::backend::Router;
use crate::raft::RaftNode;
use crate::state::{Command, FederationStateOp};
use crate::tasks::stopped;

/// The loop of the primary, until shutdown.
pub async fn run_pruning(raft: RaftNode, router: Router, grace: Duration, mut shutdown: watch::Receiver<bool>) {
    let check_every = (grace / 4).clamp(Duration::from_millis(50), Duration::from_secs(30));
    let mut absent_since: BTreeMap<String, Instant> = BTreeMap::new();
    while until_leader(&raft, &mut shutdown).await {
        let states = raft.state().read(|s| s.federation_states());
        let now = Instant::now();
        for state in &states {
            let dc = &state.datacenter;
            if !router.servers_in(dc).is_empty() || router.is_local(dc) {
                absent_since.remove(dc);
                continue;
            }
            let since = *absent_since.entry(dc.clone()).or_insert(now);
            if now.duration_since(since) >= grace {
                tracing::info!(datacenter = %dc, grace = ?grace, "pruning the federation state of a datacenter gone from the WAN pool");
                let delete = Command::FederationState(FederationStateOp::Delete { datacenter: dc.clone() });
                if let Err(e) = raft.apply(delete).await {
                    tracing::warn!(datacenter = %dc, error = %e, "pruning a federation state failed; will retry");
                    continue;
                }
                absent_since.remove(dc);
            }
        }
        absent_since.retain(|dc, _| states.iter().any(|s| s.datacenter == *dc));
        tokio::select! {
            _ = tokio::time::sleep(check_every) => {}
            _ = stopped(&mut shutdown) => return,
        }
    }
}
