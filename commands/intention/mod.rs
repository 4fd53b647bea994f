mod check;
mod create;
mod delete;
mod get;
mod list;
mod matches;

use clap::Subcommand;
use fedctl::api::{Client, ClientError};
use fedctl::state::{Intention, Name};

use crate::cli::{CliError, Ctx};

/// Create, show, list, check and delete intentions: which services may connect to which, by
/// service name, in every datacenter. Writes go to the primary datacenter, which every other
/// replicates; each sidecar enforces them for the service behind it.
#[derive(Debug, Subcommand)]
pub enum Command {
    Create(create::Args),
    Delete(delete::Args),
    Get(get::Args),
    List(list::Args),
    Check(check::Args),
    Match(matches::Args),
}

pub async fn run(ctx: &Ctx, cmd: Command) -> Result<(), CliError> {
    match cmd {
        Command::Create(args) => create::cmd_intention_create(ctx, args).await,
        Command::Delete(args) => delete::cmd_intention_delete(ctx, args).await,
        Command::Get(args) => get::cmd_intention_get(ctx, args).await,
        Command::List(args) => list::cmd_intention_list(ctx, args).await,
        Command::Check(args) => check::cmd_intention_check(ctx, args).await,
        Command::Match(args) => matches::cmd_intention_match(ctx, args).await,
    }
}

/// A source or destination argument (`web`, `default/web`, `*`), or the reference's message
/// as a usage error.
fn parse_name(arg: &str) -> Result<Name, CliError> {
    Name::parse(arg).map_err(CliError::usage)
}

/// What `get` and `delete` are given: an intention's ID, or its source and destination.
enum Which {
    Id(String),
    Pair(Name, Name),
}

impl Which {
    /// `ID` or `SRC DST`.
    fn of(args: &[String]) -> Result<Which, CliError> {
        match args {
            [id] => Ok(Which::Id(id.clone())),
            [source, destination] => Ok(Which::Pair(parse_name(source)?, parse_name(destination)?)),
            _ => Err(CliError::usage("command requires exactly 1 or 2 arguments")),
        }
    }

    /// The intention named, or the reference's not-found message.
    async fn lookup(&self, client: &Client) -> Result<Intention, CliError> {
        let found = match self {
            Which::Id(id) => client.intention_get(id).await,
            Which::Pair(source, destination) => client.intention_exact(&source.display(), &destination.display()).await,
        };
        found.map_err(|e| {
            // An ID the agent does not know or cannot read (not a UUID): perhaps a name was meant.
            let id_refused = matches!(&e, ClientError::Status { status, .. } if status.as_u16() == 400);
            let err = if e.is_not_found() {
                self.not_found()
            } else {
                CliError::failure(format!("Error reading the intention: {e}"))
            };
            match self {
                Which::Id(_) if e.is_not_found() || id_refused => err.hint(
                    "one argument is an intention ID (`fedctl intention list` shows them); give SRC DST to name a source and a destination",
                ),
                _ => err,
            }
        })
    }

    fn not_found(&self) -> CliError {
        match self {
            Which::Id(id) => CliError::failure(format!("Intention with ID {id:?} not found.")),
            Which::Pair(source, destination) => CliError::failure(format!(
                "Intention with source {:?} and destination {:?} not found.",
                source.display(),
                destination.display()
            )),
        }
    }
}
