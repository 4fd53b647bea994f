//! `fedctl tls ca create` and `fedctl tls cert create`, run as a user would.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::support::{fedctl, fedctl_ok, have_tool, listing, sans_of, temp_dir};

const SERVER_N1_SANS: [&str; 4] =
    ["DNS:n1.server.dc1.consul", "DNS:server.dc1.consul", "DNS:localhost", "IP:127.0.0.1"];

fn with_ca() -> tempfile::TempDir {
    let dir = temp_dir();
    let run = fedctl_ok(dir.path(), &["tls", "ca", "create"]);
    assert_eq!(run.stdout, "==> Saved consul-agent-ca.pem\n==> Saved consul-agent-ca-key.pem\n");
    dir
}

fn openssl_verify(dir: &Path, ca: &str, cert: &str) {
    if !have_tool("openssl", "to verify certificates with an independent X.509 stack") {
        return;
    }
    let out = Command::new("openssl").args(["verify", "-CAfile", ca, cert]).current_dir(dir).output().unwrap();
    assert!(out.status.success(), "openssl verify {cert}: {}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), format!("{cert}: OK"));
}

#[test]
fn ca_then_server_cert_verifies_with_openssl_and_has_the_sans_in_order() {
    let dir = with_ca();
    let p = dir.path();
    let run = fedctl_ok(p, &["tls", "cert", "create", "-server", "-dc", "dc1", "-node", "n1"]);
    assert_eq!(run.stdout, "==> Saved dc1-server-consul-0.pem\n==> Saved dc1-server-consul-0-key.pem\n");
    assert!(run.stderr.contains("==> WARNING: Server Certificates grants authority"), "{}", run.stderr);
    assert!(run.stderr.contains("==> Using consul-agent-ca.pem and consul-agent-ca-key.pem"));
    assert_eq!(sans_of(&p.join("dc1-server-consul-0.pem")), SERVER_N1_SANS);
    openssl_verify(p, "consul-agent-ca.pem", "dc1-server-consul-0.pem");

    // Again: the next free index.
    let run = fedctl_ok(p, &["tls", "cert", "create", "-server", "-dc", "dc1", "-node", "n1"]);
    assert_eq!(run.stdout, "==> Saved dc1-server-consul-1.pem\n==> Saved dc1-server-consul-1-key.pem\n");
    assert_eq!(sans_of(&p.join("dc1-server-consul-1.pem")), SERVER_N1_SANS);
    openssl_verify(p, "consul-agent-ca.pem", "dc1-server-consul-1.pem");
    assert_ne!(
        fs::read(p.join("dc1-server-consul-0-key.pem")).unwrap(),
        fs::read(p.join("dc1-server-consul-1-key.pem")).unwrap()
    );
}

#[test]
fn double_dash_and_equals_forms_behave_like_single_dash() {
    let dir = with_ca();
    let p = dir.path();
    fedctl_ok(p, &["tls", "cert", "create", "--server", "--dc=dc2", "--node=n2"]);
    fedctl_ok(p, &["tls", "cert", "create", "-server", "-dc", "dc2", "-node", "n2"]);
    fedctl_ok(p, &["tls", "cert", "create", "-server", "-dc=dc2", "--node", "n2"]);
    let expected = ["DNS:n2.server.dc2.consul", "DNS:server.dc2.consul", "DNS:localhost", "IP:127.0.0.1"];
    for n in 0..3 {
        assert_eq!(sans_of(&p.join(format!("dc2-server-consul-{n}.pem"))), expected, "file {n}");
    }
}

#[test]
fn node_without_server_fails_and_writes_nothing() {
    let dir = with_ca();
    let before = listing(dir.path());
    let run = fedctl(dir.path(), &["tls", "cert", "create", "-client", "-node", "n1"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.starts_with("error: -node requires -server\n"), "{}", run.stderr);
    assert_eq!(listing(dir.path()), before);
}

/// Every validation error: exit 1, a message naming the problem, nothing written.
#[test]
fn validation_errors_fail_cleanly() {
    let dir = with_ca();
    let p = dir.path();
    fs::create_dir(p.join("a-directory")).unwrap();
    // A second CA, to pair one CA's certificate with another's key.
    let other = with_ca();
    fs::copy(other.path().join("consul-agent-ca-key.pem"), p.join("other-key.pem")).unwrap();
    let before = listing(p);
    let cases: &[(&[&str], &str)] = &[
        (&[], "error: please provide exactly one of -server, -client or -cli"),
        (&["-server", "-client"], "error: please provide exactly one of -server, -client or -cli"),
        (&["-client", "-cli"], "error: please provide exactly one of -server, -client or -cli"),
        (&["-cli", "-node", "n1"], "error: -node requires -server"),
        (&["-server", "-node", "n_1"], "error: invalid node name \"n_1\""),
        (&["-server", "-node", "n1.dc1"], "error: invalid node name \"n1.dc1\""),
        (&["-server", "-node", ""], "error: invalid node name \"\""),
        (&["-server", "-dc", "dc 1"], "error: invalid datacenter \"dc 1\""),
        (&["-server", "-domain", "-x"], "error: invalid domain \"-x\""),
        (&["-server", "-additional-dnsname", "a b"], "error: invalid additional DNS name \"a b\""),
        (&["-server", "-additional-ipaddress", "10.0.0.256"], "error: invalid IP address \"10.0.0.256\""),
        (&["-server", "-days", "0"], "error: the validity period must be at least 1 day"),
        (&["-server", "-ca", ""], "error: please provide the CA certificate with -ca"),
        (&["-server", "-key", ""], "error: please provide the CA key with -key"),
        (&["-server", "-ca", "missing.pem"], "error: reading CA missing.pem: No such file"),
        (&["-server", "-key", "missing-key.pem"], "error: reading CA key missing-key.pem: No such file"),
        (&["-server", "-ca", "a-directory"], "error: reading CA a-directory:"),
        (
            &["-server", "-key", "other-key.pem"],
            "error: CA key other-key.pem does not match CA certificate consul-agent-ca.pem",
        ),
        (&["-server", "-ca", "other-key.pem"], "error: reading CA other-key.pem: no PEM certificate found"),
        (&["-server", "-domain", "example"], "error: reading CA example-agent-ca.pem: No such file"),
    ];
    for (extra, expected) in cases {
        let mut args = vec!["tls", "cert", "create"];
        args.extend_from_slice(extra);
        let run = fedctl(p, &args);
        assert_eq!(run.code, 1, "{args:?}: {run:?}");
        assert!(run.stderr.contains(expected), "{args:?}: expected {expected:?} in {:?}", run.stderr);
        assert!(run.stdout.is_empty(), "{args:?}: {run:?}");
        assert_eq!(listing(p), before, "{args:?} wrote files");
    }
}

#[test]
fn missing_ca_hint_says_how_to_make_one() {
    let dir = temp_dir();
    let run = fedctl(dir.path(), &["tls", "cert", "create", "-server", "-node", "n1"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("hint: create a CA with `fedctl tls ca create`"), "{}", run.stderr);
}

#[test]
fn ca_create_never_overwrites() {
    let dir = temp_dir();
    let p = dir.path();
    fs::write(p.join("consul-agent-ca-key.pem"), "precious").unwrap();
    let run = fedctl(p, &["tls", "ca", "create"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.starts_with("error: consul-agent-ca-key.pem already exists\n"), "{}", run.stderr);
    assert_eq!(listing(p), ["consul-agent-ca-key.pem".to_owned()].into());
    assert_eq!(fs::read_to_string(p.join("consul-agent-ca-key.pem")).unwrap(), "precious");

    // A complete CA is not replaced either.
    let dir = with_ca();
    let before = fs::read(dir.path().join("consul-agent-ca.pem")).unwrap();
    assert_eq!(fedctl(dir.path(), &["tls", "ca", "create"]).code, 1);
    assert_eq!(fs::read(dir.path().join("consul-agent-ca.pem")).unwrap(), before);
}

#[test]
fn ca_create_flags_and_json_output() {
    let dir = temp_dir();
    let run = fedctl_ok(
        dir.path(),
        &[
            "tls",
            "ca",
            "create",
            "-domain",
            "example",
            "-days",
            "30",
            "-name-constraint",
            "-additional-name-constraint",
            "corp.test",
            "-common-name",
            "Example CA",
            "-format=json",
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["cert_file"], "example-agent-ca.pem");
    assert_eq!(json["key_file"], "example-agent-ca-key.pem");
    assert_eq!(json["common_name"], "Example CA");
    assert_eq!(json["permitted_dns_domains"], serde_json::json!(["corp.test", "example", "localhost"]));
    let key_mode = {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(dir.path().join("example-agent-ca-key.pem")).unwrap().permissions().mode() & 0o777
    };
    assert_eq!(key_mode, 0o600);
    // The CA signs for its own domain.
    fedctl_ok(dir.path(), &["tls", "cert", "create", "-server", "-domain", "example", "-node", "n1"]);
    openssl_verify(dir.path(), "example-agent-ca.pem", "dc1-server-example-0.pem");
}

#[test]
fn additional_name_constraint_needs_name_constraint() {
    let dir = temp_dir();
    let run = fedctl(dir.path(), &["tls", "ca", "create", "-additional-name-constraint", "x.test"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("--name-constraint"), "{}", run.stderr);
    assert!(listing(dir.path()).is_empty());
}

#[test]
fn cert_create_json_output_describes_the_certificate() {
    let dir = with_ca();
    let run = fedctl_ok(
        dir.path(),
        &["tls", "cert", "create", "-server", "-node", "n1", "-additional-ipaddress", "10.0.0.1", "-format", "json"],
    );
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["cert_file"], "dc1-server-consul-0.pem");
    assert_eq!(json["key_file"], "dc1-server-consul-0-key.pem");
    assert_eq!(json["common_name"], "server.dc1.consul");
    assert_eq!(json["sans"][0], serde_json::json!({"type": "dns", "value": "n1.server.dc1.consul"}));
    assert_eq!(json["sans"][4], serde_json::json!({"type": "ip", "value": "10.0.0.1"}));
    assert_eq!(json["extended_key_usages"], serde_json::json!(["server_auth", "client_auth"]));
}

#[test]
fn client_and_cli_certificates() {
    let dir = with_ca();
    let p = dir.path();
    fedctl_ok(p, &["tls", "cert", "create", "-client", "-dc", "dc2"]);
    assert_eq!(sans_of(&p.join("dc2-client-consul-0.pem")), ["DNS:client.dc2.consul", "DNS:localhost", "IP:127.0.0.1"]);
    openssl_verify(p, "consul-agent-ca.pem", "dc2-client-consul-0.pem");

    let run = fedctl_ok(p, &["tls", "cert", "create", "-cli", "-additional-dnsname", "x.test"]);
    assert!(
        run.stderr.contains("-additional-dnsname is not used for -cli certificates; ignored: x.test"),
        "{}",
        run.stderr
    );
    assert_eq!(sans_of(&p.join("dc1-cli-consul-0.pem")), ["DNS:cli.dc1.consul", "DNS:localhost"]);
}

#[test]
fn server_without_node_warns_about_gateway_routing() {
    let dir = with_ca();
    let run = fedctl_ok(dir.path(), &["tls", "cert", "create", "-server"]);
    assert!(run.stderr.contains("without -node this certificate lacks <node>.server.dc1.consul"), "{}", run.stderr);
}

/// A Consul-made CA (SEC1 `EC PRIVATE KEY`) can sign fedctl certificates.
#[test]
fn a_sec1_ca_key_made_by_openssl_is_accepted() {
    if !have_tool("openssl", "to make a CA the way Consul and openssl store keys (SEC1)") {
        return;
    }
    let dir = temp_dir();
    let p = dir.path();
    let sh = |cmd: &str| {
        let out = Command::new("sh").args(["-c", cmd]).current_dir(p).output().unwrap();
        assert!(out.status.success(), "{cmd}: {}", String::from_utf8_lossy(&out.stderr));
    };
    sh("openssl ecparam -genkey -name prime256v1 -noout -out ca-key.pem");
    sh("openssl req -x509 -new -key ca-key.pem -subj '/CN=Consul Agent CA 1' -days 30 -out ca.pem \
        -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign,digitalSignature");
    assert!(fs::read_to_string(p.join("ca-key.pem")).unwrap().starts_with("-----BEGIN EC PRIVATE KEY-----"));
    fedctl_ok(p, &["tls", "cert", "create", "-server", "-node", "n1", "-ca", "ca.pem", "-key", "ca-key.pem"]);
    assert_eq!(sans_of(&p.join("dc1-server-consul-0.pem")), SERVER_N1_SANS);
    openssl_verify(p, "ca.pem", "dc1-server-consul-0.pem");
}

/// The files the CLI wrote, loaded as an agent would, in a real mutual-TLS handshake.
#[test]
fn cli_written_files_complete_a_mutual_tls_handshake_with_node_sni() {
    use fedctl::tls::TlsMaterial;
    let dir = with_ca();
    let p = dir.path();
    fedctl_ok(p, &["tls", "cert", "create", "-server", "-dc", "dc1", "-node", "n1"]);
    fedctl_ok(p, &["tls", "cert", "create", "-client", "-dc", "dc1"]);
    let ca = p.join("consul-agent-ca.pem");
    let server =
        TlsMaterial::load(&ca, &p.join("dc1-server-consul-0.pem"), &p.join("dc1-server-consul-0-key.pem")).unwrap();
    let client =
        TlsMaterial::load(&ca, &p.join("dc1-client-consul-0.pem"), &p.join("dc1-client-consul-0-key.pem")).unwrap();
    let (addr, handle) = crate::support::tls::serve_once(&server);
    assert_eq!(crate::support::tls::ping(&client, addr, "n1.server.dc1.consul").unwrap(), b"pong");
    let seen = handle.join().unwrap().unwrap();
    assert_eq!(seen.sni.as_deref(), Some("n1.server.dc1.consul"));
    assert_eq!(seen.client_certs, 1);
}
