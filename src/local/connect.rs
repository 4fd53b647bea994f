//! Connect registrations: a service's validation as the reference's `NodeService.Validate`
//! (every problem at once, in its words and order), and a service's
//! `Connect.SidecarService` expanded into the sidecar proxy the agent registers beside it (the
//! catalog only ever sees the two plain services).

use std::collections::BTreeSet;

use super::definition::{CheckDefinition, ConnectDefinition, DefinitionError, ServiceDefinition};
use crate::duration::GoDuration;
use crate::state::{NodeService, ServiceKind, ServiceProxy, Upstream};

/// The ports sidecars get when their definition has none (the reference's
/// `ports.sidecar_min_port` / `sidecar_max_port`, inclusive).
pub const SIDECAR_PORTS: std::ops::RangeInclusive<u16> = 21000..=21255;

const MESH_GATEWAY_MODES: [&str; 4] = ["", "none", "local", "remote"];

const UPSTREAM_SERVICE: &str = "service";
const UPSTREAM_PREPARED_QUERY: &str = "prepared_query";

/// The protocols an exposed path may have, in the reference's message's words. (It prints a
/// Go map's keys there, so either order can appear in Consul's own message.)
const EXPOSE_PROTOCOLS: [&str; 2] = ["http", "http2"];

/// `proxy` as the reference stores it: an upstream without a destination type is a service's.
/// Done before validation, as the reference does, so `""` and `"service"` are one upstream to
/// the duplicate check.
pub fn proxy_with_defaults(mut proxy: ServiceProxy) -> ServiceProxy {
    for upstream in &mut proxy.upstreams {
        if upstream.destination_type.is_empty() {
            upstream.destination_type = UPSTREAM_SERVICE.to_owned();
        }
    }
    proxy
}

/// The problems of `service` (as it is to be stored) and of the `connect` block it was
/// defined with; empty when it is valid.
pub fn service_problems(service: &NodeService, connect: Option<&ConnectDefinition>) -> Vec<String> {
    let mut problems = Vec::new();
    if service.kind.0 == ServiceKind::CONNECT_PROXY {
        connect_proxy_problems(service, &mut problems);
    } else if !service.kind.is_typical() && service.port == 0 {
        problems.push(format!("Port must be non-zero for a {}", service.kind.0));
    }
    if let Some(nested) = connect.and_then(|c| c.sidecar_service.as_deref()) {
        if !nested.id.is_empty() {
            problems.push("A SidecarService cannot specify an ID as this is managed by the agent".to_owned());
        }
        if nested.connect.as_ref().is_some_and(|c| c.sidecar_service.is_some()) {
            problems.push("A SidecarService cannot have a nested SidecarService".to_owned());
        }
    }
    problems
}

fn connect_proxy_problems(service: &NodeService, problems: &mut Vec<String>) {
    let proxy = service.proxy.clone().unwrap_or_default();
    if proxy.destination_service_name.trim().is_empty() {
        problems.push("Proxy.DestinationServiceName must be non-empty for Connect proxy services".to_owned());
    }
    if service.port == 0 {
        problems.push("Port must be set for a Connect proxy".to_owned());
    }
    if service.connect.native {
        problems.push("A Proxy cannot also be Connect Native, only typical services".to_owned());
    }
    upstream_problems(&proxy.upstreams, problems);
    expose_problems(&proxy, problems);
    mesh_gateway_modes(&proxy, problems);
}

/// Consul checks the modes (in these words) when it reads a config file, not in
/// `NodeService.Validate`; fedctl has one path for files and the HTTP API, and a proxy with an
/// unknown mode is refused at once rather than left to fail in xDS.
fn mesh_gateway_modes(proxy: &ServiceProxy, problems: &mut Vec<String>) {
    let upstreams = proxy.upstreams.iter().map(|u| &u.mesh_gateway.mode);
    for mode in std::iter::once(&proxy.mesh_gateway.mode).chain(upstreams) {
        if !MESH_GATEWAY_MODES.contains(&mode.as_str()) {
            problems.push(format!("Invalid Mesh Gateway Mode: {mode:?}"));
        }
    }
}

/// As the reference: an invalid upstream reports its first problem only and takes no part in
/// the duplicate checks; a duplicate destination is not checked for its bind address either.
fn upstream_problems(upstreams: &[Upstream], problems: &mut Vec<String>) {
    let mut destinations = BTreeSet::new();
    let mut binds = BTreeSet::new();
    for u in upstreams {
        if let Some(problem) = upstream_problem(u) {
            problems.push(problem);
            continue;
        }
        if !destinations.insert((&u.destination_type, &u.destination_name, &u.destination_namespace, &u.datacenter)) {
            problems.push(format!(
                "upstreams cannot contain duplicates of [type={:?}, name={:?}, namespace={:?}, datacenter={:?}]",
                u.destination_type, u.destination_name, u.destination_namespace, u.datacenter
            ));
            continue;
        }
        let address = if u.local_bind_address.is_empty() { "127.0.0.1" } else { u.local_bind_address.as_str() };
        let bind = join_host_port(address, u.local_bind_port);
        if !binds.insert(bind.clone()) {
            problems.push(format!(
                "upstreams cannot contain duplicates by local bind address and port; {bind:?} is specified twice"
            ));
        }
    }
}

/// The reference's `Upstream.Validate`: its first problem.
fn upstream_problem(u: &Upstream) -> Option<String> {
    if !["", UPSTREAM_SERVICE, UPSTREAM_PREPARED_QUERY].contains(&u.destination_type.as_str()) {
        return Some(format!("unknown upstream destination type: {:?}", u.destination_type));
    }
    if u.destination_name.is_empty() {
        return Some("upstream destination name cannot be empty".to_owned());
    }
    if u.local_bind_port == 0 {
        return Some("upstream local bind port cannot be zero".to_owned());
    }
    None
}

