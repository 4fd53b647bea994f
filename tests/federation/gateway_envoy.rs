//! Mesh gateways on real Envoy, configured only over xDS by their agent: what Envoy's admin
//! API shows, TLS passed through by SNI to a server (and on through a second gateway to
//! another datacenter), endpoints following catalog health, a rejected configuration, and
//! the one line `connect envoy` prints when Envoy is ready or why it is not.

use fedctl::rpc::message::{Reply, Request};
use fedctl::rpc::{ClientOptions, RpcClient, Target};
use serde_json::{Value, json};

use crate::support::agent::{TestAgent, dev_agent};
use crate::support::eventually_with;
use crate::support::gateway::{Gateway, Pki, free_port, have_envoy, tls_server, trust_domain};

/// Pings the server `node` of `dc` through the gateway at `via`: mutual TLS with SNI
/// `<node>.server.<dc>.consul` and ALPN `fedctl/rpc`, answered by that server.
async fn ping_through(pki: &Pki, via: &str, node: &str, dc: &str) -> Result<Reply, String> {
    let client = RpcClient::new(ClientOptions { tls: Some(pki.client_tls("dc1")), ..ClientOptions::default() });
    let target = Target { addr: via.to_owned(), node: Some(node.to_owned()), datacenter: dc.to_owned() };
    client.request(&target, &Request::Ping).await.map_err(|e| e.to_string())?.map_err(|e| e.to_string())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gateways_route_by_sni_to_servers_and_to_the_other_datacenter() {
    if !have_envoy("to run mesh gateways") {
        return;
    }
    let pki = Pki::new();
    let dc1 = tls_server(&pki, "dc1", None).await;
    let wan = dc1.agent.wan.as_ref().unwrap().local().addr.to_string();
    let dc2 = tls_server(&pki, "dc2", Some(wan)).await;

    // One trust domain for the federation: the primary made it, dc2 mirrors it.
    eventually_with("the primary creates the trust domain", String::new, async || !trust_domain(&dc1).await.is_empty())
        .await;
    let td = trust_domain(&dc1).await;
    assert!(td.ends_with(".consul") && td.len() == 36 + ".consul".len(), "trust domain {td:?}");
    eventually_with("dc2 holds the primary's trust domain", String::new, async || trust_domain(&dc2).await == td).await;

    let dir = pki.dir.path();
    let gw1 = Gateway::start(&dc1, dir, "gw-dc1");
    let gw2 = Gateway::start(&dc2, dir, "gw-dc2");
    let remote = |dc: &str| format!("{dc}.internal.{td}");
    for (gw, here, there) in [(&gw1, "dc1", "dc2"), (&gw2, "dc2", "dc1")] {
        let wanted = [
            format!("server.{here}.consul"),
            format!("s-{here}.server.{here}.consul"),
            remote(there),
            format!("server.{there}.consul"),
        ];
        let other = if here == "dc1" { gw2.addr.clone() } else { gw1.addr.clone() };
        eventually_with(
            &format!("{here}'s Envoy has its servers and {there}'s gateway"),
            || gw.log(),
            async || {
                let clusters = gw.clusters().await;
                wanted.iter().all(|c| clusters.contains(c))
                    && gw.hosts(&remote(there)).await == [(other.clone(), "healthy".to_owned())]
            },
        )
        .await;
    }
    let status = dc1.get_json("/v1/internal/xds").await;
    let gw = &status["gw-dc1"];
    assert_eq!(gw["Streams"], 1, "{status}");
    assert_eq!(gw["Nacks"], 0, "{status}");
    for t in ["clusters", "endpoints", "listeners"] {
        assert_eq!(gw["Types"][t]["AckedVersion"], gw["Types"][t]["SentVersion"], "{t} acknowledged: {status}");
    }

    // TLS passes through: the handshake completes with the named server, which answers.
    let reply = ping_through(&pki, &gw1.addr, "s-dc1", "dc1").await.expect("a ping through dc1's gateway");
    assert!(matches!(&reply, Reply::Pong(p) if p.node == "s-dc1" && p.datacenter == "dc1"), "{reply:?}");
    // Another datacenter's SNI: dc1's gateway -> dc2's gateway -> dc2's server.
    let reply = ping_through(&pki, &gw1.addr, "s-dc2", "dc2").await.expect("a ping through both gateways");
    assert!(matches!(&reply, Reply::Pong(p) if p.node == "s-dc2" && p.datacenter == "dc2"), "{reply:?}");
    let reply = ping_through(&pki, &gw2.addr, "s-dc1", "dc1").await.expect("and back the other way");
    assert!(matches!(&reply, Reply::Pong(p) if p.node == "s-dc1"), "{reply:?}");

    // A second gateway in dc2: a second healthy endpoint in dc1's Envoy; failing its check
    // marks it unhealthy there.
    let port = free_port();
    let second = json!({
        "ID": "gw-dc2-b", "Name": "mesh-gateway", "Kind": "mesh-gateway", "Address": "127.0.0.1", "Port": port,
        "Meta": {"consul-wan-federation": "1"},
        "TaggedAddresses": {"wan": {"Address": "127.0.0.1", "Port": port}},
        "Check": {"TTL": "10m", "Status": "passing"}
    });
    assert_eq!(dc2.put("/v1/agent/service/register", second.to_string()).await.0, 200);
    let second_addr = format!("127.0.0.1:{port}");
    let host_flags = async |gw: &Gateway, addr: &str| {
        gw.hosts(&remote("dc2")).await.into_iter().find(|(h, _)| h == addr).map(|(_, f)| f)
    };
    eventually_with(
        "dc1's Envoy gains dc2's second gateway, healthy",
        || gw1.log(),
        async || {
            host_flags(&gw1, &second_addr).await.as_deref() == Some("healthy")
                && host_flags(&gw1, &gw2.addr).await.as_deref() == Some("healthy")
        },
    )
    .await;
    assert_eq!(dc2.put("/v1/agent/check/fail/service:gw-dc2-b", "").await.0, 200);
    eventually_with(
        "dc1's Envoy marks the failed gateway unhealthy",
        || gw1.log(),
        async || host_flags(&gw1, &second_addr).await.is_some_and(|f| f.contains("failed_eds_health")),
    )
    .await;
    assert_eq!(host_flags(&gw1, &gw2.addr).await.as_deref(), Some("healthy"), "the first gateway stays healthy");
    drop((gw1, gw2));
    dc2.stop().await;
    dc1.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejected_configuration_leaves_envoy_on_the_last_good_one() {
    if !have_envoy("to run a mesh gateway") {
        return;
    }
    let agent = dev_agent().await;
    let dir = crate::support::temp_dir();
    let gw = Gateway::start_with(&agent, dir.path(), "gw", &[]);
    let listener = format!("lan:{}", gw.addr);
    let acked = async |agent: &TestAgent| -> Value { agent.get_json("/v1/internal/xds").await["gw"].clone() };
    eventually_with(
        "Envoy listens where the registration says",
        || gw.log(),
        async || {
            gw.admin("/listeners").await.contains(&listener)
                && acked(&agent).await["Types"]["listeners"]["AckedVersion"].as_str().is_some_and(|v| !v.is_empty())
        },
    )
    .await;
    let good_version = acked(&agent).await["Types"]["listeners"]["AckedVersion"].clone();

    // The same gateway re-registered with a listener Envoy cannot create.
    let current = agent.get_json("/v1/agent/service/gw").await;
    let service = json!({
        "ID": "gw", "Name": "mesh-gateway", "Kind": "mesh-gateway",
        "Address": current["Address"], "Port": current["Port"], "TaggedAddresses": current["TaggedAddresses"],
        "Proxy": {"Config": {
            "envoy_gateway_no_default_bind": true,
            "envoy_gateway_bind_addresses": {"broken": {"Address": "not-an-ip", "Port": free_port()}}
        }}
    });
    assert_eq!(agent.put("/v1/agent/service/register", service.to_string()).await.0, 200);
    eventually_with("the agent records Envoy's NACK", || gw.log(), async || acked(&agent).await["Nacks"] != 0).await;
    let status = acked(&agent).await;
    let nack = &status["LastNack"];
    assert_eq!(nack["TypeURL"], "type.googleapis.com/envoy.config.listener.v3.Listener", "{status}");
    assert!(nack["Message"].as_str().unwrap().contains("not-an-ip"), "Envoy's own error detail: {status}");
    assert_eq!(nack["KeptVersion"], good_version, "{status}");
    // Envoy is back on the last good listener (the agent re-sent it), and it accepts connections.
    eventually_with(
        "Envoy runs the last good listener again",
        || gw.log(),
        async || {
            gw.admin("/listeners").await.contains(&listener)
                && acked(&agent).await["Types"]["listeners"]["AckedVersion"] == good_version
        },
    )
    .await;
    assert!(!gw.admin("/listeners").await.contains("broken"), "{}", gw.admin("/listeners").await);
    assert!(tokio::net::TcpStream::connect(&gw.addr).await.is_ok(), "the old listener accepts");
    assert_eq!(acked(&agent).await["Nacks"], 1, "the rejected set is not retried");
    drop(gw);
    agent.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn envoy_can_fetch_its_configuration_over_tls() {
    if !have_envoy("to run a mesh gateway over xDS TLS") {
        return;
    }
    let pki = Pki::new();
    let agent = crate::support::agent::agent_with(fedctl::config::ConfigFlags {
        dev: true,
        node: Some("s-dc1".into()),
        grpc_port: Some(-1),
        grpc_tls_port: Some(0),
        config_files: vec![pki.server_config("dc1", "s-dc1")],
        ..crate::support::agent::free_ports()
    })
    .await;
    assert!(agent.agent.grpc_addr.is_none(), "plaintext xDS is off");
    let self_info = agent.get_json("/v1/agent/self").await;
    assert_eq!(self_info["XDS"]["TLSPort"], agent.agent.grpc_tls_addr.unwrap().port());
    let ca = pki.ca_file().display().to_string();
    // The agent reports only a TLS port, so `connect envoy` uses it (verifying with -ca-file).
    let gw = Gateway::start_with(&agent, pki.dir.path(), "gw", &["-ca-file", &ca]);
    eventually_with(
        "Envoy takes its listener from the TLS xDS port",
        || gw.log(),
        async || {
            let status = agent.get_json("/v1/internal/xds").await;
            status["gw"]["Types"]["listeners"]["AckedVersion"].as_str().is_some_and(|v| !v.is_empty())
        },
    )
    .await;
    assert!(gw.admin("/listeners").await.contains(&gw.addr));
    drop(gw);
    agent.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connect_envoy_says_in_one_line_when_envoy_is_ready_or_why_not() {
    if !have_envoy("to run mesh gateways") {
        return;
    }
    let agent = dev_agent().await;
    let dir = crate::support::temp_dir();
    // Envoy's own start-up log is warnings only by default; one line says it is ready.
    let port = free_port();
    let quiet = Gateway::spawn(&agent.base, dir.path(), "gw-quiet", port, &[], &[]);
    let ready = format!("==> envoy ready: gw-quiet listening on 127.0.0.1:{port} (admin ");
    eventually_with("the ready line", || quiet.log(), async || quiet.log().contains(&ready)).await;
    let log = quiet.log();
    assert!(!log.contains("][info]["), "no info lines from Envoy by default:\n{log}");
    assert!(log.lines().count() < 10, "a quiet start:\n{log}");

    // The listener's port is taken: the line says Envoy rejected it, and why.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let blocked = Gateway::spawn(&agent.base, dir.path(), "gw-blocked", port, &[], &[]);
    let line = "==> envoy is not ready: it rejected its configuration from the agent: ";
    eventually_with("the not-ready line", || blocked.log(), async || blocked.log().contains(line)).await;
    let log = blocked.log();
    let said = log.lines().find(|l| l.starts_with(line)).unwrap();
    assert!(said.contains(&format!("127.0.0.1:{port}")) && said.contains("Address already in use"), "{said}");
    drop(taken);
    agent.stop().await;
}
