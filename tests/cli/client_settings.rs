//! Client flag / environment precedence, as a pure function and through the binary.

use std::collections::HashMap;

use fedctl::api::{ClientConfigError, ClientFlags, Source, normalize_addr};

use crate::support::{fedctl_cmd, run_cmd, temp_dir};

fn resolve(flags: &ClientFlags, env: &[(&str, &str)]) -> Result<fedctl::api::ClientSettings, ClientConfigError> {
    let env: HashMap<String, String> = env.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    flags.resolve(|name| env.get(name).cloned())
}

#[test]
fn http_addr_precedence_is_flag_then_fedctl_then_consul_then_default() {
    let none = ClientFlags::default();
    let s = resolve(&none, &[]).unwrap();
    assert_eq!(s.http_addr.value.as_deref(), Some("http://127.0.0.1:8500"));
    assert_eq!(s.http_addr.source, Source::Default);

    let s = resolve(&none, &[("CONSUL_HTTP_ADDR", "10.0.0.1:8500")]).unwrap();
    assert_eq!(s.http_addr.value.as_deref(), Some("http://10.0.0.1:8500"));
    assert_eq!(s.http_addr.source, Source::Env("CONSUL_HTTP_ADDR"));

    let env = [("CONSUL_HTTP_ADDR", "10.0.0.1:8500"), ("FEDCTL_HTTP_ADDR", "https://10.0.0.2:8501")];
    let s = resolve(&none, &env).unwrap();
    assert_eq!(s.http_addr.value.as_deref(), Some("https://10.0.0.2:8501"));
    assert_eq!(s.http_addr.source, Source::Env("FEDCTL_HTTP_ADDR"));

    let flag = ClientFlags { http_addr: Some("127.0.0.1:9500".into()), ..ClientFlags::default() };
    let s = resolve(&flag, &env).unwrap();
    assert_eq!(s.http_addr.value.as_deref(), Some("http://127.0.0.1:9500"));
    assert_eq!(s.http_addr.source, Source::Flag);
}

#[test]
fn http_ssl_switches_the_default_scheme() {
    let s = resolve(&ClientFlags::default(), &[("CONSUL_HTTP_SSL", "true")]).unwrap();
    assert_eq!(s.http_addr.value.as_deref(), Some("https://127.0.0.1:8500"));
}

#[test]
fn addresses_are_normalised_or_rejected() {
    assert_eq!(normalize_addr("localhost:8500", false).unwrap(), "http://localhost:8500");
    assert_eq!(normalize_addr("http://[::1]:8500/", false).unwrap(), "http://[::1]:8500");
    assert_eq!(normalize_addr("unix:///run/fedctl.sock", false).unwrap(), "unix:///run/fedctl.sock");
    for bad in ["", "localhost", "ftp://x:1", "http://x:99999", "http://x:1/path", "unix://"] {
        assert!(normalize_addr(bad, false).is_err(), "{bad:?} should be rejected");
    }
}

#[test]
fn token_comes_from_flag_env_or_file_and_client_cert_needs_its_key() {
    let dir = temp_dir();
    let token_file = dir.path().join("token");
    std::fs::write(&token_file, "  from-file\n").unwrap();
    let path = token_file.to_str().unwrap();
    let s = resolve(&ClientFlags::default(), &[("CONSUL_HTTP_TOKEN_FILE", path)]).unwrap();
    assert_eq!(s.token.value.as_deref(), Some("from-file"));
    let s =
        resolve(&ClientFlags::default(), &[("CONSUL_HTTP_TOKEN_FILE", path), ("CONSUL_HTTP_TOKEN", "env")]).unwrap();
    assert_eq!(s.token.value.as_deref(), Some("env"));
    let missing = ClientFlags { token_file: Some("/nonexistent/token".into()), ..ClientFlags::default() };
    assert!(matches!(resolve(&missing, &[]), Err(ClientConfigError::TokenFile { .. })));

    let half = ClientFlags { client_cert: Some("c.pem".into()), ..ClientFlags::default() };
    assert_eq!(resolve(&half, &[]).unwrap_err(), ClientConfigError::HalfClientCert);
    let s = resolve(&half, &[("CONSUL_CLIENT_KEY", "k.pem")]).unwrap();
    assert_eq!(s.client_key.source, Source::Env("CONSUL_CLIENT_KEY"));
}

#[test]
fn the_binary_applies_the_same_precedence() {
    let dir = temp_dir();
    let run = run_cmd(
        fedctl_cmd(dir.path())
            .args(["internal", "client-config", "-format=json", "-token", "secret-token", "-datacenter", "dc2"])
            .env("CONSUL_HTTP_ADDR", "10.0.0.1:8500")
            .env("FEDCTL_HTTP_ADDR", "10.0.0.2:8500"),
    );
    assert_eq!(run.code, 0, "{run:?}");
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["http_addr"]["value"], "http://10.0.0.2:8500");
    assert_eq!(json["http_addr"]["source"], serde_json::json!({"kind": "env", "name": "FEDCTL_HTTP_ADDR"}));
    assert_eq!(json["datacenter"]["value"], "dc2");
    assert!(!run.stdout.contains("secret-token"), "the token must never be printed");

    let run = run_cmd(fedctl_cmd(dir.path()).args(["internal", "client-config", "-http-addr", "ftp://x"]));
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("error: invalid HTTP address \"ftp://x\""), "{}", run.stderr);
}
