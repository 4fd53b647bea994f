//! The 1.8 intentions API's writes, applied onto the `service-intentions` entries of the
//! config-entry table (the reference 1.9's model, of which 1.8's API is a view). Each write
//! is checked completely before anything changes, and touches the entries it changes only.

use super::command::{CommandResult, Response, StateError};
use super::config_entry::{ConfigEntry, EntryIndex};
use super::intention::{Intention, IntentionOp, SERVICE_INTENTIONS, ServiceIntentions, intention_string};
use super::store::{Store, Table};

impl Store {
    pub(super) fn intention_apply(&mut self, index: u64, op: &IntentionOp) -> CommandResult {
        match op {
            IntentionOp::Create(intention) => {
                let intention = checked(intention)?;
                if self.intention_by_id(&intention.id).is_some() {
                    return Err(invalid(format!("an intention with ID {:?} already exists", intention.id)));
                }
                let mut entry = self.intentions_entry(&intention.destination_name);
                push_source(&mut entry, &intention, None)?;
                self.intentions_store(index, vec![entry]);
            }
            IntentionOp::SetExact(intention) => {
                let mut intention = checked(intention)?;
                let mut entry = self.intentions_entry(&intention.destination_name);
                let position = entry.sources.iter().position(|s| s.name == intention.source_name);
                if let Some(at) = position {
                    let previous = entry.sources.remove(at);
                    if !previous.legacy_id.is_empty() {
                        intention.id = previous.legacy_id;
                    }
                    if !previous.legacy_create_time.is_empty() {
                        intention.created_at = previous.legacy_create_time;
                    }
                } else if self.intention_by_id(&intention.id).is_some() {
                    return Err(invalid(format!("an intention with ID {:?} already exists", intention.id)));
                }
                push_source(&mut entry, &intention, position)?;
                self.intentions_store(index, vec![entry]);
            }
            IntentionOp::Update(intention) => {
                let mut intention = checked(intention)?;
                let Some((destination, position)) = self.intention_by_id(&intention.id) else {
                    return Err(invalid(format!("Cannot modify non-existent intention: '{}'", intention.id)));
                };
                let mut old = self.intentions_entry(&destination);
                let previous = old.sources.remove(position);
                intention.created_at = previous.legacy_create_time;
                if destination == intention.destination_name {
                    push_source(&mut old, &intention, Some(position))?;
                    self.intentions_store(index, vec![old]);
                } else {
                    let mut new = self.intentions_entry(&intention.destination_name);
                    push_source(&mut new, &intention, None)?;
                    self.intentions_store(index, vec![old, new]);
                }
            }
            IntentionOp::Delete { id } => {
                let Some((destination, position)) = self.intention_by_id(id) else {
                    return Err(invalid(format!("Cannot delete non-existent intention: '{id}'")));
                };
                let mut entry = self.intentions_entry(&destination);
                entry.sources.remove(position);
                self.intentions_store(index, vec![entry]);
            }
            IntentionOp::DeleteExact { source, destination } => {
                let mut entry = self.intentions_entry(destination);
                let before = entry.sources.len();
                entry.sources.retain(|s| s.name != *source);
                if entry.sources.len() != before {
                    self.intentions_store(index, vec![entry]);
                }
            }
        }
        Ok(Response::Done)
    }

    /// The destination of the intention whose 1.8 ID is `id`.
    pub fn intention_destination(&self, id: &str) -> Option<String> {
        self.intention_by_id(id).map(|(destination, _)| destination)
    }

    /// The destination and position of the source whose 1.8 ID is `id`.
    fn intention_by_id(&self, id: &str) -> Option<(String, usize)> {
        if id.is_empty() {
            return None;
        }
        self.config_entries.get(SERVICE_INTENTIONS)?.values().find_map(|entry| match entry {
            ConfigEntry::ServiceIntentions(e) => {
                e.sources.iter().position(|s| s.legacy_id == id).map(|at| (e.name.clone(), at))
            }
            _ => None,
        })
    }

    /// The stored entry of `destination`, or a new empty one.
    fn intentions_entry(&self, destination: &str) -> ServiceIntentions {
        match self.config_entry(SERVICE_INTENTIONS, destination) {
            Some(ConfigEntry::ServiceIntentions(e)) => e.clone(),
            _ => ServiceIntentions { name: destination.to_owned(), ..ServiceIntentions::default() },
        }
    }

    /// Stores changed entries at `index`; one left without sources is removed.
    fn intentions_store(&mut self, index: u64, entries: Vec<ServiceIntentions>) {
        let table = self.config_entries.entry(SERVICE_INTENTIONS.to_owned()).or_default();
        for mut entry in entries {
            if entry.sources.is_empty() {
                table.remove(&entry.name);
                continue;
            }
            entry.normalize();
            let create_index = if entry.index.create_index == 0 { index } else { entry.index.create_index };
            entry.index = EntryIndex { create_index, modify_index: index };
            table.insert(entry.name.clone(), ConfigEntry::ServiceIntentions(entry));
        }
        if table.is_empty() {
            self.config_entries.remove(SERVICE_INTENTIONS);
        }
        self.touch(Table::ConfigEntries, index);
    }
}

/// The intention with the reference's defaults filled in, if it is valid.
fn checked(intention: &Intention) -> Result<Intention, StateError> {
    let mut intention = intention.clone();
    intention.defaults();
    intention.validate().map_err(invalid)?;
    if intention.id.is_empty() {
        return Err(invalid("an intention write needs its ID".to_owned()));
    }
    Ok(intention)
}

/// Adds `intention` to its destination's entry (at `position`, or last), unless the entry
/// has a source of that name already.
fn push_source(
    entry: &mut ServiceIntentions,
    intention: &Intention,
    position: Option<usize>,
) -> Result<(), StateError> {
    if let Some(existing) = entry.sources.iter().find(|s| s.name == intention.source_name) {
        let e = Intention::of(entry, existing);
        let shown = intention_string(&e.action, &e.source(), &e.destination(), &e.id, e.precedence);
        return Err(invalid(format!("duplicate intention found: {shown}")));
    }
    let source = intention.to_source();
    match position {
        Some(at) if at <= entry.sources.len() => entry.sources.insert(at, source),
        _ => entry.sources.push(source),
    }
    entry.validate().map_err(invalid)
}

fn invalid(message: String) -> StateError {
    StateError::InvalidIntention(message)
}
