//! Serving a request on this server, from its own raft node: the answer, or why not here
//! (`NotLeader`, which the forwarding function acts on).

use super::ca_config::{Plan, leaf_ttl, plan};
use super::{Backend, Router};
use crate::duration::rfc3339;
use crate::raft::RaftNode;
use crate::rpc::message::{Answer, Reply, Request, SignedCert, SignedIntermediate, StatusInfo};
use crate::state::{
    Command, ConnectCaOp, KvOp, Query, QueryResult, ReadReply, RequestContext, RequestError, Response, TxnOutcome,
};
use crate::tls::intermediate::{INTERMEDIATE_TTL, IntermediateError};
use crate::tls::leaf::{LeafError, sign_leaf};

impl Backend {
    pub(super) async fn serve(
        &self,
        raft: &RaftNode,
        router: &Router,
        ctx: &RequestContext,
        request: &Request,
    ) -> Answer {
        // Decided here, once, on the server that serves the request.
        let authz = if super::acl::needs_token(request) { self.authorizer_here(raft, ctx).await? } else { None };
        if let Some(authz) = &authz {
            super::acl::check_request(authz, raft, request)?;
        }
        match request {
            Request::Ping => Ok(Reply::Pong(self.me())),
            // The leader refuses to lock a key within the lock-delay of the session that last
            // held it (as the reference: in memory, by the leader's clock).
            Request::Apply(Command::Kv(KvOp::Lock { key, .. }))
                if raft.is_leader() && raft.state().lock_delayed(key) =>
            {
                tracing::warn!(key = %key, "Rejecting lock of key due to lock-delay");
                Ok(Reply::Applied(Response::Bool(false)))
            }
            Request::Apply(Command::Txn(ops)) => {
                let errors = super::txn::refusals(authz.as_ref(), raft, ops);
                if !errors.is_empty() {
                    return Ok(Reply::Applied(Response::Txn(TxnOutcome { results: Vec::new(), errors })));
                }
                let mut response = raft.apply(Command::Txn(ops.clone())).await?;
                if let Response::Txn(outcome) = &mut response {
                    super::txn::filter(authz.as_ref(), outcome);
                }
                Ok(Reply::Applied(response))
            }
            Request::Apply(command) => raft.apply(command.clone()).await.map(Reply::Applied),
            Request::Read(read) => {
                if let Query::Txn { ops } = &read.query {
                    let errors = super::txn::refusals(authz.as_ref(), raft, ops);
                    if !errors.is_empty() {
                        return Ok(Reply::Read(super::txn::refused_read(raft, read, errors)));
                    }
                }
                let mut reply = raft.read(read, ctx.consistency, ctx.clamp_wait(read.wait())).await?;
                if let Some(authz) = &authz {
                    crate::acl::access::filter(authz, &read.query, &mut reply.result);
                }
                Ok(Reply::Read(reply))
            }
            Request::Status => Ok(Reply::Status(StatusInfo {
                leader: raft.leader_node().map(|n| n.addr).unwrap_or_default(),
                peers: raft.voters().into_iter().map(|(_, n)| n.addr).collect(),
            })),
            Request::Datacenters => Ok(Reply::Datacenters(router.datacenters())),
            Request::RemovePeer(id) => raft.remove_member(*id).await.map(|()| Reply::Removed),
            Request::ConnectSign { csr } => {
                let signed = sign(raft, &self.inner.me.datacenter, csr)?;
                // A leaf of a service needs write on that service (signing alone changes nothing).
                if let Some(authz) = &authz {
                    let permission = crate::acl::Permission::on(
                        crate::acl::Resource::Service,
                        &signed.service,
                        crate::acl::Access::Write,
                    );
                    authz.check(&permission).map_err(|e| RequestError::PermissionDenied(e.to_string()))?;
                }
                Ok(Reply::Signed(signed))
            }
            Request::ConnectCaSetConfig(request) => {
                let primary = router.primary_datacenter();
                if primary != self.inner.me.datacenter {
                    return Err(RequestError::BadInput(format!(
                        "the CA is configured in the primary datacenter {primary:?}, not in {:?}",
                        self.inner.me.datacenter
                    )));
                }
                set_ca_config(raft, request).await
            }
            Request::Keyring { wan, op } => self.keyring_here(*wan, op).await.map(Reply::Keyring),
            Request::SessionRenew { id } => {
                if !raft.is_leader() {
                    return Err(raft.not_leader(raft.leader()));
                }
                let session = raft.state().read(|s| s.session(id).cloned());
                if let Some(session) = &session {
                    self.inner.session_timers.renew(session);
                }
                let index = raft.state().read(|s| s.table_index(crate::state::Table::Sessions));
                let result = QueryResult::Sessions(session.into_iter().collect());
                Ok(Reply::Read(ReadReply { index, result, known_leader: true, last_contact_ms: 0 }))
            }
            Request::ConnectSignIntermediate { csr } => {
                let primary = router.primary_datacenter() == self.inner.me.datacenter;
                sign_intermediate(raft, primary, csr).map(Reply::SignedIntermediate)
            }
        }
    }
}

