//! The services and checks registered on this agent. The agent is the source of truth for
//! them; anti-entropy copies them into the catalog.
//!
//! Writers (HTTP handlers, check runners) change the maps and call `changed.notify_one()`;
//! the anti-entropy task is the only waiter.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard};

use tokio::sync::Notify;
use tokio::task::JoinHandle;
use tokio::time::Instant;

use super::definition::{CheckDefinition, CheckKind, DefinitionError, Normalized, ServiceDefinition};
use crate::state::{HealthCheck, HealthStatus, NodeService};

/// A check on this agent and its runner.
#[derive(Debug)]
pub struct LocalCheck {
    pub check: HealthCheck,
    pub definition: CheckDefinition,
    /// When the check last became critical (for DeregisterCriticalServiceAfter).
    pub critical_since: Option<Instant>,
    /// For TTL checks: when the TTL runs out.
    pub ttl_deadline: Option<Instant>,
    /// The check's runner: this entry owns it (aborted when the check is removed or replaced,
    /// awaited by [`LocalState::stop_checks`]).
    runner: Option<JoinHandle<()>>,
}

impl Drop for LocalCheck {
    fn drop(&mut self) {
        if let Some(runner) = self.runner.take() {
            runner.abort();
        }
    }
}

/// What a check registered again keeps of the one it replaces.
#[derive(Debug, Clone)]
struct Prior {
    status: HealthStatus,
    output: String,
    critical_since: Option<Instant>,
}

#[derive(Debug, Default)]
struct Inner {
    services: BTreeMap<String, NodeService>,
    checks: BTreeMap<String, LocalCheck>,
    /// Service ID -> the sidecar registered for it from its `Connect.SidecarService`
    /// (deregistered with it). Only a sidecar still registered as one is linked: a removed
    /// sidecar, or a service registered over it, is unlinked.
    sidecars: BTreeMap<String, String>,
    /// Service ID -> the token it is synced with (services registered with one).
    tokens: BTreeMap<String, String>,
    /// Removed service ID -> its token, until its deregistration is synced with it.
    departed: BTreeMap<String, String>,
}

/// Why a local operation failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LocalError {
    #[error(transparent)]
    Definition(#[from] DefinitionError),
    #[error("unknown service ID {0:?}")]
    UnknownService(String),
    #[error("unknown check ID {0:?}")]
    UnknownCheck(String),
    #[error("check {0:?} is not a TTL check")]
    NotTtl(String),
}

/// Agent-local state, shared by the HTTP API, the check runners and anti-entropy.
#[derive(Debug)]
pub struct LocalState {
    node: String,
    inner: Mutex<Inner>,
    /// Woken on every change; anti-entropy waits on it.
    pub changed: Notify,
    /// Counts changes; the proxy config manager watches it (level-triggered: a watcher that
    /// misses several changes still sees the latest count and re-reads everything).
    generation: tokio::sync::watch::Sender<u64>,
}

impl LocalState {
    pub fn new(node: &str) -> Arc<LocalState> {
        Arc::new(LocalState {
            node: node.to_owned(),
            inner: Mutex::default(),
            changed: Notify::new(),
            generation: tokio::sync::watch::Sender::new(0),
        })
    }

    fn inner(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Wakes anti-entropy and the watchers of [`LocalState::subscribe`].
    fn notify_changed(&self) {
        self.changed.notify_one();
        self.generation.send_modify(|g| *g += 1);
    }

    /// A receiver that changes whenever services or checks change.
    pub fn subscribe(&self) -> tokio::sync::watch::Receiver<u64> {
        self.generation.subscribe()
    }

    pub fn node(&self) -> &str {
        &self.node
    }

    /// Adds or replaces a service and its checks, starting their runners; with a
    /// `Connect.SidecarService`, its sidecar too. Everything is validated first: a bad
    /// definition registers nothing.
    pub fn add_service(self: &Arc<Self>, def: &ServiceDefinition) -> Result<NodeService, LocalError> {
        let (service, checks) = def.normalize()?;
        {
            let mut inner = self.inner();
            let sidecar = self.sidecar_for(&inner, def, &service.id)?;
            // A check registered again keeps its status and output, whatever its definition
            // now says, as in the reference (which restores them from a snapshot of the checks
            // taken before the registration): re-registering a service does not send its
            // checks, or its sidecar's, back to critical.
            let of_sidecar = sidecar.iter().flat_map(|(_, checks)| checks);
            let prior = Self::prior_states(&inner, checks.iter().chain(of_sidecar).map(|(id, _)| id.as_str()));
            // Registered over a sidecar (by its ID), a service is no longer that sidecar: its
            // parent's deregistration leaves it.
            Self::unlink_sidecar(&mut inner, &service.id);
            if let Some(old) = inner.sidecars.remove(&service.id) {
                Self::remove_locked(&mut inner, &old);
            }
            let token = def.token.clone();
            Self::set_token(&mut inner, &service.id, &token);
            self.insert_service(&mut inner, service.clone(), checks, &prior);
            if let Some((sidecar, sidecar_checks)) = sidecar {
                inner.sidecars.insert(service.id.clone(), sidecar.id.clone());
                Self::set_token(&mut inner, &sidecar.id, &token);
                self.insert_service(&mut inner, sidecar, sidecar_checks, &prior);
            }
        }
        self.notify_changed();
        Ok(service)
    }

    /// The sidecar `def` asks for, validated, with its checks.
    fn sidecar_for(
        &self,
        inner: &Inner,
        def: &ServiceDefinition,
        parent_id: &str,
    ) -> Result<Option<Normalized>, LocalError> {
        let own_id = format!("{parent_id}-sidecar-proxy");
        let taken = |port: u16| inner.services.values().any(|s| s.id != own_id && s.port == port);
        let current = inner.services.get(&own_id).map(|s| s.port);
        let Some(sidecar) = super::connect::sidecar_of(def, parent_id, taken, current)? else { return Ok(None) };
        let normalized = sidecar.normalize().map_err(|e| DefinitionError::Sidecar(e.to_string()))?;
        Ok(Some(normalized))
    }

    /// The state of those of `ids` that are registered checks.
    fn prior_states<'a>(inner: &Inner, ids: impl Iterator<Item = &'a str>) -> BTreeMap<String, Prior> {
        ids.filter_map(|id| {
            let c = inner.checks.get(id)?;
            let (status, output) = (c.check.status, c.check.output.clone());
            Some((id.to_owned(), Prior { status, output, critical_since: c.critical_since }))
        })
        .collect()
    }

