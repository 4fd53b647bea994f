//! Service and check definitions as users write them: in agent config files (snake_case, as
//! Consul's HCL/JSON config) and in `/v1/agent/service/register` bodies (PascalCase, as
//! Consul's HTTP API). One type accepts both spellings.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::duration::GoDuration;
use crate::state::{
    CheckDefinition as StoredDefinition, HealthCheck, HealthStatus, NodeService, ServiceAddress, ServiceConnect,
    ServiceKind, ServiceProxy, Weights,
};

/// A service registered on an agent.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ServiceDefinition {
    #[serde(rename = "ID", alias = "id", alias = "Id")]
    pub id: String,
    #[serde(rename = "Name", alias = "name")]
    pub name: String,
    #[serde(rename = "Tags", alias = "tags")]
    pub tags: Vec<String>,
    #[serde(rename = "Address", alias = "address")]
    pub address: String,
    #[serde(rename = "Port", alias = "port")]
    pub port: u16,
    #[serde(rename = "Meta", alias = "meta")]
    pub meta: BTreeMap<String, String>,
    #[serde(rename = "Kind", alias = "kind")]
    pub kind: ServiceKind,
    #[serde(rename = "TaggedAddresses", alias = "tagged_addresses")]
    pub tagged_addresses: BTreeMap<String, ServiceAddress>,
    #[serde(rename = "EnableTagOverride", alias = "enable_tag_override")]
    pub enable_tag_override: bool,
    #[serde(rename = "Weights", alias = "weights")]
    pub weights: Option<Weights>,
    #[serde(rename = "Proxy", alias = "proxy")]
    pub proxy: Option<ServiceProxy>,
    #[serde(rename = "Check", alias = "check")]
    pub check: Option<CheckDefinition>,
    #[serde(rename = "Checks", alias = "checks")]
    pub checks: Vec<CheckDefinition>,
    #[serde(rename = "Connect", alias = "connect", skip_serializing_if = "Option::is_none")]
    pub connect: Option<ConnectDefinition>,
    /// The ACL token the agent keeps this service (and its sidecar) in the catalog with; empty:
    /// the agent's own token. Never shown back.
    #[serde(rename = "Token", alias = "token", skip_serializing)]
    pub token: String,
}

/// A service's `Connect` block: native Connect, or a sidecar proxy for the agent to register.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ConnectDefinition {
    #[serde(rename = "Native", alias = "native")]
    pub native: bool,
    /// Expanded by the agent into `<id>-sidecar-proxy` (see `local::connect`).
    #[serde(rename = "SidecarService", alias = "sidecar_service", skip_serializing_if = "Option::is_none")]
    pub sidecar_service: Option<Box<ServiceDefinition>>,
}

/// A health check registered on an agent.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckDefinition {
    #[serde(rename = "ID", alias = "id", alias = "CheckID", alias = "check_id")]
    pub id: String,
    #[serde(rename = "Name", alias = "name")]
    pub name: String,
    #[serde(rename = "ServiceID", alias = "service_id")]
    pub service_id: String,
    #[serde(rename = "TCP", alias = "tcp")]
    pub tcp: String,
    #[serde(rename = "HTTP", alias = "http")]
    pub http: String,
    #[serde(rename = "Method", alias = "method")]
    pub method: String,
    #[serde(rename = "TLSSkipVerify", alias = "tls_skip_verify")]
    pub tls_skip_verify: bool,
    #[serde(rename = "TTL", alias = "ttl")]
    pub ttl: Option<GoDuration>,
    #[serde(rename = "Interval", alias = "interval")]
    pub interval: Option<GoDuration>,
    #[serde(rename = "Timeout", alias = "timeout")]
    pub timeout: Option<GoDuration>,
    #[serde(rename = "Notes", alias = "notes")]
    pub notes: String,
    #[serde(rename = "Status", alias = "status")]
    pub status: Option<HealthStatus>,
    #[serde(rename = "DeregisterCriticalServiceAfter", alias = "deregister_critical_service_after")]
    pub deregister_critical_service_after: Option<GoDuration>,
    /// An alias check: healthy as the local service with this ID is.
    #[serde(rename = "AliasService", alias = "alias_service", skip_serializing_if = "String::is_empty")]
    pub alias_service: String,
}

/// How a check runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckKind {
    Tcp {
        addr: String,
        interval: Duration,
        timeout: Duration,
    },
    Http {
        url: String,
        method: String,
        interval: Duration,
        timeout: Duration,
        tls_skip_verify: bool,
    },
    Ttl {
        ttl: Duration,
    },
    /// As healthy as the local service `service_id` (its worst check).
    Alias {
        service_id: String,
    },
}

/// A service as stored, and its checks with their IDs.
pub type Normalized = (NodeService, Vec<(String, CheckDefinition)>);

/// A definition that cannot be registered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DefinitionError {
    #[error("missing service name")]
    MissingServiceName,
    #[error("check {check:?}: {problem}")]
    Check { check: String, problem: &'static str },
    /// Every problem the reference's `NodeService.Validate` finds (a `connect-proxy`'s fields,
    /// a gateway's port, a nested sidecar's), in its words and format.
    #[error("{}", multierror(.0))]
    Invalid(Vec<String>),
    #[error("Invalid SidecarService: {0}")]
    Sidecar(String),
    /// A check of `Connect.SidecarService` (the reference's words).
    #[error("Invalid check in sidecar_service: {0}")]
    SidecarCheck(String),
}

