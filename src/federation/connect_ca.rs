//! The Connect CA across the federation. The primary's leader creates the trust domain and
//! root once (raft makes it durable and the `Initialize` command keeps a racing second leader
//! from replacing it); each secondary's leader mirrors the primary's public roots with a
//! blocking read, so every datacenter answers `/v1/connect/ca/roots` locally, and keeps its
//! own intermediate CA signed by the primary (through the gateways, like any cross-DC RPC):
//! a new one for a new active root, and a renewal past half of its lifetime. Leaves are then
//! signed in the secondary itself, also while the primary is unreachable.

use std::time::Duration;

use tokio::sync::watch;

use super::until_leader;
use crate::backend::Backend;
use crate::duration::rfc3339;
use crate::raft::RaftNode;
use crate::state::{
    CaRoot, Command, ConnectCa, ConnectCaOp, Query, QueryResult, ReadRequest, RequestContext, SigningIntermediate,
};
use crate::tasks::stopped;
use crate::tls::intermediate::intermediate_request;

const WAIT: Duration = Duration::from_secs(10);
const MAX_BACKOFF: Duration = Duration::from_secs(5);

/// The CA task of a server, until shutdown: the primary creates the CA, secondaries mirror it.
pub async fn run_connect_ca(
    raft: RaftNode,
    backend: Backend,
    datacenter: String,
    primary: String,
    shutdown: watch::Receiver<bool>,
) {
    if datacenter == primary {
        initialize(raft, shutdown).await;
    } else {
        mirror(raft, backend, primary, datacenter, shutdown).await;
    }
}

/// A fresh CA: a random cluster ID names the trust domain.
pub fn new_connect_ca() -> Result<ConnectCa, crate::tls::TlsError> {
    let trust_domain = format!("{}.consul", crate::state::new_uuid());
    let root = crate::tls::generate_connect_root(&trust_domain)?;
    Ok(ConnectCa {
        trust_domain,
        active_root_id: root.id.clone(),
        roots: vec![CaRoot {
            id: root.id,
            name: "fedctl CA Root Cert".to_owned(),
            serial_number: root.serial_number,
            root_cert: root.cert_pem,
            not_before: rfc3339(root.not_before),
            not_after: rfc3339(root.not_after),
            intermediate_certs: None,
            active: true,
            index: Default::default(),
        }],
        signing_key: Some(root.key_pem),
        config: None,
    })
}

async fn initialize(raft: RaftNode, mut shutdown: watch::Receiver<bool>) {
    let mut backoff = Duration::from_millis(100);
    while until_leader(&raft, &mut shutdown).await {
        if raft.state().read(|s| s.connect_ca().is_some()) {
            return;
        }
        let result = match new_connect_ca() {
            Ok(ca) => {
                raft.apply(Command::ConnectCa(ConnectCaOp::Initialize(Box::new(ca)))).await.map_err(|e| e.to_string())
            }
            Err(e) => Err(e.to_string()),
        };
        match result {
            Ok(_) => {
                let td = raft.state().read(|s| s.connect_ca().map(|c| c.trust_domain.clone())).unwrap_or_default();
                tracing::info!(trust_domain = %td, "Connect CA initialized");
                return;
            }
            Err(error) => {
                tracing::warn!(%error, "initializing the Connect CA failed; retrying");
                pause(&mut backoff, &mut shutdown).await;
            }
        }
    }
}

