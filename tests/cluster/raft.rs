//! Three raft servers over the real server port with mutual TLS: election, forwarding from
//! followers, leader loss, and a restarted server catching up.

use std::sync::Arc;
use std::time::Duration;

use fedctl::backend::{Backend, Router};
use fedctl::raft::{NodeId, RaftNode, RaftOptions, ServerNode, node_id_for};
use fedctl::rpc::message::PeerInfo;
use fedctl::rpc::{ClientOptions, RpcClient, ServerOptions};
use fedctl::state::{Command, KvOp, RequestContext, Response};
use fedctl::tls::{AgentTls, Ca, CaOptions, CertKind, CertOptions, TlsSettings, generate_ca};
use tokio::sync::watch;

use crate::support::eventually;

struct Server {
    node: RaftNode,
    /// The server's request path: a write through a follower goes to the leader.
    backend: Backend,
    stop: watch::Sender<bool>,
    listener_addr: String,
}

struct Cluster {
    dir: tempfile::TempDir,
    ca_pem: String,
    ca: Ca,
    members: Vec<(NodeId, ServerNode)>,
}

impl Cluster {
    fn tls(&self, name: &str) -> Arc<AgentTls> {
        self.tls_of(CertKind::Server { node: Some(name.into()) }, name)
    }

    fn tls_of(&self, kind: CertKind, name: &str) -> Arc<AgentTls> {
        let issued = self.ca.issue(&CertOptions::new(kind)).unwrap();
        let p = |f: &str| self.dir.path().join(format!("{name}-{f}"));
        std::fs::write(p("ca.pem"), &self.ca_pem).unwrap();
        std::fs::write(p("cert.pem"), issued.cert_pem).unwrap();
        std::fs::write(p("key.pem"), issued.key_pem).unwrap();
        let settings = TlsSettings {
            ca_file: Some(p("ca.pem")),
            cert_file: Some(p("cert.pem")),
            key_file: Some(p("key.pem")),
            verify_incoming: true,
            verify_outgoing: true,
            verify_server_hostname: true,
            verify_incoming_https: false,
        };
        AgentTls::load(&settings, "dc1", "consul").unwrap().unwrap()
    }

    /// Starts server `i` on `listener` (bound earlier so every address is known up front).
    async fn start(&self, i: usize, listener: tokio::net::TcpListener) -> Server {
        let (id, me) = self.members[i].clone();
        let tls = self.tls(&me.name);
        let rpc = RpcClient::new(ClientOptions { tls: Some(tls.clone()), ..ClientOptions::default() });
        let opts = RaftOptions {
            data_dir: Some(self.dir.path().join(&me.name)),
            node_id: id,
            node_name: me.name.clone(),
            datacenter: "dc1".into(),
            rpc_addr: me.addr.clone(),
            ..RaftOptions::default()
        };
        std::fs::create_dir_all(self.dir.path().join(&me.name)).unwrap();
        let node = RaftNode::start(&opts, rpc.clone()).await.unwrap();
        let (stop, stopped) = watch::channel(false);
        let peer = PeerInfo { node: me.name.clone(), datacenter: "dc1".into(), server: true, leaving: false };
        let backend = Backend::server(node.clone(), rpc, Router::new(None, "dc1"), peer, None);
        let handlers = fedctl::backend::server_handlers(backend.clone(), Some(tls.clone()));
        let listener_addr = me.addr.clone();
        tokio::spawn(fedctl::rpc::serve(
            listener,
            ServerOptions { tls: Some(tls), ..ServerOptions::default() },
            handlers,
            stopped,
        ));
        Server { node, backend, stop, listener_addr }
    }
}

async fn bind() -> tokio::net::TcpListener {
    tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap()
}

fn set(key: &str, value: &str) -> Command {
    Command::Kv(KvOp::Set { key: key.into(), value: value.into(), flags: 0 })
}

fn kv(server: &Server) -> Vec<(String, Vec<u8>, u64)> {
    server.node.state().read(|s| s.kv_list("").into_iter().map(|e| (e.key, e.value, e.index.modify_index)).collect())
}

