mod delete;
mod list;
mod read;
mod write;

use clap::Subcommand;

use crate::cli::{CliError, Ctx};

/// Write, read, list and delete config entries: the federation's central settings for proxies
/// (proxy-defaults), services (service-defaults), where a service's requests go
/// (service-resolver) and who may connect to it (service-intentions). Writes go to the primary
/// datacenter, which every other replicates.
#[derive(Debug, Subcommand)]
pub enum Command {
    Write(write::Args),
    Read(read::Args),
    List(list::Args),
    Delete(delete::Args),
}

pub async fn run(ctx: &Ctx, cmd: Command) -> Result<(), CliError> {
    match cmd {
        Command::Write(args) => write::cmd_config_write(ctx, args).await,
        Command::Read(args) => read::cmd_config_read(ctx, args).await,
        Command::List(args) => list::cmd_config_list(ctx, args).await,
        Command::Delete(args) => delete::cmd_config_delete(ctx, args).await,
    }
}

/// The value of a required `-kind` / `-name` flag, or the reference's usage message.
fn required<'a>(value: &'a Option<String>, flag: &str) -> Result<&'a str, CliError> {
    value
        .as_deref()
        .filter(|v| !v.is_empty())
        .ok_or_else(|| CliError::usage(format!("Must specify the -{flag} parameter")))
}

/// The `-kind` and `-name` flags naming one entry (read, delete).
#[derive(Debug, clap::Args)]
pub struct EntryFlags {
    /// The entry's kind: proxy-defaults, service-defaults, service-resolver or service-intentions.
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// The entry's name (a service name; `global` for proxy-defaults).
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
}

impl EntryFlags {
    /// Both flags, or the reference's usage message for the first one missing.
    fn required(&self) -> Result<(&str, &str), CliError> {
        Ok((required(&self.kind, "kind")?, required(&self.name, "name")?))
    }
}
