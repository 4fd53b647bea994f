//! Intentions through the agent's HTTP API (`/v1/connect/intentions`), as the reference's
//! `api/connect_intention.go`: the 1.8 calls by ID, 1.9's `exact` calls by source and
//! destination, `match` and `check`. Writes land in the primary datacenter whichever agent
//! takes them. Sources and destinations are `name` or `ns/name` (`*` for any).

use std::collections::BTreeMap;

use reqwest::Method;
use serde::Deserialize;

use super::client::{Client, ClientError};
use crate::state::Intention;

/// `{"ID": "<uuid>"}`, the answer to a create or an update.
#[derive(Debug, Deserialize)]
struct IdResponse {
    #[serde(rename = "ID")]
    id: String,
}

/// `{"Allowed": bool}`, the answer to a check.
#[derive(Debug, Deserialize)]
struct CheckResponse {
    #[serde(rename = "Allowed")]
    allowed: bool,
}

fn encode(intention: &Intention) -> Result<Vec<u8>, ClientError> {
    serde_json::to_vec(intention).map_err(|e| ClientError::Setup(format!("encoding the intention: {e}")))
}

fn pair(source: &str, destination: &str) -> [(&'static str, String); 2] {
    [("source", source.to_owned()), ("destination", destination.to_owned())]
}

impl Client {
    /// Creates `intention` (`POST /v1/connect/intentions`; its ID must be empty) and returns
    /// the ID the servers gave it. An invalid one, or a second one for the same source and
    /// destination, is the agent's 400 with the reason.
    pub async fn intention_create(&self, intention: &Intention) -> Result<String, ClientError> {
        let body = encode(intention)?;
        let created: IdResponse = self.call(Method::POST, "/v1/connect/intentions", &[], Some(body)).await?;
        Ok(created.id)
    }

    /// One intention by ID (`GET /v1/connect/intentions/:id`); an unknown one is the agent's
    /// 404 ([`ClientError::is_not_found`]).
    pub async fn intention_get(&self, id: &str) -> Result<Intention, ClientError> {
        Ok(self.get(&format!("/v1/connect/intentions/{id}"), &[]).await?.value)
    }

    /// The intention from `source` to `destination` (`GET /v1/connect/intentions/exact`);
    /// none is the agent's 404 ([`ClientError::is_not_found`]).
    pub async fn intention_exact(&self, source: &str, destination: &str) -> Result<Intention, ClientError> {
        Ok(self.get("/v1/connect/intentions/exact", &pair(source, destination)).await?.value)
    }

    /// Deletes the intention `id` (`DELETE /v1/connect/intentions/:id`); an unknown one is the
    /// agent's 400 `Cannot delete non-existent intention: '<id>'`.
    pub async fn intention_delete(&self, id: &str) -> Result<(), ClientError> {
        let _: bool = self.call(Method::DELETE, &format!("/v1/connect/intentions/{id}"), &[], None).await?;
        Ok(())
    }

    /// Deletes the intention from `source` to `destination`
    /// (`DELETE /v1/connect/intentions/exact`).
    /// Creates the intention of its source and destination, or replaces the one there in one
    /// write, keeping its ID (`PUT /v1/connect/intentions/exact`).
    pub async fn intention_set_exact(&self, intention: &Intention) -> Result<(), ClientError> {
        let query = pair(&intention.source().display(), &intention.destination().display());
        let body = encode(intention)?;
        let _: bool = self.call(Method::PUT, "/v1/connect/intentions/exact", &query, Some(body)).await?;
        Ok(())
    }

    /// Removes the intention of `source` and `destination` (`DELETE
    /// /v1/connect/intentions/exact`); none there is not an error.
    pub async fn intention_delete_exact(&self, source: &str, destination: &str) -> Result<(), ClientError> {
        let query = pair(source, destination);
        let _: bool = self.call(Method::DELETE, "/v1/connect/intentions/exact", &query, None).await?;
        Ok(())
    }

    /// Every intention, in precedence order (highest first), then by source and destination
    /// (`GET /v1/connect/intentions`).
    pub async fn intention_list(&self) -> Result<Vec<Intention>, ClientError> {
        Ok(self.get("/v1/connect/intentions", &[]).await?.value)
    }

    /// The intentions that apply to `name` as a `source` or a `destination` (`by`), in
    /// precedence order (`GET /v1/connect/intentions/match`): wildcard ones included.
    pub async fn intention_match(&self, by: &str, name: &str) -> Result<Vec<Intention>, ClientError> {
        let query = [("by", by.to_owned()), ("name", name.to_owned())];
        let mut matches: BTreeMap<String, Vec<Intention>> =
            self.get("/v1/connect/intentions/match", &query).await?.value;
        // The answer is keyed by the name asked for; one asked for is one answered, whatever
        // spelling of it the agent keys it by (`default/web` or `web`).
        if let Some(found) = matches.remove(name) {
            return Ok(found);
        }
        if matches.len() == 1 {
            return Ok(matches.into_values().next().unwrap_or_default());
        }
        Ok(Vec::new())
    }

    /// Whether `source` may connect to `destination` by the intentions and the default
    /// policy (`GET /v1/connect/intentions/check`).
    pub async fn intention_check(&self, source: &str, destination: &str) -> Result<bool, ClientError> {
        let answer: CheckResponse = self.get("/v1/connect/intentions/check", &pair(source, destination)).await?.value;
        Ok(answer.allowed)
    }
}
