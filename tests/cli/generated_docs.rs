//! completions/ and man/ are generated from the command definitions and must be current.

use std::fs;
use std::process::Command;

use crate::support::{FEDCTL, fedctl, fedctl_ok, have_tool, repo_root, temp_dir};

#[test]
fn checked_in_completions_and_man_pages_are_current() {
    let root = repo_root();
    let run = fedctl(&root, &["internal", "generate", "--out-dir", root.to_str().unwrap(), "--check"]);
    assert_eq!(
        run.code, 0,
        "completions/ or man/ is stale; run `cargo run -- internal generate` and commit:\n{}",
        run.stderr
    );
}

#[test]
fn the_check_reports_missing_changed_and_extra_files() {
    let dir = temp_dir();
    let out = dir.path().to_str().unwrap();
    let run = fedctl(dir.path(), &["internal", "generate", "--out-dir", out, "--check"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("man/fedctl-tls-cert-create.1: missing"), "{}", run.stderr);

    fedctl_ok(dir.path(), &["internal", "generate", "--out-dir", out]);
    fedctl_ok(dir.path(), &["internal", "generate", "--out-dir", out, "--check"]);

    let page = dir.path().join("man/fedctl-tls-ca-create.1");
    let text = fs::read_to_string(&page).unwrap();
    fs::write(&page, text.replacen("certificate authority", "CERTIFICATE AUTHORITY", 1)).unwrap();
    fs::write(dir.path().join("man/fedctl-removed.1"), "old").unwrap();
    let run = fedctl(dir.path(), &["internal", "generate", "--out-dir", out, "--check"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("man/fedctl-tls-ca-create.1: differs from line"), "{}", run.stderr);
    assert!(run.stderr.contains("CERTIFICATE AUTHORITY"), "the diff shows the lines: {}", run.stderr);
    assert!(run.stderr.contains("man/fedctl-removed.1: no longer generated"), "{}", run.stderr);
    assert!(run.stderr.contains("hint: run `cargo run -- internal generate`"), "{}", run.stderr);

    fedctl_ok(dir.path(), &["internal", "generate", "--out-dir", out]);
    assert!(!dir.path().join("man/fedctl-removed.1").exists());
    fedctl_ok(dir.path(), &["internal", "generate", "--out-dir", out, "--check"]);
}

#[test]
fn every_visible_command_has_a_man_page_and_hidden_ones_do_not() {
    let pages: Vec<String> = fs::read_dir(repo_root().join("man"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for page in
        ["fedctl.1", "fedctl-tls.1", "fedctl-tls-ca-create.1", "fedctl-tls-cert-create.1", "fedctl-completion.1"]
    {
        assert!(pages.iter().any(|p| p == page), "{page} missing from man/: {pages:?}");
    }
    assert!(!pages.iter().any(|p| p.contains("internal")), "{pages:?}");
}

#[test]
fn man_renders_the_cert_create_page() {
    if !have_tool("man", "to render the generated man pages") {
        return;
    }
    let out = Command::new("man")
        .args(["-l", "man/fedctl-tls-cert-create.1"])
        .current_dir(repo_root())
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "100")
        .output()
        .unwrap();
    assert!(out.status.success(), "man failed: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("fedctl-tls-cert-create"), "{text}");
    assert!(text.contains("--node"), "{text}");
    assert!(text.contains("<node>.server.<dc>.<domain>"), "{text}");
}

#[test]
fn completion_prints_the_shipped_scripts() {
    let dir = temp_dir();
    for (shell, file) in [
        ("bash", "fedctl.bash"),
        ("zsh", "_fedctl"),
        ("fish", "fedctl.fish"),
        ("powershell", "_fedctl.ps1"),
        ("elvish", "fedctl.elv"),
    ] {
        let run = fedctl_ok(dir.path(), &["completion", shell]);
        let shipped = fs::read_to_string(repo_root().join("completions").join(file)).unwrap();
        assert!(
            run.stdout == shipped,
            "`fedctl completion {shell}` differs from completions/{file}; run `cargo run -- internal generate`"
        );
    }
}

#[test]
fn bash_can_source_the_completion_script_and_complete_subcommands() {
    if !have_tool("bash", "to load the completion script") {
        return;
    }
    let script = format!(
        "source <('{FEDCTL}' completion bash) && complete -p fedctl && \
         COMP_WORDS=(fedctl tls ce) COMP_CWORD=2 COMP_LINE='fedctl tls ce' COMP_POINT=13 && \
         _fedctl fedctl ce tls && echo \"${{COMPREPLY[*]}}\""
    );
    let out = Command::new("bash").args(["-c", &script]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "bash: {}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("-F _fedctl fedctl"), "{stdout}");
    assert!(stdout.lines().last().unwrap_or("").split_whitespace().any(|w| w == "cert"), "{stdout}");
}

#[test]
fn bash_completes_flags_written_with_one_dash_as_the_examples_write_them() {
    if !have_tool("bash", "to load the completion script") {
        return;
    }
    let complete = |line: &str| {
        let words: Vec<&str> = line.split(' ').collect();
        let script = format!(
            "source <('{FEDCTL}' completion bash) && COMP_WORDS=({line}) COMP_CWORD={} COMP_LINE='{line}' \
             COMP_POINT={} && _fedctl fedctl '{}' '{}' && echo \"${{COMPREPLY[*]}}\"",
            words.len() - 1,
            line.len(),
            words[words.len() - 1],
            words[words.len() - 2],
        );
        let out = Command::new("bash").args(["-c", &script]).output().unwrap();
        assert!(out.status.success(), "bash: {}", String::from_utf8_lossy(&out.stderr));
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        let mut words: Vec<String> = stdout.split_whitespace().map(str::to_owned).collect();
        words.sort();
        words
    };
    assert_eq!(complete("fedctl agent -da"), ["-data-dir", "-datacenter"]);
    assert_eq!(complete("fedctl agent --da"), ["--data-dir", "--datacenter"]);
    assert_eq!(complete("fedctl members -w"), ["-wan"]);
}
