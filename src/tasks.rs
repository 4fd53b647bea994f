//! Owned tasks: whoever spawns a task keeps it in a [`TaskSet`] and awaits it on shutdown, so
//! no task outlives the component that started it. Dropping a set aborts what is left in it.

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tokio::task::{Id, JoinSet};

/// Tasks spawned by one owner, by name.
#[derive(Debug, Default)]
pub struct TaskSet {
    set: JoinSet<()>,
    names: HashMap<Id, &'static str>,
}

impl TaskSet {
    pub fn new() -> TaskSet {
        TaskSet::default()
    }

    /// Spawns `task`, named for the log of a shutdown that had to abort it.
    pub fn spawn(&mut self, name: &'static str, task: impl Future<Output = ()> + Send + 'static) {
        self.reap();
        let handle = self.set.spawn(task);
        self.names.insert(handle.id(), name);
    }

    /// How many tasks are still running.
    pub fn len(&mut self) -> usize {
        self.reap();
        self.set.len()
    }

    pub fn is_empty(&mut self) -> bool {
        self.len() == 0
    }

    /// Forgets tasks that ended, so a long-lived set does not grow.
    fn reap(&mut self) {
        while let Some(done) = self.set.try_join_next_with_id() {
            self.forget(done);
        }
    }

    fn forget(&mut self, done: Result<(Id, ()), tokio::task::JoinError>) -> Option<&'static str> {
        let id = match &done {
            Ok((id, ())) => *id,
            Err(e) => {
                if e.is_panic() {
                    tracing::error!(task = self.names.get(&e.id()).copied().unwrap_or("?"), "a task panicked");
                }
                e.id()
            }
        };
        self.names.remove(&id)
    }

    /// Waits up to `grace` for every task to end, then aborts the rest and waits for them to
    /// unwind. Returns the names of the tasks that had to be aborted.
    pub async fn join(&mut self, grace: Duration) -> Vec<&'static str> {
        let deadline = tokio::time::Instant::now() + grace;
        loop {
            match tokio::time::timeout_at(deadline, self.set.join_next_with_id()).await {
                Ok(Some(done)) => {
                    self.forget(done);
                }
                Ok(None) => return Vec::new(),
                Err(_) => break,
            }
        }
        let mut aborted: Vec<&'static str> = self.names.values().copied().collect();
        aborted.sort_unstable();
        self.set.abort_all();
        while let Some(done) = self.set.join_next_with_id().await {
            self.forget(done);
        }
        aborted
    }
}

/// A [`TaskSet`] that tasks are spawned into from shared references (a connection per accept,
/// a stream per request). Once joined it is closed: what is spawned after that is dropped
/// unstarted, so nothing slips past a shutdown.
#[derive(Debug, Clone, Default)]
pub struct SharedTasks {
    inner: Arc<Mutex<Shared>>,
}

#[derive(Debug, Default)]
struct Shared {
    tasks: TaskSet,
    closed: bool,
}

impl SharedTasks {
    pub fn new() -> SharedTasks {
        SharedTasks::default()
    }

    fn lock(&self) -> MutexGuard<'_, Shared> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Spawns `task`; false (and `task` dropped) once the set was joined.
    pub fn spawn(&self, name: &'static str, task: impl Future<Output = ()> + Send + 'static) -> bool {
        let mut shared = self.lock();
        if shared.closed {
            return false;
        }
        shared.tasks.spawn(name, task);
        true
    }

    pub fn len(&self) -> usize {
        self.lock().tasks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Closes the set, then joins its tasks as [`TaskSet::join`] does.
    pub async fn join(&self, grace: Duration) -> Vec<&'static str> {
        let mut tasks = {
            let mut shared = self.lock();
            shared.closed = true;
            std::mem::take(&mut shared.tasks)
        };
        tasks.join(grace).await
    }
}

/// Resolves once `shutdown` is true (or its sender is gone): the one shutdown signal every
/// owned task selects on.
pub async fn stopped(shutdown: &mut tokio::sync::watch::Receiver<bool>) {
    let _ = shutdown.wait_for(|stop| *stop).await;
}

/// Sleeps `d`, or less when shutdown starts; false when it did.
pub async fn sleep_unless_stopped(d: Duration, shutdown: &mut tokio::sync::watch::Receiver<bool>) -> bool {
    tokio::select! {
        _ = tokio::time::sleep(d) => true,
        _ = stopped(shutdown) => false,
    }
}

/// Spawns hyper's per-stream tasks (HTTP/2) into a [`SharedTasks`], so they are owned by the
/// server that accepted their connection.
#[derive(Debug, Clone)]
pub struct OwnedExecutor(pub SharedTasks);

impl<F> hyper::rt::Executor<F> for OwnedExecutor
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    fn execute(&self, fut: F) {
        self.0.spawn("http/2 stream", async move {
            fut.await;
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn join_waits_for_tasks_that_end_and_aborts_the_rest() {
        let mut set = TaskSet::new();
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        set.spawn("quick", async move {
            let _ = rx.await;
        });
        set.spawn("stuck", std::future::pending());
        assert_eq!(set.len(), 2);
        let _ = tx.send(());
        let aborted = set.join(Duration::from_millis(200)).await;
        assert_eq!(aborted, vec!["stuck"]);
        assert!(set.is_empty());
    }

    #[tokio::test]
    async fn a_joined_shared_set_refuses_new_tasks() {
        let shared = SharedTasks::new();
        assert!(shared.spawn("first", std::future::pending()));
        assert_eq!(shared.join(Duration::from_millis(10)).await, vec!["first"]);
        assert!(!shared.spawn("late", async {}), "nothing starts after the join");
        assert!(shared.is_empty());
    }
}
