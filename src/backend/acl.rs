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
use crate::rpc::message::Request;
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

    /// The context a request goes to another datacenter with: a local token stays here (it is
    /// stripped and the request is served there as the anonymous token, as the reference does);
    /// a global token travels. `None`: unchanged.
    pub(super) fn for_other_datacenter(
        &self,
        raft: &RaftNode,
        ctx: &RequestContext,
        dc: &str,
    ) -> Option<RequestContext> {
        self.inner.acl.as_ref()?;
        let secret = ctx.token.as_deref().filter(|t| !t.is_empty())?;
        let local = raft.state().read(|s| s.acl_token_by_secret(secret).is_some_and(|t| t.local));
        if !local {
            return None;
        }
        tracing::info!(datacenter = %dc, "a local token stays in its datacenter: the request is served there as the anonymous token");
        let mut stripped = ctx.clone();
        stripped.token = Some(String::new());
        Some(stripped)
    }

    /// On a server: the authorizer of the request's token from this server's state (`None`
    /// while ACLs are off). A secondary that does not know the token (one made in the primary
    /// since the last replication round) asks the primary; while the primary cannot answer,
    /// `down_policy` decides, and an unknown token never gets more than the default policy.
    pub(super) async fn authorizer_here(
        &self,
        raft: &RaftNode,
        ctx: &RequestContext,
    ) -> Result<Option<Authorizer>, RequestError> {
        let Some(acl) = &self.inner.acl else { return Ok(None) };
        let secret = secret_of(ctx.token.as_deref());
        let local = raft.state().read(|s| acl.resolver.resolve(s, secret));
        match (local, self.primary_datacenter()) {
            (Err(crate::acl::ResolveError::NotFound), Some(primary)) if primary != self.datacenter() => {
                self.resolve_at_primary(acl, &primary, secret).await.map(Some)
            }
            (other, _) => other.map(Some).map_err(denied),
        }
    }

    fn primary_datacenter(&self) -> Option<String> {
        match &self.inner.local {
            super::Local::Server { router, .. } => Some(router.primary_datacenter().to_owned()),
            super::Local::Client(_) => None,
        }
    }

    /// A secondary's question to the primary about a token it does not hold.
    /// Boxed: the read is served at the primary by this same path, and a future cannot hold
    /// itself.
    fn resolve_at_primary<'a>(
        &'a self,
        acl: &'a BackendAcl,
        primary: &'a str,
        secret: &'a str,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<Authorizer, RequestError>> + Send + 'a>> {
        Box::pin(async move {
            let cached = acl.resolved.lock().ok().and_then(|c| c.get(secret).cloned());
            if let Some((at, authz)) = &cached
                && at.elapsed() < acl.settings.token_ttl
            {
                return Ok(authz.clone());
            }
            let mut at_primary = RequestContext::new().in_datacenter(Some(primary));
            // What a secret is needs no token; this is not the agent's own work either.
            at_primary.token = Some(String::new());
            let read = Request::Read(ReadRequest::now(Query::AclIdentity { secret: secret.to_owned() }));
            match self.forward(&at_primary, &read).await {
                Ok(crate::rpc::message::Reply::Read(reply)) => {
                    let QueryResult::AclIdentity(Some(identity)) = reply.result else {
                        return Err(denied(crate::acl::ResolveError::NotFound));
                    };
                    if identity.token.local {
                        return Err(RequestError::PermissionDenied(format!(
                            "Permission denied: This is a local token in datacenter {primary:?}"
                        )));
                    }
                    let authz = acl.resolver.of_identity(&identity).map_err(denied)?;
                    if let Ok(mut cache) = acl.resolved.lock() {
                        cache.insert(secret.to_owned(), (Instant::now(), authz.clone()));
                    }
                    Ok(authz)
                }
                Ok(other) => Err(RequestError::Protocol(format!("the primary answered a token read with {other:?}"))),
                Err(e @ RequestError::PermissionDenied(_)) => Err(e),
                Err(e) => {
                    tracing::warn!(error = %e, "Error resolving token: the primary datacenter cannot be reached");
                    Ok(down(&acl.settings, cached.map(|(_, a)| a)))
                }
            }
        })
    }

    /// The authorizer of `ctx`'s token, wherever this agent runs (`None` while ACLs are off):
    /// what the agent's own endpoints ask before they act.
    pub async fn authorizer(&self, ctx: &RequestContext) -> Result<Option<Authorizer>, RequestError> {
        let Some(acl) = &self.inner.acl else { return Ok(None) };
        if let Some(raft) = self.raft() {
            return self.authorizer_here(raft, ctx).await;
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
        Request::Apply(_)
        | Request::RemovePeer(_)
        | Request::ConnectSign { .. }
        | Request::ConnectCaSetConfig(_)
        | Request::Keyring { .. }
        | Request::SessionRenew { .. } => true,
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
        Request::Keyring { op, .. } => {
            let access = if *op == crate::gossip::KeyringOp::List { Access::Read } else { Access::Write };
            authz.check(&Permission::scalar(Scalar::Keyring, access)).map_err(denied)
        }
        // Renewing needs write on the session's node (an unknown session: not found later).
        Request::SessionRenew { id } => match raft.state().read(|s| s.session(id).map(|s| s.node.clone())) {
            Some(node) => {
                authz.check(&Permission::on(crate::acl::Resource::Session, &node, Access::Write)).map_err(denied)
            }
            None => Ok(()),
        },
        // A leaf is checked once the CSR's service is known (`serve`); the rest is open.
        Request::ConnectSign { .. }
        | Request::ConnectSignIntermediate { .. }
        | Request::Ping
        | Request::Status
        | Request::Datacenters => Ok(()),
    }
}
