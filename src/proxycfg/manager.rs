//! The proxy config manager: one state task per local `mesh-gateway` or `connect-proxy`
//! service, kept in step with agent-local state (level-triggered: every local change re-reads
//! the whole service list), and a latest-only channel per proxy ID for xDS streams.
//!
//! Ownership: the manager's task (returned by [`Manager::new`], spawned by the agent) owns the
//! state tasks; each state task owns its watches. A deregistered proxy's task is stopped and
//! reaped; on shutdown every one is awaited.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tokio::sync::watch;
use tracing::Instrument;

use super::snapshot::Snapshot;
use super::state::{self, Context};
use crate::backend::Backend;
use crate::connect::intentions::DefaultPolicy;
use crate::local::{LeafCache, LocalState};
use crate::state::{NodeService, ServiceKind};
use crate::tasks::{TaskSet, stopped};

/// How long stopped state tasks get to end before they are aborted.
const STOP_GRACE: Duration = Duration::from_secs(1);

/// Receives a proxy's latest snapshot; `None` until one is valid, and again after the proxy
/// was deregistered.
pub type SnapshotReceiver = watch::Receiver<Option<Arc<Snapshot>>>;

/// Pacing knobs.
#[derive(Debug, Clone)]
pub struct ManagerOptions {
    /// Changes arriving within this window after the first are delivered as one snapshot.
    pub coalesce: Duration,
    /// The federation's primary (default: this datacenter).
    pub primary_datacenter: Option<String>,
    /// A secondary server's resolved `primary_gateways`.
    pub primary_fallback: Option<watch::Receiver<Vec<std::net::SocketAddr>>>,
    /// What a connection no intention matches gets.
    pub intention_default: DefaultPolicy,
}

impl Default for ManagerOptions {
    fn default() -> Self {
        // Short enough for a push well under 100 ms, long enough to fold a burst (a batch of
        // check updates applied together) into one snapshot.
        ManagerOptions {
            coalesce: Duration::from_millis(20),
            primary_datacenter: None,
            primary_fallback: None,
            intention_default: DefaultPolicy::default(),
        }
    }
}

/// Handle to the manager; cheap to clone.
#[derive(Debug, Clone)]
pub struct Manager {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    ctx: Context,
    /// Per proxy ID: the publishing side of its snapshot channel. Created by the first of
    /// `watch()` or registration, kept after deregistration so early watchers stay attached.
    outputs: Mutex<BTreeMap<String, watch::Sender<Option<Arc<Snapshot>>>>>,
    /// Running state tasks by proxy ID, with the registration they were built from.
    proxies: Mutex<BTreeMap<String, Running>>,
}

#[derive(Debug)]
struct Running {
    registration: NodeService,
    stop: watch::Sender<bool>,
    /// What the state task has so far, while its snapshot is not deliverable.
    draft: watch::Receiver<Option<Arc<Snapshot>>>,
}

impl Manager {
    /// The manager for `local`'s services and its task, which the caller spawns; the task
    /// stops every state task on shutdown.
    pub fn new(
        local: Arc<LocalState>,
        backend: Backend,
        leaves: LeafCache,
        datacenter: &str,
        domain: &str,
        opts: ManagerOptions,
        mut shutdown: watch::Receiver<bool>,
    ) -> (Manager, impl std::future::Future<Output = ()> + Send + 'static) {
        let ctx = Context {
            backend,
            leaves,
            datacenter: datacenter.to_owned(),
            domain: domain.to_owned(),
            coalesce: opts.coalesce,
            primary: opts.primary_datacenter.clone().unwrap_or_else(|| datacenter.to_owned()),
            fallback: opts.primary_fallback.clone(),
            intention_default: opts.intention_default.clone(),
        };
        let manager = Manager { inner: Arc::new(Inner { ctx, outputs: Mutex::default(), proxies: Mutex::default() }) };
        let this = manager.clone();
        let task = async move {
            let mut changes = local.subscribe();
            let mut tasks = TaskSet::new();
            loop {
                this.sync(&local, &mut tasks);
                tokio::select! {
                    r = changes.changed() => if r.is_err() { break },
                    _ = stopped(&mut shutdown) => break,
                }
            }
            for (_, running) in std::mem::take(&mut *lock(&this.inner.proxies)) {
                let _ = running.stop.send(true);
            }
            tasks.join(STOP_GRACE).await;
        };
        (manager, task)
    }

    /// The latest snapshot of `proxy_id` and its changes. Works before the proxy registers.
    pub fn watch(&self, proxy_id: &str) -> SnapshotReceiver {
        self.output(proxy_id).subscribe()
    }

    /// What `proxy_id`'s state has gathered while its snapshot is not deliverable yet (`None`
    /// once it is, or for no such proxy).
    pub fn draft(&self, proxy_id: &str) -> Option<Arc<Snapshot>> {
        lock(&self.inner.proxies).get(proxy_id).and_then(|r| r.draft.borrow().clone())
    }

    /// Proxy IDs with a running state task.
    pub fn proxies(&self) -> Vec<String> {
        lock(&self.inner.proxies).keys().cloned().collect()
    }

    fn output(&self, proxy_id: &str) -> watch::Sender<Option<Arc<Snapshot>>> {
        lock(&self.inner.outputs).entry(proxy_id.to_owned()).or_insert_with(|| watch::Sender::new(None)).clone()
    }

    /// Brings the state tasks in line with the local proxy registrations. A changed
    /// registration (address, port, meta, tagged addresses, proxy config) restarts its task.
    fn sync(&self, local: &LocalState, tasks: &mut TaskSet) {
        let wanted: BTreeMap<String, NodeService> = local
            .services()
            .into_iter()
            .filter(|(_, s)| s.kind.0 == ServiceKind::MESH_GATEWAY || s.kind.0 == ServiceKind::CONNECT_PROXY)
            .map(|(id, mut s)| {
                s.index = Default::default();
                (id, s)
            })
            .collect();
        let mut proxies = lock(&self.inner.proxies);
        let gone: Vec<String> = proxies
            .iter()
            .filter(|(id, r)| wanted.get(*id) != Some(&r.registration))
            .map(|(id, _)| id.clone())
            .collect();
        for id in gone {
            if let Some(running) = proxies.remove(&id) {
                let _ = running.stop.send(true);
                if !wanted.contains_key(&id) {
                    // Watchers stay attached (a re-registration resumes them) but see that
                    // there is nothing to serve.
                    self.output(&id).send_replace(None);
                    tracing::info!(proxy = %id, "proxy deregistered; its watches stopped");
                }
            }
        }
        for (id, service) in wanted {
            if proxies.contains_key(&id) {
                continue;
            }
            let (stop, stop_rx) = watch::channel(false);
            let (draft_tx, draft) = watch::channel(None);
            let out = self.output(&id);
            let span = tracing::info_span!("proxycfg", proxy = %id);
            tasks.spawn(
                "proxycfg state",
                state::run(service.clone(), self.inner.ctx.clone(), out, draft_tx, stop_rx).instrument(span),
            );
            tracing::info!(proxy = %id, kind = %service.kind.0, "watching proxy");
            proxies.insert(id, Running { registration: service, stop, draft });
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
