//! Forming and keeping a datacenter: LAN gossip, joining, bootstrapping raft once enough
//! servers see each other, and the leader's reconciliation of membership into raft voters
//! and the catalog.
//!
//! Each `run_*` function is one task's body; the agent spawns it and owns it. Each ends when
//! the agent's shutdown channel flips (or when its job is done).

use std::net::SocketAddr;
use std::time::Duration;

use tokio::sync::watch;

use std::collections::{HashMap, HashSet};

use super::verify;
use crate::backend::ConfirmedServers;
use crate::gossip::{Gossip, Member, MemberStatus};
use crate::raft::{RaftNode, ServerNode, node_id_for};
use crate::rpc::RpcClient;
use crate::state::{Command, DeregisterRequest, HealthCheck, HealthStatus, RegisterRequest};
use crate::tasks::stopped;

/// Resolves `host`, `host:port` or a DNS name to gossip addresses (`default_port` when none).
async fn resolve(entry: &str, default_port: u16) -> Vec<SocketAddr> {
    let with_port = if entry.rsplit_once(':').is_some_and(|(_, p)| p.parse::<u16>().is_ok()) && !entry.ends_with(']') {
        entry.to_owned()
    } else {
        format!("{entry}:{default_port}")
    };
    match tokio::net::lookup_host(&with_port).await {
        Ok(addrs) => addrs.collect(),
        Err(e) => {
            tracing::warn!(address = %entry, error = %e, "cannot resolve a join address");
            Vec::new()
        }
    }
}

/// Joins the pool through `addresses`, retrying with backoff until another member answers.
pub async fn run_join(gossip: Gossip, addresses: Vec<String>, default_port: u16, mut shutdown: watch::Receiver<bool>) {
    if addresses.is_empty() {
        return;
    }
    let mut backoff = Duration::from_millis(200);
    loop {
        let mut targets = Vec::new();
        for a in &addresses {
            targets.extend(resolve(a, default_port).await);
        }
        gossip.join(targets).await;
        let mut members = gossip.subscribe();
        // Evaluated at once: the watch guard must not live across an await.
        let joined = matches!(tokio::time::timeout(backoff, members.wait_for(|m| m.len() > 1)).await, Ok(Ok(_)));
        if joined {
            tracing::info!(addresses = ?addresses, "joined the datacenter's gossip pool");
            return;
        }
        tracing::info!(addresses = ?addresses, retry_in = ?backoff, "no member answered the join yet");
        tokio::select! {
            _ = tokio::time::sleep(backoff) => {}
            _ = stopped(&mut shutdown) => return,
        }
        backoff = (backoff * 2).min(Duration::from_secs(30));
    }
}

/// The alive servers of `datacenter`, as raft members, sorted by name.
fn alive_servers(members: &[Member], datacenter: &str) -> Vec<(u64, ServerNode)> {
    let mut servers: Vec<(u64, ServerNode)> = members
        .iter()
        .filter(|m| m.status == MemberStatus::Alive && m.id.meta.server && m.id.meta.datacenter == datacenter)
        .map(|m| (node_id_for(&m.id.name), server_node(m)))
        .collect();
    servers.sort_by(|a, b| a.1.name.cmp(&b.1.name));
    servers
}

fn server_node(m: &Member) -> ServerNode {
    ServerNode { name: m.id.name.clone(), addr: m.id.rpc_addr().to_string() }
}

/// Asks each of `servers` (with the datacenter gossip puts it in) at once who it is; the
/// answers in any order, each with its key.
async fn ask_all<K: Send + 'static>(
    rpc: &RpcClient,
    servers: Vec<(K, ServerNode, String)>,
) -> Vec<(K, ServerNode, verify::Answer)> {
    let mut asks = tokio::task::JoinSet::new();
    for (key, node, datacenter) in servers {
        let rpc = rpc.clone();
        asks.spawn(async move { (verify::ask(&rpc, &node, &datacenter).await, key, node) });
    }
    let mut out = Vec::new();
    while let Some(joined) = asks.join_next().await {
        if let Ok((answer, key, node)) = joined {
            out.push((key, node, answer));
        }
    }
    out
}

