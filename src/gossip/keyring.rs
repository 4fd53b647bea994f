//! Gossip encryption: the keyring of one pool (LAN or WAN), as the reference's memberlist
//! keyring. Every packet is sealed with the primary key (AES-GCM, a random nonce, an
//! authentication tag) and opened with whichever installed key fits; a packet no key opens is
//! dropped and counted. Keys rotate without a partition: install the new key everywhere, make
//! it primary, then remove the old one.
//!
//! A sealed packet is `[1][12-byte nonce][ciphertext + 16-byte tag]`, the reference's version
//! 1 layout. Keys are 16 or 32 bytes (AES-128 or AES-256), base64; the reference's 24-byte
//! AES-192 keys are refused by name.

use std::path::PathBuf;
use std::sync::RwLock;
use std::sync::atomic::{AtomicU64, Ordering};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use ring::aead::{AES_128_GCM, AES_256_GCM, Aad, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use ring::rand::{SecureRandom, SystemRandom};

/// The version byte of a sealed packet.
const VERSION: u8 = 1;
/// An AES-GCM tag.
const TAG_LEN: usize = 16;

/// Why a key or a keyring change was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyringError {
    #[error("{0}")]
    InvalidKey(String),
    #[error("Requested key is not in the keyring")]
    NotInstalled,
    #[error("Removing the primary key is not allowed")]
    RemovePrimary,
    #[error("writing the keyring file {path}: {reason}")]
    Persist { path: String, reason: String },
    #[error("reading the keyring file {path}: {reason}")]
    Load { path: String, reason: String },
}

/// One key: its bytes (for listing and persisting) and its cipher.
struct Key {
    bytes: Vec<u8>,
    cipher: LessSafeKey,
}

impl Key {
    fn new(bytes: Vec<u8>) -> Result<Key, KeyringError> {
        let algorithm = match bytes.len() {
            16 => &AES_128_GCM,
            32 => &AES_256_GCM,
            24 => {
                return Err(KeyringError::InvalidKey(
                    "24-byte keys (AES-192) are not supported; use 16 or 32 bytes (`fedctl keygen` makes 32)".into(),
                ));
            }
            n => return Err(KeyringError::InvalidKey(format!("key size must be 16 or 32 bytes, not {n}"))),
        };
        let unbound =
            UnboundKey::new(algorithm, &bytes).map_err(|_| KeyringError::InvalidKey("unusable key".into()))?;
        Ok(Key { bytes, cipher: LessSafeKey::new(unbound) })
    }
}

/// A key as given (base64, standard alphabet, padded), checked.
pub fn parse_key(text: &str) -> Result<Vec<u8>, KeyringError> {
    let bytes = STANDARD.decode(text.trim()).map_err(|e| KeyringError::InvalidKey(format!("not base64: {e}")))?;
    Key::new(bytes.clone())?;
    Ok(bytes)
}

/// A new random 32-byte key, base64 (`fedctl keygen`).
pub fn generate_key() -> String {
    let mut bytes = [0u8; 32];
    // The system's random source does not fail on Linux once the kernel's pool is ready.
    let _ = SystemRandom::new().fill(&mut bytes);
    STANDARD.encode(bytes)
}

/// How strictly a pool encrypts while encryption is being turned on across a datacenter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verify {
    /// Refuse packets that are not sealed (`encrypt_verify_incoming`).
    pub incoming: bool,
    /// Seal what is sent (`encrypt_verify_outgoing`).
    pub outgoing: bool,
}

impl Default for Verify {
    fn default() -> Self {
        Verify { incoming: true, outgoing: true }
    }
}

/// The keys of one pool, primary first; shared by the pool's task and whoever changes them.
pub struct Keyring {
    keys: RwLock<Vec<Key>>,
    /// Where the keys are kept across restarts (`<data_dir>/serf/local.keyring`), if anywhere.
    file: Option<PathBuf>,
    verify: Verify,
    dropped: AtomicU64,
    random: SystemRandom,
}

impl std::fmt::Debug for Keyring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let count = self.keys.read().map(|k| k.len()).unwrap_or(0);
        f.debug_struct("Keyring").field("keys", &count).field("file", &self.file).finish()
    }
}

/// The keys a keyring starts with, and what to warn about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seed {
    pub keys: Vec<Vec<u8>>,
    pub warning: Option<String>,
}

/// The keys of `file` if it exists (the `encrypt` key ignored, with the reference's warning
/// when the file lacks it), else `encrypt` alone (and the file is written). `None`: no
/// encryption for this pool.
pub fn seed(file: Option<&std::path::Path>, encrypt: Option<&str>) -> Result<Option<Seed>, KeyringError> {
    let given = encrypt.map(parse_key).transpose()?;
    if let Some(path) = file
        && path.exists()
    {
        let load = |reason: String| KeyringError::Load { path: path.display().to_string(), reason };
        let text = std::fs::read_to_string(path).map_err(|e| load(e.to_string()))?;
        let listed: Vec<String> = serde_json::from_str(&text).map_err(|e| load(e.to_string()))?;
        let keys =
            listed.iter().map(|k| parse_key(k)).collect::<Result<Vec<_>, _>>().map_err(|e| load(e.to_string()))?;
        if keys.is_empty() {
            return Err(load("it holds no key".into()));
        }
        let warning = match &given {
            Some(key) if !keys.contains(key) => {
                Some(" keyring doesn't include key provided with -encrypt, using keyring".into())
            }
            _ => None,
        };
        return Ok(Some(Seed { keys, warning }));
    }
    let Some(key) = given else { return Ok(None) };
    Ok(Some(Seed { keys: vec![key], warning: None }))
}

