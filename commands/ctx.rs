use crate::output::Output;

/// What every command gets besides its own arguments. Clients (HTTP, RPC) are built lazily by
/// the commands that need them, so offline commands never need an agent.
#[derive(Debug, Default)]
pub struct Ctx {
    pub out: Output,
}
