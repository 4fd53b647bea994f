//! The agent's TLS settings, as the reference's configuration keys.

use std::path::PathBuf;

/// Agent TLS, as the reference's keys. With no files, everything is plaintext (`-dev`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TlsSettings {
    pub ca_file: Option<PathBuf>,
    pub cert_file: Option<PathBuf>,
    pub key_file: Option<PathBuf>,
    /// Refuse plaintext on the server port (TLS connections always need a client
    /// certificate from the CA).
    pub verify_incoming: bool,
    /// Require a client certificate from the CA on the HTTPS port (`verify_incoming` or
    /// `verify_incoming_https`).
    pub verify_incoming_https: bool,
    /// Use TLS for outgoing server connections.
    pub verify_outgoing: bool,
    /// Dial servers as `<node>.server.<dc>.<domain>` and accept only peer servers whose
    /// certificate is valid for `server.<dc>.<domain>` on raft connections.
    pub verify_server_hostname: bool,
}

impl TlsSettings {
    pub fn enabled(&self) -> bool {
        self.cert_file.is_some()
    }
}
