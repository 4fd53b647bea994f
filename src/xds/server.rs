//! The ADS server (state of the world, xDS v3) on the agent's gRPC port.
//!
//! One task per stream. The first request names the proxy (`node.id` = the gateway's or
//! sidecar's service ID); the stream then follows that proxy's latest snapshot. A snapshot whose
//! resources changed bumps the stream's config version, and each subscribed type whose
//! resources changed (endpoints also whenever clusters did) gets its full set again, in
//! the order clusters, endpoints, listeners (clusters exist before the endpoints that fill
//! them and before the listeners that route to them). A request is an ACK or NACK only if it
//! carries the last nonce sent for its type; older nonces are stale and ignored. A NACK is
//! logged with Envoy's error detail and kept in [`XdsStatus`], and the rejected set is not
//! retried. Envoy applies a state-of-the-world update partly even when it rejects it (it
//! removes listeners missing from the new set before failing to add the bad one), so after a
//! NACK the last acknowledged set of that type is sent again: Envoy returns to exactly its
//! last good configuration and stays there until the next snapshot.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use envoy_types::pb::envoy::service::discovery::v3::aggregated_discovery_service_server::{
    AggregatedDiscoveryService, AggregatedDiscoveryServiceServer,
};
use envoy_types::pb::envoy::service::discovery::v3::{
    DeltaDiscoveryRequest, DeltaDiscoveryResponse, DiscoveryRequest, DiscoveryResponse,
};
use envoy_types::pb::google::protobuf::Any;
use envoy_types::util::pack_any;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::{mpsc, watch};
use tokio_stream::Stream;
use tokio_stream::wrappers::ReceiverStream;
use tonic::{Request, Response, Status, Streaming};
use tracing::Instrument;

use super::status::{Nack, XdsStatus, now_rfc3339};
use super::{Resources, resources_for};
use crate::proxycfg::Manager;
use crate::serve::{ConnLimits, Protocol, ServeOptions};
use crate::tasks::{SharedTasks, stopped};

pub const CLUSTER_TYPE: &str = "type.googleapis.com/envoy.config.cluster.v3.Cluster";
pub const ENDPOINT_TYPE: &str = "type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment";
pub const ROUTE_TYPE: &str = "type.googleapis.com/envoy.config.route.v3.RouteConfiguration";
pub const LISTENER_TYPE: &str = "type.googleapis.com/envoy.config.listener.v3.Listener";

/// Response order: clusters, endpoints, listeners (mesh gateways have no routes).
const ORDER: [&str; 3] = [CLUSTER_TYPE, ENDPOINT_TYPE, LISTENER_TYPE];

/// Short names for logs and status.
pub fn short_type(type_url: &str) -> &'static str {
    match type_url {
        CLUSTER_TYPE => "clusters",
        ENDPOINT_TYPE => "endpoints",
        ROUTE_TYPE => "routes",
        LISTENER_TYPE => "listeners",
        _ => "unknown",
    }
}

/// The ADS service.
#[derive(Debug, Clone)]
pub struct Ads {
    manager: Manager,
    status: XdsStatus,
    /// Every stream's task; they end when `shutdown` flips (Envoy gets its stream closed).
    streams: SharedTasks,
    shutdown: watch::Receiver<bool>,
    /// With ACLs on: who decides whether a stream's token may configure its proxy.
    guard: Option<XdsGuard>,
}

/// What authorizes a stream: the token it brings (gRPC metadata `x-consul-token`, as the
/// bootstrap `connect envoy` writes) needs `service:write` on the proxy's service: a
/// sidecar's destination, a gateway's own name (the reference's rule).
#[derive(Debug, Clone)]
pub struct XdsGuard {
    pub backend: crate::backend::Backend,
    pub local: Arc<crate::local::LocalState>,
}

impl XdsGuard {
    async fn check(&self, proxy_id: &str, token: Option<String>) -> Result<(), Status> {
        let Some(service) = self.local.service(proxy_id) else {
            return Err(Status::permission_denied(format!("no proxy {proxy_id:?} is registered with this agent")));
        };
        let name = match (&service.proxy, service.kind.0.as_str()) {
            (Some(proxy), crate::state::ServiceKind::CONNECT_PROXY) => proxy.destination_service_name.clone(),
            _ => service.service.clone(),
        };
        let mut ctx = crate::state::RequestContext::new();
        // A stream without a token is anonymous (never the agent's own work).
        ctx.token = Some(token.unwrap_or_default());
        let permission = crate::acl::Permission::on(crate::acl::Resource::Service, name, crate::acl::Access::Write);
        self.backend.authorize(&ctx, &permission).await.map_err(|e| Status::permission_denied(e.to_string()))
    }
}

