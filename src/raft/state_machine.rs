//! The raft state machine: applies committed commands to the [`Store`], builds and installs
//! snapshots. The store lives in memory; the latest snapshot is persisted in the raft
//! database, so a restart loads it and raft re-applies the log after it.

use std::io::Cursor;
use std::sync::Arc;

use openraft::storage::{RaftStateMachine, Snapshot};
use openraft::{EntryPayload, RaftSnapshotBuilder, StorageIOError};
use redb::Database;
use serde::{Deserialize, Serialize};

use super::db::{self, KEY_SNAPSHOT_DATA, KEY_SNAPSHOT_META, META};
use super::types::{LogId, SnapshotMeta, StorageError, StoredMembership, TypeConfig};
use crate::state::{CommandResult, Response, StateHandle, Store};

/// The raft-side state next to the store: what was applied last and the membership.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Applied {
    last_applied: Option<LogId>,
    membership: StoredMembership,
}

/// A persisted snapshot: its metadata and the encoded store.
#[derive(Debug, Clone)]
struct StoredSnapshot {
    meta: SnapshotMeta,
    data: Vec<u8>,
}

pub struct StateMachine {
    state: StateHandle,
    applied: Applied,
    db: Arc<Database>,
    current: Option<StoredSnapshot>,
}

impl std::fmt::Debug for StateMachine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StateMachine").field("applied", &self.applied).finish_non_exhaustive()
    }
}

impl StateMachine {
    /// Restores the latest snapshot from `db`, if any, into a fresh state handle.
    pub fn open(db: Arc<Database>) -> std::io::Result<StateMachine> {
        let meta: Option<SnapshotMeta> = db::read_meta(&db, KEY_SNAPSHOT_META)?;
        let data = db::read_raw(&db, KEY_SNAPSHOT_DATA)?;
        let (store, applied, current) = match (meta, data) {
            (Some(meta), Some(data)) => {
                let store: Store = db::decode(&data)?;
                let applied = Applied { last_applied: meta.last_log_id, membership: meta.last_membership.clone() };
                (store, applied, Some(StoredSnapshot { meta, data }))
            }
            _ => (Store::new(), Applied::default(), None),
        };
        Ok(StateMachine { state: StateHandle::new(store), applied, db, current })
    }

    /// The shared state the HTTP API reads.
    pub fn state(&self) -> StateHandle {
        self.state.clone()
    }
}

/// Writes `snapshot` as the latest one, in one transaction.
fn persist(db: &Database, snapshot: &StoredSnapshot) -> Result<(), redb::Error> {
    let meta = db::encode(&snapshot.meta).map_err(redb::Error::Io)?;
    let txn = db.begin_write()?;
    {
        let mut table = txn.open_table(META)?;
        table.insert(KEY_SNAPSHOT_META, meta.as_slice())?;
        table.insert(KEY_SNAPSHOT_DATA, snapshot.data.as_slice())?;
    }
    txn.commit()?;
    Ok(())
}

/// Builds a snapshot from a consistent copy of the store.
#[derive(Debug)]
pub struct SnapshotBuilder {
    store: Store,
    applied: Applied,
    db: Arc<Database>,
}

impl RaftSnapshotBuilder<TypeConfig> for SnapshotBuilder {
    async fn build_snapshot(&mut self) -> Result<Snapshot<TypeConfig>, StorageError> {
        let data = db::encode(&self.store).map_err(|e| StorageIOError::read_state_machine(&e))?;
        let snapshot_id = match self.applied.last_applied {
            Some(id) => format!("{}-{}-{}", id.leader_id.term, id.leader_id.node_id, id.index),
            None => "empty".to_owned(),
        };
        let meta = SnapshotMeta {
            last_log_id: self.applied.last_applied,
            last_membership: self.applied.membership.clone(),
            snapshot_id,
        };
        let stored = StoredSnapshot { meta: meta.clone(), data: data.clone() };
        persist(&self.db, &stored).map_err(|e| StorageIOError::write_snapshot(Some(meta.signature()), &e))?;
        tracing::debug!(snapshot = %meta.snapshot_id, bytes = data.len(), "built raft snapshot");
        Ok(Snapshot { meta, snapshot: Box::new(Cursor::new(data)) })
    }
}

impl RaftStateMachine<TypeConfig> for StateMachine {
    type SnapshotBuilder = SnapshotBuilder;

    async fn applied_state(&mut self) -> Result<(Option<LogId>, StoredMembership), StorageError> {
        Ok((self.applied.last_applied, self.applied.membership.clone()))
    }

    async fn apply<I>(&mut self, entries: I) -> Result<Vec<CommandResult>, StorageError>
    where
        I: IntoIterator<Item = openraft::Entry<TypeConfig>> + Send,
        I::IntoIter: Send,
    {
        let applied = &mut self.applied;
        // One write lock per batch: readers see whole batches, waiters wake once.
        Ok(self.state.write(|store| {
            entries
                .into_iter()
                .map(|entry| {
                    applied.last_applied = Some(entry.log_id);
                    match entry.payload {
                        EntryPayload::Blank => Ok(Response::Done),
                        EntryPayload::Normal(command) => store.apply(entry.log_id.index, &command),
                        EntryPayload::Membership(membership) => {
                            applied.membership = StoredMembership::new(Some(entry.log_id), membership);
                            Ok(Response::Done)
                        }
                    }
                })
                .collect()
        }))
    }

    async fn get_snapshot_builder(&mut self) -> Self::SnapshotBuilder {
        SnapshotBuilder { store: self.state.read(Store::clone), applied: self.applied.clone(), db: self.db.clone() }
    }

    async fn begin_receiving_snapshot(&mut self) -> Result<Box<Cursor<Vec<u8>>>, StorageError> {
        Ok(Box::new(Cursor::new(Vec::new())))
    }

    async fn install_snapshot(
        &mut self,
        meta: &SnapshotMeta,
        snapshot: Box<Cursor<Vec<u8>>>,
    ) -> Result<(), StorageError> {
        let data = snapshot.into_inner();
        let store: Store = db::decode(&data).map_err(|e| StorageIOError::read_snapshot(Some(meta.signature()), &e))?;
        let stored = StoredSnapshot { meta: meta.clone(), data };
        persist(&self.db, &stored).map_err(|e| StorageIOError::write_snapshot(Some(meta.signature()), &e))?;
        self.state.replace(store);
        self.applied = Applied { last_applied: meta.last_log_id, membership: meta.last_membership.clone() };
        self.current = Some(stored);
        Ok(())
    }

    async fn get_current_snapshot(&mut self) -> Result<Option<Snapshot<TypeConfig>>, StorageError> {
        // The builder persists without telling us; the database is the source of truth.
        let meta: Option<SnapshotMeta> =
            db::read_meta(&self.db, KEY_SNAPSHOT_META).map_err(|e| StorageIOError::read_snapshot(None, &e))?;
        if let Some(meta) = meta
            && self.current.as_ref().is_none_or(|c| c.meta.snapshot_id != meta.snapshot_id)
        {
            let data = db::read_raw(&self.db, KEY_SNAPSHOT_DATA)
                .map_err(|e| StorageIOError::read_snapshot(None, &e))?
                .unwrap_or_default();
            self.current = Some(StoredSnapshot { meta, data });
        }
        Ok(self
            .current
            .as_ref()
            .map(|s| Snapshot { meta: s.meta.clone(), snapshot: Box::new(Cursor::new(s.data.clone())) }))
    }
}
