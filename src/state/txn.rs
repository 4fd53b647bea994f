//! Transactions (`/v1/txn`): up to [`TXN_MAX_OPS`] KV, node, service and check operations
//! applied all or nothing at one raft index, as the reference's `state/txn.go`. Every op runs
//! in order (a later op sees an earlier one's writes); when any fails, each key and node the
//! transaction touched is put back as it was and the outcome lists every failure with its op
//! index. Reads (`get`, `get-tree`, `check-*`) run on a store without raft.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::command::{CommandResult, DeregisterRequest, KvOp, RegisterRequest, Response, StateError};
use super::store::{Store, Table};
use super::types::{HealthCheck, KvEntry, Node, NodeService};

/// The most operations one transaction may hold.
pub const TXN_MAX_OPS: usize = 64;

/// One operation of a transaction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TxnOp {
    Kv(TxnKvOp),
    Node { verb: CatalogVerb, node: Node },
    Service { verb: CatalogVerb, node: String, service: NodeService },
    Check { verb: CatalogVerb, check: HealthCheck },
}

/// A KV operation: `index` is the CAS or check index, `session` the lock's or the check's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TxnKvOp {
    pub verb: KvVerb,
    pub key: String,
    pub value: Vec<u8>,
    pub flags: u64,
    pub index: u64,
    pub session: String,
}

