//! Reads over the store, in the shapes the HTTP API returns.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::store::Store;
use super::types::{
    FederationState, HealthCheck, HealthStatus, KvEntry, META_WAN_FEDERATION, Node, NodeService, ServiceAddress,
    ServiceConnect, ServiceKind, ServiceProxy, Weights,
};

/// One instance of a service with its node (`/v1/catalog/service/:name`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ServiceNode {
    #[serde(rename = "ID")]
    pub id: String,
    pub node: String,
    pub address: String,
    pub datacenter: String,
    pub tagged_addresses: BTreeMap<String, String>,
    pub node_meta: BTreeMap<String, String>,
    pub service_kind: ServiceKind,
    #[serde(rename = "ServiceID")]
    pub service_id: String,
    pub service_name: String,
    pub service_tags: Vec<String>,
    pub service_address: String,
    pub service_tagged_addresses: BTreeMap<String, ServiceAddress>,
    pub service_weights: Weights,
    pub service_meta: BTreeMap<String, String>,
    pub service_port: u16,
    pub service_enable_tag_override: bool,
    pub service_proxy: ServiceProxy,
    pub service_connect: ServiceConnect,
    pub create_index: u64,
    pub modify_index: u64,
}

/// A service instance, its node and every check that applies to it (`/v1/health/service`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CheckServiceNode {
    pub node: Node,
    pub service: NodeService,
    pub checks: Vec<HealthCheck>,
}

impl CheckServiceNode {
    /// The one health rule for routing to an instance (a gateway, a server): healthy unless a
    /// check is critical or in maintenance. A warning still routes (xDS gives it the warning
    /// weight). The locator, xDS and the CLI all ask this.
    pub fn is_healthy(&self) -> bool {
        !self.checks.iter().any(|c| matches!(c.status, HealthStatus::Critical | HealthStatus::Maintenance))
    }

    /// A mesh gateway that carries server-to-server traffic (meta `consul-wan-federation=1`).
    pub fn is_wan_federation_gateway(&self) -> bool {
        self.service.meta.get(META_WAN_FEDERATION).map(String::as_str) == Some("1")
    }

    /// The reference's `BestAddress`: the service address (or its `wan` tagged address), else
    /// the node's address (or the node's `wan` tagged address).
    pub fn best_address(&self, wan: bool) -> (String, u16) {
        let mut address = self.service.address.clone();
        let mut port = self.service.port;
        if wan && let Some(tagged) = self.service.tagged_addresses.get("wan") {
            address = tagged.address.clone();
            if tagged.port != 0 {
                port = tagged.port;
            }
        }
        if address.is_empty() {
            address = match self.node.tagged_addresses.get("wan") {
                Some(a) if wan && !a.is_empty() => a.clone(),
                _ => self.node.address.clone(),
            };
        }
        (address, port)
    }
}

/// A node and its services (`/v1/catalog/node/:node`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct NodeServices {
    pub node: Node,
    pub services: BTreeMap<String, NodeService>,
}

impl Store {
    pub fn nodes(&self) -> Vec<Node> {
        self.nodes.values().cloned().collect()
    }

    /// A node and its services. The name matches exactly: nodes are keyed by it on every
    /// write (and ACL decisions), so a read must not find another node than a write would.
    pub fn node_services(&self, node: &str) -> Option<NodeServices> {
        let n = self.nodes.get(node)?;
        Some(NodeServices { node: n.clone(), services: self.services.get(node).cloned().unwrap_or_default() })
    }

    fn all_services(&self) -> impl Iterator<Item = (&Node, &NodeService)> {
        self.services
            .iter()
            .filter_map(|(node, services)| self.nodes.get(node).map(|n| (n, services)))
            .flat_map(|(n, services)| services.values().map(move |s| (n, s)))
    }

    /// Service name -> the union of its instances' tags.
    pub fn service_names(&self) -> BTreeMap<String, Vec<String>> {
        let mut names: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (_, s) in self.all_services() {
            names.entry(s.service.clone()).or_default().extend(s.tags.iter().cloned());
        }
        names.into_iter().map(|(k, v)| (k, v.into_iter().collect())).collect()
    }

    /// Instances of `service`, optionally only those tagged `tag`.
    pub fn service_nodes(&self, service: &str, tag: Option<&str>, connect: bool) -> Vec<ServiceNode> {
        self.instances(service, tag, connect).map(|(n, s)| service_node(n, s)).collect()
    }

