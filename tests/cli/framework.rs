//! The CLI framework: help, versions, usage errors, plugins, broken pipes, logging.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::process::Stdio;

use crate::support::{fedctl, fedctl_cmd, fedctl_ok, run_cmd, temp_dir};

#[test]
fn no_arguments_is_a_usage_error_that_shows_the_commands() {
    let dir = temp_dir();
    let run = fedctl(dir.path(), &[]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("Usage: fedctl"), "{}", run.stderr);
    assert!(run.stderr.contains("tls"), "{}", run.stderr);
}

#[test]
fn help_works_with_one_or_two_dashes_at_every_level() {
    let dir = temp_dir();
    for args in [
        &["--help"][..],
        &["-help"],
        &["-h"],
        &["tls", "-help"],
        &["tls", "cert", "create", "-help"],
        &["tls", "cert", "create", "--help"],
        &["help", "tls"],
    ] {
        let run = fedctl_ok(dir.path(), args);
        assert!(run.stdout.contains("Usage: fedctl"), "{args:?}: {}", run.stdout);
    }
    let run = fedctl_ok(dir.path(), &["tls", "cert", "create", "-help"]);
    assert!(run.stdout.contains("--node <NAME>"), "{}", run.stdout);
    assert!(!run.stdout.contains('\t'), "help must contain no tabs");
}

#[test]
fn versions() {
    let dir = temp_dir();
    let want = format!("fedctl {}\n", env!("CARGO_PKG_VERSION"));
    assert_eq!(fedctl_ok(dir.path(), &["--version"]).stdout, want);
    assert_eq!(fedctl_ok(dir.path(), &["-version"]).stdout, want);
    assert_eq!(fedctl_ok(dir.path(), &["version"]).stdout, format!("fedctl v{}\n", env!("CARGO_PKG_VERSION")));
    let json: serde_json::Value =
        serde_json::from_str(&fedctl_ok(dir.path(), &["version", "-format=json"]).stdout).unwrap();
    assert_eq!(json["version"], env!("CARGO_PKG_VERSION"));
}

#[test]
fn bad_flags_and_values_are_usage_errors() {
    let dir = temp_dir();
    let run = fedctl(dir.path(), &["tls", "cert", "create", "-bogus"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
    let run = fedctl(dir.path(), &["tls", "cert", "create", "-days", "many"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("invalid value 'many'"), "{}", run.stderr);
    let run = fedctl(dir.path(), &["version", "-format=yaml"]);
    assert_eq!(run.code, 2, "{run:?}");
}

#[test]
fn a_mistyped_flag_is_named_in_consul_spelling_with_the_closest_or_every_flag() {
    let dir = temp_dir();
    // One dash, as every README example: not "unexpected argument '-d'".
    for (args, expected) in [
        (&["agent", "-datacentre", "dc1"][..], "fedctl agent has no -datacentre flag; did you mean -datacenter?"),
        (&["agent", "-nod", "n1"][..], "fedctl agent has no -nod flag; did you mean -node?"),
        (&["agent", "--datacentre=dc1"][..], "fedctl agent has no -datacentre flag; did you mean -datacenter?"),
        (&["tls", "cert", "create", "-serve"][..], "fedctl tls cert create has no -serve flag; did you mean -server?"),
    ] {
        let run = fedctl(dir.path(), args);
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert!(run.stderr.starts_with(&format!("error: {expected}\n")), "{args:?}: {}", run.stderr);
        assert!(!run.stderr.contains("'-d'") && !run.stderr.contains("-- -"), "{}", run.stderr);
    }
    // Nothing close: the command's flags are listed.
    let run = fedctl(dir.path(), &["members", "-detailed"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.starts_with("error: fedctl members has no -detailed flag\n"), "{}", run.stderr);
    assert!(run.stderr.contains("hint: its flags are ") && run.stderr.contains("-wan"), "{}", run.stderr);
    assert!(run.stderr.contains("`fedctl members -help` explains each"), "{}", run.stderr);
}

#[test]
fn a_plugin_on_path_runs_with_its_arguments_and_exit_status() {
    let bin = temp_dir();
    let plugin = bin.path().join("fedctl-nosuch");
    fs::write(&plugin, "#!/bin/sh\necho \"plugin args: $*\"\necho to-stderr >&2\nexit 7\n").unwrap();
    fs::set_permissions(&plugin, fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!("{}:{}", bin.path().display(), std::env::var("PATH").unwrap_or_default());
    let dir = temp_dir();
    let run = run_cmd(fedctl_cmd(dir.path()).args(["nosuch", "a", "-node", "n1", "--x=y"]).env("PATH", path));
    assert_eq!(run.code, 7, "{run:?}");
    assert_eq!(run.stdout, "plugin args: a -node n1 --x=y\n");
    assert_eq!(run.stderr, "to-stderr\n");
}

#[test]
fn a_non_executable_file_is_not_a_plugin() {
    let bin = temp_dir();
    fs::write(bin.path().join("fedctl-nosuch"), "#!/bin/sh\nexit 0\n").unwrap();
    let dir = temp_dir();
    let run = run_cmd(fedctl_cmd(dir.path()).arg("nosuch").env("PATH", bin.path()));
    assert_eq!(run.code, 2, "{run:?}");
}

#[test]
fn an_unknown_command_without_plugin_is_a_usage_error_with_a_hint() {
    let dir = temp_dir();
    let run = run_cmd(fedctl_cmd(dir.path()).arg("nosuch").env("PATH", "/nonexistent"));
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(
        run.stderr,
        "error: unknown command \"nosuch\", and no plugin fedctl-nosuch on PATH\n\
         hint: run `fedctl --help` for the list of commands\n"
    );
    let run = run_cmd(fedctl_cmd(dir.path()).arg("tsl").env("PATH", "/nonexistent"));
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("hint: did you mean `fedctl tls`?"), "{}", run.stderr);
}

#[test]
fn a_closed_stdout_is_not_an_error() {
    let dir = temp_dir();
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader); // every write to stdout now fails with EPIPE
    let out =
        fedctl_cmd(dir.path()).args(["completion", "bash"]).stdout(writer).stderr(Stdio::piped()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn fedctl_log_controls_diagnostics_on_stderr() {
    let dir = temp_dir();
    let quiet = run_cmd(fedctl_cmd(dir.path()).args(["tls", "cert", "create"]));
    assert!(!quiet.stderr.contains("DEBUG"), "{}", quiet.stderr);
    let loud = run_cmd(fedctl_cmd(dir.path()).args(["tls", "cert", "create"]).env("FEDCTL_LOG", "debug"));
    assert_eq!(loud.code, 1);
    assert!(loud.stderr.contains("DEBUG") && loud.stderr.contains("command failed"), "{}", loud.stderr);
    assert!(quiet.stdout.is_empty() && loud.stdout.is_empty(), "logs never go to stdout");
}
