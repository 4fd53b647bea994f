//! Group commit for writes.
//!
//! openraft 0.9 makes each log append durable before it takes the next one, so one raft
//! entry per client write would cost one fsync per write. Instead, every write goes through
//! this task: while one entry is being committed, the writes that arrive queue up, and the
//! next entry carries all of them as one `Command::Batch`. Each caller still gets exactly its
//! own command's outcome; nobody else ever sees a batch.

use tokio::sync::{mpsc, oneshot};

use super::types::Raft;
use crate::state::{Command, RequestError, Response};

/// The most commands in one raft entry.
const MAX_BATCH: usize = 1024;

/// One caller's write, and where its outcome goes.
pub(super) struct Proposal {
    pub command: Command,
    pub reply: oneshot::Sender<Result<Response, RequestError>>,
}

/// Starts the proposer; it stops when every sender is dropped, or when the node that owns its
/// handle shuts down.
pub(super) fn spawn(raft: Raft) -> (mpsc::Sender<Proposal>, tokio::task::JoinHandle<()>) {
    let (tx, rx) = mpsc::channel(8 * MAX_BATCH);
    (tx, tokio::spawn(run(raft, rx)))
}

async fn run(raft: Raft, mut rx: mpsc::Receiver<Proposal>) {
    while let Some(first) = rx.recv().await {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(p) => batch.push(p),
                Err(_) => break,
            }
        }
        if batch.len() == 1 {
            if let Some(p) = batch.pop() {
                let _ = p.reply.send(write(&raft, p.command).await);
            }
            continue;
        }
        let (commands, replies): (Vec<Command>, Vec<_>) = batch.into_iter().map(|p| (p.command, p.reply)).unzip();
        let count = commands.len();
        match write(&raft, Command::Batch(commands)).await {
            Ok(Response::Batch(results)) if results.len() == count => {
                for (reply, result) in replies.into_iter().zip(results) {
                    let _ = reply.send(result.map_err(RequestError::Rejected));
                }
            }
            Ok(other) => {
                let e = RequestError::Storage(format!("a batch of {count} commands was answered with {other:?}"));
                for reply in replies {
                    let _ = reply.send(Err(e.clone()));
                }
            }
            Err(e) => {
                for reply in replies {
                    let _ = reply.send(Err(e.clone()));
                }
            }
        }
    }
}

/// Proposes one raft entry and maps raft's errors.
async fn write(raft: &Raft, command: Command) -> Result<Response, RequestError> {
    use openraft::error::{ClientWriteError, RaftError};
    match raft.client_write(command).await {
        Ok(written) => written.data.map_err(RequestError::Rejected),
        Err(RaftError::APIError(ClientWriteError::ForwardToLeader(f))) => {
            Err(RequestError::NotLeader { leader: f.leader_node })
        }
        Err(e) => Err(RequestError::Storage(e.to_string())),
    }
}
