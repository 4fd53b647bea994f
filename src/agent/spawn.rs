//! Spawning a built agent: raft first (the one step that can still fail), then every task,
//! each into the agent's one task set.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::sync::watch;

use super::build::{Agent, Listeners};
use super::running::Running;
use super::{AgentError, StartOptions, cluster, identity};
use crate::backend::{Backend, BackendAcl, Router, ServerPool};
use crate::config::AgentConfig;
use crate::federation::replicator;
use crate::federation::{AclTable, ConfigEntryTable, FederationStateTable, Replications};
use crate::gossip::Gossip;
use crate::http::{AgentInfo, ApiState, AppState, Metrics};
use crate::local::sync::NodeIdentity;
use crate::local::{LeafCache, LocalState, RootsWatch};
use crate::proxycfg::{Manager, ManagerOptions};
use crate::raft::{RaftNode, RaftOptions, ServerNode, node_id_for};
use crate::rpc::message::PeerInfo;
use crate::rpc::{RpcClient, ServerOptions};
use crate::tasks::TaskSet;
use crate::tls::AgentTls;
use crate::wan::Locator;
use crate::xds::{Ads, XdsGuard, XdsStatus};

/// The tasks being spawned, in two sets that stop in turn: the edges (listeners and their
/// connections and streams) first, then everything else (gossip, the loops, proxy config).
struct Wiring<'a> {
    cfg: &'a AgentConfig,
    edges: TaskSet,
    stop_edges: watch::Sender<bool>,
    tasks: TaskSet,
    shutdown: &'a watch::Sender<bool>,
}

impl Wiring<'_> {
    fn spawn(&mut self, name: &'static str, task: impl Future<Output = ()> + Send + 'static) {
        self.tasks.spawn(name, task);
    }

    fn stop(&self) -> watch::Receiver<bool> {
        self.shutdown.subscribe()
    }

    /// Spawns a listener's task, given the edges' stop signal.
    fn spawn_edge<F: Future<Output = ()> + Send + 'static>(
        &mut self,
        name: &'static str,
        task: impl FnOnce(watch::Receiver<bool>) -> F,
    ) {
        let stop = self.stop_edges.subscribe();
        self.edges.spawn(name, task(stop));
    }
}

