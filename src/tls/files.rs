//! File names and safe writes for `tls ca create` / `tls cert create`.
//!
//! Files are never overwritten: each is written to a temporary name in the same directory,
//! synced, then hard-linked into place, which fails atomically if the name exists. When one
//! file of a set cannot be written, the ones already written are removed, so a failed command
//! leaves nothing behind.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use super::{CertKind, TlsError};

/// The highest `<n>` tried in `<prefix>-<n>.pem`.
pub const MAX_INDEX: u32 = 10_000;

/// `<domain>-agent-ca.pem` and `<domain>-agent-ca-key.pem`.
pub fn ca_file_names(domain: &str) -> (String, String) {
    (format!("{domain}-agent-ca.pem"), format!("{domain}-agent-ca-key.pem"))
}

/// Replaces the `#DOMAIN#` placeholder of the `-ca` / `-key` defaults.
pub fn expand_domain(template: &str, domain: &str) -> String {
    template.replace("#DOMAIN#", domain)
}

/// `<dc>-<kind>-<domain>`, the prefix of a leaf certificate's files.
pub fn cert_prefix(kind: &CertKind, dc: &str, domain: &str) -> String {
    format!("{dc}-{}-{domain}", kind.file_word())
}

/// The first `(<prefix>-<n>.pem, <prefix>-<n>-key.pem)` in `dir` where neither file exists.
pub fn next_free_pair(dir: &Path, prefix: &str) -> Result<(PathBuf, PathBuf), TlsError> {
    (0..=MAX_INDEX)
        .map(|n| (dir.join(format!("{prefix}-{n}.pem")), dir.join(format!("{prefix}-{n}-key.pem"))))
        .find(|(cert, key)| !exists(cert) && !exists(key))
        .ok_or_else(|| TlsError::NoFreeName { prefix: prefix.to_owned(), max: MAX_INDEX })
}

/// One file to create.
#[derive(Debug)]
pub struct NewFile<'a> {
    pub path: PathBuf,
    pub contents: &'a [u8],
    /// Unix permission bits (before umask): 0o600 for private keys.
    pub mode: u32,
}

/// Creates every file or none. Fails with [`TlsError::AlreadyExists`] before writing anything
/// when one of the names is taken.
pub fn write_new_files(files: &[NewFile<'_>]) -> Result<(), TlsError> {
    if let Some(taken) = files.iter().find(|f| exists(&f.path)) {
        return Err(TlsError::AlreadyExists { path: taken.path.clone() });
    }
    let mut written: Vec<&Path> = Vec::new();
    for file in files {
        if let Err(e) = write_new_file(file) {
            for path in written {
                let _ = fs::remove_file(path);
            }
            return Err(e);
        }
        written.push(&file.path);
    }
    if let Some(dir) = files.first().map(|f| parent_dir(&f.path)) {
        // Make the new directory entries durable too; failure here loses nothing written.
        let _ = File::open(dir).and_then(|d| d.sync_all());
    }
    Ok(())
}

fn write_new_file(file: &NewFile<'_>) -> Result<(), TlsError> {
    let write_err = |source: io::Error| TlsError::Write { path: file.path.clone(), source };
    let name = file.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = parent_dir(&file.path).join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut f = OpenOptions::new().write(true).create_new(true).mode(file.mode).open(&tmp)?;
        f.write_all(file.contents)?;
        f.sync_all()?;
        fs::hard_link(&tmp, &file.path)
    })();
    let _ = fs::remove_file(&tmp);
    result.map_err(|e| match e.kind() {
        io::ErrorKind::AlreadyExists if exists(&file.path) => TlsError::AlreadyExists { path: file.path.clone() },
        _ => write_err(e),
    })
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn exists(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}
