//! What `fedctl connect envoy -gateway=mesh -register ...` registers, decided from its flags
//! alone (pure; the reference's validation order and messages).

use std::collections::BTreeMap;
use std::net::IpAddr;

use serde_json::{Map, Value, json};

use crate::duration::GoDuration;
use crate::local::{CheckDefinition, ServiceDefinition};
use crate::state::{META_WAN_FEDERATION, ServiceAddress, ServiceKind, ServiceProxy};

/// The port a gateway address without one gets (an unprivileged port, as later reference
/// versions; 1.8 used 443).
pub const DEFAULT_GATEWAY_PORT: u16 = 8443;

/// A gateway-related flag value that cannot be used, worded as the reference.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("The mesh-gateway flag is deprecated and cannot be used alongside the gateway flag")]
    MeshGatewayWithGateway,
    #[error("'-expose-servers' can only be used for mesh gateways")]
    ExposeServersNotMesh,
    #[error("'-expose-servers' requires '-register'")]
    ExposeServersWithoutRegister,
    #[error("Gateway must be one of: terminating, mesh, or ingress")]
    BadGatewayKind,
    #[error("only mesh gateways are supported so far; {0} gateways are not")]
    UnsupportedGatewayKind(String),
    #[error("Auto-Registration can only be used for gateways")]
    RegisterWithoutGateway,
    #[error("invalid value {value:?} for flag -{flag}: {reason}")]
    BadAddress { flag: &'static str, value: String, reason: String },
    #[error(
        "The LAN address {0:?} will not be bindable. Either set a bindable address or override the bind addresses with -bind-address"
    )]
    NotBindable(String),
    #[error("No proxy ID specified. One of -proxy-id, -sidecar-for, or -gateway is required")]
    NoProxyId,
}

/// Parses a service address flag: `ip:port`, `:port`, `host:port`, `[v6]:port`; an empty
/// port means the default; a non-empty value without a port is an error.
pub fn parse_address(flag: &'static str, value: &str) -> Result<ServiceAddress, PlanError> {
    let bad = |reason: &str| PlanError::BadAddress { flag, value: value.to_owned(), reason: reason.to_owned() };
    let (host, port) = if let Some(rest) = value.strip_prefix('[') {
        let (host, after) = rest.split_once(']').ok_or_else(|| bad("missing ']' in address"))?;
        let port = after.strip_prefix(':').ok_or_else(|| bad("missing port in address"))?;
        (host, port)
    } else {
        let (host, port) = value.rsplit_once(':').ok_or_else(|| bad("missing port in address"))?;
        if host.contains(':') {
            return Err(bad("too many colons in address (bracket IPv6 addresses)"));
        }
        (host, port)
    };
    let port = if port.is_empty() {
        DEFAULT_GATEWAY_PORT
    } else {
        port.parse::<u16>().ok().filter(|p| *p != 0).ok_or_else(|| bad("invalid port"))?
    };
    Ok(ServiceAddress { address: host.to_owned(), port })
}

/// The flags that shape a gateway registration.
#[derive(Debug, Clone, Default)]
pub struct GatewayFlags {
    pub gateway: Option<String>,
    pub mesh_gateway: bool,
    pub register: bool,
    pub expose_servers: bool,
    pub proxy_id: Option<String>,
    pub service: Option<String>,
    pub address: Option<String>,
    pub wan_address: Option<String>,
    /// `name=ip:port` entries.
    pub bind_addresses: Vec<String>,
    pub deregister_after_critical: GoDuration,
}

/// The gateway kind and what to register (when `-register`).
#[derive(Debug, Clone, PartialEq)]
pub struct GatewayPlan {
    /// `mesh-gateway`, or `None` for a plain proxy (`-proxy-id` only).
    pub kind: Option<String>,
    pub service: String,
    /// Known now when `-proxy-id` was given or the gateway is being registered; otherwise
    /// the CLI looks the gateway up on the agent.
    pub proxy_id: Option<String>,
    pub registration: Option<ServiceDefinition>,
}

