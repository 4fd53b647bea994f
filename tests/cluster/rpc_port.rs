//! The server port over real sockets with real mutual TLS: what it serves and what it refuses,
//! and that a refusal never disturbs other connections.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use fedctl::config::TlsSettings;
use fedctl::rpc::{ClientOptions, Handler, RpcClient, RpcError, ServerOptions, Target};
use fedctl::tls::Protocol;
use fedctl::tls::{AgentTls, Ca, CaOptions, CertKind, CertOptions, generate_ca};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::watch;

/// Writes a CA and a certificate of `kind` into `dir`; returns TLS settings using them.
fn pki(dir: &Path, ca: Option<(&str, &Ca)>, kind: CertKind, name: &str, verify: bool) -> TlsSettings {
    let owned;
    let (ca_pem, ca) = match ca {
        Some((pem, ca)) => (pem.to_owned(), ca),
        None => {
            let g = generate_ca(&CaOptions::default()).unwrap();
            owned = Ca::from_pem(g.cert_pem.as_bytes(), g.key_pem.as_bytes(), "ca", "key").unwrap();
            (g.cert_pem, &owned)
        }
    };
    let issued = ca.issue(&CertOptions::new(kind)).unwrap();
    let (ca_file, cert_file, key_file) =
        (dir.join(format!("{name}-ca.pem")), dir.join(format!("{name}.pem")), dir.join(format!("{name}-key.pem")));
    std::fs::write(&ca_file, ca_pem).unwrap();
    std::fs::write(&cert_file, issued.cert_pem).unwrap();
    std::fs::write(&key_file, issued.key_pem).unwrap();
    TlsSettings {
        ca_file: Some(ca_file),
        cert_file: Some(cert_file),
        key_file: Some(key_file),
        verify_incoming: verify,
        verify_outgoing: true,
        verify_server_hostname: verify,
        verify_incoming_https: false,
    }
}

struct World {
    _dir: tempfile::TempDir,
    ca_pem: String,
    ca: Ca,
}

fn world() -> World {
    let g = generate_ca(&CaOptions::default()).unwrap();
    let ca = Ca::from_pem(g.cert_pem.as_bytes(), g.key_pem.as_bytes(), "ca", "key").unwrap();
    World { _dir: tempfile::tempdir().unwrap(), ca_pem: g.cert_pem, ca }
}

impl World {
    fn tls(&self, kind: CertKind, name: &str) -> Arc<AgentTls> {
        let settings = pki(self._dir.path(), Some((&self.ca_pem, &self.ca)), kind, name, true);
        AgentTls::load(&settings, "dc1", "consul").unwrap().unwrap()
    }
}

/// An echo server: replies with the request body reversed.
fn echo() -> Handler {
    Arc::new(|body: Vec<u8>, _peer| Box::pin(async move { body.into_iter().rev().collect() }))
}

async fn start(options: ServerOptions) -> (String, watch::Sender<bool>) {
    start_with(options, echo()).await
}

async fn start_with(options: ServerOptions, handler: Handler) -> (String, watch::Sender<bool>) {
    fedctl::tls::install_default_provider();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let (stop, stopped) = watch::channel(false);
    let handlers = HashMap::from([(Protocol::Rpc, handler.clone()), (Protocol::Raft, handler)]);
    tokio::spawn(fedctl::rpc::serve(listener, options, handlers, stopped));
    (addr, stop)
}

fn target(addr: &str, node: &str) -> Target {
    Target { addr: addr.to_owned(), node: Some(node.to_owned()), datacenter: "dc1".into() }
}

fn client(tls: Option<Arc<AgentTls>>) -> RpcClient {
    RpcClient::new(ClientOptions { tls, request_timeout: Duration::from_secs(10), ..ClientOptions::default() })
}

async fn works(client: &RpcClient, t: &Target) {
    let reply = client.call(t, Protocol::Rpc, b"ping".to_vec()).await.expect("a good client is served");
    assert_eq!(reply, b"gnip");
}

/// Reads until EOF (the server closed) or error; true if the server closed within 10 s.
async fn closed_by_server(mut stream: impl AsyncReadExt + Unpin) -> bool {
    let mut buf = [0u8; 1024];
    matches!(
        tokio::time::timeout(Duration::from_secs(10), async {
            loop {
                match stream.read(&mut buf).await {
                    Ok(0) | Err(_) => return,
                    Ok(_) => continue,
                }
            }
        })
        .await,
        Ok(())
    )
}

