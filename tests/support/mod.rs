//! Helpers shared by the tests: running the real binary, temp dirs, optional tools, and the
//! harnesses of the areas (in-process agents, real agent processes, Envoy gateways, network
//! namespaces, federations started as a user would).

pub mod agent;
pub mod dig;
pub mod gateway;
pub mod linearizable;
pub mod mesh;
pub mod mesh_ns;
pub mod netns;
pub mod ports;
pub mod process;
pub mod readme;
pub mod recursor;
pub mod tls;
pub mod wanfed;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// The `fedctl` binary under test.
pub const FEDCTL: &str = env!("CARGO_BIN_EXE_fedctl");

/// The repository root.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The result of one `fedctl` run.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// A `fedctl` command in `dir`, with no FEDCTL_* / CONSUL_* variables from the caller's
/// environment leaking in.
pub fn fedctl_cmd(dir: &Path) -> Command {
    let mut cmd = Command::new(FEDCTL);
    cmd.current_dir(dir).stdin(Stdio::null());
    for (key, _) in std::env::vars_os() {
        let key_str = key.to_string_lossy();
        if key_str.starts_with("FEDCTL_") || key_str.starts_with("CONSUL_") {
            cmd.env_remove(&key);
        }
    }
    cmd
}

/// Runs `fedctl args...` in `dir`.
pub fn fedctl(dir: &Path, args: &[&str]) -> Run {
    run_cmd(fedctl_cmd(dir).args(args))
}

pub fn run_cmd(cmd: &mut Command) -> Run {
    let out = cmd.output().expect("running fedctl");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Asserts success and returns the run.
pub fn fedctl_ok(dir: &Path, args: &[&str]) -> Run {
    let run = fedctl(dir, args);
    assert_eq!(run.code, 0, "fedctl {args:?} failed: {run:?}");
    run
}

pub fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("creating a temp dir")
}

/// The names of the entries in `dir`.
pub fn listing(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect()
}

/// Whether an outside tool is on PATH. When it is not, the calling test returns early with a
/// message, or fails under `FEDCTL_REQUIRE_E2E=1`.
pub fn have_tool(tool: &str, why: &str) -> bool {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        assert!(
            std::env::var("FEDCTL_REQUIRE_E2E").as_deref() != Ok("1"),
            "{tool} is required ({why}) but is not installed; tests/run installs it"
        );
        eprintln!("SKIPPED: {tool} is not installed; it is needed {why}");
    }
    found
}

/// Whether python3 can import `module` (a client library `tests/run` installs); under
/// `FEDCTL_REQUIRE_E2E=1` its absence fails the test.
pub fn have_python_module(module: &str, why: &str) -> bool {
    let found = Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        assert!(
            std::env::var("FEDCTL_REQUIRE_E2E").as_deref() != Ok("1"),
            "the python module {module} is required ({why}) but is not installed; tests/run installs it"
        );
        eprintln!("SKIPPED: the python module {module} is not installed; it is needed for {why}");
    }
    found
}

/// The SANs of a PEM certificate file, as `DNS:x` / `IP:x` strings in certificate order.
pub fn sans_of(pem_path: &Path) -> Vec<String> {
    let pem = std::fs::read(pem_path).unwrap();
    sans_of_pem(&pem)
}

pub fn sans_of_pem(pem: &[u8]) -> Vec<String> {
    use x509_parser::extensions::GeneralName;
    let der = fedctl::tls::keys::first_cert_from_pem(pem).unwrap();
    let (_, cert) = x509_parser::parse_x509_certificate(&der).unwrap();
    let san = cert.subject_alternative_name().unwrap().expect("a SAN extension");
    san.value
        .general_names
        .iter()
        .map(|name| match name {
            GeneralName::DNSName(d) => format!("DNS:{d}"),
            GeneralName::IPAddress(ip) if ip.len() == 4 => {
                format!("IP:{}", std::net::Ipv4Addr::new(ip[0], ip[1], ip[2], ip[3]))
            }
            GeneralName::IPAddress(ip) => {
                let bytes: [u8; 16] = (*ip).try_into().unwrap();
                format!("IP:{}", std::net::Ipv6Addr::from(bytes))
            }
            other => format!("{other:?}"),
        })
        .collect()
}

/// An HTTP client for tests (reqwest needs the process-wide rustls provider first).
pub fn http_client() -> reqwest::Client {
    fedctl::tls::install_default_provider();
    reqwest::Client::new()
}

/// Polls `cond` every 25 ms until it holds; fails naming `what` after 60 s.
pub async fn eventually(what: &str, cond: impl AsyncFnMut() -> bool) {
    eventually_with(what, String::new, cond).await;
}

/// Like [`eventually`], with `context()` (say, a process's log) in the failure message.
pub async fn eventually_with(what: &str, context: impl Fn() -> String, mut cond: impl AsyncFnMut() -> bool) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    while !cond().await {
        assert!(tokio::time::Instant::now() < deadline, "{what}: not within 60s\n{}", context());
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}
