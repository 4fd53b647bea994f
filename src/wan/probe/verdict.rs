//! Which hop is broken, from what was measured: whether each local gateway answers as itself,
//! whether a datacenter's gateway answers through it, whether that gateway answers this server
//! directly, and how the handshakes with the servers behind them failed. Pure, so every
//! topology's verdict is tested without a network.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Via;
use super::ask::{GatewayAnswer, NoAnswer};
use crate::wan::Candidate;

/// The hop a failure is on, from this server outwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Hop {
    /// A gateway of this datacenter: down, or up without its configuration.
    LocalGateway,
    /// A local gateway's WAN side: it answers, but reaches no other datacenter's gateway.
    LocalGatewayWan,
    /// The other datacenter's gateway.
    RemoteGateway,
    /// The other datacenter's servers, behind a gateway that answers.
    RemoteServers,
    /// A server certificate without the name it is dialled by.
    Certificate,
    /// This server has no route of its own to the other datacenter's gateways.
    NoRoute,
}

/// A broken hop, in words, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnosis {
    pub hop: Hop,
    pub broken: String,
    pub next: String,
}

/// How a path's handshake with a server failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The TCP connection to the first gateway.
    Connect,
    /// The server's certificate.
    Certificate,
    /// Closed or timed out somewhere past the first gateway.
    Path,
}

pub type Answered = Result<GatewayAnswer, NoAnswer>;

/// Everything measured besides the server handshakes.
#[derive(Debug, Default)]
pub struct Facts {
    pub local: Vec<Candidate>,
    pub remote: BTreeMap<String, Vec<Candidate>>,
    /// Local gateway address -> how it answered for this datacenter.
    pub local_self: BTreeMap<String, Answered>,
    /// (local gateway, datacenter) -> how that datacenter's gateway answered through it.
    pub through: BTreeMap<(String, String), Answered>,
    /// (remote gateway, datacenter) -> how it answered this server directly.
    pub direct: BTreeMap<(String, String), Answered>,
}

impl Facts {
    fn answers_through(&self, gateway: &str, dc: &str) -> Option<&GatewayAnswer> {
        self.through.get(&(gateway.to_owned(), dc.to_owned())).and_then(|a| a.as_ref().ok())
    }

    fn answers_directly(&self, dc: &str) -> Option<(&str, &GatewayAnswer)> {
        self.direct
            .iter()
            .find_map(|((g, d), a)| (d == dc).then_some(a.as_ref().ok().map(|a| (g.as_str(), a))).flatten())
    }

    fn reaches_another(&self, gateway: &str, dc: &str) -> Option<&str> {
        self.through.iter().find(|((g, d), a)| g == gateway && d != dc && a.is_ok()).map(|((_, d), _)| d.as_str())
    }

    fn node_of(list: &[Candidate], address: &str) -> String {
        list.iter()
            .find(|c| c.address == address && !c.node.is_empty())
            .map_or(String::new(), |c| format!(" (service {} on node {})", c.service_id, c.node))
    }

    fn remote_gateways(&self, dc: &str) -> String {
        let list: Vec<&str> =
            self.remote.get(dc).map(|l| l.iter().map(|c| c.address.as_str()).collect()).unwrap_or_default();
        if list.is_empty() { format!("{dc}'s gateway") } else { format!("{dc}'s gateway {}", list.join(", ")) }
    }
}

/// Why a path to `dc` through `gateway` failed as `failure`.
pub fn diagnose(facts: &Facts, dc: &str, gateway: &str, via: Via, failure: Failure) -> Diagnosis {
    let d = |hop, broken: String, next: String| Diagnosis { hop, broken, next };
    match (failure, via) {
        (Failure::Certificate, _) => d(
            Hop::Certificate,
            format!("certificate: {dc}'s server does not carry the name it is dialled by"),
            format!("issue {dc}'s server certificates with `fedctl tls cert create -server -dc {dc}`"),
        ),
        (_, Via::Local) => local_path(facts, dc, gateway, failure),
        (Failure::Connect, Via::Direct) => {
            let error = facts.direct.get(&(gateway.to_owned(), dc.to_owned())).and_then(|a| a.as_ref().err());
            if error.is_some_and(NoAnswer::no_route) {
                d(
                    Hop::NoRoute,
                    format!("no route from this server to {dc}'s gateway {gateway}"),
                    if facts.local.is_empty() {
                        "register a mesh gateway in this datacenter (`fedctl connect envoy -gateway=mesh -register -expose-servers`)".to_owned()
                    } else {
                        "servers reach other datacenters through a local gateway; make one healthy".to_owned()
                    },
                )
            } else {
                d(
                    Hop::RemoteGateway,
                    format!("{dc}'s gateway {gateway}: not answering"),
                    format!(
                        "check {dc}'s gateway{}: is its Envoy running?",
                        Facts::node_of(&facts.remote.get(dc).cloned().unwrap_or_default(), gateway)
                    ),
                )
            }
        }
        (Failure::Path, Via::Direct) => {
            if facts.direct.get(&(gateway.to_owned(), dc.to_owned())).is_some_and(Result::is_ok) {
                remote_servers(dc, &format!("{gateway} answers"))
            } else {
                d(
                    Hop::RemoteGateway,
                    format!("{dc}'s gateway {gateway}: accepts connections but does not answer as {dc}'s gateway"),
                    format!("check that {dc}'s gateway has its configuration (`GET /v1/internal/xds` on its agent)"),
                )
            }
        }
    }
}