#[tokio::test]
async fn mutual_tls_round_trips_with_many_requests_in_flight() {
    let w = world();
    let server_tls = w.tls(CertKind::Server { node: Some("n1".into()) }, "server");
    let (addr, _stop) = start(ServerOptions { tls: Some(server_tls), ..ServerOptions::default() }).await;
    let c = client(Some(w.tls(CertKind::Client, "client")));
    let t = target(&addr, "n1");
    let mut calls = tokio::task::JoinSet::new();
    for i in 0..200u32 {
        let (c, t) = (c.clone(), t.clone());
        calls.spawn(async move { (i, c.call(&t, Protocol::Rpc, i.to_be_bytes().to_vec()).await) });
    }
    while let Some(done) = calls.join_next().await {
        let (i, reply) = done.unwrap();
        let mut want = i.to_be_bytes().to_vec();
        want.reverse();
        assert_eq!(reply.unwrap(), want);
    }
}

#[tokio::test]
async fn a_client_certificate_from_another_ca_is_refused() {
    let w = world();
    let (addr, _stop) = start(ServerOptions {
        tls: Some(w.tls(CertKind::Server { node: Some("n1".into()) }, "server")),
        ..ServerOptions::default()
    })
    .await;
    let t = target(&addr, "n1");
    // Trusts our CA (so it can verify the server) but presents a stranger's certificate.
    let dir = tempfile::tempdir().unwrap();
    let mut stranger = pki(dir.path(), None, CertKind::Client, "stranger", true);
    let our_ca = dir.path().join("our-ca.pem");
    std::fs::write(&our_ca, &w.ca_pem).unwrap();
    stranger.ca_file = Some(our_ca);
    let bad = client(Some(AgentTls::load(&stranger, "dc1", "consul").unwrap().unwrap()));
    assert!(bad.call(&t, Protocol::Rpc, b"x".to_vec()).await.is_err());
    works(&client(Some(w.tls(CertKind::Client, "client"))), &t).await;
}

#[tokio::test]
async fn plaintext_is_refused_when_verify_incoming_is_on() {
    let w = world();
    let (addr, _stop) = start(ServerOptions {
        tls: Some(w.tls(CertKind::Server { node: Some("n1".into()) }, "server")),
        ..ServerOptions::default()
    })
    .await;
    let plain = client(None);
    let err = plain.call(&target(&addr, "n1"), Protocol::Rpc, b"x".to_vec()).await.unwrap_err();
    assert!(matches!(err, RpcError::Closed { .. }), "{err:?}");
    works(&client(Some(w.tls(CertKind::Client, "client"))), &target(&addr, "n1")).await;
}

#[tokio::test]
async fn an_unknown_alpn_is_refused() {
    let w = world();
    let (addr, _stop) = start(ServerOptions {
        tls: Some(w.tls(CertKind::Server { node: Some("n1".into()) }, "server")),
        ..ServerOptions::default()
    })
    .await;
    let client_tls = w.tls(CertKind::Client, "client");
    // The same client identity, offering only h2.
    let mut config = (*client_tls.client_config(Protocol::Rpc).unwrap()).clone();
    config.alpn_protocols = vec![b"h2".to_vec()];
    let tcp = tokio::net::TcpStream::connect(&addr).await.unwrap();
    let name = rustls::pki_types::ServerName::try_from("server.dc1.consul").unwrap();
    let result = tokio_rustls::TlsConnector::from(Arc::new(config)).connect(name, tcp).await;
    match result {
        Err(e) => assert!(
            e.to_string().contains("NoApplicationProtocol") || e.to_string().contains("no_application_protocol"),
            "{e}"
        ),
        Ok(stream) => assert!(closed_by_server(stream).await, "the server must close an unknown-ALPN connection"),
    }
    works(&client(Some(client_tls)), &target(&addr, "n1")).await;
}

#[tokio::test]
async fn a_garbage_first_byte_is_refused() {
    let (addr, _stop) = start(ServerOptions::default()).await;
    let mut tcp = tokio::net::TcpStream::connect(&addr).await.unwrap();
    tcp.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n").await.unwrap();
    assert!(closed_by_server(tcp).await);
    works(&client(None), &target(&addr, "n1")).await;
}

