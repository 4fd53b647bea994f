use super::output::Output;

/// What every command gets besides its own arguments. Clients (HTTP, RPC) are built lazily by
/// the commands that need them, so offline commands never need an agent. The command tree is
/// handed in by the root, so the commands that print or search it (completion, generated docs,
/// plugin suggestions) need not import the root.
#[derive(Debug)]
pub struct Ctx {
    pub out: Output,
    command: fn() -> clap::Command,
}

impl Ctx {
    pub fn new(command: fn() -> clap::Command) -> Ctx {
        Ctx { out: Output, command }
    }

    /// The whole command tree as clap sees it.
    pub fn command(&self) -> clap::Command {
        (self.command)()
    }
}
