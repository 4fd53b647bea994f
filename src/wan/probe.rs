//! `fedctl debug gateways -probe`: real handshakes along every path to every other datacenter,
//! through every gateway, for every protocol that crosses gateways, with latency and, when a
//! path fails, the hop that is broken.
//!
//! A probe is what a real dial does: TCP to the gateway, then TLS with SNI
//! `server.<dc>.<domain>` and the protocol's ALPN, completed with a server of that datacenter
//! (mutual TLS, the server's certificate verified). Which hop failed is read from how it
//! failed and from the other paths: a gateway that cannot be reached is the local gateway; a
//! certificate that does not carry the name is the certificate; a gateway that reaches other
//! datacenters but not this one points at that datacenter's side; a gateway that reaches no
//! datacenter at all has a broken WAN side.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::{Candidate, Locator};
use crate::tls::{AgentTls, DialStep, Protocol, dial_tls};

const TIMEOUT: Duration = Duration::from_secs(3);

/// The protocols that cross gateways.
const PROTOCOLS: [(Protocol, &str); 3] = [
    (Protocol::Rpc, "rpc"),
    (Protocol::WanGossipPacket, "gossip-packet"),
    (Protocol::WanGossipStream, "gossip-stream"),
];

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
    /// `rpc`, `gossip-packet` or `gossip-stream`.
    pub protocol: String,
    pub ok: bool,
    pub tries: usize,
    pub p50_ms: Option<f64>,
    pub p99_ms: Option<f64>,
    pub error: Option<String>,
    /// For a failed path: which hop is broken.
    pub broken_hop: Option<String>,
}

/// Every path from this server.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ProbeReport {
    pub datacenter: String,
    pub paths: Vec<PathReport>,
    /// Datacenters no path reached.
    pub unreachable: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Failure {
    Connect,
    Certificate,
    Path,
}

/// Probes every other datacenter in `datacenters` `tries` times per path.
pub async fn probe(locator: &Locator, tls: &Arc<AgentTls>, datacenters: &[String], tries: usize) -> ProbeReport {
    let status = locator.status(datacenters);
    let tries = tries.clamp(1, 50);
    let mut paths = Vec::new();
    let mut failures: Vec<Option<Failure>> = Vec::new();
    for dc in status.picks.keys() {
        let (via, gateways): (Via, Vec<&Candidate>) = if status.local.is_empty() {
            (Via::Direct, status.remote.get(dc).map(|l| l.iter().collect()).unwrap_or_default())
        } else {
            (Via::Local, status.local.iter().collect())
        };
        for g in gateways {
            for (protocol, name) in PROTOCOLS {
                let (report, failure) = probe_path(tls, dc, &g.address, via, protocol, name, tries).await;
                paths.push(report);
                failures.push(failure);
            }
        }
    }
    classify(&mut paths, &failures, &status.local.iter().map(|c| c.address.clone()).collect::<Vec<_>>());
    let mut reached: BTreeMap<&str, bool> = status.picks.keys().map(|d| (d.as_str(), false)).collect();
    for p in &paths {
        if p.ok {
            reached.insert(&p.datacenter, true);
        }
    }
    let unreachable = reached.into_iter().filter(|(_, ok)| !ok).map(|(d, _)| d.to_owned()).collect();
    ProbeReport { datacenter: locator.datacenter().to_owned(), paths, unreachable }
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
    let ok = last.is_none();
    let report = PathReport {
        datacenter: dc.to_owned(),
        gateway: gateway.to_owned(),
        via,
        protocol: name.to_owned(),
        ok,
        tries,
        p50_ms: pct(0.5),
        p99_ms: pct(0.99),
        error: last.as_ref().map(|(_, e)| e.clone()),
        broken_hop: None,
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

/// Names the broken hop of each failed path from how it failed and what else worked.
fn classify(paths: &mut [PathReport], failures: &[Option<Failure>], local: &[String]) {
    let works = |pred: &dyn Fn(&PathReport) -> bool| paths.iter().any(|p| p.ok && pred(p));
    let hops: Vec<Option<String>> = paths
        .iter()
        .zip(failures)
        .map(|(p, f)| {
            let f = (*f)?;
            Some(match f {
                Failure::Connect if p.via == Via::Local => format!("local gateway {} (unreachable)", p.gateway),
                Failure::Connect => format!("{}'s gateway {} (unreachable)", p.datacenter, p.gateway),
                Failure::Certificate => format!("certificate: {}'s server lacks server.{}", p.datacenter, p.datacenter),
                Failure::Path if p.via == Via::Direct => {
                    format!("{}'s gateway {} or its servers", p.datacenter, p.gateway)
                }
                Failure::Path => {
                    let gateway_reaches_others = works(&|o| o.gateway == p.gateway && o.datacenter != p.datacenter);
                    let others_reach_dc = works(&|o| {
                        o.datacenter == p.datacenter && o.gateway != p.gateway && local.contains(&o.gateway)
                    });
                    if gateway_reaches_others {
                        format!("{}'s side: its gateways' WAN side or its servers", p.datacenter)
                    } else if others_reach_dc {
                        format!("local gateway {}: cannot reach {}", p.gateway, p.datacenter)
                    } else if works(&|o| o.datacenter != p.datacenter) {
                        format!("{}'s side: its gateways' WAN side or its servers", p.datacenter)
                    } else {
                        format!("local gateway {}: WAN side (no datacenter reachable through it)", p.gateway)
                    }
                }
            })
        })
        .collect();
    for (p, hop) in paths.iter_mut().zip(hops) {
        p.broken_hop = hop;
    }
}
