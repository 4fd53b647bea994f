//! Keyring operations across a pool: the member asked sends the operation to every member it
//! knows alive, sealed, each applies it to its own keyring and answers with its keys; the
//! answers are counted as the reference's keyring responses (`Keys` with how many members hold
//! each, `NumNodes`, and `Messages` with a member's error).
//!
//! Inside a sealed packet the first byte says what follows: a SWIM packet, a query or an
//! answer. Queries are resent to members that did not answer yet (gossip is UDP) until every
//! one did or the time is up; applying one twice changes nothing. Only sealed packets carry
//! queries, so nobody without a key can ask.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::keyring::Keyring;
use super::{Io, Member, MemberId, MemberStatus};

/// What is inside a sealed packet.
pub(super) const SWIM: u8 = 0;
pub(super) const QUERY: u8 = 1;
pub(super) const ANSWER: u8 = 2;

/// How long a query waits for every member to answer.
pub(super) const QUERY_TIMEOUT: Duration = Duration::from_secs(5);
/// How often it is sent again to members that have not answered.
pub(super) const RESEND: Duration = Duration::from_millis(400);
/// A query older than this (by its sender's clock) is ignored: a recorded one cannot be
/// replayed later.
const MAX_AGE_MS: u64 = 60_000;
/// How long a member remembers a query it answered, so that a replay within
/// [`MAX_AGE_MS`] either way of the clocks' difference gets the same answer and changes
/// nothing.
pub(super) const REMEMBER: Duration = Duration::from_millis(2 * MAX_AGE_MS);

/// A keyring operation (`/v1/operator/keyring`: GET, POST, PUT, DELETE). Its `Debug` names
/// the operation only: keys never reach a log.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum KeyringOp {
    List,
    Install(String),
    Use(String),
    Remove(String),
}

impl std::fmt::Debug for KeyringOp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            KeyringOp::List => "list",
            KeyringOp::Install(_) => "install",
            KeyringOp::Use(_) => "use",
            KeyringOp::Remove(_) => "remove",
        })
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct Query {
    pub id: u64,
    pub from: MemberId,
    pub sent_ms: u64,
    pub op: KeyringOp,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct Answer {
    pub id: u64,
    pub node: String,
    pub error: Option<String>,
    pub keys: Vec<String>,
}

/// What one pool's members answered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoolKeys {
    /// Members asked (this one included).
    pub num_nodes: usize,
    /// Each key, and how many members hold it.
    pub keys: BTreeMap<String, usize>,
    /// A member's error, or that it did not answer.
    pub messages: BTreeMap<String, String>,
}

pub(super) fn now_ms() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64)
}

/// `kind`, then `body`: what is sealed.
pub(super) fn frame(kind: u8, body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() + 1);
    out.push(kind);
    out.extend_from_slice(body);
    out
}

/// Applies `op` to `keyring`; this member's answer.
pub(super) fn apply(keyring: &Keyring, id: u64, node: &str, op: &KeyringOp) -> Answer {
    let result = match op {
        KeyringOp::List => Ok(()),
        KeyringOp::Install(key) => keyring.install(key),
        KeyringOp::Use(key) => keyring.use_key(key),
        KeyringOp::Remove(key) => keyring.remove(key),
    };
    Answer { id, node: node.to_owned(), error: result.err().map(|e| e.to_string()), keys: keyring.keys() }
}

/// A query that arrived, if it is fresh enough to act on.
pub(super) fn fresh(query: Query) -> Option<Query> {
    let now = now_ms();
    (now.abs_diff(query.sent_ms) <= MAX_AGE_MS).then_some(query)
}

/// A query this member sent, waiting for answers.
pub(super) struct Pending {
    pub query: Query,
    /// Members that have not answered yet.
    pub waiting: BTreeMap<String, MemberId>,
    pub answers: Vec<Answer>,
    pub deadline: tokio::time::Instant,
    pub resend_at: tokio::time::Instant,
    pub done: tokio::sync::oneshot::Sender<PoolKeys>,
}

