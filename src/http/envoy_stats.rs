//! What a sidecar's Envoy counted, read from its admin interface (the address its bootstrap
//! gave in `node.metadata.envoy_admin`): the RBAC filter's allowed and denied connections.
//! Read when asked (`/v1/internal/proxies`, `/v1/agent/metrics`), never polled, and only on
//! loopback: the address is what the proxy said. The counts are Envoy's counters: they start
//! again from zero when that Envoy restarts.

/// The counts summed over the sidecars with an open xDS stream, read concurrently; those
/// that cannot be read add nothing.
pub async fn rbac_totals(admins: Vec<String>) -> RbacCounts {
    let mut reads = tokio::task::JoinSet::new();
    for admin in admins {
        reads.spawn(async move { rbac_counts(&admin).await });
    }
    let mut total = RbacCounts::default();
    while let Some(read) = reads.join_next().await {
        if let Ok(Ok(c)) = read {
            total.allowed += c.allowed;
            total.denied += c.denied;
        }
    }
    total
}

use std::time::Duration;

use serde::Serialize;

use crate::xds::rbac::STAT_PREFIX;

/// How long one Envoy may take to answer.
const TIMEOUT: Duration = Duration::from_millis(500);

/// The intentions' decisions Envoy counted at the public listener.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct RbacCounts {
    pub allowed: u64,
    pub denied: u64,
}

/// Reads the counts from the Envoy whose admin listens on `admin` (`0.0.0.0` is read on
/// loopback), or says why it could not.
pub async fn rbac_counts(admin: &str) -> Result<RbacCounts, String> {
    // The address comes from what an xDS client said: only a local Envoy is asked.
    let parsed: std::net::SocketAddr =
        admin.parse().map_err(|_| format!("Envoy's admin address {admin:?} is not an IP address and port"))?;
    if !(parsed.ip().is_loopback() || parsed.ip().is_unspecified()) {
        return Err(format!("Envoy's admin at {admin} is not on this host's loopback: the agent reads only its own"));
    }
    let admin = if parsed.ip().is_unspecified() { format!("127.0.0.1:{}", parsed.port()) } else { admin.to_owned() };
    // One client for every read (its connection pool and resolver are built once).
    static CLIENT: std::sync::OnceLock<Result<reqwest::Client, String>> = std::sync::OnceLock::new();
    let client = CLIENT
        .get_or_init(|| {
            reqwest::Client::builder()
                .timeout(TIMEOUT)
                .no_proxy()
                .build()
                .map_err(|e| format!("building an HTTP client: {e}"))
        })
        .as_ref()
        .map_err(Clone::clone)?;
    let url = format!("http://{admin}/stats?format=json&filter=^{STAT_PREFIX}\\.rbac\\.(allowed|denied)$");
    let reply = client.get(&url).send().await.map_err(|e| format!("Envoy's admin at {admin}: {e}"))?;
    let body: serde_json::Value = reply.json().await.map_err(|e| format!("Envoy's admin at {admin}: {e}"))?;
    let mut counts = RbacCounts::default();
    for stat in body["stats"].as_array().into_iter().flatten() {
        let value = stat["value"].as_u64().unwrap_or(0);
        match stat["name"].as_str() {
            Some(name) if name == format!("{STAT_PREFIX}.rbac.allowed") => counts.allowed += value,
            Some(name) if name == format!("{STAT_PREFIX}.rbac.denied") => counts.denied += value,
            _ => {}
        }
    }
    Ok(counts)
}
