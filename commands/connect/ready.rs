//! Saying when Envoy is ready. `connect envoy` becomes Envoy (exec), so before that it starts
//! a watcher, `fedctl internal envoy-ready`, which outlives the exec, prints one line on
//! stderr (ready, or why not) and exits. The watcher is started detached (it starts itself
//! again and exits at once), so Envoy is never left with a child it does not reap.

use std::process::{Command, Stdio};

use fedctl::api::ClientSettings;

/// Starts the watcher for the Envoy this process is about to become (best effort: without
/// it Envoy still runs, only the line is missing).
pub fn spawn_watcher(settings: &ClientSettings, admin: &str, proxy_id: &str) {
    let Ok(me) = std::env::current_exe() else { return };
    let mut cmd = Command::new(me);
    cmd.args(["internal", "envoy-ready", "--detach", "--admin", admin, "--proxy-id", proxy_id])
        .args(["--pid", &std::process::id().to_string()])
        .stdin(Stdio::null())
        .stdout(Stdio::null());
    // The agent as this command resolved it; the token by environment, not on a command line.
    let settings_env = [
        ("FEDCTL_HTTP_ADDR", &settings.http_addr.value),
        ("FEDCTL_HTTP_TOKEN", &settings.token.value),
        ("FEDCTL_CACERT", &settings.ca_file.value),
        ("FEDCTL_CLIENT_CERT", &settings.client_cert.value),
        ("FEDCTL_CLIENT_KEY", &settings.client_key.value),
        ("FEDCTL_TLS_SERVER_NAME", &settings.tls_server_name.value),
    ];
    for (name, value) in settings_env {
        match value {
            Some(v) => cmd.env(name, v),
            None => cmd.env_remove(name),
        };
    }
    if let Err(e) = cmd.status() {
        tracing::warn!(error = %e, "could not start the watcher that reports when Envoy is ready");
    }
}
