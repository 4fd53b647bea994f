//! One proxy's watches and snapshot builder. The task owns its watch tasks (they stop with
//! it) and publishes into the manager's per-proxy `watch` channel, which keeps only the
//! latest snapshot: a slow xDS stream never sees a backlog, only the newest state. The roots
//! come from the agent's one roots watch; a gateway's other watches are here, a sidecar's in
//! `sidecar.rs`.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{mpsc, watch};
use tokio::time::Instant;

use super::snapshot::Snapshot;
use crate::backend::Backend;
use crate::local::{Leaf, LeafCache, Roots};
use crate::state::{CheckServiceNode, ConnectCa, NodeService, Query, QueryResult, ReadRequest, RequestContext};
use crate::tasks::{TaskSet, stopped};

/// How long one blocking watch waits before asking again.
const WATCH_WAIT: Duration = Duration::from_secs(60);
/// How often the datacenter list (from WAN membership, not a table) is re-read.
const DATACENTERS_EVERY: Duration = Duration::from_secs(2);
const MAX_BACKOFF: Duration = Duration::from_secs(5);

/// What a watch delivers.
#[derive(Debug)]
pub(super) enum Update {
    Roots(Option<Arc<ConnectCa>>),
    Leaf(Option<Arc<Leaf>>),
    /// An upstream's connect-capable instances, by upstream ID.
    Upstream(String, Vec<CheckServiceNode>),
    Gateways(BTreeMap<String, Vec<CheckServiceNode>>),
    Servers(Vec<CheckServiceNode>),
    Datacenters(Vec<String>),
    PrimaryFallback(Vec<std::net::SocketAddr>),
}

/// Where the watches read and how snapshots are paced.
#[derive(Debug, Clone)]
pub(super) struct Context {
    pub backend: Backend,
    pub leaves: LeafCache,
    pub datacenter: String,
    pub domain: String,
    pub coalesce: Duration,
    pub primary: String,
    /// The resolved `primary_gateways` of a secondary's server.
    pub fallback: Option<watch::Receiver<Vec<std::net::SocketAddr>>>,
}

/// Runs until `stop` turns true: starts the watches for `service`, folds their answers into
/// a snapshot and publishes it (when valid and changed) at most once per coalesce window.
pub(super) async fn run(
    service: NodeService,
    ctx: Context,
    out: watch::Sender<Option<Arc<Snapshot>>>,
    mut stop: watch::Receiver<bool>,
) {
    let mut snapshot = Snapshot::for_service(&service, &ctx.datacenter, &ctx.domain);
    snapshot.primary_datacenter = ctx.primary.clone();
    let (tx, mut updates) = mpsc::channel(16);
    // The watches end with this task: dropping the set aborts whatever is still running.
    let mut watches = TaskSet::new();
    watches.spawn("proxycfg roots", forward_roots(ctx.leaves.roots().subscribe(), tx.clone(), stop.clone()));
    if snapshot.is_sidecar() {
        super::sidecar::start_watches(&snapshot, &ctx, &tx, &stop, &mut watches);
    } else {
        gateway_watches(&snapshot, &ctx, &tx, &stop, &mut watches);
    }
    drop(tx);
    tracing::debug!("watches started");

    let mut published: Option<Arc<Snapshot>> = None;
    let mut deadline: Option<Instant> = None;
    loop {
        tokio::select! {
            _ = stopped(&mut stop) => break,
            update = updates.recv() => {
                let Some(update) = update else { break };
                apply(&mut snapshot, update);
                if deadline.is_none() && snapshot.is_valid() && published.as_deref() != Some(&snapshot) {
                    deadline = Some(Instant::now() + ctx.coalesce);
                }
            }
            _ = sleep_until(deadline), if deadline.is_some() => {
                deadline = None;
                if snapshot.is_valid() && published.as_deref() != Some(&snapshot) {
                    let next = Arc::new(snapshot.clone());
                    published = Some(next.clone());
                    out.send_replace(Some(next));
                    tracing::debug!("snapshot published");
                }
            }
        }
    }
    watches.join(Duration::from_millis(200)).await;
    tracing::debug!("stopped");
}

fn gateway_watches(
    snapshot: &Snapshot,
    ctx: &Context,
    tx: &mpsc::Sender<Update>,
    stop: &watch::Receiver<bool>,
    watches: &mut TaskSet,
) {
    let gateways = watch_query(
        ctx.backend.clone(),
        None,
        Query::FederationStateMeshGateways,
        tx.clone(),
        stop.clone(),
        |r| match r {
            QueryResult::MeshGateways(g) => Some(Update::Gateways(g)),
            _ => None,
        },
    );
    watches.spawn("proxycfg watch", gateways);
    if snapshot.wan_federation() {
        let query =
            Query::CheckServiceNodes { service: "consul".to_owned(), tag: None, passing: false, connect: false };
        let servers = watch_query(ctx.backend.clone(), None, query, tx.clone(), stop.clone(), |r| match r {
            QueryResult::CheckServiceNodes(s) => Some(Update::Servers(s)),
            _ => None,
        });
        watches.spawn("proxycfg watch", servers);
    }
    watches.spawn("proxycfg datacenters", poll_datacenters(ctx.backend.clone(), tx.clone(), stop.clone()));
    if let Some(fallback) = ctx.fallback.clone().filter(|_| ctx.primary != ctx.datacenter) {
        watches.spawn("proxycfg fallback", watch_fallback(fallback, tx.clone(), stop.clone()));
    }
}

