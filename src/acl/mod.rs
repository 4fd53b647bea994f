//! The ACL system's authorizer: the rule language, how a token's policies decide a request,
//! what each request needs, and resolving a secret to its authority. Pure, apart from the
//! caches of compiled policies; the backend calls it once per request where the request is
//! served.

pub mod access;
mod authorizer;
mod parse;
mod resolve;
mod rules;

use std::sync::{Arc, RwLock};

pub use authorizer::{Authorizer, Decision, Denied, Permission};
pub use resolve::{ResolveError, Resolver, authorizer_of, secret_of};
pub use rules::{Access, Disposition, Resource, Rule, Rules, RulesError, Scalar, Segments};

/// `acl.down_policy`: what a token gets when the servers that would resolve it cannot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DownPolicy {
    /// The default policy (never more).
    Allow,
    /// Nothing.
    Deny,
    /// What was last resolved, however old; else the default policy.
    #[default]
    ExtendCache,
    /// As `ExtendCache`, refreshing in the background.
    AsyncCache,
}

impl DownPolicy {
    pub fn parse(text: &str) -> Option<DownPolicy> {
        match text {
            "allow" => Some(DownPolicy::Allow),
            "deny" => Some(DownPolicy::Deny),
            "extend-cache" => Some(DownPolicy::ExtendCache),
            "async-cache" => Some(DownPolicy::AsyncCache),
            _ => None,
        }
    }
}

/// The `acl { }` settings of an agent.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AclSettings {
    pub enabled: bool,
    /// `default_policy = "allow"`.
    pub default_allow: bool,
    pub down_policy: DownPolicy,
    pub token_ttl: std::time::Duration,
}

/// Which of the agent's own tokens (`acl { tokens { .. } }`, `PUT /v1/agent/token/<kind>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Requests that bring no token (and DNS).
    Default,
    /// The agent's own work: its node's registration, anti-entropy.
    Agent,
    /// Resolved on the agent alone, for operating it while servers are away.
    AgentMaster,
    /// Secondary servers' replication from the primary.
    Replication,
}

impl TokenKind {
    /// The kind a `/v1/agent/token/<name>` names (legacy names too).
    pub fn parse(name: &str) -> Option<TokenKind> {
        match name {
            "default" | "acl_token" => Some(TokenKind::Default),
            "agent" | "acl_agent_token" => Some(TokenKind::Agent),
            "agent_master" | "acl_agent_master_token" => Some(TokenKind::AgentMaster),
            "replication" | "acl_replication_token" => Some(TokenKind::Replication),
            _ => None,
        }
    }
}

/// The agent's own tokens; shared by every part that acts in the agent's name.
#[derive(Debug, Clone, Default)]
pub struct AgentTokens(Arc<RwLock<Tokens>>);

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tokens {
    pub default: String,
    pub agent: String,
    pub agent_master: String,
    pub replication: String,
}

impl AgentTokens {
    pub fn new(tokens: Tokens) -> AgentTokens {
        AgentTokens(Arc::new(RwLock::new(tokens)))
    }

    pub fn get(&self, kind: TokenKind) -> String {
        let t = self.0.read().unwrap_or_else(|e| e.into_inner());
        match kind {
            TokenKind::Default => t.default.clone(),
            // The agent token falls back to the default token.
            TokenKind::Agent if t.agent.is_empty() => t.default.clone(),
            TokenKind::Agent => t.agent.clone(),
            TokenKind::AgentMaster => t.agent_master.clone(),
            TokenKind::Replication => t.replication.clone(),
        }
    }

    pub fn set(&self, kind: TokenKind, value: String) {
        let mut t = self.0.write().unwrap_or_else(|e| e.into_inner());
        match kind {
            TokenKind::Default => t.default = value,
            TokenKind::Agent => t.agent = value,
            TokenKind::AgentMaster => t.agent_master = value,
            TokenKind::Replication => t.replication = value,
        }
    }

    /// The token of a request that brought none: the default token (empty: anonymous).
    pub fn or_default(&self, token: Option<String>) -> String {
        token.filter(|t| !t.is_empty()).unwrap_or_else(|| self.get(TokenKind::Default))
    }
}
