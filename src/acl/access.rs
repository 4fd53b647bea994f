//! What each write needs, which reads are refused, and how read results are filtered: the
//! reference's "ACL Required" rows, in one table. Lists are filtered silently (an item the
//! token may not read is left out); a read of one named thing the token may not read is
//! refused.

use super::authorizer::{Authorizer, Denied, Permission};
use super::rules::{Access, Resource, Scalar};
use crate::state::{
    AclOp, CheckServiceNode, Command, ConfigEntry, ConfigEntryOp, DeregisterRequest, HIDDEN_SECRET, HealthCheck,
    IntentionOp, KvOp, KvVerb, PROXY_DEFAULTS, Query, QueryResult, RegisterRequest, SERVICE_INTENTIONS, SessionOp,
    Store, TxnOp, TxnResult,
};

const READ: Access = Access::Read;
const WRITE: Access = Access::Write;

fn on(resource: Resource, name: &str, access: Access) -> Permission {
    Permission::on(resource, name, access)
}

/// Checks every permission `command` needs against `store` as it is now.
pub fn check_command(authz: &Authorizer, store: &Store, command: &Command) -> Result<(), Denied> {
    for permission in command_permissions(store, command) {
        authz.check(&permission)?;
    }
    Ok(())
}

/// The permissions a write needs.
pub fn command_permissions(store: &Store, command: &Command) -> Vec<Permission> {
    let mut out = Vec::new();
    needs(store, command, &mut out);
    out
}

fn needs(store: &Store, command: &Command, out: &mut Vec<Permission>) {
    match command {
        Command::Register(req) => register(store, req, out),
        Command::Deregister(req) => deregister(store, req, out),
        Command::Kv(op) => out.push(match op {
            KvOp::Set { key, .. }
            | KvOp::Cas { key, .. }
            | KvOp::Delete { key }
            | KvOp::DeleteCas { key, .. }
            | KvOp::Lock { key, .. }
            | KvOp::Unlock { key, .. } => on(Resource::Key, key, WRITE),
            KvOp::DeleteTree { prefix } => Permission::KeyWritePrefix(prefix.clone()),
        }),
        Command::FederationState(_) | Command::ConnectCa(_) => out.push(Permission::scalar(Scalar::Operator, WRITE)),
        Command::ConfigEntry(op) => match op {
            ConfigEntryOp::Set { entry, .. } => out.push(entry_permission(entry.kind(), entry.name(), WRITE)),
            ConfigEntryOp::Delete { kind, name } => out.push(entry_permission(kind, name, WRITE)),
            ConfigEntryOp::Replace { .. } => out.push(Permission::scalar(Scalar::Operator, WRITE)),
            ConfigEntryOp::Intention(op) => intention(store, op, out),
        },
        Command::Acl(op) => match op {
            // Bootstrap is allowed to anyone, once (the state machine refuses a second).
            AclOp::Bootstrap { .. } => {}
            _ => out.push(Permission::scalar(Scalar::Acl, WRITE)),
        },
        // A session is written with `session:write` on its node (an unknown one needs none:
        // destroying it changes nothing).
        Command::Session(SessionOp::Create(session)) => out.push(on(Resource::Session, &session.node, WRITE)),
        Command::Session(SessionOp::Destroy { id }) => {
            out.extend(store.session(id).map(|s| on(Resource::Session, &s.node, WRITE)));
        }
        Command::Batch(commands) => commands.iter().for_each(|c| needs(store, c, out)),
        // Checked op by op where it is served: a refused op is one of the transaction's
        // errors, not a refusal of the request ([`txn_permission`]).
        Command::Txn(_) => {}
    }
}

/// What one transaction op needs, as the reference's pre-check: KV writes `key:write` (a tree
/// delete on the prefix), checks `key:read`, gets nothing (their results are filtered); node,
/// service and check ops write on the node or the service, reads too.
pub fn txn_permission(op: &TxnOp) -> Option<Permission> {
    Some(match op {
        TxnOp::Kv(op) => match op.verb {
            KvVerb::Get | KvVerb::GetTree => return None,
            KvVerb::DeleteTree => Permission::KeyWritePrefix(op.key.clone()),
            KvVerb::CheckIndex | KvVerb::CheckSession | KvVerb::CheckNotExists => on(Resource::Key, &op.key, READ),
            _ => on(Resource::Key, &op.key, WRITE),
        },
        TxnOp::Node { node, .. } => on(Resource::Node, &node.node, WRITE),
        TxnOp::Service { service, .. } => on(Resource::Service, &service.service, WRITE),
        TxnOp::Check { check, .. } => check_permission(check, WRITE),
    })
}