    /// Every instance registered with `address` as its service address (what a reverse DNS
    /// name asks when no node has the address).
    pub fn services_at(&self, address: &str) -> Vec<ServiceNode> {
        self.all_services().filter(|(_, s)| s.address == address).map(|(n, s)| service_node(n, s)).collect()
    }

    /// Instances of `service`; with `connect`, its Connect-capable instances instead: every
    /// `connect-proxy` whose destination it is, and its native instances. Names and tags
    /// match regardless of case, as the reference's.
    fn instances<'a>(
        &'a self,
        service: &'a str,
        tag: Option<&'a str>,
        connect: bool,
    ) -> impl Iterator<Item = (&'a Node, &'a NodeService)> + 'a {
        self.all_services()
            .filter(
                move |(_, s)| {
                    if connect { s.is_connect_instance_of(service) } else { s.service.eq_ignore_ascii_case(service) }
                },
            )
            .filter(move |(_, s)| tag.is_none_or(|t| s.tags.iter().any(|x| x.eq_ignore_ascii_case(t))))
    }

    /// Instances of `service` with their node and service checks. With `passing_only`, only
    /// instances whose every check passes.
    pub fn check_service_nodes(
        &self,
        service: &str,
        tag: Option<&str>,
        passing_only: bool,
        connect: bool,
    ) -> Vec<CheckServiceNode> {
        self.instances(service, tag, connect)
            .map(|(n, s)| CheckServiceNode {
                node: n.clone(),
                service: s.clone(),
                checks: self
                    .checks
                    .get(&n.node)
                    .into_iter()
                    .flat_map(|m| m.values())
                    .filter(|c| c.service_id.is_empty() || c.service_id == s.id)
                    .cloned()
                    .collect(),
            })
            .filter(|csn| !passing_only || csn.checks.iter().all(|c| c.status == HealthStatus::Passing))
            .collect()
    }

    /// Every connect-capable instance (proxies by their destination, native services by their
    /// name), with its checks, by the service it serves.
    pub fn connect_instances(&self) -> BTreeMap<String, Vec<CheckServiceNode>> {
        let mut served = BTreeSet::new();
        for (_, s) in self.all_services() {
            if s.kind.0 == ServiceKind::CONNECT_PROXY {
                if let Some(p) = s.proxy.as_ref().filter(|p| !p.destination_service_name.is_empty()) {
                    served.insert(p.destination_service_name.clone());
                }
            } else if s.connect.native {
                served.insert(s.service.clone());
            }
        }
        served
            .into_iter()
            .map(|name| {
                let instances = self.check_service_nodes(&name, None, false, true);
                (name, instances)
            })
            .collect()
    }

    /// Instances of services of `kind` (e.g. `mesh-gateway`), with their checks.
    pub fn check_service_nodes_by_kind(&self, kind: &str) -> Vec<CheckServiceNode> {
        let names: BTreeSet<String> =
            self.all_services().filter(|(_, s)| s.kind.0 == kind).map(|(_, s)| s.service.clone()).collect();
        names
            .iter()
            .flat_map(|name| self.check_service_nodes(name, None, false, false))
            .filter(|c| c.service.kind.0 == kind)
            .collect()
    }

    pub fn node_checks(&self, node: &str) -> Vec<HealthCheck> {
        self.checks.get(node).map(|m| m.values().cloned().collect()).unwrap_or_default()
    }

    /// Checks of every instance of `service`.
    pub fn service_checks(&self, service: &str) -> Vec<HealthCheck> {
        self.checks.values().flat_map(|m| m.values()).filter(|c| c.service_name == service).cloned().collect()
    }

    /// Checks in `state`; `None` means any state.
    pub fn checks_in_state(&self, state: Option<HealthStatus>) -> Vec<HealthCheck> {
        self.checks.values().flat_map(|m| m.values()).filter(|c| state.is_none_or(|s| c.status == s)).cloned().collect()
    }

    /// Every datacenter's federation state, by datacenter name.
    pub fn federation_states(&self) -> Vec<FederationState> {
        self.federation_states.values().cloned().collect()
    }

    pub fn federation_state(&self, datacenter: &str) -> Option<FederationState> {
        self.federation_states.get(datacenter).cloned()
    }

    pub fn kv_get(&self, key: &str) -> Option<&KvEntry> {
        self.kv.get(key)
    }

    /// Entries whose key starts with `prefix`, in key order.
    pub fn kv_list(&self, prefix: &str) -> Vec<KvEntry> {
        self.kv.range(prefix.to_owned()..).take_while(|(k, _)| k.starts_with(prefix)).map(|(_, v)| v.clone()).collect()
    }

    /// Keys under `prefix`; with a separator, keys are cut after the first separator that
    /// follows the prefix, and duplicates collapse (a directory listing).
    pub fn kv_keys(&self, prefix: &str, separator: Option<&str>) -> Vec<String> {
        let mut keys: Vec<String> = Vec::new();
        for (key, _) in self.kv.range(prefix.to_owned()..).take_while(|(k, _)| k.starts_with(prefix)) {
            let key = match separator.filter(|s| !s.is_empty()) {
                Some(sep) => match key[prefix.len()..].find(sep) {
                    Some(pos) => &key[..prefix.len() + pos + sep.len()],
                    None => key.as_str(),
                },
                None => key.as_str(),
            };
            if keys.last().map(String::as_str) != Some(key) {
                keys.push(key.to_owned());
            }
        }
        keys
    }

    /// Number of entries per table (metrics).
    pub fn counts(&self) -> [(&'static str, usize); 5] {
        [
            ("nodes", self.nodes.len()),
            ("services", self.services.values().map(BTreeMap::len).sum()),
            ("checks", self.checks.values().map(BTreeMap::len).sum()),
            ("kv", self.kv.len()),
            ("federation_states", self.federation_states.len()),
        ]
    }
}

