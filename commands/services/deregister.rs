use std::path::PathBuf;

use reqwest::Method;

use crate::cli::{CliError, ClientArgs, Ctx, api_error};

/// Deregister services from the local agent: those defined in FILE, or -id.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  fedctl services deregister web.hcl\n  fedctl services deregister -id web")]
pub struct Args {
    /// The definition file the services were registered from.
    pub file: Option<PathBuf>,
    /// The service ID to deregister (without FILE).
    #[arg(long, value_name = "ID", conflicts_with = "file")]
    pub id: Option<String>,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_services_deregister(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let ids: Vec<String> = match (&args.file, &args.id) {
        (Some(file), _) => {
            super::register::from_file(file)?.into_iter().map(|d| if d.id.is_empty() { d.name } else { d.id }).collect()
        }
        (None, Some(id)) => vec![id.clone()],
        (None, None) => return Err(CliError::usage("give a definition FILE or -id")),
    };
    let client = args.client.client()?;
    for id in ids {
        let () = client
            .call(Method::PUT, &format!("/v1/agent/service/deregister/{id}"), &[], None)
            .await
            .map_err(api_error)?;
        ctx.out.line(format!("Deregistered service: {id}"))?;
    }
    Ok(())
}