fn register(store: &Store, req: &RegisterRequest, out: &mut Vec<Permission>) {
    // The node's own fields need node:write only when they change (the reference's
    // `ChangesNode`): a service's token registers the service alone.
    let changes_node = !req.skip_node_update
        && store.node_services(&req.node).is_none_or(|n| {
            n.node.address != req.address
                || (!req.id.is_empty() && n.node.id != req.id)
                || n.node.tagged_addresses != req.tagged_addresses
                || n.node.meta != req.node_meta
        });
    if changes_node {
        out.push(on(Resource::Node, &req.node, WRITE));
    }
    if let Some(service) = &req.service {
        out.push(on(Resource::Service, &service.service, WRITE));
        // Re-registering an ID under another name needs write on the old name too.
        if let Some(old) = store.node_services(&req.node).and_then(|n| n.services.get(&service.id).cloned())
            && old.service != service.service
        {
            out.push(on(Resource::Service, &old.service, WRITE));
        }
    }
    for check in req.check.iter().chain(&req.checks) {
        out.push(check_permission(check, WRITE));
    }
}

fn deregister(store: &Store, req: &DeregisterRequest, out: &mut Vec<Permission>) {
    let services = store.node_services(&req.node);
    let service_name = |id: &str| services.as_ref().and_then(|n| n.services.get(id)).map(|s| s.service.clone());
    if !req.service_id.is_empty() {
        out.push(match service_name(&req.service_id) {
            Some(name) => on(Resource::Service, &name, WRITE),
            None => on(Resource::Node, &req.node, WRITE),
        });
    } else if !req.check_id.is_empty() {
        let check = store.node_checks(&req.node).into_iter().find(|c| c.check_id == req.check_id);
        out.push(match check {
            Some(c) => check_permission(&c, WRITE),
            None => on(Resource::Node, &req.node, WRITE),
        });
    } else {
        out.push(on(Resource::Node, &req.node, WRITE));
    }
}

/// A service's check needs the service's permission, a node's check the node's.
fn check_permission(check: &HealthCheck, access: Access) -> Permission {
    if check.service_id.is_empty() {
        on(Resource::Node, &check.node, access)
    } else {
        on(Resource::Service, &check.service_name, access)
    }
}

fn intention(store: &Store, op: &IntentionOp, out: &mut Vec<Permission>) {
    let write = |name: &str| Permission::Intention { name: name.to_owned(), access: WRITE };
    match op {
        IntentionOp::Create(i) | IntentionOp::SetExact(i) => out.push(write(&i.destination_name)),
        IntentionOp::Update(i) => {
            out.push(write(&i.destination_name));
            if let Some(old) = store.intention_destination(&i.id) {
                out.push(write(&old));
            }
        }
        IntentionOp::Delete { id } => {
            out.push(write(&store.intention_destination(id).unwrap_or_else(|| "*".to_owned())))
        }
        IntentionOp::DeleteExact { destination, .. } => {
            let name = destination.rsplit('/').next().unwrap_or(destination);
            out.push(write(name))
        }
    }
}

/// Config entries: a service's by its service permission, intentions by their intention
/// permission, `proxy-defaults` by operator (reads of it are open: every proxy needs it).
fn entry_permission(kind: &str, name: &str, access: Access) -> Permission {
    match kind {
        SERVICE_INTENTIONS => Permission::Intention { name: name.to_owned(), access },
        PROXY_DEFAULTS => Permission::scalar(Scalar::Operator, access),
        _ => on(Resource::Service, name, access),
    }
}

fn entry_readable(authz: &Authorizer, entry: &ConfigEntry) -> bool {
    entry.kind() == PROXY_DEFAULTS || authz.allows(&entry_permission(entry.kind(), entry.name(), READ))
}

