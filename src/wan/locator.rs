//! The gateway locator: which mesh gateway a server dials to reach another datacenter.
//!
//! Candidates per datacenter come from this server's own state store (no RPC): this
//! datacenter's gateways from the catalog (LAN addresses), other datacenters' from the
//! replicated federation states (WAN addresses), and, for the primary, the resolved
//! `primary_gateways` (the bootstrap fallback). Only gateways marked
//! `consul-wan-federation=1` without a critical check count.
//!
//! Picking: a healthy local gateway that has not failed recently (the two-hop path, which
//! needs no route to other datacenters); when every local gateway is failing or none is
//! known, the target datacenter's own gateways directly (for the primary, with the
//! fallback addresses). Random among the usable ones. Every dial reports its outcome, so a
//! dead gateway is skipped before more traffic fails on it, and every decision is
//! observable through [`Locator::status`].

use std::collections::{BTreeMap, HashMap};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use tokio::sync::watch;

use crate::state::{CheckServiceNode, Store};

/// A gateway that failed this recently is skipped while others are usable.
pub const FAILURE_QUARANTINE: Duration = Duration::from_secs(10);

/// Where a candidate came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    #[serde(rename = "local catalog")]
    LocalCatalog,
    #[serde(rename = "federation state")]
    FederationState,
    #[serde(rename = "config")]
    Config,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Source::LocalCatalog => "local catalog",
            Source::FederationState => "federation state",
            Source::Config => "config",
        })
    }
}

/// One gateway a server could dial.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Candidate {
    /// `host:port` as dialled.
    pub address: String,
    pub source: Source,
    /// The gateway's node and service ID (empty for config addresses).
    pub node: String,
    #[serde(rename = "ServiceID")]
    pub service_id: String,
    /// No critical check (config addresses are assumed healthy).
    pub healthy: bool,
}

/// Who dialled a gateway.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialKind {
    /// A server's RPC (requests, replication, anti-entropy).
    Rpc,
    /// WAN gossip through the tunnel.
    Gossip,
    /// The locator's own probe (a handshake, no traffic).
    Probe,
}

/// What dialling one gateway address last did.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DialRecord {
    pub consecutive_failures: u32,
    /// Successful dials by RPC traffic, by WAN gossip, and by the locator's probes: which of
    /// them went through this gateway.
    pub rpc_dials: u64,
    pub gossip_dials: u64,
    pub probe_dials: u64,
    pub last_error: Option<String>,
    /// Seconds since the last failure / success.
    pub failed_ago_secs: Option<f64>,
    pub succeeded_ago_secs: Option<f64>,
    #[serde(skip)]
    failed_at: Option<Instant>,
    #[serde(skip)]
    succeeded_at: Option<Instant>,
}

/// A pick and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Pick {
    pub address: String,
    pub reason: String,
}

/// The locator's whole view, for `/v1/internal/gateways`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct LocatorStatus {
    /// Whether this agent federates through mesh gateways at all (a server with
    /// `connect.enable_mesh_gateway_wan_federation`); everything else is empty when not.
    pub enabled: bool,
    pub datacenter: String,
    pub primary_datacenter: String,
    /// This datacenter's gateways.
    pub local: Vec<Candidate>,
    /// Other datacenters' gateways (the primary's include the fallback addresses).
    pub remote: BTreeMap<String, Vec<Candidate>>,
    /// Per datacenter: what would be dialled now and why (`None`: no way there).
    pub picks: BTreeMap<String, Option<Pick>>,
    /// Per gateway address, per datacenter dialled through it.
    pub dials: BTreeMap<String, BTreeMap<String, DialRecord>>,
}

#[derive(Debug, Default)]
struct View {
    local: Vec<Candidate>,
    remote: BTreeMap<String, Vec<Candidate>>,
    fallback: Vec<Candidate>,
    /// By (gateway, datacenter): a gateway may reach one datacenter and not another.
    dials: HashMap<(String, String), DialRecord>,
}

impl View {
    /// Whether dialling `datacenter` through `c` failed within the quarantine.
    fn failing(&self, c: &Candidate, datacenter: &str, now: Instant) -> bool {
        self.dials.get(&(c.address.clone(), datacenter.to_owned())).is_some_and(|d| {
            d.consecutive_failures > 0 && d.failed_at.is_some_and(|t| now.duration_since(t) < FAILURE_QUARANTINE)
        })
    }
}

/// Shared handle.
#[derive(Debug, Clone)]
pub struct Locator {
    datacenter: String,
    primary: String,
    view: Arc<Mutex<View>>,
    /// The resolved `primary_gateways`, for the gateway's own config in secondaries.
    fallback: watch::Sender<Vec<SocketAddr>>,
}