/// Those of `servers` that confirm, over the server port, that they are who gossip says.
async fn confirmed(rpc: &RpcClient, servers: Vec<(u64, ServerNode)>, datacenter: &str) -> Vec<(u64, ServerNode)> {
    let asked = servers.into_iter().map(|(id, node)| (id, node, datacenter.to_owned())).collect();
    let mut out = Vec::new();
    for (id, node, answer) in ask_all(rpc, asked).await {
        match answer {
            verify::Answer::Itself => out.push((id, node)),
            other => tracing::debug!(server = %node, answer = ?other, "a server gossip names did not confirm it"),
        }
    }
    out.sort_by(|a, b| a.1.name.cmp(&b.1.name));
    out
}

/// Bootstraps raft once `expect` servers of this datacenter see each other and each has
/// confirmed over the server port who it is (every one of them proposes the same set; raft
/// accepts it once). A server that does not confirm is asked again a second later.
pub async fn run_bootstrap(
    gossip: Gossip,
    raft: RaftNode,
    rpc: RpcClient,
    expect: u32,
    datacenter: String,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut members = gossip.subscribe();
    loop {
        let seen = alive_servers(&gossip.members(), &datacenter);
        if seen.len() >= expect as usize {
            let servers = confirmed(&rpc, seen, &datacenter).await;
            if servers.len() >= expect as usize {
                if raft.members().is_empty() {
                    tracing::info!(
                        servers = servers.len(),
                        "bootstrapping raft: the expected servers found each other"
                    );
                    if let Err(e) = raft.bootstrap(&servers).await {
                        tracing::warn!(error = %e, "raft bootstrap failed; will retry");
                        tokio::time::sleep(Duration::from_secs(1)).await;
                        continue;
                    }
                }
                return;
            }
        }
        tokio::select! {
            _ = members.changed() => {}
            _ = tokio::time::sleep(Duration::from_secs(1)) => {}
            _ = stopped(&mut shutdown) => return,
        }
    }
}

/// On the leader: servers that joined become voters once they confirm who they are, servers
/// that left stop being voters once they are confirmed gone, and failed or left members are
/// reflected in the catalog.
pub async fn run_reconcile(
    gossip: Gossip,
    raft: RaftNode,
    rpc: RpcClient,
    datacenter: String,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut members = gossip.subscribe();
    let mut reconciler = Reconciler { rpc, datacenter, log: verify::MemberLog::default(), unconfirmed: HashMap::new() };
    loop {
        tokio::select! {
            _ = members.changed() => {}
            _ = tokio::time::sleep(Duration::from_secs(2)) => {}
            _ = stopped(&mut shutdown) => return,
        }
        if raft.leader() != Some(raft.id()) {
            continue;
        }
        if let Err(e) = reconciler.once(&gossip, &raft).await {
            tracing::debug!(error = %e, "membership reconciliation incomplete; retrying");
        }
    }
}

/// A member that did not confirm it is the server gossip named is asked again only after this
/// (so a forged member costs one ping per period, not one per change of membership).
const ASK_AGAIN_AFTER: Duration = Duration::from_secs(5);

struct Reconciler {
    rpc: RpcClient,
    datacenter: String,
    log: verify::MemberLog,
    /// Members (name and incarnation) that did not confirm, and when they were asked.
    unconfirmed: HashMap<(String, u64), tokio::time::Instant>,
}

