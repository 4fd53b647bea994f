//! The raft database: one redb file (`<data-dir>/raft.db`), or memory for `-dev`.
//!
//! Tables: `log` (index -> encoded entry) and `meta` (vote, committed, last purged log id,
//! the latest snapshot and its metadata).

use std::path::Path;
use std::sync::Arc;

use redb::{Database, TableDefinition};
use serde::Serialize;
use serde::de::DeserializeOwned;

pub const LOG: TableDefinition<u64, &[u8]> = TableDefinition::new("log");
pub const META: TableDefinition<&str, &[u8]> = TableDefinition::new("meta");

pub const KEY_VOTE: &str = "vote";
pub const KEY_COMMITTED: &str = "committed";
pub const KEY_LAST_PURGED: &str = "last_purged";
pub const KEY_SNAPSHOT_META: &str = "snapshot_meta";
pub const KEY_SNAPSHOT_DATA: &str = "snapshot_data";

/// Opens (creating if needed) the database in `dir`, or an in-memory one.
pub fn open(dir: Option<&Path>) -> Result<Arc<Database>, redb::Error> {
    let db = match dir {
        Some(dir) => {
            // It holds the Connect CA's signing key: owner only, before redb writes a byte.
            let path = dir.join("raft.db");
            crate::files::ensure_private_file(&path).map_err(redb::StorageError::from)?;
            Database::create(path)?
        }
        None => Database::builder().create_with_backend(redb::backends::InMemoryBackend::new())?,
    };
    // Create the tables so readers never meet a missing table.
    let txn = db.begin_write()?;
    txn.open_table(LOG)?;
    txn.open_table(META)?;
    txn.commit()?;
    Ok(Arc::new(db))
}

/// MessagePack with field names: compact, and self-describing enough for serde's flatten.
pub fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>, std::io::Error> {
    rmp_serde::to_vec_named(value).map_err(std::io::Error::other)
}

pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, std::io::Error> {
    rmp_serde::from_slice(bytes).map_err(std::io::Error::other)
}

/// Reads and decodes one meta value.
pub fn read_meta<T: DeserializeOwned>(db: &Database, key: &str) -> Result<Option<T>, std::io::Error> {
    read_raw(db, key)?.map(|bytes| decode(&bytes)).transpose()
}

/// Reads one meta value's bytes.
pub fn read_raw(db: &Database, key: &str) -> Result<Option<Vec<u8>>, std::io::Error> {
    use redb::ReadableDatabase;
    let txn = db.begin_read().map_err(std::io::Error::other)?;
    let table = txn.open_table(META).map_err(std::io::Error::other)?;
    Ok(table.get(key).map_err(std::io::Error::other)?.map(|v| v.value().to_vec()))
}
