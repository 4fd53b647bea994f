//! `dns_config { use_cache }`: each name's catalog read is kept in a view that a blocking
//! query (in the name's datacenter: through the gateways for another one) keeps current, so
//! a question is answered from memory, as fresh as a watcher of that service. A view nobody
//! asks for in [`IDLE`] is dropped, and so is one whose datacenter is unknown. A name with
//! nothing behind it (no such service or node, or an unknown datacenter) starts no view: a
//! random name must not start a watch. `cache_max_age` bounds how old a view may be (since its
//! last answer from a server), and `max_stale` how far behind the leader the server that
//! answered it may be, before a question reads through again.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use tokio::sync::watch;

use crate::backend::Backend;
use crate::state::{Query, QueryResult, ReadRequest, RequestContext, RequestError};
use crate::tasks::{SharedTasks, stopped};

/// How long a view lives without questions.
pub const IDLE: Duration = Duration::from_secs(600);
/// How long one blocking read of a view may wait.
const WAIT: Duration = Duration::from_secs(60);
/// Views kept at most; beyond that, questions read through.
const MAX_VIEWS: usize = 4096;
const MAX_BACKOFF: Duration = Duration::from_secs(5);

/// What a view holds.
#[derive(Debug)]
struct View {
    result: Arc<QueryResult>,
    /// The raft index it was read at.
    index: u64,
    /// Its server was further behind its leader than `max_stale`.
    stale: bool,
    /// When a server last answered (a blocking read that timed out counts).
    fetched: Instant,
    asked: Instant,
}

/// The views of one agent's DNS interface; cheap to clone.
#[derive(Debug, Clone)]
pub struct Views {
    backend: Backend,
    views: Arc<Mutex<HashMap<String, View>>>,
    tasks: SharedTasks,
    stop: watch::Receiver<bool>,
    /// Zero: no limit.
    max_age: Duration,
    allow_stale: bool,
    max_stale: Duration,
}

/// One read: where, what, with which token.
#[derive(Debug, Clone)]
pub struct Read {
    pub datacenter: Option<String>,
    pub query: Query,
    pub token: String,
}

impl Read {
    fn key(&self) -> String {
        format!("{:?}\u{0}{:?}\u{0}{}", self.datacenter, self.query, self.token)
    }

    /// Its request context: a stale read with `allow_stale`.
    pub fn context(&self, allow_stale: bool) -> RequestContext {
        let mut ctx = RequestContext::new().in_datacenter(self.datacenter.as_deref());
        ctx.token = Some(self.token.clone());
        if allow_stale { ctx.stale() } else { ctx }
    }
}

impl Views {
    /// Views for `settings` (`cache_max_age`, `allow_stale`, `max_stale`), their watches
    /// spawned into `tasks` and stopped by `stop`.
    pub fn new(
        backend: Backend,
        settings: &super::settings::DnsSettings,
        tasks: SharedTasks,
        stop: watch::Receiver<bool>,
    ) -> Views {
        Views {
            backend,
            views: Arc::default(),
            tasks,
            stop,
            max_age: settings.cache_max_age,
            allow_stale: settings.allow_stale,
            max_stale: settings.max_stale,
        }
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<String, View>> {
        self.views.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The view of `read`, if there is one young enough (counted as asked).
    pub fn get(&self, read: &Read) -> Option<Arc<QueryResult>> {
        let mut views = self.lock();
        let view = views.get_mut(&read.key())?;
        if view.stale || (!self.max_age.is_zero() && view.fetched.elapsed() > self.max_age) {
            return None;
        }
        view.asked = Instant::now();
        Some(view.result.clone())
    }

    /// Keeps `result` (read at `index`, read through) as the view of `read`, and starts its
    /// watch when it is new; what the view holds afterwards. A view its watch already moved
    /// past `index` keeps its own answer. Nothing is kept for a name with nothing behind it,
    /// past [`MAX_VIEWS`], or after shutdown.
    pub fn keep(&self, read: &Read, index: u64, result: QueryResult) -> Arc<QueryResult> {
        let result = Arc::new(result);
        let key = read.key();
        let now = Instant::now();
        let started = {
            let mut views = self.lock();
            if let Some(view) = views.get_mut(&key) {
                if view.index <= index {
                    *view = View { result: result.clone(), index, stale: false, fetched: now, asked: now };
                }
                view.asked = now;
                return view.result.clone();
            }
            if views.len() >= MAX_VIEWS || is_nothing(&result) {
                return result;
            }
            let view = View { result: result.clone(), index, stale: false, fetched: now, asked: now };
            views.insert(key.clone(), view);
            self.tasks.spawn("dns view", self.clone().watch(key.clone(), read.clone(), index))
        };
        if !started {
            self.lock().remove(&key);
        }
        result
    }

    /// Keeps the view of `key` current until it idles, its datacenter is unknown, or the
    /// agent stops.
    async fn watch(self, key: String, read: Read, mut index: u64) {
        let mut stop = self.stop.clone();
        let mut backoff = Duration::from_millis(50);
        loop {
            let idle = self.lock().get(&key).is_none_or(|v| v.asked.elapsed() > IDLE);
            if idle {
                break;
            }
            let ctx = read.context(self.allow_stale).blocking(WAIT);
            let request = ReadRequest::blocking(read.query.clone(), index, WAIT);
            let answer = tokio::select! {
                r = self.backend.read(&ctx, request) => r,
                _ = stopped(&mut stop) => break,
            };
            match answer {
                Ok(reply) => {
                    backoff = Duration::from_millis(50);
                    let mut views = self.lock();
                    let Some(view) = views.get_mut(&key) else { break };
                    view.fetched = Instant::now();
                    view.stale = self.allow_stale && u128::from(reply.last_contact_ms) > self.max_stale.as_millis();
                    if reply.index != index {
                        // An index that went backwards (a restored snapshot) starts over.
                        index = if reply.index < index { 0 } else { reply.index };
                        view.result = Arc::new(reply.result);
                        view.index = reply.index;
                    }
                }
                Err(RequestError::NoPathToDatacenter(_)) => break,
                Err(error) => {
                    // The last answer keeps being served meanwhile, as the reference's cache.
                    tracing::debug!(%error, query = ?read.query, "a DNS view could not be refreshed; retrying");
                    tokio::select! {
                        _ = tokio::time::sleep(backoff) => {}
                        _ = stopped(&mut stop) => break,
                    }
                    backoff = (backoff * 2).min(MAX_BACKOFF);
                }
            }
        }
        self.lock().remove(&key);
    }
}

/// Whether a read found nothing: no instance of the service, no such node.
fn is_nothing(result: &QueryResult) -> bool {
    match result {
        QueryResult::CheckServiceNodes(instances) => instances.is_empty(),
        QueryResult::NodeServices(node) => node.is_none(),
        QueryResult::Nodes(nodes) => nodes.is_empty(),
        _ => false,
    }
}
