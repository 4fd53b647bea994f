//! Changing who votes: the leader adds servers that join and removes servers that leave.

use openraft::error::ClientWriteError;

use super::{NodeId, RaftNode, ServerNode};
use crate::state::RequestError;

impl RaftNode {
    /// Adds `node` as a voter (first as a learner that catches up, then promoted). Leader only.
    pub async fn add_voter(&self, id: NodeId, node: ServerNode) -> Result<(), RequestError> {
        if self.voters().iter().any(|(v, n)| *v == id && *n == node) {
            return Ok(());
        }
        self.raft.add_learner(id, node, true).await.map_err(|e| self.write_error(e))?;
        let mut voters: std::collections::BTreeSet<NodeId> = self.voters().into_iter().map(|(v, _)| v).collect();
        voters.insert(id);
        self.raft.change_membership(voters, false).await.map_err(|e| self.write_error(e))?;
        Ok(())
    }

    /// Removes `id` from the voters and the membership. Leader only.
    pub async fn remove_member(&self, id: NodeId) -> Result<(), RequestError> {
        if !self.is_leader() {
            return Err(self.not_leader(self.leader()));
        }
        if !self.members().iter().any(|(m, _)| *m == id) {
            return Err(RequestError::NotFound(format!("no raft peer with id {id}")));
        }
        let voters: std::collections::BTreeSet<NodeId> =
            self.voters().into_iter().map(|(v, _)| v).filter(|v| *v != id).collect();
        if voters.is_empty() {
            return Err(RequestError::Invalid {
                field: "id".into(),
                reason: "refusing to remove the last voter".into(),
            });
        }
        self.raft.change_membership(voters, false).await.map_err(|e| self.write_error(e))?;
        Ok(())
    }

    fn write_error(&self, e: openraft::error::RaftError<NodeId, ClientWriteError<NodeId, ServerNode>>) -> RequestError {
        match e {
            openraft::error::RaftError::APIError(ClientWriteError::ForwardToLeader(f)) => self.not_leader(f.leader_id),
            other => RequestError::Storage(other.to_string()),
        }
    }
}
