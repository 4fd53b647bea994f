//! Each secondary's leader mirrors the primary's federation states. Each round is a blocking
//! read at the primary for the states modified since the last round (one change costs one
//! state on the wire, however many datacenters there are), applied as upserts through local
//! raft. The answer also carries the size and digest of the primary's whole table; when the
//! local table does not match them after the upserts (a datacenter was removed, or this is
//! the first round after an error), the full list is read and diffed, deletes included.
//! It runs in the one replication loop (`replicator`); its status and cost counters are kept
//! for `/v1/internal/federation-states/replication`.

use std::time::Instant;

use serde::{Deserialize, Serialize};

use super::replicator::{Reach, Replicated, Status};
use crate::raft::RaftNode;
use crate::rpc::frame::FRAME_OVERHEAD;
use crate::rpc::message::{self, Reply};
use crate::state::{
    Command, FederationState, FederationStateOp, Query, QueryResult, ReadReply, ReadRequest, RequestError,
    federation_digest,
};

/// What federation-state replication last did, for operators.
pub type ReplicationStatus = Status<FederationCounters>;

/// What federation-state replication adds to its status: what it holds and what it cost.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct FederationCounters {
    /// Federation states held here.
    pub local_states: usize,
    /// Bytes of the primary's replies (RPC frames, before TLS) since this server started.
    pub bytes_received: u64,
    /// Federation states written or removed here by replication.
    pub states_applied: u64,
    /// Rounds that needed the full list (a removed datacenter, a first round, a mismatch).
    pub full_lists: u64,
    /// Time spent applying replicated changes through local raft, in microseconds.
    pub apply_micros: u64,
}

/// The federation-state table, replicated by the one loop (`replicator`).
#[derive(Debug, Default)]
pub struct FederationStateTable;

impl Replicated for FederationStateTable {
    type Extra = FederationCounters;
    const NAME: &'static str = "federation state replication";

    fn query(&self, index: u64) -> Query {
        Query::FederationStatesSince { index }
    }

    async fn apply(
        &mut self,
        reach: &Reach<'_>,
        _last_index: u64,
        reply: ReadReply,
        counters: &mut FederationCounters,
    ) -> Result<u64, String> {
        round(reach, reply, counters).await
    }
}

/// Applies a delta; falls back to the full list when the local table then differs from the
/// primary's (by size or digest).
async fn round(reach: &Reach<'_>, reply: ReadReply, counters: &mut FederationCounters) -> Result<u64, String> {
    let raft = reach.raft;
    let mut bytes = wire_bytes(&reply);
    let QueryResult::FederationStatesDelta(delta) = reply.result else {
        return Err("the primary answered the delta with another kind of reply".to_owned());
    };
    let started = Instant::now();
    let mut applied = apply_upserts(raft, &delta.changed).await.map_err(|e| format!("applying locally: {e}"))?;
    let local = raft.state().read(|s| s.federation_states());
    let digest = federation_digest(local.iter().map(|l| (l.datacenter.as_str(), l.primary_modify_index)));
    let (mut index, mut held) = (reply.index, local.len());
    if local.len() != delta.count || digest != delta.digest {
        let full = reach
            .backend
            .read(&reach.at_primary, ReadRequest::now(Query::FederationStates))
            .await
            .map_err(|e| format!("listing at the primary: {e}"))?;
        bytes += wire_bytes(&full);
        index = full.index;
        counters.full_lists += 1;
        let QueryResult::FederationStates(remote) = full.result else {
            return Err("the primary answered the list with another kind of reply".to_owned());
        };
        held = remote.len();
        applied += apply_diff(raft, remote).await.map_err(|e| format!("applying locally: {e}"))?;
    }
    counters.local_states = held;
    counters.bytes_received += bytes;
    counters.states_applied += applied;
    counters.apply_micros += started.elapsed().as_micros() as u64;
    Ok(index)
}

/// The size of the RPC frame that carried `reply` (the encoding is deterministic).
fn wire_bytes(reply: &ReadReply) -> u64 {
    let encoded = message::encode(&Ok::<_, RequestError>(Reply::Read(reply.clone()))).map_or(0, |b| b.len());
    (encoded + FRAME_OVERHEAD) as u64
}

/// Writes every state the local table does not hold at the same primary index; returns how
/// many were written.
async fn apply_upserts(raft: &RaftNode, remote: &[FederationState]) -> Result<u64, RequestError> {
    let local = raft.state().read(|s| s.federation_states());
    let mut written = 0;
    for r in remote {
        let primary_index = r.index.modify_index;
        let current = local.iter().find(|l| l.datacenter == r.datacenter);
        if current.is_some_and(|l| l.primary_modify_index == primary_index) {
            continue;
        }
        let mut copy = r.clone();
        copy.primary_modify_index = primary_index;
        raft.apply(Command::FederationState(FederationStateOp::Upsert(Box::new(copy)))).await?;
        written += 1;
    }
    Ok(written)
}

/// Makes the local table equal to `remote`; returns how many states were written or removed.
async fn apply_diff(raft: &RaftNode, remote: Vec<FederationState>) -> Result<u64, RequestError> {
    let mut written = apply_upserts(raft, &remote).await?;
    let local = raft.state().read(|s| s.federation_states());
    for l in local.iter().filter(|l| !remote.iter().any(|r| r.datacenter == l.datacenter)) {
        let delete = FederationStateOp::Delete { datacenter: l.datacenter.clone() };
        raft.apply(Command::FederationState(delete)).await?;
        written += 1;
    }
    Ok(written)
}
