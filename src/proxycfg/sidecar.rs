//! A connect proxy's watches (the reference's `initWatchesConnectProxy`, without intentions):
//! its service's leaf certificate from the agent's leaf cache, the config entries, and per
//! target of its upstreams' discovery chains that target's connect-capable instances, read in
//! the target's datacenter (a blocking query forwarded through the gateways, so a change
//! there arrives without polling); and once a target goes through mesh gateways, every
//! datacenter's gateways from the replicated federation states, and for `local` targets this
//! datacenter's gateways from its own catalog. The roots come from the
//! agent's roots watch (`state.rs`).
//!
//! The target watches follow the chains: whenever an update changes what the chains need
//! (a config entry redirected a service, a failover datacenter was added), new targets get
//! a watch and the watches of targets no longer needed stop.

use std::collections::BTreeMap;
use std::sync::Arc;

use tokio::sync::{mpsc, watch};

use super::snapshot::{Snapshot, TargetKey, upstream_id};
use super::state::{Context, Update, watch_gateways, watch_query};
use crate::local::LeafState;
use crate::state::{ConfigEntries, Query, QueryResult, ServiceKind};
use crate::tasks::{TaskSet, stopped};

/// The watches of one sidecar; owned by its state task.
pub(super) struct Watches {
    tx: mpsc::Sender<Update>,
    /// Per target, the sender whose drop stops its watch.
    targets: BTreeMap<TargetKey, watch::Sender<bool>>,
    gateways: bool,
    local_gateways: bool,
}

impl Watches {
    /// Starts the leaf and config-entry watches; target watches start with [`Watches::follow`].
    pub(super) fn start(
        snapshot: &Snapshot,
        ctx: &Context,
        tx: &mpsc::Sender<Update>,
        stop: &watch::Receiver<bool>,
        watches: &mut TaskSet,
    ) -> Watches {
        let sidecar = &snapshot.sidecar;
        let leaf = ctx.leaves.watch(&sidecar.proxy.destination_service_name);
        watches.spawn("proxycfg leaf", forward_leaf(leaf, tx.clone(), stop.clone()));
        for upstream in &sidecar.proxy.upstreams {
            if !sidecar.service_upstreams().any(|u| u == upstream) {
                tracing::warn!(upstream = %upstream_id(upstream), "prepared-query upstreams are not served: fedctl has no prepared queries");
            }
        }
        watches.spawn("proxycfg config entries", watch_entries(ctx, tx.clone(), stop.clone()));
        Watches { tx: tx.clone(), targets: BTreeMap::new(), gateways: false, local_gateways: false }
    }

    /// Starts a watch for each target the chains need and has none, stops those no longer
    /// needed (and forgets what they returned).
    pub(super) fn follow(
        &mut self,
        snapshot: &mut Snapshot,
        ctx: &Context,
        stop: &watch::Receiver<bool>,
        watches: &mut TaskSet,
    ) {
        let needs = snapshot.sidecar.needs(&ctx.datacenter);
        let (wanted, gateways) = (needs.targets, needs.federation_gateways);
        self.targets.retain(|key, _| wanted.contains(key));
        snapshot.sidecar.targets.retain(|key, _| wanted.contains(key));
        for key in wanted {
            if self.targets.contains_key(&key) {
                continue;
            }
            let (own_stop, own_rx) = watch::channel(false);
            watches.spawn("proxycfg target", watch_target(ctx, key.clone(), self.tx.clone(), stop.clone(), own_rx));
            self.targets.insert(key, own_stop);
        }
        if gateways && !self.gateways {
            self.gateways = true;
            let task = watch_gateways(ctx, &self.tx, stop);
            watches.spawn("proxycfg gateways", task);
        }
        if needs.local_gateways && !self.local_gateways {
            self.local_gateways = true;
            let query = Query::ServicesOfKind { kind: ServiceKind::MESH_GATEWAY.to_owned() };
            let task = watch_query(
                ctx.backend.clone(),
                None,
                query,
                self.tx.clone(),
                stop.clone(),
                |r| match r {
                    QueryResult::CheckServiceNodes(g) => Some(Update::LocalGateways(g)),
                    _ => None,
                },
                |_| None,
            );
            watches.spawn("proxycfg local gateways", task);
        }
    }
}

/// One target's instances in its datacenter, until the state stops or the target is dropped.
fn watch_target(
    ctx: &Context,
    key: TargetKey,
    tx: mpsc::Sender<Update>,
    mut stop: watch::Receiver<bool>,
    mut own: watch::Receiver<bool>,
) -> impl Future<Output = ()> + Send + 'static {
    let (service, dc) = key.clone();
    let query = Query::CheckServiceNodes { service, tag: None, passing: false, connect: true };
    let datacenter = Some(dc).filter(|dc| *dc != ctx.datacenter);
    let (ok_key, err_key) = (key.clone(), key);
    let watch = watch_query(
        ctx.backend.clone(),
        datacenter,
        query,
        tx,
        stop.clone(),
        move |r| match r {
            QueryResult::CheckServiceNodes(nodes) => Some(Update::Target(ok_key.clone(), Ok(nodes))),
            _ => None,
        },
        move |error| Some(Update::Target(err_key.clone(), Err(error.to_string()))),
    );
    async move {
        tokio::select! {
            _ = watch => {}
            _ = stopped(&mut stop) => {}
            _ = own.changed() => {}
        }
    }
}

/// The config entries the chains compile against (replicated to every datacenter, so read
/// here).
fn watch_entries(
    ctx: &Context,
    tx: mpsc::Sender<Update>,
    stop: watch::Receiver<bool>,
) -> impl Future<Output = ()> + Send + 'static {
    let query = Query::ConfigEntries { kind: None };
    watch_query(
        ctx.backend.clone(),
        None,
        query,
        tx,
        stop,
        |r| match r {
            QueryResult::ConfigEntries(entries) => {
                Some(Update::Entries(Arc::new(ConfigEntries::from_entries(entries))))
            }
            _ => None,
        },
        |_| None,
    )
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