/// The reference's (go-multierror's) way of listing several problems.
fn multierror(problems: &[String]) -> String {
    let head = if problems.len() == 1 {
        "1 error occurred:".to_owned()
    } else {
        format!("{} errors occurred:", problems.len())
    };
    let items: String = problems.iter().map(|p| format!("\n\t* {p}")).collect();
    format!("{head}{items}\n\n")
}

/// Consul's default check timeout.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

impl CheckDefinition {
    /// Validates the definition and says how to run it.
    pub fn kind(&self) -> Result<CheckKind, DefinitionError> {
        let err = |problem| DefinitionError::Check { check: self.display_name(), problem };
        let set = [!self.tcp.is_empty(), !self.http.is_empty(), self.ttl.is_some(), !self.alias_service.is_empty()]
            .iter()
            .filter(|b| **b)
            .count();
        if set != 1 {
            return Err(err("exactly one of TCP, HTTP, TTL or AliasService is required"));
        }
        if !self.alias_service.is_empty() {
            return Ok(CheckKind::Alias { service_id: self.alias_service.clone() });
        }
        let timeout = self.timeout.map_or(DEFAULT_TIMEOUT, |t| t.0);
        if let Some(ttl) = self.ttl {
            if ttl.0.is_zero() {
                return Err(err("TTL must be greater than zero"));
            }
            return Ok(CheckKind::Ttl { ttl: ttl.0 });
        }
        let interval = match self.interval {
            Some(i) if !i.0.is_zero() => i.0,
            _ => return Err(err("Interval is required for TCP and HTTP checks")),
        };
        if !self.tcp.is_empty() {
            return Ok(CheckKind::Tcp { addr: self.tcp.clone(), interval, timeout });
        }
        if !(self.http.starts_with("http://") || self.http.starts_with("https://")) {
            return Err(err("HTTP must be an http:// or https:// URL"));
        }
        let method = if self.method.is_empty() { "GET".to_owned() } else { self.method.to_ascii_uppercase() };
        Ok(CheckKind::Http { url: self.http.clone(), method, interval, timeout, tls_skip_verify: self.tls_skip_verify })
    }

    fn display_name(&self) -> String {
        if !self.id.is_empty() { self.id.clone() } else { self.name.clone() }
    }

    /// The check as the catalog stores it, with this check's ID (defaulted by the caller).
    pub fn to_health_check(&self, node: &str, id: &str, service: Option<&NodeService>) -> HealthCheck {
        let check_type = match self.kind() {
            Ok(CheckKind::Tcp { .. }) => "tcp",
            Ok(CheckKind::Http { .. }) => "http",
            Ok(CheckKind::Ttl { .. }) => "ttl",
            Ok(CheckKind::Alias { .. }) => "alias",
            Err(_) => "",
        };
        HealthCheck {
            node: node.to_owned(),
            check_id: id.to_owned(),
            name: if self.name.is_empty() { id.to_owned() } else { self.name.clone() },
            status: self.status.unwrap_or(HealthStatus::Critical),
            notes: self.notes.clone(),
            service_id: service.map(|s| s.id.clone()).unwrap_or_else(|| self.service_id.clone()),
            service_name: service.map(|s| s.service.clone()).unwrap_or_default(),
            service_tags: service.map(|s| s.tags.clone()).unwrap_or_default(),
            check_type: check_type.to_owned(),
            definition: StoredDefinition {
                tcp: self.tcp.clone(),
                http: self.http.clone(),
                interval: self.interval,
                timeout: self.timeout,
                deregister_critical_service_after: self.deregister_critical_service_after,
            },
            ..HealthCheck::default()
        }
    }
}

impl ServiceDefinition {
    /// Validates the service and its checks; returns the service as stored and its checks
    /// with their IDs (`service:<id>`, `service:<id>:<n>` by default, as the reference).
    pub fn normalize(&self) -> Result<Normalized, DefinitionError> {
        if self.name.is_empty() {
            return Err(DefinitionError::MissingServiceName);
        }
        let id = if self.id.is_empty() { self.name.clone() } else { self.id.clone() };
        let service = NodeService {
            kind: self.kind.clone(),
            id: id.clone(),
            service: self.name.clone(),
            tags: self.tags.clone(),
            address: self.address.clone(),
            tagged_addresses: self.tagged_addresses.clone(),
            meta: self.meta.clone(),
            port: self.port,
            weights: self.weights.unwrap_or_default(),
            enable_tag_override: self.enable_tag_override,
            proxy: self.proxy.clone().map(super::connect::proxy_with_defaults),
            connect: ServiceConnect { native: self.connect.as_ref().is_some_and(|c| c.native) },
            ..NodeService::default()
        };
        // The service as it is to be stored is what is validated, as the reference does.
        let problems = super::connect::service_problems(&service, self.connect.as_ref());
        if !problems.is_empty() {
            return Err(DefinitionError::Invalid(problems));
        }
        let all: Vec<&CheckDefinition> = self.check.iter().chain(&self.checks).collect();
        let mut checks = Vec::new();
        for (n, check) in all.iter().enumerate() {
            check.kind()?;
            let check_id = match (check.id.is_empty(), all.len()) {
                (false, _) => check.id.clone(),
                (true, 1) => format!("service:{id}"),
                (true, _) => format!("service:{id}:{}", n + 1),
            };
            let mut check = (*check).clone();
            check.service_id = id.clone();
            checks.push((check_id, check));
        }
        Ok((service, checks))
    }
}