async fn sleep_until(deadline: Option<Instant>) {
    if let Some(d) = deadline {
        tokio::time::sleep_until(d).await;
    }
}

fn apply(snapshot: &mut Snapshot, update: Update) {
    match update {
        Update::Roots(roots) => {
            // A bundle Envoy would refuse never reaches it: the proxy keeps the last good one.
            if let Some(ca) = &roots
                && let Err(error) = crate::tls::validate_root_bundle(ca.roots.iter().map(|r| r.root_cert.as_str()))
            {
                tracing::error!(%error, "the CA roots do not form a valid bundle; the proxy keeps its last good roots");
                return;
            }
            snapshot.roots = roots.map(|ca| (*ca).clone());
        }
        Update::Leaf(leaf) => snapshot.sidecar.leaf = leaf,
        Update::Upstream(id, instances) => {
            snapshot.sidecar.upstreams.insert(id, instances);
        }
        Update::Gateways(gateways) => snapshot.fed_state_gateways = gateways,
        Update::Servers(mut servers) => {
            // Only this datacenter's `consul` instances (the reference's sanity check).
            servers.retain(|s| s.service.service == "consul" && s.node.datacenter == snapshot.datacenter);
            snapshot.servers = servers;
        }
        Update::Datacenters(dcs) => snapshot.datacenters = dcs,
        Update::PrimaryFallback(addrs) => snapshot.primary_fallback = addrs,
    }
}

/// Forwards the agent's roots whenever they change.
async fn forward_roots(mut roots: watch::Receiver<Roots>, tx: mpsc::Sender<Update>, mut stop: watch::Receiver<bool>) {
    loop {
        let ca = roots.borrow_and_update().ca.clone();
        if ca.is_some() && tx.send(Update::Roots(ca)).await.is_err() {
            return;
        }
        tokio::select! {
            r = roots.changed() => if r.is_err() { return },
            _ = stopped(&mut stop) => return,
        }
    }
}

/// A blocking query loop (in `datacenter`, default this one): every answer whose index
/// moved is mapped and sent.
pub(super) async fn watch_query(
    backend: Backend,
    datacenter: Option<String>,
    query: Query,
    tx: mpsc::Sender<Update>,
    mut stop: watch::Receiver<bool>,
    map: impl Fn(QueryResult) -> Option<Update> + Send + 'static,
) {
    let mut index = 0;
    let mut backoff = Duration::from_millis(50);
    loop {
        let ctx = RequestContext::new().in_datacenter(datacenter.as_deref()).stale().blocking(WATCH_WAIT);
        let read = ReadRequest::blocking(query.clone(), index, WATCH_WAIT);
        let answer = tokio::select! {
            r = backend.read(&ctx, read) => r,
            _ = stopped(&mut stop) => return,
        };
        match answer {
            Ok(reply) => {
                backoff = Duration::from_millis(50);
                if reply.index == index {
                    continue;
                }
                // An index that went backwards (a restored snapshot) restarts the watch.
                index = if reply.index < index { 0 } else { reply.index };
                let Some(update) = map(reply.result) else {
                    tracing::warn!(?query, "a watch got an answer of another kind");
                    continue;
                };
                if tx.send(update).await.is_err() {
                    return;
                }
            }
            Err(error) => {
                tracing::debug!(?query, %error, "watch read failed; retrying");
                tokio::select! {
                    _ = tokio::time::sleep(backoff) => {}
                    _ = stopped(&mut stop) => return,
                }
                backoff = (backoff * 2).min(MAX_BACKOFF);
            }
        }
    }
}

/// The datacenter list comes from WAN membership, which has no index to block on: re-read it
/// and send it when it changed.
async fn poll_datacenters(backend: Backend, tx: mpsc::Sender<Update>, mut stop: watch::Receiver<bool>) {
    let mut last: Option<Vec<String>> = None;
    loop {
        if let Ok(dcs) = backend.datacenters(&RequestContext::new()).await
            && last.as_ref() != Some(&dcs)
        {
            last = Some(dcs.clone());
            if tx.send(Update::Datacenters(dcs)).await.is_err() {
                return;
            }
        }
        tokio::select! {
            _ = tokio::time::sleep(DATACENTERS_EVERY) => {}
            _ = stopped(&mut stop) => return,
        }
    }
}

/// Forwards the server's resolved `primary_gateways` whenever they change.
async fn watch_fallback(
    mut fallback: watch::Receiver<Vec<std::net::SocketAddr>>,
    tx: mpsc::Sender<Update>,
    mut stop: watch::Receiver<bool>,
) {
    loop {
        let addrs = fallback.borrow_and_update().clone();
        if tx.send(Update::PrimaryFallback(addrs)).await.is_err() {
            return;
        }
        tokio::select! {
            r = fallback.changed() => if r.is_err() { return },
            _ = stopped(&mut stop) => return,
        }
    }
}
