//! One service's leaf issuer: issues a leaf once the CA exists, then renews it on its own
//! timer (a random moment between 60 % and 90 % of its lifetime) and whenever the active root
//! changes. A failed attempt is retried with backoff while the last leaf keeps being served;
//! in the last tenth of its lifetime that is an alarm (an error log, and `expiring` in the
//! published state), and an expired leaf is withdrawn rather than served.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use tokio::sync::watch;

use super::leaf::{Inner, Leaf, LeafKey, LeafState};
use super::roots::Roots;
use crate::rpc::message::SignedCert;
use crate::state::{RequestContext, RequestError};
use crate::tasks::stopped;
use crate::tls::leaf::leaf_request;

const MIN_BACKOFF: Duration = Duration::from_millis(200);
const MAX_BACKOFF: Duration = Duration::from_secs(60);
/// An entry nobody watches or asked for this long is dropped (the reference's cache keeps a
/// leaf entry three days).
const IDLE_WITH_LEAF: Duration = Duration::from_secs(72 * 3600);
/// An entry that never got a leaf (a name no server signs) is dropped sooner.
const IDLE_WITHOUT_LEAF: Duration = Duration::from_secs(60);
/// The window over which an agent re-issues its leaves after the active root changed.
const ROOT_CHANGE_JITTER: Duration = Duration::from_secs(3);

pub(super) async fn run(inner: Arc<Inner>, key: LeafKey, tx: watch::Sender<LeafState>) {
    let mut roots = inner.roots.subscribe();
    let mut shutdown = inner.shutdown.clone();
    let mut backoff = MIN_BACKOFF;
    loop {
        let Some((trust_domain, root_id)) = wait_for_ca(&mut roots, &mut shutdown).await else { return };
        let outcome = issue(&inner, &key, &trust_domain, &root_id).await;
        let failed_now = outcome.is_err();
        let next = match outcome {
            Ok(leaf) => {
                backoff = MIN_BACKOFF;
                let renew_at = leaf.renew_at;
                tx.send_modify(|s| {
                    let index = leaf.cert.index.max(s.last_index + 1);
                    tracing::info!(serial = %leaf.cert.serial_number, valid_before = %leaf.cert.valid_before, index, "issued a leaf certificate");
                    *s = LeafState { leaf: Some(Arc::new(Leaf { index, ..leaf })), last_index: index, ..LeafState::default() };
                });
                renew_at
            }
            Err(error) => {
                tx.send_modify(|s| failed(s, error));
                let wait = backoff.mul_f64(0.5 + rand::random::<f64>() / 2.0);
                backoff = (backoff * 2).min(MAX_BACKOFF);
                SystemTime::now() + wait
            }
        };
        let until = next.duration_since(SystemTime::now()).unwrap_or_default();
        tokio::select! {
            _ = tokio::time::sleep(until) => {}
            // After a failure any change of the roots may be what was missing (a secondary's
            // intermediate arrived): try again then, not only after the backoff.
            rotated = roots_changed(&mut roots, &root_id, failed_now) => if rotated {
                // Spread the re-issue of every leaf of the agent over a short window (the
                // reference waits up to 30 s), so a rotation is not one burst at the servers.
                let jitter = ROOT_CHANGE_JITTER.mul_f64(rand::random::<f64>());
                tokio::select! {
                    _ = tokio::time::sleep(jitter) => {}
                    _ = stopped(&mut shutdown) => return,
                }
            },
            _ = stopped(&mut shutdown) => return,
        }
        let idle = if tx.borrow().leaf.is_some() { IDLE_WITH_LEAF } else { IDLE_WITHOUT_LEAF };
        if inner.retire_if_idle(&key, idle) {
            tracing::debug!("no one used this leaf for a while; its issuer stops");
            return;
        }
    }
}

/// Records a failed attempt: the last leaf stays while it is valid, raising the alarm in its
/// last tenth of life; an expired one is withdrawn.
fn failed(state: &mut LeafState, error: RequestError) {
    state.failures += 1;
    let now = SystemTime::now();
    if let Some(leaf) = &state.leaf {
        let left = leaf.valid_before.duration_since(now).unwrap_or_default();
        let lifetime = leaf.valid_before.duration_since(leaf.fetched_at).unwrap_or_default();
        if left.is_zero() {
            tracing::error!(%error, serial = %leaf.cert.serial_number, "the leaf certificate expired and could not be renewed; it is withdrawn");
            state.leaf = None;
            state.expiring = false;
        } else if left < lifetime / 10 {
            tracing::error!(%error, serial = %leaf.cert.serial_number, expires_in_s = left.as_secs(), "the leaf certificate expires soon and renewing it keeps failing");
            state.expiring = true;
        } else {
            tracing::warn!(%error, failures = state.failures, "renewing the leaf certificate failed; the current one stays in use");
        }
    } else {
        tracing::warn!(%error, failures = state.failures, "issuing a leaf certificate failed; retrying");
    }
    state.error = Some(error);
}

