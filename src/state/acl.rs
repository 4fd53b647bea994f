//! The ACL system's replicated data (tokens, policies, roles) in the reference's JSON shapes,
//! its built-in identifiers, and the writes that change them. What a policy's rules *mean* is
//! decided above this floor (`acl/`); here a policy's `Rules` is text.

use serde::{Deserialize, Serialize};

use super::types::RaftIndex;

/// The built-in policy that grants everything (`global-management`).
pub const GLOBAL_MANAGEMENT_ID: &str = "00000000-0000-0000-0000-000000000001";
pub const GLOBAL_MANAGEMENT_NAME: &str = "global-management";
pub const GLOBAL_MANAGEMENT_DESCRIPTION: &str = "Builtin Policy that grants unlimited access";
/// Its rules, exactly.
pub const GLOBAL_MANAGEMENT_RULES: &str = r#"
acl = "write"
agent_prefix "" {
  policy = "write"
}
event_prefix "" {
  policy = "write"
}
key_prefix "" {
  policy = "write"
}
keyring = "write"
node_prefix "" {
  policy = "write"
}
operator = "write"
query_prefix "" {
  policy = "write"
}
service_prefix "" {
  policy = "write"
  intentions = "write"
}
session_prefix "" {
  policy = "write"
}"#;

/// The anonymous token: what a request without a token is.
pub const ANONYMOUS_ACCESSOR_ID: &str = "00000000-0000-0000-0000-000000000002";
pub const ANONYMOUS_SECRET: &str = "anonymous";
pub const ANONYMOUS_DESCRIPTION: &str = "Anonymous Token";
/// Generated IDs never start with this (it is kept for built-ins).
pub const RESERVED_ID_PREFIX: &str = "00000000-0000-0000-0000-0000000000";
/// A SecretID shown to a reader without `acl:write`.
pub const HIDDEN_SECRET: &str = "<hidden>";
/// The description of the token `/v1/acl/bootstrap` makes.
pub const BOOTSTRAP_DESCRIPTION: &str = "Bootstrap Token (Global Management)";

/// A link from a token or role to a policy or role, by ID (the name is filled in on read).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AclLink {
    #[serde(rename = "ID")]
    pub id: String,
    #[serde(rename = "Name")]
    pub name: String,
}

/// A service identity: the synthetic policy of one service (and its sidecar).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ServiceIdentity {
    pub service_name: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub datacenters: Vec<String>,
}

/// An ACL token (`ACLToken`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct AclToken {
    #[serde(rename = "AccessorID")]
    pub accessor_id: String,
    /// Empty in list entries (which never carry it).
    #[serde(rename = "SecretID", skip_serializing_if = "String::is_empty")]
    pub secret_id: String,
    pub description: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub policies: Vec<AclLink>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<AclLink>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub service_identities: Vec<ServiceIdentity>,
    /// Valid only in the datacenter that made it (never replicated).
    pub local: bool,
    /// RFC 3339; after it the token does not exist.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expiration_time: Option<String>,
    pub create_time: String,
    pub hash: String,
    #[serde(flatten)]
    pub index: RaftIndex,
}

/// An ACL policy (`ACLPolicy`): named rules, optionally only in some datacenters.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct AclPolicy {
    #[serde(rename = "ID")]
    pub id: String,
    pub name: String,
    pub description: String,
    pub rules: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub datacenters: Vec<String>,
    pub hash: String,
    #[serde(flatten)]
    pub index: RaftIndex,
}

/// An ACL role (`ACLRole`): policies and service identities under one name.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct AclRole {
    #[serde(rename = "ID")]
    pub id: String,
    pub name: String,
    pub description: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub policies: Vec<AclLink>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub service_identities: Vec<ServiceIdentity>,
    pub hash: String,
    #[serde(flatten)]
    pub index: RaftIndex,
}

/// What a secret resolves to on a server: the token, and every policy it reaches (its own,
/// then its roles', each once), in that order. Expired tokens resolve to nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AclIdentity {
    pub token: AclToken,
    pub policies: Vec<AclPolicy>,
    /// Service identities of the token and of its roles.
    pub service_identities: Vec<ServiceIdentity>,
}

/// ACL writes. Users' writes of policies, roles and global tokens are applied in the primary;
/// IDs, secrets and times are chosen before proposing, so every server applies the same.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum AclOp {
    /// The primary's leader, on every leadership gain: the `global-management` policy (its
    /// rules restored if they differ; a chosen name and description kept) and the anonymous
    /// token, each made if missing.
    InstallBuiltins {
        create_time: String,
    },
    /// `/v1/acl/bootstrap`: the first management token, once. Again only with the reset index
    /// the refusal named (`reset_index`).
    Bootstrap {
        token: Box<AclToken>,
        reset_index: Option<u64>,
    },
    /// Creates (`create`) or updates a token. Links may name policies and roles by ID or by
    /// name; unknown ones are refused.
    TokenSet {
        token: Box<AclToken>,
        create: bool,
    },
    TokenDelete {
        accessor_id: String,
    },
    PolicySet {
        policy: Box<AclPolicy>,
        create: bool,
    },
    PolicyDelete {
        id: String,
    },
    RoleSet {
        role: Box<AclRole>,
        create: bool,
    },
    RoleDelete {
        id: String,
    },
    /// A secondary's replication: its policies, roles and global tokens become the primary's
    /// (their content kept as it is; local tokens stay), in one step.
    Replace(Box<AclSet>),
}

/// What the primary replicates: every policy and role, and every global token (with its
/// secret: a secondary resolves them itself).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AclSet {
    pub policies: Vec<AclPolicy>,
    pub roles: Vec<AclRole>,
    pub tokens: Vec<AclToken>,
}

/// The content of a token, policy or role as its `Hash` covers it: base64 of SHA-256 over its
/// JSON without indexes, hash, or names of links (which are re-filled on read).
pub(super) fn content_hash<T: Serialize>(value: &T) -> String {
    use base64::Engine;
    let mut json = serde_json::to_value(value).unwrap_or_default();
    if let Some(map) = json.as_object_mut() {
        for key in ["Hash", "CreateIndex", "ModifyIndex", "CreateTime"] {
            map.remove(key);
        }
        for links in ["Policies", "Roles"] {
            if let Some(serde_json::Value::Array(items)) = map.get_mut(links) {
                for item in items {
                    if let Some(link) = item.as_object_mut() {
                        link.remove("Name");
                    }
                }
            }
        }
    }
    let digest = ring::digest::digest(&ring::digest::SHA256, json.to_string().as_bytes());
    base64::engine::general_purpose::STANDARD.encode(digest.as_ref())
}
