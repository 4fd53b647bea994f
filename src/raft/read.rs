//! Reads on a server: from its own copy when stale; otherwise only on the leader (a follower
//! answers `NotLeader`, and the backend goes to the leader); blocking where they execute.

use std::time::Duration;

use super::RaftNode;
use crate::state::{Consistency, ReadReply, ReadRequest, RequestError};

impl RaftNode {
    /// Serves `read` here, waiting at most `wait_for` for a blocking read.
    pub async fn read(
        &self,
        read: &ReadRequest,
        consistency: Consistency,
        wait_for: Duration,
    ) -> Result<ReadReply, RequestError> {
        match consistency {
            Consistency::Stale => {}
            // Linearizable too: from this leader's state within its lease, else after a
            // quorum confirms it still leads.
            Consistency::Default if self.within_lease() => {}
            Consistency::Default | Consistency::Consistent => self.ensure_linearizable().await?,
        }
        let query = read.query.clone();
        let wait = read.wait().min(wait_for);
        let r = self.state.blocking(read.query.tables(), read.min_index, wait, move |s| query.run(s)).await;
        Ok(ReadReply {
            index: r.index,
            result: r.value,
            known_leader: self.known_leader(),
            last_contact_ms: self.last_contact().map_or(0, |d| d.as_millis() as u64),
        })
    }
}
