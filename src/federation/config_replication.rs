//! Each secondary's leader mirrors the primary's config entries (the reference's `config entry
//! replication` leader routine). Each round is a blocking list of every entry at the primary,
//! waiting for its table to pass the index of the last round; the answer is compared with the
//! local table by (kind, name): an entry only here is deleted, one only at the primary or
//! whose content differs is written. The changes are applied as one raft command that makes
//! the local table equal to the primary's, so readers never see half a round, and a replicated
//! entry keeps the primary's content exactly (only its indexes are this datacenter's).
//! It runs in the one replication loop (`replicator`); its status is kept for
//! `/v1/internal/config-entries/replication`.

use serde::{Deserialize, Serialize};

use super::replicator::{Reach, Replicated, Status};
use crate::state::{Command, ConfigEntry, ConfigEntryOp, Query, QueryResult, ReadReply};

/// What config-entry replication last did, for operators.
pub type ConfigReplicationStatus = Status<ConfigCounters>;

/// What config-entry replication adds to its status.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ConfigCounters {
    /// Config entries held here after the last round.
    pub local_entries: usize,
    /// Config entries written or removed here by replication since this server started.
    pub entries_applied: u64,
    /// Entries of the primary this datacenter refuses (`<kind> "<name>": <why>`; a rule this
    /// version has and the primary's lacks): left out, the others replicated all the same.
    pub skipped: Vec<String>,
}

/// What replication changes locally to equal the primary: entries only here are deleted,
/// entries only at the primary or whose content differs are written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConfigEntryDiff {
    /// (kind, name) of the entries to delete.
    pub deletes: Vec<(String, String)>,
    pub upserts: Vec<ConfigEntry>,
}

impl ConfigEntryDiff {
    pub fn is_empty(&self) -> bool {
        self.deletes.is_empty() && self.upserts.is_empty()
    }

    /// How many entries the diff writes or removes.
    pub fn len(&self) -> usize {
        self.deletes.len() + self.upserts.len()
    }
}

/// Compares the local table with the primary's by (kind, name), and by content (never by
/// index: each datacenter stores an entry at its own raft indexes). Pure.
pub fn diff_config_entries(local: &[ConfigEntry], remote: &[ConfigEntry]) -> ConfigEntryDiff {
    let key = |e: &ConfigEntry| (e.kind().to_owned(), e.name().to_owned());
    let remote_keys: std::collections::BTreeSet<(String, String)> = remote.iter().map(key).collect();
    let local_by_key: std::collections::BTreeMap<(String, String), &ConfigEntry> =
        local.iter().map(|e| (key(e), e)).collect();
    let deletes = local_by_key.keys().filter(|k| !remote_keys.contains(*k)).cloned().collect();
    let upserts =
        remote.iter().filter(|r| !local_by_key.get(&key(r)).is_some_and(|l| l.same_content(r))).cloned().collect();
    ConfigEntryDiff { deletes, upserts }
}

/// The config-entry table, replicated by the one loop (`replicator`).
#[derive(Debug, Default)]
pub struct ConfigEntryTable;

impl Replicated for ConfigEntryTable {
    type Extra = ConfigCounters;
    const NAME: &'static str = "config entry replication";

    fn query(&self, _index: u64) -> Query {
        Query::ConfigEntries { kind: None }
    }

    async fn apply(
        &mut self,
        reach: &Reach<'_>,
        last_index: u64,
        reply: ReadReply,
        extra: &mut ConfigCounters,
    ) -> Result<u64, String> {
        round(reach.raft, last_index, reply, extra).await
    }
}

/// Applies one answer of the primary: the diff against the local table, as one command.
async fn round(
    raft: &crate::raft::RaftNode,
    last_index: u64,
    reply: ReadReply,
    counters: &mut ConfigCounters,
) -> Result<u64, String> {
    let QueryResult::ConfigEntries(mut remote) = reply.result else {
        return Err("the primary answered the config-entry list with another kind of reply".to_owned());
    };
    // One entry this datacenter refuses must not hold back all the others.
    let mut skipped = Vec::new();
    remote.retain(|e| match e.validate() {
        Ok(()) => true,
        Err(why) => {
            skipped.push(format!("{} {:?}: {why}", e.kind(), e.name()));
            false
        }
    });
    if !skipped.is_empty() {
        tracing::warn!(?skipped, "config entries of the primary refused here; the others are replicated");
    }
    if reply.index < last_index {
        // The primary's state was rebuilt (restored from a snapshot, say): the whole table is
        // compared anyway, and the next round waits from the index it answered.
        tracing::warn!(
            from = last_index,
            to = reply.index,
            "Config Entry replication remote index moved backwards, forcing a full Config Entry sync"
        );
    }
    let local = raft.state().read(|s| s.config_entries(None));
    let diff = diff_config_entries(&local, &remote);
    tracing::debug!(
        local = local.len(),
        remote = remote.len(),
        deletions = diff.deletes.len(),
        updates = diff.upserts.len(),
        "Config Entry replication"
    );
    let (held, applied) = (remote.len(), diff.len() as u64);
    counters.skipped = skipped;
    if !diff.is_empty() {
        raft.apply(Command::ConfigEntry(ConfigEntryOp::Replace { entries: remote }))
            .await
            .map_err(|e| format!("applying the primary's config entries locally: {e}"))?;
    }
    counters.local_entries = held;
    counters.entries_applied += applied;
    Ok(reply.index)
}
