//! The write path: a command is proposed on this node, which must lead. On a follower the
//! answer is `NotLeader` naming the leader; forwarding is the backend's job.

use super::{RaftNode, proposer};
use crate::state::{Command, RequestError, Response, StateError};

impl RaftNode {
    /// Commits `command` through raft and returns its outcome: the command's response, the
    /// state machine's rejection, `NotLeader` (with the leader, when known) on a follower, or
    /// why it could not be committed.
    pub async fn apply(&self, command: Command) -> Result<Response, RequestError> {
        if matches!(command, Command::Batch(_)) {
            return Err(RequestError::Rejected(StateError::NestedBatch));
        }
        let (reply, answer) = tokio::sync::oneshot::channel();
        self.proposer
            .send(proposer::Proposal { command, reply })
            .await
            .map_err(|_| RequestError::Storage("raft is shutting down".into()))?;
        let outcome =
            answer.await.map_err(|_| RequestError::Storage("raft stopped before the write was answered".into()))?;
        outcome.map_err(|e| self.name_leader(e))
    }
}