/// Validates the flags in the reference's order. `bindable(ip)` says whether an address is
/// assigned to a local interface.
pub fn plan(flags: &GatewayFlags, bindable: impl Fn(&IpAddr) -> bool) -> Result<GatewayPlan, PlanError> {
    if flags.mesh_gateway && flags.gateway.is_some() {
        return Err(PlanError::MeshGatewayWithGateway);
    }
    let gateway = if flags.mesh_gateway { Some("mesh".to_owned()) } else { flags.gateway.clone() };
    if flags.expose_servers {
        if gateway.as_deref() != Some("mesh") {
            return Err(PlanError::ExposeServersNotMesh);
        }
        if !flags.register {
            return Err(PlanError::ExposeServersWithoutRegister);
        }
    }
    let kind = match gateway.as_deref() {
        None => None,
        Some("mesh") => Some(ServiceKind::MESH_GATEWAY.to_owned()),
        Some(k @ ("terminating" | "ingress")) => return Err(PlanError::UnsupportedGatewayKind(k.to_owned())),
        Some(_) => return Err(PlanError::BadGatewayKind),
    };
    let service = flags.service.clone().filter(|s| !s.is_empty()).or_else(|| kind.clone()).unwrap_or_default();
    let mut proxy_id = flags.proxy_id.clone().filter(|p| !p.is_empty());
    if proxy_id.is_none() && kind.is_some() && flags.register {
        proxy_id = Some(service.clone());
    }
    if proxy_id.is_none() && kind.is_none() {
        return Err(PlanError::NoProxyId);
    }
    let registration = if flags.register {
        let Some(kind) = &kind else { return Err(PlanError::RegisterWithoutGateway) };
        Some(registration(flags, kind, &service, proxy_id.as_deref().unwrap_or(&service), bindable)?)
    } else {
        None
    };
    Ok(GatewayPlan { kind, service, proxy_id, registration })
}

fn registration(
    flags: &GatewayFlags,
    kind: &str,
    service: &str,
    proxy_id: &str,
    bindable: impl Fn(&IpAddr) -> bool,
) -> Result<ServiceDefinition, PlanError> {
    let lan = match &flags.address {
        Some(v) => parse_address("address", v)?,
        None => ServiceAddress { address: String::new(), port: DEFAULT_GATEWAY_PORT },
    };
    let wan = flags.wan_address.as_deref().map(|v| parse_address("wan-address", v)).transpose()?;
    let mut tagged = BTreeMap::new();
    if !lan.address.is_empty() {
        tagged.insert("lan".to_owned(), lan.clone());
    }
    if let Some(wan) = &wan {
        tagged.insert("wan".to_owned(), wan.clone());
    }
    let is_bindable = |a: &str| a.parse::<IpAddr>().is_ok_and(|ip| bindable(&ip));
    let mut config = Map::new();
    if !flags.bind_addresses.is_empty() {
        let mut binds = Map::new();
        for entry in &flags.bind_addresses {
            let (name, addr) = entry.split_once('=').ok_or_else(|| PlanError::BadAddress {
                flag: "bind-address",
                value: entry.clone(),
                reason: "expected name=ip:port".to_owned(),
            })?;
            let a = parse_address("bind-address", addr)?;
            binds.insert(name.to_owned(), json!({ "Address": a.address, "Port": a.port }));
        }
        config.insert("envoy_gateway_no_default_bind".into(), Value::Bool(true));
        config.insert("envoy_gateway_bind_addresses".into(), Value::Object(binds));
    } else if wan.as_ref().is_some_and(|w| is_bindable(&w.address)) && is_bindable(&lan.address) {
        config.insert("envoy_gateway_no_default_bind".into(), Value::Bool(true));
        config.insert("envoy_gateway_bind_tagged_addresses".into(), Value::Bool(true));
    } else if !lan.address.is_empty() && !is_bindable(&lan.address) {
        return Err(PlanError::NotBindable(lan.address.clone()));
    }
    let check_host = if lan.address.is_empty() { "127.0.0.1".to_owned() } else { lan.address.clone() };
    let check_host = if check_host.contains(':') { format!("[{check_host}]") } else { check_host };
    let mut meta = BTreeMap::new();
    if flags.expose_servers {
        meta.insert(META_WAN_FEDERATION.to_owned(), "1".to_owned());
    }
    Ok(ServiceDefinition {
        id: proxy_id.to_owned(),
        name: service.to_owned(),
        kind: ServiceKind(kind.to_owned()),
        address: lan.address.clone(),
        port: lan.port,
        meta,
        tagged_addresses: tagged,
        proxy: if config.is_empty() { None } else { Some(ServiceProxy { config, ..ServiceProxy::default() }) },
        check: Some(CheckDefinition {
            name: format!("{kind} listening"),
            tcp: format!("{check_host}:{}", lan.port),
            interval: Some(GoDuration(std::time::Duration::from_secs(10))),
            deregister_critical_service_after: Some(flags.deregister_after_critical),
            ..CheckDefinition::default()
        }),
        ..ServiceDefinition::default()
    })
}
