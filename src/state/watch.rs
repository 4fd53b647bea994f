//! Concurrent access to the store and blocking queries.
//!
//! The raft state machine is the only writer ([`StateHandle::write`]); HTTP handlers read.
//! Each table has a `watch` channel carrying its index; a blocking query subscribes to the
//! tables it reads *before* reading, so a change between the read and the wait is never missed.

use std::collections::HashMap;
use std::future::{Future, poll_fn};
use std::pin::Pin;
use std::sync::{Arc, Mutex, RwLock, RwLockReadGuard};
use std::task::Poll;
use std::time::Duration;

use tokio::sync::watch;
use tokio::time::Instant;

use super::store::{Store, Table};

/// Shared, watchable state store.
#[derive(Debug, Clone)]
pub struct StateHandle {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    store: RwLock<Store>,
    /// One channel per table, in `Table::ALL` order, holding the table's index.
    tables: Vec<watch::Sender<u64>>,
    /// Keys a destroyed session held, and until when they may not be taken again (its
    /// lock-delay, from this server's clock; not replicated, as the reference's).
    lock_delays: Mutex<HashMap<String, Instant>>,
}

/// The answer of a blocking read.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockingResult<T> {
    /// The index of the data (at least 1, as the reference API guarantees).
    pub index: u64,
    pub value: T,
}

impl StateHandle {
    pub fn new(store: Store) -> Self {
        let tables = Table::ALL.iter().map(|t| watch::Sender::new(store.table_index(*t))).collect();
        StateHandle { inner: Arc::new(Inner { store: RwLock::new(store), tables, lock_delays: Mutex::default() }) }
    }

    fn store(&self) -> RwLockReadGuard<'_, Store> {
        // A panic while holding the lock cannot leave a half-applied command: apply validates
        // before mutating. Keep serving.
        self.inner.store.read().unwrap_or_else(|e| e.into_inner())
    }

    /// Runs `f` on the current state.
    pub fn read<R>(&self, f: impl FnOnce(&Store) -> R) -> R {
        f(&self.store())
    }

    /// Runs `f` with exclusive access, then wakes the waiters of every table whose index moved.
    pub fn write<R>(&self, f: impl FnOnce(&mut Store) -> R) -> R {
        let (result, indexes) = {
            let mut store = self.inner.store.write().unwrap_or_else(|e| e.into_inner());
            let result = f(&mut store);
            let released = std::mem::take(&mut store.released_locks);
            if !released.is_empty() {
                let now = Instant::now();
                let mut delays = self.inner.lock_delays.lock().unwrap_or_else(|e| e.into_inner());
                delays.retain(|_, until| *until > now);
                delays.extend(released.into_iter().map(|(key, delay)| (key, now + delay)));
            }
            let indexes: Vec<u64> = Table::ALL.iter().map(|t| store.table_index(*t)).collect();
            (result, indexes)
        };
        for (tx, index) in self.inner.tables.iter().zip(indexes) {
            tx.send_if_modified(|current| {
                let changed = *current != index;
                *current = index;
                changed
            });
        }
        result
    }

    /// Whether `key` is still in the lock-delay of the session that last held it.
    pub fn lock_delayed(&self, key: &str) -> bool {
        let delays = self.inner.lock_delays.lock().unwrap_or_else(|e| e.into_inner());
        delays.get(key).is_some_and(|until| *until > Instant::now())
    }

    /// Replaces the whole store (snapshot install), waking everyone.
    pub fn replace(&self, store: Store) {
        self.write(|s| *s = store);
    }

    /// A blocking read: returns as soon as the index over `tables` exceeds `min_index`, or
    /// when `wait` has passed. `min_index == 0` returns at once.
    pub async fn blocking<T>(
        &self,
        tables: &[Table],
        min_index: u64,
        wait: Duration,
        f: impl Fn(&Store) -> T,
    ) -> BlockingResult<T> {
        let deadline = Instant::now() + wait;
        let mut receivers: Vec<watch::Receiver<u64>> =
            tables.iter().map(|t| self.inner.tables[table_slot(*t)].subscribe()).collect();
        loop {
            let (index, value) = self.read(|s| (s.max_index(tables), f(s)));
            if min_index == 0 || index > min_index || Instant::now() >= deadline {
                return BlockingResult { index: index.max(1), value };
            }
            let mut changes: Vec<Pin<Box<dyn Future<Output = _> + Send + '_>>> = receivers
                .iter_mut()
                .map(|rx| Box::pin(rx.changed()) as Pin<Box<dyn Future<Output = _> + Send>>)
                .collect();
            let any_change = poll_fn(|cx| {
                for change in changes.iter_mut() {
                    if change.as_mut().poll(cx).is_ready() {
                        return Poll::Ready(());
                    }
                }
                Poll::Pending
            });
            if tokio::time::timeout_at(deadline, any_change).await.is_err() {
                // Deadline: one last read so the answer is current.
                let (index, value) = self.read(|s| (s.max_index(tables), f(s)));
                return BlockingResult { index: index.max(1), value };
            }
        }
    }
}

fn table_slot(table: Table) -> usize {
    Table::ALL.iter().position(|t| *t == table).unwrap_or(0)
}
