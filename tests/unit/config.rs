//! Agent configuration: files, layering, flags and every kind of error.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use fedctl::config::{
    CONFIG_KEYS, ConfigError, ConfigFlags, KeyProblem, KeyProblemKind, Origin, accepted_keys, config_keys_help, resolve,
};

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

/// The key problems of an `UnknownKeys` error.
fn key_problems(err: &ConfigError) -> Vec<KeyProblem> {
    match err {
        ConfigError::UnknownKeys { keys, .. } => keys.clone(),
        other => panic!("expected unknown keys, got {other:?}"),
    }
}

fn unknown(key: &str, line: usize, suggestion: Option<&str>) -> KeyProblem {
    KeyProblem {
        key: key.to_owned(),
        line: Some(line),
        kind: KeyProblemKind::Unknown { suggestion: suggestion.map(str::to_owned) },
    }
}

fn unsupported(key: &str, line: usize, what: &'static str) -> KeyProblem {
    KeyProblem { key: key.to_owned(), line: Some(line), kind: KeyProblemKind::Unsupported { what } }
}

#[test]
fn unknown_keys_are_errors_naming_file_line_and_key() {
    let (path, err) = error_for("data_dir = \"/x\"\nserver = true\nprots {\n  http = 1\n}\n", "a.hcl");
    assert!(matches!(&err, ConfigError::UnknownKeys { path: p, .. } if *p == path), "{err:?}");
    let file = path.display();
    assert_eq!(
        err.to_string(),
        format!(
            "config file {file}: 1 key fedctl cannot use:\n\
             {file}:3: unknown key \"prots\" (did you mean \"ports\"?)\n\
             fix or remove this key to start the agent"
        )
    );

    let (_, err) = error_for(r#"{"data_dir": "/x", "ports": {"htp": 1}}"#, "a.json");
    assert_eq!(key_problems(&err), vec![unknown("ports.htp", 1, Some("ports.http"))]);

    let (_, err) = error_for(r#"{"data_dir": "/x", "service": {"name": "web", "prot": 1}}"#, "a.json");
    assert!(err.to_string().contains(":1: unknown key \"service.prot\" (did you mean \"service.port\"?)"), "{err}");

    // The second of two service blocks, and a check inside a service.
    let (_, err) = error_for(
        "data_dir = \"/x\"\nservice {\n  name = \"a\"\n}\nservice {\n  name = \"b\"\n  prot = 1\n}\n",
        "a.hcl",
    );
    assert_eq!(key_problems(&err), vec![unknown("service.1.prot", 7, Some("service.1.port"))]);
    let (_, err) = error_for(
        "data_dir = \"/x\"\nservice {\n  name = \"web\"\n  check {\n    ttl = \"30s\"\n    intervl = \"10s\"\n  }\n}\n",
        "a.hcl",
    );
    assert_eq!(key_problems(&err), vec![unknown("service.check.intervl", 6, Some("service.check.interval"))]);

    let (_, err) = error_for("data_dir = \"/x\"\nconnect {\n  enabld = true\n}\n", "a.hcl");
    assert_eq!(key_problems(&err), vec![unknown("connect.enabld", 3, Some("connect.enabled"))]);
    let (_, err) = error_for("limits {\n  http_max_conns = 5\n}\n", "a.hcl");
    assert_eq!(key_problems(&err), vec![unknown("limits.http_max_conns", 2, Some("limits.http_max_conns_per_client"))]);

    // Nothing close: no guess.
    let (_, err) = error_for("data_dir = \"/x\"\nfrobnicate = true\n", "a.hcl");
    assert_eq!(key_problems(&err), vec![unknown("frobnicate", 2, None)]);
    assert!(!err.to_string().contains("did you mean"), "{err}");
}

/// Three typos (one nested) and two Consul settings fedctl lacks (one nested), on lines 4, 5,
/// 6, 9 and 10 of both files below. Both also have `dns` as a value, and the HCL file has
/// `encrypt = ...` in a comment: neither is a key.
fn five_bad_keys() -> Vec<KeyProblem> {
    vec![
        unknown("datacentre", 4, Some("datacenter")),
        unsupported("translate_wan_addrs", 5, "answering with WAN addresses for nodes in other datacenters"),
        unknown("nod_name", 6, Some("node_name")),
        unknown("ports.htp", 9, Some("ports.http")),
        unsupported(
            "dns_config.recursor_strategy",
            11,
            "a DNS recursor strategy of Consul 1.15 and later; fedctl asks them in order",
        ),
    ]
}

#[test]
fn every_bad_key_of_an_hcl_file_is_reported_at_once_with_its_line() {
    let text = r#"# encrypt = "an old key, commented out"
data_dir = "/x"
domain = "dns"
datacentre = "east"
translate_wan_addrs = true
nod_name = "n1"
ports {
  http = 8500
  htp = 1
}
dns_config { recursor_strategy = "random" }
"#;
    let (path, err) = error_for(text, "agent.hcl");
    assert!(matches!(&err, ConfigError::UnknownKeys { path: p, .. } if *p == path), "{err:?}");
    assert_eq!(key_problems(&err), five_bad_keys());
    let file = path.display();
    assert_eq!(
        err.to_string(),
        format!(
            "config file {file}: 5 keys fedctl cannot use:\n\
             {file}:4: unknown key \"datacentre\" (did you mean \"datacenter\"?)\n\
             {file}:5: \"translate_wan_addrs\" is a Consul setting fedctl does not support yet (answering with WAN addresses for nodes in other datacenters)\n\
             {file}:6: unknown key \"nod_name\" (did you mean \"node_name\"?)\n\
             {file}:9: unknown key \"ports.htp\" (did you mean \"ports.http\"?)\n\
             {file}:11: \"dns_config.recursor_strategy\" is a Consul setting fedctl does not support yet (a DNS recursor strategy of Consul 1.15 and later; fedctl asks them in order)\n\
             fix the unknown keys and remove the unsupported ones to start the agent"
        )
    );
}

#[test]
fn every_bad_key_of_a_json_file_is_reported_at_once_with_its_line() {
    let text = r#"{
  "data_dir": "/x",
  "domain": "dns",
  "datacentre": "east",
  "translate_wan_addrs": true,
  "nod_name": "n1",
  "ports": {
    "http": 8500,
    "htp": 1
  },
  "dns_config": { "recursor_strategy": "random" }
}
"#;
    let (path, err) = error_for(text, "agent.json");
    assert!(matches!(&err, ConfigError::UnknownKeys { path: p, .. } if *p == path), "{err:?}");
    assert_eq!(key_problems(&err), five_bad_keys());
    let message = err.to_string();
    assert_eq!(message.lines().count(), 7, "a heading, one line per key, what to do: {message}");
    assert!(message.contains(&format!("{}:9: unknown key \"ports.htp\"", path.display())), "{message}");
}

#[test]
fn consul_settings_fedctl_lacks_are_named_as_such() {
    let text = r#"data_dir = "/x"
ui = true
enable_script_checks = false
translate_wan_addrs = true
acl {
  enabled = true
}
telemetry {
  prometheus_retention_time = "24h"
}
performance {
  raft_multiplier = 1
}
"#;
    let (path, err) = error_for(text, "consul.hcl");
    let problems = key_problems(&err);
    let found: Vec<(&str, Option<usize>)> = problems.iter().map(|p| (p.key.as_str(), p.line)).collect();
    assert_eq!(
        found,
        [
            ("ui", Some(2)),
            ("enable_script_checks", Some(3)),
            ("translate_wan_addrs", Some(4)),
            ("telemetry", Some(8)),
            ("performance", Some(11))
        ]
    );
    assert!(problems.iter().all(|p| matches!(p.kind, KeyProblemKind::Unsupported { .. })), "{problems:?}");
    let message = err.to_string();
    assert!(
        message.contains(&format!(
            "{}:4: \"translate_wan_addrs\" is a Consul setting fedctl does not support yet (answering with WAN addresses for nodes in other datacenters)",
            path.display()
        )),
        "{message}"
    );
    assert!(!message.contains("unknown key"), "{message}");
    assert!(message.ends_with("\nremove these keys to start the agent"), "{message}");
}

#[test]
fn more_consul_settings_fedctl_lacks_are_named_as_such() {
    let text = r#"data_dir = "/x"
node_id = "adf4238a-882b-9ddc-4a9d-5b6758e4159e"
advertise_addr_wan = "203.0.113.1"
translate_wan_addrs = true
tls {
  defaults {
    verify_incoming = true
  }
}
connect {
  enabled = true
  ca_provider = "vault"
  ca_config {
    address = "https://vault:8200"
  }
}
"#;
    let (_, err) = error_for(text, "consul.hcl");
    let problems = key_problems(&err);
    let found: Vec<(&str, Option<usize>)> = problems.iter().map(|p| (p.key.as_str(), p.line)).collect();
    assert_eq!(
        found,
        [
            ("node_id", Some(2)),
            ("advertise_addr_wan", Some(3)),
            ("translate_wan_addrs", Some(4)),
            ("tls", Some(5)),
            ("connect.ca_provider", Some(12)),
            ("connect.ca_config", Some(13))
        ]
    );
    assert!(problems.iter().all(|p| matches!(p.kind, KeyProblemKind::Unsupported { .. })), "{problems:?}");
    assert!(err.to_string().contains("fedctl takes Consul 1.8's top-level ca_file"), "{err}");
}

#[test]
fn a_service_token_is_read_in_every_service_block_and_list_element() {
    let dir = temp_dir();
    // The second of two service blocks, and an element of the services list.
    let two = "data_dir = \"/x\"\nservice {\n  name = \"web\"\n}\nservice {\n  name = \"api\"\n  token = \"t\"\n}\n";
    let cfg = resolve(&with_files(vec![write(dir.path(), "a.hcl", two)])).unwrap();
    let tokens: Vec<&str> = cfg.services.iter().map(|s| s.token.as_str()).collect();
    assert_eq!(tokens, ["", "t"]);
    let list = r#"{
  "data_dir": "/x",
  "services": [
    {"name": "web", "token": "t"}
  ]
}"#;
    let cfg = resolve(&with_files(vec![write(dir.path(), "a.json", list)])).unwrap();
    assert_eq!(cfg.services[0].token, "t");
}

