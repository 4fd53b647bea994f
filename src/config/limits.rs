//! `limits { ... }`: how much of an agent one client may hold. The reference's keys and
//! defaults, and one of fedctl's own (`http_header_read_timeout`).

use std::path::PathBuf;
use std::time::Duration;

use serde::Deserialize;

use super::file::FileConfig;
use super::{ConfigError, Origin};
use crate::duration::GoDuration;
use crate::serve::ConnLimits;

/// `limits { ... }` in one file; absent keys are `None`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct FileLimits {
    /// Open HTTP connections per client IP (default 200; 0 is no limit).
    pub http_max_conns_per_client: Option<u64>,
    /// The longest a TLS handshake on the HTTP or gRPC port may take (default 5s).
    pub https_handshake_timeout: Option<GoDuration>,
    /// The longest a connection to the server port may take to say what it is and finish
    /// its TLS handshake (default 5s).
    pub rpc_handshake_timeout: Option<GoDuration>,
    /// fedctl's: the longest an HTTP request's headers may take to arrive, and the longest a
    /// keep-alive connection may sit idle (default 30s).
    pub http_header_read_timeout: Option<GoDuration>,
}

/// The resolved limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The HTTP API's and the xDS ports' bounds per client.
    pub http: ConnLimits,
    pub rpc_handshake_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { http: ConnLimits::default(), rpc_handshake_timeout: Duration::from_secs(5) }
    }
}

/// Each key: the last file that sets it wins. A timeout must be above zero.
pub(super) fn resolve_limits(layers: &[(PathBuf, FileConfig)]) -> Result<Limits, ConfigError> {
    let defaults = Limits::default();
    let duration = |key: &'static str, get: fn(&FileLimits) -> Option<GoDuration>, default: Duration| match layers
        .iter()
        .rev()
        .find_map(|(path, f)| get(&f.limits).map(|d| (path, d)))
    {
        None => Ok(default),
        Some((path, d)) if d.0.is_zero() => Err(ConfigError::Invalid {
            origin: Origin::File(path.clone()),
            key,
            value: d.to_string(),
            expected: "must be greater than 0".into(),
        }),
        Some((_, d)) => Ok(d.0),
    };
    let max_conns = layers
        .iter()
        .rev()
        .find_map(|(_, f)| f.limits.http_max_conns_per_client)
        .map_or(defaults.http.max_conns_per_client, |n| usize::try_from(n).unwrap_or(usize::MAX));
    Ok(Limits {
        http: ConnLimits {
            max_conns_per_client: max_conns,
            handshake_timeout: duration(
                "limits.https_handshake_timeout",
                |l| l.https_handshake_timeout,
                defaults.http.handshake_timeout,
            )?,
            header_read_timeout: duration(
                "limits.http_header_read_timeout",
                |l| l.http_header_read_timeout,
                defaults.http.header_read_timeout,
            )?,
        },
        rpc_handshake_timeout: duration(
            "limits.rpc_handshake_timeout",
            |l| l.rpc_handshake_timeout,
            defaults.rpc_handshake_timeout,
        )?,
    })
}