impl Ads {
    pub fn new(manager: Manager, status: XdsStatus, shutdown: watch::Receiver<bool>, guard: Option<XdsGuard>) -> Ads {
        Ads { manager, status, streams: SharedTasks::new(), shutdown, guard }
    }
}

/// How long open connections and streams get to end once shutdown starts.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(1);

/// Serves ADS on `listener` (over TLS with `tls`) until `ads`' shutdown flips: every stream is
/// then closed, not waited on, and every connection and stream task is awaited or aborted.
pub async fn serve(listener: TcpListener, ads: Ads, tls: Option<Arc<rustls::ServerConfig>>, limits: ConnLimits) {
    let (streams, shutdown) = (ads.streams.clone(), ads.shutdown.clone());
    let service = TowerToHyperService::new(AggregatedDiscoveryServiceServer::new(ads));
    let opts = ServeOptions { protocol: Protocol::Http2, tls, limits, grace: SHUTDOWN_GRACE };
    crate::serve::serve(listener, service, opts, shutdown).await;
    streams.join(SHUTDOWN_GRACE).await;
}

type ResponseStream<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

#[tonic::async_trait]
impl AggregatedDiscoveryService for Ads {
    type StreamAggregatedResourcesStream = ResponseStream<DiscoveryResponse>;
    type DeltaAggregatedResourcesStream = ResponseStream<DeltaDiscoveryResponse>;

    async fn stream_aggregated_resources(
        &self,
        request: Request<Streaming<DiscoveryRequest>>,
    ) -> Result<Response<Self::StreamAggregatedResourcesStream>, Status> {
        let peer = request.remote_addr();
        let token = request.metadata().get("x-consul-token").and_then(|v| v.to_str().ok()).map(str::to_owned);
        let (tx, rx) = mpsc::channel(8);
        let stream = StreamState::new(self.clone(), tx, token);
        let span = tracing::info_span!("xds", peer = ?peer.map(|p: SocketAddr| p.to_string()));
        if !self.streams.spawn("xds stream", stream.run(request.into_inner()).instrument(span)) {
            return Err(Status::unavailable("the agent is shutting down"));
        }
        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }

    async fn delta_aggregated_resources(
        &self,
        _request: Request<Streaming<DeltaDiscoveryRequest>>,
    ) -> Result<Response<Self::DeltaAggregatedResourcesStream>, Status> {
        Err(Status::unimplemented("fedctl serves state-of-the-world ADS (api_type GRPC), not delta xDS"))
    }
}

/// Per type: what Envoy asked for and what it was last sent.
#[derive(Debug, Default)]
struct TypeState {
    subscribed: bool,
    sent_version: u64,
    last_nonce: String,
    /// The last response: its version string and resources.
    last_sent: Option<(String, Vec<Any>)>,
    /// The last response Envoy acknowledged.
    last_good: Option<(String, Vec<Any>)>,
    /// A NACK asked for `last_good` to be sent again.
    revert: bool,
    /// The resources of this type changed since they were last sent. Only changed types are
    /// sent again: a new endpoint does not make Envoy rebuild every listener and cluster (and
    /// their TLS contexts).
    changed: bool,
}

struct StreamState {
    ads: Ads,
    tx: mpsc::Sender<Result<DiscoveryResponse, Status>>,
    proxy_id: String,
    nonce: u64,
    config_version: u64,
    resources: Option<Resources>,
    types: BTreeMap<&'static str, TypeState>,
    /// The stream's `x-consul-token`.
    token: Option<String>,
}

impl StreamState {
    fn new(ads: Ads, tx: mpsc::Sender<Result<DiscoveryResponse, Status>>, token: Option<String>) -> StreamState {
        StreamState {
            ads,
            tx,
            token,
            proxy_id: String::new(),
            nonce: 0,
            config_version: 0,
            resources: None,
            types: BTreeMap::new(),
        }
    }

