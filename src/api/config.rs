//! Config entries through the agent's HTTP API (`/v1/config`), as the reference's
//! `api/config_entry.go`: set (optionally check-and-set), get, list, delete. Writes land in
//! the primary datacenter whichever agent takes them.

use reqwest::Method;

use super::client::{Client, ClientError, Indexed};
use crate::state::ConfigEntry;

impl Client {
    /// Writes `entry` (`PUT /v1/config`); with `cas`, only while the stored entry's
    /// ModifyIndex is `cas` (0: only if there is none). False when the check-and-set failed.
    pub async fn config_entry_set(&self, entry: &ConfigEntry, cas: Option<u64>) -> Result<bool, ClientError> {
        let body =
            serde_json::to_vec(entry).map_err(|e| ClientError::Setup(format!("encoding the config entry: {e}")))?;
        let query: Vec<(&str, String)> = cas.map(|index| ("cas", index.to_string())).into_iter().collect();
        self.call(Method::PUT, "/v1/config", &query, Some(body)).await
    }

    /// One entry (`GET /v1/config/:kind/:name`), with its index; a missing one is the
    /// agent's 404 ([`ClientError::is_not_found`]).
    pub async fn config_entry_get(&self, kind: &str, name: &str) -> Result<Indexed<ConfigEntry>, ClientError> {
        self.get(&format!("/v1/config/{kind}/{name}"), &[]).await
    }

    /// Every entry of `kind`, sorted by name (`GET /v1/config/:kind`).
    pub async fn config_entry_list(&self, kind: &str) -> Result<Indexed<Vec<ConfigEntry>>, ClientError> {
        self.get(&format!("/v1/config/{kind}"), &[]).await
    }

    /// Deletes one entry (`DELETE /v1/config/:kind/:name`); deleting a missing one succeeds.
    pub async fn config_entry_delete(&self, kind: &str, name: &str) -> Result<(), ClientError> {
        self.send(Method::DELETE, &format!("/v1/config/{kind}/{name}"), &[], None).await?;
        Ok(())
    }
}
