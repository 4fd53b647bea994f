//! Regenerates the checked-in completions/ and man/ from the clap definitions, or with
//! `--check` fails listing what is stale (the test suite runs the check).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use clap_complete::{Generator, Shell};

use crate::cli::{CliError, Ctx};

/// Regenerate completions/ and man/ (or check that they are current).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The directory holding completions/ and man/ (the repository root).
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub out_dir: PathBuf,
    /// Write nothing; fail, showing the differences, if any file is missing or stale.
    #[arg(long)]
    pub check: bool,
}

const SHELLS: [Shell; 5] = [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell, Shell::Elvish];

pub fn cmd_internal_generate(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let expected = generated_files(ctx)?;
    let on_disk = existing_files(&args.out_dir)?;
    let stale: Vec<String> = expected
        .iter()
        .filter(|(path, content)| on_disk.get(*path) != Some(*content))
        .map(|(path, content)| describe_difference(path, on_disk.get(path), content))
        .chain(
            on_disk
                .keys()
                .filter(|path| !expected.contains_key(*path))
                .map(|path| format!("{path}: no longer generated (remove it)")),
        )
        .collect();

    if args.check {
        if stale.is_empty() {
            return Ok(());
        }
        return Err(CliError::failure(format!("generated files are stale:\n{}", stale.join("\n")))
            .hint("run `cargo run -- internal generate` and commit completions/ and man/"));
    }

    for dir in ["completions", "man"] {
        fs::create_dir_all(args.out_dir.join(dir)).map_err(|e| write_err(&args.out_dir.join(dir), e))?;
    }
    for (path, content) in &expected {
        if on_disk.get(path) != Some(content) {
            let full = args.out_dir.join(path);
            fs::write(&full, content).map_err(|e| write_err(&full, e))?;
        }
    }
    for path in on_disk.keys().filter(|p| !expected.contains_key(*p)) {
        let full = args.out_dir.join(path);
        fs::remove_file(&full).map_err(|e| write_err(&full, e))?;
    }
    ctx.out.info(format!("==> {} of {} generated files updated", stale.len(), expected.len()));
    Ok(())
}

/// Every generated file, by path relative to the repository root.
fn generated_files(ctx: &Ctx) -> Result<BTreeMap<String, Vec<u8>>, CliError> {
    let mut files = BTreeMap::new();
    for shell in SHELLS {
        files.insert(
            format!("completions/{}", shell.file_name("fedctl")),
            crate::completion::completion_script(shell, ctx.command()),
        );
    }
    let mut cmd = ctx.command().disable_help_subcommand(true);
    cmd.build();
    add_man_pages(&cmd, &mut files)?;
    Ok(files)
}

/// One page per visible command; subcommand pages are named `fedctl-tls-cert-create.1`.
fn add_man_pages(cmd: &clap::Command, files: &mut BTreeMap<String, Vec<u8>>) -> Result<(), CliError> {
    let man = clap_mangen::Man::new(cmd.clone());
    let mut page = Vec::new();
    man.render(&mut page).map_err(CliError::failure)?;
    files.insert(format!("man/{}", man.get_filename()), page);
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        add_man_pages(sub, files)?;
    }
    Ok(())
}

/// The files currently in completions/ and man/ (hidden files ignored).
fn existing_files(root: &Path) -> Result<BTreeMap<String, Vec<u8>>, CliError> {
    let mut files = BTreeMap::new();
    for dir in ["completions", "man"] {
        let Ok(entries) = fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || !entry.path().is_file() {
                continue;
            }
            let content = fs::read(entry.path()).map_err(CliError::failure)?;
            files.insert(format!("{dir}/{name}"), content);
        }
    }
    Ok(files)
}

fn describe_difference(path: &str, old: Option<&Vec<u8>>, new: &[u8]) -> String {
    let Some(old) = old else {
        return format!("{path}: missing");
    };
    let (old, new) = (String::from_utf8_lossy(old), String::from_utf8_lossy(new));
    let (mut old_lines, mut new_lines) = (old.lines(), new.lines());
    for line_no in 1.. {
        match (old_lines.next(), new_lines.next()) {
            (Some(a), Some(b)) if a == b => continue,
            (None, None) => break,
            (a, b) => {
                return format!(
                    "{path}: differs from line {line_no}\n  - {}\n  + {}",
                    a.unwrap_or("<end of file>"),
                    b.unwrap_or("<end of file>")
                );
            }
        }
    }
    format!("{path}: differs in line endings")
}

fn write_err(path: &Path, e: std::io::Error) -> CliError {
    CliError::failure(format!("writing {}: {e}", path.display()))
}
