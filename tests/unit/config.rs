//! Agent configuration: files, layering, flags and every kind of error.

use std::fs;
use std::path::{Path, PathBuf};

use fedctl::config::{ConfigError, ConfigFlags, Origin, resolve};

use crate::support::temp_dir;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

fn with_files(files: Vec<PathBuf>) -> ConfigFlags {
    ConfigFlags { config_files: files, ..ConfigFlags::default() }
}

#[test]
fn dev_needs_no_flags() {
    let cfg = resolve(&ConfigFlags { dev: true, ..ConfigFlags::default() }).unwrap();
    assert!(cfg.server && cfg.dev);
    assert_eq!(cfg.data_dir, None);
    assert_eq!(cfg.datacenter, "dc1");
    assert_eq!(cfg.bootstrap_expect, 1);
    assert_eq!(cfg.ports.http, Some(8500));
    assert_eq!(cfg.ports.grpc, Some(8502));
    assert_eq!(cfg.client_addr.to_string(), "127.0.0.1");
    assert!(!cfg.node_name.is_empty() && !cfg.node_name.contains('.'));
}

#[test]
fn files_merge_in_order_and_flags_win() {
    let dir = temp_dir();
    let a = write(
        dir.path(),
        "a.hcl",
        r#"
node_name = "from-a"
datacenter = "east"
server = true
data_dir = "/tmp/a"
ports {
  http = 9500
  grpc = -1
}
service {
  name = "web"
  port = 80
  tags = ["v1"]
  check {
    tcp = "127.0.0.1:80"
    interval = "10s"
  }
}
service {
  name = "api"
}
"#,
    );
    let b = write(
        dir.path(),
        "b.json",
        r#"{"node_name": "from-b", "ports": {"server": 9300}, "services": [{"name": "db", "port": 5432}],
            "check": {"id": "mem", "ttl": "30s"}}"#,
    );
    let cfg = resolve(&with_files(vec![a.clone(), b.clone()])).unwrap();
    assert_eq!(cfg.node_name, "from-b", "later files win");
    assert_eq!(cfg.datacenter, "east");
    assert_eq!(cfg.ports.http, Some(9500));
    assert_eq!(cfg.ports.server, Some(9300));
    assert_eq!(cfg.ports.grpc, None, "-1 disables");
    assert_eq!(cfg.ports.serf_lan, Some(8301));
    let names: Vec<&str> = cfg.services.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["web", "api", "db"], "service blocks from every file accumulate");
    assert_eq!(cfg.services[0].check.as_ref().unwrap().tcp, "127.0.0.1:80");
    assert_eq!(cfg.checks[0].id, "mem");

    let flags = ConfigFlags { node: Some("from-flag".into()), http_port: Some(0), ..with_files(vec![a, b]) };
    let cfg = resolve(&flags).unwrap();
    assert_eq!(cfg.node_name, "from-flag");
    assert_eq!(cfg.ports.http, Some(0));
}

