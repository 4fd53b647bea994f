use std::collections::BTreeMap;

use fedctl::api::{Client, ClientError};
use fedctl::state::Intention;

use super::parse_name;
use crate::cli::{CliError, ClientArgs, Ctx, load_data};

/// Create an intention: allow (the default) or deny connections from SRC to DST.
///
/// SRC and DST are service names, `*` for every service (`default/web` is `web`: fedctl has
/// one namespace). The intention holds in every datacenter; the write goes to the primary,
/// whichever agent takes it. A source and destination have at most one intention: creating a
/// second fails unless -replace, which updates the one there. Prints `Created: SRC => DST
/// (ACTION)`.
///
/// With -file, the arguments are files (or - for standard input), each holding one intention
/// as JSON in the HTTP API's shape (SourceName, DestinationName, Action, Description, Meta);
/// the files say everything, so -allow, -deny and -meta cannot be given with -file.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  fedctl intention create web db\n  fedctl intention create -deny '*' db\n  \
    fedctl intention create -replace -deny -meta owner=team-a web db\n  fedctl intention create -file web-db.json\n\n\
    web-db.json:\n  {\"SourceName\": \"web\", \"DestinationName\": \"db\", \"Action\": \"allow\", \"Description\": \"web reads db\"}")]
pub struct Args {
    /// Allow the connections (the default).
    #[arg(long)]
    pub allow: bool,
    /// Deny the connections.
    #[arg(long)]
    pub deny: bool,
    /// Update the intention of the same source and destination if there is one.
    #[arg(long)]
    pub replace: bool,
    /// Metadata as key=value; repeatable.
    #[arg(long, value_name = "KEY=VALUE")]
    pub meta: Vec<String>,
    /// Read the intentions from the files given as arguments (JSON), instead of SRC DST.
    #[arg(long)]
    pub file: bool,
    /// SRC DST; with -file, the files.
    #[arg(value_name = "SRC DST")]
    pub args: Vec<String>,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_intention_create(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    if args.allow && args.deny {
        return Err(CliError::usage("Only one of -allow or -deny may be specified."));
    }
    let intentions = if args.file { from_files(&args)? } else { vec![from_args(&args)?] };
    let client = args.client.client()?;
    for mut intention in intentions {
        intention.defaults();
        write(&client, &intention, args.replace)
            .await
            .map_err(|e| CliError::failure(format!("Error creating intention {:?}: {e}", intention.display())))?;
        ctx.out.line(format!("Created: {}", intention.display()))?;
    }
    Ok(())
}

/// The intention SRC DST and the flags describe.
fn from_args(args: &Args) -> Result<Intention, CliError> {
    let [source, destination] = args.args.as_slice() else {
        return Err(CliError::usage("Must specify two arguments: source and destination")
            .hint("fedctl intention create web db (or -file FILE...)"));
    };
    let (source, destination) = (parse_name(source)?, parse_name(destination)?);
    let action = if args.deny { "deny" } else { "allow" };
    let mut meta = BTreeMap::new();
    for pair in &args.meta {
        let (k, v) =
            pair.split_once('=').ok_or_else(|| CliError::usage(format!("-meta {pair:?}: expected KEY=VALUE")))?;
        meta.insert(k.to_owned(), v.to_owned());
    }
    Ok(Intention {
        source_ns: source.namespace,
        source_name: source.name,
        destination_ns: destination.namespace,
        destination_name: destination.name,
        action: action.to_owned(),
        meta,
        ..Intention::default()
    })
}

/// The intentions in the files named by the arguments.
fn from_files(args: &Args) -> Result<Vec<Intention>, CliError> {
    if args.args.is_empty() {
        return Err(CliError::usage("-file needs at least one file argument"));
    }
    if args.allow || args.deny || !args.meta.is_empty() {
        return Err(CliError::usage("-allow, -deny and -meta cannot be given with -file: the files say"));
    }
    args.args
        .iter()
        .map(|source| {
            let text = load_data(source)?;
            serde_json::from_str::<Intention>(&text)
                .map_err(|e| CliError::failure(format!("Error decoding the intention in {source}: {e}")))
        })
        .collect()
}

/// Creates the intention; with `replace`, creates it or updates the one of the same source and
/// destination in one write (keeping its ID).
async fn write(client: &Client, intention: &Intention, replace: bool) -> Result<(), ClientError> {
    if replace {
        return client.intention_set_exact(intention).await;
    }
    client.intention_create(intention).await.map(|_| ())
}
