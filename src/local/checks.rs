//! Check runners: one task per TCP, HTTP, TTL or alias check, reporting into [`LocalState`].
//! A runner holds only a weak reference; its check's entry owns it, and aborts it when the check
//! is removed.

use std::sync::{Arc, OnceLock, Weak};
use std::time::Duration;

use tokio::task::JoinHandle;
use tokio::time::Instant;

use super::definition::CheckKind;
use super::state::LocalState;
use crate::state::{HealthCheck, HealthStatus};

/// The most of an HTTP check's response body kept as its output.
const MAX_OUTPUT: usize = 4096;

/// The shortest interval a TCP or HTTP check runs at (Consul's `checks.MinInterval`): a
/// shorter one is raised to it with a warning, as the reference does, so no check can keep a
/// core busy.
pub const MIN_INTERVAL: Duration = Duration::from_secs(1);

fn at_least_min(id: &str, interval: Duration) -> Duration {
    if interval >= MIN_INTERVAL {
        return interval;
    }
    tracing::warn!(check = id, minimum_interval = ?MIN_INTERVAL, "check has interval below minimum");
    MIN_INTERVAL
}

pub(super) fn spawn(local: Arc<LocalState>, id: String, kind: CheckKind) -> JoinHandle<()> {
    let local = Arc::downgrade(&local);
    tokio::spawn(async move {
        match kind {
            CheckKind::Tcp { addr, interval, timeout } => {
                let interval = at_least_min(&id, interval);
                periodic(local, id, interval, move || tcp_probe(addr.clone(), timeout)).await
            }
            CheckKind::Http { url, method, interval, timeout, tls_skip_verify } => {
                let interval = at_least_min(&id, interval);
                periodic(local, id, interval, move || http_probe(url.clone(), method.clone(), timeout, tls_skip_verify))
                    .await
            }
            CheckKind::Ttl { ttl } => ttl_watch(local, id, ttl).await,
            CheckKind::Alias { service_id } => alias_watch(local, id, service_id).await,
        }
    })
}

/// How often a check that has not passed yet is retried.
const STARTUP_RETRY: Duration = Duration::from_secs(1);

async fn periodic<F, Fut>(local: Weak<LocalState>, id: String, interval: Duration, probe: F)
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = (HealthStatus, String)>,
{
    // The first probe runs at once. Until one passes, probes repeat every second (at most
    // every interval): a service usually starts listening just after it registered (a
    // gateway registers, then starts Envoy) and should not look dead for a whole interval.
    let mut ticker: Option<tokio::time::Interval> = None;
    loop {
        let (status, output) = probe().await;
        let Some(local) = local.upgrade() else { return };
        if local.update_check(&id, status, &output).is_err() {
            return; // the check is gone
        }
        drop(local);
        if ticker.is_none() && status == HealthStatus::Passing {
            let mut t = tokio::time::interval_at(tokio::time::Instant::now() + interval, interval);
            t.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            ticker = Some(t);
        }
        match &mut ticker {
            Some(t) => {
                t.tick().await;
            }
            None => tokio::time::sleep(STARTUP_RETRY.min(interval)).await,
        }
    }
}

async fn tcp_probe(addr: String, timeout: Duration) -> (HealthStatus, String) {
    match tokio::time::timeout(timeout, tokio::net::TcpStream::connect(&addr)).await {
        Ok(Ok(_)) => (HealthStatus::Passing, format!("TCP connect {addr}: Success")),
        Ok(Err(e)) => (HealthStatus::Critical, format!("dial tcp {addr}: {e}")),
        Err(_) => (HealthStatus::Critical, format!("dial tcp {addr}: i/o timeout after {timeout:?}")),
    }
}

fn http_client(insecure: bool) -> Option<&'static reqwest::Client> {
    static SECURE: OnceLock<Option<reqwest::Client>> = OnceLock::new();
    static INSECURE: OnceLock<Option<reqwest::Client>> = OnceLock::new();
    let cell = if insecure { &INSECURE } else { &SECURE };
    cell.get_or_init(|| {
        crate::tls::install_default_provider();
        // No idle connections: a check runs every few seconds at most, and a pooled connection
        // would keep a task alive in whichever runtime made it, past its agent's shutdown.
        reqwest::Client::builder()
            .pool_max_idle_per_host(0)
            .danger_accept_invalid_certs(insecure)
            .redirect(reqwest::redirect::Policy::limited(10))
            .build()
            .map_err(|e| tracing::error!(error = %e, "cannot build the HTTP check client"))
            .ok()
    })
    .as_ref()
}