/// Three servers on port-0 listeners with certificates from one CA, bootstrapped together
/// (every founding server proposes the same set; raft lets one of them win).
async fn three_servers() -> (Cluster, Vec<Server>) {
    fedctl::tls::install_default_provider();
    let g = generate_ca(&CaOptions::default()).unwrap();
    let ca = Ca::from_pem(g.cert_pem.as_bytes(), g.key_pem.as_bytes(), "ca", "key").unwrap();
    let mut listeners = Vec::new();
    let mut members = Vec::new();
    for name in ["s1", "s2", "s3"] {
        let l = bind().await;
        members.push((node_id_for(name), ServerNode { name: name.into(), addr: l.local_addr().unwrap().to_string() }));
        listeners.push(l);
    }
    let cluster = Cluster { dir: tempfile::tempdir().unwrap(), ca_pem: g.cert_pem, ca, members: members.clone() };
    let mut servers = Vec::new();
    for (i, l) in listeners.into_iter().enumerate() {
        servers.push(cluster.start(i, l).await);
    }
    for s in &servers {
        s.node.bootstrap(&members).await.unwrap();
    }
    (cluster, servers)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_servers_elect_forward_fail_over_and_catch_up() {
    let (cluster, started) = three_servers().await;
    let members = cluster.members.clone();
    let mut servers: Vec<Option<Server>> = started.into_iter().map(Some).collect();
    let leader = servers[0].as_ref().unwrap().node.wait_for_leader(Duration::from_secs(20)).await.expect("a leader");
    let leader_idx = members.iter().position(|(id, _)| *id == leader).unwrap();

    // A write through each server: followers forward to the leader.
    for (i, s) in servers.iter().flatten().enumerate() {
        let written = s.backend.apply(&RequestContext::new(), set(&format!("via/{i}"), "x")).await;
        assert_eq!(written, Ok(Response::Bool(true)), "write via server {i}");
    }
    for s in servers.iter().flatten() {
        eventually("every server applied all writes", async || kv(s).len() == 3).await;
    }

    // Kill the leader: stop its port and raft.
    let dead = servers[leader_idx].take().unwrap();
    let _ = dead.stop.send(true);
    dead.node.shutdown().await;
    drop(dead);
    let survivors: Vec<&Server> = servers.iter().flatten().collect();
    let mut new_leader = None;
    eventually("a new leader among the survivors", async || {
        new_leader = survivors[0].node.leader().filter(|l| *l != leader);
        new_leader.is_some()
    })
    .await;
    for (i, s) in survivors.iter().enumerate() {
        let result = s.backend.apply(&RequestContext::new(), set(&format!("after/{i}"), "y")).await;
        assert_eq!(result, Ok(Response::Bool(true)), "write through survivor {i}");
    }

    // Restart the killed server on its old address and data: it rejoins and catches up.
    let l = tokio::net::TcpListener::bind(&members[leader_idx].1.addr).await.unwrap();
    let back = cluster.start(leader_idx, l).await;
    let want = kv(survivors[0]);
    assert_eq!(want.len(), 5);
    eventually("the restarted server caught up", async || kv(&back) == want).await;
    for s in &survivors {
        assert_eq!(kv(s), want, "every server has the same KV contents");
    }
    let _ = &back.listener_addr;
    for s in survivors {
        s.node.shutdown().await;
    }
    back.node.shutdown().await;
}

/// Stop every server, restart them in a different order: each one's local state converges.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_restart_converges_on_every_server() {
    let (cluster, mut servers) = three_servers().await;
    let members = cluster.members.clone();
    let leader = servers[0].node.wait_for_leader(Duration::from_secs(20)).await.unwrap();
    let leader_idx = members.iter().position(|(id, _)| *id == leader).unwrap();
    for i in 0..20 {
        servers[i % 3].backend.apply(&RequestContext::new(), set(&format!("before/{i}"), "x")).await.unwrap();
    }
    for s in servers.drain(..) {
        let _ = s.stop.send(true);
        s.node.shutdown().await;
    }
    // Restart the old leader last, so the others elect a new one first.
    let mut order: Vec<usize> = (0..3).filter(|i| *i != leader_idx).collect();
    order.push(leader_idx);
    let mut restarted: Vec<(usize, Server)> = Vec::new();
    for i in order {
        let l = tokio::net::TcpListener::bind(&members[i].1.addr).await.unwrap();
        restarted.push((i, cluster.start(i, l).await));
        if restarted.len() == 2 {
            eventually("a new leader among the first two", async || restarted[0].1.node.leader().is_some()).await;
        }
    }
    for i in 0..20 {
        restarted[i % 3].1.backend.apply(&RequestContext::new(), set(&format!("after/{i}"), "y")).await.unwrap();
    }
    for (i, s) in &restarted {
        eventually(&format!("server {i} applied all 40 writes locally"), async || kv(s).len() == 40).await;
    }
    for (_, s) in restarted {
        s.node.shutdown().await;
    }
}

