use std::io;
use std::path::PathBuf;

use super::keys::PemProblem;
use super::names::NameProblem;

/// Everything that can go wrong creating, loading or using fedctl's TLS material.
///
/// Messages are lowercase and name the input that failed; the CLI adds hints.
#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    /// A CA root bundle that Envoy would refuse (or that trusts nothing).
    #[error("invalid CA root bundle: {0}")]
    BadRootBundle(String),
    #[error("invalid {what} {value:?}: {problem}")]
    InvalidName { what: &'static str, value: String, problem: NameProblem },
    #[error("invalid IP address {value:?}")]
    InvalidIp { value: String },
    #[error("the validity period must be at least 1 day (got {days})")]
    InvalidDays { days: u32 },
    #[error("reading {what} {}: {source}", path.display())]
    Read {
        what: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("reading {what} {source_name}: {problem}")]
    Pem { what: &'static str, source_name: String, problem: PemProblem },
    #[error("{source_name} is not a usable CA certificate: {reason}")]
    BadCa { source_name: String, reason: String },
    #[error("CA key {key} does not match CA certificate {cert}")]
    KeyMismatch { cert: String, key: String },
    #[error("{} already exists", path.display())]
    AlreadyExists { path: PathBuf },
    #[error("writing {}: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("no free file name {prefix}-<n>.pem for n in 0..={max}")]
    NoFreeName { prefix: String, max: u32 },
    #[error("generating certificate: {0}")]
    Generate(#[from] rcgen::Error),
    #[error("the new certificate does not verify against its CA for {name}: {reason}")]
    SelfCheck { name: String, reason: String },
    #[error("building TLS configuration: {0}")]
    Config(#[from] rustls::Error),
    #[error("building TLS configuration: {0}")]
    Verifier(String),
    #[error("the system random number generator failed")]
    Random,
}
