//! File naming and no-overwrite writes, on a real disk.

use std::fs;
use std::os::unix::fs::PermissionsExt;

use fedctl::tls::files::{NewFile, ca_file_names, cert_prefix, expand_domain, next_free_pair, write_new_files};
use fedctl::tls::{CertKind, TlsError};

use crate::support::{listing, temp_dir};

#[test]
fn names_follow_the_reference() {
    assert_eq!(ca_file_names("consul"), ("consul-agent-ca.pem".into(), "consul-agent-ca-key.pem".into()));
    assert_eq!(cert_prefix(&CertKind::Server { node: None }, "dc1", "consul"), "dc1-server-consul");
    assert_eq!(cert_prefix(&CertKind::Client, "dc2", "example"), "dc2-client-example");
    assert_eq!(cert_prefix(&CertKind::Cli, "dc1", "consul"), "dc1-cli-consul");
    assert_eq!(expand_domain("#DOMAIN#-agent-ca.pem", "example"), "example-agent-ca.pem");
}

#[test]
fn next_free_pair_skips_indexes_where_either_file_exists() {
    let dir = temp_dir();
    let p = dir.path();
    let (cert, key) = next_free_pair(p, "dc1-server-consul").unwrap();
    assert_eq!(cert, p.join("dc1-server-consul-0.pem"));
    assert_eq!(key, p.join("dc1-server-consul-0-key.pem"));

    fs::write(p.join("dc1-server-consul-0.pem"), "x").unwrap();
    fs::write(p.join("dc1-server-consul-1-key.pem"), "x").unwrap();
    let (cert, key) = next_free_pair(p, "dc1-server-consul").unwrap();
    assert_eq!(cert, p.join("dc1-server-consul-2.pem"));
    assert_eq!(key, p.join("dc1-server-consul-2-key.pem"));
}

#[test]
fn writes_all_files_with_their_modes() {
    let dir = temp_dir();
    let (a, b) = (dir.path().join("a.pem"), dir.path().join("a-key.pem"));
    write_new_files(&[
        NewFile { path: a.clone(), contents: b"cert", mode: 0o644 },
        NewFile { path: b.clone(), contents: b"key", mode: 0o600 },
    ])
    .unwrap();
    assert_eq!(fs::read(&a).unwrap(), b"cert");
    assert_eq!(fs::read(&b).unwrap(), b"key");
    assert_eq!(fs::metadata(&b).unwrap().permissions().mode() & 0o777, 0o600);
    // No temporary files are left behind.
    assert_eq!(listing(dir.path()), ["a-key.pem", "a.pem"].map(String::from).into());
}

#[test]
fn an_existing_file_stops_the_whole_set_and_is_not_touched() {
    let dir = temp_dir();
    let (a, b) = (dir.path().join("a.pem"), dir.path().join("a-key.pem"));
    fs::write(&b, "precious").unwrap();
    let err = write_new_files(&[
        NewFile { path: a.clone(), contents: b"cert", mode: 0o644 },
        NewFile { path: b.clone(), contents: b"key", mode: 0o600 },
    ])
    .unwrap_err();
    assert!(matches!(&err, TlsError::AlreadyExists { path } if *path == b), "{err:?}");
    assert!(!a.exists(), "nothing may be written when one name is taken");
    assert_eq!(fs::read_to_string(&b).unwrap(), "precious");
}

#[test]
fn a_failed_write_removes_what_was_already_written() {
    let dir = temp_dir();
    let a = dir.path().join("a.pem");
    let b = dir.path().join("no-such-dir").join("a-key.pem");
    let err = write_new_files(&[
        NewFile { path: a.clone(), contents: b"cert", mode: 0o644 },
        NewFile { path: b, contents: b"key", mode: 0o600 },
    ])
    .unwrap_err();
    assert!(matches!(err, TlsError::Write { .. }), "{err:?}");
    assert!(!a.exists(), "the first file must be rolled back");
    assert!(listing(dir.path()).is_empty());
}
