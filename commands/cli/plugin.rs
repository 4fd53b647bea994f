//! Plugins: `fedctl foo args...` with no built-in `foo` execs `fedctl-foo args...` from PATH.

use std::ffi::{OsStr, OsString};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;

use super::ctx::Ctx;
use super::exit::CliError;

/// Replaces this process with the plugin, so its exit status, signals and terminal are its own.
pub fn cmd_plugin(ctx: &Ctx, args: Vec<OsString>) -> Result<(), CliError> {
    let Some((name, rest)) = args.split_first() else {
        return Err(CliError::usage("missing command"));
    };
    let program = format!("fedctl-{}", name.to_string_lossy());
    let Some(path) = find_in_path(OsStr::new(&program)) else {
        return Err(unknown_command(&ctx.command(), &name.to_string_lossy(), &program));
    };
    tracing::debug!(plugin = %path.display(), "running plugin");
    let err = std::process::Command::new(&path).args(rest).exec();
    Err(CliError::failure(format!("running plugin {}: {err}", path.display())))
}

fn find_in_path(program: &OsStr) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.metadata().is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0))
}

fn unknown_command(cmd: &clap::Command, name: &str, program: &str) -> CliError {
    let closest = cmd
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| c.get_name())
        .map(|candidate| (strsim::damerau_levenshtein(name, candidate), candidate))
        .filter(|(distance, _)| *distance <= 2 && *distance < name.len())
        .min_by_key(|(distance, _)| *distance);
    let hint = match closest {
        Some((_, candidate)) => format!("did you mean `fedctl {candidate}`?"),
        None => "run `fedctl --help` for the list of commands".to_owned(),
    };
    CliError::usage(format!("unknown command {name:?}, and no plugin {program} on PATH")).hint(hint)
}
