//! The state store: every replicated table, and the one function that changes them.
//!
//! Pure data, no I/O: the raft state machine owns one `Store`, applies each committed
//! [`Command`] with [`Store::apply`] and snapshots it with serde. Every entry carries its
//! create/modify raft index; every table carries the index of its last change, which is what
//! blocking queries wait on. A command is validated completely before anything changes, so a
//! rejected command leaves the store exactly as it was.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::command::{
    Command, CommandResult, ConnectCaOp, DeregisterRequest, FederationStateOp, KvOp, RegisterRequest, Response,
    StateError,
};
use super::config_entry::ConfigEntry;
use super::types::{
    ConnectCa, FederationState, HealthCheck, KvEntry, Node, NodeService, RaftIndex, SigningIntermediate,
};

/// The tables of the store. Blocking queries name the tables they read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Table {
    Nodes,
    Services,
    Checks,
    Kv,
    FederationStates,
    ConnectCa,
    ConfigEntries,
    AclTokens,
    AclPolicies,
    AclRoles,
    Sessions,
}

impl Table {
    pub const ALL: [Table; 11] = [
        Table::Nodes,
        Table::Services,
        Table::Checks,
        Table::Kv,
        Table::FederationStates,
        Table::ConnectCa,
        Table::ConfigEntries,
        Table::AclTokens,
        Table::AclPolicies,
        Table::AclRoles,
        Table::Sessions,
    ];
}

/// All replicated state of one datacenter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Store {
    pub(super) nodes: BTreeMap<String, Node>,
    /// node name -> service ID -> service
    pub(super) services: BTreeMap<String, BTreeMap<String, NodeService>>,
    /// node name -> check ID -> check
    pub(super) checks: BTreeMap<String, BTreeMap<String, HealthCheck>>,
    pub(super) kv: BTreeMap<String, KvEntry>,
    /// datacenter -> its federation state
    #[serde(default)]
    pub(super) federation_states: BTreeMap<String, FederationState>,
    /// The Connect CA, once the primary created it (or a secondary replicated it).
    #[serde(default)]
    pub(super) connect_ca: Option<ConnectCa>,
    /// A secondary's own intermediate CA, signed by the primary.
    #[serde(default)]
    pub(super) connect_intermediate: Option<SigningIntermediate>,
    /// kind -> name -> config entry (written in the primary, mirrored by secondaries).
    #[serde(default)]
    pub(super) config_entries: BTreeMap<String, BTreeMap<String, ConfigEntry>>,
    /// ACL tokens, policies and roles.
    #[serde(default)]
    pub(super) acl: super::acl_store::AclTables,
    /// Sessions by ID.
    #[serde(default)]
    pub(super) sessions: BTreeMap<String, super::session::Session>,
    /// The keys sessions destroyed by the last command held, with their lock-delays: taken by
    /// the [`super::StateHandle`] after each write (not replicated).
    #[serde(skip)]
    pub(super) released_locks: Vec<(String, std::time::Duration)>,
    pub(super) table_index: BTreeMap<Table, u64>,
    last_index: u64,
}

impl Store {
    pub fn new() -> Self {
        Self::default()
    }

    /// The raft index of the last applied command.
    pub fn last_index(&self) -> u64 {
        self.last_index
    }

    /// The index of the last change to `table` (0 if never changed).
    pub fn table_index(&self, table: Table) -> u64 {
        self.table_index.get(&table).copied().unwrap_or(0)
    }

    /// The highest index among `tables`: the `X-Consul-Index` of a read over them.
    pub fn max_index(&self, tables: &[Table]) -> u64 {
        tables.iter().map(|t| self.table_index(*t)).max().unwrap_or(0)
    }

    /// Applies the command of raft log entry `index`.
    pub fn apply(&mut self, index: u64, command: &Command) -> CommandResult {
        self.last_index = self.last_index.max(index);
        match command {
            Command::Register(req) => self.register(index, req).inspect(|_| self.invalidate_sessions(index)),
            Command::Deregister(req) => self.deregister(index, req).inspect(|_| self.invalidate_sessions(index)),
            Command::Kv(op) => self.kv_apply(index, op),
            Command::Session(op) => self.session_apply(index, op),
            Command::Txn(ops) => self.txn_apply(index, ops),
            Command::FederationState(op) => self.federation_state_apply(index, op),
            Command::ConnectCa(op) => self.connect_ca_apply(index, op),
            Command::ConfigEntry(op) => self.config_entry_apply(index, op),
            Command::Acl(op) => self.acl_apply(index, op),
            Command::Batch(commands) => Ok(Response::Batch(
                commands
                    .iter()
                    .map(|c| match c {
                        Command::Batch(_) => Err(StateError::NestedBatch),
                        c => self.apply(index, c),
                    })
                    .collect(),
            )),
        }
    }

