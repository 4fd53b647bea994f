use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use fedctl::local::ServiceDefinition;
use reqwest::Method;

use crate::cli::{CliError, ClientArgs, Ctx, api_error};

/// Register services with the local agent, from a definition file or flags.
///
/// FILE is an .hcl or .json file with `service { ... }` blocks or a `services` list, the
/// same form as agent config files. Without FILE, -name (and the other flags) describe one
/// service. The agent keeps the registration and syncs it to the catalog.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  fedctl services register web.hcl\n  fedctl services register -name web -port 8080 -tag v1"
)]
pub struct Args {
    /// A service definition file (.hcl or .json).
    pub file: Option<PathBuf>,
    /// Service name (without FILE).
    #[arg(long, value_name = "NAME", conflicts_with = "file")]
    pub name: Option<String>,
    /// Service ID [default: the name].
    #[arg(long, value_name = "ID", conflicts_with = "file")]
    pub id: Option<String>,
    /// Service address [default: the node's address].
    #[arg(long, value_name = "ADDR", conflicts_with = "file")]
    pub address: Option<String>,
    /// Service port.
    #[arg(long, value_name = "PORT", conflicts_with = "file")]
    pub port: Option<u16>,
    /// A tag; repeatable.
    #[arg(long, value_name = "TAG", conflicts_with = "file")]
    pub tag: Vec<String>,
    /// Metadata as key=value; repeatable.
    #[arg(long, value_name = "KEY=VALUE", conflicts_with = "file")]
    pub meta: Vec<String>,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_services_register(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let definitions = match (&args.file, &args.name) {
        (Some(file), _) => from_file(file)?,
        (None, Some(name)) => {
            let mut meta = BTreeMap::new();
            for pair in &args.meta {
                let (k, v) = pair
                    .split_once('=')
                    .ok_or_else(|| CliError::usage(format!("-meta {pair:?}: expected KEY=VALUE")))?;
                meta.insert(k.to_owned(), v.to_owned());
            }
            vec![ServiceDefinition {
                id: args.id.clone().unwrap_or_default(),
                name: name.clone(),
                address: args.address.clone().unwrap_or_default(),
                port: args.port.unwrap_or(0),
                tags: args.tag.clone(),
                meta,
                ..ServiceDefinition::default()
            }]
        }
        (None, None) => {
            return Err(CliError::usage("give a definition FILE or -name")
                .hint("fedctl services register -name web -port 8080"));
        }
    };
    let client = args.client.client()?;
    for def in definitions {
        let body = serde_json::to_vec(&def).map_err(CliError::failure)?;
        let () = client.call(Method::PUT, "/v1/agent/service/register", &[], Some(body)).await.map_err(api_error)?;
        ctx.out.line(format!("Registered service: {}", def.name))?;
    }
    Ok(())
}

/// The services defined in an .hcl/.json file.
pub fn from_file(file: &Path) -> Result<Vec<ServiceDefinition>, CliError> {
    let parsed = fedctl::config::load_file(file).map_err(CliError::failure)?;
    let definitions: Vec<ServiceDefinition> = parsed.service.0.into_iter().chain(parsed.services).collect();
    if definitions.is_empty() {
        return Err(CliError::failure(format!(
            "{}: no service definitions (expected service {{ ... }} blocks)",
            file.display()
        )));
    }
    for def in &definitions {
        def.normalize().map_err(|e| CliError::failure(format!("{}: {e}", file.display())))?;
    }
    Ok(definitions)
}