impl Locator {
    pub fn new(datacenter: &str, primary: &str) -> Locator {
        Locator {
            datacenter: datacenter.to_owned(),
            primary: primary.to_owned(),
            view: Arc::default(),
            fallback: watch::Sender::new(Vec::new()),
        }
    }

    pub fn datacenter(&self) -> &str {
        &self.datacenter
    }

    pub fn primary(&self) -> &str {
        &self.primary
    }

    fn view(&self) -> MutexGuard<'_, View> {
        self.view.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Recomputes the candidates from this server's state store.
    pub fn update_from_store(&self, store: &Store) {
        let local: Vec<Candidate> = store
            .check_service_nodes_by_kind(crate::state::ServiceKind::MESH_GATEWAY)
            .iter()
            .filter(|g| g.is_wan_federation_gateway())
            .map(|g| candidate(g, false, Source::LocalCatalog))
            .collect();
        let mut remote: BTreeMap<String, Vec<Candidate>> = BTreeMap::new();
        for state in store.federation_states() {
            if state.datacenter == self.datacenter {
                continue;
            }
            let list = state
                .mesh_gateways
                .iter()
                .filter(|g| g.is_wan_federation_gateway())
                .map(|g| candidate(g, true, Source::FederationState))
                .collect();
            remote.insert(state.datacenter.clone(), list);
        }
        let mut view = self.view();
        if view.local != local || view.remote != remote {
            tracing::info!(local = ?addresses(&local), remote = ?remote.iter().map(|(d, c)| (d, addresses(c))).collect::<Vec<_>>(), "mesh gateway locations changed");
        }
        view.local = local;
        view.remote = remote;
    }

    /// Sets the resolved `primary_gateways` (sorted; an unchanged list is ignored).
    pub fn set_fallback(&self, mut addrs: Vec<SocketAddr>) {
        addrs.sort();
        addrs.dedup();
        if *self.fallback.borrow() == addrs {
            return;
        }
        tracing::info!(gateways = ?addrs, "updated the fallback list of the primary's mesh gateways");
        self.view().fallback = addrs
            .iter()
            .map(|a| Candidate {
                address: a.to_string(),
                source: Source::Config,
                node: String::new(),
                service_id: String::new(),
                healthy: true,
            })
            .collect();
        self.fallback.send_replace(addrs);
    }

    /// The resolved `primary_gateways` and their changes.
    pub fn fallback(&self) -> watch::Receiver<Vec<SocketAddr>> {
        self.fallback.subscribe()
    }

    /// Records the outcome of dialling `datacenter` through gateway `address`, by `kind`.
    pub fn report(&self, address: &str, datacenter: &str, kind: DialKind, outcome: Result<(), String>) {
        let mut view = self.view();
        let record = view.dials.entry((address.to_owned(), datacenter.to_owned())).or_default();
        match outcome {
            Ok(()) => {
                record.consecutive_failures = 0;
                record.succeeded_at = Some(Instant::now());
                *match kind {
                    DialKind::Rpc => &mut record.rpc_dials,
                    DialKind::Gossip => &mut record.gossip_dials,
                    DialKind::Probe => &mut record.probe_dials,
                } += 1;
            }
            Err(error) => {
                record.consecutive_failures += 1;
                record.failed_at = Some(Instant::now());
                if record.consecutive_failures == 1 {
                    tracing::warn!(gateway = %address, %error, "dialling a mesh gateway failed");
                }
                record.last_error = Some(error);
            }
        }
    }

    /// The gateway to dial for `datacenter` now, or `None` (this datacenter, or no way there).
    pub fn pick(&self, datacenter: &str) -> Option<Pick> {
        if datacenter == self.datacenter {
            return None;
        }
        let view = self.view();
        let now = Instant::now();
        let failing = |c: &&Candidate| view.failing(c, datacenter, now);
        let local: Vec<&Candidate> = view.local.iter().filter(|c| c.healthy).collect();
        let mut direct: Vec<&Candidate> =
            view.remote.get(datacenter).map(|l| l.iter().filter(|c| c.healthy).collect()).unwrap_or_default();
        if datacenter == self.primary {
            let known: Vec<&str> = direct.iter().map(|c| c.address.as_str()).collect();
            let fallback: Vec<&Candidate> =
                view.fallback.iter().filter(|f| !known.contains(&f.address.as_str())).collect();
            direct.extend(fallback);
        }
        let local_ok: Vec<&Candidate> = local.iter().filter(|c| !failing(c)).copied().collect();
        let direct_ok: Vec<&Candidate> = direct.iter().filter(|c| !failing(c)).copied().collect();
        let (list, reason) = match (local_ok, direct_ok) {
            (l, _) if !l.is_empty() => (l, format!("a healthy local gateway (two hops to {datacenter})")),
            (_, d) if !d.is_empty() && view.local.is_empty() => {
                (d, format!("no local gateway known: {datacenter}'s gateways directly"))
            }
            (_, d) if !d.is_empty() && local.is_empty() => {
                (d, format!("every local gateway is critical: {datacenter}'s gateways directly"))
            }
            (_, d) if !d.is_empty() => {
                (d, format!("every local gateway failed recently: {datacenter}'s gateways directly"))
            }
            _ if !local.is_empty() => (local.clone(), "every gateway failed recently; retrying a local one".to_owned()),
            _ if !direct.is_empty() => {
                (direct.clone(), format!("every gateway failed recently; retrying {datacenter}'s"))
            }
            _ => return None,
        };
        let chosen = list[rand::random_range(0..list.len())];
        tracing::trace!(gateway = %chosen.address, %datacenter, %reason, "picking a gateway for transit");
        Some(Pick { address: chosen.address.clone(), reason })
    }