impl Agent {
    /// Starts raft and every task; the returned [`Running`] owns them all.
    pub async fn spawn(self) -> Result<Running, AgentError> {
        let Agent { cfg, opts, node_id, tls, listeners, rpc, locator, tunnel, lan, wan, local, shutdown } = self;
        let rpc_addr = SocketAddr::new(cfg.advertise_addr, listeners.server_port).to_string();
        let raft = match cfg.server {
            true => Some(start_raft(&cfg, &rpc_addr, &rpc).await?),
            false => None,
        };
        let (stop_edges, _) = watch::channel(false);
        let mut w = Wiring { cfg: &cfg, edges: TaskSet::new(), stop_edges, tasks: TaskSet::new(), shutdown: &shutdown };
        let lan = lan.map(|p| {
            w.spawn("lan gossip", p.task);
            p.gossip
        });
        let wan = wan.map(|p| {
            w.spawn("wan gossip", p.task);
            p.gossip
        });
        let router =
            Router::new(wan.clone(), &cfg.datacenter).via_gateways(locator.is_some()).primary(&cfg.primary_datacenter);
        let me = PeerInfo {
            node: cfg.node_name.clone(),
            datacenter: cfg.datacenter.clone(),
            server: cfg.server,
            leaving: false,
        };
        let acl = cfg.acl.enabled.then(|| {
            let tokens = crate::acl::AgentTokens::new(cfg.acl_tokens.clone());
            BackendAcl::new(cfg.acl.clone(), &cfg.datacenter, tokens)
        });
        let backend = match (&raft, &lan) {
            (Some(node), _) => Backend::server(node.clone(), rpc.clone(), router.clone(), me, acl),
            (None, Some(g)) => Backend::client(ServerPool::new(g.clone(), &cfg.datacenter), rpc.clone(), me, acl),
            (None, None) => return Err(AgentError::NoGossip("a client agent")),
        };
        if let Some(node) = &raft {
            backend.set_pools(crate::backend::Pools { lan: lan.clone(), wan: wan.clone() });
            w.spawn("session ttl", backend.clone().run_session_ttl(node.clone(), w.stop()));
        }
        w.membership(&rpc, &router, raft.as_ref(), lan.as_ref(), wan.as_ref(), locator.is_some());
        let replications = w.federation(raft.as_ref(), &backend, router, locator.as_ref(), tls.as_ref());
        let (proxycfg, leaves) = w.local(&opts, &node_id, &local, &backend, locator.as_ref(), listeners.server_port);
        let (dns_addr, dns_advertised) = (listeners.dns_addr(), listeners.dns_advertised(&cfg));
        let Listeners { http, https, grpc, grpc_tls, dns, server, server_port } = listeners;
        if let Some(listener) = server {
            w.server_port(listener, &backend, tls.clone(), wan.as_ref().filter(|_| locator.is_some()));
        }
        let xds = XdsStatus::default();
        let guard = backend.acl_enabled().then(|| XdsGuard { backend: backend.clone(), local: local.clone() });
        let (grpc_addr, grpc_tls_addr) = w.xds(grpc, grpc_tls, &proxycfg, &xds, guard);
        if let Some((udp, tcp)) = dns {
            let (backend, settings, datacenter) = (backend.clone(), cfg.dns.clone(), cfg.datacenter.clone());
            w.spawn_edge("dns", |stop| crate::dns::serve(backend, settings, datacenter, udp, tcp, stop));
        }
        let left = Arc::new(tokio::sync::Notify::new());
        let http_addr = http.as_ref().and_then(|l| l.local_addr().ok());
        let https_addr = https.as_ref().and_then(|(l, _)| l.local_addr().ok());
        if http.is_some() || https.is_some() {
            let state = ApiState {
                leaves,
                proxycfg: proxycfg.clone(),
                backend: backend.clone(),
                local: local.clone(),
                info: Arc::new(agent_info(&cfg, node_id, server_port, grpc_addr, grpc_tls_addr, dns_advertised)),
                metrics: Arc::new(Metrics::default()),
                gossip: lan.clone(),
                wan: wan.clone(),
                replications,
                left: left.clone(),
                xds: xds.clone(),
                locator: locator.clone(),
                tls: tls.clone(),
            };
            let state = AppState::new(state);
            if let Some(listener) = http {
                let state = state.clone();
                w.spawn_edge("http server", |stop| crate::http::serve(listener, state, None, cfg.limits.http, stop));
            }
            if let Some((listener, config)) = https {
                w.spawn_edge("https server", |stop| {
                    crate::http::serve(listener, state, Some(config), cfg.limits.http, stop)
                });
            }
        }
        tracing::info!(node = %cfg.node_name, datacenter = %cfg.datacenter, server = cfg.server, http = %http_addr.map_or("disabled".to_owned(), |a| a.to_string()), "agent started");
        let Wiring { edges, stop_edges, tasks, .. } = w;
        Ok(Running {
            http_addr,
            https_addr,
            dns_addr,
            grpc_addr,
            grpc_tls_addr,
            proxycfg,
            xds,
            rpc_addr: if cfg.server { rpc_addr } else { String::new() },
            gossip: lan,
            wan,
            left,
            backend,
            local,
            config: cfg,
            stop_edges,
            edges,
            shutdown,
            tasks,
            rpc,
            tunnel,
        })
    }
}

/// What `/v1/agent/self` and friends show of this agent.
fn agent_info(
    cfg: &AgentConfig,
    node_id: String,
    server_port: u16,
    grpc: Option<SocketAddr>,
    grpc_tls: Option<SocketAddr>,
    dns: String,
) -> AgentInfo {
    AgentInfo {
        node_name: cfg.node_name.clone(),
        node_id,
        datacenter: cfg.datacenter.clone(),
        primary_datacenter: cfg.primary_datacenter.clone(),
        domain: cfg.domain.clone(),
        server: cfg.server,
        advertise_addr: cfg.advertise_addr.to_string(),
        server_port,
        serf_lan_port: cfg.ports.serf_lan.unwrap_or(8301),
        grpc_port: grpc.map_or(0, |a| a.port()),
        grpc_tls_port: grpc_tls.map_or(0, |a| a.port()),
        dns,
        session_ttl_min: cfg.session_ttl_min,
        version: env!("CARGO_PKG_VERSION").to_owned(),
        intention_default: cfg.intention_default(),
        data_dir: cfg.data_dir.clone(),
    }
}

