//! A connect proxy's watches (the reference's `initWatchesConnectProxy`, without intentions
//! and discovery chains yet): its service's leaf certificate from the agent's leaf cache, and
//! per service upstream the upstream's connect-capable instances, in the upstream's
//! datacenter. The roots come from the agent's roots watch (`state.rs`); the local app's
//! address and port are part of the registration, whose change restarts the whole state.

use tokio::sync::{mpsc, watch};

use super::snapshot::{Snapshot, upstream_id};
use super::state::{Context, Update, watch_query};
use crate::local::LeafState;
use crate::state::{Query, QueryResult};
use crate::tasks::{TaskSet, stopped};

pub(super) fn start_watches(
    snapshot: &Snapshot,
    ctx: &Context,
    tx: &mpsc::Sender<Update>,
    stop: &watch::Receiver<bool>,
    watches: &mut TaskSet,
) {
    let sidecar = &snapshot.sidecar;
    let leaf = ctx.leaves.watch(&sidecar.proxy.destination_service_name);
    watches.spawn("proxycfg leaf", forward_leaf(leaf, tx.clone(), stop.clone()));
    for upstream in &sidecar.proxy.upstreams {
        if !sidecar.service_upstreams().any(|u| u == upstream) {
            tracing::warn!(upstream = %upstream_id(upstream), "prepared-query upstreams are not served: fedctl has no prepared queries");
        }
    }
    for upstream in sidecar.service_upstreams() {
        let id = upstream_id(upstream);
        let query = Query::CheckServiceNodes {
            service: upstream.destination_name.clone(),
            tag: None,
            passing: false,
            connect: true,
        };
        let datacenter = Some(upstream.datacenter.clone()).filter(|dc| !dc.is_empty());
        let task = watch_query(ctx.backend.clone(), datacenter, query, tx.clone(), stop.clone(), move |r| match r {
            QueryResult::CheckServiceNodes(nodes) => Some(Update::Upstream(id.clone(), nodes)),
            _ => None,
        });
        watches.spawn("proxycfg upstream", task);
    }
}

/// Forwards the leaf whenever the issuer publishes a different one.
async fn forward_leaf(mut leaf: watch::Receiver<LeafState>, tx: mpsc::Sender<Update>, mut stop: watch::Receiver<bool>) {
    let mut last = None;
    loop {
        let current = leaf.borrow_and_update().leaf.clone();
        if current != last {
            last = current.clone();
            if tx.send(Update::Leaf(current)).await.is_err() {
                return;
            }
        }
        tokio::select! {
            r = leaf.changed() => if r.is_err() { return },
            _ = stopped(&mut stop) => return,
        }
    }
}
