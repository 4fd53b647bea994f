//! The agent's Connect leaf certificates, one per (datacenter, service name). The first
//! request for a service starts its issuer (`leaf_issuer.rs`): a task that makes a new key
//! here (it never leaves the agent), has a server sign its CSR, and renews on its own timer,
//! at a random moment between 60 % and 90 % of the lifetime (the reference's window) or when
//! the active root changes. Requests and sidecar snapshots only read what the issuer
//! published, so a renewal never waits on a request and a request never waits on a renewal:
//! while a renewal fails, the last leaf is served until it expires (and raises the alarm
//! before it does).
//!
//! Ownership: [`LeafCache::new`] returns the cache and its task, which the agent spawns; the
//! issuers live in the cache's task set and that task stops them at shutdown.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime};

use tokio::sync::watch;

use super::leaf_issuer;
use super::roots::RootsWatch;
use crate::backend::Backend;
use crate::rpc::message::SignedCert;
use crate::state::RequestError;
use crate::tasks::{TaskSet, stopped};

/// How long a first leaf may take before a request gives up on it.
const FIRST_LEAF_LIMIT: Duration = Duration::from_secs(60);

/// A leaf as the agent holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leaf {
    pub cert: SignedCert,
    pub private_key_pem: String,
    /// The active root it was signed under.
    pub root_id: String,
    /// What blocking requests compare: strictly increasing per service on this agent (the
    /// server's raft index alone can repeat, or go back when another server answers).
    pub index: u64,
    pub fetched_at: SystemTime,
    pub valid_before: SystemTime,
    /// When its issuer renews it.
    pub renew_at: SystemTime,
}

/// What the issuer of one service has published.
#[derive(Debug, Clone, Default)]
pub struct LeafState {
    /// The newest leaf that is still valid.
    pub leaf: Option<Arc<Leaf>>,
    /// Why the last attempt to issue or renew failed; cleared by a success.
    pub error: Option<RequestError>,
    /// Failed attempts since the last success.
    pub failures: u32,
    /// The leaf is in the last tenth of its lifetime and its renewal has not succeeded.
    pub expiring: bool,
    /// The index of the last leaf issued (kept when an expired leaf is withdrawn, so the
    /// next one is still newer).
    pub last_index: u64,
}

impl LeafState {
    /// Answered: a leaf, or a failure to report.
    fn settled(&self) -> bool {
        self.leaf.is_some() || self.failures > 0
    }
}

/// Where a leaf came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cached {
    /// Already issued, `Age` old.
    Hit(Duration),
    Miss,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct LeafKey {
    pub datacenter: String,
    pub service: String,
}

/// The leaves of this agent's services; cheap to clone.
#[derive(Debug, Clone)]
pub struct LeafCache {
    inner: Arc<Inner>,
}

#[derive(Debug)]
pub(super) struct Inner {
    pub backend: Backend,
    pub roots: RootsWatch,
    /// Whose services' tokens leaves are requested with (the agent's token otherwise).
    pub local: Arc<super::LocalState>,
    pub datacenter: String,
    entries: Mutex<HashMap<LeafKey, Entry>>,
    tasks: Mutex<TaskSet>,
    pub shutdown: watch::Receiver<bool>,
}

#[derive(Debug)]
struct Entry {
    tx: watch::Sender<LeafState>,
    last_used: Instant,
}

impl LeafCache {
    /// The cache for the agent of `datacenter` and its task (which the caller spawns; it
    /// stops every issuer at shutdown).
    pub fn new(
        backend: Backend,
        roots: RootsWatch,
        local: Arc<super::LocalState>,
        datacenter: &str,
        mut shutdown: watch::Receiver<bool>,
    ) -> (LeafCache, impl std::future::Future<Output = ()> + Send + 'static) {
        let inner = Arc::new(Inner {
            backend,
            roots,
            local,
            datacenter: datacenter.to_owned(),
            entries: Mutex::default(),
            tasks: Mutex::default(),
            shutdown: shutdown.clone(),
        });
        let cache = LeafCache { inner: inner.clone() };
        let task = async move {
            stopped(&mut shutdown).await;
            let mut tasks = std::mem::take(&mut *lock(&inner.tasks));
            tasks.join(Duration::from_secs(1)).await;
        };
        (cache, task)
    }

    /// The roots this agent holds.
    pub fn roots(&self) -> &RootsWatch {
        &self.inner.roots
    }

    /// The leaf of `service` in this agent's datacenter and its changes (a sidecar's watch).
    pub fn watch(&self, service: &str) -> watch::Receiver<LeafState> {
        self.subscribe(None, service).0
    }

