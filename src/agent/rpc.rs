//! The agent's handlers on the server port: RPC requests and raft.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use super::backend::Backend;
use crate::raft::RaftNode;
use crate::rpc::message::{self, PeerInfo, Reply, Request};
use crate::rpc::protocol::Protocol;
use crate::rpc::{Handler, Peer};

/// Handlers for a server: RPC and raft. `backend` must be this server's.
pub fn server_handlers(raft: RaftNode, backend: Backend, me: PeerInfo) -> HashMap<Protocol, Handler> {
    let rpc_raft = raft.clone();
    let rpc: Handler = Arc::new(move |body: Vec<u8>, _peer: Peer| {
        let (raft, backend, me) = (rpc_raft.clone(), backend.clone(), me.clone());
        Box::pin(async move {
            let reply = match message::decode::<Request>(&body) {
                Err(e) => Reply::Refused(format!("malformed request: {e}")),
                Ok(request) => handle(raft, backend, me, request).await,
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

fn handle(
    raft: RaftNode,
    backend: Backend,
    me: PeerInfo,
    request: Request,
) -> Pin<Box<dyn Future<Output = Reply> + Send>> {
    Box::pin(async move {
        match request {
            Request::Ping => Reply::Pong(me),
            // Writes forwarded by a server are proposed here or fail; a client's (or another
            // datacenter's) write may be forwarded once more, to this datacenter's leader.
            Request::Apply { command, forwarded: true } => Reply::Applied(raft.apply_local(command).await),
            Request::Apply { command, forwarded: false } => Reply::Applied(raft.apply(command).await),
            Request::RemovePeer(id) => Reply::Removed(raft.remove_member(id).await),
            Request::Read(read) => Reply::Read(raft.read(read).await),
            Request::Status => Reply::Status(raft.status()),
            Request::Datacenters => match backend.datacenters().await {
                Ok(dcs) => Reply::Datacenters(dcs),
                Err(e) => Reply::Refused(e.to_string()),
            },
            Request::InDc { datacenter, request } if datacenter == me.datacenter => {
                handle(raft, backend, me, *request).await
            }
            Request::InDc { datacenter, request } => {
                let wait = match request.as_ref() {
                    Request::Read(r) => Some(std::time::Duration::from_millis(r.wait_ms)),
                    _ => None,
                };
                match backend.remote(&datacenter, *request, wait).await {
                    Ok(reply) => reply,
                    Err(e) => match e {
                        crate::raft::ApplyError::NoPathToDatacenter(_) => Reply::Applied(Err(e)),
                        other => Reply::Refused(other.to_string()),
                    },
                }
            }
        }
    })
}