    /// Records that the entry at raft log `index` changed `table`.
    pub(super) fn touch(&mut self, table: Table, index: u64) {
        self.table_index.insert(table, index);
    }

    pub(super) fn register(&mut self, index: u64, req: &RegisterRequest) -> CommandResult {
        let (node, service, checks) = self.validate_register(req)?;
        if let Some(node) = node {
            let existing = self.nodes.get(&node.node);
            if let Some(stored) = upsert(existing, node, index) {
                self.nodes.insert(stored.node.clone(), stored);
                self.touch(Table::Nodes, index);
            }
        }
        if let Some(service) = service {
            let node_services = self.services.entry(req.node.clone()).or_default();
            if let Some(stored) = upsert(node_services.get(&service.id), service, index) {
                node_services.insert(stored.id.clone(), stored);
                self.touch(Table::Services, index);
            }
        }
        for check in checks {
            let node_checks = self.checks.entry(req.node.clone()).or_default();
            if let Some(stored) = upsert(node_checks.get(&check.check_id), check, index) {
                node_checks.insert(stored.check_id.clone(), stored);
                self.touch(Table::Checks, index);
            }
        }
        Ok(Response::Done)
    }

    /// Checks a registration completely and returns the normalised node, service and
    /// checks to store (indexes not yet set).
    #[allow(clippy::type_complexity)]
    fn validate_register(
        &self,
        req: &RegisterRequest,
    ) -> Result<(Option<Node>, Option<NodeService>, Vec<HealthCheck>), StateError> {
        if req.node.is_empty() {
            return Err(StateError::MissingNode);
        }
        let existing_node = self.nodes.get(&req.node);
        let node = match (req.skip_node_update, existing_node) {
            (true, Some(_)) => None,
            (true, None) => {
                return Err(StateError::UnknownNode { node: req.node.clone() });
            }
            (false, _) if req.address.is_empty() => return Err(StateError::MissingAddress),
            (false, _) => Some(Node {
                id: req.id.clone(),
                node: req.node.clone(),
                address: req.address.clone(),
                datacenter: req.datacenter.clone(),
                tagged_addresses: req.tagged_addresses.clone(),
                meta: req.node_meta.clone(),
                index: RaftIndex::default(),
            }),
        };
        let service = match &req.service {
            None => None,
            Some(s) => {
                let mut s = s.clone();
                if s.service.is_empty() {
                    return Err(StateError::MissingServiceName);
                }
                if s.id.is_empty() {
                    s.id = s.service.clone();
                }
                s.datacenter = req.datacenter.clone();
                Some(s)
            }
        };
        let mut checks = Vec::new();
        for check in req.check.iter().chain(&req.checks) {
            let mut check = check.clone();
            if check.check_id.is_empty() {
                check.check_id = check.name.clone();
            }
            if check.check_id.is_empty() {
                return Err(StateError::MissingCheckId);
            }
            if check.node.is_empty() {
                check.node = req.node.clone();
            } else if check.node != req.node {
                return Err(StateError::CheckNodeMismatch {
                    node: req.node.clone(),
                    check_node: check.node,
                    check_id: check.check_id,
                });
            }
            if !check.service_id.is_empty() {
                let target = service
                    .as_ref()
                    .filter(|s| s.id == check.service_id)
                    .or_else(|| self.services.get(&req.node).and_then(|m| m.get(&check.service_id)));
                let Some(target) = target else {
                    return Err(StateError::UnknownServiceForCheck {
                        node: req.node.clone(),
                        service_id: check.service_id,
                        check_id: check.check_id,
                    });
                };
                check.service_name = target.service.clone();
                check.service_tags = target.tags.clone();
            }
            checks.push(check);
        }
        Ok((node, service, checks))
    }

    pub(super) fn deregister(&mut self, index: u64, req: &DeregisterRequest) -> CommandResult {
        if req.node.is_empty() {
            return Err(StateError::MissingNode);
        }
        let node = req.node.as_str();
        if !req.check_id.is_empty() {
            if remove_nested(&mut self.checks, node, |id, _| id == req.check_id) {
                self.touch(Table::Checks, index);
            }
        } else if !req.service_id.is_empty() {
            if remove_nested(&mut self.services, node, |id, _| id == req.service_id) {
                self.touch(Table::Services, index);
            }
            if remove_nested(&mut self.checks, node, |_, c| c.service_id == req.service_id) {
                self.touch(Table::Checks, index);
            }
        } else {
            if self.nodes.remove(node).is_some() {
                self.touch(Table::Nodes, index);
            }
            if self.services.remove(node).is_some() {
                self.touch(Table::Services, index);
            }
            if self.checks.remove(node).is_some() {
                self.touch(Table::Checks, index);
            }
        }
        Ok(Response::Done)
    }