#[tokio::test]
async fn an_oversized_frame_closes_only_that_connection() {
    let (addr, _stop) = start(ServerOptions { max_frame: 1024, ..ServerOptions::default() }).await;
    let c = client(None);
    let t = target(&addr, "n1");
    works(&c, &t).await; // a pooled connection that must survive
    let mut tcp = tokio::net::TcpStream::connect(&addr).await.unwrap();
    tcp.write_all(&[0]).await.unwrap(); // plaintext RPC
    tcp.write_all(&(64u32 * 1024 * 1024).to_be_bytes()).await.unwrap();
    assert!(closed_by_server(tcp).await);
    works(&c, &t).await;
    // A pooled client with a larger cap: the server closes that connection, the next call
    // dials again.
    let err = c.call(&t, Protocol::Rpc, vec![0; 4096]).await.unwrap_err();
    assert!(matches!(err, RpcError::Closed { .. }), "{err:?}");
    works(&c, &t).await;
    // A client with the same cap refuses to send it at all, and its connection stays up.
    let capped = RpcClient::new(ClientOptions { max_frame: 1024, ..ClientOptions::default() });
    works(&capped, &t).await;
    let err = capped.call(&t, Protocol::Rpc, vec![0; 4096]).await.unwrap_err();
    assert!(matches!(err, RpcError::Codec(_)), "{err:?}");
    works(&capped, &t).await;
}

#[tokio::test]
async fn raft_connections_need_a_server_certificate_under_verify_server_hostname() {
    let w = world();
    let (addr, _stop) = start(ServerOptions {
        tls: Some(w.tls(CertKind::Server { node: Some("n1".into()) }, "server")),
        ..ServerOptions::default()
    })
    .await;
    let t = target(&addr, "n1");
    let as_client = client(Some(w.tls(CertKind::Client, "client")));
    assert!(as_client.call(&t, Protocol::Raft, b"x".to_vec()).await.is_err(), "a client agent may not speak raft");
    let as_server = client(Some(w.tls(CertKind::Server { node: Some("n2".into()) }, "server2")));
    assert_eq!(as_server.call(&t, Protocol::Raft, b"ab".to_vec()).await.unwrap(), b"ba");
    // Dialling n1 by another node's name fails hostname verification.
    let wrong = target(&addr, "n9");
    let err = as_server.call(&wrong, Protocol::Rpc, b"x".to_vec()).await.unwrap_err();
    assert!(matches!(err, RpcError::Tls { .. }), "{err:?}");
}

#[tokio::test]
async fn plaintext_raft_is_refused_when_certificates_say_who_is_a_server() {
    let w = world();
    let server = CertKind::Server { node: Some("n1".into()) };
    let mut settings = pki(w._dir.path(), Some((&w.ca_pem, &w.ca)), server, "server", true);
    settings.verify_incoming = false; // plaintext RPC is allowed, raft must still prove a server
    let tls = AgentTls::load(&settings, "dc1", "consul").unwrap().unwrap();
    let (addr, _stop) = start(ServerOptions { tls: Some(tls), ..ServerOptions::default() }).await;
    let (plain, t) = (client(None), target(&addr, "n1"));
    assert_eq!(plain.call(&t, Protocol::Rpc, b"ab".to_vec()).await.unwrap(), b"ba", "plaintext RPC is served");
    assert!(plain.call(&t, Protocol::Raft, b"x".to_vec()).await.is_err(), "plaintext raft is refused");
}

#[tokio::test]
async fn without_tls_plaintext_rpc_and_raft_work() {
    let (addr, _stop) = start(ServerOptions::default()).await;
    let c = client(None);
    let t = target(&addr, "n1");
    works(&c, &t).await;
    assert_eq!(c.call(&t, Protocol::Raft, b"xy".to_vec()).await.unwrap(), b"yx");
}

