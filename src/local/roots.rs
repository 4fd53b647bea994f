//! The agent's copy of the Connect CA roots: one blocking watch on this datacenter's servers,
//! shared by everything local that needs the roots (leaf issuing, every sidecar's snapshot,
//! `/v1/agent/connect/ca/roots`), so a hundred sidecars make one watch, not a hundred, and
//! a cached answer survives the servers being unreachable.
//!
//! Ownership: [`RootsWatch::new`] returns the watch task; the agent spawns it and it ends at
//! shutdown. The channel keeps the last roots seen (never cleared by a failing read).

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;

use crate::backend::Backend;
use crate::state::{ConnectCa, Query, QueryResult, ReadRequest, RequestContext};
use crate::tasks::stopped;

const WAIT: Duration = Duration::from_secs(60);
const MAX_BACKOFF: Duration = Duration::from_secs(5);

/// The roots as last read, with the index they were read at.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Roots {
    /// `None` until the primary created the CA and it reached this datacenter.
    pub ca: Option<Arc<ConnectCa>>,
    pub index: u64,
    /// When a server last answered (for `Age`).
    pub fetched_at: Option<std::time::SystemTime>,
}

impl Roots {
    /// The trust domain and active root ID, when the CA exists.
    pub fn active(&self) -> Option<(&str, &str)> {
        self.ca
            .as_deref()
            .filter(|ca| !ca.trust_domain.is_empty() && !ca.active_root_id.is_empty())
            .map(|ca| (ca.trust_domain.as_str(), ca.active_root_id.as_str()))
    }
}

/// Receives the agent's roots.
#[derive(Debug, Clone)]
pub struct RootsWatch {
    rx: watch::Receiver<Roots>,
}

impl RootsWatch {
    /// The watch and its task (which the caller spawns and which ends at shutdown).
    pub fn new(
        backend: Backend,
        shutdown: watch::Receiver<bool>,
    ) -> (RootsWatch, impl std::future::Future<Output = ()> + Send + 'static) {
        let (tx, rx) = watch::channel(Roots::default());
        (RootsWatch { rx }, run(backend, tx, shutdown))
    }

    /// Roots that never change (tests, and agents without servers to ask).
    pub fn fixed(roots: Roots) -> RootsWatch {
        let (tx, rx) = watch::channel(roots);
        // A closed channel keeps its last value; receivers see no more changes.
        drop(tx);
        RootsWatch { rx }
    }

    pub fn current(&self) -> Roots {
        self.rx.borrow().clone()
    }

    pub fn subscribe(&self) -> watch::Receiver<Roots> {
        self.rx.clone()
    }
}

async fn run(backend: Backend, tx: watch::Sender<Roots>, mut shutdown: watch::Receiver<bool>) {
    let mut index = 0;
    let mut backoff = Duration::from_millis(50);
    loop {
        let ctx = RequestContext::new().stale().blocking(WAIT);
        let answer = tokio::select! {
            r = backend.read(&ctx, ReadRequest::blocking(Query::CaRoots, index, WAIT)) => r,
            _ = stopped(&mut shutdown) => return,
        };
        match answer {
            Ok(reply) => {
                backoff = Duration::from_millis(50);
                let QueryResult::CaRoots(ca) = reply.result else { continue };
                // An index that went backwards (a restored snapshot) restarts the watch.
                index = if reply.index < index { 0 } else { reply.index };
                let ca = ca.map(|ca| Arc::new(ca.public()));
                // Every answer refreshes `fetched_at`; only a change wakes the receivers.
                tx.send_if_modified(|roots| {
                    let changed = roots.ca != ca;
                    roots.fetched_at = Some(std::time::SystemTime::now());
                    if changed {
                        roots.ca = ca;
                        roots.index = index;
                    }
                    changed
                });
            }
            Err(error) => {
                tracing::debug!(%error, "reading the CA roots failed; the last ones stay in use");
                tokio::select! {
                    _ = tokio::time::sleep(backoff) => {}
                    _ = stopped(&mut shutdown) => return,
                }
                backoff = (backoff * 2).min(MAX_BACKOFF);
            }
        }
    }
}
