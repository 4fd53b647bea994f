//! Keeping the gateway locator current: its candidates follow this server's state store
//! (catalog and federation states, by blocking reads), and `primary_gateways` are resolved
//! again every interval, so a DNS name that now points elsewhere is followed without a
//! restart.

use std::net::SocketAddr;
use std::time::Duration;

use tokio::sync::watch;

use super::{DialKind, Locator};
use crate::state::{StateHandle, Table};
use crate::tasks::stopped;

const TABLES: [Table; 4] = [Table::Nodes, Table::Services, Table::Checks, Table::FederationStates];

/// Recomputes the locator's candidates whenever the tables they come from change, until
/// shutdown.
pub async fn run_locator_refresh(locator: Locator, state: StateHandle, mut shutdown: watch::Receiver<bool>) {
    let mut index = 0;
    loop {
        let wait = state.blocking(&TABLES, index, Duration::from_secs(300), |s| locator.update_from_store(s));
        tokio::select! {
            r = wait => index = r.index,
            _ = stopped(&mut shutdown) => return,
        }
    }
}

/// Resolves `entries` (host:port) now and every `interval`, handing the addresses to the
/// locator. An entry that does not resolve is logged and skipped; the others still count.
pub async fn run_primary_gateway_discovery(
    locator: Locator,
    entries: Vec<String>,
    interval: Duration,
    mut shutdown: watch::Receiver<bool>,
) {
    if entries.is_empty() {
        return;
    }
    loop {
        let addrs = resolve_all(&entries).await;
        if addrs.is_empty() {
            tracing::warn!(entries = ?entries, ?interval, "no primary mesh gateway resolved; retrying");
        } else {
            locator.set_fallback(addrs);
        }
        tokio::select! {
            _ = tokio::time::sleep(interval) => {}
            _ = stopped(&mut shutdown) => return,
        }
    }
}

async fn resolve_all(entries: &[String]) -> Vec<SocketAddr> {
    let mut out = Vec::new();
    for entry in entries {
        match tokio::net::lookup_host(entry.as_str()).await {
            Ok(addrs) => out.extend(addrs),
            Err(error) => tracing::warn!(%entry, %error, "cannot resolve a primary mesh gateway"),
        }
    }
    out
}

/// How often every local gateway (and, with none, the primary's) is checked with a real
/// handshake through it.
const PROBE_EVERY: std::time::Duration = std::time::Duration::from_secs(3);

/// Actively checks the gateways this server would dial: a TLS handshake through each to a
/// server of another datacenter, every few seconds. A dead gateway is skipped before real
/// traffic fails on it, and a recovered one is used again.
pub async fn run_gateway_prober(
    locator: Locator,
    tls: std::sync::Arc<crate::tls::AgentTls>,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        tokio::select! {
            _ = tokio::time::sleep(PROBE_EVERY) => {}
            _ = stopped(&mut shutdown) => return,
        }
        let (local, remote) = locator.candidates();
        // A datacenter to reach: the primary from a secondary, else any other one known.
        let target = if locator.primary() != locator.datacenter() {
            Some(locator.primary().to_owned())
        } else {
            remote.keys().next().cloned()
        };
        let Some(dc) = target else { continue };
        let gateways: Vec<String> = if local.is_empty() {
            remote.get(&dc).map(|l| l.iter().map(|c| c.address.clone()).collect()).unwrap_or_default()
        } else {
            local.iter().map(|c| c.address.clone()).collect()
        };
        for gateway in gateways {
            let outcome = super::probe::handshake(&tls, &dc, &gateway, crate::tls::Protocol::Rpc)
                .await
                .map_err(|(_, e)| format!("probe: {e}"));
            locator.report(&gateway, &dc, DialKind::Probe, outcome);
        }
    }
}