    /// The leaf of `service` (signed in `datacenter`, default this agent's). With
    /// `min_index`, waits (at most `wait`) for one newer than it, as a blocking query does.
    pub async fn get(
        &self,
        datacenter: Option<&str>,
        service: &str,
        min_index: u64,
        wait: Duration,
    ) -> Result<(Arc<Leaf>, Cached), RequestError> {
        let (mut rx, started) = self.subscribe(datacenter, service);
        let mut waited = started;
        if !rx.borrow().settled() {
            waited = true;
            let settled = tokio::time::timeout(FIRST_LEAF_LIMIT, rx.wait_for(LeafState::settled)).await;
            if settled.is_err() {
                return Err(RequestError::Timeout(FIRST_LEAF_LIMIT));
            }
        }
        let current = |rx: &watch::Receiver<LeafState>| {
            let state = rx.borrow();
            match (&state.leaf, &state.error) {
                (Some(leaf), _) => Ok(leaf.clone()),
                (None, Some(error)) => Err(error.clone()),
                (None, None) => Err(RequestError::Timeout(FIRST_LEAF_LIMIT)),
            }
        };
        let mut leaf = current(&rx)?;
        if min_index > 0 && leaf.index <= min_index {
            // Nothing newer yet: wait for a renewal, or answer what there is when the wait
            // ends, as a blocking query that timed out does.
            let newer = |s: &LeafState| s.leaf.as_ref().is_some_and(|l| l.index > min_index);
            if tokio::time::timeout(wait, rx.wait_for(newer)).await.is_ok() {
                waited = true;
            }
            leaf = current(&rx)?;
        }
        let cached = if waited {
            Cached::Miss
        } else {
            Cached::Hit(SystemTime::now().duration_since(leaf.fetched_at).unwrap_or_default())
        };
        Ok((leaf, cached))
    }

    /// The receiver of `service`'s issuer, started if it was not running; true when it was
    /// started now.
    fn subscribe(&self, datacenter: Option<&str>, service: &str) -> (watch::Receiver<LeafState>, bool) {
        let key = LeafKey {
            datacenter: datacenter.filter(|d| !d.is_empty()).unwrap_or(&self.inner.datacenter).to_owned(),
            service: service.to_owned(),
        };
        let mut entries = lock(&self.inner.entries);
        if let Some(entry) = entries.get_mut(&key) {
            entry.last_used = Instant::now();
            return (entry.tx.subscribe(), false);
        }
        let tx = watch::Sender::new(LeafState::default());
        let rx = tx.subscribe();
        entries.insert(key.clone(), Entry { tx: tx.clone(), last_used: Instant::now() });
        drop(entries);
        let span = tracing::info_span!("leaf", service = %key.service, datacenter = %key.datacenter);
        let issuer = leaf_issuer::run(self.inner.clone(), key, tx);
        lock(&self.inner.tasks).spawn("leaf issuer", tracing::Instrument::instrument(issuer, span));
        (rx, true)
    }
}

impl Inner {
    /// Ends `key`'s entry when nobody watches it and nobody asked for `idle`; true when it
    /// ended (its issuer then stops).
    pub(super) fn retire_if_idle(&self, key: &LeafKey, idle: Duration) -> bool {
        let mut entries = lock(&self.entries);
        let retire = entries.get(key).is_some_and(|e| e.tx.receiver_count() == 0 && e.last_used.elapsed() >= idle);
        if retire {
            entries.remove(key);
        }
        retire
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// One leaf as operators see it (`/v1/internal/proxies`, `fedctl debug proxy`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct LeafReport {
    pub datacenter: String,
    pub service: String,
    pub serial_number: Option<String>,
    /// RFC 3339.
    pub valid_before: Option<String>,
    pub renew_at: Option<String>,
    /// In the last tenth of its lifetime with its renewal failing: the alarm.
    pub expiring: bool,
    /// Failed attempts since the last success, and the last one's error.
    pub failures: u32,
    pub last_error: Option<String>,
}

impl LeafCache {
    /// Every leaf this agent holds or is trying to get, by datacenter and service.
    pub fn report(&self) -> Vec<LeafReport> {
        let entries = lock(&self.inner.entries);
        let mut out: Vec<LeafReport> = entries
            .iter()
            .map(|(key, entry)| {
                let state = entry.tx.borrow();
                let at = |t: SystemTime| crate::duration::rfc3339(time::OffsetDateTime::from(t));
                LeafReport {
                    datacenter: key.datacenter.clone(),
                    service: key.service.clone(),
                    serial_number: state.leaf.as_ref().map(|l| l.cert.serial_number.clone()),
                    valid_before: state.leaf.as_ref().map(|l| l.cert.valid_before.clone()),
                    renew_at: state.leaf.as_ref().map(|l| at(l.renew_at)),
                    expiring: state.expiring,
                    failures: state.failures,
                    last_error: state.error.as_ref().map(ToString::to_string),
                }
            })
            .collect();
        out.sort_by(|a, b| (&a.datacenter, &a.service).cmp(&(&b.datacenter, &b.service)));
        out
    }
}