#[tokio::test]
async fn a_frame_that_never_finishes_is_cut_off() {
    let options = ServerOptions { frame_timeout: Duration::from_millis(200), ..ServerOptions::default() };
    let (addr, _stop) = start(options).await;
    let mut tcp = tokio::net::TcpStream::connect(&addr).await.unwrap();
    tcp.write_all(&[0]).await.unwrap();
    tcp.write_all(&[0, 0, 0, 20, 0, 0]).await.unwrap(); // a frame header, then silence
    assert!(closed_by_server(tcp).await);
    // An idle connection between frames is kept: on one raw connection (no pool that could
    // dial again), a frame answered, then idle for twice the frame timeout, then another.
    use fedctl::rpc::frame::{Decoder, Frame, Kind, encode};
    let mut tcp = tokio::net::TcpStream::connect(&addr).await.unwrap();
    tcp.write_all(&[0]).await.unwrap(); // plaintext RPC
    let exchange = async |tcp: &mut tokio::net::TcpStream, id: u64| {
        let frame = encode(&Frame { id, kind: Kind::Request, body: b"ab".to_vec() }, 1 << 20).unwrap();
        tcp.write_all(&frame).await.unwrap();
        let mut decoder = Decoder::new(1 << 20);
        let mut buf = [0u8; 256];
        loop {
            if let Some(reply) = decoder.next_frame().unwrap() {
                return reply;
            }
            let n = tcp.read(&mut buf).await.unwrap();
            assert!(n > 0, "the server closed the connection (frame {id})");
            decoder.push(&buf[..n]);
        }
    };
    assert_eq!(exchange(&mut tcp, 1).await.body, b"ba");
    // The pause is what is tested: longer than the frame timeout, with no frame in progress.
    tokio::time::sleep(Duration::from_millis(400)).await;
    let reply = exchange(&mut tcp, 2).await;
    assert_eq!((reply.id, reply.body), (2, b"ba".to_vec()), "the idle connection still serves");
}

#[tokio::test]
async fn a_frame_trickled_a_byte_at_a_time_is_cut_at_the_timeout_from_its_first_byte() {
    let options = ServerOptions { frame_timeout: Duration::from_millis(300), ..ServerOptions::default() };
    let (addr, _stop) = start(options).await;
    let tcp = tokio::net::TcpStream::connect(&addr).await.unwrap();
    let (mut read, mut write) = tcp.into_split();
    write.write_all(&[0, 0, 0, 0, 200]).await.unwrap(); // plaintext RPC, a 200-byte frame
    // A byte every 50ms keeps the connection busy but never finishes the frame in time; only
    // a deadline from the frame's first byte (not from its last read) ends it.
    let trickle = tokio::spawn(async move {
        while write.write_all(&[0]).await.is_ok() {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    });
    assert!(closed_by_server(&mut read).await, "still open after 10s of trickling");
    trickle.abort();
}

/// The reference's older TLS form: byte 3, a TLS handshake, then the type byte inside TLS.
#[tokio::test]
async fn the_tls_upgrade_byte_leads_to_rpc_inside_tls() {
    use fedctl::rpc::frame::{Decoder, Frame, Kind, encode};
    let w = world();
    let (addr, _stop) = start(ServerOptions {
        tls: Some(w.tls(CertKind::Server { node: Some("n1".into()) }, "server")),
        ..ServerOptions::default()
    })
    .await;
    let client_tls = w.tls(CertKind::Client, "client");
    let mut config = (*client_tls.client_config(Protocol::Rpc).unwrap()).clone();
    config.alpn_protocols.clear(); // no ALPN on this path
    let mut tcp = tokio::net::TcpStream::connect(&addr).await.unwrap();
    tcp.write_all(&[3]).await.unwrap();
    let name = rustls::pki_types::ServerName::try_from("server.dc1.consul").unwrap();
    let mut tls = tokio_rustls::TlsConnector::from(Arc::new(config)).connect(name, tcp).await.unwrap();
    tls.write_all(&[0]).await.unwrap(); // inner type: RPC
    let frame = encode(&Frame { id: 9, kind: Kind::Request, body: b"abc".to_vec() }, 1024).unwrap();
    tls.write_all(&frame).await.unwrap();
    let mut decoder = Decoder::new(1024);
    let mut buf = [0u8; 256];
    let reply = loop {
        let n = tls.read(&mut buf).await.unwrap();
        assert!(n > 0, "the server closed the upgraded connection");
        decoder.push(&buf[..n]);
        if let Some(f) = decoder.next_frame().unwrap() {
            break f;
        }
    };
    assert_eq!((reply.id, reply.body.as_slice()), (9, &b"cba"[..]));
}

#[tokio::test]
async fn a_peer_that_stops_reading_times_the_call_out_and_the_torn_connection_is_not_reused() {
    // Accepts connections and never reads from them.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let (accepted_tx, mut accepted) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((stream, _)) = listener.accept().await {
            held.push(stream);
            let _ = accepted_tx.send(held.len());
        }
    });
    let c = RpcClient::new(ClientOptions { request_timeout: Duration::from_millis(300), ..ClientOptions::default() });
    let t = target(&addr, "n1");
    // Far more than the socket buffers hold: the write itself cannot finish.
    let big = vec![7u8; 8 * 1024 * 1024];
    let err = c.call(&t, Protocol::Rpc, big).await.unwrap_err();
    assert!(matches!(err, RpcError::Timeout { .. }), "{err:?}");
    assert_eq!(accepted.recv().await, Some(1));
    // Half a frame went out on that connection: the next call dials a new one.
    let err = c.call(&t, Protocol::Rpc, b"ping".to_vec()).await.unwrap_err();
    assert!(matches!(err, RpcError::Timeout { .. }), "{err:?}");
    let second = tokio::time::timeout(Duration::from_secs(10), accepted.recv()).await;
    assert_eq!(second, Ok(Some(2)), "a second connection");
}

