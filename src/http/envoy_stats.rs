//! What a sidecar's Envoy counted, read from its admin interface (the address its bootstrap
//! gave in `node.metadata.envoy_admin`): the RBAC filter's allowed and denied connections.
//! Read when asked (`/v1/internal/proxies`, `/v1/agent/metrics`), never polled.

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
    let admin = admin.strip_prefix("0.0.0.0:").map_or_else(|| admin.to_owned(), |port| format!("127.0.0.1:{port}"));
    let client = reqwest::Client::builder()
        .timeout(TIMEOUT)
        .no_proxy()
        .build()
        .map_err(|e| format!("building an HTTP client: {e}"))?;
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