    async fn run(mut self, mut inbound: Streaming<DiscoveryRequest>) {
        // Init: the first request says who this is.
        let first = match inbound.message().await {
            Ok(Some(r)) => r,
            _ => return,
        };
        if first.type_url.is_empty() {
            let _ = self.tx.send(Err(Status::invalid_argument("type URL is required for ADS"))).await;
            return;
        }
        let Some(node) = first.node.as_ref().filter(|n| !n.id.is_empty()) else {
            let _ = self.tx.send(Err(Status::invalid_argument("the first request must carry node.id"))).await;
            return;
        };
        self.proxy_id = node.id.clone();
        if let Some(guard) = &self.ads.guard
            && let Err(denied) = guard.check(&self.proxy_id, self.token.take()).await
        {
            tracing::warn!(proxy = %self.proxy_id, reason = denied.message(), "refused an xDS stream");
            self.ads.status.update(&self.proxy_id, |s| {
                s.refused += 1;
                s.last_refusal = Some(denied.message().to_owned());
            });
            let _ = self.tx.send(Err(denied)).await;
            return;
        }
        tracing::info!(proxy = %self.proxy_id, "xDS stream opened");
        let admin = node.metadata.as_ref().and_then(|m| m.fields.get("envoy_admin")).and_then(|v| match &v.kind {
            Some(envoy_types::pb::google::protobuf::value::Kind::StringValue(s)) => Some(s.clone()),
            _ => None,
        });
        self.ads.status.update(&self.proxy_id, |s| {
            s.streams += 1;
            s.envoy_admin = admin;
        });
        let mut snapshots = self.ads.manager.watch(&self.proxy_id);
        snapshots.mark_changed();
        self.on_request(first);
        let mut shutdown = self.ads.shutdown.clone();
        loop {
            tokio::select! {
                _ = stopped(&mut shutdown) => {
                    tracing::info!(proxy = %self.proxy_id, "closing the xDS stream: the agent is shutting down");
                    break;
                }
                request = inbound.message() => match request {
                    Ok(Some(r)) => self.on_request(r),
                    Ok(None) => break,
                    Err(status) => {
                        tracing::debug!(%status, "xDS stream ended");
                        break;
                    }
                },
                changed = snapshots.changed() => {
                    if changed.is_err() {
                        break;
                    }
                    let snapshot = snapshots.borrow_and_update().clone();
                    // `None`: not valid yet, or deregistered; Envoy keeps what it has.
                    // A snapshot whose resources are what Envoy already has (a change that does
                    // not touch this gateway's config) is not a new version.
                    if let Some(snapshot) = snapshot
                        && let resources = resources_for(&snapshot)
                        && self.resources.as_ref() != Some(&resources)
                    {
                        for type_url in ORDER {
                            // Endpoints go with every cluster update: an updated EDS cluster
                            // warms until it gets its assignment again.
                            let clusters_too = type_url == ENDPOINT_TYPE
                                && self.resources.as_ref().is_some_and(|old| !same_type(old, &resources, CLUSTER_TYPE));
                            if clusters_too || self.resources.as_ref().is_none_or(|old| !same_type(old, &resources, type_url)) {
                                self.types.entry(type_url).or_default().changed = true;
                            }
                        }
                        self.resources = Some(resources);
                        self.config_version += 1;
                        let version = self.config_version;
                        self.ads.status.update(&self.proxy_id, |s| s.config_version = version);
                    }
                }
            }
            if !self.send_pending().await {
                break;
            }
        }
        self.ads.status.update(&self.proxy_id, |s| s.streams = s.streams.saturating_sub(1));
        tracing::info!(proxy = %self.proxy_id, "xDS stream closed");
    }