fn local_path(facts: &Facts, dc: &str, gateway: &str, failure: Failure) -> Diagnosis {
    let node = Facts::node_of(&facts.local, gateway);
    let own = facts.local_self.get(gateway);
    if failure == Failure::Connect || matches!(own, Some(Err(NoAnswer::Connect(_)))) {
        return Diagnosis {
            hop: Hop::LocalGateway,
            broken: format!("local gateway {gateway}: down (nothing accepts connections)"),
            next: format!(
                "start its Envoy again{node}: `fedctl connect envoy -gateway=mesh -register ...`; `fedctl debug gateways` shows its health"
            ),
        };
    }
    if matches!(own, Some(Err(NoAnswer::Silent(_)))) {
        return Diagnosis {
            hop: Hop::LocalGateway,
            broken: format!("local gateway {gateway}: accepts connections but has no configuration from its agent"),
            next: format!(
                "check that its `fedctl connect envoy`{node} is running and connected (`GET /v1/internal/xds` on its agent)"
            ),
        };
    }
    if let Some(answer) = facts.answers_through(gateway, dc) {
        return remote_servers(dc, &format!("(service {}) answers through local gateway {gateway}", answer.service_id));
    }
    if let Some((remote, _)) = facts.answers_directly(dc) {
        return Diagnosis {
            hop: Hop::LocalGatewayWan,
            broken: format!(
                "local gateway {gateway}: WAN side cannot reach {dc}'s gateway {remote}, which answers this server directly"
            ),
            next: format!("check the WAN link and the -wan-address of local gateway {gateway}{node}"),
        };
    }
    let remote = facts.remote_gateways(dc);
    if let Some(other) = facts.reaches_another(gateway, dc) {
        return Diagnosis {
            hop: Hop::RemoteGateway,
            broken: format!("{remote}: not answering (local gateway {gateway} reaches {other}'s)"),
            next: format!(
                "check {dc}'s gateway: is its Envoy running? `fedctl debug gateways -probe` in {dc} names its own side"
            ),
        };
    }
    let remote_dcs = facts.through.keys().filter(|(g, _)| g == gateway).count();
    if remote_dcs >= 2 {
        return Diagnosis {
            hop: Hop::LocalGatewayWan,
            broken: format!("local gateway {gateway}: WAN side (no other datacenter's gateway answers through it)"),
            next: format!("check the WAN link and the -wan-address of local gateway {gateway}{node}"),
        };
    }
    Diagnosis {
        hop: Hop::RemoteGateway,
        broken: format!("{remote}: not answering through local gateway {gateway}, which answers itself"),
        next: format!(
            "check {dc}'s gateway first (`fedctl debug gateways -probe` in {dc} names its own side); if it is up, check the WAN link of local gateway {gateway}{node} (no other datacenter to compare with, and this server has no route of its own to {dc})"
        ),
    }
}

