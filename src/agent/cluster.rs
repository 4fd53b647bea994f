//! Forming and keeping a datacenter: LAN gossip, joining, bootstrapping raft once enough
//! servers see each other, and the leader's reconciliation of membership into raft voters
//! and the catalog.
//!
//! Each `run_*` function is one task's body; the agent spawns it and owns it. Each ends when
//! the agent's shutdown channel flips (or when its job is done).

use std::net::SocketAddr;
use std::time::Duration;

use tokio::sync::watch;

use crate::gossip::{Gossip, Member, MemberStatus};
use crate::raft::{RaftNode, ServerNode, node_id_for};
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
        .map(|m| (node_id_for(&m.id.name), ServerNode { name: m.id.name.clone(), addr: m.id.rpc_addr().to_string() }))
        .collect();
    servers.sort_by(|a, b| a.1.name.cmp(&b.1.name));
    servers
}

/// Bootstraps raft once `expect` servers of this datacenter see each other (every one of
/// them proposes the same set; raft accepts it once).
pub async fn run_bootstrap(
    gossip: Gossip,
    raft: RaftNode,
    expect: u32,
    datacenter: String,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut members = gossip.subscribe();
    loop {
        let servers = alive_servers(&gossip.members(), &datacenter);
        if servers.len() >= expect as usize {
            if raft.members().is_empty() {
                tracing::info!(servers = servers.len(), "bootstrapping raft: the expected servers found each other");
                if let Err(e) = raft.bootstrap(&servers).await {
                    tracing::warn!(error = %e, "raft bootstrap failed; will retry");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    continue;
                }
            }
            return;
        }
        tokio::select! {
            _ = members.changed() => {}
            _ = stopped(&mut shutdown) => return,
        }
    }
}

/// On the leader: servers that joined become voters, servers that left stop being voters,
/// and failed or left members are reflected in the catalog.
pub async fn run_reconcile(gossip: Gossip, raft: RaftNode, datacenter: String, mut shutdown: watch::Receiver<bool>) {
    let mut members = gossip.subscribe();
    loop {
        tokio::select! {
            _ = members.changed() => {}
            _ = tokio::time::sleep(Duration::from_secs(2)) => {}
            _ = stopped(&mut shutdown) => return,
        }
        if raft.leader() != Some(raft.id()) {
            continue;
        }
        if let Err(e) = reconcile_once(&gossip, &raft, &datacenter).await {
            tracing::debug!(error = %e, "membership reconciliation incomplete; retrying");
        }
    }
}

async fn reconcile_once(gossip: &Gossip, raft: &RaftNode, datacenter: &str) -> Result<(), crate::state::RequestError> {
    let members = gossip.members();
    let raft_members: Vec<u64> = raft.members().into_iter().map(|(id, _)| id).collect();
    if !raft_members.is_empty() {
        for (id, node) in alive_servers(&members, datacenter) {
            if !raft_members.contains(&id) {
                tracing::info!(server = %node, "adding a joined server as a raft voter");
                raft.add_voter(id, node).await?;
            }
        }
        for m in members.iter().filter(|m| m.status == MemberStatus::Left && m.id.meta.server) {
            let id = node_id_for(&m.id.name);
            if raft_members.contains(&id) && id != raft.id() {
                tracing::info!(server = %m.id.name, "removing a server that left from the raft voters");
                raft.remove_member(id).await?;
            }
        }
    }
    for m in members.iter().filter(|m| m.id.meta.datacenter == datacenter) {
        let (node, status) = (&m.id.name, m.status);
        let check = raft.state().read(|s| s.node_checks(node).into_iter().find(|c| c.check_id == "serfHealth"));
        match status {
            MemberStatus::Left if raft.state().read(|s| s.node_services(node).is_some()) => {
                raft.apply(Command::Deregister(DeregisterRequest {
                    datacenter: datacenter.to_owned(),
                    node: node.clone(),
                    ..DeregisterRequest::default()
                }))
                .await?;
            }
            MemberStatus::Failed if check.is_some_and(|c| c.status != HealthStatus::Critical) => {
                raft.apply(Command::from(RegisterRequest {
                    datacenter: datacenter.to_owned(),
                    node: node.clone(),
                    skip_node_update: true,
                    check: Some(HealthCheck {
                        node: node.clone(),
                        check_id: "serfHealth".into(),
                        name: "Serf Health Status".into(),
                        status: HealthStatus::Critical,
                        output: "Agent not live or unreachable".into(),
                        ..HealthCheck::default()
                    }),
                    ..RegisterRequest::default()
                }))
                .await?;
            }
            _ => {}
        }
    }
    Ok(())
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
