//! ACLs through the agent's HTTP API (`/v1/acl/*`, `/v1/agent/token/*`), as the reference's
//! `api/acl.go`: bootstrap, tokens, policies and roles. Writes of policies, roles and global
//! tokens land in the primary datacenter whichever agent takes them.

use reqwest::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::client::{Client, ClientError};
use crate::state::{AclPolicy, AclRole, AclToken};

fn encode<T: Serialize>(what: &str, value: &T) -> Result<Vec<u8>, ClientError> {
    serde_json::to_vec(value).map_err(|e| ClientError::Setup(format!("encoding the {what}: {e}")))
}

impl Client {
    async fn put_json<T: Serialize, R: DeserializeOwned>(
        &self,
        what: &str,
        path: &str,
        value: &T,
    ) -> Result<R, ClientError> {
        self.call(Method::PUT, path, &[], Some(encode(what, value)?)).await
    }

    async fn delete_true(&self, path: &str) -> Result<(), ClientError> {
        let _: bool = self.call(Method::DELETE, path, &[], None).await?;
        Ok(())
    }

    /// The first management token (`PUT /v1/acl/bootstrap`); once only, then the agent's 403
    /// `Permission denied: ACL bootstrap no longer allowed (reset index: N)`.
    pub async fn acl_bootstrap(&self) -> Result<AclToken, ClientError> {
        self.call(Method::PUT, "/v1/acl/bootstrap", &[], None).await
    }

    /// Creates a token (`PUT /v1/acl/token`); empty AccessorID and SecretID are chosen by the
    /// servers. `ttl` is the reference's `ExpirationTTL` (a Go duration, e.g. `1h`).
    pub async fn acl_token_create(&self, token: &AclToken, ttl: Option<&str>) -> Result<AclToken, ClientError> {
        let mut body =
            serde_json::to_value(token).map_err(|e| ClientError::Setup(format!("encoding the token: {e}")))?;
        if let (Some(ttl), Some(map)) = (ttl, body.as_object_mut()) {
            map.insert("ExpirationTTL".into(), ttl.into());
        }
        self.put_json("token", "/v1/acl/token", &body).await
    }

    /// One token by AccessorID (`GET /v1/acl/token/:id`); unknown is the agent's 403
    /// `ACL not found`.
    pub async fn acl_token_read(&self, accessor_id: &str) -> Result<AclToken, ClientError> {
        Ok(self.get(&format!("/v1/acl/token/{accessor_id}"), &[]).await?.value)
    }

    /// The token this client sends (`GET /v1/acl/token/self`).
    pub async fn acl_token_self(&self) -> Result<AclToken, ClientError> {
        Ok(self.get("/v1/acl/token/self", &[]).await?.value)
    }

    /// Replaces a token's description, links and identities (`PUT /v1/acl/token/:id`).
    pub async fn acl_token_update(&self, token: &AclToken) -> Result<AclToken, ClientError> {
        self.put_json("token", &format!("/v1/acl/token/{}", token.accessor_id), token).await
    }

    /// A new token with the links of `accessor_id` (`PUT /v1/acl/token/:id/clone`), described
    /// as `description` or else as the original.
    pub async fn acl_token_clone(&self, accessor_id: &str, description: Option<&str>) -> Result<AclToken, ClientError> {
        let body = match description {
            Some(d) => serde_json::json!({ "Description": d }),
            None => serde_json::json!({}),
        };
        self.put_json("token", &format!("/v1/acl/token/{accessor_id}/clone"), &body).await
    }

    /// Deletes a token (`DELETE /v1/acl/token/:id`).
    pub async fn acl_token_delete(&self, accessor_id: &str) -> Result<(), ClientError> {
        self.delete_true(&format!("/v1/acl/token/{accessor_id}")).await
    }

    /// Every token this datacenter knows, without SecretIDs (`GET /v1/acl/tokens`).
    pub async fn acl_token_list(&self) -> Result<Vec<AclToken>, ClientError> {
        Ok(self.get("/v1/acl/tokens", &[]).await?.value)
    }

    /// Creates a policy (`PUT /v1/acl/policy`); the rules are checked by the servers.
    pub async fn acl_policy_create(&self, policy: &AclPolicy) -> Result<AclPolicy, ClientError> {
        self.put_json("policy", "/v1/acl/policy", policy).await
    }

    /// One policy by ID (`GET /v1/acl/policy/:id`).
    pub async fn acl_policy_read(&self, id: &str) -> Result<AclPolicy, ClientError> {
        Ok(self.get(&format!("/v1/acl/policy/{id}"), &[]).await?.value)
    }

    /// One policy by name (`GET /v1/acl/policy/name/:name`).
    pub async fn acl_policy_read_by_name(&self, name: &str) -> Result<AclPolicy, ClientError> {
        Ok(self.get(&format!("/v1/acl/policy/name/{name}"), &[]).await?.value)
    }

    /// Replaces a policy (`PUT /v1/acl/policy/:id`).
    pub async fn acl_policy_update(&self, policy: &AclPolicy) -> Result<AclPolicy, ClientError> {
        self.put_json("policy", &format!("/v1/acl/policy/{}", policy.id), policy).await
    }

    /// Deletes a policy (`DELETE /v1/acl/policy/:id`).
    pub async fn acl_policy_delete(&self, id: &str) -> Result<(), ClientError> {
        self.delete_true(&format!("/v1/acl/policy/{id}")).await
    }

    /// Every policy, without rules (`GET /v1/acl/policies`).
    pub async fn acl_policy_list(&self) -> Result<Vec<AclPolicy>, ClientError> {
        Ok(self.get("/v1/acl/policies", &[]).await?.value)
    }

    /// Creates a role (`PUT /v1/acl/role`).
    pub async fn acl_role_create(&self, role: &AclRole) -> Result<AclRole, ClientError> {
        self.put_json("role", "/v1/acl/role", role).await
    }

    /// One role by ID (`GET /v1/acl/role/:id`).
    pub async fn acl_role_read(&self, id: &str) -> Result<AclRole, ClientError> {
        Ok(self.get(&format!("/v1/acl/role/{id}"), &[]).await?.value)
    }

    /// One role by name (`GET /v1/acl/role/name/:name`).
    pub async fn acl_role_read_by_name(&self, name: &str) -> Result<AclRole, ClientError> {
        Ok(self.get(&format!("/v1/acl/role/name/{name}"), &[]).await?.value)
    }

    /// Replaces a role (`PUT /v1/acl/role/:id`).
    pub async fn acl_role_update(&self, role: &AclRole) -> Result<AclRole, ClientError> {
        self.put_json("role", &format!("/v1/acl/role/{}", role.id), role).await
    }

    /// Deletes a role (`DELETE /v1/acl/role/:id`).
    pub async fn acl_role_delete(&self, id: &str) -> Result<(), ClientError> {
        self.delete_true(&format!("/v1/acl/role/{id}")).await
    }

    /// Every role (`GET /v1/acl/roles`).
    pub async fn acl_role_list(&self) -> Result<Vec<AclRole>, ClientError> {
        Ok(self.get("/v1/acl/roles", &[]).await?.value)
    }

    /// Sets one of the agent's own tokens until it restarts (`PUT /v1/agent/token/:kind`):
    /// `default`, `agent`, `agent_master`, `replication` (or a legacy name).
    pub async fn acl_set_agent_token(&self, kind: &str, secret: &str) -> Result<(), ClientError> {
        let body = encode("token", &serde_json::json!({ "Token": secret }))?;
        self.send(Method::PUT, &format!("/v1/agent/token/{kind}"), &[], Some(body)).await.map(|_| ())
    }
}