/// Signs a service's leaf CSR with the datacenter's signing CA: in the primary the active
/// root, in a secondary its own intermediate (sent back after the leaf, so peers that trust
/// only the root verify the chain).
fn sign(raft: &RaftNode, datacenter: &str, csr: &str) -> Result<SignedCert, RequestError> {
    let ca_error = |e: LeafError| RequestError::Ca(e.to_string());
    let (ca, intermediate, index) =
        raft.state().read(|s| (s.connect_ca().cloned(), s.connect_intermediate().cloned(), s.last_index()));
    let ca = ca.ok_or_else(|| ca_error(LeafError::NoCa))?;
    let root = ca.roots.iter().find(|r| r.id == ca.active_root_id).ok_or_else(|| ca_error(LeafError::NoCa))?;
    // The active root's own chain (a cross-signature after a rotation) goes with every leaf.
    let mut chain: Vec<String> = root.intermediate_certs.clone().unwrap_or_default();
    let (signer_cert, signer_key) = match (&ca.signing_key, &intermediate) {
        (Some(key), _) => (root.root_cert.clone(), key.clone()),
        (None, Some(i)) if i.root_id == ca.active_root_id => {
            chain.insert(0, i.cert_pem.clone());
            (i.cert_pem.clone(), i.key_pem.clone())
        }
        (None, _) => {
            return Err(ca_error(LeafError::NoSigningKey(format!(
                "{datacenter}'s intermediate CA for the active root is not signed by the primary yet"
            ))));
        }
    };
    let ttl = leaf_ttl(ca.config.as_ref());
    let leaf = sign_leaf(&signer_cert, &signer_key, csr, &ca.trust_domain, datacenter, ttl).map_err(ca_error)?;
    let mut cert_pem = leaf.cert_pem;
    for cert in chain {
        if !cert_pem.ends_with('\n') {
            cert_pem.push('\n');
        }
        cert_pem.push_str(&cert);
    }
    Ok(SignedCert {
        cert_pem,
        serial_number: leaf.serial_number,
        service: leaf.service,
        service_uri: leaf.service_uri,
        valid_after: rfc3339(leaf.valid_after),
        valid_before: rfc3339(leaf.valid_before),
        index,
    })
}

/// The primary signs a secondary's intermediate CSR with its active root.
fn sign_intermediate(raft: &RaftNode, primary: bool, csr: &str) -> Result<SignedIntermediate, RequestError> {
    let ca_error = |e: String| RequestError::Ca(e);
    if !primary {
        return Err(ca_error(IntermediateError::NotPrimary.to_string()));
    }
    let ca = raft.state().read(|s| s.connect_ca().cloned()).ok_or_else(|| ca_error(LeafError::NoCa.to_string()))?;
    let root =
        ca.roots.iter().find(|r| r.id == ca.active_root_id).ok_or_else(|| ca_error(LeafError::NoCa.to_string()))?;
    let key = ca.signing_key.as_deref().ok_or_else(|| ca_error("the primary holds no root key".to_owned()))?;
    let ttl = ca
        .config
        .as_ref()
        .and_then(|c| crate::duration::parse_go_duration(&c.intermediate_cert_ttl).ok())
        .unwrap_or(INTERMEDIATE_TTL);
    let signed = crate::tls::intermediate::sign_intermediate(&root.root_cert, key, csr, &ca.trust_domain, ttl)
        .map_err(|e| ca_error(e.to_string()))?;
    Ok(SignedIntermediate {
        cert_pem: signed.cert_pem,
        not_before: rfc3339(signed.not_before),
        not_after: rfc3339(signed.not_after),
        root_id: root.id.clone(),
    })
}

/// Applies new CA settings in the primary: planned from this server's copy of the CA (with
/// its key), written only if the active root did not change meanwhile.
async fn set_ca_config(raft: &RaftNode, request: &crate::state::CaConfigRequest) -> Answer {
    let current =
        raft.state().read(|s| s.connect_ca().cloned()).ok_or_else(|| RequestError::Ca(LeafError::NoCa.to_string()))?;
    match plan(&current, request).map_err(RequestError::BadInput)? {
        Plan::Unchanged => Ok(Reply::Applied(Response::Bool(false))),
        Plan::Write { ca, rotated } => {
            let expected_active = current.active_root_id.clone();
            raft.apply(Command::ConnectCa(ConnectCaOp::Update { expected_active, ca })).await?;
            if rotated {
                let active =
                    raft.state().read(|s| s.connect_ca().map(|c| c.active_root_id.clone())).unwrap_or_default();
                tracing::info!(root = %active, "CA rotated to new root under provider");
            }
            Ok(Reply::Applied(Response::Bool(rotated)))
        }
    }
}

impl Backend {
    /// Runs a keyring operation on this server's LAN or WAN pool.
    async fn keyring_here(
        &self,
        wan: bool,
        op: &crate::gossip::KeyringOp,
    ) -> Result<crate::gossip::PoolKeys, RequestError> {
        let pools = self.inner.pools.get();
        let pool = pools.and_then(|p| if wan { p.wan.as_ref() } else { p.lan.as_ref() });
        let Some(pool) = pool else {
            let which = if wan { "WAN" } else { "LAN" };
            return Err(RequestError::BadInput(format!("this server has no {which} gossip pool")));
        };
        pool.keyring_op(op.clone()).await.map_err(|e| RequestError::BadInput(e.to_string()))
    }
}