#[test]
fn a_service_with_a_sidecar_is_read_and_a_typo_inside_the_sidecar_is_found() {
    let dir = temp_dir();
    let ok = write(
        dir.path(),
        "ok.hcl",
        "data_dir = \"/x\"\nservice {\n  name = \"web\"\n  port = 8080\n  connect {\n    sidecar_service {}\n  }\n}\n",
    );
    let cfg = resolve(&ConfigFlags { config_files: vec![ok], ..ConfigFlags::default() }).unwrap();
    assert!(cfg.services[0].connect.as_ref().is_some_and(|c| c.sidecar_service.is_some()), "{:?}", cfg.services);
    let typo = "data_dir = \"/x\"\nservice {\n  name = \"web\"\n  connect {\n    sidecar_service {\n      prot = 1\n    }\n  }\n}\n";
    let (_, err) = error_for(typo, "a.hcl");
    let problems = key_problems(&err);
    assert_eq!(problems.len(), 1, "{err}");
    assert_eq!(
        (problems[0].key.as_str(), problems[0].line),
        ("service.connect.sidecar_service.prot", Some(6)),
        "{err}"
    );
}

#[test]
fn a_key_whose_line_cannot_be_found_is_reported_without_one_and_last() {
    // The second element of a list written as one `[...]`: its bounds are not tracked.
    let text = r#"{
  "services": [{"name": "a"}, {"name": "b", "prot": 1}],
  "data_dir": "/x",
  "datacentre": "east"
}"#;
    let (path, err) = error_for(text, "a.json");
    let no_line = KeyProblem {
        key: "services.1.prot".to_owned(),
        line: None,
        kind: KeyProblemKind::Unknown { suggestion: Some("services.1.port".to_owned()) },
    };
    assert_eq!(key_problems(&err), vec![unknown("datacentre", 4, Some("datacenter")), no_line]);
    let file = path.display();
    assert_eq!(
        err.to_string(),
        format!(
            "config file {file}: 2 keys fedctl cannot use:\n\
             {file}:4: unknown key \"datacentre\" (did you mean \"datacenter\"?)\n\
             {file}: unknown key \"services.1.prot\" (did you mean \"services.1.port\"?)\n\
             fix or remove these keys to start the agent"
        )
    );
}