/// `host:port`, the host bracketed when it has a colon (an IPv6 address), as Go's
/// `net.JoinHostPort` writes it.
fn join_host_port(host: &str, port: u16) -> String {
    if host.contains(':') { format!("[{host}]:{port}") } else { format!("{host}:{port}") }
}

/// Every problem of every exposed path, as the reference lists them (a path can have several).
/// Listener ports above 65535 cannot be decoded at all, so only 0 is reported as invalid here.
fn expose_problems(proxy: &ServiceProxy, problems: &mut Vec<String>) {
    let mut known_paths = BTreeSet::new();
    let mut known_listeners = BTreeSet::new();
    for path in &proxy.expose.paths {
        if path.path.is_empty() {
            problems.push("expose.paths: empty path exposed".to_owned());
        }
        if !known_paths.insert(path.path.as_str()) {
            problems.push("expose.paths: duplicate paths exposed".to_owned());
        }
        if !known_listeners.insert(path.listener_port) {
            problems.push("expose.paths: duplicate listener ports exposed".to_owned());
        }
        if path.listener_port == 0 {
            problems.push(format!("expose.paths: invalid listener port: {}", path.listener_port));
        }
        let protocol = path.protocol.to_lowercase();
        if !protocol.is_empty() && !EXPOSE_PROTOCOLS.contains(&protocol.as_str()) {
            problems.push(format!(
                "protocol '{protocol}' not supported for path: {}, must be in: [{}]",
                path.path,
                EXPOSE_PROTOCOLS.join(" ")
            ));
        }
    }
}

/// The sidecar service `parent` (registered as `parent_id`) asks for, or `None`. `port_taken`
/// says whether another local service holds a port; `current` is the port this sidecar holds
/// already (re-registering keeps it). `parent` has passed [`service_problems`], which refuses
/// a nested ID or a nested SidecarService. The sidecar definition is copied whole, its `Proxy`
/// (`Expose` included) with it.
pub fn sidecar_of(
    parent: &ServiceDefinition,
    parent_id: &str,
    port_taken: impl Fn(u16) -> bool,
    current: Option<u16>,
) -> Result<Option<ServiceDefinition>, DefinitionError> {
    let Some(nested) = parent.connect.as_ref().and_then(|c| c.sidecar_service.as_deref()) else {
        return Ok(None);
    };
    // The reference checks the sidecar's own checks first, before it expands anything.
    for check in nested.check.iter().chain(&nested.checks) {
        check.kind().map_err(|e| DefinitionError::SidecarCheck(e.to_string()))?;
    }
    let invalid = |m: &str| DefinitionError::Sidecar(m.to_owned());
    let mut sidecar = nested.clone();
    sidecar.id = format!("{parent_id}-sidecar-proxy");
    if sidecar.meta.is_empty() {
        sidecar.meta = parent.meta.clone();
    }
    if sidecar.tags.is_empty() {
        sidecar.tags = parent.tags.clone();
    }
    if sidecar.kind.is_typical() {
        sidecar.kind = ServiceKind(ServiceKind::CONNECT_PROXY.to_owned());
    }
    if sidecar.name.is_empty() {
        sidecar.name = format!("{}-sidecar-proxy", parent.name);
    }
    if sidecar.address.is_empty() {
        sidecar.address = parent.address.clone();
    }
    let proxy = sidecar.proxy.get_or_insert_with(ServiceProxy::default);
    if proxy.destination_service_name.is_empty() {
        proxy.destination_service_name = parent.name.clone();
    }
    if proxy.destination_service_id.is_empty() {
        proxy.destination_service_id = parent_id.to_owned();
    }
    if proxy.local_service_address.is_empty() {
        proxy.local_service_address = "127.0.0.1".to_owned();
    }
    if proxy.local_service_port == 0 {
        proxy.local_service_port = parent.port;
    }
    let local_address = proxy.local_service_address.clone();
    if sidecar.port == 0 {
        sidecar.port = match current.filter(|p| SIDECAR_PORTS.contains(p)) {
            Some(port) => port,
            None => SIDECAR_PORTS.clone().find(|p| !port_taken(*p)).ok_or_else(|| {
                invalid(&format!(
                    "no port provided for sidecar_service and none left in the configured range [{}, {}]",
                    SIDECAR_PORTS.start(),
                    SIDECAR_PORTS.end()
                ))
            })?,
        };
    }
    if sidecar.check.is_none() && sidecar.checks.is_empty() {
        sidecar.checks = default_checks(&local_address, sidecar.port, parent_id);
    }
    Ok(Some(sidecar))
}

/// The reference's two checks of a sidecar without its own: its public port listening, and an
/// alias of the service it fronts.
fn default_checks(address: &str, port: u16, parent_id: &str) -> Vec<CheckDefinition> {
    let host = if address.contains(':') { format!("[{address}]") } else { address.to_owned() };
    vec![
        CheckDefinition {
            name: "Connect Sidecar Listening".to_owned(),
            tcp: format!("{host}:{port}"),
            interval: Some(GoDuration(std::time::Duration::from_secs(10))),
            ..CheckDefinition::default()
        },
        CheckDefinition {
            name: format!("Connect Sidecar Aliasing {parent_id}"),
            alias_service: parent_id.to_owned(),
            ..CheckDefinition::default()
        },
    ]
}