impl Reconciler {
    async fn once(&mut self, gossip: &Gossip, raft: &RaftNode) -> Result<(), crate::state::RequestError> {
        let members = gossip.members();
        let datacenter = self.datacenter.clone();
        let raft_members: Vec<u64> = raft.members().into_iter().map(|(id, _)| id).collect();
        let now = tokio::time::Instant::now();
        self.unconfirmed.retain(|_, at| now.duration_since(*at) < ASK_AGAIN_AFTER);
        // Left servers of this datacenter that are gone for real; one still answering as
        // itself was named by a forged (or premature) leave and is kept.
        let left: Vec<_> = members
            .iter()
            .filter(|m| m.status == MemberStatus::Left && m.id.meta.server && m.id.meta.datacenter == datacenter)
            .filter(|m| {
                let id = node_id_for(&m.id.name);
                let in_catalog = raft.state().read(|s| s.node_services(&m.id.name).is_some());
                (raft_members.contains(&id) || in_catalog) && id != raft.id()
            })
            .map(|m| (m.id.name.clone(), server_node(m), datacenter.clone()))
            .collect();
        let mut gone = HashSet::new();
        for (name, _, answer) in ask_all(&self.rpc, left).await {
            if answer != verify::Answer::Itself {
                gone.insert(name);
            } else if self.log.allow(&name, "kept") {
                tracing::warn!(server = %name, "gossip says this server left, but it answers as itself on its server port: keeping it");
            }
        }
        if !raft_members.is_empty() {
            let joined: Vec<_> = members
                .iter()
                .filter(|m| m.status == MemberStatus::Alive && m.id.meta.server && m.id.meta.datacenter == datacenter)
                .map(|m| ((m.id.name.clone(), m.id.generation), server_node(m), datacenter.clone()))
                .filter(|(key, node, _)| {
                    !raft_members.contains(&node_id_for(&node.name)) && !self.unconfirmed.contains_key(key)
                })
                .collect();
            for (key, node, answer) in ask_all(&self.rpc, joined).await {
                if answer == verify::Answer::Itself {
                    tracing::info!(server = %node, "adding a joined server as a raft voter");
                    raft.add_voter(node_id_for(&node.name), node).await?;
                } else {
                    if self.log.allow(&key.0, "unconfirmed") {
                        tracing::warn!(server = %node, ?answer, "not adding a server gossip names as a raft voter: it did not confirm who it is over the server port");
                    }
                    self.unconfirmed.insert(key, now);
                }
            }
            for name in &gone {
                let id = node_id_for(name);
                if raft_members.contains(&id) {
                    tracing::info!(server = %name, "removing a server that left from the raft voters");
                    raft.remove_member(id).await?;
                }
            }
        }
        for m in members.iter().filter(|m| m.id.meta.datacenter == datacenter) {
            let (node, status) = (&m.id.name, m.status);
            let check = raft.state().read(|s| s.node_checks(node).into_iter().find(|c| c.check_id == "serfHealth"));
            match status {
                MemberStatus::Left
                    if (!m.id.meta.server || gone.contains(node))
                        && raft.state().read(|s| s.node_services(node).is_some()) =>
                {
                    raft.apply(Command::Deregister(DeregisterRequest {
                        datacenter: datacenter.to_owned(),
                        node: node.clone(),
                        ..DeregisterRequest::default()
                    }))
                    .await?;
                }
                MemberStatus::Failed if check.as_ref().is_some_and(|c| c.status != HealthStatus::Critical) => {
                    raft.apply(serf_health(&datacenter, node, HealthStatus::Critical, "Agent not live or unreachable"))
                        .await?;
                }
                // An alive member's node (a client's, once its anti-entropy registered it)
                // gets a passing serfHealth from the leader, as the reference's
                // handleAliveMember: the check sessions depend on by default.
                MemberStatus::Alive
                    if check.as_ref().is_none_or(|c| c.status != HealthStatus::Passing)
                        && raft.state().read(|s| s.node_services(node).is_some()) =>
                {
                    raft.apply(serf_health(&datacenter, node, HealthStatus::Passing, "Agent alive and reachable"))
                        .await?;
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// The leader's registration of `node`'s serfHealth check in `status`.
fn serf_health(datacenter: &str, node: &str, status: HealthStatus, output: &str) -> Command {
    Command::from(RegisterRequest {
        datacenter: datacenter.to_owned(),
        node: node.to_owned(),
        skip_node_update: true,
        check: Some(HealthCheck {
            node: node.to_owned(),
            check_id: crate::state::SERF_HEALTH.into(),
            name: "Serf Health Status".into(),
            status,
            output: output.into(),
            ..HealthCheck::default()
        }),
        ..RegisterRequest::default()
    })
}

/// Servers of other datacenters in the WAN pool are believed (routed to, counted as
/// datacenters) once they confirm over the server port who they are: asked when they appear,
/// and again every few seconds while they do not.
pub async fn run_wan_confirm(
    wan: Gossip,
    rpc: RpcClient,
    confirmed: ConfirmedServers,
    datacenter: String,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut changes = wan.subscribe();
    let mut log = verify::MemberLog::default();
    let mut unconfirmed: HashMap<(String, u64), tokio::time::Instant> = HashMap::new();
    loop {
        let members = wan.members();
        confirmed.retain(&members);
        let now = tokio::time::Instant::now();
        unconfirmed.retain(|_, at| now.duration_since(*at) < ASK_AGAIN_AFTER);
        let asked: Vec<_> = members
            .into_iter()
            .filter(|m| {
                m.status == MemberStatus::Alive
                    && m.id.meta.server
                    && m.id.meta.datacenter != datacenter
                    && !confirmed.contains(&m.id)
                    && !unconfirmed.contains_key(&(m.id.name.clone(), m.id.generation))
            })
            .filter_map(|m| {
                let server = ServerNode { name: m.id.node()?.to_owned(), addr: m.id.rpc_addr().to_string() };
                let dc = m.id.meta.datacenter.clone();
                Some((m, server, dc))
            })
            .collect();
        for (m, _, answer) in ask_all(&rpc, asked).await {
            if answer == verify::Answer::Itself {
                tracing::debug!(member = %m.id.name, "a WAN server confirmed who it is");
                confirmed.confirm(&m.id);
            } else {
                if log.allow(&m.id.name, "wan unconfirmed") {
                    tracing::warn!(member = %m.id.name, datacenter = %m.id.meta.datacenter, ?answer, "ignoring a WAN member: it did not confirm over the server port that it is that server");
                }
                unconfirmed.insert((m.id.name.clone(), m.id.generation), now);
            }
        }
        tokio::select! {
            _ = changes.changed() => {}
            _ = tokio::time::sleep(Duration::from_secs(5)) => {}
            _ = stopped(&mut shutdown) => return,
        }
    }
}

/// A secondary federated through mesh gateways joins the WAN pool by announcing itself to
/// "any server of the primary" through a gateway; it asks again whenever it sees no alive
/// member of the primary (at start, and after a partition).
pub async fn run_gateway_join(wan: Gossip, primary: String, mut shutdown: watch::Receiver<bool>) {
    loop {
        let connected = wan
            .members()
            .iter()
            .any(|m| m.status == MemberStatus::Alive && m.id.meta.datacenter == primary && m.id.meta.server);
        if !connected {
            tracing::debug!(%primary, "joining the WAN pool through mesh gateways");
            wan.join_datacenter(&primary).await;
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(if connected { 5 } else { 1 })) => {}
            _ = stopped(&mut shutdown) => return,
        }
    }
}

/// Introduces this datacenter's servers to each other in the WAN pool (the reference's
/// flood join): every server of the LAN pool missing from the WAN pool is joined at its WAN
/// address, directly (same datacenter). Re-checked on LAN changes and every few seconds.
pub async fn run_wan_flood(lan: Gossip, wan: Gossip, datacenter: String, mut shutdown: watch::Receiver<bool>) {
    let mut changes = lan.subscribe();
    loop {
        let in_wan: std::collections::HashSet<String> =
            wan.members().into_iter().filter(|m| m.status == MemberStatus::Alive).map(|m| m.id.name).collect();
        let missing: Vec<std::net::SocketAddr> = lan
            .members()
            .into_iter()
            .filter(|m| m.status == MemberStatus::Alive && m.id.meta.server && m.id.meta.wan_port != 0)
            .filter(|m| m.id.meta.datacenter == datacenter && m.id.name != lan.local().name)
            .filter(|m| !in_wan.contains(&format!("{}.{datacenter}", m.id.name)))
            .map(|m| std::net::SocketAddr::new(m.id.addr.ip(), m.id.meta.wan_port))
            .collect();
        if !missing.is_empty() {
            tracing::debug!(servers = ?missing, "joining this datacenter's servers into the WAN pool");
            wan.join(missing).await;
        }
        tokio::select! {
            _ = changes.changed() => {}
            _ = tokio::time::sleep(Duration::from_secs(5)) => {}
            _ = stopped(&mut shutdown) => return,
        }
    }
}
