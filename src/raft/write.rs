//! The write path: propose locally when leader, else forward to the leader in one hop.

use std::time::Duration;

use tokio::time::Instant;

use super::{ApplyError, RaftNode, proposer};
use crate::rpc::Target;
use crate::rpc::message::{Reply, Request};
use crate::state::{Command, Response, StateError};

impl RaftNode {
    /// The one write path: commit `command` through raft and return its outcome. On a
    /// follower the command is forwarded to the leader (one hop); while an election is in
    /// progress it waits, up to the forward timeout. The `Err` is either the state machine's
    /// rejection of this command or the reason it could not be committed.
    pub async fn apply(&self, command: Command) -> Result<Response, ApplyError> {
        let deadline = Instant::now() + self.forward_timeout;
        let mut backoff = Duration::from_millis(20);
        loop {
            let outcome = match self.apply_local(command.clone()).await {
                Err(ApplyError::NotLeader { leader: Some(id) }) if id != self.id => self.forward(id, &command).await,
                other => other,
            };
            let retry = matches!(outcome, Err(ApplyError::NotLeader { .. }) | Err(ApplyError::Forward { .. }));
            if !retry {
                return outcome;
            }
            if Instant::now() + backoff > deadline {
                return match outcome {
                    Err(ApplyError::NotLeader { .. }) => Err(ApplyError::NoLeader(self.forward_timeout)),
                    other => other,
                };
            }
            tokio::time::sleep(backoff).await;
            backoff = (backoff * 2).min(Duration::from_millis(500));
        }
    }

    /// Proposes `command` on this node only (the RPC handler for forwarded writes uses this,
    /// so a forwarded write never travels further).
    pub async fn apply_local(&self, command: Command) -> Result<Response, ApplyError> {
        if matches!(command, Command::Batch(_)) {
            return Err(ApplyError::Rejected(StateError::NestedBatch));
        }
        let (reply, answer) = tokio::sync::oneshot::channel();
        self.proposer
            .send(proposer::Proposal { command, reply })
            .await
            .map_err(|_| ApplyError::Raft("raft is shutting down".into()))?;
        answer.await.map_err(|_| ApplyError::Raft("raft stopped before the write was answered".into()))?
    }

    async fn forward(&self, leader: super::NodeId, command: &Command) -> Result<Response, ApplyError> {
        let Some(node) = self.members().into_iter().find(|(id, _)| *id == leader).map(|(_, n)| n) else {
            return Err(ApplyError::NotLeader { leader: None });
        };
        let target =
            Target { addr: node.addr.clone(), node: Some(node.name.clone()), datacenter: self.datacenter.clone() };
        let forward_err = |reason: String| ApplyError::Forward { leader: node.to_string(), reason };
        let request = Request::Apply { command: command.clone(), forwarded: true };
        match self.rpc.request(&target, &request).await {
            Ok(Reply::Applied(result)) => result,
            Ok(other) => Err(forward_err(format!("unexpected reply {other:?}"))),
            Err(e) => Err(forward_err(e.to_string())),
        }
    }
}