macro_rules! verbs {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
        pub enum $name { $($variant),* }

        impl $name {
            /// The verb named `text` as the API spells it.
            pub fn parse(text: &str) -> Option<Self> {
                match text {
                    $($text => Some(Self::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

verbs!(
    /// The reference's KV verbs.
    KvVerb {
        Set = "set",
        Cas = "cas",
        Lock = "lock",
        Unlock = "unlock",
        Get = "get",
        GetTree = "get-tree",
        CheckIndex = "check-index",
        CheckSession = "check-session",
        CheckNotExists = "check-not-exists",
        Delete = "delete",
        DeleteTree = "delete-tree",
        DeleteCas = "delete-cas",
    }
);

verbs!(
    /// The reference's node, service and check verbs.
    CatalogVerb { Get = "get", Set = "set", Cas = "cas", Delete = "delete", DeleteCas = "delete-cas" }
);

impl TxnOp {
    /// Whether the op only reads (a transaction of such ops needs no raft entry).
    pub fn is_read(&self) -> bool {
        match self {
            TxnOp::Kv(op) => matches!(
                op.verb,
                KvVerb::Get | KvVerb::GetTree | KvVerb::CheckIndex | KvVerb::CheckSession | KvVerb::CheckNotExists
            ),
            TxnOp::Node { verb, .. } | TxnOp::Service { verb, .. } | TxnOp::Check { verb, .. } => {
                *verb == CatalogVerb::Get
            }
        }
    }
}

/// What one op answers: the entry it read or wrote (a written key's value left out).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TxnResult {
    #[serde(rename = "KV")]
    Kv(KvEntry),
    Node(Node),
    Service(NodeService),
    Check(HealthCheck),
}

/// An op that failed, in the reference's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct TxnError {
    pub op_index: usize,
    pub what: String,
}

/// A transaction's outcome: every op's results, or (nothing applied) every failure.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TxnOutcome {
    pub results: Vec<TxnResult>,
    pub errors: Vec<TxnError>,
}

type OpResult = Result<Vec<TxnResult>, String>;

/// Each key and node a transaction changed, as it was before: what a rollback puts back.
#[derive(Default)]
struct Undo {
    kv: BTreeMap<String, Option<KvEntry>>,
    nodes: BTreeMap<String, SavedNode>,
    table_index: BTreeMap<Table, u64>,
}

struct SavedNode {
    node: Option<Node>,
    services: Option<BTreeMap<String, NodeService>>,
    checks: Option<BTreeMap<String, HealthCheck>>,
}

impl Undo {
    fn key(&mut self, store: &Store, key: &str) {
        self.kv.entry(key.to_owned()).or_insert_with(|| store.kv.get(key).cloned());
    }

    fn prefix(&mut self, store: &Store, prefix: &str) {
        for (key, entry) in store.kv.range(prefix.to_owned()..).take_while(|(k, _)| k.starts_with(prefix)) {
            self.kv.entry(key.clone()).or_insert_with(|| Some(entry.clone()));
        }
    }

    fn node(&mut self, store: &Store, node: &str) {
        self.nodes.entry(node.to_owned()).or_insert_with(|| SavedNode {
            node: store.nodes.get(node).cloned(),
            services: store.services.get(node).cloned(),
            checks: store.checks.get(node).cloned(),
        });
    }

    fn restore(self, store: &mut Store) {
        for (key, entry) in self.kv {
            match entry {
                Some(entry) => store.kv.insert(key, entry),
                None => store.kv.remove(&key),
            };
        }
        fn put<T>(map: &mut BTreeMap<String, T>, key: &str, value: Option<T>) {
            match value {
                Some(v) => map.insert(key.to_owned(), v),
                None => map.remove(key),
            };
        }
        for (name, saved) in self.nodes {
            put(&mut store.nodes, &name, saved.node);
            put(&mut store.services, &name, saved.services);
            put(&mut store.checks, &name, saved.checks);
        }
        store.table_index = self.table_index;
    }
}

/// How a CAS on a catalog entry decides (the reference's `ensure*CASTxn`): index 0 writes only
/// what does not exist; any other index only what exists with that modify index.
fn cas_matches(existing: Option<u64>, index: u64) -> bool {
    match existing {
        None => index == 0,
        Some(modify) => index != 0 && modify == index,
    }
}

impl Store {
    /// Applies a transaction at raft `index`: all of it, or (when any op fails) none of it.
    pub(super) fn txn_apply(&mut self, index: u64, ops: &[TxnOp]) -> CommandResult {
        let mut undo = Undo { table_index: self.table_index.clone(), ..Undo::default() };
        let mut outcome = TxnOutcome::default();
        for (op_index, op) in ops.iter().enumerate() {
            match self.txn_op(index, op, &mut undo) {
                Ok(results) => outcome.results.extend(results),
                Err(what) => outcome.errors.push(TxnError { op_index, what }),
            }
        }
        if !outcome.errors.is_empty() {
            undo.restore(self);
            outcome.results.clear();
        } else if !undo.nodes.is_empty() {
            self.invalidate_sessions(index);
        }
        Ok(Response::Txn(outcome))
    }

    /// A read-only transaction: each op's results, or every failure.
    pub fn txn_read(&self, ops: &[TxnOp]) -> TxnOutcome {
        let mut outcome = TxnOutcome::default();
        for (op_index, op) in ops.iter().enumerate() {
            match self.txn_read_op(op) {
                Ok(results) => outcome.results.extend(results),
                Err(what) => outcome.errors.push(TxnError { op_index, what }),
            }
        }
        if !outcome.errors.is_empty() {
            outcome.results.clear();
        }
        outcome
    }

    fn txn_read_op(&self, op: &TxnOp) -> OpResult {
        let found = |what: Option<TxnResult>, missing: String| what.map(|r| vec![r]).ok_or(missing);
        match op {
            TxnOp::Kv(op) => self.txn_kv_read(op),
            TxnOp::Node { node, .. } => found(
                self.nodes.get(&node.node).cloned().map(TxnResult::Node),
                format!("node {:?} doesn't exist", node.node),
            ),
            TxnOp::Service { node, service, .. } => found(
                self.txn_service(node, &service.id).map(TxnResult::Service),
                format!("service {:?} on node {node:?} doesn't exist", service.id),
            ),
            TxnOp::Check { check, .. } => found(
                self.txn_check(&check.node, &check.check_id).map(TxnResult::Check),
                format!("check {:?} on node {:?} doesn't exist", check.check_id, check.node),
            ),
        }
    }

    fn txn_kv_read(&self, op: &TxnKvOp) -> OpResult {
        let key = &op.key;
        let entry = self.kv.get(key);
        let blank = |e: &KvEntry| vec![TxnResult::Kv(KvEntry { value: Vec::new(), ..e.clone() })];
        match op.verb {
            KvVerb::Get => entry.map(|e| vec![TxnResult::Kv(e.clone())]).ok_or(format!("key {key:?} doesn't exist")),
            KvVerb::GetTree => Ok(self.kv_list(key).into_iter().map(TxnResult::Kv).collect()),
            KvVerb::CheckIndex => match entry {
                None => Err(format!("failed to check index, key {key:?} doesn't exist")),
                Some(e) if e.index.modify_index != op.index => Err(format!(
                    "failed index check for key {key:?}, current modify index {} != {}",
                    e.index.modify_index, op.index
                )),
                Some(e) => Ok(blank(e)),
            },
            KvVerb::CheckSession => match entry {
                None => Err(format!("failed to check session, key {key:?} doesn't exist")),
                Some(e) if e.session != op.session => Err(format!(
                    "failed session check for key {key:?}, current session {:?} != {:?}",
                    e.session, op.session
                )),
                Some(e) => Ok(blank(e)),
            },
            KvVerb::CheckNotExists => match entry {
                Some(_) => Err(format!("key {key:?} exists")),
                None => Ok(Vec::new()),
            },
            _ => Err(format!("KV verb {:?} is not a read", op.verb)),
        }
    }

    fn txn_service(&self, node: &str, id: &str) -> Option<NodeService> {
        self.services.get(node).and_then(|s| s.get(id)).cloned()
    }

    fn txn_check(&self, node: &str, id: &str) -> Option<HealthCheck> {
        self.checks.get(node).and_then(|c| c.get(id)).cloned()
    }

    fn txn_op(&mut self, index: u64, op: &TxnOp, undo: &mut Undo) -> OpResult {
        if op.is_read() {
            return self.txn_read_op(op);
        }
        match op {
            TxnOp::Kv(op) => self.txn_kv_write(index, op, undo),
            TxnOp::Node { verb, node } => {
                undo.node(self, &node.node);
                self.txn_node(index, *verb, node)
            }
            TxnOp::Service { verb, node, service } => {
                undo.node(self, node);
                self.txn_service_write(index, *verb, node, service)
            }
            TxnOp::Check { verb, check } => {
                undo.node(self, &check.node);
                self.txn_check_write(index, *verb, check)
            }
        }
    }

    fn txn_kv_write(&mut self, index: u64, op: &TxnKvOp, undo: &mut Undo) -> OpResult {
        let TxnKvOp { key, value, flags, session, .. } = op.clone();
        let stale = |what: &str| format!("failed to {what} key {key:?}, index is stale");
        let (kv_op, refused) = match op.verb {
            KvVerb::Set => (KvOp::Set { key: key.clone(), value, flags }, String::new()),
            KvVerb::Cas => (KvOp::Cas { key: key.clone(), value, flags, index: op.index }, stale("set")),
            KvVerb::Lock | KvVerb::Unlock if session.is_empty() => return Err("missing session".to_owned()),
            KvVerb::Lock => (
                KvOp::Lock { key: key.clone(), value, flags, session },
                format!("failed to lock key {key:?}, lock is already held"),
            ),
            KvVerb::Unlock => (
                KvOp::Unlock { key: key.clone(), value, flags, session },
                format!("failed to unlock key {key:?}, lock isn't held, or is held by another session"),
            ),
            KvVerb::Delete => (KvOp::Delete { key: key.clone() }, String::new()),
            KvVerb::DeleteCas => (KvOp::DeleteCas { key: key.clone(), index: op.index }, stale("delete")),
            KvVerb::DeleteTree => (KvOp::DeleteTree { prefix: key.clone() }, String::new()),
            KvVerb::Get | KvVerb::GetTree | KvVerb::CheckIndex | KvVerb::CheckSession | KvVerb::CheckNotExists => {
                return self.txn_kv_read(op);
            }
        };
        match op.verb {
            KvVerb::DeleteTree => undo.prefix(self, &key),
            _ => undo.key(self, &key),
        }
        match self.kv_apply(index, &kv_op) {
            Ok(Response::Bool(false)) => Err(refused),
            Ok(_) => Ok(match (op.verb, self.kv.get(&key)) {
                (KvVerb::Delete | KvVerb::DeleteCas | KvVerb::DeleteTree, _) | (_, None) => Vec::new(),
                (_, Some(e)) => vec![TxnResult::Kv(KvEntry { value: Vec::new(), ..e.clone() })],
            }),
            Err(e) => Err(e.to_string()),
        }
    }

    fn txn_node(&mut self, index: u64, verb: CatalogVerb, node: &Node) -> OpResult {
        let name = &node.node;
        let existing = self.nodes.get(name).map(|n| n.index.modify_index);
        match verb {
            CatalogVerb::Get => unreachable_read(),
            CatalogVerb::Cas if !cas_matches(existing, node.index.modify_index) => {
                Err(format!("failed to set node {name:?}, index is stale"))
            }
            CatalogVerb::Set | CatalogVerb::Cas => {
                let req = RegisterRequest {
                    datacenter: node.datacenter.clone(),
                    id: node.id.clone(),
                    node: name.clone(),
                    address: node.address.clone(),
                    tagged_addresses: node.tagged_addresses.clone(),
                    node_meta: node.meta.clone(),
                    ..RegisterRequest::default()
                };
                self.txn_register(index, &req)?;
                Ok(self.nodes.get(name).cloned().map(TxnResult::Node).into_iter().collect())
            }
            CatalogVerb::DeleteCas if existing != Some(node.index.modify_index) => {
                Err(format!("failed to delete node {name:?}, index is stale"))
            }
            CatalogVerb::Delete | CatalogVerb::DeleteCas => {
                self.txn_deregister(index, DeregisterRequest { node: name.clone(), ..Default::default() })
            }
        }
    }

    fn txn_service_write(&mut self, index: u64, verb: CatalogVerb, node: &str, service: &NodeService) -> OpResult {
        let id = &service.id;
        let existing = self.txn_service(node, id).map(|s| s.index.modify_index);
        match verb {
            CatalogVerb::Get => unreachable_read(),
            CatalogVerb::Cas if !cas_matches(existing, service.index.modify_index) => {
                Err(format!("failed to set service {id:?} on node {node:?}, index is stale"))
            }
            CatalogVerb::Set | CatalogVerb::Cas => {
                if !self.nodes.contains_key(node) {
                    return Err("Missing node registration".to_owned());
                }
                let req = RegisterRequest {
                    node: node.to_owned(),
                    datacenter: service.datacenter.clone(),
                    service: Some(service.clone()),
                    skip_node_update: true,
                    ..RegisterRequest::default()
                };
                self.txn_register(index, &req)?;
                let id = if id.is_empty() { &service.service } else { id };
                Ok(self.txn_service(node, id).map(TxnResult::Service).into_iter().collect())
            }
            CatalogVerb::DeleteCas if existing != Some(service.index.modify_index) => {
                Err(format!("failed to delete service {id:?} on node {node:?}, index is stale"))
            }
            CatalogVerb::Delete | CatalogVerb::DeleteCas => self.txn_deregister(
                index,
                DeregisterRequest { node: node.to_owned(), service_id: id.clone(), ..Default::default() },
            ),
        }
    }

    fn txn_check_write(&mut self, index: u64, verb: CatalogVerb, check: &HealthCheck) -> OpResult {
        let (node, id) = (&check.node, &check.check_id);
        let existing = self.txn_check(node, id).map(|c| c.index.modify_index);
        match verb {
            CatalogVerb::Get => unreachable_read(),
            CatalogVerb::Cas if !cas_matches(existing, check.index.modify_index) => {
                Err(format!("failed to set check {id:?} on node {node:?}, index is stale"))
            }
            CatalogVerb::Set | CatalogVerb::Cas => {
                if !self.nodes.contains_key(node) {
                    return Err("Missing node registration".to_owned());
                }
                if !check.service_id.is_empty() && self.txn_service(node, &check.service_id).is_none() {
                    return Err("Missing service registration".to_owned());
                }
                let req = RegisterRequest {
                    node: node.clone(),
                    check: Some(check.clone()),
                    skip_node_update: true,
                    ..RegisterRequest::default()
                };
                self.txn_register(index, &req)?;
                let id = if id.is_empty() { &check.name } else { id };
                Ok(self.txn_check(node, id).map(TxnResult::Check).into_iter().collect())
            }
            CatalogVerb::DeleteCas if existing != Some(check.index.modify_index) => {
                Err(format!("failed to delete check {id:?} on node {node:?}, index is stale"))
            }
            CatalogVerb::Delete | CatalogVerb::DeleteCas => self.txn_deregister(
                index,
                DeregisterRequest { node: node.clone(), check_id: id.clone(), ..Default::default() },
            ),
        }
    }

    /// A catalog write inside a transaction: sessions are checked once, after the last op.
    fn txn_register(&mut self, index: u64, req: &RegisterRequest) -> Result<(), String> {
        self.register(index, req).map(|_| ()).map_err(|e: StateError| e.to_string())
    }

    fn txn_deregister(&mut self, index: u64, req: DeregisterRequest) -> OpResult {
        self.deregister(index, &req).map(|_| Vec::new()).map_err(|e| e.to_string())
    }
}

/// Reads never reach the write path ([`Store::txn_op`] sends them to the read path first).
fn unreachable_read() -> OpResult {
    Err("a read was sent to the write path".to_owned())
}
