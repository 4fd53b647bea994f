//! What the commands share that is not a command: the context every command gets, output,
//! exit codes and errors, `-format`, the client flags, Consul-style flag spelling, logging and
//! plugins. Nothing here knows the command tree; it is handed in ([`Ctx::command`]).

mod client_args;
mod ctx;
mod exit;
mod flagspec;
mod format;
mod input;
mod logging;
mod output;
mod plugin;
mod usage;

pub use client_args::{ClientArgs, api_error};
pub use ctx::Ctx;
pub use exit::{CliError, finish};
pub use flagspec::spec_of;
pub use format::{FormatArg, rfc3339};
pub use input::load_data;
pub use logging::init as init_logging;
pub use plugin::cmd_plugin;
pub use usage::usage_error;