    fn on_request(&mut self, r: DiscoveryRequest) {
        let Some(type_url) =
            [CLUSTER_TYPE, ENDPOINT_TYPE, LISTENER_TYPE, ROUTE_TYPE].into_iter().find(|t| *t == r.type_url)
        else {
            tracing::debug!(type_url = %r.type_url, "ignoring a request for a type fedctl proxies do not use");
            return;
        };
        let state = self.types.entry(type_url).or_default();
        let first = state.last_nonce.is_empty();
        if !first && r.response_nonce != state.last_nonce {
            // An answer to an older response: superseded.
            return;
        }
        state.subscribed = true;
        if first {
            return;
        }
        let short = short_type(type_url);
        match &r.error_detail {
            Some(error) => {
                let sent = format!("{:08x}", state.sent_version);
                tracing::warn!(
                    proxy = %self.proxy_id, r#type = short, rejected_version = %sent, kept_version = %r.version_info,
                    message = %error.message, "Envoy rejected the configuration (NACK); it keeps its last good one"
                );
                let nack = Nack {
                    type_url: type_url.to_owned(),
                    rejected_version: sent,
                    kept_version: r.version_info.clone(),
                    nonce: r.response_nonce.clone(),
                    message: error.message.clone(),
                    at: now_rfc3339(),
                };
                self.ads.status.update(&self.proxy_id, |s| {
                    s.nacks += 1;
                    s.last_nack = Some(nack);
                });
                state.revert = state.last_good.is_some() && state.last_good != state.last_sent;
            }
            None => {
                state.last_good = state.last_sent.clone();
                tracing::debug!(proxy = %self.proxy_id, r#type = short, version = %r.version_info, "ACK");
                self.ads.status.update(&self.proxy_id, |s| {
                    let t = s.types.entry(short.to_owned()).or_default();
                    t.acked_version = r.version_info.clone();
                    t.acked_at = Some(now_rfc3339());
                });
            }
        }
    }

    /// Sends every subscribed type whose last response is older than the current config;
    /// false when Envoy went away.
    async fn send_pending(&mut self) -> bool {
        let Some(resources) = &self.resources else { return true };
        let mut out = Vec::new();
        for type_url in ORDER {
            let Some(state) = self.types.get_mut(type_url) else { continue };
            if state.revert
                && let Some((version, items)) = state.last_good.clone()
            {
                state.revert = false;
                self.nonce += 1;
                state.last_nonce = format!("{:08x}", self.nonce);
                state.last_sent = Some((version.clone(), items.clone()));
                tracing::info!(proxy = %self.proxy_id, r#type = short_type(type_url), %version, "re-sending the last good configuration");
                out.push(DiscoveryResponse {
                    version_info: version,
                    nonce: state.last_nonce.clone(),
                    type_url: type_url.to_owned(),
                    resources: items,
                    ..DiscoveryResponse::default()
                });
                continue;
            }
            // A type never sent goes out with the first configuration; later, only a changed one.
            if !state.subscribed || (state.sent_version > 0 && !state.changed) {
                continue;
            }
            let items: Vec<Any> = match type_url {
                CLUSTER_TYPE => resources.clusters.iter().cloned().map(pack_any).collect(),
                ENDPOINT_TYPE => resources.endpoints.iter().cloned().map(pack_any).collect(),
                _ => resources.listeners.iter().cloned().map(pack_any).collect(),
            };
            // Only clusters may be empty (a gateway before any datacenter is known); empty
            // endpoints or listeners wait for data.
            if items.is_empty() && type_url != CLUSTER_TYPE {
                continue;
            }
            self.nonce += 1;
            state.changed = false;
            state.sent_version = self.config_version;
            state.last_nonce = format!("{:08x}", self.nonce);
            let response = DiscoveryResponse {
                version_info: format!("{:08x}", self.config_version),
                nonce: state.last_nonce.clone(),
                type_url: type_url.to_owned(),
                resources: items,
                ..DiscoveryResponse::default()
            };
            state.last_sent = Some((response.version_info.clone(), response.resources.clone()));
            let count = response.resources.len();
            let (version, nonce) = (response.version_info.clone(), response.nonce.clone());
            self.ads.status.update(&self.proxy_id, |s| {
                let t = s.types.entry(short_type(type_url).to_owned()).or_default();
                t.sent_version = version;
                t.sent_nonce = nonce;
                t.sent_resources = count;
            });
            out.push(response);
        }
        for response in out {
            tracing::debug!(proxy = %self.proxy_id, r#type = short_type(&response.type_url), version = %response.version_info, "sending");
            if self.tx.send(Ok(response)).await.is_err() {
                return false;
            }
        }
        true
    }
}

/// Whether `a` and `b` hold the same resources of `type_url`.
fn same_type(a: &Resources, b: &Resources, type_url: &str) -> bool {
    match type_url {
        CLUSTER_TYPE => a.clusters == b.clusters,
        ENDPOINT_TYPE => a.endpoints == b.endpoints,
        _ => a.listeners == b.listeners,
    }
}