#[test]
fn heredocs_and_block_comments_before_a_bad_key_keep_its_line() {
    // Each skipped text holds the bad key itself: were it scanned, the line would be wrong.
    let text = r#"data_dir = "/x"
domain = <<EOF
datacentre = "west"
EOF
/* datacentre = "north"
   nod_name = "n0" */
datacentre = "east"
service {
  name = "web"
  meta {
    motd = <<-EOT
      prot = 80
      EOT
  }
  prot = 80
}
"#;
    let (_, err) = error_for(text, "a.hcl");
    assert_eq!(
        key_problems(&err),
        vec![unknown("datacentre", 7, Some("datacenter")), unknown("service.prot", 15, Some("service.port"))]
    );
}

#[test]
fn a_typo_under_a_capitalised_check_of_a_json_service_is_found() {
    let text = r#"{
  "data_dir": "/x",
  "service": {
    "name": "web",
    "Check": {
      "ttl": "30s",
      "intervl": "10s"
    }
  }
}"#;
    let (_, err) = error_for(text, "a.json");
    assert_eq!(key_problems(&err), vec![unknown("service.Check.intervl", 7, Some("service.Check.interval"))]);
}

#[test]
fn the_documented_config_keys_are_exactly_the_accepted_ones() {
    let documented: Vec<&str> = CONFIG_KEYS.iter().map(|(key, _)| *key).collect();
    let unique: BTreeSet<&str> = documented.iter().copied().collect();
    assert_eq!(unique.len(), documented.len(), "a key documented twice: {documented:?}");
    let accepted = accepted_keys();
    let accepted: BTreeSet<&str> = accepted.iter().map(String::as_str).collect();
    for key in
        ["node_name", "ports.http", "connect.enable_mesh_gateway_wan_federation", "limits.http_max_conns_per_client"]
    {
        assert!(accepted.contains(key), "{key} in {accepted:?}");
    }
    for block in ["ports", "connect", "limits"] {
        assert!(!accepted.contains(block), "{block} is replaced by its keys: {accepted:?}");
    }
    let missing: Vec<&&str> = accepted.difference(&unique).collect();
    let extra: Vec<&&str> = unique.difference(&accepted).collect();
    assert!(missing.is_empty() && extra.is_empty(), "undocumented: {missing:?}; not accepted: {extra:?}");
    for (key, description) in CONFIG_KEYS {
        assert!(!description.is_empty() && !description.contains('\n'), "{key}: {description:?}");
    }
}

