//! Authorization on the request path. A server decides every request it serves, once, from its
//! own copy of the ACL tables: a write's permissions before it is proposed, a read's before it
//! runs, and the read's result is filtered after. A client agent resolves a token (for its own
//! endpoints) through its servers and keeps the answer `token_ttl`; while no server answers it
//! follows `down_policy`, and a token it never resolved gets at most the default policy.

use std::collections::HashMap;
use std::sync::Mutex;

use tokio::time::Instant;

use super::Backend;
use crate::acl::{AclSettings, AgentTokens, Authorizer, DownPolicy, Permission, Resolver, TokenKind, secret_of};
use crate::raft::RaftNode;
use crate::state::{Query, QueryResult, ReadRequest, RequestContext, RequestError};

/// What the backend needs of the ACL system (present only while ACLs are enabled).
#[derive(Debug)]
pub struct BackendAcl {
    settings: AclSettings,
    resolver: Resolver,
    tokens: AgentTokens,
    /// Client agents: secret -> when it was resolved, and its authorizer.
    resolved: Mutex<HashMap<String, (Instant, Authorizer)>>,
}

impl BackendAcl {
    pub fn new(settings: AclSettings, datacenter: &str, tokens: AgentTokens) -> BackendAcl {
        let resolver = Resolver::new(datacenter, settings.default_allow);
        BackendAcl { settings, resolver, tokens, resolved: Mutex::default() }
    }
}

/// A denial as the one request error (403 at the HTTP edge).
fn denied(e: impl std::fmt::Display) -> RequestError {
    RequestError::PermissionDenied(e.to_string())
}

impl Backend {
    /// The agent's own tokens (empty ones while ACLs are off).
    pub fn agent_tokens(&self) -> AgentTokens {
        self.inner.acl.as_ref().map(|a| a.tokens.clone()).unwrap_or_default()
    }

    /// Whether ACLs are enabled.
    pub fn acl_enabled(&self) -> bool {
        self.inner.acl.is_some()
    }

    /// The token a request of this agent's own (one without a token) is sent with: the agent
    /// token. A request from a user always carries one (the edge fills in the default token).
    pub(super) fn with_agent_token(&self, ctx: &RequestContext) -> Option<RequestContext> {
        let acl = self.inner.acl.as_ref()?;
        if ctx.token.is_some() {
            return None;
        }
        let mut ctx = ctx.clone();
        ctx.token = Some(acl.tokens.get(TokenKind::Agent));
        Some(ctx)
    }

    /// On a server: the authorizer of the request's token from this server's state (`None`
    /// while ACLs are off).
    pub(super) fn authorizer_here(
        &self,
        raft: &RaftNode,
        ctx: &RequestContext,
    ) -> Result<Option<Authorizer>, RequestError> {
        let Some(acl) = &self.inner.acl else { return Ok(None) };
        let secret = secret_of(ctx.token.as_deref());
        raft.state().read(|s| acl.resolver.resolve(s, secret)).map(Some).map_err(denied)
    }

    /// The authorizer of `ctx`'s token, wherever this agent runs (`None` while ACLs are off):
    /// what the agent's own endpoints ask before they act.
    pub async fn authorizer(&self, ctx: &RequestContext) -> Result<Option<Authorizer>, RequestError> {
        let Some(acl) = &self.inner.acl else { return Ok(None) };
        if let Some(raft) = self.raft() {
            return self.authorizer_here(raft, ctx);
        }
        let secret = secret_of(ctx.token.as_deref()).to_owned();
        let cached = acl.resolved.lock().ok().and_then(|c| c.get(&secret).cloned());
        if let Some((at, authz)) = &cached
            && at.elapsed() < acl.settings.token_ttl
        {
            return Ok(Some(authz.clone()));
        }
        let read = ReadRequest::now(Query::AclIdentity { secret: secret.clone() });
        let at_servers = RequestContext::new().stale();
        match self.read(&at_servers, read).await {
            Ok(reply) => {
                let QueryResult::AclIdentity(Some(identity)) = reply.result else {
                    return Err(denied(crate::acl::ResolveError::NotFound));
                };
                let authz = acl.resolver.of_identity(&identity).map_err(denied)?;
                if let Ok(mut cache) = acl.resolved.lock() {
                    cache.insert(secret, (Instant::now(), authz.clone()));
                }
                Ok(Some(authz))
            }
            Err(e @ (RequestError::PermissionDenied(_) | RequestError::NotFound(_))) => Err(e),
            Err(e) => {
                tracing::warn!(error = %e, "Error resolving token");
                Ok(Some(down(&acl.settings, cached.map(|(_, a)| a))))
            }
        }
    }

    /// Checks one permission of `ctx`'s token (nothing while ACLs are off).
    pub async fn authorize(&self, ctx: &RequestContext, permission: &Permission) -> Result<(), RequestError> {
        match self.authorizer(ctx).await? {
            Some(authz) => authz.check(permission).map_err(denied),
            None => Ok(()),
        }
    }
}

/// What a token gets while its servers cannot be reached: never more than the default policy
/// unless it was resolved before (and the down policy keeps what was resolved).
fn down(settings: &AclSettings, cached: Option<Authorizer>) -> Authorizer {
    let default = || Authorizer::new(crate::acl::Rules::default(), settings.default_allow, "an unresolved token");
    match (settings.down_policy, cached) {
        (DownPolicy::Deny, _) => Authorizer::deny_all("an unresolved token (down_policy = \"deny\")"),
        (DownPolicy::ExtendCache | DownPolicy::AsyncCache, Some(authz)) => authz,
        _ => default(),
    }
}

/// Whether serving `request` needs its token resolved: not for what anyone may ask (a ping,
/// who leads, the datacenters, what a secret is, the CA's roots, whether bootstrap is open).
pub(super) fn needs_token(request: &crate::rpc::message::Request) -> bool {
    use crate::rpc::message::Request;
    match request {
        Request::Ping | Request::Status | Request::Datacenters | Request::ConnectSignIntermediate { .. } => false,
        Request::Read(read) => !matches!(
            read.query,
            Query::AclIdentity { .. } | Query::AclTokenBySecret { .. } | Query::AclBootstrap | Query::CaRoots
        ),
        // Anyone may bootstrap, once.
        Request::Apply(crate::state::Command::Acl(crate::state::AclOp::Bootstrap { .. })) => false,
        Request::Apply(_) | Request::RemovePeer(_) | Request::ConnectSign { .. } | Request::ConnectCaSetConfig(_) => {
            true
        }
    }
}

/// Checks a write, a read, or a request of another kind on the server serving it.
pub(super) fn check_request(
    authz: &Authorizer,
    raft: &RaftNode,
    request: &crate::rpc::message::Request,
) -> Result<(), RequestError> {
    use crate::acl::{Access, Scalar, access};
    use crate::rpc::message::Request;
    match request {
        Request::Apply(command) => raft.state().read(|s| access::check_command(authz, s, command)).map_err(denied),
        Request::Read(read) => access::check_read(authz, &read.query).map_err(denied),
        Request::RemovePeer(_) | Request::ConnectCaSetConfig(_) => {
            authz.check(&Permission::scalar(Scalar::Operator, Access::Write)).map_err(denied)
        }
        // A leaf is checked once the CSR's service is known (`serve`); the rest is open.
        Request::ConnectSign { .. }
        | Request::ConnectSignIntermediate { .. }
        | Request::Ping
        | Request::Status
        | Request::Datacenters => Ok(()),
    }
}