/// A read refused whole (one named thing, or operator and ACL data); lists pass and are
/// filtered by [`filter`].
pub fn check_read(authz: &Authorizer, query: &Query) -> Result<(), Denied> {
    let permission = match query {
        Query::KvGet { key } => on(Resource::Key, key, READ),
        Query::FederationStates | Query::FederationStatesSince { .. } | Query::FederationState { .. } => {
            Permission::scalar(Scalar::Operator, READ)
        }
        Query::CaConfiguration => Permission::scalar(Scalar::Operator, READ),
        Query::ConfigEntry { kind, name } if kind != PROXY_DEFAULTS => entry_permission(kind, name, READ),
        Query::AclTokens { .. }
        | Query::AclToken { .. }
        | Query::AclPolicies
        | Query::AclPolicy { .. }
        | Query::AclPolicyByName { .. }
        | Query::AclRoles { .. }
        | Query::AclRole { .. }
        | Query::AclRoleByName { .. } => Permission::scalar(Scalar::Acl, READ),
        // Secrets included: only for a token that may write ACLs.
        Query::AclReplicationSet => Permission::scalar(Scalar::Acl, WRITE),
        // Whoever holds a secret may read what it is.
        Query::AclTokenBySecret { .. } | Query::AclIdentity { .. } | Query::AclBootstrap => return Ok(()),
        _ => return Ok(()),
    };
    authz.check(&permission)
}

/// Leaves out the transaction results the token may not read; answers whether any went.
pub fn filter_txn(authz: &Authorizer, results: &mut Vec<TxnResult>) -> bool {
    let before = results.len();
    results.retain(|r| {
        authz.allows(&match r {
            TxnResult::Kv(e) => on(Resource::Key, &e.key, READ),
            TxnResult::Node(n) => on(Resource::Node, &n.node, READ),
            TxnResult::Service(s) => on(Resource::Service, &s.service, READ),
            TxnResult::Check(c) => check_permission(c, READ),
        })
    });
    results.len() != before
}

/// Leaves out of `result` what the token may not read, and hides secrets from a reader
/// without `acl:write`. Answers whether anything was left out.
pub fn filter(authz: &Authorizer, query: &Query, result: &mut QueryResult) -> bool {
    let node = |name: &str| authz.allows(&on(Resource::Node, name, READ));
    let service = |name: &str| authz.allows(&on(Resource::Service, name, READ));
    let instance = |i: &CheckServiceNode| node(&i.node.node) && service(&i.service.service);
    let check = |c: &HealthCheck| authz.allows(&check_permission(c, READ));
    let key = |k: &str| authz.allows(&on(Resource::Key, k, READ));
    let may_see_secrets = authz.allows(&Permission::scalar(Scalar::Acl, WRITE));
    let mut removed = false;
    let mut keep = |ok: bool| {
        removed |= !ok;
        ok
    };
    match result {
        QueryResult::Nodes(nodes) => nodes.retain(|n| keep(node(&n.node))),
        QueryResult::ServiceNames(names) => names.retain(|name, _| keep(service(name))),
        QueryResult::ServiceNodes(nodes) => nodes.retain(|n| keep(node(&n.node) && service(&n.service_name))),
        QueryResult::Sessions(sessions) => {
            sessions.retain(|s| keep(authz.allows(&on(Resource::Session, &s.node, READ))));
        }
        QueryResult::NodeServices(found) => {
            if found.as_ref().is_some_and(|n| !node(&n.node.node)) {
                *found = None;
                keep(false);
            } else if let Some(n) = found {
                n.services.retain(|_, s| keep(service(&s.service)));
            }
        }
        QueryResult::CheckServiceNodes(instances) => instances.retain(|i| keep(instance(i))),
        QueryResult::ConnectInstances(by_service) | QueryResult::MeshGateways(by_service) => {
            for instances in by_service.values_mut() {
                instances.retain(|i| keep(instance(i)));
            }
            by_service.retain(|_, v| !v.is_empty());
        }
        QueryResult::Checks(checks) => checks.retain(|c| keep(check(c))),
        QueryResult::KvList(entries) => entries.retain(|e| keep(key(&e.key))),
        QueryResult::Txn(outcome) => removed |= filter_txn(authz, &mut outcome.results),
        QueryResult::Keys(keys) => keys.retain(|k| keep(key(k))),
        QueryResult::ConfigEntries(entries) => entries.retain(|e| keep(entry_readable(authz, e))),
        QueryResult::AclTokens(tokens) if !may_see_secrets => {
            tokens.iter_mut().for_each(|t| t.secret_id = HIDDEN_SECRET.to_owned());
        }
        // The bearer of a secret reads its own token whole.
        QueryResult::AclToken(Some(token)) if !may_see_secrets && !matches!(query, Query::AclTokenBySecret { .. }) => {
            token.secret_id = HIDDEN_SECRET.to_owned();
        }
        _ => {}
    }
    removed
}