/// The trust domain and active root ID, once the CA exists; `None` at shutdown.
async fn wait_for_ca(
    roots: &mut watch::Receiver<Roots>,
    shutdown: &mut watch::Receiver<bool>,
) -> Option<(String, String)> {
    loop {
        if let Some((td, root)) = roots.borrow_and_update().active() {
            return Some((td.to_owned(), root.to_owned()));
        }
        tokio::select! {
            r = roots.changed() => if r.is_err() { std::future::pending::<()>().await },
            _ = stopped(shutdown) => return None,
        }
    }
}

/// Resolves when the active root is no longer `root_id` (true), or with `any` on any change
/// of the roots (never, once the roots stop).
async fn roots_changed(roots: &mut watch::Receiver<Roots>, root_id: &str, any: bool) -> bool {
    loop {
        if roots.changed().await.is_err() {
            std::future::pending::<()>().await;
        }
        let rotated = roots.borrow_and_update().active().is_some_and(|(_, active)| active != root_id);
        if rotated {
            tracing::info!("the active root changed; issuing a new leaf");
        }
        if rotated || any {
            return rotated;
        }
    }
}

async fn issue(inner: &Inner, key: &LeafKey, trust_domain: &str, root_id: &str) -> Result<Leaf, RequestError> {
    let request =
        leaf_request(trust_domain, &key.datacenter, &key.service).map_err(|e| RequestError::Ca(e.to_string()))?;
    // With the token its local instance was registered with, as the reference's proxies
    // ask for their leaves (the agent's token when it has none).
    let mut ctx = RequestContext::new().in_datacenter(Some(&key.datacenter));
    if let Some(token) = inner.local.token_of_service(&key.service) {
        ctx.token = Some(token);
    }
    let cert = inner.backend.connect_sign(&ctx, request.csr_pem).await?;
    let (valid_after, valid_before) = validity(&cert)?;
    let lifetime = valid_before.duration_since(valid_after).unwrap_or_default();
    // Spread over the window, so leaves made together are not renewed together.
    let renew_at = valid_after + lifetime.mul_f64(0.6 + 0.3 * rand::random::<f64>());
    Ok(Leaf {
        cert,
        private_key_pem: request.key_pem,
        root_id: root_id.to_owned(),
        index: 0,
        fetched_at: SystemTime::now(),
        valid_before,
        renew_at,
    })
}

fn validity(cert: &SignedCert) -> Result<(SystemTime, SystemTime), RequestError> {
    let parse = |s: &str| {
        time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339)
            .map(SystemTime::from)
            .map_err(|e| RequestError::Protocol(format!("a server signed a leaf with a bad validity time {s:?}: {e}")))
    };
    Ok((parse(&cert.valid_after)?, parse(&cert.valid_before)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state_with_leaf(lifetime: Duration, left: Duration) -> LeafState {
        let now = SystemTime::now();
        let leaf = Leaf {
            cert: SignedCert { serial_number: "01:02".into(), ..SignedCert::default() },
            private_key_pem: String::new(),
            root_id: "root".into(),
            index: 1,
            fetched_at: now + left - lifetime,
            valid_before: now + left,
            renew_at: now,
        };
        LeafState { leaf: Some(Arc::new(leaf)), ..LeafState::default() }
    }

    #[test]
    fn a_failed_renewal_keeps_the_leaf_and_raises_the_alarm_only_in_its_last_tenth() {
        let hour = Duration::from_secs(3600);
        let mut early = state_with_leaf(72 * hour, 20 * hour);
        failed(&mut early, RequestError::NoServers);
        assert!(early.leaf.is_some() && !early.expiring && early.failures == 1);
        assert_eq!(early.error, Some(RequestError::NoServers));

        let mut late = state_with_leaf(72 * hour, 5 * hour);
        failed(&mut late, RequestError::NoServers);
        assert!(late.leaf.is_some() && late.expiring, "5 h of 72 h left is the alarm");

        let mut expired = state_with_leaf(72 * hour, Duration::ZERO);
        expired.expiring = true;
        failed(&mut expired, RequestError::NoServers);
        assert!(expired.leaf.is_none() && !expired.expiring, "an expired leaf is withdrawn, not served");
        assert_eq!(expired.failures, 1);
    }
}
