//! The discovery chain of one upstream (the reference's `discoverychain.Compile`, for TCP):
//! the service and datacenter it resolves to (following resolver redirects), the failover
//! targets after it, and for each target the mesh gateway mode and where that mode came from.
//! Pure: the config entries and the upstream's registration in, the targets out. proxycfg
//! compiles it to know what to watch; xDS compiles it again to name clusters and endpoints.

use std::time::Duration;

use super::hash::Customization;
use crate::state::{ConfigEntries, ServiceResolver, Upstream, config_positive};

/// The reference's default resolver `ConnectTimeout`.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Redirect hops followed before a chain is refused as circular.
const MAX_REDIRECTS: usize = 8;

/// How a target's instances are reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mode {
    /// Dial the instances themselves (mode `""` or `none`).
    Direct,
    /// Through this datacenter's mesh gateways.
    Local,
    /// Through the target datacenter's mesh gateways.
    Remote,
}

impl Mode {
    /// `""` and `none` are direct; anything else unknown is `None`.
    pub fn parse(mode: &str) -> Option<Mode> {
        match mode {
            "" | "none" => Some(Mode::Direct),
            "local" => Some(Mode::Local),
            "remote" => Some(Mode::Remote),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Direct => "none",
            Mode::Local => "local",
            Mode::Remote => "remote",
        }
    }
}

/// Where a target's mode came from, strongest first (the reference's precedence: upstream,
/// then the proxy's own default, then `service-defaults` of the target service, then
/// `proxy-defaults`), or why no gateway is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModeSource {
    /// The target is in the proxy's own datacenter: gateways are never used inside one.
    SameDatacenter,
    /// The upstream's `MeshGateway` in the registration.
    Upstream,
    /// The proxy's `Proxy.MeshGateway`.
    Proxy,
    /// `service-defaults` of the target service.
    ServiceDefaults,
    /// `proxy-defaults` `global`.
    ProxyDefaults,
    /// Nothing set a mode: direct.
    Default,
}

impl ModeSource {
    pub fn as_str(self) -> &'static str {
        match self {
            ModeSource::SameDatacenter => "same datacenter",
            ModeSource::Upstream => "upstream",
            ModeSource::Proxy => "proxy",
            ModeSource::ServiceDefaults => "service-defaults",
            ModeSource::ProxyDefaults => "proxy-defaults",
            ModeSource::Default => "default",
        }
    }
}

/// One place an upstream's requests can go: a service in a datacenter, and how to get there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub service: String,
    pub datacenter: String,
    pub mode: Mode,
    pub mode_source: ModeSource,
}

impl Target {
    /// `<service>.default.<dc>`: the reference's target ID.
    pub fn id(&self) -> String {
        format!("{}.default.{}", self.service, self.datacenter)
    }

    /// `<service>.default.<dc>.internal.<trust-domain>`: the SNI the instances are reached by.
    pub fn sni(&self, trust_domain: &str) -> String {
        crate::tls::names::service_sni(&self.service, &self.datacenter, trust_domain)
    }

    /// The datacenter whose gateways carry the traffic, if any.
    pub fn gateway_datacenter<'a>(&'a self, local: &'a str) -> Option<&'a str> {
        match self.mode {
            Mode::Direct => None,
            Mode::Local => Some(local),
            Mode::Remote => Some(&self.datacenter),
        }
    }
}

/// An upstream's compiled chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chain {
    /// The primary target first, then the failover targets in order.
    pub targets: Vec<Target>,
    /// `tcp` unless `service-defaults` or `proxy-defaults` say otherwise.
    pub protocol: String,
    pub connect_timeout: Duration,
    /// What the registration's overrides changed; a non-empty one prefixes the cluster name.
    pub customization: Customization,
}

impl Chain {
    /// The upstream's cluster: the primary target's SNI, prefixed `<hash>~` when customised.
    pub fn cluster_name(&self, trust_domain: &str) -> String {
        let sni = self.targets[0].sni(trust_domain);
        if self.customization.is_empty() { sni } else { format!("{}~{sni}", self.customization.prefix()) }
    }

    /// Some failover target goes through a gateway: Envoy can set SNI only per cluster, so the
    /// cluster carries one target at a time (the first healthy one), not priority groups.
    pub fn fails_over_through_gateway(&self) -> bool {
        self.targets.len() > 1 && self.targets[1..].iter().any(|t| t.mode != Mode::Direct)
    }
}

/// A chain that cannot be compiled, worded for the operator.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainError {
    #[error("mesh gateway mode {mode:?} of the {from} is not one of \"\", none, local, remote")]
    BadMode { mode: String, from: &'static str },
    #[error("the service-resolver redirects of {0:?} form a circle")]
    CircularRedirect(String),
}

/// What an upstream asks for, as its proxy registered it.
#[derive(Debug, Clone, Copy)]
pub struct ChainRequest<'a> {
    pub upstream: &'a Upstream,
    /// The proxy's `Proxy.MeshGateway.Mode`.
    pub proxy_mode: &'a str,
    /// The proxy's datacenter.
    pub local_datacenter: &'a str,
}

