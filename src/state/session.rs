//! Sessions (`/v1/session/*`): what a session is, and the session table of the store — its
//! one apply function, the invalidation every catalog change runs (a session whose node went,
//! or one of whose checks went or turned critical, is destroyed in the same entry), and its
//! reads. Destroying a session releases (or, with behavior `delete`, deletes) the keys it
//! holds, as the reference's `state/session.go`.

use serde::{Deserialize, Serialize};

use super::command::{CommandResult, Response, StateError};
use super::store::{Store, Table};
use super::types::{HealthStatus, RaftIndex};

/// The check every session has unless told otherwise: the node's gossip health.
pub const SERF_HEALTH: &str = "serfHealth";
/// The longest lock-delay a session gets, whatever it asked for.
pub const MAX_LOCK_DELAY: std::time::Duration = std::time::Duration::from_secs(60);

/// What happens to the keys a session holds when it is destroyed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SessionBehavior {
    /// They are unlocked (`Session` cleared, the value kept).
    #[default]
    Release,
    /// They are deleted.
    Delete,
}

/// A service check a session depends on.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ServiceCheck {
    #[serde(rename = "ID")]
    pub id: String,
    pub namespace: String,
}

/// A session, as the reference's `structs.Session` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Session {
    #[serde(rename = "ID")]
    pub id: String,
    pub name: String,
    pub node: String,
    /// The node's checks it depends on (by check ID).
    pub node_checks: Vec<String>,
    pub service_checks: Vec<ServiceCheck>,
    /// Nanoseconds, as the reference's JSON.
    pub lock_delay: u64,
    pub behavior: SessionBehavior,
    /// As given (`"15s"`); empty: no TTL.
    #[serde(rename = "TTL")]
    pub ttl: String,
    #[serde(flatten)]
    pub index: RaftIndex,
}

impl Session {
    /// Every check ID it depends on.
    fn checks(&self) -> impl Iterator<Item = &str> {
        self.node_checks.iter().map(String::as_str).chain(self.service_checks.iter().map(|c| c.id.as_str()))
    }
}

/// Session writes (`Session.Apply`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum SessionOp {
    Create(Box<Session>),
    /// Idempotent: an unknown ID changes nothing.
    Destroy {
        id: String,
    },
}

impl Store {
    pub(super) fn session_apply(&mut self, index: u64, op: &SessionOp) -> CommandResult {
        match op {
            SessionOp::Create(session) => self.session_create(index, session),
            SessionOp::Destroy { id } => {
                self.session_destroy(index, id);
                Ok(Response::Done)
            }
        }
    }

    /// Checks everything first (the node, each check there and not critical), in the
    /// reference's words; then stores it.
    fn session_create(&mut self, index: u64, session: &Session) -> CommandResult {
        let rejected = |message: String| Err(StateError::Session(message));
        if session.id.is_empty() {
            return rejected("Missing session ID".into());
        }
        if self.sessions.contains_key(&session.id) {
            return rejected(format!("Session {:?} already exists", session.id));
        }
        if session.node.is_empty() {
            return rejected("Must provide Node".into());
        }
        if !self.nodes.contains_key(&session.node) {
            return rejected("Missing node registration".into());
        }
        let checks = self.checks.get(&session.node);
        for id in session.checks() {
            match checks.and_then(|c| c.get(id)) {
                None => return rejected(format!("Missing check '{id}' registration")),
                Some(check) if check.status == HealthStatus::Critical => {
                    return rejected(format!("Check '{id}' is in critical state"));
                }
                Some(_) => {}
            }
        }
        let mut stored = session.clone();
        stored.index = RaftIndex { create_index: index, modify_index: index };
        self.sessions.insert(stored.id.clone(), stored);
        self.touch(Table::Sessions, index);
        Ok(Response::Done)
    }

    /// Removes session `id` and lets go of its keys: released (`Session` cleared, the value
    /// and LockIndex kept) or, with behavior `delete`, deleted.
    pub(super) fn session_destroy(&mut self, index: u64, id: &str) {
        let Some(session) = self.sessions.remove(id) else { return };
        self.touch(Table::Sessions, index);
        let held: Vec<String> = self.kv.iter().filter(|(_, e)| e.session == id).map(|(k, _)| k.clone()).collect();
        let delay = std::time::Duration::from_nanos(session.lock_delay).min(MAX_LOCK_DELAY);
        if !delay.is_zero() {
            self.released_locks.extend(held.iter().map(|k| (k.clone(), delay)));
        }
        for key in &held {
            match session.behavior {
                SessionBehavior::Delete => {
                    self.kv.remove(key);
                }
                SessionBehavior::Release => {
                    if let Some(entry) = self.kv.get_mut(key) {
                        entry.session.clear();
                        entry.index.modify_index = index;
                    }
                }
            }
        }
        if !held.is_empty() {
            self.touch(Table::Kv, index);
        }
    }

    /// After a catalog change: destroys every session whose node is gone, or one of whose
    /// checks is gone or critical (in the same raft entry, as the reference).
    pub(super) fn invalidate_sessions(&mut self, index: u64) {
        if self.sessions.is_empty() {
            return;
        }
        let invalid: Vec<String> = self
            .sessions
            .values()
            .filter(|s| {
                let checks = self.checks.get(&s.node);
                !self.nodes.contains_key(&s.node)
                    || s.checks()
                        .any(|id| checks.and_then(|c| c.get(id)).is_none_or(|c| c.status == HealthStatus::Critical))
            })
            .map(|s| s.id.clone())
            .collect();
        for id in invalid {
            self.session_destroy(index, &id);
        }
    }

    /// Session `id`, if it exists.
    pub fn session(&self, id: &str) -> Option<&Session> {
        self.sessions.get(id)
    }

    /// Every session, or those of `node`.
    pub fn sessions(&self, node: Option<&str>) -> Vec<Session> {
        self.sessions.values().filter(|s| node.is_none_or(|n| s.node == n)).cloned().collect()
    }
}