#[test]
fn config_keys_help_lists_every_key_with_its_description_indented_below() {
    let help = config_keys_help();
    let mut lines = help.lines();
    assert_eq!(lines.next(), Some("Config file keys (HCL or JSON; flags override them):"));
    let rest: Vec<&str> = lines.collect();
    // Each key on a line of its own, its description below it, indented and short enough
    // that the terminal does not wrap it again.
    let keys: Vec<&str> = rest.iter().filter(|l| !l.starts_with("      ")).map(|l| l.trim()).collect();
    assert_eq!(keys, CONFIG_KEYS.iter().map(|(k, _)| *k).collect::<Vec<_>>(), "{help}");
    for (key, description) in CONFIG_KEYS {
        let at = rest.iter().position(|l| l.trim() == *key && !l.starts_with("      ")).unwrap();
        let below: Vec<&str> =
            rest[at + 1..].iter().take_while(|l| l.starts_with("      ")).map(|l| l.trim()).collect();
        assert_eq!(below.join(" "), description.split_whitespace().collect::<Vec<_>>().join(" "), "{key}");
    }
    assert!(rest.iter().all(|l| l.len() <= 72), "{help}");
    assert!(!help.ends_with('\n'));
}

#[test]
fn a_valid_file_with_every_section_still_loads() {
    let dir = temp_dir();
    let hcl = write(
        dir.path(),
        "a.hcl",
        r#"
# ports.dns is not set here
data_dir = "/x"
server = true
datacenter = "east"
node_name = "n1"
ports {
  http = 9500
}
connect {
  enabled = true
}
limits {
  http_max_conns_per_client = 50
}
service {
  name = "web"
  port = 80
  check {
    http = "http://127.0.0.1:80/health"
    interval = "10s"
  }
}
"#,
    );
    let json = write(
        dir.path(),
        "b.json",
        r#"{
  "data_dir": "/x",
  "server": true,
  "datacenter": "east",
  "node_name": "n1",
  "ports": {"http": 9500},
  "connect": {"enabled": true},
  "limits": {"http_max_conns_per_client": 50},
  "services": [{"name": "web", "port": 80, "checks": [{"ttl": "30s"}]}]
}"#,
    );
    for path in [hcl, json] {
        let cfg = resolve(&with_files(vec![path.clone()])).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!((cfg.datacenter.as_str(), cfg.node_name.as_str()), ("east", "n1"));
        assert_eq!(cfg.ports.http, Some(9500));
        assert!(cfg.connect_enabled);
        assert_eq!(cfg.limits.http.max_conns_per_client, 50);
        let names: Vec<&str> = cfg.services.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["web"]);
    }
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

