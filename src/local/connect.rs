//! Connect registrations: a `connect-proxy`'s validation (every problem at once, in the
//! reference's words), and a service's `Connect.SidecarService` expanded into the sidecar proxy
//! the agent registers beside it (the catalog only ever sees the two plain services).

use std::collections::BTreeSet;

use super::definition::{CheckDefinition, DefinitionError, ServiceDefinition};
use crate::duration::GoDuration;
use crate::state::{ServiceKind, ServiceProxy};

/// The ports sidecars get when their definition has none (the reference's
/// `ports.sidecar_min_port` / `sidecar_max_port`, inclusive).
pub const SIDECAR_PORTS: std::ops::RangeInclusive<u16> = 21000..=21255;

const MESH_GATEWAY_MODES: [&str; 4] = ["", "none", "local", "remote"];

/// The problems of a `connect-proxy` definition (empty when it is valid).
pub fn proxy_problems(def: &ServiceDefinition) -> Vec<String> {
    let mut problems = Vec::new();
    let proxy = def.proxy.clone().unwrap_or_default();
    if proxy.destination_service_name.is_empty() {
        problems.push("Proxy.DestinationServiceName must be non-empty for Connect proxy services".to_owned());
    }
    if def.port == 0 {
        problems.push("Port must be set for a Connect proxy".to_owned());
    }
    if def.connect.as_ref().is_some_and(|c| c.native) {
        problems.push("A Proxy cannot also be Connect Native, only typical services".to_owned());
    }
    mesh_gateway_mode(&proxy.mesh_gateway.mode, &mut problems);
    upstream_problems(&proxy, &mut problems);
    problems
}

fn mesh_gateway_mode(mode: &str, problems: &mut Vec<String>) {
    if !MESH_GATEWAY_MODES.contains(&mode) {
        problems.push(format!("Invalid Mesh Gateway Mode: {mode:?}"));
    }
}

fn upstream_problems(proxy: &ServiceProxy, problems: &mut Vec<String>) {
    let mut keys = BTreeSet::new();
    let mut binds = BTreeSet::new();
    for u in &proxy.upstreams {
        let kind = if u.destination_type.is_empty() { "service" } else { u.destination_type.as_str() };
        if kind != "service" && kind != "prepared_query" {
            problems.push(format!("unknown upstream destination type: {:?}", u.destination_type));
        }
        if u.destination_name.is_empty() {
            problems.push("upstream destination name cannot be empty".to_owned());
        }
        if u.local_bind_port == 0 {
            problems.push("upstream local bind port cannot be zero".to_owned());
        }
        mesh_gateway_mode(&u.mesh_gateway.mode, problems);
        let key = (&u.destination_type, &u.destination_name, &u.destination_namespace, &u.datacenter);
        if !keys.insert(key) {
            problems.push(format!(
                "upstreams cannot contain duplicates of [type={}, name={}, namespace={}, datacenter={}]",
                u.destination_type, u.destination_name, u.destination_namespace, u.datacenter
            ));
        }
        let address = if u.local_bind_address.is_empty() { "127.0.0.1" } else { u.local_bind_address.as_str() };
        let bind = format!("{address}:{}", u.local_bind_port);
        if !binds.insert(bind.clone()) {
            problems.push(format!(
                "upstreams cannot contain duplicates by local bind address and port; {bind:?} is specified twice"
            ));
        }
    }
}

/// The sidecar service `parent` (registered as `parent_id`) asks for, or `None`. `port_taken`
/// says whether another local service holds a port; `current` is the port this sidecar holds
/// already (re-registering keeps it).
pub fn sidecar_of(
    parent: &ServiceDefinition,
    parent_id: &str,
    port_taken: impl Fn(u16) -> bool,
    current: Option<u16>,
) -> Result<Option<ServiceDefinition>, DefinitionError> {
    let Some(nested) = parent.connect.as_ref().and_then(|c| c.sidecar_service.as_deref()) else {
        return Ok(None);
    };
    let invalid = |m: &str| DefinitionError::Sidecar(m.to_owned());
    if !nested.id.is_empty() {
        return Err(invalid("A SidecarService cannot specify an ID as this is managed by the agent"));
    }
    if nested.connect.as_ref().is_some_and(|c| c.sidecar_service.is_some()) {
        return Err(invalid("A SidecarService cannot have a nested SidecarService"));
    }
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
