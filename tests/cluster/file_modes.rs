//! Key material on disk is its owner's only: a server's data directory is 0700 and its raft
//! database (which holds the Connect CA's signing key) and node ID are 0600, also when an
//! older fedctl left them open; `tls ca create`, `tls cert create` and `fedctl lab` write
//! private keys 0600 beside certificates anyone may read.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use fedctl::config::ConfigFlags;
use fedctl::lab::{Lab, LabOptions};

use crate::support::agent::{TestAgent, agent_with, free_ports};
use crate::support::{fedctl_ok, temp_dir};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).permissions().mode() & 0o777
}

#[track_caller]
fn assert_mode(path: &Path, want: u32) {
    let got = mode(path);
    assert!(got == want, "{} is {got:o}, not {want:o}", path.display());
}

async fn durable_server(data: &Path) -> TestAgent {
    agent_with(ConfigFlags {
        server: true,
        bootstrap_expect: Some(1),
        node: Some("s1".into()),
        data_dir: Some(data.display().to_string()),
        bind: Some("127.0.0.1".into()),
        advertise: Some("127.0.0.1".into()),
        ..free_ports()
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_servers_data_dir_raft_database_and_node_id_are_owner_only() {
    let tmp = temp_dir();
    // Missing parents are created owner-only too.
    let data = tmp.path().join("var/fedctl/data");
    let a = durable_server(&data).await;
    let (status, _) = a.put("/v1/kv/kept", "yes").await;
    assert_eq!(status, 200);
    a.stop().await;
    for dir in [tmp.path().join("var"), tmp.path().join("var/fedctl"), data.clone()] {
        assert_mode(&dir, 0o700);
    }
    assert_mode(&data.join("raft.db"), 0o600);
    assert_mode(&data.join("node-id"), 0o600);

    // A database an older fedctl left world-readable is narrowed on the next start, and
    // nothing in it is lost.
    std::fs::set_permissions(data.join("raft.db"), std::fs::Permissions::from_mode(0o644)).unwrap();
    let a = durable_server(&data).await;
    assert_mode(&data.join("raft.db"), 0o600);
    let kept = a.get_json("/v1/kv/kept").await;
    assert_eq!(kept[0]["Value"], "eWVz", "{kept}");
    a.stop().await;
}

#[test]
fn tls_ca_create_and_cert_create_write_keys_owner_only() {
    let dir = temp_dir();
    let p = dir.path();
    fedctl_ok(p, &["tls", "ca", "create"]);
    fedctl_ok(p, &["tls", "cert", "create", "-server", "-node", "n1"]);
    fedctl_ok(p, &["tls", "cert", "create", "-client"]);
    for key in ["consul-agent-ca-key.pem", "dc1-server-consul-0-key.pem", "dc1-client-consul-0-key.pem"] {
        assert_mode(&p.join(key), 0o600);
    }
    for cert in ["consul-agent-ca.pem", "dc1-server-consul-0.pem", "dc1-client-consul-0.pem"] {
        assert_mode(&p.join(cert), 0o644);
    }
}

#[test]
fn a_labs_directories_and_private_keys_are_owner_only() {
    let tmp = temp_dir();
    let dir = tmp.path().join("lab");
    let opts = LabOptions {
        datacenters: 2,
        servers: 1,
        gateways: 1,
        dir: dir.clone(),
        isolate: false,
        name: None,
        secure: true,
    };
    let lab = Lab::plan(&opts).expect("a plan");
    fedctl::lab::write_files(&lab).expect("the lab's files");
    for sub in ["", "tls", "data", "logs", "config"] {
        assert_mode(&dir.join(sub), 0o700);
    }
    let mut keys = 0;
    for entry in std::fs::read_dir(dir.join("tls")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let want = if name.ends_with("-key.pem") { 0o600 } else { 0o644 };
        keys += usize::from(want == 0o600);
        assert_mode(&path, want);
    }
    assert_eq!(keys, 3, "one key per server, and the CLI's for HTTPS");
    // The secrets of a secure lab: owner only, and in every server's configuration.
    assert_mode(&dir.join("management.token"), 0o600);
    assert_mode(&dir.join("config/secrets.json"), 0o600);
    let token = std::fs::read_to_string(dir.join("management.token")).unwrap();
    for (node, primary) in [("dc1-s1", true), ("dc2-s1", false)] {
        let config = std::fs::read_to_string(dir.join(format!("config/{node}.hcl"))).unwrap();
        assert!(config.contains("encrypt = \"") && config.contains("default_policy = \"deny\""), "{config}");
        assert_eq!(
            config.contains(&format!("master = \"{token}\"")),
            primary,
            "only the primary installs the master token: {config}"
        );
    }
}
