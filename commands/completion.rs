use clap_complete::Shell;

use crate::cli::{CliError, Ctx};

/// Print a shell completion script to stdout.
///
/// bash: `source <(fedctl completion bash)`; zsh: `fedctl completion zsh > "${fpath[1]}/_fedctl"`;
/// fish: `fedctl completion fish > ~/.config/fish/completions/fedctl.fish`.
/// Pre-generated scripts are also shipped in the repository's completions/ directory.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell to generate the script for.
    #[arg(value_enum)]
    pub shell: Shell,
}

pub fn cmd_completion(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    ctx.out.raw(&completion_script(args.shell, ctx.command()))
}

/// The completion script of the command tree `cmd` for `shell`, as shipped in completions/.
pub fn completion_script(shell: Shell, mut cmd: clap::Command) -> Vec<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "fedctl", &mut script);
    if shell == Shell::Bash {
        script = with_single_dash_flags(&String::from_utf8_lossy(&script)).into_bytes();
    }
    script
}

/// bash: every `--flag` is offered (and takes its value) as `-flag` too, as fedctl's flags
/// are written in Consul's style, so `-da<TAB>` completes.
fn with_single_dash_flags(script: &str) -> String {
    let mut out = String::with_capacity(script.len() * 2);
    for line in script.lines() {
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        if let Some(list) = trimmed.strip_prefix("opts=\"").and_then(|l| l.strip_suffix('"')) {
            let words: Vec<String> = list
                .split_whitespace()
                .flat_map(|w| match w.strip_prefix("--").filter(|n| !n.is_empty()) {
                    Some(name) => vec![w.to_owned(), format!("-{name}")],
                    None => vec![w.to_owned()],
                })
                .collect();
            out.push_str(&format!("{indent}opts=\"{}\"", words.join(" ")));
        } else if let Some(name) =
            trimmed.strip_prefix("--").and_then(|l| l.strip_suffix(')')).filter(|n| !n.contains(['|', ' ']))
        {
            out.push_str(&format!("{indent}--{name}|-{name})"));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}
