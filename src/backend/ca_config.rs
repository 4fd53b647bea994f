//! The primary's CA settings (`PUT /v1/connect/ca/configuration`): validated with the
//! reference's messages, stored, and when they name a new root key, a root rotation. The
//! retiring root cross-signs the new one (7 days), every root stays trusted (old and new, so
//! old and new leaves interoperate), and every agent re-issues its leaves when its roots
//! watch sees the new active root.
//!
//! Unlike the reference, changing only TTLs does not rotate the root: a new root comes from a
//! new `PrivateKey` (with or without its `RootCert`) or a new `PrivateKeyType`/`Bits`.

use std::time::Duration;

use serde_json::{Map, Value};

use crate::duration::{GoDuration, parse_go_duration, rfc3339};
use crate::state::{CaConfig, CaConfigRequest, CaRoot, ConnectCa};
use crate::tls::intermediate::cross_sign;
use crate::tls::{ConnectRoot, connect_root_from_pem, connect_root_with_key};

/// What applying a request changes.
#[derive(Debug)]
pub(super) enum Plan {
    /// The same settings: nothing to write.
    Unchanged,
    /// New settings, and `rotated` when the active root is new.
    Write { ca: Box<ConnectCa>, rotated: bool },
}

/// Keys the reference's built-in provider takes that fedctl accepts and does not use.
const IGNORED_KEYS: [&str; 3] = ["CSRMaxPerSecond", "CSRMaxConcurrent", "ClusterID"];

const MIN_LEAF_TTL: Duration = Duration::from_secs(3600);
const MAX_LEAF_TTL: Duration = Duration::from_secs(8760 * 3600);

/// The CA that `request` makes of `current` (the primary's CA, with its key).
pub(super) fn plan(current: &ConnectCa, request: &CaConfigRequest) -> Result<Plan, String> {
    if !request.provider.is_empty() && request.provider != "consul" {
        return Err(format!("fedctl's only CA provider is \"consul\" (the built-in CA), not {:?}", request.provider));
    }
    if request.state.as_ref().is_some_and(|s| !s.is_empty()) {
        return Err("Provider State is read-only. It must be omitted or identical to the current value".to_owned());
    }
    let old_config = current.config.clone().unwrap_or_default();
    let (config, key) = parse(&request.config, &old_config)?;
    let root_error = |e: crate::tls::TlsError| format!("error generating CA root certificate: {e}");
    let td = current.trust_domain.as_str();
    let key_kind_changed = (config.private_key_type.as_str(), config.private_key_bits)
        != (old_config.private_key_type.as_str(), old_config.private_key_bits);
    let new_root = match key {
        Some(NewKey { key_pem, root_cert: Some(cert) }) => {
            Some(connect_root_from_pem(&cert, &key_pem).map_err(root_error)?)
        }
        Some(NewKey { key_pem, root_cert: None }) => Some(connect_root_with_key(td, &key_pem).map_err(root_error)?),
        None if key_kind_changed => Some(connect_root_with_key(td, &generate_key(&config)?).map_err(root_error)?),
        None => None,
    };
    let new_root = new_root.filter(|r| r.id != current.active_root_id);
    if new_root.is_none() && config == old_config {
        return Ok(Plan::Unchanged);
    }
    let mut ca = current.clone();
    ca.config = Some(config);
    let rotated = new_root.is_some();
    if let Some(root) = new_root {
        rotate(&mut ca, root, request.force_without_cross_signing)?;
    }
    Ok(Plan::Write { ca: Box::new(ca), rotated })
}

/// A new key of the configured type, PEM (the ones this build can generate).
fn generate_key(config: &CaConfig) -> Result<String, String> {
    let alg = match (config.private_key_type.as_str(), config.private_key_bits) {
        ("ec", 256) => &rcgen::PKCS_ECDSA_P256_SHA256,
        ("ec", 384) => &rcgen::PKCS_ECDSA_P384_SHA384,
        (typ, bits) => {
            return Err(format!(
                "fedctl generates EC keys of 256 or 384 bits; for a {typ} key of {bits} bits, give it as PrivateKey"
            ));
        }
    };
    rcgen::KeyPair::generate_for(alg).map(|k| k.serialize_pem()).map_err(|e| format!("generating the root key: {e}"))
}

