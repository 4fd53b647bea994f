//! `fedctl debug gateways -probe`: measures every hop to every other datacenter and names the
//! one that is broken.
//!
//! Two kinds of measurement:
//! - **Gateway answers** ([`ask`]): each local gateway asked for itself; each other
//!   datacenter's gateway asked through each local gateway; and each other datacenter's gateway
//!   asked directly from this server (the fallback path, which a server often has no route
//!   for). A gateway answers these itself, so they say how far a path works.
//! - **Server handshakes**: what a real dial does, TCP to the gateway, then TLS with SNI
//!   `server.<dc>.<domain>` and the protocol's ALPN, completed with a server of that
//!   datacenter, for every protocol that crosses gateways, through each local gateway and
//!   through the gateway the locator would dial now when that is not a local one.
//!
//! [`verdict`] reads the broken hop from both, per path and per datacenter.

mod ask;
mod verdict;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

pub use ask::{GatewayAnswer, NoAnswer, ask};
pub use verdict::Hop;
use verdict::{Diagnosis, Facts, Failure, diagnose};

use super::{Locator, LocatorStatus};
use crate::tls::{AgentTls, DialStep, Protocol, dial_tls};

const TIMEOUT: Duration = Duration::from_secs(3);

/// The protocols that cross gateways. (The WAN gossip stream ALPN is not served: gossip
/// crosses gateways as packets only, so a handshake for it would prove nothing.)
const PROTOCOLS: [(Protocol, &str); 2] = [(Protocol::Rpc, "rpc"), (Protocol::WanGossipPacket, "gossip-packet")];

/// Which gateway a path goes through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Via {
    /// A gateway of this datacenter (two hops).
    Local,
    /// The remote datacenter's own gateway.
    Direct,
}

impl std::fmt::Display for Via {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Via::Local => "local",
            Via::Direct => "direct",
        })
    }
}

/// One path: a datacenter, through one gateway, one protocol.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PathReport {
    pub datacenter: String,
    /// The gateway dialled, and whether it is a local one (two hops) or the datacenter's own.
    pub gateway: String,
    pub via: Via,
    /// `rpc` or `gossip-packet`.
    pub protocol: String,
    pub ok: bool,
    pub tries: usize,
    pub p50_ms: Option<f64>,
    pub p99_ms: Option<f64>,
    pub error: Option<String>,
    /// For a failed path: which hop is broken, in words, its kind, and what to do.
    pub broken_hop: Option<String>,
    pub hop: Option<Hop>,
    pub next: Option<String>,
}

/// One question to a gateway: did `datacenter`'s gateway answer, dialled at `gateway`?
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GatewayCheck {
    /// The datacenter whose gateway was asked for (this one's, for a local gateway itself).
    pub datacenter: String,
    /// The address dialled.
    pub gateway: String,
    /// `local`: through (or of) a local gateway; `direct`: that datacenter's gateway itself.
    pub via: Via,
    pub answered_by: Option<GatewayAnswer>,
    pub error: Option<String>,
}

/// The verdict for one datacenter.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Verdict {
    pub reachable: bool,
    /// When unreachable: the broken hop, in words, its kind, and what to do next.
    pub broken_hop: Option<String>,
    pub hop: Option<Hop>,
    pub next: Option<String>,
}

/// Every measurement from this server, and the verdicts.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ProbeReport {
    pub datacenter: String,
    pub gateways: Vec<GatewayCheck>,
    pub paths: Vec<PathReport>,
    pub verdicts: BTreeMap<String, Verdict>,
    /// Datacenters no path reached.
    pub unreachable: Vec<String>,
}

