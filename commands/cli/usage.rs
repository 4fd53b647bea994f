//! Usage errors in Consul's spelling: an unknown flag is reported as `-name`, with the closest
//! flag of the command it was given to, or that command's flags when none is close.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::CliError;

/// Rewrites clap's "unexpected argument" for a flag; other errors are clap's own.
pub fn usage_error(tree: &clap::Command, args: &[OsString], err: clap::Error) -> CliError {
    if err.kind() != ErrorKind::UnknownArgument {
        return CliError::Clap(err);
    }
    let Some(ContextValue::String(given)) = err.get(ContextKind::InvalidArg) else { return CliError::Clap(err) };
    let Some(name) = given.strip_prefix("--").or_else(|| given.strip_prefix('-')) else {
        return CliError::Clap(err);
    };
    let name = name.split_once('=').map_or(name, |(n, _)| n);
    let (path, cmd) = command_of(tree, args);
    let longs: Vec<&str> = cmd
        .get_arguments()
        .filter(|a| !a.is_hide_set())
        .flat_map(|a| a.get_long_and_visible_aliases().into_iter().flatten())
        .collect();
    let message = format!("{path} has no -{name} flag");
    match closest(name, &longs) {
        Some(best) => CliError::usage(format!("{message}; did you mean -{best}?"))
            .hint(format!("`{path} -help` lists every flag")),
        None => {
            let all: Vec<String> = longs.iter().map(|l| format!("-{l}")).collect();
            CliError::usage(message).hint(format!("its flags are {}; `{path} -help` explains each", all.join(", ")))
        }
    }
}

/// The (sub)command the arguments name, and its full name (`fedctl tls cert create`).
fn command_of<'a>(tree: &'a clap::Command, args: &[OsString]) -> (String, &'a clap::Command) {
    let mut cmd = tree;
    let mut path = vec![tree.get_name().to_owned()];
    for arg in args.iter().skip(1).filter_map(|a| a.to_str()) {
        if arg == "--" {
            break;
        }
        if let Some(sub) = cmd.find_subcommand(arg) {
            path.push(sub.get_name().to_owned());
            cmd = sub;
        }
    }
    (path.join(" "), cmd)
}

/// The flag closest to `name`, when close enough to be a typo of it.
fn closest<'a>(name: &str, longs: &[&'a str]) -> Option<&'a str> {
    longs
        .iter()
        .map(|l| (strsim::jaro_winkler(name, l), *l))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, l)| l)
}
