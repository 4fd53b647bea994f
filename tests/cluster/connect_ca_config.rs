//! `/v1/connect/ca/configuration` and `fedctl connect ca get-config / set-config`: the
//! reference's shape, its validation messages (HTTP 400, nothing changed), settings that are
//! stored without a rotation and used for new leaves, and the CLI's messages.

use serde_json::{Value, json};

use crate::support::agent::{TestAgent, dev_agent};
use crate::support::gateway::wait_for_trust_domain;
use crate::support::{fedctl, fedctl_ok, temp_dir};

async fn put_config(agent: &TestAgent, body: Value) -> (u16, String) {
    let resp = agent.http.put(agent.url("/v1/connect/ca/configuration")).body(body.to_string()).send().await.unwrap();
    (resp.status().as_u16(), resp.text().await.unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_ca_configuration_is_shown_validated_and_stored_without_a_rotation_for_ttls() {
    let agent = dev_agent().await;
    wait_for_trust_domain(&agent).await;
    let config = agent.get_json("/v1/connect/ca/configuration").await;
    assert_eq!(config["Provider"], "consul");
    assert_eq!(
        config["Config"],
        json!({"LeafCertTTL": "72h", "IntermediateCertTTL": "8760h", "RotationPeriod": "2160h",
               "PrivateKeyType": "ec", "PrivateKeyBits": 256})
    );
    assert_eq!((config["State"].clone(), config["ForceWithoutCrossSigning"].clone()), (Value::Null, json!(false)));
    let before = agent.get_json("/v1/connect/ca/roots").await;

    let refused = [
        (json!({"Provider": "vault"}), "fedctl's only CA provider is \"consul\" (the built-in CA), not \"vault\""),
        (
            json!({"Provider": "consul", "State": {"k": "v"}}),
            "Provider State is read-only. It must be omitted or identical to the current value",
        ),
        (json!({"Config": {"LeafCertTTL": "30m"}}), "leaf cert TTL must be greater or equal than 1h0m0s"),
        (json!({"Config": {"LeafCertTTL": "9000h"}}), "leaf cert TTL must be less than 8760h0m0s"),
        (
            json!({"Config": {"LeafCertTTL": "100h", "IntermediateCertTTL": "200h"}}),
            "Intermediate Cert TTL must be greater or equal than 3 * LeafCertTTL (>=300h0m0s).",
        ),
        (json!({"Config": {"PrivateKeyType": "dsa"}}), "private key type must be either 'ec' or 'rsa'"),
        (json!({"Config": {"PrivateKeyBits": 512}}), "EC key length must be one of (224, 256, 384, 521) bits"),
        (
            json!({"Config": {"PrivateKeyType": "rsa", "PrivateKeyBits": 1024}}),
            "RSA key length must be 2048 or 4096 bits",
        ),
        (json!({"Config": {"RootCert": "x"}}), "must provide a private key when providing a root cert"),
        (json!({"Config": {"LeafCertTTLs": "1h"}}), "unknown CA config key \"LeafCertTTLs\""),
        (json!({"Config": {"PrivateKey": "not a key"}}), "error generating CA root certificate: "),
    ];
    for (body, message) in refused {
        let (status, text) = put_config(&agent, body.clone()).await;
        assert_eq!(status, 400, "{body}: {text}");
        assert!(text.starts_with(message), "{body}: {text:?} does not start with {message:?}");
    }
    let (status, text) = put_config(&agent, json!({"Provider": "consul", "Config": {"LeafCertTTL": "24h"}})).await;
    assert_eq!((status, text.as_str()), (200, ""));
    let after = agent.get_json("/v1/connect/ca/roots").await;
    assert_eq!(after["ActiveRootID"], before["ActiveRootID"], "TTLs alone do not rotate");
    assert_eq!(after["Roots"].as_array().unwrap().len(), 1, "nothing was half-applied by the refused requests");
    let config = agent.get_json("/v1/connect/ca/configuration").await;
    assert_eq!(config["Config"]["LeafCertTTL"], "24h");
    assert!(config["ModifyIndex"].as_u64() > config["CreateIndex"].as_u64(), "{config}");
    // A rotation to a P-384 root, then a TTL alone: the key type is kept, nothing rotates.
    let (status, text) = put_config(&agent, json!({"Config": {"PrivateKeyType": "ec", "PrivateKeyBits": 384}})).await;
    assert_eq!(status, 200, "{text}");
    let rotated = agent.get_json("/v1/connect/ca/roots").await;
    assert_ne!(rotated["ActiveRootID"], before["ActiveRootID"]);
    let (status, text) = put_config(&agent, json!({"Config": {"LeafCertTTL": "24h"}})).await;
    assert_eq!(status, 200, "{text}");
    let kept = agent.get_json("/v1/connect/ca/roots").await;
    assert_eq!(
        (kept["ActiveRootID"].clone(), kept["Roots"].as_array().unwrap().len()),
        (rotated["ActiveRootID"].clone(), 2)
    );
    assert_eq!(agent.get_json("/v1/connect/ca/configuration").await["Config"]["PrivateKeyBits"], 384);
    let leaf = agent.get_json("/v1/agent/connect/ca/leaf/ttl-probe").await;
    let at = |k: &str| {
        time::OffsetDateTime::parse(leaf[k].as_str().unwrap(), &time::format_description::well_known::Rfc3339).unwrap()
    };
    assert_eq!(at("ValidBefore") - at("ValidAfter"), time::Duration::hours(24), "new leaves use the new TTL");

    // The CLI, as the reference's.
    let dir = temp_dir();
    let shown = fedctl_ok(dir.path(), &["connect", "ca", "get-config", "-http-addr", &agent.base]);
    assert!(shown.stdout.contains("\n\t\"Config\": {\n\t\t\"IntermediateCertTTL\": \"8760h\","), "{}", shown.stdout);
    let missing = fedctl(dir.path(), &["connect", "ca", "set-config", "-http-addr", &agent.base]);
    assert!(missing.code != 0 && missing.stderr.contains("The -config-file flag is required"), "{}", missing.stderr);
    let file = dir.path().join("bad.json");
    std::fs::write(&file, "{not json").unwrap();
    let bad = fedctl(
        dir.path(),
        &["connect", "ca", "set-config", "-http-addr", &agent.base, "-config-file", file.to_str().unwrap()],
    );
    assert!(bad.stderr.contains("Error parsing config file: "), "{}", bad.stderr);
    std::fs::write(&file, r#"{"Config": {"LeafCertTTL": "1m"}}"#).unwrap();
    let refused = fedctl(
        dir.path(),
        &["connect", "ca", "set-config", "-http-addr", &agent.base, "-config-file", file.to_str().unwrap()],
    );
    assert!(
        refused.code == 1
            && refused.stderr.contains("Error setting CA configuration: ")
            && refused.stderr.contains("leaf cert TTL must be greater or equal than 1h0m0s"),
        "{}",
        refused.stderr
    );
    agent.stop().await;
}