/// Opens raft's storage and starts it; a single-server datacenter (`bootstrap_expect = 1`)
/// forms its cluster at once.
async fn start_raft(cfg: &AgentConfig, rpc_addr: &str, rpc: &RpcClient) -> Result<RaftNode, AgentError> {
    let opts = RaftOptions {
        data_dir: cfg.data_dir.clone(),
        node_id: node_id_for(&cfg.node_name),
        node_name: cfg.node_name.clone(),
        datacenter: cfg.datacenter.clone(),
        rpc_addr: rpc_addr.to_owned(),
        snapshot_threshold: cfg.raft_snapshot_threshold,
        // Trailing entries kept behind a snapshot for lagging followers: at most one
        // snapshot's worth, so a small threshold really bounds the log.
        keep_after_snapshot: cfg.raft_snapshot_threshold.min(1024),
    };
    let node = RaftNode::start(&opts, rpc.clone()).await?;
    if cfg.bootstrap_expect == 1 {
        let me = ServerNode { name: cfg.node_name.clone(), addr: rpc_addr.to_owned() };
        if let Err(e) = node.bootstrap(&[(opts.node_id, me)]).await {
            node.shutdown().await;
            return Err(AgentError::Bootstrap(e.to_string()));
        }
    }
    Ok(node)
}

