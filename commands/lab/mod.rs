mod common;
mod down;
mod foreground;
mod start;
mod status;
mod up;

use clap::Subcommand;

use crate::cli::{CliError, Ctx};

#[derive(Debug, Subcommand)]
pub enum Command {
    Up(up::Args),
    Status(status::Args),
    Down(down::Args),
}

pub async fn run(ctx: &Ctx, cmd: Command) -> Result<(), CliError> {
    match cmd {
        Command::Up(args) => up::cmd_lab_up(ctx, args).await,
        Command::Status(args) => status::cmd_lab_status(ctx, args).await,
        Command::Down(args) => down::cmd_lab_down(ctx, args).await,
    }
}
