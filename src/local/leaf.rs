//! The agent's Connect leaf certificates, one per service name: made on first request (a new
//! key here, the CSR signed by a server of this datacenter; the key never leaves the agent),
//! then served from the cache until its renewal point, a random moment between 60 % and 90 %
//! of its lifetime, as the reference renews, or until the CA's active root changes. A
//! blocking request (`?index=`) returns when a newer certificate is issued, or after its wait.

use std::collections::HashMap;
use std::time::{Duration, SystemTime};

use tokio::sync::Mutex;

use crate::backend::Backend;
use crate::rpc::message::SignedCert;
use crate::state::{Query, QueryResult, ReadRequest, RequestContext, RequestError};
use crate::tls::leaf::{LeafError, leaf_request};

/// A leaf as the agent holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leaf {
    pub cert: SignedCert,
    pub private_key_pem: String,
    /// The active root it was signed under.
    pub root_id: String,
    renew_at: SystemTime,
}

/// Where a leaf came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cached {
    Hit,
    Miss,
}

/// The leaves of this agent's services, by service name.
#[derive(Debug, Default)]
pub struct LeafCache {
    /// Held while a leaf is made, so concurrent requests for a service make one.
    leaves: Mutex<HashMap<String, Leaf>>,
}

impl LeafCache {
    /// The leaf of `service`. With `min_index`, waits (at most `wait`) for one newer than it.
    pub async fn get(
        &self,
        backend: &Backend,
        service: &str,
        min_index: u64,
        wait: Duration,
    ) -> Result<(Leaf, Cached), RequestError> {
        let active_root = active_root(backend).await?;
        let deadline = SystemTime::now() + wait;
        let mut leaves = self.leaves.lock().await;
        if let Some(leaf) = leaves.get(service).filter(|l| l.root_id == active_root.1).cloned() {
            let fresh = SystemTime::now() < leaf.renew_at;
            if fresh && (min_index == 0 || leaf.cert.index > min_index) {
                return Ok((leaf, Cached::Hit));
            }
            if fresh && leaf.renew_at > deadline {
                // Nothing newer before the wait ends: answer with what there is, as a blocking
                // query that timed out does.
                drop(leaves);
                tokio::time::sleep(deadline.duration_since(SystemTime::now()).unwrap_or_default()).await;
                return Ok((leaf, Cached::Hit));
            }
            if fresh {
                drop(leaves);
                tokio::time::sleep(leaf.renew_at.duration_since(SystemTime::now()).unwrap_or_default()).await;
                leaves = self.leaves.lock().await;
            }
        }
        let leaf = issue(backend, service, active_root).await?;
        leaves.insert(service.to_owned(), leaf.clone());
        Ok((leaf, Cached::Miss))
    }
}

/// The trust domain and the active root's ID.
async fn active_root(backend: &Backend) -> Result<(String, String), RequestError> {
    let reply = backend.read(&RequestContext::new(), ReadRequest::now(Query::CaRoots)).await?;
    match reply.result {
        QueryResult::CaRoots(Some(ca)) if !ca.trust_domain.is_empty() => Ok((ca.trust_domain, ca.active_root_id)),
        _ => Err(RequestError::Ca(LeafError::NoCa.to_string())),
    }
}

async fn issue(
    backend: &Backend,
    service: &str,
    (trust_domain, root_id): (String, String),
) -> Result<Leaf, RequestError> {
    let request =
        leaf_request(&trust_domain, backend.datacenter(), service).map_err(|e| RequestError::Ca(e.to_string()))?;
    let cert = backend.connect_sign(&RequestContext::new(), request.csr_pem).await?;
    let renew_at = renewal_point(&cert);
    tracing::info!(%service, serial = %cert.serial_number, valid_before = %cert.valid_before, "issued a leaf certificate");
    Ok(Leaf { cert, private_key_pem: request.key_pem, root_id, renew_at })
}

/// A random moment between 60 % and 90 % of the certificate's lifetime (the reference's
/// renewal window, spread so leaves made together are not renewed together).
fn renewal_point(cert: &SignedCert) -> SystemTime {
    let parse = |s: &str| {
        time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).ok().map(SystemTime::from)
    };
    let (Some(after), Some(before)) = (parse(&cert.valid_after), parse(&cert.valid_before)) else {
        return SystemTime::now();
    };
    let lifetime = before.duration_since(after).unwrap_or_default();
    after + lifetime.mul_f64(0.6 + 0.3 * rand::random::<f64>())
}
