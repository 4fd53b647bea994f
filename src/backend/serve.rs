//! Serving a request on this server, from its own raft node: the answer, or why not here
//! (`NotLeader`, which the forwarding function acts on).

use super::{Backend, Router};
use crate::raft::RaftNode;
use crate::rpc::message::{Answer, Reply, Request, StatusInfo};
use crate::state::RequestContext;

impl Backend {
    pub(super) async fn serve(
        &self,
        raft: &RaftNode,
        router: &Router,
        ctx: &RequestContext,
        request: &Request,
    ) -> Answer {
        match request {
            Request::Ping => Ok(Reply::Pong(self.me())),
            Request::Apply(command) => raft.apply(command.clone()).await.map(Reply::Applied),
            Request::Read(read) => raft.read(read, ctx.consistency, ctx.clamp_wait(read.wait())).await.map(Reply::Read),
            Request::Status => Ok(Reply::Status(StatusInfo {
                leader: raft.leader_node().map(|n| n.addr).unwrap_or_default(),
                peers: raft.voters().into_iter().map(|(_, n)| n.addr).collect(),
            })),
            Request::Datacenters => Ok(Reply::Datacenters(router.datacenters())),
            Request::RemovePeer(id) => raft.remove_member(*id).await.map(|()| Reply::Removed),
        }
    }
}
