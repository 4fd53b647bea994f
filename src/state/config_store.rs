//! The config-entry table of the store: its one apply function and its reads. Entries are
//! kept by kind, then name, so every listing comes out sorted by (kind, name) as the
//! reference's replication compares them.

use std::collections::BTreeMap;

use super::command::{CommandResult, ConfigEntryOp, Response, StateError};
use super::config_entry::{ConfigEntries, ConfigEntry, EntryIndex};
use super::intention::SERVICE_INTENTIONS;
use super::store::{Store, Table};

impl Store {
    /// Applies a config-entry command of raft log entry `index`. Validated completely before
    /// anything changes: a rejected command leaves the table as it was.
    pub(super) fn config_entry_apply(&mut self, index: u64, op: &ConfigEntryOp) -> CommandResult {
        match op {
            ConfigEntryOp::Set { entry, cas } => self.config_entry_set(index, entry, *cas),
            ConfigEntryOp::Delete { kind, name } => {
                let Some(by_name) = self.config_entries.get_mut(kind) else { return Ok(Response::Done) };
                if by_name.remove(name).is_some() {
                    if by_name.is_empty() {
                        self.config_entries.remove(kind);
                    }
                    self.touch(Table::ConfigEntries, index);
                }
                Ok(Response::Done)
            }
            ConfigEntryOp::Replace { entries } => self.config_entries_replace(index, entries),
            ConfigEntryOp::Intention(op) => self.intention_apply(index, op),
        }
    }

    fn config_entry_set(&mut self, index: u64, entry: &ConfigEntry, cas: Option<u64>) -> CommandResult {
        let mut entry = entry.clone();
        entry.normalize();
        entry.validate().map_err(StateError::InvalidConfigEntry)?;
        // A user's new version of a `service-intentions` entry keeps what the 1.8 API gave its
        // sources (their IDs), as the reference 1.9.
        let name = entry.name().to_owned();
        if let (ConfigEntry::ServiceIntentions(new), Some(ConfigEntry::ServiceIntentions(stored))) =
            (&mut entry, self.config_entry(SERVICE_INTENTIONS, &name))
        {
            new.keep_legacy_of(stored);
        }
        let existing = self.config_entry(entry.kind(), entry.name()).map(ConfigEntry::index);
        if let Some(cas) = cas {
            let matches = match existing {
                None => cas == 0,
                Some(stored) => cas != 0 && stored.modify_index == cas,
            };
            if !matches {
                return Ok(Response::Bool(false));
            }
        }
        let create_index = existing.map_or(index, |i| i.create_index);
        *entry.index_mut() = EntryIndex { create_index, modify_index: index };
        let (kind, name) = (entry.kind().to_owned(), entry.name().to_owned());
        self.config_entries.entry(kind).or_default().insert(name, entry);
        self.touch(Table::ConfigEntries, index);
        Ok(Response::Bool(true))
    }

    /// Makes the table hold exactly `entries`, each as given (only its indexes are this
    /// datacenter's): unchanged entries keep theirs, so replicating an unchanged table wakes
    /// nobody.
    fn config_entries_replace(&mut self, index: u64, entries: &[ConfigEntry]) -> CommandResult {
        for entry in entries {
            entry
                .validate()
                .map_err(|why| StateError::InvalidConfigEntry(format!("{} {:?}: {why}", entry.kind(), entry.name())))?;
        }
        let mut next: BTreeMap<String, BTreeMap<String, ConfigEntry>> = BTreeMap::new();
        let mut changed = false;
        for entry in entries {
            let mut entry = entry.clone();
            let stored = match self.config_entry(entry.kind(), entry.name()) {
                Some(old) if old.same_content(&entry) => old.clone(),
                Some(old) => {
                    changed = true;
                    *entry.index_mut() = EntryIndex { create_index: old.index().create_index, modify_index: index };
                    entry
                }
                None => {
                    changed = true;
                    *entry.index_mut() = EntryIndex { create_index: index, modify_index: index };
                    entry
                }
            };
            next.entry(stored.kind().to_owned()).or_default().insert(stored.name().to_owned(), stored);
        }
        // Nothing new or changed: the table changed only if an entry is gone.
        let count = |t: &BTreeMap<String, BTreeMap<String, ConfigEntry>>| t.values().map(BTreeMap::len).sum::<usize>();
        if changed || count(&next) != count(&self.config_entries) {
            self.config_entries = next;
            self.touch(Table::ConfigEntries, index);
        }
        Ok(Response::Done)
    }

    /// One entry, if stored.
    pub fn config_entry(&self, kind: &str, name: &str) -> Option<&ConfigEntry> {
        self.config_entries.get(kind)?.get(name)
    }

    /// Every entry of `kind` (or of every kind), sorted by (kind, name).
    pub fn config_entries(&self, kind: Option<&str>) -> Vec<ConfigEntry> {
        self.config_entries
            .iter()
            .filter(|(k, _)| kind.is_none_or(|want| want == k.as_str()))
            .flat_map(|(_, by_name)| by_name.values().cloned())
            .collect()
    }

    /// Every entry a discovery chain reads, sorted by kind: what a proxy's configuration is
    /// compiled from.
    pub fn discovery_chain_entries(&self) -> ConfigEntries {
        ConfigEntries::from_entries(self.config_entries(None))
    }
}
