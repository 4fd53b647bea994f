//! `web` reaches `echo` through both sidecars (real Envoy, one agent): the request goes to
//! web's upstream port, over mTLS between the sidecars, to echo's app. Echo's public listener
//! presents echo's SPIFFE ID (checked with openssl) and refuses clients without a leaf of the
//! trust domain. Deregistering echo stops its proxy's watches; registering it again resumes
//! them and traffic flows again.

use std::process::Command;
use std::time::Duration;

use crate::support::agent::dev_agent;
use crate::support::gateway::{free_port, have_envoy, wait_for_trust_domain};
use crate::support::mesh::{
    echo_app, register_with_sidecar, start_sidecar, tcp_round_trip, tls_round_trip, wait_for_round_trip,
};
use crate::support::{have_tool, temp_dir};

/// The sidecar's TCP check runs every 10 s (the reference's interval): a new sidecar is
/// routed to once it has passed once.
const FIRST_ROUTE: Duration = Duration::from_secs(40);

/// The subject alternative names of the certificate `addr` presents, read by openssl.
fn presented_sans(addr: &str) -> String {
    let script =
        format!("openssl s_client -connect {addr} </dev/null 2>/dev/null | openssl x509 -noout -ext subjectAltName");
    let out = Command::new("sh").args(["-c", &script]).output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn web_reaches_echo_through_both_sidecars_with_mtls_and_echo_refuses_clients_without_a_leaf() {
    if !have_envoy("to run the sidecars") || !have_tool("openssl", "to read the sidecar's certificate") {
        return;
    }
    let dir = temp_dir();
    let agent = dev_agent().await;
    let td = wait_for_trust_domain(&agent).await;
    let echo_port = echo_app("echo").await;
    let (echo_public, upstream) = (free_port(), free_port());
    register_with_sidecar(&agent, "echo", echo_port, echo_public, &[]).await;
    register_with_sidecar(&agent, "web", free_port(), free_port(), &[("echo", upstream)]).await;
    let echo_sidecar = start_sidecar(&agent.base, dir.path(), "echo");
    let web_sidecar = start_sidecar(&agent.base, dir.path(), "web");

    let upstream_addr = format!("127.0.0.1:{upstream}");
    wait_for_round_trip(&upstream_addr, "hello", "echo: hello", FIRST_ROUTE, "web's upstream echo").await;

    // Echo's public listener is echo, as openssl sees it.
    let echo_addr = format!("127.0.0.1:{echo_public}");
    let sans = presented_sans(&echo_addr);
    assert!(sans.contains(&format!("URI:spiffe://{td}/ns/default/dc/dc1/svc/echo")), "{sans}");

    // Without a client certificate, or with one from another CA, echo's sidecar lets nothing
    // through; with web's leaf it does.
    let a = echo_addr.clone();
    let anonymous = tokio::task::spawn_blocking(move || tls_round_trip(&a, None, "hi")).await.unwrap();
    assert!(anonymous.is_err(), "a client without a certificate got {anonymous:?}");
    let stranger = fedctl::tls::generate_connect_root("99999999-0000-0000-0000-000000000000.consul").unwrap();
    let request = fedctl::tls::leaf::leaf_request("99999999-0000-0000-0000-000000000000.consul", "dc1", "web").unwrap();
    let foreign = fedctl::tls::leaf::sign_leaf(
        &stranger.cert_pem,
        &stranger.key_pem,
        &request.csr_pem,
        "99999999-0000-0000-0000-000000000000.consul",
        "dc1",
        Duration::from_secs(3600),
    )
    .unwrap();
    let a = echo_addr.clone();
    let other_ca =
        tokio::task::spawn_blocking(move || tls_round_trip(&a, Some((&foreign.cert_pem, &request.key_pem)), "hi"))
            .await
            .unwrap();
    assert!(other_ca.is_err(), "a client with a certificate of another CA got {other_ca:?}");
    let web_leaf = agent.get_json("/v1/agent/connect/ca/leaf/web").await;
    let (cert, key) =
        (web_leaf["CertPEM"].as_str().unwrap().to_owned(), web_leaf["PrivateKeyPEM"].as_str().unwrap().to_owned());
    let a = echo_addr.clone();
    let with_leaf = tokio::task::spawn_blocking(move || tls_round_trip(&a, Some((&cert, &key)), "hi")).await.unwrap();
    assert_eq!(with_leaf.as_deref(), Ok("echo: hi"));

    // Deregistering echo stops its proxy's watches, and web's upstream has nowhere to go.
    let (status, _) = agent.put("/v1/agent/service/deregister/echo", "").await;
    assert_eq!(status, 200);
    let manager = agent.agent.proxycfg.clone();
    crate::support::eventually("echo's sidecar watches stop", async || {
        !manager.proxies().contains(&"echo-sidecar-proxy".to_owned())
    })
    .await;
    let a = upstream_addr.clone();
    crate::support::eventually("web's upstream stops reaching echo", async || {
        let a = a.clone();
        tokio::task::spawn_blocking(move || tcp_round_trip(&a, "x")).await.unwrap().is_none()
    })
    .await;

    // Registered again (same ports), its watches resume and web reaches echo again.
    register_with_sidecar(&agent, "echo", echo_port, echo_public, &[]).await;
    crate::support::eventually("echo's sidecar is watched again", async || {
        manager.proxies().contains(&"echo-sidecar-proxy".to_owned())
    })
    .await;
    wait_for_round_trip(&upstream_addr, "again", "echo: again", FIRST_ROUTE, "web's upstream after re-registration")
        .await;

    drop((echo_sidecar, web_sidecar));
    agent.stop().await;
}