#[test]
fn the_gossip_key_is_checked_and_its_verify_settings_read() {
    let (_, err) = error_for("data_dir = \"/x\"\nencrypt = \"c2hvcnQ=\"\n", "short.hcl");
    assert_eq!(err.to_string(), "encrypt has invalid key: key size must be 16 or 32 bytes, not 5");
    let (_, err) = error_for("data_dir = \"/x\"\nencrypt = \"not base64!\"\n", "bad.hcl");
    assert!(err.to_string().starts_with("encrypt has invalid key: not base64"), "{err}");
    let dir = temp_dir();
    let key = fedctl::gossip::generate_key();
    let text = format!(
        "data_dir = \"/x\"\nencrypt = \"{key}\"\nencrypt_verify_incoming = false\ndisable_keyring_file = true\n"
    );
    let cfg = resolve(&with_files(vec![write(dir.path(), "ok.hcl", &text)])).unwrap();
    assert_eq!(cfg.encrypt.as_deref(), Some(key.as_str()));
    assert_eq!(cfg.encrypt_verify, fedctl::gossip::Verify { incoming: false, outgoing: true });
    assert!(cfg.disable_keyring_file);
    let plain = resolve(&with_files(vec![write(dir.path(), "none.hcl", "data_dir = \"/x\"\n")])).unwrap();
    assert_eq!((plain.encrypt, plain.encrypt_verify), (None, fedctl::gossip::Verify::default()));
}

#[test]
fn what_no_intention_decides_follows_the_acl_default_policy_unless_connect_says() {
    let dir = temp_dir();
    let cfg = |name: &str, text: &str| resolve(&with_files(vec![write(dir.path(), name, text)])).unwrap();
    let base = "data_dir = \"/x\"\n";
    assert!(cfg("open.hcl", base).intention_default_allow, "no ACLs: allowed");
    let deny = "acl {\n  enabled = true\n  default_policy = \"deny\"\n}\n";
    assert!(!cfg("deny.hcl", &format!("{base}{deny}")).intention_default_allow, "ACLs default deny: denied");
    let allow = "acl {\n  enabled = true\n  default_policy = \"allow\"\n}\n";
    assert!(cfg("allow.hcl", &format!("{base}{allow}")).intention_default_allow);
    let said = "connect {\n  default_intention_policy = \"allow\"\n}\n";
    assert!(cfg("said.hcl", &format!("{base}{deny}{said}")).intention_default_allow, "connect's key wins");
    // The reason, as the reference gives it.
    let reason = |name: &str, text: &str| cfg(name, text).intention_default().reason;
    assert_eq!(reason("deny2.hcl", &format!("{base}{deny}")), "Default behavior configured by ACLs");
    assert_eq!(reason("open2.hcl", base), "ACLs disabled, access is allowed by default");
}

#[test]
fn the_dns_interface_has_the_reference_defaults() {
    let cfg = resolve(&ConfigFlags { dev: true, ..ConfigFlags::default() }).unwrap();
    assert_eq!(cfg.ports.dns, Some(8600));
    let dns = &cfg.dns;
    assert_eq!((dns.domain.as_str(), dns.alt_domain.as_deref()), ("consul.", None));
    assert!(dns.recursors.is_empty());
    assert!(dns.allow_stale && !dns.only_passing && !dns.enable_truncate && dns.node_meta_txt);
    assert_eq!((dns.udp_answer_limit, dns.a_record_limit, dns.node_ttl), (3, 0, 0));
    assert_eq!(dns.recursor_timeout, std::time::Duration::from_secs(2));
    assert_eq!((dns.soa.refresh, dns.soa.retry, dns.soa.expire, dns.soa.min_ttl), (3600, 600, 86400, 0));
}