/// A route to another datacenter whose gateway the test chooses; `better` names the
/// gateway that supersedes the others once set.
#[derive(Debug, Default)]
struct Route {
    pick: std::sync::Mutex<String>,
    better: std::sync::Mutex<Option<String>>,
}

impl fedctl::rpc::GatewayRoute for Route {
    fn local_datacenter(&self) -> &str {
        "dc0"
    }
    fn pick(&self, _datacenter: &str) -> Option<String> {
        Some(self.pick.lock().unwrap().clone())
    }
    fn report(&self, _gateway: &str, _datacenter: &str, _outcome: Result<(), String>) {}
    fn superseded(&self, _datacenter: &str, gateway: &str) -> bool {
        self.better.lock().unwrap().as_deref().is_some_and(|b| b != gateway)
    }
}

/// A connection through a fallback gateway gives way once a better path is usable: not
/// before a dial along it succeeds, and the call it carries still gets its answer.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fallback_connection_gives_way_to_a_better_path_and_finishes_its_call() {
    let w = world();
    // Two "gateways" to dc1's server n1 (each a server port answering as n1): each answers
    // with its name; "slow" says it arrived, then takes a second.
    let arrived = Arc::new(tokio::sync::Notify::new());
    let named = |name: &'static str| -> Handler {
        let arrived = arrived.clone();
        Arc::new(move |body: Vec<u8>, _peer| {
            let arrived = arrived.clone();
            Box::pin(async move {
                if body == b"slow" {
                    arrived.notify_one();
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
                [name.as_bytes(), b":", &body].concat()
            })
        })
    };
    let tls = || ServerOptions {
        tls: Some(w.tls(CertKind::Server { node: Some("n1".into()) }, "n1")),
        ..ServerOptions::default()
    };
    let (fallback, _a) = start_with(tls(), named("fallback")).await;
    let (local, _b) = start_with(tls(), named("local")).await;
    let route = Arc::new(Route { pick: std::sync::Mutex::new(fallback.clone()), ..Route::default() });
    let c = RpcClient::new(ClientOptions {
        tls: Some(w.tls(CertKind::Client, "client")),
        gateways: Some(route.clone()),
        request_timeout: Duration::from_secs(10),
        ..ClientOptions::default()
    });
    let t = Target { addr: "n1.dc1.invalid:8300".into(), node: Some("n1".into()), datacenter: "dc1".into() };
    let call = async |body: &str| {
        String::from_utf8(c.call(&t, Protocol::Rpc, body.as_bytes().to_vec()).await.unwrap()).unwrap()
    };
    assert_eq!(call("a").await, "fallback:a");
    // A better path is named but cannot be dialled: the working connection keeps serving.
    *route.pick.lock().unwrap() = "127.0.0.1:1".into();
    *route.better.lock().unwrap() = Some("127.0.0.1:1".into());
    assert_eq!(call("b").await, "fallback:b");
    // A slow call is in flight on it when the better path becomes dialable.
    let slow = {
        let (c, t) = (c.clone(), t.clone());
        tokio::spawn(async move { c.call(&t, Protocol::Rpc, b"slow".to_vec()).await })
    };
    arrived.notified().await;
    *route.pick.lock().unwrap() = local.clone();
    *route.better.lock().unwrap() = Some(local.clone());
    assert_eq!(call("c").await, "local:c", "new calls take the better path");
    assert_eq!(slow.await.unwrap().unwrap(), b"fallback:slow", "the call in flight got its answer");
    assert_eq!(call("d").await, "local:d");
    c.close().await;
}
