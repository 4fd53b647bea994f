//! Gossip says who is a server; raft and the catalog believe it only once the server itself
//! confirms. Gossip packets are not authenticated (anyone who can send UDP to port 8301 can
//! claim a name), so before a member becomes a raft voter (or counts towards bootstrap) the
//! leader asks it over the server port who it is, and before a server that gossip says left
//! is removed from raft or the catalog, the leader checks it is really gone (or says itself
//! that it is leaving).
//!
//! The question is a ping over the server port, dialled as `<node>.server.<dc>.<domain>`: with
//! TLS (verify_outgoing, verify_server_hostname) the handshake proves the certificate is a
//! server's of this datacenter carrying that node name, and the answer must name the same
//! node, datacenter and role. Without TLS it still proves a live server answers as itself at
//! the address gossip gave, which a forged packet alone cannot.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::raft::ServerNode;
use crate::rpc::message::{Reply, Request};
use crate::rpc::{RpcClient, RpcError, Target};
use crate::throttle::Throttle;

/// How long a member gets to answer.
const ASK_TIMEOUT: Duration = Duration::from_secs(3);

/// What asking a server who it is showed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// It is the server gossip named.
    Itself,
    /// It is that server, and it is leaving (a graceful leave has begun).
    Leaving,
    /// Something answered, but not as that server (another node or datacenter, not a server,
    /// or a certificate that is not its).
    NotItself(String),
    /// Nothing answered.
    Unreachable(String),
}

/// Asks the server gossip calls `node` (at `node.addr`) who it is.
pub async fn ask(rpc: &RpcClient, node: &ServerNode, datacenter: &str) -> Answer {
    let target = Target { addr: node.addr.clone(), node: Some(node.name.clone()), datacenter: datacenter.to_owned() };
    match tokio::time::timeout(ASK_TIMEOUT, rpc.request(&target, &Request::Ping)).await {
        Err(_) => Answer::Unreachable(format!("no answer within {ASK_TIMEOUT:?}")),
        Ok(Err(e @ RpcError::Tls { .. })) => Answer::NotItself(e.to_string()),
        Ok(Err(e)) => Answer::Unreachable(e.to_string()),
        Ok(Ok(Ok(Reply::Pong(me)))) => {
            if me.node == node.name && me.datacenter == datacenter && me.server {
                if me.leaving { Answer::Leaving } else { Answer::Itself }
            } else {
                Answer::NotItself(format!(
                    "it answers as {} ({}, {})",
                    me.node,
                    me.datacenter,
                    if me.server { "server" } else { "client" }
                ))
            }
        }
        Ok(Ok(other)) => Answer::NotItself(format!("unexpected answer to a ping: {other:?}")),
    }
}

/// Every message about members, together.
static ALL_MEMBERS: Throttle = Throttle::burst(10, Duration::from_secs(60));

/// Logs about one member at most once per period, and about all of them together at most a
/// few times per period, so neither one forged member (or one that flaps) nor thousands of
/// them can flood the log.
#[derive(Debug, Default)]
pub struct MemberLog {
    last: HashMap<(String, &'static str), Instant>,
}

impl MemberLog {
    const PERIOD: Duration = Duration::from_secs(60);

    /// Whether a message of `kind` about `member` may be logged now.
    pub fn allow(&mut self, member: &str, kind: &'static str) -> bool {
        let now = Instant::now();
        if self.last.len() > 4096 {
            self.last.retain(|_, at| now.duration_since(*at) < Self::PERIOD);
        }
        match self.last.get(&(member.to_owned(), kind)) {
            Some(at) if now.duration_since(*at) < Self::PERIOD => false,
            _ => {
                self.last.insert((member.to_owned(), kind), now);
                ALL_MEMBERS.allow().is_some()
            }
        }
    }
}