#[test]
fn dns_keys_layer_like_every_other_key() {
    let dir = temp_dir();
    let a = write(
        dir.path(),
        "a.hcl",
        r#"
domain = "Example.ORG"
alt_domain = "mesh.internal"
recursors = ["127.0.0.53", "10.0.0.2:5353", "127.0.0.53:53"]
dns_config {
  only_passing = true
  node_ttl = "30s"
  service_ttl = {
    "*" = "5s"
    "web" = "10s"
  }
  soa {
    min_ttl = 7
  }
}
ports {
  dns = 8653
}
"#,
    );
    let b = write(
        dir.path(),
        "b.json",
        r#"{ "dns_config": { "udp_answer_limit": 5, "enable_truncate": true, "allow_stale": false, "recursor_timeout": "500ms" } }"#,
    );
    let cfg = resolve(&ConfigFlags { dev: true, ..with_files(vec![a, b]) }).unwrap();
    assert_eq!(cfg.ports.dns, Some(8653));
    let dns = &cfg.dns;
    assert_eq!(dns.domain, "example.org.");
    assert_eq!(dns.alt_domain.as_deref(), Some("mesh.internal."));
    let recursors: Vec<String> = dns.recursors.iter().map(ToString::to_string).collect();
    assert_eq!(recursors, ["127.0.0.53:53", "10.0.0.2:5353"], "port 53 by default, duplicates dropped");
    assert!(dns.only_passing && dns.enable_truncate && !dns.allow_stale);
    assert_eq!((dns.node_ttl, dns.udp_answer_limit, dns.soa.min_ttl, dns.soa.refresh), (30, 5, 7, 3600));
    assert_eq!(dns.recursor_timeout, std::time::Duration::from_millis(500));
    assert_eq!((dns.service_ttl("web"), dns.service_ttl("db")), (10, 5));

    let cfg = resolve(&ConfigFlags { dev: true, dns_port: Some(-1), ..ConfigFlags::default() }).unwrap();
    assert_eq!(cfg.ports.dns, None, "-dns-port -1 turns the interface off");
}

#[test]
fn bad_dns_settings_are_refused_with_the_key_and_the_reason() {
    for (text, message) in [
        (
            "alt_domain = \"service.example\"",
            "alt_domain = \"service.example\": alt_domain cannot start with {service,connect,node,query,addr,dc1}",
        ),
        ("alt_domain = \"dc1.example\"", "alt_domain cannot start with {service,connect,node,query,addr,dc1}"),
        ("alt_domain = \"bad_name!\"", "alt_domain = \"bad_name!\": must be a DNS name"),
        (
            "recursors = [\"unix:///var/run/dns.sock\"]",
            "DNS Recursors cannot be unix sockets: unix:///var/run/dns.sock",
        ),
        ("recursors = [\"dns.example\"]", "recursors = \"dns.example\": must be an IP address"),
        ("recursors = [\"10.0.0.1:99999\"]", "recursors = \"10.0.0.1:99999\": the port must be a number 1-65535"),
        ("dns_config { udp_answer_limit = -1 }", "dns_config.udp_answer_limit = \"-1\": must be 0 or more"),
        ("dns_config { recursor_timeout = \"0s\" }", "dns_config.recursor_timeout = \"0s\": must be greater than 0"),
        ("dns_config { node_ttl = \"forever\" }", "dns_config.node_ttl"),
        ("ports { dns = 70000 }", "ports.dns = \"70000\": expected a port number 0-65535, or -1 to disable"),
    ] {
        let dir = temp_dir();
        let path = write(dir.path(), "dns.hcl", &format!("{text}\n"));
        let err = resolve(&ConfigFlags { dev: true, ..with_files(vec![path]) }).unwrap_err().to_string();
        assert!(err.contains(message), "{text}: {err}");
        assert!(err.contains("dns.hcl"), "the file is named: {err}");
    }
}

#[test]
fn the_readme_dns_example_loads() {
    let readme = fs::read_to_string(crate::support::repo_root().join("README.md")).unwrap();
    let section = &readme[readme.find("## DNS interface\n").unwrap()..];
    let block = &section[section.find("```hcl\n").unwrap() + "```hcl\n".len()..];
    let block = &block[..block.find("```").unwrap()];
    let dir = temp_dir();
    let path = write(dir.path(), "dns.hcl", block);
    let cfg = resolve(&ConfigFlags { dev: true, ..with_files(vec![path]) }).unwrap();
    assert_eq!(cfg.dns.alt_domain.as_deref(), Some("mesh.internal."));
    assert_eq!(cfg.dns.recursors.len(), 2);
    assert!(cfg.dns.only_passing && cfg.dns.enable_truncate);
    assert_eq!((cfg.dns.service_ttl("web"), cfg.dns.service_ttl("db")), (10, 5));
}