#[test]
fn config_dir_loads_hcl_and_json_in_name_order() {
    let dir = temp_dir();
    write(dir.path(), "20-b.json", r#"{"node_name": "second"}"#);
    write(dir.path(), "10-a.hcl", "node_name = \"first\"\ndata_dir = \"/tmp/x\"\nserver = true\n");
    write(dir.path(), "README.md", "not config");
    let cfg = resolve(&ConfigFlags { config_dirs: vec![dir.path().to_owned()], ..ConfigFlags::default() }).unwrap();
    assert_eq!(cfg.node_name, "second");
}

fn error_for(text: &str, name: &str) -> (PathBuf, ConfigError) {
    let dir = temp_dir();
    let path = write(dir.path(), name, text);
    let err = resolve(&with_files(vec![path.clone()])).unwrap_err();
    // Keep the directory alive only as long as needed: the path is only compared.
    (path, err)
}

#[test]
fn unknown_keys_are_errors_naming_file_and_key() {
    let (path, err) = error_for("data_dir = \"/x\"\nserver = true\nprots {\n  http = 1\n}\n", "a.hcl");
    assert!(matches!(&err, ConfigError::Key { key, .. } if key == "prots"), "{err:?}");
    assert_eq!(err.to_string(), format!("config file {}, key prots: unknown key", path.display()));

    let (_, err) = error_for(r#"{"data_dir": "/x", "ports": {"htp": 1}}"#, "a.json");
    assert!(matches!(&err, ConfigError::Key { key, .. } if key == "ports.htp"), "{err:?}");

    let (_, err) = error_for(r#"{"data_dir": "/x", "service": {"name": "web", "prot": 1}}"#, "a.json");
    assert!(err.to_string().contains("service.prot: unknown key"), "{err}");
}

#[test]
fn bad_values_name_the_key_and_what_is_expected() {
    let (path, err) = error_for("data_dir = \"/x\"\nserver = true\nports {\n  http = 70000\n}\n", "a.hcl");
    assert_eq!(
        err.to_string(),
        format!(
            "config file {}, ports.http = \"70000\": expected a port number 0-65535, or -1 to disable",
            path.display()
        )
    );
    let (_, err) = error_for(r#"{"data_dir": "/x", "ports": {"http": "eighty"}}"#, "a.json");
    assert!(matches!(&err, ConfigError::Key { key, .. } if key == "ports.http"), "{err:?}");
    assert!(err.to_string().contains("invalid type"), "{err}");

    let (path, err) = error_for("data_dir = \"/x\"\nserver = true\nnode_name = \"n1.dc1\"\n", "a.hcl");
    match &err {
        ConfigError::Invalid { origin: Origin::File(p), key: "node_name", .. } => assert_eq!(p, &path),
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("must be a DNS label"), "{err}");

    let (_, err) = error_for("data_dir = \"/x\"\nbind_addr = \"not-an-ip\"\n", "a.hcl");
    assert!(err.to_string().contains("bind_addr = \"not-an-ip\": expected an IP address"), "{err}");
    let (_, err) = error_for("data_dir = \"/x\"\nlog_level = \"loud\"\n", "a.hcl");
    assert!(err.to_string().contains("log_level"), "{err}");
}

#[test]
fn flag_errors_name_the_flag() {
    let err = resolve(&ConfigFlags { dev: true, node: Some("a.b".into()), ..ConfigFlags::default() }).unwrap_err();
    assert!(err.to_string().starts_with("flag -node, node_name = \"a.b\": must be a DNS label"), "{err}");
    let err = resolve(&ConfigFlags { dev: true, http_port: Some(-5), ..ConfigFlags::default() }).unwrap_err();
    assert!(err.to_string().starts_with("flag -http-port, ports.http"), "{err}");
}

#[test]
fn syntax_errors_missing_files_and_data_dir() {
    let (path, err) = error_for("ports {\n http = \n}\n", "a.hcl");
    assert!(matches!(&err, ConfigError::Parse { path: p, .. } if *p == path), "{err:?}");
    let (_, err) = error_for("{not json", "a.json");
    assert!(matches!(err, ConfigError::Parse { .. }), "{err:?}");
    let (_, err) = error_for("x = 1", "a.yaml");
    assert!(matches!(err, ConfigError::Extension { .. }), "{err:?}");

    let err = resolve(&with_files(vec!["/nonexistent/a.hcl".into()])).unwrap_err();
    assert!(matches!(err, ConfigError::Read { .. }), "{err:?}");
    let err = resolve(&ConfigFlags { server: true, ..ConfigFlags::default() }).unwrap_err();
    assert!(matches!(err, ConfigError::MissingDataDir), "{err:?}");
}

#[test]
fn invalid_checks_in_files_are_rejected() {
    let (_, err) =
        error_for(r#"{"data_dir": "/x", "service": {"name": "web", "check": {"tcp": "localhost:80"}}}"#, "a.json");
    assert!(err.to_string().contains("Interval is required"), "{err}");
    let (_, err) = error_for(r#"{"data_dir": "/x", "check": {"id": "c", "ttl": "soon"}}"#, "a.json");
    assert!(err.to_string().contains("invalid duration"), "{err}");
}
