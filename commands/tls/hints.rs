//! TLS errors at the CLI edge: the library's message, plus what to do about it.

use std::io::ErrorKind;

use fedctl::tls::TlsError;

use crate::cli::CliError;

pub fn tls_error(e: TlsError) -> CliError {
    let hint = match &e {
        TlsError::Read { what: "CA" | "CA key", source, .. } if source.kind() == ErrorKind::NotFound => {
            Some("create a CA with `fedctl tls ca create`, or point -ca and -key at an existing one")
        }
        TlsError::KeyMismatch { .. } => Some("-key must be the private key of the -ca certificate"),
        TlsError::InvalidName { what: "node name", .. } => Some(
            "-node must be one DNS label (letters, digits, '-'; at most 63); it becomes <node>.server.<dc>.<domain>",
        ),
        TlsError::InvalidName { what: "datacenter", .. } => {
            Some("-dc must be one DNS label (letters, digits, '-'; at most 63)")
        }
        TlsError::AlreadyExists { .. } => {
            Some("fedctl never overwrites certificates or keys: move the file away or work in another directory")
        }
        _ => None,
    };
    let err = CliError::failure(&e);
    match hint {
        Some(hint) => err.hint(hint),
        None => err,
    }
}