    pub(super) fn kv_apply(&mut self, index: u64, op: &KvOp) -> CommandResult {
        let ok = match op {
            KvOp::Set { key, value, flags } => {
                self.kv_set(index, key, value, *flags);
                true
            }
            KvOp::Cas { key, value, flags, index: cas } => {
                let current = self.kv.get(key).map(|e| e.index.modify_index);
                let matches = match current {
                    None => *cas == 0,
                    Some(modify) => *cas != 0 && modify == *cas,
                };
                if matches {
                    self.kv_set(index, key, value, *flags);
                }
                matches
            }
            KvOp::Delete { key } => {
                if self.kv.remove(key).is_some() {
                    self.touch(Table::Kv, index);
                }
                true
            }
            KvOp::DeleteCas { key, index: cas } => match self.kv.get(key) {
                None => true,
                Some(e) if e.index.modify_index == *cas => {
                    self.kv.remove(key);
                    self.touch(Table::Kv, index);
                    true
                }
                Some(_) => false,
            },
            KvOp::DeleteTree { prefix } => {
                let before = self.kv.len();
                self.kv.retain(|k, _| !k.starts_with(prefix.as_str()));
                if self.kv.len() != before {
                    self.touch(Table::Kv, index);
                }
                true
            }
            KvOp::Lock { key, value, flags, session } => {
                if !self.sessions.contains_key(session) {
                    return Err(StateError::Session(format!("invalid session {session:?}")));
                }
                let (held_by, lock_index) =
                    self.kv.get(key).map_or((String::new(), 0), |e| (e.session.clone(), e.lock_index));
                if !held_by.is_empty() && held_by != *session {
                    false
                } else {
                    // Taken anew: the lock index counts the holdings; the holder writing
                    // again keeps it.
                    let lock_index = if held_by == *session { lock_index } else { lock_index + 1 };
                    self.kv_write(index, key, value, *flags, lock_index, session);
                    true
                }
            }
            KvOp::Unlock { key, value, flags, session } => match self.kv.get(key) {
                Some(e) if e.session == *session => {
                    let lock_index = e.lock_index;
                    self.kv_write(index, key, value, *flags, lock_index, "");
                    true
                }
                _ => false,
            },
        };
        Ok(Response::Bool(ok))
    }

    fn connect_ca_apply(&mut self, index: u64, op: &ConnectCaOp) -> CommandResult {
        let (ca, initialize) = match op {
            ConnectCaOp::Initialize(ca) => (ca, true),
            ConnectCaOp::Replace(ca) => (ca, false),
            ConnectCaOp::Update { expected_active, ca } => {
                let current = self.connect_ca.as_ref().map(|c| c.active_root_id.as_str());
                if current != Some(expected_active.as_str()) {
                    return Err(StateError::InvalidConnectCa(format!(
                        "the active root changed meanwhile (expected {expected_active:?}, now {current:?}); try again"
                    )));
                }
                (ca, false)
            }
            ConnectCaOp::SetIntermediate(intermediate) => {
                let known =
                    self.connect_ca.as_ref().is_some_and(|ca| ca.roots.iter().any(|r| r.id == intermediate.root_id));
                if !known || intermediate.cert_pem.is_empty() || intermediate.key_pem.is_empty() {
                    return Err(StateError::InvalidConnectCa(format!(
                        "an intermediate needs its certificate, its key and a known root (not {:?})",
                        intermediate.root_id
                    )));
                }
                self.connect_intermediate = Some((**intermediate).clone());
                self.touch(Table::ConnectCa, index);
                return Ok(Response::Done);
            }
        };
        if ca.trust_domain.is_empty() {
            return Err(StateError::InvalidConnectCa("missing trust domain".to_owned()));
        }
        if !ca.roots.iter().any(|r| r.id == ca.active_root_id) {
            return Err(StateError::InvalidConnectCa(format!("no root with the active ID {:?}", ca.active_root_id)));
        }
        if initialize && self.connect_ca.is_some() {
            return Ok(Response::Bool(false));
        }
        let mut ca = (**ca).clone();
        let previous = self.connect_ca.as_ref();
        for root in &mut ca.roots {
            let create_index =
                previous.and_then(|p| p.roots.iter().find(|r| r.id == root.id)).map_or(index, |r| r.index.create_index);
            root.index = RaftIndex { create_index, modify_index: index };
        }
        self.connect_ca = Some(ca);
        self.touch(Table::ConnectCa, index);
        Ok(Response::Bool(true))
    }

    /// The Connect CA, if created.
    pub fn connect_ca(&self) -> Option<&ConnectCa> {
        self.connect_ca.as_ref()
    }

    /// This datacenter's intermediate CA (a secondary's, once the primary signed it).
    pub fn connect_intermediate(&self) -> Option<&SigningIntermediate> {
        self.connect_intermediate.as_ref()
    }