impl Pending {
    /// The count of what was answered; members that never did are named in `messages`.
    pub fn finish(self) {
        let mut result = PoolKeys { num_nodes: self.answers.len() + self.waiting.len(), ..PoolKeys::default() };
        for answer in &self.answers {
            for key in &answer.keys {
                *result.keys.entry(key.clone()).or_default() += 1;
            }
            if let Some(error) = &answer.error {
                result.messages.insert(answer.node.clone(), error.clone());
            }
        }
        for name in self.waiting.keys() {
            result.messages.insert(name.clone(), "no answer (is its keyring missing the primary key?)".into());
        }
        let _ = self.done.send(result);
    }
}

/// Sends `op` to every other member known alive and applies it here; the query waiting for
/// their answers (`None` when nobody else is there to ask: then it is answered already).
pub(super) async fn ask(
    io: &Io,
    me: &MemberId,
    members: &BTreeMap<String, Member>,
    op: KeyringOp,
    done: tokio::sync::oneshot::Sender<PoolKeys>,
) -> Option<Pending> {
    let keyring = io.keyring.as_ref()?;
    let id = rand::random::<u64>();
    let query = Query { id, from: me.clone(), sent_ms: now_ms(), op };
    let waiting: BTreeMap<String, MemberId> = members
        .values()
        .filter(|m| m.status == MemberStatus::Alive && m.id.name != me.name && !m.id.is_probe())
        .map(|m| (m.id.name.clone(), m.id.clone()))
        .collect();
    // Sealed before this member applies the operation (a `use` changes what seals): every
    // member that can act on it can read it.
    if let Some(packet) = io.sealed(QUERY, &query) {
        for to in waiting.values() {
            io.send(to, packet.clone()).await;
        }
    }
    let answer = apply(keyring, id, &me.name, &query.op);
    tracing::info!(op = ?query.op, members = waiting.len(), error = ?answer.error, "keyring operation sent to the pool");
    let now = tokio::time::Instant::now();
    let pending =
        Pending { query, waiting, answers: vec![answer], deadline: now + QUERY_TIMEOUT, resend_at: now + RESEND, done };
    if pending.waiting.is_empty() {
        pending.finish();
        return None;
    }
    Some(pending)
}

/// Sends each query again to the members that have not answered, and finishes those whose
/// time is up.
pub(super) async fn resend_or_finish(io: &Io, queries: &mut BTreeMap<u64, Pending>) {
    let now = tokio::time::Instant::now();
    let expired: Vec<u64> = queries.iter().filter(|(_, q)| q.deadline <= now).map(|(id, _)| *id).collect();
    for id in expired {
        if let Some(pending) = queries.remove(&id) {
            pending.finish();
        }
    }
    for pending in queries.values_mut().filter(|q| q.resend_at <= now) {
        if let Some(packet) = io.sealed(QUERY, &pending.query) {
            for to in pending.waiting.values() {
                io.send(to, packet.clone()).await;
            }
        }
        pending.resend_at = now + RESEND;
    }
}

/// Answers a query that arrived: applies it (once: one seen before, resent or replayed, gets
/// the answer remembered) and sends the answer back.
pub(super) async fn answer(
    io: &Io,
    name: &str,
    query: Query,
    answered: &mut BTreeMap<u64, (tokio::time::Instant, Vec<u8>)>,
) {
    let (Some(keyring), Some(query)) = (&io.keyring, fresh(query)) else { return };
    let now = tokio::time::Instant::now();
    answered.retain(|_, (at, _)| now.duration_since(*at) < REMEMBER);
    if let Some((_, packet)) = answered.get(&query.id) {
        io.send(&query.from, packet.clone()).await;
        return;
    }
    let answer = apply(keyring, query.id, name, &query.op);
    tracing::info!(op = ?query.op, from = %query.from.name, error = ?answer.error, "keyring operation");
    if let Some(packet) = io.sealed(ANSWER, &answer) {
        answered.insert(query.id, (now, packet.clone()));
        io.send(&query.from, packet).await;
    }
}

/// Counts an answer to a query this member sent; the last one awaited finishes it.
pub(super) fn count(queries: &mut BTreeMap<u64, Pending>, answer: Answer) {
    let id = answer.id;
    let Some(pending) = queries.get_mut(&id) else { return };
    if pending.waiting.remove(&answer.node).is_none() {
        return;
    }
    pending.answers.push(answer);
    if pending.waiting.is_empty()
        && let Some(done) = queries.remove(&id)
    {
        done.finish();
    }
}
