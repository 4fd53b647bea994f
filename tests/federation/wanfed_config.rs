//! Configuration of WAN federation through mesh gateways: the reference's rules with its
//! messages, and the certificate preflight at agent start.

use std::path::Path;

use fedctl::config::{ConfigFlags, resolve};

use crate::support::gateway::Pki;

const TLS_VERIFY: &str = "verify_incoming = true\nverify_outgoing = true\nverify_server_hostname = true\n";

fn tls_lines(pki: &Pki, dc: &str, node: &str) -> String {
    // The server config file written by the PKI helper has the TLS keys; reuse its text.
    std::fs::read_to_string(pki.server_config(dc, node)).unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn error(flags: ConfigFlags) -> String {
    resolve(&flags).unwrap_err().to_string()
}

#[test]
fn the_reference_rules_with_its_messages() {
    let pki = Pki::new();
    let dir = pki.dir.path();
    let tls = tls_lines(&pki, "dc2", "s1");
    let wanfed = "connect {\n  enabled = true\n  enable_mesh_gateway_wan_federation = true\n}\n";
    let file = |name: &str, text: String| write(dir, name, &text);
    let flags = |files: Vec<std::path::PathBuf>| ConfigFlags {
        node: Some("s1".into()),
        datacenter: Some("dc2".into()),
        primary_datacenter: Some("dc1".into()),
        data_dir: Some(dir.join("data").display().to_string()),
        config_files: files,
        ..ConfigFlags::default()
    };
    let server = |f: ConfigFlags| ConfigFlags { server: true, ..f };

    let good = file("good.hcl", format!("{tls}{wanfed}primary_gateways = [\"gw.dc1.example:8443\"]\n"));
    let cfg = resolve(&server(flags(vec![good.clone()]))).unwrap();
    assert!(cfg.mesh_gateway_wan_federation && cfg.connect_enabled);
    assert_eq!(cfg.primary_gateways, ["gw.dc1.example:8443"]);
    assert_eq!(cfg.primary_gateways_interval, std::time::Duration::from_secs(30));

    let cases: Vec<(ConfigFlags, &str)> = vec![
        (flags(vec![good.clone()]), "'connect.enable_mesh_gateway_wan_federation = true' requires 'server = true'"),
        (
            server(flags(vec![file(
                "off.hcl",
                format!("{tls}connect {{ enable_mesh_gateway_wan_federation = true }}\n"),
            )])),
            "'connect.enable_mesh_gateway_wan_federation=true' requires 'connect.enabled=true'",
        ),
        (
            ConfigFlags { join_wan: vec!["10.0.0.1".into()], ..server(flags(vec![good.clone()])) },
            "'retry_join_wan' is incompatible with 'connect.enable_mesh_gateway_wan_federation = true'",
        ),
        (
            server(flags(vec![file("notls.hcl", wanfed.to_owned())])),
            "'connect.enable_mesh_gateway_wan_federation = true' requires TLS",
        ),
        (
            server(flags(vec![file("noverify.hcl", format!("{}{wanfed}", tls.replace(TLS_VERIFY, "")))])),
            "requires TLS: ca_file, cert_file, key_file, verify_incoming, verify_outgoing and verify_server_hostname",
        ),
        (
            ConfigFlags { primary_gateways: vec!["10.1.0.1:8443".into()], ..flags(vec![]) },
            "'primary_gateways' requires 'server = true'",
        ),
        (
            ConfigFlags {
                primary_gateways: vec!["10.1.0.1:8443".into()],
                datacenter: Some("dc1".into()),
                ..server(flags(vec![]))
            },
            "'primary_gateways' should only be configured in a secondary datacenter",
        ),
        (
            server(flags(vec![file("fast.hcl", "primary_gateways_interval = \"10ms\"\n".into())])),
            "'primary_gateways_interval' must be at least 1s",
        ),
    ];
    for (flags, expected) in cases {
        let got = error(flags.clone());
        assert!(got.contains(expected), "{flags:?}\nexpected {expected:?}\ngot {got:?}");
    }
}

#[tokio::test]
async fn the_preflight_names_the_missing_certificate_name_and_the_command_that_fixes_it() {
    let pki = Pki::new();
    let dir = pki.dir.path();
    // A server certificate made without -node: it lacks s1.server.dc1.consul.
    let tls = std::fs::read_to_string(pki.server_config_without_node("dc1", "plain")).unwrap();
    let wanfed = "connect {\n  enabled = true\n  enable_mesh_gateway_wan_federation = true\n}\n";
    let config = write(dir, "s1.hcl", &format!("{tls}{wanfed}"));
    let flags = ConfigFlags {
        dev: true,
        node: Some("s1".into()),
        config_files: vec![config],
        ..crate::support::agent::free_ports()
    };
    let cfg = resolve(&flags).unwrap();
    let err = fedctl::agent::start(cfg, Default::default()).await.unwrap_err().to_string();
    assert!(!err.contains('\n'), "one line: {err}");
    assert!(err.contains("is not valid for s1.server.dc1.consul"), "{err}");
    assert!(err.ends_with("make one with `fedctl tls cert create -server -dc dc1 -node s1`"), "{err}");
}
