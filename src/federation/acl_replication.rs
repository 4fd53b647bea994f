//! Each secondary's leader mirrors the primary's ACL policies, roles and global tokens (the
//! reference's policy, role and token replication, as one round): a blocking read of the whole
//! set at the primary with the replication token (which needs `acl:write`: the set carries
//! secrets), applied as one raft command when it differs from the local copy. A secondary then
//! resolves every global token itself, also while the primary is away.

use serde::{Deserialize, Serialize};

use super::replicator::{Reach, Replicated, Status};
use crate::state::{AclOp, Command, Query, QueryResult, ReadReply};

/// What ACL replication last did, for `/v1/acl/replication`.
pub type AclReplicationStatus = Status<AclCounters>;

/// What ACL replication adds to its status: what it holds.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct AclCounters {
    pub policies: usize,
    pub roles: usize,
    /// Global tokens held here (local tokens are never replicated).
    pub tokens: usize,
    /// Rounds that changed something here.
    pub rounds_applied: u64,
}

/// The ACL tables, replicated by the one loop (`replicator`).
#[derive(Debug, Default)]
pub struct AclTable;

impl Replicated for AclTable {
    type Extra = AclCounters;
    const NAME: &'static str = "ACL replication";

    fn query(&self, _index: u64) -> Query {
        Query::AclReplicationSet
    }

    async fn apply(
        &mut self,
        reach: &Reach<'_>,
        last_index: u64,
        reply: ReadReply,
        counters: &mut AclCounters,
    ) -> Result<u64, String> {
        let QueryResult::AclSet(set) = reply.result else {
            return Err("the primary answered the ACL read with another kind of reply".to_owned());
        };
        if reply.index < last_index {
            tracing::warn!(
                from = last_index,
                to = reply.index,
                "ACL replication remote index moved backwards, forcing a full ACL sync"
            );
        }
        counters.policies = set.policies.len();
        counters.roles = set.roles.len();
        counters.tokens = set.tokens.len();
        let current = reach.raft.state().read(|s| s.acl_set());
        if !same_content(&current, &set) {
            reach
                .raft
                .apply(Command::Acl(AclOp::Replace(set)))
                .await
                .map_err(|e| format!("applying the primary's ACLs locally: {e}"))?;
            counters.rounds_applied += 1;
        }
        Ok(reply.index)
    }
}

/// Equal but for the indexes each datacenter stores its copies at.
fn same_content(a: &crate::state::AclSet, b: &crate::state::AclSet) -> bool {
    use crate::state::RaftIndex;
    let p = |v: &[crate::state::AclPolicy]| {
        v.iter().map(|x| crate::state::AclPolicy { index: RaftIndex::default(), ..x.clone() }).collect::<Vec<_>>()
    };
    let r = |v: &[crate::state::AclRole]| {
        v.iter().map(|x| crate::state::AclRole { index: RaftIndex::default(), ..x.clone() }).collect::<Vec<_>>()
    };
    let t = |v: &[crate::state::AclToken]| {
        v.iter().map(|x| crate::state::AclToken { index: RaftIndex::default(), ..x.clone() }).collect::<Vec<_>>()
    };
    p(&a.policies) == p(&b.policies) && r(&a.roles) == r(&b.roles) && t(&a.tokens) == t(&b.tokens)
}
