//! Gossip keyrings through the agent's HTTP API (`/v1/operator/keyring`), as the reference's
//! `api/operator_keyring.go`.

use std::collections::BTreeMap;

use reqwest::Method;
use serde::{Deserialize, Serialize};

use super::client::{Client, ClientError};

/// One pool's keys (`KeyringResponse`): each key with how many of the pool's members hold it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct KeyringResponse {
    #[serde(rename = "WAN")]
    pub wan: bool,
    pub datacenter: String,
    #[serde(default)]
    pub segment: String,
    /// A member's error, by member.
    #[serde(default)]
    pub messages: BTreeMap<String, String>,
    #[serde(default)]
    pub keys: BTreeMap<String, usize>,
    pub num_nodes: usize,
}

impl Client {
    /// The keys of every pool (`GET /v1/operator/keyring`); with `local_only`, only what the
    /// agent asked holds.
    pub async fn keyring_list(&self, local_only: bool) -> Result<Vec<KeyringResponse>, ClientError> {
        let query: Vec<(&str, String)> = if local_only { vec![("local-only", "1".into())] } else { Vec::new() };
        Ok(self.get("/v1/operator/keyring", &query).await?.value)
    }

    async fn keyring_change(&self, method: Method, key: &str) -> Result<(), ClientError> {
        let body = serde_json::to_vec(&serde_json::json!({ "Key": key }))
            .map_err(|e| ClientError::Setup(format!("encoding the key: {e}")))?;
        self.send(method, "/v1/operator/keyring", &[], Some(body)).await.map(|_| ())
    }

    /// Installs `key` on every member (`POST`).
    pub async fn keyring_install(&self, key: &str) -> Result<(), ClientError> {
        self.keyring_change(Method::POST, key).await
    }

    /// Makes `key` every member's primary (`PUT`).
    pub async fn keyring_use(&self, key: &str) -> Result<(), ClientError> {
        self.keyring_change(Method::PUT, key).await
    }

    /// Removes `key` from every member (`DELETE`).
    pub async fn keyring_remove(&self, key: &str) -> Result<(), ClientError> {
        self.keyring_change(Method::DELETE, key).await
    }
}
