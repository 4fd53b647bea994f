//! Private files on disk: the data directory and what holds secrets (the raft database with
//! the Connect CA's signing key, the node ID, private keys) are readable by their owner only.
//!
//! New directories are created 0700 and new files 0600. Files fedctl owns (its raft database,
//! its node ID) are tightened to 0600 when an older fedctl left them more open; directories a
//! user made are left as they are.

use std::fs::{self, DirBuilder, OpenOptions, Permissions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

/// Owner read and write only.
pub const PRIVATE_FILE: u32 = 0o600;
/// Owner only.
pub const PRIVATE_DIR: u32 = 0o700;

/// Creates `dir` and any missing parents 0700 (before the umask, which can only narrow it).
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    DirBuilder::new().recursive(true).mode(PRIVATE_DIR).create(dir)
}

/// Makes sure `path` exists and is 0600: created empty if missing, narrowed if it is more open.
pub fn ensure_private_file(path: &Path) -> io::Result<()> {
    match OpenOptions::new().write(true).create_new(true).mode(PRIVATE_FILE).open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => narrow(path),
        Err(e) => Err(e),
    }
}

/// Writes `contents` to `path` 0600, replacing what was there: written to a temporary file in
/// the same directory, synced, then renamed over `path`, so a crash leaves the old or the new
/// contents, never a mix.
pub fn write_private_file(path: &Path, contents: &[u8]) -> io::Result<()> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let _ = fs::remove_file(&tmp);
    let result = (|| {
        let mut f = OpenOptions::new().write(true).create_new(true).mode(PRIVATE_FILE).open(&tmp)?;
        f.write_all(contents)?;
        f.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Narrows `path` to 0600 if its group or others have any access.
fn narrow(path: &Path) -> io::Result<()> {
    let mode = fs::metadata(path)?.permissions().mode();
    if mode & 0o077 != 0 {
        fs::set_permissions(path, Permissions::from_mode(mode & 0o700))?;
    }
    Ok(())
}