    fn insert_service(
        self: &Arc<Self>,
        inner: &mut Inner,
        service: NodeService,
        checks: Vec<(String, CheckDefinition)>,
        prior: &BTreeMap<String, Prior>,
    ) {
        inner.services.insert(service.id.clone(), service.clone());
        for (check_id, check_def) in checks {
            let check = check_def.to_health_check(&self.node, &check_id, Some(&service));
            self.insert_check(inner, check, check_def, prior.get(&check_id).cloned());
        }
    }

    /// Removes a service and its checks, and the sidecar registered with it.
    pub fn remove_service(&self, id: &str) -> Result<(), LocalError> {
        {
            let mut inner = self.inner();
            if !inner.services.contains_key(id) {
                return Err(LocalError::UnknownService(id.to_owned()));
            }
            Self::remove_locked(&mut inner, id);
            if let Some(sidecar) = inner.sidecars.remove(id) {
                Self::remove_locked(&mut inner, &sidecar);
            }
        }
        self.notify_changed();
        Ok(())
    }

    fn set_token(inner: &mut Inner, id: &str, token: &str) {
        inner.departed.remove(id);
        match token {
            "" => inner.tokens.remove(id),
            token => inner.tokens.insert(id.to_owned(), token.to_owned()),
        };
    }

    /// The token service `id` was registered with, if any: what anti-entropy syncs it (and
    /// its checks) with.
    pub fn service_token(&self, id: &str) -> Option<String> {
        self.inner().tokens.get(id).cloned()
    }

    /// The token of a local instance of `service` (the service itself, or a proxy fronting
    /// it) registered with one: what its leaf certificate is requested with.
    pub fn token_of_service(&self, service: &str) -> Option<String> {
        let inner = self.inner();
        inner
            .services
            .values()
            .filter(|s| s.service == service || s.is_connect_instance_of(service))
            .find_map(|s| inner.tokens.get(&s.id).cloned())
    }

    /// The token a removed service `id` was registered with, until [`LocalState::forget_departed`]:
    /// what anti-entropy deregisters it with.
    pub fn departed_token(&self, id: &str) -> Option<String> {
        self.inner().departed.get(id).cloned()
    }

    /// The removed services whose tokens are kept.
    pub fn departed_ids(&self) -> Vec<String> {
        self.inner().departed.keys().cloned().collect()
    }

    /// Its deregistration is synced: the removed service's token is no longer needed.
    pub fn forget_departed(&self, id: &str) {
        self.inner().departed.remove(id);
    }

    /// Removes a service and its checks; when it is a sidecar (removed by its own ID, say),
    /// its parent no longer has it, so the parent's deregistration cannot take a later
    /// service of that ID.
    fn remove_locked(inner: &mut Inner, id: &str) {
        inner.services.remove(id);
        if let Some(token) = inner.tokens.remove(id) {
            inner.departed.insert(id.to_owned(), token);
        }
        inner.checks.retain(|_, c| c.check.service_id != id);
        Self::unlink_sidecar(inner, id);
    }

    fn unlink_sidecar(inner: &mut Inner, id: &str) {
        inner.sidecars.retain(|_, sidecar| sidecar != id);
    }

    /// Adds or replaces a check (of the node, or of a local service).
    pub fn add_check(self: &Arc<Self>, def: &CheckDefinition) -> Result<(), LocalError> {
        def.kind()?;
        let id = if def.id.is_empty() { def.name.clone() } else { def.id.clone() };
        if id.is_empty() {
            return Err(DefinitionError::Check { check: String::new(), problem: "an ID or Name is required" }.into());
        }
        {
            let mut inner = self.inner();
            let service = match def.service_id.as_str() {
                "" => None,
                sid => {
                    Some(inner.services.get(sid).cloned().ok_or_else(|| LocalError::UnknownService(sid.to_owned()))?)
                }
            };
            let check = def.to_health_check(&self.node, &id, service.as_ref());
            self.insert_check(&mut inner, check, def.clone(), None);
        }
        self.notify_changed();
        Ok(())
    }