/// `answered`: how `dc`'s gateway answered ("10.99.1.1:8443 answers").
fn remote_servers(dc: &str, answered: &str) -> Diagnosis {
    Diagnosis {
        hop: Hop::RemoteServers,
        broken: format!("{dc}'s servers: {dc}'s gateway {answered}, but no server behind it completes the handshake"),
        next: format!(
            "check {dc}'s servers: are they running, and does {dc}'s gateway route to them? (`fedctl members -wan`, `fedctl debug gateways` in {dc})"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wan::Source;

    const L: &str = "10.2.0.1:8443";
    const R: &str = "10.99.1.1:8443";

    fn gateway(address: &str, node: &str) -> Candidate {
        Candidate {
            address: address.into(),
            source: Source::LocalCatalog,
            node: node.into(),
            service_id: "gw".into(),
            healthy: true,
        }
    }

    fn answer(dc: &str) -> Answered {
        Ok(GatewayAnswer { datacenter: dc.into(), service_id: "gw".into() })
    }

    fn silent() -> Answered {
        Err(NoAnswer::Silent("closed".into()))
    }

    /// dc2's view: local gateway L, dc1's gateway R; `own` is how L answers for itself.
    fn facts(own: Answered) -> Facts {
        let mut f = Facts {
            local: vec![gateway(L, "g2")],
            remote: [("dc1".to_owned(), vec![gateway(R, "g1")])].into(),
            ..Facts::default()
        };
        f.local_self.insert(L.into(), own);
        f.through.insert((L.into(), "dc1".into()), silent());
        f.direct.insert((R.into(), "dc1".into()), Err(NoAnswer::Connect("Network is unreachable".into())));
        f
    }

    fn hop(f: &Facts, via: Via, failure: Failure) -> Hop {
        diagnose(f, "dc1", if via == Via::Local { L } else { R }, via, failure).hop
    }

    #[test]
    fn the_local_gateway_is_blamed_only_when_it_does_not_answer_for_itself() {
        let down = facts(Err(NoAnswer::Connect("refused".into())));
        let d = diagnose(&down, "dc1", L, Via::Local, Failure::Path);
        assert_eq!(d.hop, Hop::LocalGateway);
        assert!(d.broken.contains("down") && d.next.contains("node g2"), "{d:?}");
        let unconfigured = facts(silent());
        let d = diagnose(&unconfigured, "dc1", L, Via::Local, Failure::Path);
        assert_eq!(d.hop, Hop::LocalGateway);
        assert!(d.broken.contains("no configuration"), "{d:?}");
    }

    #[test]
    fn with_one_other_datacenter_a_silent_remote_gateway_is_the_remote_gateway() {
        let f = facts(answer("dc2"));
        let d = diagnose(&f, "dc1", L, Via::Local, Failure::Path);
        assert_eq!(d.hop, Hop::RemoteGateway, "{d:?}");
        assert!(d.broken.starts_with("dc1's gateway 10.99.1.1:8443: not answering through local gateway"), "{d:?}");
    }

    #[test]
    fn each_measurement_moves_the_verdict_to_its_hop() {
        // dc1's gateway answers through L: its servers are what fails.
        let mut f = facts(answer("dc2"));
        f.through.insert((L.into(), "dc1".into()), answer("dc1"));
        assert_eq!(hop(&f, Via::Local, Failure::Path), Hop::RemoteServers);
        // It answers this server directly but not through L: L's WAN side.
        let mut f = facts(answer("dc2"));
        f.direct.insert((R.into(), "dc1".into()), answer("dc1"));
        assert_eq!(hop(&f, Via::Local, Failure::Path), Hop::LocalGatewayWan);
        // L reaches dc3's gateway: dc1's gateway is the one not answering.
        let mut f = facts(answer("dc2"));
        f.through.insert((L.into(), "dc3".into()), answer("dc3"));
        assert_eq!(hop(&f, Via::Local, Failure::Path), Hop::RemoteGateway);
        // No other datacenter's gateway answers through L either: L's WAN side.
        let mut f = facts(answer("dc2"));
        f.through.insert((L.into(), "dc3".into()), silent());
        assert_eq!(hop(&f, Via::Local, Failure::Path), Hop::LocalGatewayWan);
    }

    #[test]
    fn direct_paths_and_certificates() {
        let f = facts(answer("dc2"));
        assert_eq!(hop(&f, Via::Direct, Failure::Connect), Hop::NoRoute);
        assert_eq!(hop(&f, Via::Local, Failure::Certificate), Hop::Certificate);
        let mut f = facts(answer("dc2"));
        f.direct.insert((R.into(), "dc1".into()), Err(NoAnswer::Connect("Connection refused".into())));
        assert_eq!(hop(&f, Via::Direct, Failure::Connect), Hop::RemoteGateway);
        f.direct.insert((R.into(), "dc1".into()), answer("dc1"));
        assert_eq!(hop(&f, Via::Direct, Failure::Path), Hop::RemoteServers);
    }
}