async fn mirror(
    raft: RaftNode,
    backend: Backend,
    primary: String,
    datacenter: String,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut index = 0;
    let mut backoff = Duration::from_millis(100);
    while until_leader(&raft, &mut shutdown).await {
        let at_primary = RequestContext::new().in_datacenter(Some(&primary)).blocking(WAIT);
        let answer = tokio::select! {
            r = backend.read(&at_primary, ReadRequest::blocking(Query::CaRoots, index, WAIT)) => r,
            _ = stopped(&mut shutdown) => return,
        };
        let outcome = match answer {
            Ok(reply) => match reply.result {
                QueryResult::CaRoots(Some(remote)) => {
                    let local = raft.state().read(|s| s.connect_ca().map(ConnectCa::public));
                    if local.as_ref().map(strip) != Some(strip(&remote)) {
                        let command = Command::ConnectCa(ConnectCaOp::Replace(Box::new(remote.public())));
                        raft.apply(command).await.map(|_| reply.index).map_err(|e| e.to_string())
                    } else {
                        Ok(reply.index)
                    }
                }
                // The primary has not created it yet: wait for it to.
                QueryResult::CaRoots(None) => Ok(reply.index),
                _ => Err("the primary answered the CA roots read with another kind of reply".to_owned()),
            },
            Err(e) => Err(e.to_string()),
        };
        match outcome {
            Ok(new_index) => {
                index = new_index;
                backoff = Duration::from_millis(100);
                // Checked on every answer (at least every WAIT): a refusal is retried then.
                if let Err(error) = ensure_intermediate(&raft, &backend, &primary, &datacenter).await {
                    tracing::warn!(%error, %primary, "Primary datacenter refused to sign our intermediate CA certificate");
                }
            }
            Err(error) => {
                tracing::debug!(%error, %primary, "replicating the Connect CA roots failed");
                index = 0;
                pause(&mut backoff, &mut shutdown).await;
            }
        }
    }
}

/// Gets this secondary an intermediate signed by the primary when it needs one: it has none,
/// its intermediate is under a root that is no longer active, or half of its lifetime passed.
async fn ensure_intermediate(
    raft: &RaftNode,
    backend: &Backend,
    primary: &str,
    datacenter: &str,
) -> Result<(), String> {
    let (ca, current) = raft.state().read(|s| (s.connect_ca().cloned(), s.connect_intermediate().cloned()));
    let Some(ca) = ca else { return Ok(()) };
    if current.as_ref().is_some_and(|i| i.root_id == ca.active_root_id && !past_half_life(i)) {
        return Ok(());
    }
    let request = intermediate_request(&ca.trust_domain, datacenter).map_err(|e| e.to_string())?;
    let at_primary = RequestContext::new().in_datacenter(Some(primary));
    let signed = backend.connect_sign_intermediate(&at_primary, request.csr_pem).await.map_err(|e| e.to_string())?;
    if signed.root_id != ca.active_root_id {
        return Err(format!("it was signed under root {}, not the active {}", signed.root_id, ca.active_root_id));
    }
    let intermediate = SigningIntermediate {
        root_id: signed.root_id,
        cert_pem: signed.cert_pem,
        key_pem: request.key_pem,
        not_before: signed.not_before,
        not_after: signed.not_after.clone(),
    };
    raft.apply(Command::ConnectCa(ConnectCaOp::SetIntermediate(Box::new(intermediate))))
        .await
        .map_err(|e| e.to_string())?;
    tracing::info!(valid_before = %signed.not_after, renewed = current.is_some(), "received new intermediate certificate from primary datacenter");
    Ok(())
}

fn past_half_life(i: &SigningIntermediate) -> bool {
    let parse = |s: &str| time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).ok();
    match (parse(&i.not_before), parse(&i.not_after)) {
        (Some(before), Some(after)) => time::OffsetDateTime::now_utc() > before + (after - before) / 2,
        _ => true,
    }
}

/// The CA without the indexes each datacenter assigns itself.
fn strip(ca: &ConnectCa) -> ConnectCa {
    let mut ca = ca.public();
    for root in &mut ca.roots {
        root.index = Default::default();
    }
    ca
}

async fn pause(backoff: &mut Duration, shutdown: &mut watch::Receiver<bool>) {
    tokio::select! {
        _ = tokio::time::sleep(*backoff) => {}
        _ = stopped(shutdown) => {}
    }
    *backoff = (*backoff * 2).min(MAX_BACKOFF);
}