    /// The CA as every API answer shows it: no key, and in a secondary the active root
    /// carries this datacenter's intermediate.
    pub fn connect_ca_public(&self) -> Option<ConnectCa> {
        let mut ca = self.connect_ca.as_ref()?.public();
        if let Some(intermediate) = &self.connect_intermediate
            && let Some(root) = ca.roots.iter_mut().find(|r| r.id == intermediate.root_id)
        {
            root.intermediate_certs.get_or_insert_with(Vec::new).push(intermediate.cert_pem.clone());
        }
        Some(ca)
    }

    fn federation_state_apply(&mut self, index: u64, op: &FederationStateOp) -> CommandResult {
        match op {
            FederationStateOp::Upsert(state) => {
                validate_federation_state(state)?;
                let mut state = (**state).clone();
                let create_index =
                    self.federation_states.get(&state.datacenter).map_or(index, |s| s.index.create_index);
                state.index = RaftIndex { create_index, modify_index: index };
                self.federation_states.insert(state.datacenter.clone(), state);
                self.touch(Table::FederationStates, index);
            }
            FederationStateOp::Delete { datacenter } => {
                if self.federation_states.remove(datacenter).is_some() {
                    self.touch(Table::FederationStates, index);
                }
            }
        }
        Ok(Response::Done)
    }

    /// A plain write: the key keeps the session holding it (as the reference's kvsSetTxn).
    fn kv_set(&mut self, index: u64, key: &str, value: &[u8], flags: u64) {
        let session = self.kv.get(key).map(|e| e.session.clone()).unwrap_or_default();
        self.kv_write(index, key, value, flags, 0, &session);
    }

    fn kv_write(&mut self, index: u64, key: &str, value: &[u8], flags: u64, lock_index: u64, session: &str) {
        let create_index = self.kv.get(key).map_or(index, |e| e.index.create_index);
        self.kv.insert(
            key.to_owned(),
            KvEntry {
                key: key.to_owned(),
                flags,
                value: value.to_vec(),
                lock_index,
                session: session.to_owned(),
                index: RaftIndex { create_index, modify_index: index },
            },
        );
        self.touch(Table::Kv, index);
    }
}

/// Entries whose content can be compared ignoring their indexes.
trait Indexed: Clone + PartialEq {
    fn raft_index(&mut self) -> &mut RaftIndex;
}

impl Indexed for Node {
    fn raft_index(&mut self) -> &mut RaftIndex {
        &mut self.index
    }
}

impl Indexed for NodeService {
    fn raft_index(&mut self) -> &mut RaftIndex {
        &mut self.index
    }
}

impl Indexed for HealthCheck {
    fn raft_index(&mut self) -> &mut RaftIndex {
        &mut self.index
    }
}

/// The entry to store for `new` at `index`, or `None` when it equals `existing` (so
/// re-registering the same thing wakes no blocking query).
fn upsert<T: Indexed>(existing: Option<&T>, mut new: T, index: u64) -> Option<T> {
    match existing {
        Some(old) => {
            let old_index = *old.clone().raft_index();
            *new.raft_index() = old_index;
            if *old == new {
                return None;
            }
            *new.raft_index() = RaftIndex { create_index: old_index.create_index, modify_index: index };
        }
        None => *new.raft_index() = RaftIndex { create_index: index, modify_index: index },
    }
    Some(new)
}

/// Removes entries of `node` matching `pred`; true if any was removed.
fn remove_nested<T>(
    map: &mut BTreeMap<String, BTreeMap<String, T>>,
    node: &str,
    pred: impl Fn(&str, &T) -> bool,
) -> bool {
    let Some(inner) = map.get_mut(node) else {
        return false;
    };
    let before = inner.len();
    inner.retain(|id, v| !pred(id, v));
    let removed = inner.len() != before;
    if inner.is_empty() {
        map.remove(node);
    }
    removed
}

/// A federation state names a datacenter, and lists only mesh gateways of that datacenter.
fn validate_federation_state(state: &FederationState) -> Result<(), StateError> {
    let bad = |why: String| Err(StateError::InvalidFederationState(why));
    if crate::tls::names::check_dns_label(&state.datacenter).is_err() {
        return bad(format!("datacenter {:?} is not a valid name", state.datacenter));
    }
    for gw in &state.mesh_gateways {
        if gw.service.kind.0 != super::ServiceKind::MESH_GATEWAY {
            return bad(format!("service {:?} is not a mesh-gateway", gw.service.id));
        }
        if gw.node.node.is_empty() {
            return bad(format!("mesh gateway {:?} has no node", gw.service.id));
        }
        if !gw.node.datacenter.is_empty() && gw.node.datacenter != state.datacenter {
            return bad(format!(
                "mesh gateway {:?} is in {}, not {}",
                gw.service.id, gw.node.datacenter, state.datacenter
            ));
        }
    }
    Ok(())
}