/// With TLS, every server-only request is refused to a client (or CLI) certificate with a
/// clear error, even routed on for another datacenter, and nothing of it is applied; what
/// client agents forward for their users is served; a server's certificate is accepted.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_certificate_is_refused_on_every_server_only_rpc() {
    use fedctl::rpc::Target;
    use fedctl::rpc::message::{Reply, Request};
    use fedctl::state::{
        ConnectCa, ConnectCaOp, FederationState, FederationStateOp, Query, ReadRequest, RegisterRequest, RequestError,
    };
    use fedctl::tls::Protocol;

    let (cluster, servers) = three_servers().await;
    let leader = servers[0].node.wait_for_leader(Duration::from_secs(20)).await.unwrap();
    let (_, node) = cluster.members.iter().find(|(id, _)| *id == leader).unwrap().clone();
    let target = Target { addr: node.addr.clone(), node: Some(node.name.clone()), datacenter: "dc1".into() };
    let state = |dc: &str| {
        Command::FederationState(FederationStateOp::Upsert(Box::new(FederationState {
            datacenter: dc.into(),
            ..FederationState::default()
        })))
    };
    let ca = ConnectCa { trust_domain: "forged.consul".into(), ..ConnectCa::default() };
    // Every server-only request, and the words its refusal carries.
    let server_only = [
        (Request::RemovePeer(node_id_for("s2")), "raft peers may only be removed by servers"),
        (Request::RemovePeer(12345), "raft peers may only be removed by servers"),
        (Request::Apply(state("dc2")), "federation states may only be written by servers"),
        (
            Request::Apply(Command::FederationState(FederationStateOp::Delete { datacenter: "dc1".into() })),
            "federation states may only be written by servers",
        ),
        (
            Request::Apply(Command::ConnectCa(ConnectCaOp::Initialize(Box::new(ca.clone())))),
            "the Connect CA may only be written by servers",
        ),
        (
            Request::Apply(Command::ConnectCa(ConnectCaOp::Replace(Box::new(ca)))),
            "the Connect CA may only be written by servers",
        ),
        (
            Request::Apply(Command::Batch(vec![set("smuggled", "x"), state("dc1")])),
            "federation states may only be written by servers",
        ),
    ];
    let timeout = Duration::from_secs(10);
    for (kind, name) in [(CertKind::Client, "client"), (CertKind::Cli, "cli")] {
        let rpc = RpcClient::new(ClientOptions { tls: Some(cluster.tls_of(kind, name)), ..ClientOptions::default() });
        let plain = RequestContext::new();
        let routed = RequestContext::new().in_datacenter(Some("dc2"));
        for (request, words) in &server_only {
            for ctx in [&plain, &routed] {
                match rpc.send(&target, ctx, request, timeout).await.unwrap() {
                    Err(RequestError::PermissionDenied(why)) => {
                        assert!(why.contains(words), "{name} certificate, {request:?}: {why}");
                        assert!(why.contains("server.<datacenter>.consul"), "the refusal says what is needed: {why}");
                    }
                    other => panic!("{name} certificate, {request:?}: expected a refusal, got {other:?}"),
                }
            }
        }
        // Raft itself: the connection is refused before any frame is read.
        let raft = rpc.call(&target, Protocol::Raft, b"vote for me".to_vec()).await;
        assert!(raft.is_err(), "{name} certificate on the raft protocol: {raft:?}");

        // What a client agent forwards for its users is served.
        assert!(matches!(rpc.request(&target, &Request::Ping).await.unwrap(), Ok(Reply::Pong(_))));
        assert!(matches!(rpc.request(&target, &Request::Status).await.unwrap(), Ok(Reply::Status(_))));
        assert!(matches!(rpc.request(&target, &Request::Datacenters).await.unwrap(), Ok(Reply::Datacenters(_))));
        let read = Request::Read(ReadRequest::now(Query::Nodes));
        assert!(matches!(rpc.request(&target, &read).await.unwrap(), Ok(Reply::Read(_))));
        let kv = Request::Apply(set(&format!("from/{name}"), "v"));
        assert_eq!(rpc.request(&target, &kv).await.unwrap(), Ok(Reply::Applied(Response::Bool(true))));
        let register = Request::Apply(Command::from(RegisterRequest {
            datacenter: "dc1".into(),
            node: format!("{name}-node"),
            address: "10.0.0.9".into(),
            ..RegisterRequest::default()
        }));
        assert_eq!(rpc.request(&target, &register).await.unwrap(), Ok(Reply::Applied(Response::Done)));
    }
    let leader_server = servers.iter().find(|s| s.node.id() == leader).unwrap();
    leader_server.node.state().read(|s| {
        assert!(s.federation_states().is_empty(), "no federation state was written");
        assert!(s.connect_ca().is_none_or(|ca| ca.trust_domain != "forged.consul"), "the CA was not replaced");
        assert!(s.kv_get("smuggled").is_none(), "nothing of a refused batch was applied");
    });
    assert_eq!(leader_server.node.voters().len(), 3, "no peer was removed");

    // A server's certificate is accepted: a federation state is written, and removing a peer
    // that does not exist is answered (not found), not refused.
    let as_server = RpcClient::new(ClientOptions { tls: Some(cluster.tls("s9")), ..ClientOptions::default() });
    assert_eq!(
        as_server.request(&target, &Request::Apply(state("dc1"))).await.unwrap(),
        Ok(Reply::Applied(Response::Done))
    );
    match as_server.request(&target, &Request::RemovePeer(12345)).await.unwrap() {
        Err(RequestError::NotFound(why)) => assert!(why.contains("12345"), "{why}"),
        other => panic!("removing a peer that does not exist: {other:?}"),
    }
    for s in servers {
        s.node.shutdown().await;
    }
}
