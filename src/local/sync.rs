//! Anti-entropy: make the catalog's view of this node equal to the agent's own state.
//!
//! Runs when local state changes and periodically (with jitter) to repair drift, e.g. an
//! entry removed from the catalog behind the agent's back. Each pass reads this node's
//! catalog entries, then registers what is missing or different and deregisters what the
//! agent does not have. Also removes services whose checks stayed critical for longer than
//! their DeregisterCriticalServiceAfter.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;
use tokio::time::Instant;

use super::state::LocalState;
use crate::backend::Backend;
use crate::state::{
    Command, DeregisterRequest, HealthCheck, Node, NodeService, Query, QueryResult, RaftIndex, ReadRequest,
    RegisterRequest, RequestContext, RequestError, SERF_HEALTH,
};

/// Who this agent is in the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NodeIdentity {
    pub node: String,
    pub id: String,
    pub address: String,
    pub datacenter: String,
    pub tagged_addresses: BTreeMap<String, String>,
    pub meta: BTreeMap<String, String>,
}

/// Entries the agent itself owns besides user registrations (a server's `consul` service
/// and its `serfHealth` node check).
#[derive(Debug, Clone, Default)]
pub struct Managed {
    pub services: Vec<NodeService>,
    pub checks: Vec<HealthCheck>,
}

/// Timing of the loop.
#[derive(Debug, Clone, Copy)]
pub struct SyncTiming {
    /// Full re-sync period (jittered by up to 10%).
    pub interval: Duration,
    /// Wait before retrying a failed pass.
    pub retry: Duration,
    /// How often to look for expired critical services.
    pub reap: Duration,
}

impl Default for SyncTiming {
    fn default() -> Self {
        SyncTiming { interval: Duration::from_secs(60), retry: Duration::from_secs(1), reap: Duration::from_secs(1) }
    }
}

/// What one pass changed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct SyncReport {
    pub registered: usize,
    pub deregistered: usize,
}

/// The anti-entropy loop; ends when `shutdown` flips to true.
pub async fn run(
    local: Arc<LocalState>,
    backend: Backend,
    identity: NodeIdentity,
    managed: Managed,
    timing: SyncTiming,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut next_full = Instant::now();
    let mut reap = tokio::time::interval(timing.reap);
    loop {
        let wait_full = tokio::time::sleep_until(next_full);
        tokio::select! {
            _ = local.changed.notified() => {}
            _ = wait_full => {}
            _ = reap.tick() => {
                let expired = local.expired_critical_services(Instant::now());
                for id in &expired {
                    tracing::info!(service = %id, "deregistering service: critical for longer than DeregisterCriticalServiceAfter");
                    let _ = local.remove_service(id);
                }
                if expired.is_empty() { continue; }
            }
            _ = crate::tasks::stopped(&mut shutdown) => return,
        }
        if *shutdown.borrow() {
            return;
        }
        match sync_once(&local, &backend, &identity, &managed).await {
            Ok(report) => {
                if report != SyncReport::default() {
                    tracing::debug!(
                        registered = report.registered,
                        deregistered = report.deregistered,
                        "synced local state to the catalog"
                    );
                }
                next_full = Instant::now() + jitter(timing.interval);
            }
            Err(e) => {
                tracing::warn!(error = %e, "anti-entropy pass failed; retrying");
                next_full = Instant::now() + timing.retry;
            }
        }
    }
}