    /// Whether a connection to `datacenter` dialled through `gateway` should give way to a new
    /// one: `gateway` is not one of this datacenter's, and a local gateway is usable now (the
    /// two-hop path is back, after a fallback such as a secondary's first dials to the
    /// primary's gateways).
    pub fn superseded(&self, datacenter: &str, gateway: &str) -> bool {
        let view = self.view();
        if view.local.iter().any(|c| c.address == gateway) {
            return false;
        }
        let now = Instant::now();
        view.local.iter().any(|c| c.healthy && !view.failing(c, datacenter, now))
    }

    /// The local candidates and each other datacenter's (fallback addresses not included).
    pub fn candidates(&self) -> (Vec<Candidate>, BTreeMap<String, Vec<Candidate>>) {
        let view = self.view();
        (view.local.clone(), view.remote.clone())
    }

    /// Everything the locator knows and would do, for operators.
    pub fn status(&self, datacenters: &[String]) -> LocatorStatus {
        let mut dcs: Vec<String> = datacenters.to_vec();
        {
            let view = self.view();
            dcs.extend(view.remote.keys().cloned());
        }
        if self.primary != self.datacenter {
            dcs.push(self.primary.clone());
        }
        dcs.sort();
        dcs.dedup();
        dcs.retain(|d| *d != self.datacenter);
        let picks = dcs.iter().map(|d| (d.clone(), self.pick(d))).collect();
        let view = self.view();
        let now = Instant::now();
        let mut remote = view.remote.clone();
        if self.primary != self.datacenter && !view.fallback.is_empty() {
            // A configured address the federation state also lists is one candidate, shown once.
            let list = remote.entry(self.primary.clone()).or_default();
            let fallback: Vec<Candidate> =
                view.fallback.iter().filter(|f| !list.iter().any(|c| c.address == f.address)).cloned().collect();
            list.extend(fallback);
        }
        LocatorStatus {
            enabled: true,
            datacenter: self.datacenter.clone(),
            primary_datacenter: self.primary.clone(),
            local: view.local.clone(),
            remote,
            picks,
            dials: view.dials.iter().fold(BTreeMap::new(), |mut out, ((gateway, dc), d)| {
                let mut d = d.clone();
                d.failed_ago_secs = d.failed_at.map(|t| now.duration_since(t).as_secs_f64());
                d.succeeded_ago_secs = d.succeeded_at.map(|t| now.duration_since(t).as_secs_f64());
                out.entry(gateway.clone()).or_insert_with(BTreeMap::new).insert(dc.clone(), d);
                out
            }),
        }
    }
}

fn addresses(list: &[Candidate]) -> Vec<&str> {
    list.iter().map(|c| c.address.as_str()).collect()
}

fn candidate(g: &CheckServiceNode, wan: bool, source: Source) -> Candidate {
    let (address, port) = g.best_address(wan);
    let address = if address.contains(':') { format!("[{address}]:{port}") } else { format!("{address}:{port}") };
    Candidate { address, source, node: g.node.node.clone(), service_id: g.service.id.clone(), healthy: g.is_healthy() }
}

impl crate::rpc::GatewayRoute for Locator {
    fn local_datacenter(&self) -> &str {
        &self.datacenter
    }

    fn pick(&self, datacenter: &str) -> Option<String> {
        Locator::pick(self, datacenter).map(|p| p.address)
    }

    fn report(&self, gateway: &str, datacenter: &str, outcome: Result<(), String>) {
        Locator::report(self, gateway, datacenter, DialKind::Rpc, outcome);
    }

    fn superseded(&self, datacenter: &str, gateway: &str) -> bool {
        Locator::superseded(self, datacenter, gateway)
    }
}