/// Makes `root` the active root of `ca`: cross-signed by the current one unless `force`, the
/// old roots kept (inactive, still trusted), the key replaced.
fn rotate(ca: &mut ConnectCa, root: ConnectRoot, force: bool) -> Result<(), String> {
    let old_key = ca.signing_key.clone().ok_or("the primary holds no key for its active root")?;
    let old = ca.roots.iter().find(|r| r.id == ca.active_root_id).ok_or("no active root to rotate from")?.clone();
    let cross = if force {
        None
    } else {
        let signed = cross_sign(&old.root_cert, &old_key, &root.cert_pem, &root.key_pem)
            .map_err(|e| format!("error cross-signing the new root: {e}"))?;
        Some(vec![signed.cert_pem])
    };
    for r in &mut ca.roots {
        r.active = false;
    }
    ca.roots.push(CaRoot {
        id: root.id.clone(),
        name: old.name.clone(),
        serial_number: root.serial_number,
        root_cert: root.cert_pem,
        not_before: rfc3339(root.not_before),
        not_after: rfc3339(root.not_after),
        intermediate_certs: cross,
        active: true,
        index: Default::default(),
    });
    ca.active_root_id = root.id;
    ca.signing_key = Some(root.key_pem);
    Ok(())
}

struct NewKey {
    key_pem: String,
    root_cert: Option<String>,
}

/// The settings of `config` (keys as the reference spells them, any case; a missing one keeps
/// its `current` value, so changing one setting changes only that one), validated as the
/// reference validates them, and a key given with it.
fn parse(config: &Map<String, Value>, current: &CaConfig) -> Result<(CaConfig, Option<NewKey>), String> {
    let mut out = current.clone();
    let (mut key, mut root_cert) = (None, None);
    for (name, value) in config {
        let text = || match value {
            Value::String(s) => Ok(s.clone()),
            other => Err(format!("{name}: expected a string, got {other}")),
        };
        match name.to_ascii_lowercase().as_str() {
            "leafcertttl" => out.leaf_cert_ttl = duration(name, &text()?)?,
            "intermediatecertttl" => out.intermediate_cert_ttl = duration(name, &text()?)?,
            "rotationperiod" => out.rotation_period = duration(name, &text()?)?,
            "privatekeytype" => out.private_key_type = text()?,
            "privatekeybits" => {
                out.private_key_bits = match value {
                    Value::Number(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
                    Value::String(s) => s.parse().ok(),
                    _ => None,
                }
                .ok_or_else(|| format!("{name}: expected a number of bits, got {value}"))?;
            }
            "privatekey" => key = Some(text()?).filter(|k| !k.is_empty()),
            "rootcert" => root_cert = Some(text()?).filter(|c| !c.is_empty()),
            _ if IGNORED_KEYS.iter().any(|k| k.eq_ignore_ascii_case(name)) => {}
            _ => return Err(format!("unknown CA config key {name:?}")),
        }
    }
    validate(&out)?;
    let key = match (key, root_cert) {
        (None, Some(_)) => return Err("must provide a private key when providing a root cert".to_owned()),
        (Some(key_pem), root_cert) => Some(NewKey { key_pem, root_cert }),
        (None, None) => None,
    };
    Ok((out, key))
}

/// A duration in Go's canonical spelling (`72h0m0s` stays as given if it parses).
fn duration(name: &str, text: &str) -> Result<String, String> {
    parse_go_duration(text).map_err(|e| format!("{name}: {e}"))?;
    Ok(text.to_owned())
}

fn validate(config: &CaConfig) -> Result<(), String> {
    let leaf = parse_go_duration(&config.leaf_cert_ttl).map_err(|e| e.to_string())?;
    if leaf < MIN_LEAF_TTL {
        return Err(format!("leaf cert TTL must be greater or equal than {}", GoDuration(MIN_LEAF_TTL)));
    }
    if leaf >= MAX_LEAF_TTL {
        return Err(format!("leaf cert TTL must be less than {}", GoDuration(MAX_LEAF_TTL)));
    }
    let intermediate = parse_go_duration(&config.intermediate_cert_ttl).map_err(|e| e.to_string())?;
    if intermediate < leaf * 3 {
        return Err(format!(
            "Intermediate Cert TTL must be greater or equal than 3 * LeafCertTTL (>={}).",
            GoDuration(leaf * 3)
        ));
    }
    match (config.private_key_type.as_str(), config.private_key_bits) {
        ("ec", 224 | 256 | 384 | 521) | ("rsa", 2048 | 4096) => Ok(()),
        ("ec", _) => Err("EC key length must be one of (224, 256, 384, 521) bits".to_owned()),
        ("rsa", _) => Err("RSA key length must be 2048 or 4096 bits".to_owned()),
        _ => Err("private key type must be either 'ec' or 'rsa'".to_owned()),
    }
}

/// The leaf lifetime `config` sets.
pub(super) fn leaf_ttl(config: Option<&CaConfig>) -> Duration {
    config.and_then(|c| parse_go_duration(&c.leaf_cert_ttl).ok()).unwrap_or(crate::tls::leaf::LEAF_TTL)
}
