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
    script
}
