//! The agent's handlers on the server port: RPC requests and raft.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use super::backend::Backend;
use crate::raft::{ApplyError, RaftNode};
use crate::rpc::message::{self, PeerInfo, Reply, Request};
use crate::rpc::protocol::Protocol;
use crate::rpc::{Handler, Peer};
use crate::state::{Command, FederationStateOp};
use crate::tls::AgentTls;

/// Handlers for a server: RPC and raft. `backend` must be this server's; `tls` is its TLS
/// (federation-state writes then need a server certificate).
pub fn server_handlers(
    raft: RaftNode,
    backend: Backend,
    me: PeerInfo,
    tls: Option<Arc<AgentTls>>,
) -> HashMap<Protocol, Handler> {
    let rpc_raft = raft.clone();
    let rpc: Handler = Arc::new(move |body: Vec<u8>, peer: Peer| {
        let (raft, backend, me, tls) = (rpc_raft.clone(), backend.clone(), me.clone(), tls.clone());
        Box::pin(async move {
            let reply = match message::decode::<Request>(&body) {
                Err(e) => Reply::Refused(format!("malformed request: {e}")),
                Ok(request) => match federation_write_allowed(tls.as_deref(), &peer, &me, &request) {
                    Err(why) => Reply::Applied(Err(ApplyError::PermissionDenied(why))),
                    Ok(()) => handle(raft, backend, me, request).await,
                },
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

/// With TLS, a federation-state write (directly, or wrapped for another datacenter) is
/// accepted only from a server: the peer's certificate must be valid for
/// `server.<dc>.<domain>` of the state's datacenter or of this one (a server forwarding to
/// its leader). Client and CLI certificates are refused.
fn federation_write_allowed(
    tls: Option<&AgentTls>,
    peer: &Peer,
    me: &PeerInfo,
    request: &Request,
) -> Result<(), String> {
    let Some(tls) = tls else { return Ok(()) };
    let datacenter = match request {
        Request::Apply { command: Command::FederationState(op), .. } => match op {
            FederationStateOp::Upsert(state) => state.datacenter.clone(),
            FederationStateOp::Delete { datacenter } => datacenter.clone(),
        },
        Request::InDc { request, .. } => return federation_write_allowed(Some(tls), peer, me, request),
        _ => return Ok(()),
    };
    if tls.check_server_of(&peer.certs, &datacenter).is_ok() || tls.check_server_of(&peer.certs, &me.datacenter).is_ok()
    {
        return Ok(());
    }
    Err(format!(
        "federation states may only be written by servers: the caller's certificate is not valid for server.{datacenter} or server.{} of this domain",
        me.datacenter
    ))
}