/// One anti-entropy pass.
pub async fn sync_once(
    local: &LocalState,
    backend: &Backend,
    identity: &NodeIdentity,
    managed: &Managed,
) -> Result<SyncReport, RequestError> {
    let node_name = identity.node.as_str();
    // Removed services whose tokens this pass may forget: removed before the catalog is read.
    let departed_before = local.departed_ids();
    // Stale reads: a server answers from its own copy, a client from any server. A lagging
    // copy only causes an idempotent re-registration.
    let stale = RequestContext::new().stale();
    let view = match backend
        .read(&stale, ReadRequest::now(Query::NodeServices { node: node_name.to_owned() }))
        .await?
        .result
    {
        QueryResult::NodeServices(view) => view,
        _ => None,
    };
    let (node, services) = (view.as_ref().map(|v| v.node.clone()), view.map(|v| v.services).unwrap_or_default());
    let checks: BTreeMap<String, HealthCheck> =
        match backend.read(&stale, ReadRequest::now(Query::NodeChecks { node: node_name.to_owned() })).await?.result {
            QueryResult::Checks(checks) => checks.into_iter().map(|c| (c.check_id.clone(), c)).collect(),
            _ => BTreeMap::new(),
        };
    let mut report = SyncReport::default();
    let wanted_node = Node {
        id: identity.id.clone(),
        node: identity.node.clone(),
        address: identity.address.clone(),
        datacenter: identity.datacenter.clone(),
        tagged_addresses: identity.tagged_addresses.clone(),
        meta: identity.meta.clone(),
        index: RaftIndex::default(),
    };
    let mut node_ok = node.map(|mut n| {
        n.index = RaftIndex::default();
        n
    }) == Some(wanted_node);

    let mut wanted_services = local.services();
    for s in &managed.services {
        wanted_services.insert(s.id.clone(), s.clone());
    }
    let mut wanted_checks = local.checks();
    for c in &managed.checks {
        wanted_checks.insert(c.check_id.clone(), c.clone());
    }

    // The node first, with the agent's token: a service synced with its own token may not
    // write the node.
    if !node_ok {
        backend.apply(&RequestContext::new(), register(identity, None, Vec::new())).await?;
        node_ok = true;
        report.registered += 1;
    }
    // A service is registered together with its checks, in one entry, so it never shows in
    // the catalog without them (and so never looks healthy before its checks are known).
    let mut synced_checks = std::collections::BTreeSet::new();
    // One service its token may not write does not keep the others out: the pass goes on and
    // reports the first failure at its end.
    let mut failed: Option<RequestError> = None;
    for (id, service) in &wanted_services {
        let mut want = service.clone();
        want.datacenter = identity.datacenter.clone();
        want.index = RaftIndex::default();
        let same = services.get(id).is_some_and(|have| {
            let mut have = have.clone();
            have.index = RaftIndex::default();
            have == want
        });
        if same && node_ok {
            continue;
        }
        let with_checks: Vec<HealthCheck> = wanted_checks
            .values()
            .filter(|c| c.service_id == *id)
            .map(|c| HealthCheck { index: RaftIndex::default(), ..c.clone() })
            .collect();
        synced_checks.extend(with_checks.iter().map(|c| c.check_id.clone()));
        match backend.apply(&with_token(local.service_token(id)), register(identity, Some(want), with_checks)).await {
            Ok(_) => report.registered += 1,
            Err(e) => {
                failed.get_or_insert(e);
            }
        }
    }
    for (id, check) in wanted_checks.iter().filter(|(id, _)| !synced_checks.contains(*id)) {
        let mut want = check.clone();
        want.index = RaftIndex::default();
        let same = checks.get(id).is_some_and(|have| {
            let mut have = have.clone();
            have.index = RaftIndex::default();
            have == want
        });
        if same && node_ok {
            continue;
        }
        // A service's check with the service's token, a node's with the agent's.
        let ctx = with_token(local.service_token(&check.service_id));
        match backend.apply(&ctx, register(identity, None, vec![want])).await {
            Ok(_) => report.registered += 1,
            Err(e) => {
                failed.get_or_insert(e);
            }
        }
    }
    // A removed service (and its checks) with the token it was registered with; what is not
    // deregistered yet keeps its token for the next pass.
    let mut pending = std::collections::BTreeSet::new();
    for id in services.keys().filter(|id| !wanted_services.contains_key(*id)) {
        match backend.apply(&with_token(local.departed_token(id)), deregister(identity, id, "")).await {
            Ok(_) => report.deregistered += 1,
            Err(e) => {
                pending.insert(id.clone());
                failed.get_or_insert(e);
            }
        }
    }
    // serfHealth is the leader's (it registers it for every alive member), never removed here.
    for (id, check) in checks.iter().filter(|(id, _)| !wanted_checks.contains_key(*id) && *id != SERF_HEALTH) {
        let token = local.service_token(&check.service_id).or_else(|| local.departed_token(&check.service_id));
        match backend.apply(&with_token(token), deregister(identity, "", id)).await {
            Ok(_) => report.deregistered += 1,
            Err(e) => {
                pending.insert(check.service_id.clone());
                failed.get_or_insert(e);
            }
        }
    }
    for id in departed_before.iter().filter(|id| !pending.contains(*id)) {
        local.forget_departed(id);
    }
    match failed {
        Some(e) => Err(e),
        None => Ok(report),
    }
}

fn register(identity: &NodeIdentity, service: Option<NodeService>, checks: Vec<HealthCheck>) -> Command {
    Command::from(RegisterRequest {
        datacenter: identity.datacenter.clone(),
        id: identity.id.clone(),
        node: identity.node.clone(),
        address: identity.address.clone(),
        tagged_addresses: identity.tagged_addresses.clone(),
        node_meta: identity.meta.clone(),
        service,
        check: None,
        checks,
        skip_node_update: false,
    })
}

fn deregister(identity: &NodeIdentity, service_id: &str, check_id: &str) -> Command {
    Command::Deregister(DeregisterRequest {
        datacenter: identity.datacenter.clone(),
        node: identity.node.clone(),
        service_id: service_id.to_owned(),
        check_id: check_id.to_owned(),
    })
}

/// `d` plus up to 10% random jitter, so agents do not sync in lockstep.
fn jitter(d: Duration) -> Duration {
    use ring::rand::SecureRandom;
    let mut byte = [0u8; 2];
    let _ = ring::rand::SystemRandom::new().fill(&mut byte);
    let fraction = f64::from(u16::from_le_bytes(byte)) / f64::from(u16::MAX) / 10.0;
    d + d.mul_f64(fraction)
}

/// A request with `token`, or (`None`) the agent's.
fn with_token(token: Option<String>) -> RequestContext {
    let mut ctx = RequestContext::new();
    ctx.token = token;
    ctx
}
