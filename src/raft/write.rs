//! The write path: a command is proposed on this node, which must lead. On a follower the
//! answer is `NotLeader` naming the leader; forwarding is the backend's job.

use std::time::Duration;

use super::{RaftNode, proposer};

/// How often a write waiting to commit checks whether its leader was deposed.
const DEPOSED_CHECK: Duration = Duration::from_millis(100);
use crate::state::{Command, RequestError, Response, StateError};

impl RaftNode {
    /// Commits `command` through raft and returns its outcome: the command's response, the
    /// state machine's rejection, `NotLeader` (with the leader, when known) on a follower, or
    /// why it could not be committed.
    pub async fn apply(&self, command: Command) -> Result<Response, RequestError> {
        if matches!(command, Command::Batch(_)) {
            return Err(RequestError::Rejected(StateError::NestedBatch));
        }
        let lost =
            |since: Duration, proposed| RequestError::LeadershipLost { since_ms: since.as_millis() as u64, proposed };
        if let Some(since) = self.deposed() {
            return Err(lost(since, false));
        }
        let (reply, answer) = tokio::sync::oneshot::channel();
        self.proposer
            .send(proposer::Proposal { command, reply })
            .await
            .map_err(|_| RequestError::Storage("raft is shutting down".into()))?;
        // A write proposed on a leader that a partition deposes would wait for the partition
        // to heal; it fails once the leader is deposed instead.
        let deposed = async {
            loop {
                tokio::time::sleep(DEPOSED_CHECK).await;
                if let Some(since) = self.deposed() {
                    return since;
                }
            }
        };
        let outcome = tokio::select! {
            outcome = answer => outcome.map_err(|_| RequestError::Storage("raft stopped before the write was answered".into()))?,
            since = deposed => return Err(lost(since, true)),
        };
        outcome.map_err(|e| self.name_leader(e))
    }
}
