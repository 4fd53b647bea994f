//! Who this agent is: its persistent node ID, and the catalog entries a server owns.

use std::collections::BTreeMap;
use std::path::Path;

use crate::config::AgentConfig;
use crate::local::sync::Managed;
use crate::state::{HealthCheck, HealthStatus, NodeService, new_uuid};

/// A server's own catalog entries: the `consul` service on its RPC port and the
/// `serfHealth` node check, as the reference registers them.
pub(super) fn managed_entries(cfg: &AgentConfig, server_port: u16) -> Managed {
    if !cfg.server {
        return Managed::default();
    }
    Managed {
        services: vec![NodeService {
            id: "consul".into(),
            service: "consul".into(),
            port: server_port,
            meta: BTreeMap::from([("raft_version".to_owned(), "3".to_owned())]),
            ..NodeService::default()
        }],
        checks: vec![HealthCheck {
            node: cfg.node_name.clone(),
            check_id: "serfHealth".into(),
            name: "Serf Health Status".into(),
            status: HealthStatus::Passing,
            output: "Agent alive and reachable".into(),
            ..HealthCheck::default()
        }],
    }
}

/// The node's UUID, kept in `<data-dir>/node-id` so it survives restarts.
pub(super) fn node_uuid(data_dir: Option<&Path>) -> std::io::Result<String> {
    if let Some(dir) = data_dir {
        let path = dir.join("node-id");
        if let Ok(existing) = std::fs::read_to_string(&path) {
            let existing = existing.trim();
            if !existing.is_empty() {
                return Ok(existing.to_owned());
            }
        }
        let id = new_uuid();
        crate::files::write_private_file(&path, id.as_bytes())?;
        return Ok(id);
    }
    Ok(new_uuid())
}