impl Keyring {
    /// A keyring of `keys` (primary first), kept in `file` if given (written now).
    pub fn new(keys: Vec<Vec<u8>>, file: Option<PathBuf>, verify: Verify) -> Result<Keyring, KeyringError> {
        let keys = keys.into_iter().map(Key::new).collect::<Result<Vec<_>, _>>()?;
        let ring =
            Keyring { keys: RwLock::new(keys), file, verify, dropped: AtomicU64::new(0), random: SystemRandom::new() };
        ring.persist(&ring.read())?;
        Ok(ring)
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Vec<Key>> {
        self.keys.read().unwrap_or_else(|e| e.into_inner())
    }

    /// The installed keys, base64, primary first.
    pub fn keys(&self) -> Vec<String> {
        self.read().iter().map(|k| STANDARD.encode(&k.bytes)).collect()
    }

    /// Packets no installed key opened, since start.
    pub fn dropped(&self) -> u64 {
        self.dropped.load(Ordering::Relaxed)
    }

    pub fn verify(&self) -> Verify {
        self.verify
    }

    fn persist(&self, keys: &[Key]) -> Result<(), KeyringError> {
        let Some(path) = &self.file else { return Ok(()) };
        let listed: Vec<String> = keys.iter().map(|k| STANDARD.encode(&k.bytes)).collect();
        let text = serde_json::to_vec(&listed).unwrap_or_default();
        let persist =
            |e: std::io::Error| KeyringError::Persist { path: path.display().to_string(), reason: e.to_string() };
        if let Some(dir) = path.parent() {
            crate::files::create_private_dir(dir).map_err(persist)?;
        }
        crate::files::write_private_file(path, &text).map_err(persist)
    }

    /// Changes the keys with `change`, keeping the change only if it is persisted.
    fn change(&self, change: impl FnOnce(&mut Vec<Key>) -> Result<(), KeyringError>) -> Result<(), KeyringError> {
        let mut keys = self.keys.write().unwrap_or_else(|e| e.into_inner());
        let mut next: Vec<Key> = keys.iter().map(|k| Key::new(k.bytes.clone())).collect::<Result<_, _>>()?;
        change(&mut next)?;
        self.persist(&next)?;
        *keys = next;
        Ok(())
    }

    /// Adds `key` (base64) as a secondary key; already there is not an error.
    pub fn install(&self, key: &str) -> Result<(), KeyringError> {
        let bytes = parse_key(key)?;
        self.change(|keys| {
            if !keys.iter().any(|k| k.bytes == bytes) {
                keys.push(Key::new(bytes)?);
            }
            Ok(())
        })
    }

    /// Makes the installed `key` the primary: what packets are sealed with from now on.
    pub fn use_key(&self, key: &str) -> Result<(), KeyringError> {
        let bytes = parse_key(key)?;
        self.change(|keys| {
            let at = keys.iter().position(|k| k.bytes == bytes).ok_or(KeyringError::NotInstalled)?;
            let key = keys.remove(at);
            keys.insert(0, key);
            Ok(())
        })
    }

    /// Removes `key`; the primary cannot be removed; one not installed is not an error.
    pub fn remove(&self, key: &str) -> Result<(), KeyringError> {
        let bytes = parse_key(key)?;
        self.change(|keys| {
            if keys.first().is_some_and(|k| k.bytes == bytes) {
                return Err(KeyringError::RemovePrimary);
            }
            keys.retain(|k| k.bytes != bytes);
            Ok(())
        })
    }

    /// `plain` sealed with the primary key (`None` if it cannot be: no key).
    pub fn seal(&self, plain: &[u8]) -> Option<Vec<u8>> {
        let keys = self.read();
        let primary = keys.first()?;
        let mut nonce = [0u8; NONCE_LEN];
        self.random.fill(&mut nonce).ok()?;
        let mut out = Vec::with_capacity(1 + NONCE_LEN + plain.len() + TAG_LEN);
        out.push(VERSION);
        out.extend_from_slice(&nonce);
        let mut body = plain.to_vec();
        primary.cipher.seal_in_place_append_tag(Nonce::assume_unique_for_key(nonce), Aad::empty(), &mut body).ok()?;
        out.extend_from_slice(&body);
        Some(out)
    }

    /// The plaintext of `packet` if an installed key opens it. A packet none opens is dropped
    /// and counted, unless incoming verification is off: then it is taken as sent in the clear
    /// (`Opened::Clear`).
    pub fn open(&self, packet: &[u8]) -> Option<Opened> {
        if let Some(plain) = self.try_open(packet) {
            return Some(Opened::Sealed(plain));
        }
        if !self.verify.incoming {
            return Some(Opened::Clear(packet.to_vec()));
        }
        self.dropped.fetch_add(1, Ordering::Relaxed);
        None
    }

    fn try_open(&self, packet: &[u8]) -> Option<Vec<u8>> {
        let (&version, rest) = packet.split_first()?;
        if version != VERSION || rest.len() < NONCE_LEN + TAG_LEN {
            return None;
        }
        let (nonce, sealed) = rest.split_at(NONCE_LEN);
        let nonce: [u8; NONCE_LEN] = nonce.try_into().ok()?;
        for key in self.read().iter() {
            let mut body = sealed.to_vec();
            if let Ok(plain) = key.cipher.open_in_place(Nonce::assume_unique_for_key(nonce), Aad::empty(), &mut body) {
                let len = plain.len();
                body.truncate(len);
                return Some(body);
            }
        }
        None
    }
}

/// What [`Keyring::open`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opened {
    /// Opened by an installed key.
    Sealed(Vec<u8>),
    /// Not sealed, taken as it is (incoming verification off).
    Clear(Vec<u8>),
}
