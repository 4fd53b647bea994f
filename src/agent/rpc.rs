//! The agent's handlers on the server port: RPC requests and raft.

use std::collections::HashMap;
use std::sync::Arc;

use crate::raft::RaftNode;
use crate::rpc::message::{self, PeerInfo, Reply, Request};
use crate::rpc::protocol::Protocol;
use crate::rpc::{Handler, Peer};

/// Handlers for a server: RPC (`Ping`, forwarded `Apply`) and raft.
pub fn server_handlers(raft: RaftNode, me: PeerInfo) -> HashMap<Protocol, Handler> {
    let rpc_raft = raft.clone();
    let rpc: Handler = Arc::new(move |body: Vec<u8>, _peer: Peer| {
        let (raft, me) = (rpc_raft.clone(), me.clone());
        Box::pin(async move {
            let reply = match message::decode::<Request>(&body) {
                Err(e) => Reply::Refused(format!("malformed request: {e}")),
                Ok(Request::Ping) => Reply::Pong(me),
                // Writes forwarded by a server are proposed here or fail; a client's write may
                // be forwarded once more, to the leader.
                Ok(Request::Apply { command, forwarded: true }) => Reply::Applied(raft.apply_local(command).await),
                Ok(Request::Apply { command, forwarded: false }) => Reply::Applied(raft.apply(command).await),
                Ok(Request::Read(read)) => Reply::Read(raft.read(read).await),
                Ok(Request::Status) => Reply::Status(raft.status()),
                Ok(Request::RemovePeer(id)) => Reply::Removed(raft.remove_member(id).await),
            };
            message::encode(&reply).unwrap_or_default()
        })
    });
    let raft_handler: Handler = Arc::new(move |body: Vec<u8>, _peer: Peer| {
        let raft = raft.clone();
        Box::pin(async move { raft.handle_raft(&body).await })
    });
    HashMap::from([(Protocol::Rpc, rpc), (Protocol::Raft, raft_handler)])
}
