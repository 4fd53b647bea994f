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

use super::snapshot::{Snapshot, TargetKey};
use crate::backend::Backend;
use crate::local::{Leaf, LeafCache, Roots};
use crate::state::{
    CheckServiceNode, ConfigEntries, ConnectCa, NodeService, Query, QueryResult, ReadRequest, RequestContext,
    RequestError,
};
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
    /// A chain target's connect-capable instances, or why they could not be read.
    Target(TargetKey, Result<Vec<CheckServiceNode>, String>),
    Entries(Arc<ConfigEntries>),
    Gateways(BTreeMap<String, Vec<CheckServiceNode>>),
    Servers(Vec<CheckServiceNode>),
    LocalServices(BTreeMap<String, Vec<CheckServiceNode>>),
    /// This datacenter's mesh gateways, from its catalog.
    LocalGateways(Vec<CheckServiceNode>),
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
    /// What a connection no intention matches gets.
    pub intention_default: crate::connect::intentions::DefaultPolicy,
}

/// Runs until `stop` turns true: starts the watches for `service`, folds their answers into
/// a snapshot and publishes it (when valid and changed) at most once per coalesce window;
/// until it is valid, `draft` holds what arrived so far.
pub(super) async fn run(
    service: NodeService,
    ctx: Context,
    out: watch::Sender<Option<Arc<Snapshot>>>,
    draft: watch::Sender<Option<Arc<Snapshot>>>,
    mut stop: watch::Receiver<bool>,
) {
    let mut snapshot = Snapshot::for_service(&service, &ctx.datacenter, &ctx.domain);
    snapshot.sidecar.intention_default = ctx.intention_default.clone();
    snapshot.primary_datacenter = ctx.primary.clone();
    let (tx, mut updates) = mpsc::channel(16);
    // The watches end with this task: dropping the set aborts whatever is still running.
    let mut watches = TaskSet::new();
    watches.spawn("proxycfg roots", forward_roots(ctx.leaves.roots().subscribe(), tx.clone(), stop.clone()));
    // A sidecar's target watches follow its chains, so it keeps a sender to start them; a
    // gateway's watches are fixed.
    let mut sidecar = None;
    if snapshot.is_sidecar() {
        sidecar = Some(super::sidecar::Watches::start(&snapshot, &ctx, &tx, &stop, &mut watches));
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
                if let Some(sidecar) = &mut sidecar {
                    sidecar.follow(&mut snapshot, &ctx, &stop, &mut watches);
                }
                // While not deliverable, what has arrived so far is kept for operators; a
                // delivered snapshot clears it (copied only while waiting).
                if snapshot.is_valid() {
                    draft.send_if_modified(|d| d.take().is_some());
                } else {
                    draft.send_replace(Some(Arc::new(snapshot.clone())));
                }
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
    watches.spawn("proxycfg watch", watch_gateways(ctx, tx, stop));
    let services = watch_local(ctx, Query::ConnectInstances, tx, stop, |r| match r {
        QueryResult::ConnectInstances(s) => Some(Update::LocalServices(s)),
        _ => None,
    });
    watches.spawn("proxycfg services", services);
    if snapshot.wan_federation() {
        let query =
            Query::CheckServiceNodes { service: "consul".to_owned(), tag: None, passing: false, connect: false };
        let servers = watch_local(ctx, query, tx, stop, |r| match r {
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
        Update::Target(key, Ok(instances)) => {
            let target = snapshot.sidecar.targets.entry(key).or_default();
            target.instances = Some(instances);
            target.error = None;
            target.failures = 0;
        }
        Update::Target(key, Err(error)) => {
            let target = snapshot.sidecar.targets.entry(key.clone()).or_default();
            if target.error.as_ref() != Some(&error) {
                // Said once per distinct failure: the endpoints keep what was last read.
                tracing::warn!(service = %key.0, datacenter = %key.1, %error, "reading an upstream target's instances failed; its endpoints keep what was last read");
            }
            target.error = Some(error);
            target.failures = target.failures.saturating_add(1);
        }
        Update::Entries(entries) => snapshot.sidecar.entries = Some(entries),
        Update::Gateways(gateways) => {
            snapshot.fed_state_gateways = gateways;
            snapshot.sidecar.gateways_known = true;
        }
        Update::Servers(mut servers) => {
            // Only this datacenter's `consul` instances (the reference's sanity check).
            servers.retain(|s| s.service.service == "consul" && s.node.datacenter == snapshot.datacenter);
            snapshot.servers = servers;
        }
        Update::LocalServices(services) => snapshot.local_services = services,
        Update::LocalGateways(gateways) => snapshot.sidecar.local_gateways = Some(gateways),
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

/// A watch in this datacenter whose failures are only retried.
fn watch_local(
    ctx: &Context,
    query: Query,
    tx: &mpsc::Sender<Update>,
    stop: &watch::Receiver<bool>,
    map: impl Fn(QueryResult) -> Option<Update> + Send + 'static,
) -> impl Future<Output = ()> + Send + 'static {
    watch_query(ctx.backend.clone(), None, query, tx.clone(), stop.clone(), map, |_| None)
}

/// Every datacenter's mesh gateways, from the replicated federation states.
pub(super) fn watch_gateways(
    ctx: &Context,
    tx: &mpsc::Sender<Update>,
    stop: &watch::Receiver<bool>,
) -> impl Future<Output = ()> + Send + 'static {
    watch_local(ctx, Query::FederationStateMeshGateways, tx, stop, |r| match r {
        QueryResult::MeshGateways(g) => Some(Update::Gateways(g)),
        _ => None,
    })
}

/// A blocking query loop (in `datacenter`, default this one): every answer whose index
/// moved (or the first after a failure) is mapped and sent; a failure is sent too when
/// `map_err` maps it.
pub(super) async fn watch_query(
    backend: Backend,
    datacenter: Option<String>,
    query: Query,
    tx: mpsc::Sender<Update>,
    mut stop: watch::Receiver<bool>,
    map: impl Fn(QueryResult) -> Option<Update> + Send + 'static,
    map_err: impl Fn(&RequestError) -> Option<Update> + Send + 'static,
) {
    let mut index = 0;
    let mut failed = false;
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
                if reply.index == index && !failed {
                    continue;
                }
                failed = false;
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
                if let Some(update) = map_err(&error) {
                    failed = true;
                    if tx.send(update).await.is_err() {
                        return;
                    }
                }
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
