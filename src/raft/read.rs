//! Reads on a server: by the leader by default (forwarded once from a follower), locally
//! with `stale`; blocking where they execute.

use std::time::Duration;

use super::{ApplyError, RaftNode};
use crate::rpc::Target;
use crate::rpc::message::{ReadReply, ReadRequest, Reply, Request, StatusInfo};

impl RaftNode {
    /// Serves a read request.
    pub async fn read(&self, req: ReadRequest) -> Result<ReadReply, ApplyError> {
        let is_leader = self.leader() == Some(self.id);
        if req.stale || is_leader || req.forwarded {
            if req.consistent {
                self.ensure_linearizable().await?;
            }
            let wait = Duration::from_millis(req.wait_ms);
            let query = req.query.clone();
            let r = self.state.blocking(req.query.tables(), req.min_index, wait, move |s| query.run(s)).await;
            return Ok(ReadReply {
                index: r.index,
                result: r.value,
                known_leader: self.leader().is_some(),
                last_contact_ms: self.last_contact().map_or(0, |d| d.as_millis() as u64),
            });
        }
        let Some(leader) = self.leader_node() else {
            return Err(ApplyError::NotLeader { leader: None });
        };
        let target =
            Target { addr: leader.addr.clone(), node: Some(leader.name.clone()), datacenter: self.datacenter.clone() };
        let timeout = Duration::from_millis(req.wait_ms) + Duration::from_secs(30);
        let forwarded = Request::Read(ReadRequest { forwarded: true, ..req });
        match self.rpc.request_within(&target, &forwarded, timeout).await {
            Ok(Reply::Read(result)) => result,
            Ok(other) => {
                Err(ApplyError::Forward { leader: leader.to_string(), reason: format!("unexpected reply {other:?}") })
            }
            Err(e) => Err(ApplyError::Forward { leader: leader.to_string(), reason: e.to_string() }),
        }
    }

    /// The raft view this server has.
    pub fn status(&self) -> StatusInfo {
        StatusInfo {
            leader: self.leader_node().map(|n| n.addr).unwrap_or_default(),
            peers: self.voters().into_iter().map(|(_, n)| n.addr).collect(),
        }
    }
}
