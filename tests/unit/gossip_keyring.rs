//! The gossip keyring alone: sealing and opening, which keys are accepted, rotation steps and
//! their refusals, the keyring file, and a rolling enable.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use fedctl::gossip::{Keyring, KeyringError, Opened, Verify, generate_key, parse_key, seed};

fn ring(keys: &[&str]) -> Keyring {
    Keyring::new(keys.iter().map(|k| parse_key(k).unwrap()).collect(), None, Verify::default()).unwrap()
}

#[test]
fn a_packet_sealed_with_one_key_opens_only_where_that_key_is_installed() {
    let (a, b) = (generate_key(), generate_key());
    let sender = ring(&[&a]);
    let sealed = sender.seal(b"hello gossip").unwrap();
    assert_eq!(sealed[0], 1, "the version byte");
    assert_eq!(sealed.len(), 1 + 12 + b"hello gossip".len() + 16, "nonce and tag");
    assert!(!sealed.windows(5).any(|w| w == b"hello"), "the plaintext is not visible");
    // Two seals of the same packet differ (a fresh nonce each time).
    assert_ne!(sealed, sender.seal(b"hello gossip").unwrap());

    assert_eq!(
        ring(&[&b, &a]).open(&sealed),
        Some(Opened::Sealed(b"hello gossip".to_vec())),
        "a secondary key opens it"
    );
    let other = ring(&[&b]);
    assert_eq!(other.open(&sealed), None);
    assert_eq!(other.open(b"plain foca bytes"), None);
    let mut flipped = sealed.clone();
    *flipped.last_mut().unwrap() ^= 1;
    assert_eq!(ring(&[&a]).open(&flipped), None, "a changed packet fails its tag");
    assert_eq!(other.dropped(), 2, "each dropped packet is counted");
}

#[test]
fn keys_are_16_or_32_bytes_of_base64() {
    assert_eq!(STANDARD.decode(generate_key()).unwrap().len(), 32);
    assert!(parse_key(&STANDARD.encode([7u8; 16])).is_ok());
    let short = parse_key(&STANDARD.encode([7u8; 10])).unwrap_err();
    assert_eq!(short.to_string(), "key size must be 16 or 32 bytes, not 10");
    let aes192 = parse_key(&STANDARD.encode([7u8; 24])).unwrap_err();
    assert!(aes192.to_string().contains("24-byte keys (AES-192) are not supported"), "{aes192}");
    assert!(parse_key("not base64!").unwrap_err().to_string().starts_with("not base64"));
}

#[test]
fn rotation_steps_and_their_refusals() {
    let (a, b, c) = (generate_key(), generate_key(), generate_key());
    let keys = ring(&[&a]);
    assert_eq!(keys.use_key(&b), Err(KeyringError::NotInstalled));
    assert_eq!(KeyringError::NotInstalled.to_string(), "Requested key is not in the keyring");
    keys.install(&b).unwrap();
    keys.install(&b).unwrap();
    assert_eq!(keys.keys(), [a.clone(), b.clone()], "installing twice keeps one");
    let sealed_with_a = keys.seal(b"x").unwrap();
    keys.use_key(&b).unwrap();
    assert_eq!(keys.keys(), [b.clone(), a.clone()], "the primary is first");
    assert_eq!(keys.remove(&b), Err(KeyringError::RemovePrimary));
    assert_eq!(KeyringError::RemovePrimary.to_string(), "Removing the primary key is not allowed");
    assert!(keys.open(&sealed_with_a).is_some(), "the old key still opens until removed");
    keys.remove(&a).unwrap();
    keys.remove(&c).unwrap();
    assert_eq!(keys.keys(), vec![b.clone()], "removing a key not installed is not an error");
    assert_eq!(keys.open(&sealed_with_a), None);
}

#[test]
fn the_keyring_file_is_seeded_once_then_wins() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("serf/local.keyring");
    let (a, b) = (generate_key(), generate_key());
    assert_eq!(seed(Some(&file), None).unwrap(), None, "no key, no file: gossip in the clear");
    let first = seed(Some(&file), Some(&a)).unwrap().unwrap();
    let keys = Keyring::new(first.keys, Some(file.clone()), Verify::default()).unwrap();
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
    keys.install(&b).unwrap();
    let on_disk: Vec<String> = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(on_disk, [a.clone(), b.clone()], "every change is written");
    let again = seed(Some(&file), Some(&generate_key())).unwrap().unwrap();
    assert_eq!(again.keys.len(), 2, "the file wins over encrypt");
    assert_eq!(again.warning.as_deref(), Some(" keyring doesn't include key provided with -encrypt, using keyring"));
    assert_eq!(seed(Some(&file), Some(&a)).unwrap().unwrap().warning, None);
    std::fs::write(&file, "[\"not a key\"]").unwrap();
    assert!(
        matches!(seed(Some(&file), Some(&a)), Err(KeyringError::Load { .. })),
        "a broken file is an error, not a new keyring"
    );
}

#[test]
fn a_rolling_enable_accepts_and_sends_clear_packets_while_verification_is_off() {
    let a = generate_key();
    let lenient =
        Keyring::new(vec![parse_key(&a).unwrap()], None, Verify { incoming: false, outgoing: false }).unwrap();
    assert_eq!(lenient.open(b"clear"), Some(Opened::Clear(b"clear".to_vec())));
    assert!(!lenient.verify().outgoing, "the pool then sends its SWIM packets as they are");
    assert_ne!(lenient.seal(b"query").unwrap(), b"query", "what is sealed is sealed whatever the setting");
    assert_eq!(lenient.dropped(), 0);
}
