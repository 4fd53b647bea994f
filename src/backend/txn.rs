//! A transaction's pre-check on the server serving it, as the reference's `Txn.preCheck`: an
//! op the token may not do, or a lock within its key's lock-delay (at the leader, by its
//! clock), is one of the transaction's errors and nothing reaches raft. Results are filtered
//! by what the token may read.

use crate::acl::{Authorizer, access};
use crate::raft::RaftNode;
use crate::state::{KvVerb, QueryResult, ReadReply, ReadRequest, TxnError, TxnOp, TxnOutcome};

/// The ops refused before raft, with their indexes (empty: go on).
pub(super) fn refusals(authz: Option<&Authorizer>, raft: &RaftNode, ops: &[TxnOp]) -> Vec<TxnError> {
    let leader = raft.is_leader();
    let mut errors = Vec::new();
    for (op_index, op) in ops.iter().enumerate() {
        let denied = authz.is_some_and(|a| access::txn_permission(op).is_some_and(|p| a.check(&p).is_err()));
        if denied {
            errors.push(TxnError { op_index, what: "Permission denied".to_owned() });
        } else if let TxnOp::Kv(kv) = op
            && kv.verb == KvVerb::Lock
            && leader
            && raft.state().lock_delayed(&kv.key)
        {
            tracing::warn!(key = %kv.key, "Rejecting lock of key due to lock-delay");
            errors.push(TxnError { op_index, what: format!("failed to lock key {:?} due to lock delay", kv.key) });
        }
    }
    errors
}

/// Leaves out the results the token may not read.
pub(super) fn filter(authz: Option<&Authorizer>, outcome: &mut TxnOutcome) {
    if let Some(authz) = authz {
        access::filter_txn(authz, &mut outcome.results);
    }
}

/// The answer to a read-only transaction refused before reading.
pub(super) fn refused_read(raft: &RaftNode, read: &ReadRequest, errors: Vec<TxnError>) -> ReadReply {
    let index = raft.state().read(|s| s.max_index(read.query.tables()));
    let result = QueryResult::Txn(TxnOutcome { results: Vec::new(), errors });
    ReadReply { index, result, known_leader: raft.leader().is_some(), last_contact_ms: 0 }
}
