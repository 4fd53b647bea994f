//! A server's handlers on the server port: RPC requests (decoded, checked against the peer's
//! certificate, then served by the backend as any other request) and raft.

use std::collections::HashMap;
use std::sync::Arc;

use super::Backend;
use crate::rpc::message::{self, Answer, Envelope, Request};
use crate::rpc::{Handler, Peer};
use crate::state::{Command, FederationStateOp, RequestError};
use crate::tls::{AgentTls, Protocol};

/// The server port's handlers for `backend` (a server's: raft is served only when it has a
/// raft node). With `tls`, federation-state writes need a server certificate.
pub fn server_handlers(backend: Backend, tls: Option<Arc<AgentTls>>) -> HashMap<Protocol, Handler> {
    let mut handlers = HashMap::new();
    if let Some(raft) = backend.raft().cloned() {
        let raft_handler: Handler = Arc::new(move |body: Vec<u8>, _peer: Peer| {
            let raft = raft.clone();
            Box::pin(async move { raft.handle_raft(&body).await })
        });
        handlers.insert(Protocol::Raft, raft_handler);
    }
    let rpc: Handler = Arc::new(move |body: Vec<u8>, peer: Peer| {
        let (backend, tls) = (backend.clone(), tls.clone());
        Box::pin(async move {
            let answer: Answer = match message::decode::<Envelope>(&body) {
                Err(e) => Err(RequestError::Protocol(format!("malformed request: {e}"))),
                Ok(envelope) => {
                    match federation_write_allowed(tls.as_deref(), &peer, backend.datacenter(), &envelope) {
                        Err(why) => Err(RequestError::PermissionDenied(why)),
                        Ok(()) => backend.handle(envelope).await,
                    }
                }
            };
            message::encode(&answer).unwrap_or_default()
        })
    });
    handlers.insert(Protocol::Rpc, rpc);
    handlers
}

/// With TLS, a federation-state write (for this datacenter or, routed on, for another) is
/// accepted only from a server: the peer's certificate must be valid for
/// `server.<dc>.<domain>` of the state's datacenter or of this one (a server forwarding to its
/// leader). Client and CLI certificates are refused.
fn federation_write_allowed(
    tls: Option<&AgentTls>,
    peer: &Peer,
    here: &str,
    envelope: &Envelope,
) -> Result<(), String> {
    let Some(tls) = tls else { return Ok(()) };
    let datacenter = match &envelope.request {
        Request::Apply(Command::FederationState(FederationStateOp::Upsert(state))) => &state.datacenter,
        Request::Apply(Command::FederationState(FederationStateOp::Delete { datacenter })) => datacenter,
        _ => return Ok(()),
    };
    if tls.check_server_of(&peer.certs, datacenter).is_ok() || tls.check_server_of(&peer.certs, here).is_ok() {
        return Ok(());
    }
    Err(format!(
        "federation states may only be written by servers: the caller's certificate is not valid for server.{datacenter} or server.{here} of this domain"
    ))
}
