//! The raft log on redb, with group commit.
//!
//! openraft calls `append` once per client write. Writing each call in its own redb
//! transaction would cap durable writes at one fsync each (~4.6k/s here). Instead, `append`
//! puts the entries in an in-memory copy of the log (so reads see them at once) and queues
//! the encoded rows to one writer thread, which commits everything queued in a single
//! transaction and then reports every batch durable through its `LogFlushed` callback. The
//! in-memory copy is bounded: logs are purged after each snapshot.

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::io;
use std::ops::RangeBounds;
use std::sync::mpsc;
use std::sync::{Arc, Mutex, MutexGuard};

use openraft::storage::{LogFlushed, RaftLogStorage};
use openraft::{LogState, RaftLogId, RaftLogReader, StorageIOError};
use redb::{Database, ReadableDatabase, ReadableTable};
use tokio::sync::oneshot;

use super::db::{self, KEY_COMMITTED, KEY_LAST_PURGED, KEY_VOTE, LOG, META};
use super::types::{Entry, LogId, StorageError, TypeConfig, Vote};

/// The most operations committed in one transaction.
const MAX_BATCH: usize = 4096;

/// A cheap handle to the shared log; also its own reader.
#[derive(Clone)]
pub struct LogStore {
    shared: Arc<Shared>,
}

struct Shared {
    log: Mutex<Cached>,
    /// The writer thread owns the receiving side; it exits when every `LogStore` is dropped.
    writer: Mutex<mpsc::Sender<Op>>,
}

#[derive(Default)]
struct Cached {
    entries: BTreeMap<u64, Entry>,
    last_purged: Option<LogId>,
    vote: Option<Vote>,
    committed: Option<LogId>,
}

enum Op {
    Append {
        rows: Vec<(u64, Vec<u8>)>,
        done: LogFlushed<TypeConfig>,
    },
    /// Delete every row with index >= `from`.
    Truncate {
        from: u64,
        done: oneshot::Sender<io::Result<()>>,
    },
    /// Delete every row with index <= `upto`, recording the last purged id.
    Purge {
        upto: u64,
        last_purged: Vec<u8>,
        done: oneshot::Sender<io::Result<()>>,
    },
    Meta {
        key: &'static str,
        value: Vec<u8>,
        done: Option<oneshot::Sender<io::Result<()>>>,
    },
    /// Stop after everything queued before it, releasing the database.
    Close {
        done: oneshot::Sender<io::Result<()>>,
    },
}

impl Debug for LogStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LogStore").finish_non_exhaustive()
    }
}

impl LogStore {
    /// Loads the log from `db` and starts its writer thread.
    pub fn open(db: Arc<Database>) -> io::Result<LogStore> {
        let mut cached = Cached {
            last_purged: db::read_meta::<Option<LogId>>(&db, KEY_LAST_PURGED)?.flatten(),
            vote: db::read_meta(&db, KEY_VOTE)?,
            committed: db::read_meta::<Option<LogId>>(&db, KEY_COMMITTED)?.flatten(),
            ..Cached::default()
        };
        {
            let txn = db.begin_read().map_err(io::Error::other)?;
            let table = txn.open_table(LOG).map_err(io::Error::other)?;
            for row in table.iter().map_err(io::Error::other)? {
                let (k, v) = row.map_err(io::Error::other)?;
                cached.entries.insert(k.value(), db::decode(v.value())?);
            }
        }
        let (tx, rx) = mpsc::channel();
        std::thread::Builder::new().name("raft-log-writer".into()).spawn(move || writer_loop(db, &rx))?;
        Ok(LogStore { shared: Arc::new(Shared { log: Mutex::new(cached), writer: Mutex::new(tx) }) })
    }

    fn log(&self) -> MutexGuard<'_, Cached> {
        self.shared.log.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn send(&self, op: Op) -> io::Result<()> {
        let writer = self.shared.writer.lock().unwrap_or_else(|e| e.into_inner());
        writer.send(op).map_err(|_| io::Error::other("the raft log writer thread has stopped"))
    }

    /// Queues an operation and waits until it is durable.
    async fn send_and_wait(&self, op: impl FnOnce(oneshot::Sender<io::Result<()>>) -> Op) -> io::Result<()> {
        let (tx, rx) = oneshot::channel();
        self.send(op(tx))?;
        rx.await.map_err(|_| io::Error::other("the raft log writer thread has stopped"))?
    }

    /// Writes everything queued, then stops the writer thread and releases the database
    /// (so it can be opened again in this process).
    pub async fn close(&self) -> io::Result<()> {
        self.send_and_wait(|done| Op::Close { done }).await
    }