/// Probes every other datacenter in `datacenters` `tries` times per path.
pub async fn probe(locator: &Locator, tls: &Arc<AgentTls>, datacenters: &[String], tries: usize) -> ProbeReport {
    let status = locator.status(datacenters);
    let remote_dcs: Vec<String> = status.picks.keys().cloned().collect();
    let (gateways, facts) = ask_gateways(tls, &status, &remote_dcs).await;
    let (mut paths, failures) = handshake_paths(tls, &status, &remote_dcs, tries.clamp(1, 50)).await;
    for (p, failure) in paths.iter_mut().zip(&failures) {
        if let Some(f) = failure {
            set(p, diagnose(&facts, &p.datacenter, &p.gateway, p.via, *f));
        }
    }
    let verdicts: BTreeMap<String, Verdict> = remote_dcs.iter().map(|dc| (dc.clone(), verdict(&paths, dc))).collect();
    let unreachable = verdicts.iter().filter(|(_, v)| !v.reachable).map(|(d, _)| d.clone()).collect();
    ProbeReport { datacenter: locator.datacenter().to_owned(), gateways, paths, verdicts, unreachable }
}

/// Asks each local gateway for itself, and each other datacenter's gateway through each local
/// gateway and directly. All at once: a question that cannot connect fails fast, and
/// blackholed ones cost one timeout together, not one each.
async fn ask_gateways(
    tls: &Arc<AgentTls>,
    status: &LocatorStatus,
    remote_dcs: &[String],
) -> (Vec<GatewayCheck>, Facts) {
    let local = &status.local;
    let mut questions: Vec<(String, String, Via)> =
        local.iter().map(|g| (g.address.clone(), status.datacenter.clone(), Via::Local)).collect();
    for dc in remote_dcs {
        questions.extend(local.iter().map(|g| (g.address.clone(), dc.clone(), Via::Local)));
        let own = status.remote.get(dc).into_iter().flatten();
        questions.extend(own.map(|c| (c.address.clone(), dc.clone(), Via::Direct)));
    }
    questions.dedup();
    let answers = ask_all(tls, &questions).await;
    let mut facts = Facts { local: status.local.clone(), remote: status.remote.clone(), ..Facts::default() };
    let mut checks = Vec::new();
    for ((gateway, dc, via), answer) in questions.into_iter().zip(answers) {
        checks.push(GatewayCheck {
            datacenter: dc.clone(),
            gateway: gateway.clone(),
            via,
            answered_by: answer.as_ref().ok().cloned(),
            error: answer.as_ref().err().map(|e| e.message().to_owned()),
        });
        match via {
            Via::Local if dc == status.datacenter => facts.local_self.insert(gateway, answer),
            Via::Local => facts.through.insert((gateway, dc), answer),
            Via::Direct => facts.direct.insert((gateway, dc), answer),
        };
    }
    (checks, facts)
}

/// Server handshakes to each datacenter: through every local gateway, and through the
/// gateway dialled now when that is not a local one (the fallback path); with no local
/// gateway, through each of the datacenter's own.
async fn handshake_paths(
    tls: &Arc<AgentTls>,
    status: &LocatorStatus,
    remote_dcs: &[String],
    tries: usize,
) -> (Vec<PathReport>, Vec<Option<Failure>>) {
    let local: Vec<String> = status.local.iter().map(|c| c.address.clone()).collect();
    let mut paths = Vec::new();
    let mut failures = Vec::new();
    for dc in remote_dcs {
        let mut firsts: Vec<(String, Via)> = local.iter().map(|g| (g.clone(), Via::Local)).collect();
        if local.is_empty() {
            firsts.extend(status.remote.get(dc).into_iter().flatten().map(|c| (c.address.clone(), Via::Direct)));
        } else if let Some(Some(pick)) = status.picks.get(dc)
            && !local.contains(&pick.address)
        {
            firsts.push((pick.address.clone(), Via::Direct));
        }
        for (gateway, via) in firsts {
            for (protocol, name) in PROTOCOLS {
                let (report, failure) = probe_path(tls, dc, &gateway, via, protocol, name, tries).await;
                paths.push(report);
                failures.push(failure);
            }
        }
    }
    (paths, failures)
}

