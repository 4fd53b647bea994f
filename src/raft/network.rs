//! Raft's network: openraft's RPCs as frames of the server port's raft protocol
//! (`fedctl/raft` over TLS, or type byte 1 in plaintext), through the pooled RPC client.

use openraft::error::{InstallSnapshotError, NetworkError, RPCError, RaftError, RemoteError, Unreachable};
use openraft::network::{RPCOption, RaftNetwork, RaftNetworkFactory};
use openraft::raft::{
    AppendEntriesRequest, AppendEntriesResponse, InstallSnapshotRequest, InstallSnapshotResponse, VoteRequest,
    VoteResponse,
};
use serde::{Deserialize, Serialize};

use super::types::{NodeId, Raft, ServerNode, TypeConfig};
use crate::rpc::message::{decode, encode};
use crate::rpc::{RpcClient, RpcError, Target};
use crate::tls::Protocol;

/// A raft RPC on the wire.
#[derive(Debug, Serialize, Deserialize)]
pub enum RaftRequest {
    AppendEntries(AppendEntriesRequest<TypeConfig>),
    Vote(VoteRequest<NodeId>),
    InstallSnapshot(InstallSnapshotRequest<TypeConfig>),
}

/// Its answer.
#[derive(Debug, Serialize, Deserialize)]
pub enum RaftReply {
    AppendEntries(Result<AppendEntriesResponse<NodeId>, RaftError<NodeId>>),
    Vote(Result<VoteResponse<NodeId>, RaftError<NodeId>>),
    InstallSnapshot(Result<InstallSnapshotResponse<NodeId>, RaftError<NodeId, InstallSnapshotError>>),
    /// The request could not be decoded.
    Malformed(String),
}

/// Serves one raft request on the receiving server.
pub(super) async fn handle(raft: &Raft, body: &[u8], contact: &super::lease::Contact) -> Vec<u8> {
    let reply = match decode::<RaftRequest>(body) {
        Err(e) => RaftReply::Malformed(e.to_string()),
        Ok(RaftRequest::AppendEntries(req)) => {
            let resp = raft.append_entries(req).await;
            // From the leader of this term (a deposed leader's is answered with a higher vote).
            if resp.as_ref().is_ok_and(|r| !matches!(r, openraft::raft::AppendEntriesResponse::HigherVote(_))) {
                contact.heard_leader();
            }
            RaftReply::AppendEntries(resp)
        }
        Ok(RaftRequest::Vote(req)) => RaftReply::Vote(raft.vote(req).await),
        Ok(RaftRequest::InstallSnapshot(req)) => RaftReply::InstallSnapshot(raft.install_snapshot(req).await),
    };
    encode(&reply).unwrap_or_default()
}

/// Creates per-peer raft clients over the RPC pool.
#[derive(Debug, Clone)]
pub struct RpcNetwork {
    client: RpcClient,
    datacenter: String,
}

impl RpcNetwork {
    pub fn new(client: RpcClient, datacenter: &str) -> RpcNetwork {
        RpcNetwork { client, datacenter: datacenter.to_owned() }
    }
}

impl RaftNetworkFactory<TypeConfig> for RpcNetwork {
    type Network = PeerClient;

    async fn new_client(&mut self, target: NodeId, node: &ServerNode) -> PeerClient {
        PeerClient {
            client: self.client.clone(),
            id: target,
            target: Target {
                addr: node.addr.clone(),
                node: Some(node.name.clone()),
                datacenter: self.datacenter.clone(),
            },
        }
    }
}

/// Raft RPCs to one peer.
#[derive(Debug)]
pub struct PeerClient {
    client: RpcClient,
    id: NodeId,
    target: Target,
}

#[derive(Debug, thiserror::Error)]
#[error("raft peer answered something else: {0}")]
struct Unexpected(String);

impl PeerClient {
    async fn send<E: std::error::Error>(&self, req: RaftRequest) -> Result<RaftReply, RPCError<NodeId, ServerNode, E>> {
        let body = encode(&req).map_err(|e| RPCError::Network(NetworkError::new(&e)))?;
        let reply = self.client.call(&self.target, Protocol::Raft, body).await.map_err(|e| match e {
            RpcError::Codec(_) => RPCError::Network(NetworkError::new(&e)),
            _ => RPCError::Unreachable(Unreachable::new(&e)),
        })?;
        decode(&reply).map_err(|e| RPCError::Network(NetworkError::new(&e)))
    }

    fn remote<E: std::error::Error>(&self, e: E) -> RPCError<NodeId, ServerNode, E> {
        RPCError::RemoteError(RemoteError::new(self.id, e))
    }

    fn unexpected<E: std::error::Error>(&self, reply: RaftReply) -> RPCError<NodeId, ServerNode, E> {
        RPCError::Network(NetworkError::new(&Unexpected(format!("{reply:?}"))))
    }
}

impl RaftNetwork<TypeConfig> for PeerClient {
    async fn append_entries(
        &mut self,
        rpc: AppendEntriesRequest<TypeConfig>,
        _option: RPCOption,
    ) -> Result<AppendEntriesResponse<NodeId>, RPCError<NodeId, ServerNode, RaftError<NodeId>>> {
        match self.send(RaftRequest::AppendEntries(rpc)).await? {
            RaftReply::AppendEntries(r) => r.map_err(|e| self.remote(e)),
            other => Err(self.unexpected(other)),
        }
    }

    async fn install_snapshot(
        &mut self,
        rpc: InstallSnapshotRequest<TypeConfig>,
        _option: RPCOption,
    ) -> Result<InstallSnapshotResponse<NodeId>, RPCError<NodeId, ServerNode, RaftError<NodeId, InstallSnapshotError>>>
    {
        match self.send(RaftRequest::InstallSnapshot(rpc)).await? {
            RaftReply::InstallSnapshot(r) => r.map_err(|e| self.remote(e)),
            other => Err(self.unexpected(other)),
        }
    }

    async fn vote(
        &mut self,
        rpc: VoteRequest<NodeId>,
        _option: RPCOption,
    ) -> Result<VoteResponse<NodeId>, RPCError<NodeId, ServerNode, RaftError<NodeId>>> {
        match self.send(RaftRequest::Vote(rpc)).await? {
            RaftReply::Vote(r) => r.map_err(|e| self.remote(e)),
            other => Err(self.unexpected(other)),
        }
    }
}
