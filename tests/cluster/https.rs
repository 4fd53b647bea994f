//! The HTTPS API (`ports.https`) with `verify_incoming_https` and the plain HTTP port off:
//! certificates made with `fedctl tls`, the CLI speaking HTTPS by flags and by Consul's
//! environment variables, and what is refused: plaintext HTTP, no client certificate, and a
//! client certificate of another CA (each leaving the KV store unchanged).

use std::path::Path;
use std::time::Duration;

use fedctl::agent::{StartOptions, start};
use fedctl::config::{ConfigFlags, resolve};

use crate::support::agent::free_ports;
use crate::support::{Run, fedctl_cmd, fedctl_ok, run_cmd, temp_dir};

/// `fedctl args...` in `dir` with `env`, off the runtime (the agent is in this process).
async fn cli(dir: &Path, env: &[(&str, &str)], args: &[&str]) -> Run {
    let (dir, env, args): (std::path::PathBuf, Vec<(String, String)>, Vec<String>) = (
        dir.to_owned(),
        env.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect(),
        args.iter().map(|a| (*a).to_owned()).collect(),
    );
    tokio::task::spawn_blocking(move || run_cmd(fedctl_cmd(&dir).envs(env).args(args))).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn https_only_serves_certified_clients_and_refuses_plaintext_and_another_cas_certificate() {
    fedctl::tls::install_default_provider();
    let dir = temp_dir();
    let p = dir.path();
    fedctl_ok(p, &["tls", "ca", "create"]);
    fedctl_ok(p, &["tls", "cert", "create", "-server", "-dc", "dc1", "-node", "n1"]);
    fedctl_ok(p, &["tls", "cert", "create", "-cli"]);
    let other = temp_dir();
    fedctl_ok(other.path(), &["tls", "ca", "create"]);
    fedctl_ok(other.path(), &["tls", "cert", "create", "-cli"]);
    let hcl = p.join("https.hcl");
    let files = |name: &str| p.join(name).display().to_string();
    std::fs::write(
        &hcl,
        format!(
            "ca_file = {:?}\ncert_file = {:?}\nkey_file = {:?}\nverify_incoming_https = true\n",
            files("consul-agent-ca.pem"),
            files("dc1-server-consul-0.pem"),
            files("dc1-server-consul-0-key.pem")
        ),
    )
    .unwrap();
    let cfg = resolve(&ConfigFlags {
        dev: true,
        node: Some("n1".into()),
        http_port: Some(-1),
        https_port: Some(0),
        config_files: vec![hcl],
        ..free_ports()
    })
    .unwrap();
    let agent = start(cfg, StartOptions::default()).await.unwrap();
    agent.raft().unwrap().wait_for_leader(Duration::from_secs(10)).await.unwrap();
    assert_eq!(agent.http_addr, None, "the plain HTTP port is off");
    let addr = agent.https_addr.expect("HTTPS is on");
    let url = format!("https://{addr}");

    // The CLI with the CA and its client certificate, by flags...
    let flags = ["-http-addr", &url, "-ca-file", "consul-agent-ca.pem"];
    let cert = ["-client-cert", "dc1-cli-consul-0.pem", "-client-key", "dc1-cli-consul-0-key.pem"];
    let put = cli(p, &[], &[&["kv", "put"][..], &flags, &cert, &["app/a", "1"]].concat()).await;
    assert_eq!((put.code, put.stdout.trim()), (0, "Success! Data written to: app/a"), "{put:?}");
    // ... and by Consul's environment, an address without a scheme.
    let host = addr.to_string();
    let env = [
        ("CONSUL_HTTP_ADDR", host.as_str()),
        ("CONSUL_HTTP_SSL", "true"),
        ("CONSUL_CACERT", "consul-agent-ca.pem"),
        ("CONSUL_CLIENT_CERT", "dc1-cli-consul-0.pem"),
        ("CONSUL_CLIENT_KEY", "dc1-cli-consul-0-key.pem"),
    ];
    let get = cli(p, &env, &["kv", "get", "app/a"]).await;
    assert_eq!((get.code, get.stdout.trim()), (0, "1"), "{get:?}");

    // Plaintext HTTP on the HTTPS port gets no answer.
    let plain = crate::support::http_client().put(format!("http://{addr}/v1/kv/app/a")).body("plain").send().await;
    assert!(plain.is_err(), "plaintext HTTP was answered: {plain:?}");
    // No client certificate: the handshake is refused.
    let anonymous = cli(p, &[], &[&["kv", "put"][..], &flags, &["app/a", "anonymous"]].concat()).await;
    assert_eq!(anonymous.code, 1, "{anonymous:?}");
    // TLS 1.3: the refusal arrives as the alert (CertificateRequired) or as the connection
    // closing after the handshake; either way the hint names the client TLS flags.
    assert!(anonymous.stderr.contains("hint: the agent refused the TLS handshake"), "{anonymous:?}");
    // A client certificate of another CA: refused too.
    let o = |name: &str| other.path().join(name).display().to_string();
    let foreign_cert = ["-client-cert", &o("dc1-cli-consul-0.pem"), "-client-key", &o("dc1-cli-consul-0-key.pem")];
    let foreign = cli(p, &[], &[&["kv", "put"][..], &flags, &foreign_cert, &["app/a", "foreign"]].concat()).await;
    assert_eq!(foreign.code, 1, "{foreign:?}");
    // The alert names the reason (UnknownCA) when it arrives before the connection closes.
    let reason = foreign.stderr.contains("UnknownCA") || foreign.stderr.contains("connection was not ready");
    assert!(reason, "the agent does not know its CA: {foreign:?}");
    assert!(foreign.stderr.contains("hint: the agent refused the TLS handshake"), "{foreign:?}");

    let after = cli(p, &[], &[&["kv", "get"][..], &flags, &cert, &["app/a"]].concat()).await;
    assert_eq!(after.stdout.trim(), "1", "nothing refused changed the key: {after:?}");
    agent.shutdown().await;
}

#[test]
fn https_needs_the_agent_certificate() {
    let err = resolve(&ConfigFlags { dev: true, https_port: Some(8501), ..free_ports() }).map(start_error).unwrap();
    assert!(err.contains("ports.https serves the HTTP API with the agent's certificate, but"), "{err}");
}

/// Starting the agent fails before anything runs; its error text.
fn start_error(cfg: fedctl::config::AgentConfig) -> String {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime
        .block_on(async { start(cfg, StartOptions::default()).await.err().map(|e| e.to_string()).unwrap_or_default() })
}