/// One instance as the catalog endpoints show it.
fn service_node(n: &Node, s: &NodeService) -> ServiceNode {
    ServiceNode {
        id: n.id.clone(),
        node: n.node.clone(),
        address: n.address.clone(),
        datacenter: n.datacenter.clone(),
        tagged_addresses: n.tagged_addresses.clone(),
        node_meta: n.meta.clone(),
        service_kind: s.kind.clone(),
        service_id: s.id.clone(),
        service_name: s.service.clone(),
        service_tags: s.tags.clone(),
        service_address: s.address.clone(),
        service_tagged_addresses: s.tagged_addresses.clone(),
        service_weights: s.weights,
        service_meta: s.meta.clone(),
        service_port: s.port,
        service_enable_tag_override: s.enable_tag_override,
        service_proxy: s.proxy.clone().unwrap_or_default(),
        service_connect: s.connect.clone(),
        create_index: s.index.create_index,
        modify_index: s.index.modify_index,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::ServiceAddress;

    fn gateway(checks: &[HealthStatus]) -> CheckServiceNode {
        CheckServiceNode {
            node: Node { node: "n1".into(), address: "10.0.0.1".into(), ..Node::default() },
            service: NodeService { id: "gw".into(), port: 8443, ..NodeService::default() },
            checks: checks.iter().map(|s| HealthCheck { status: *s, ..HealthCheck::default() }).collect(),
        }
    }

    #[test]
    fn healthy_unless_a_check_is_critical_or_in_maintenance() {
        use HealthStatus::*;
        assert!(gateway(&[]).is_healthy());
        assert!(gateway(&[Passing, Warning]).is_healthy(), "a warning still routes");
        assert!(!gateway(&[Passing, Critical]).is_healthy());
        assert!(!gateway(&[Maintenance]).is_healthy());
    }

    #[test]
    fn the_best_address_prefers_the_services_wan_address_across_datacenters() {
        let mut g = gateway(&[]);
        assert_eq!(g.best_address(true), ("10.0.0.1".to_owned(), 8443), "the node's address when nothing else");
        g.node.tagged_addresses.insert("wan".into(), "198.51.100.1".into());
        assert_eq!(g.best_address(true).0, "198.51.100.1");
        assert_eq!(g.best_address(false).0, "10.0.0.1");
        g.service.tagged_addresses.insert("wan".into(), ServiceAddress { address: "203.0.113.5".into(), port: 443 });
        assert_eq!(g.best_address(true), ("203.0.113.5".to_owned(), 443));
        g.service.address = "10.0.0.9".into();
        assert_eq!(g.best_address(false), ("10.0.0.9".to_owned(), 8443));
    }
}