/// Compiles one upstream's chain against the config entries.
pub fn compile(req: ChainRequest<'_>, entries: &ConfigEntries) -> Result<Chain, ChainError> {
    let upstream = req.upstream;
    let first_dc = if upstream.datacenter.is_empty() { req.local_datacenter } else { &upstream.datacenter };
    let (service, datacenter) = follow_redirects(&upstream.destination_name, first_dc, entries)?;
    let resolver = entries.resolvers.get(&service);

    let mut places = vec![(service.clone(), datacenter.clone())];
    if let Some(failover) = resolver.and_then(|r| r.failover.get("*")) {
        let failover_service = if failover.service.is_empty() { service.clone() } else { failover.service.clone() };
        if failover.datacenters.is_empty() {
            places.push((failover_service, datacenter.clone()));
        } else {
            places.extend(failover.datacenters.iter().map(|dc| (failover_service.clone(), dc.clone())));
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    places.retain(|p| seen.insert(p.clone()));

    let (override_mode, override_source) = if !upstream.mesh_gateway.mode.is_empty() {
        (upstream.mesh_gateway.mode.as_str(), ModeSource::Upstream)
    } else {
        (req.proxy_mode, ModeSource::Proxy)
    };
    let override_parsed = if override_mode.is_empty() {
        None
    } else {
        let source = if override_source == ModeSource::Upstream { "upstream" } else { "proxy" };
        Some(Mode::parse(override_mode).ok_or(ChainError::BadMode { mode: override_mode.to_owned(), from: source })?)
    };
    let mut customization = Customization::default();
    let mut targets = Vec::with_capacity(places.len());
    for (service, datacenter) in places {
        let (mode, mode_source) = if datacenter == req.local_datacenter {
            (Mode::Direct, ModeSource::SameDatacenter)
        } else {
            let (configured, raw, source) = configured_mode(&service, entries)?;
            match override_parsed {
                // Compared as written, as the reference does: `none` over an unset mode
                // customises the chain though both dial directly.
                Some(o) if override_mode != raw => {
                    customization.mesh_gateway_mode = override_mode.to_owned();
                    (o, override_source)
                }
                Some(o) => (o, override_source),
                None => (configured, source),
            }
        };
        targets.push(Target { service, datacenter, mode, mode_source });
    }

    let protocol = protocol_of(&service, entries);
    let mut connect_timeout = resolver.and_then(|r| r.connect_timeout).map_or(DEFAULT_CONNECT_TIMEOUT, |d| d.0);
    if let Some(ms) = config_positive(&upstream.config, "connect_timeout_ms") {
        let wanted = Duration::from_millis(ms);
        if wanted != connect_timeout {
            customization.connect_timeout = wanted;
            connect_timeout = wanted;
        }
    }
    Ok(Chain { targets, protocol, connect_timeout, customization })
}

/// The service and datacenter a chain starts at, after the resolvers' redirects.
fn follow_redirects(service: &str, dc: &str, entries: &ConfigEntries) -> Result<(String, String), ChainError> {
    let (mut service, mut dc) = (service.to_owned(), dc.to_owned());
    for _ in 0..MAX_REDIRECTS {
        let Some(redirect) = entries.resolvers.get(&service).and_then(|r: &ServiceResolver| r.redirect.as_ref()) else {
            return Ok((service, dc));
        };
        let next_service = if redirect.service.is_empty() { service.clone() } else { redirect.service.clone() };
        let next_dc = if redirect.datacenter.is_empty() { dc.clone() } else { redirect.datacenter.clone() };
        if next_service == service && next_dc == dc {
            return Ok((service, dc));
        }
        (service, dc) = (next_service, next_dc);
    }
    Err(ChainError::CircularRedirect(service))
}

/// The mode the config entries give a target service (`service-defaults`, then
/// `proxy-defaults`), parsed and as written.
fn configured_mode<'a>(service: &str, entries: &'a ConfigEntries) -> Result<(Mode, &'a str, ModeSource), ChainError> {
    let from_service = entries.service_defaults.get(service).map(|e| e.mesh_gateway.mode.as_str());
    let (mode, source, name) = match from_service.filter(|m| !m.is_empty()) {
        Some(m) => (m, ModeSource::ServiceDefaults, "service-defaults"),
        None => {
            let global = entries.proxy_defaults.as_ref().map_or("", |p| p.mesh_gateway.mode.as_str());
            let source = if global.is_empty() { ModeSource::Default } else { ModeSource::ProxyDefaults };
            (global, source, "proxy-defaults")
        }
    };
    let parsed = Mode::parse(mode).ok_or(ChainError::BadMode { mode: mode.to_owned(), from: name })?;
    Ok((parsed, mode, source))
}

/// `service-defaults` protocol, else `proxy-defaults` `Config.protocol`, else `tcp`.
fn protocol_of(service: &str, entries: &ConfigEntries) -> String {
    let from_service = entries.service_defaults.get(service).map(|e| e.protocol.clone()).filter(|p| !p.is_empty());
    let global = || {
        let config = &entries.proxy_defaults.as_ref()?.config;
        config.get("protocol")?.as_str().map(str::to_lowercase).filter(|p| !p.is_empty())
    };
    from_service.or_else(global).unwrap_or_else(|| "tcp".to_owned())
}