impl Wiring<'_> {
    /// Forming and keeping the datacenter and the WAN pool: joins, raft's bootstrap and the
    /// leader's reconciliation of members into voters, WAN introductions.
    fn membership(
        &mut self,
        rpc: &RpcClient,
        router: &Router,
        raft: Option<&RaftNode>,
        lan: Option<&Gossip>,
        wan: Option<&Gossip>,
        via_gateways: bool,
    ) {
        let cfg = self.cfg;
        if let Some(wan) = wan {
            self.spawn("wan join", cluster::run_join(wan.clone(), cfg.retry_join_wan.clone(), 8302, self.stop()));
            let confirmed = router.confirmed().clone();
            let confirm =
                cluster::run_wan_confirm(wan.clone(), rpc.clone(), confirmed, cfg.datacenter.clone(), self.stop());
            self.spawn("wan member confirmation", confirm);
            if via_gateways && cfg.datacenter != cfg.primary_datacenter {
                let join = cluster::run_gateway_join(wan.clone(), cfg.primary_datacenter.clone(), self.stop());
                self.spawn("wan join through gateways", join);
            }
        }
        let Some(lan) = lan else { return };
        self.spawn("lan join", cluster::run_join(lan.clone(), cfg.retry_join.clone(), 8301, self.stop()));
        if let Some(node) = raft {
            if cfg.bootstrap_expect > 1 {
                let (g, r, dc) = (lan.clone(), node.clone(), cfg.datacenter.clone());
                let bootstrap = cluster::run_bootstrap(g, r, rpc.clone(), cfg.bootstrap_expect, dc, self.stop());
                self.spawn("raft bootstrap", bootstrap);
            }
            let (g, r, dc) = (lan.clone(), node.clone(), cfg.datacenter.clone());
            let reconcile = cluster::run_reconcile(g, r, rpc.clone(), dc, self.stop());
            self.spawn("membership reconcile", reconcile);
        }
        if let Some(wan) = wan {
            let flood = cluster::run_wan_flood(lan.clone(), wan.clone(), cfg.datacenter.clone(), self.stop());
            self.spawn("wan flood join", flood);
        }
    }

    /// Servers: the gateway locator's upkeep, the Connect CA, federation-state anti-entropy
    /// everywhere, replication (federation states, config entries) in secondaries and pruning
    /// in the primary. Returns the two replications' statuses.
    fn federation(
        &mut self,
        raft: Option<&RaftNode>,
        backend: &Backend,
        router: Router,
        locator: Option<&Locator>,
        tls: Option<&Arc<AgentTls>>,
    ) -> Replications {
        let cfg = self.cfg;
        let replications = Replications::default();
        let Some(node) = raft else { return replications };
        if let Some(locator) = locator {
            self.spawn(
                "locator refresh",
                crate::wan::run_locator_refresh(locator.clone(), node.state().clone(), self.stop()),
            );
            if let Some(tls) = tls {
                self.spawn("gateway prober", crate::wan::run_gateway_prober(locator.clone(), tls.clone(), self.stop()));
            }
            let (entries, every) = (cfg.primary_gateways.clone(), cfg.primary_gateways_interval);
            let discovery = crate::wan::run_primary_gateway_discovery(locator.clone(), entries, every, self.stop());
            self.spawn("primary gateway discovery", discovery);
        }
        let (dc, primary) = (cfg.datacenter.clone(), cfg.primary_datacenter.clone());
        let ca =
            crate::federation::run_connect_ca(node.clone(), backend.clone(), dc.clone(), primary.clone(), self.stop());
        self.spawn("connect ca", ca);
        let anti_entropy = crate::federation::run_anti_entropy(
            node.clone(),
            backend.clone(),
            dc.clone(),
            primary.clone(),
            self.stop(),
        );
        self.spawn("federation anti-entropy", anti_entropy);
        if dc != primary {
            let status = replications.federation_states.clone();
            let (raft, stop) = (node.clone(), self.stop());
            let replicate = replicator::run(FederationStateTable, raft, backend.clone(), primary.clone(), status, stop);
            self.spawn("federation replication", replicate);
            let (raft, status, stop) = (node.clone(), replications.config_entries.clone(), self.stop());
            let replicate = replicator::run(ConfigEntryTable, raft, backend.clone(), primary.clone(), status, stop);
            self.spawn("config entry replication", replicate);
            if cfg.acl.enabled {
                let (raft, status, stop) = (node.clone(), replications.acl.clone(), self.stop());
                let replicate = replicator::run(AclTable, raft, backend.clone(), primary, status, stop);
                self.spawn("acl replication", replicate);
            }
        } else {
            if cfg.acl.enabled {
                let master = cfg.acl_master_token.clone();
                self.spawn("acl built-ins", crate::federation::run_acl_builtins(node.clone(), master, self.stop()));
            }
            let grace = cfg.federation_state_prune_grace;
            self.spawn("federation pruning", crate::federation::run_pruning(node.clone(), router, grace, self.stop()));
        }
        replications
    }

    /// Everyone: anti-entropy of the agent's services and checks, and the proxy config of its
    /// gateways.
    fn local(
        &mut self,
        opts: &StartOptions,
        node_id: &str,
        local: &Arc<LocalState>,
        backend: &Backend,
        locator: Option<&Locator>,
        server_port: u16,
    ) -> (Manager, LeafCache) {
        let cfg = self.cfg;
        let node_identity = NodeIdentity {
            node: cfg.node_name.clone(),
            id: node_id.to_owned(),
            address: cfg.advertise_addr.to_string(),
            datacenter: cfg.datacenter.clone(),
            tagged_addresses: BTreeMap::from([
                ("lan".to_owned(), cfg.advertise_addr.to_string()),
                ("wan".to_owned(), cfg.advertise_addr.to_string()),
            ]),
            meta: BTreeMap::new(),
        };
        let managed = identity::managed_entries(cfg, server_port);
        let sync =
            crate::local::sync::run(local.clone(), backend.clone(), node_identity, managed, opts.sync, self.stop());
        self.spawn("anti-entropy", sync);
        let (roots, task) = RootsWatch::new(backend.clone(), self.stop());
        self.spawn("ca roots watch", task);
        let (leaves, task) = LeafCache::new(backend.clone(), roots, local.clone(), &cfg.datacenter, self.stop());
        self.spawn("leaf certificates", task);
        let manager_opts = ManagerOptions {
            primary_datacenter: Some(cfg.primary_datacenter.clone()),
            primary_fallback: locator.map(|l| l.fallback()),
            intention_default: cfg.intention_default(),
            ..opts.proxycfg.clone()
        };
        let (manager, task) = Manager::new(
            local.clone(),
            backend.clone(),
            leaves.clone(),
            &cfg.datacenter,
            &cfg.domain,
            manager_opts,
            self.stop(),
        );
        self.spawn("proxycfg", task);
        (manager, leaves)
    }

    /// xDS for the agent's gateways, on the plaintext and the TLS port; their addresses.
    fn xds(
        &mut self,
        plain: Option<TcpListener>,
        tls: Option<(TcpListener, Arc<rustls::ServerConfig>)>,
        proxycfg: &Manager,
        status: &XdsStatus,
        guard: Option<XdsGuard>,
    ) -> (Option<SocketAddr>, Option<SocketAddr>) {
        let addrs =
            (plain.as_ref().and_then(|l| l.local_addr().ok()), tls.as_ref().and_then(|(l, _)| l.local_addr().ok()));
        for (listener, tls) in plain.map(|l| (l, None)).into_iter().chain(tls.map(|(l, c)| (l, Some(c)))) {
            let (proxycfg, status, limits, guard) =
                (proxycfg.clone(), status.clone(), self.cfg.limits.http, guard.clone());
            self.spawn_edge("xds server", move |stop| {
                crate::xds::serve(listener, Ads::new(proxycfg, status, stop, guard), tls, limits)
            });
        }
        addrs
    }

    /// The server port: RPC and raft, and (through gateways) WAN gossip packets.
    fn server_port(
        &mut self,
        listener: TcpListener,
        backend: &Backend,
        tls: Option<Arc<AgentTls>>,
        wan: Option<&Gossip>,
    ) {
        let handlers = crate::backend::server_handlers(backend.clone(), tls.clone());
        let options = ServerOptions {
            tls,
            gossip_packets: wan.map(Gossip::ingest),
            handshake_timeout: self.cfg.limits.rpc_handshake_timeout,
            ..ServerOptions::default()
        };
        self.spawn_edge("server port", |stop| crate::rpc::serve(listener, options, handlers, stop));
    }
}