/// 2xx passes, 429 warns, anything else is critical (as the reference).
async fn http_probe(url: String, method: String, timeout: Duration, insecure: bool) -> (HealthStatus, String) {
    let Some(client) = http_client(insecure) else {
        return (HealthStatus::Critical, "the HTTP check client could not be built".into());
    };
    let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap_or(reqwest::Method::GET);
    let response = client.request(method.clone(), &url).timeout(timeout).send().await;
    match response {
        Err(e) => (HealthStatus::Critical, format!("HTTP {method} {url}: {e}")),
        Ok(resp) => {
            let code = resp.status();
            let mut body = resp.text().await.unwrap_or_default();
            body.truncate(body.floor_char_boundary(MAX_OUTPUT));
            let status = match code.as_u16() {
                200..=299 => HealthStatus::Passing,
                429 => HealthStatus::Warning,
                _ => HealthStatus::Critical,
            };
            (status, format!("HTTP {method} {url}: {code} Output: {body}"))
        }
    }
}

/// Marks the check critical once its TTL passes without a heartbeat.
async fn ttl_watch(local: Weak<LocalState>, id: String, ttl: Duration) {
    let recheck = (ttl / 4).clamp(Duration::from_millis(10), Duration::from_secs(1));
    loop {
        let deadline = {
            let Some(local) = local.upgrade() else { return };
            match local.ttl_deadline(&id) {
                Some(d) => d,
                None => return,
            }
        };
        if Instant::now() < deadline {
            tokio::time::sleep_until(deadline).await;
            continue;
        }
        let Some(local) = local.upgrade() else { return };
        if local.update_check(&id, HealthStatus::Critical, "TTL expired").is_err() {
            return;
        }
        drop(local);
        tokio::time::sleep(recheck).await;
    }
}

/// Follows the health of the local service `service_id` as the reference's alias check does
/// (its `processChecks`): from the service's checks and the node's own (those without a
/// service), critical when the service has no check and is not registered. Re-evaluated on
/// every change of the local state; written only when it changes, so the write does not wake
/// itself forever.
async fn alias_watch(local: Weak<LocalState>, id: String, service_id: String) {
    let Some(mut changes) = local.upgrade().map(|l| l.subscribe()) else { return };
    let mut last: Option<(HealthStatus, String)> = None;
    loop {
        {
            let Some(local) = local.upgrade() else { return };
            // Unlike the reference, alias checks are not counted: re-evaluated on every change,
            // two aliases of each other (or a node-level alias, which counts itself) would
            // feed each other's outputs into their own for ever.
            let (registered, checks) = local.service_and_checks(&service_id, |c| {
                (c.service_id == service_id || c.service_id.is_empty()) && c.check_type != "alias"
            });
            let now = alias_status(&service_id, registered, &checks);
            if last.as_ref() != Some(&now) {
                if local.update_check(&id, now.0, &now.1).is_err() {
                    return;
                }
                last = Some(now);
            }
        }
        if changes.changed().await.is_err() {
            return;
        }
    }
}

/// The reference's verdict over `checks` (in check ID order, where the reference takes its
/// map's order): the first critical check, else the last warning, else passing.
fn alias_status(service_id: &str, registered: bool, checks: &[HealthCheck]) -> (HealthStatus, String) {
    let mut health = HealthStatus::Passing;
    let mut output = "No checks found.".to_owned();
    let mut service_found = false;
    for check in checks {
        service_found |= check.service_id == service_id;
        if check.status == HealthStatus::Passing {
            if health == HealthStatus::Passing {
                output = "All checks passing.".to_owned();
            }
            continue;
        }
        // Maintenance is fedctl's own status; the reference's maintenance checks are critical.
        health = if check.status == HealthStatus::Warning { HealthStatus::Warning } else { HealthStatus::Critical };
        output = format!("Aliased check {:?} failing: {}", check.name, check.output);
        if health == HealthStatus::Critical {
            break;
        }
    }
    if !service_found && !registered {
        // A local alias has no node name, so the reference's sentence ends with an empty one.
        return (HealthStatus::Critical, format!("Service {service_id} could not be found on node "));
    }
    (health, output)
}
