//! Changing who votes: the leader adds servers that join and removes servers that leave.

use openraft::error::ClientWriteError;

use super::{ApplyError, NodeId, RaftNode, ServerNode};

impl RaftNode {
    /// Adds `node` as a voter (first as a learner that catches up, then promoted). Leader only.
    pub async fn add_voter(&self, id: NodeId, node: ServerNode) -> Result<(), ApplyError> {
        if self.voters().iter().any(|(v, n)| *v == id && *n == node) {
            return Ok(());
        }
        self.raft.add_learner(id, node, true).await.map_err(map_err)?;
        let mut voters: std::collections::BTreeSet<NodeId> = self.voters().into_iter().map(|(v, _)| v).collect();
        voters.insert(id);
        self.raft.change_membership(voters, false).await.map_err(map_err)?;
        Ok(())
    }

    /// Removes `id` from the voters and the membership. Leader only.
    pub async fn remove_member(&self, id: NodeId) -> Result<(), ApplyError> {
        let voters: std::collections::BTreeSet<NodeId> =
            self.voters().into_iter().map(|(v, _)| v).filter(|v| *v != id).collect();
        if voters.is_empty() {
            return Err(ApplyError::Raft("refusing to remove the last voter".into()));
        }
        self.raft.change_membership(voters, false).await.map_err(map_err)?;
        Ok(())
    }
}

fn map_err(e: openraft::error::RaftError<NodeId, ClientWriteError<NodeId, ServerNode>>) -> ApplyError {
    match e {
        openraft::error::RaftError::APIError(ClientWriteError::ForwardToLeader(f)) => {
            ApplyError::NotLeader { leader: f.leader_id }
        }
        other => ApplyError::Raft(other.to_string()),
    }
}

impl RaftNode {
    /// Removes `id` from the membership, on this node if it leads, else on the leader (one
    /// hop).
    pub async fn remove_peer(&self, id: NodeId) -> Result<(), ApplyError> {
        if self.leader() == Some(self.id) {
            return self.remove_member(id).await;
        }
        let Some(leader) = self.leader_node() else {
            return Err(ApplyError::NotLeader { leader: None });
        };
        let target = crate::rpc::Target {
            addr: leader.addr.clone(),
            node: Some(leader.name.clone()),
            datacenter: self.datacenter.clone(),
        };
        match self.rpc.request(&target, &crate::rpc::message::Request::RemovePeer(id)).await {
            Ok(crate::rpc::message::Reply::Removed(result)) => result,
            Ok(other) => {
                Err(ApplyError::Forward { leader: leader.to_string(), reason: format!("unexpected reply {other:?}") })
            }
            Err(e) => Err(ApplyError::Forward { leader: leader.to_string(), reason: e.to_string() }),
        }
    }
}
