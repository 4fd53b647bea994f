//! Serving a request on this server, from its own raft node: the answer, or why not here
//! (`NotLeader`, which the forwarding function acts on).

use super::{Backend, Router};
use crate::duration::rfc3339;
use crate::raft::RaftNode;
use crate::rpc::message::{Answer, Reply, Request, SignedCert, StatusInfo};
use crate::state::{RequestContext, RequestError};
use crate::tls::leaf::{LEAF_TTL, LeafError, sign_leaf};

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
            Request::ConnectSign { csr } => sign(raft, &self.inner.me.datacenter, csr).map(Reply::Signed),
        }
    }
}

/// Signs a service's leaf CSR with the datacenter's active CA (the primary holds the root's
/// key; a secondary has none yet).
fn sign(raft: &RaftNode, datacenter: &str, csr: &str) -> Result<SignedCert, RequestError> {
    let ca_error = |e: LeafError| RequestError::Ca(e.to_string());
    let (ca, index) = raft.state().read(|s| (s.connect_ca().cloned(), s.last_index()));
    let ca = ca.ok_or_else(|| ca_error(LeafError::NoCa))?;
    let root = ca.roots.iter().find(|r| r.id == ca.active_root_id).ok_or_else(|| ca_error(LeafError::NoCa))?;
    let Some(key) = &ca.signing_key else {
        return Err(ca_error(LeafError::NoSigningKey(format!(
            "only the primary datacenter signs so far; {datacenter} has no intermediate CA of its own yet"
        ))));
    };
    let leaf = sign_leaf(&root.root_cert, key, csr, &ca.trust_domain, datacenter, LEAF_TTL).map_err(ca_error)?;
    Ok(SignedCert {
        cert_pem: leaf.cert_pem,
        serial_number: leaf.serial_number,
        service: leaf.service,
        service_uri: leaf.service_uri,
        valid_after: rfc3339(leaf.valid_after),
        valid_before: rfc3339(leaf.valid_before),
        index,
    })
}
