//! A server's handlers on the server port: RPC requests (decoded, checked against the peer's
//! certificate, then served by the backend as any other request) and raft.

use std::collections::HashMap;
use std::sync::Arc;

use super::Backend;
use crate::rpc::message::{self, Answer, Envelope, Request};
use crate::rpc::{Handler, Peer};
use crate::state::{AclOp, Command, ConfigEntryOp, FederationStateOp, RequestError};
use crate::tls::{AgentTls, Protocol};

/// The server port's handlers for `backend` (a server's: raft is served only when it has a
/// raft node). With `tls`, server-only requests need a server certificate ([`authorize`]).
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
            let decoded = message::decode::<Envelope>(&body);
            drop(body); // the request's bytes are not kept while it is served (a blocking read waits)
            let answer: Answer = match decoded {
                Err(e) => Err(RequestError::Protocol(format!("malformed request: {e}"))),
                Ok(envelope) => match authorize(tls.as_deref(), &peer, backend.datacenter(), &envelope.request) {
                    Err(why) => Err(RequestError::PermissionDenied(format!("Permission denied: {why}"))),
                    Ok(()) => backend.handle(envelope).await,
                },
            };
            message::encode(&answer).unwrap_or_default()
        })
    });
    handlers.insert(Protocol::Rpc, rpc);
    handlers
}

/// Why `request` is only for servers, or `None` when any authenticated agent may send it.
///
/// Server-only: removing a raft peer, and writing federation states, the Connect CA or a
/// replicated config-entry table (alone or in a batch); raft itself is refused at the
/// connection. Everything else (ping, status, datacenters, reads, catalog, KV and config-entry
/// writes) is what client agents forward for their users.
pub fn server_only(request: &Request) -> Option<&'static str> {
    fn command(c: &Command) -> Option<&'static str> {
        match c {
            Command::FederationState(_) => Some("federation states may only be written by servers"),
            Command::ConnectCa(_) => Some("the Connect CA may only be written by servers"),
            Command::ConfigEntry(ConfigEntryOp::Replace { .. }) => {
                Some("replicated config entries may only be written by servers")
            }
            Command::Batch(commands) => commands.iter().find_map(command),
            Command::Acl(AclOp::InstallBuiltins { .. }) => Some("the built-in ACLs may only be written by servers"),
            // Users' ACL writes (their token is checked where they are served).
            Command::Acl(_) => None,
            Command::Register(_) | Command::Deregister(_) | Command::Kv(_) | Command::Session(_) | Command::Txn(_) => {
                None
            }
            // Users' config-entry and intention writes, which client agents forward to the primary.
            Command::ConfigEntry(
                ConfigEntryOp::Set { .. } | ConfigEntryOp::Delete { .. } | ConfigEntryOp::Intention(_),
            ) => None,
        }
    }
    match request {
        Request::RemovePeer(_) => Some("raft peers may only be removed by servers"),
        Request::ConnectSignIntermediate { .. } => {
            Some("intermediate CA certificates may only be requested by servers")
        }
        Request::Apply(c) => command(c),
        Request::Ping
        | Request::Read(_)
        | Request::Status
        | Request::Datacenters
        | Request::ConnectSign { .. }
        | Request::ConnectCaSetConfig(_)
        | Request::Keyring { .. }
        | Request::SessionRenew { .. } => None,
    }
}

/// With TLS that says who a peer is (`verify_incoming` or `verify_server_hostname`), a
/// server-only request is served only for a server of some datacenter of this domain: a peer
/// whose certificate is valid for `server.<dc>.<domain>` (servers forward to their leader and
/// to other datacenters). A federation state is written only by a server of its own
/// datacenter or of this one (forwarding to its leader). Client and CLI certificates are
/// refused, naming what was asked.
fn authorize(tls: Option<&AgentTls>, peer: &Peer, here: &str, request: &Request) -> Result<(), String> {
    // An intermediate CA can sign any identity: it is signed only for a peer that TLS proves
    // to be a server, never on trust.
    if let Request::ConnectSignIntermediate { .. } = request
        && !tls.is_some_and(AgentTls::roles_enforced)
    {
        return Err("intermediate CA certificates are signed only for servers proven by TLS \
                    (verify_incoming or verify_server_hostname)"
            .to_owned());
    }
    let (Some(tls), Some(what)) = (tls, server_only(request)) else { return Ok(()) };
    if !tls.roles_enforced() {
        return Ok(());
    }
    let server = tls.server_identity(&peer.certs).map_err(|why| format!("{what}: {why}"))?;
    let mut states = Vec::new();
    if let Request::Apply(c) = request {
        federation_state_datacenters(c, &mut states);
    }
    match states.into_iter().find(|dc| server.datacenter != *dc && server.datacenter != here) {
        Some(dc) => Err(format!(
            "{what}: a server of {} may not write the federation state of {dc} (only its own datacenter's servers, or this one's)",
            server.datacenter
        )),
        None => Ok(()),
    }
}

/// The datacenters whose federation states `command` writes.
fn federation_state_datacenters<'a>(command: &'a Command, out: &mut Vec<&'a str>) {
    match command {
        Command::FederationState(FederationStateOp::Upsert(state)) => out.push(&state.datacenter),
        Command::FederationState(FederationStateOp::Delete { datacenter }) => out.push(datacenter),
        Command::Batch(commands) => commands.iter().for_each(|c| federation_state_datacenters(c, out)),
        _ => {}
    }
}