    /// Entries currently held (for metrics and tests of compaction).
    pub fn len(&self) -> usize {
        self.log().entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The writer thread: take everything queued, commit it in one transaction, report. It owns
/// its database handle and drops it when closed or when every `LogStore` is gone.
fn writer_loop(db: Arc<Database>, rx: &mpsc::Receiver<Op>) {
    let mut close = None;
    while let Ok(first) = rx.recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH && !matches!(batch.last(), Some(Op::Close { .. })) {
            match rx.try_recv() {
                Ok(op) => batch.push(op),
                Err(_) => break,
            }
        }
        if let Some(Op::Close { done }) = batch.pop_if(|op| matches!(op, Op::Close { .. })) {
            close = Some(done);
        }
        // Failures go back through each operation's callback; raft reports them.
        let result = write_batch(&db, &batch).map_err(|e| e.to_string());
        let outcome = || result.clone().map_err(io::Error::other);
        for op in batch {
            match op {
                Op::Append { done, .. } => done.log_io_completed(outcome()),
                Op::Truncate { done, .. } | Op::Purge { done, .. } => {
                    let _ = done.send(outcome());
                }
                Op::Meta { done, .. } => {
                    if let Some(done) = done {
                        let _ = done.send(outcome());
                    }
                }
                Op::Close { done } => {
                    let _ = done.send(Ok(()));
                }
            }
        }
        if close.is_some() {
            break;
        }
    }
    drop(db);
    if let Some(done) = close {
        let _ = done.send(Ok(()));
    }
}

fn write_batch(db: &Database, batch: &[Op]) -> Result<(), redb::Error> {
    let txn = db.begin_write()?;
    {
        let mut log = txn.open_table(LOG)?;
        let mut meta = txn.open_table(META)?;
        for op in batch {
            match op {
                Op::Append { rows, .. } => {
                    for (index, bytes) in rows {
                        log.insert(*index, bytes.as_slice())?;
                    }
                }
                Op::Truncate { from, .. } => {
                    log.retain_in(*from.., |_, _| false)?;
                }
                Op::Purge { upto, last_purged, .. } => {
                    meta.insert(KEY_LAST_PURGED, last_purged.as_slice())?;
                    log.retain_in(..=*upto, |_, _| false)?;
                }
                Op::Meta { key, value, .. } => {
                    meta.insert(*key, value.as_slice())?;
                }
                Op::Close { .. } => {}
            }
        }
    }
    txn.commit()?;
    Ok(())
}

impl RaftLogReader<TypeConfig> for LogStore {
    async fn try_get_log_entries<RB: RangeBounds<u64> + Clone + Debug + Send>(
        &mut self,
        range: RB,
    ) -> Result<Vec<Entry>, StorageError> {
        Ok(self.log().entries.range(range).map(|(_, e)| e.clone()).collect())
    }
}

impl RaftLogStorage<TypeConfig> for LogStore {
    type LogReader = LogStore;

    async fn get_log_state(&mut self) -> Result<LogState<TypeConfig>, StorageError> {
        let log = self.log();
        let last_log_id = log.entries.values().next_back().map(|e| *e.get_log_id()).or(log.last_purged);
        Ok(LogState { last_purged_log_id: log.last_purged, last_log_id })
    }

    async fn get_log_reader(&mut self) -> Self::LogReader {
        self.clone()
    }

    async fn save_vote(&mut self, vote: &Vote) -> Result<(), StorageError> {
        let value = db::encode(vote).map_err(|e| StorageIOError::write_vote(&e))?;
        self.send_and_wait(|done| Op::Meta { key: KEY_VOTE, value, done: Some(done) })
            .await
            .map_err(|e| StorageIOError::write_vote(&e))?;
        self.log().vote = Some(*vote);
        Ok(())
    }

    async fn read_vote(&mut self) -> Result<Option<Vote>, StorageError> {
        Ok(self.log().vote)
    }

    async fn save_committed(&mut self, committed: Option<LogId>) -> Result<(), StorageError> {
        // Not awaited: a lost committed marker only means re-applying from the last snapshot
        // after a crash, which raft does anyway once a leader commits again.
        let value = db::encode(&committed).map_err(|e| StorageIOError::write(&e))?;
        self.send(Op::Meta { key: KEY_COMMITTED, value, done: None }).map_err(|e| StorageIOError::write(&e))?;
        self.log().committed = committed;
        Ok(())
    }

    async fn read_committed(&mut self) -> Result<Option<LogId>, StorageError> {
        Ok(self.log().committed)
    }

    async fn append<I>(&mut self, entries: I, callback: LogFlushed<TypeConfig>) -> Result<(), StorageError>
    where
        I: IntoIterator<Item = Entry> + Send,
        I::IntoIter: Send,
    {
        let mut rows = Vec::new();
        {
            let mut log = self.log();
            for entry in entries {
                let id = *entry.get_log_id();
                let bytes = db::encode(&entry).map_err(|e| StorageIOError::write_log_entry(id, &e))?;
                rows.push((id.index, bytes));
                log.entries.insert(id.index, entry);
            }
        }
        self.send(Op::Append { rows, done: callback }).map_err(|e| StorageIOError::write_logs(&e))?;
        Ok(())
    }

    async fn truncate(&mut self, log_id: LogId) -> Result<(), StorageError> {
        self.log().entries.split_off(&log_id.index);
        self.send_and_wait(|done| Op::Truncate { from: log_id.index, done })
            .await
            .map_err(|e| StorageIOError::write_logs(&e))?;
        Ok(())
    }

    async fn purge(&mut self, log_id: LogId) -> Result<(), StorageError> {
        {
            let mut log = self.log();
            log.entries = log.entries.split_off(&(log_id.index + 1));
            log.last_purged = Some(log_id);
        }
        let last_purged = db::encode(&Some(log_id)).map_err(|e| StorageIOError::write_logs(&e))?;
        self.send_and_wait(|done| Op::Purge { upto: log_id.index, last_purged, done })
            .await
            .map_err(|e| StorageIOError::write_logs(&e))?;
        Ok(())
    }
}