fn set(p: &mut PathReport, d: Diagnosis) {
    p.broken_hop = Some(d.broken);
    p.hop = Some(d.hop);
    p.next = Some(d.next);
}

/// A datacenter is reachable when any path works; otherwise its verdict is the first local
/// path's diagnosis (the path traffic takes), else the first path's.
fn verdict(paths: &[PathReport], dc: &str) -> Verdict {
    let mine: Vec<&PathReport> = paths.iter().filter(|p| p.datacenter == dc).collect();
    if mine.iter().any(|p| p.ok) {
        return Verdict { reachable: true, broken_hop: None, hop: None, next: None };
    }
    let worst = mine.iter().find(|p| p.via == Via::Local).or(mine.first());
    Verdict {
        reachable: false,
        broken_hop: Some(
            worst.and_then(|p| p.broken_hop.clone()).unwrap_or_else(|| format!("no gateway known for {dc}")),
        ),
        hop: worst.and_then(|p| p.hop),
        next: Some(worst.and_then(|p| p.next.clone()).unwrap_or_else(|| {
            format!(
                "{dc}'s federation state has no gateway yet: check that it replicated (`fedctl federation-state list`)"
            )
        })),
    }
}

async fn ask_all(tls: &Arc<AgentTls>, questions: &[(String, String, Via)]) -> Vec<Result<GatewayAnswer, NoAnswer>> {
    let mut set = tokio::task::JoinSet::new();
    for (i, (gateway, dc, _)) in questions.iter().enumerate() {
        let (tls, gateway, dc) = (tls.clone(), gateway.clone(), dc.clone());
        set.spawn(async move { (i, ask(&tls, &gateway, &dc, TIMEOUT).await) });
    }
    let mut out: Vec<Option<Result<GatewayAnswer, NoAnswer>>> = vec![None; questions.len()];
    while let Some(done) = set.join_next().await {
        if let Ok((i, answer)) = done {
            out[i] = Some(answer);
        }
    }
    out.into_iter().map(|a| a.unwrap_or_else(|| Err(NoAnswer::Silent("the probe task failed".to_owned())))).collect()
}

async fn probe_path(
    tls: &Arc<AgentTls>,
    dc: &str,
    gateway: &str,
    via: Via,
    protocol: Protocol,
    name: &'static str,
    tries: usize,
) -> (PathReport, Option<Failure>) {
    let mut times = Vec::new();
    let mut last: Option<(Failure, String)> = None;
    for _ in 0..tries {
        let started = Instant::now();
        match handshake(tls, dc, gateway, protocol).await {
            Ok(()) => times.push(started.elapsed().as_secs_f64() * 1e3),
            Err(e) => last = Some(e),
        }
    }
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| (!times.is_empty()).then(|| times[((times.len() as f64 - 1.0) * p).round() as usize]);
    let report = PathReport {
        datacenter: dc.to_owned(),
        gateway: gateway.to_owned(),
        via,
        protocol: name.to_owned(),
        ok: last.is_none(),
        tries,
        p50_ms: pct(0.5),
        p99_ms: pct(0.99),
        error: last.as_ref().map(|(_, e)| e.clone()),
        broken_hop: None,
        hop: None,
        next: None,
    };
    (report, last.map(|(f, _)| f))
}

pub(super) async fn handshake(
    tls: &Arc<AgentTls>,
    dc: &str,
    gateway: &str,
    protocol: Protocol,
) -> Result<(), (Failure, String)> {
    match dial_tls(tls, gateway, None, dc, protocol, TIMEOUT).await {
        Ok(_) => Ok(()),
        Err(e) => {
            let failure = match e.step {
                DialStep::Connect => Failure::Connect,
                DialStep::Certificate => Failure::Certificate,
                DialStep::Handshake => Failure::Path,
            };
            Err((failure, e.to_string()))
        }
    }
}