    /// Adds or replaces a check and starts its runner; with `prior`, the check keeps that
    /// status and output.
    fn insert_check(
        self: &Arc<Self>,
        inner: &mut Inner,
        mut check: HealthCheck,
        definition: CheckDefinition,
        prior: Option<Prior>,
    ) {
        let id = check.check_id.clone();
        let kind = definition.kind().ok();
        let ttl_deadline = match &kind {
            Some(CheckKind::Ttl { ttl }) => Some(Instant::now() + *ttl),
            _ => None,
        };
        let critical_since = match prior {
            Some(prior) => {
                check.status = prior.status;
                check.output = prior.output;
                prior.critical_since
            }
            None => (check.status == HealthStatus::Critical).then(Instant::now),
        };
        inner.checks.insert(id.clone(), LocalCheck { check, definition, critical_since, ttl_deadline, runner: None });
        if let Some(kind) = kind {
            let runner = super::checks::spawn(self.clone(), id.clone(), kind);
            if let Some(c) = inner.checks.get_mut(&id) {
                c.runner = Some(runner);
            }
        }
    }

    pub fn remove_check(&self, id: &str) -> Result<(), LocalError> {
        if self.inner().checks.remove(id).is_none() {
            return Err(LocalError::UnknownCheck(id.to_owned()));
        }
        self.notify_changed();
        Ok(())
    }

    /// Sets a check's status and output (from its runner). Wakes anti-entropy only when
    /// something changed.
    pub fn update_check(&self, id: &str, status: HealthStatus, output: &str) -> Result<(), LocalError> {
        let changed = {
            let mut inner = self.inner();
            let c = inner.checks.get_mut(id).ok_or_else(|| LocalError::UnknownCheck(id.to_owned()))?;
            let changed = c.check.status != status || c.check.output != output;
            if c.check.status != status {
                c.critical_since = (status == HealthStatus::Critical).then(Instant::now);
            }
            c.check.status = status;
            c.check.output = output.to_owned();
            changed
        };
        if changed {
            self.notify_changed();
        }
        Ok(())
    }

    /// A TTL check's heartbeat (`/v1/agent/check/pass|warn|fail/:id`): sets the status and
    /// restarts the TTL.
    pub fn ttl_update(&self, id: &str, status: HealthStatus, note: &str) -> Result<(), LocalError> {
        {
            let mut inner = self.inner();
            let c = inner.checks.get_mut(id).ok_or_else(|| LocalError::UnknownCheck(id.to_owned()))?;
            let Some(CheckKind::Ttl { ttl }) = c.definition.kind().ok() else {
                return Err(LocalError::NotTtl(id.to_owned()));
            };
            c.ttl_deadline = Some(Instant::now() + ttl);
        }
        self.update_check(id, status, note)
    }

    pub fn ttl_deadline(&self, id: &str) -> Option<Instant> {
        self.inner().checks.get(id).and_then(|c| c.ttl_deadline)
    }

    pub fn services(&self) -> BTreeMap<String, NodeService> {
        self.inner().services.clone()
    }

    pub fn service(&self, id: &str) -> Option<NodeService> {
        self.inner().services.get(id).cloned()
    }

    pub fn checks(&self) -> BTreeMap<String, HealthCheck> {
        self.inner().checks.iter().map(|(id, c)| (id.clone(), c.check.clone())).collect()
    }

    /// Whether the service `service_id` is registered, and the checks `keep` selects (in
    /// check ID order), read under one lock; only those are cloned (an alias check reads this
    /// on every change of the local state).
    pub(super) fn service_and_checks(
        &self,
        service_id: &str,
        keep: impl Fn(&HealthCheck) -> bool,
    ) -> (bool, Vec<HealthCheck>) {
        let inner = self.inner();
        let checks = inner.checks.values().map(|c| &c.check).filter(|c| keep(c)).cloned().collect();
        (inner.services.contains_key(service_id), checks)
    }

    /// Stops every check runner and waits for them (on shutdown); the checks stay registered
    /// but are no longer run.
    pub async fn stop_checks(&self) {
        let runners: Vec<JoinHandle<()>> = self.inner().checks.values_mut().filter_map(|c| c.runner.take()).collect();
        for runner in runners {
            runner.abort();
            let _ = runner.await;
        }
    }

    /// Services whose check has been critical longer than its
    /// DeregisterCriticalServiceAfter: they are to be removed.
    pub fn expired_critical_services(&self, now: Instant) -> Vec<String> {
        self.inner()
            .checks
            .values()
            .filter(|c| !c.check.service_id.is_empty())
            .filter(|c| match (c.critical_since, c.definition.deregister_critical_service_after) {
                (Some(since), Some(after)) => now.duration_since(since) >= after.0,
                _ => false,
            })
            .map(|c| c.check.service_id.clone())
            .collect()
    }
}
