use crate::cli::{CliError, Ctx};

/// Serve HTTP/1.1 on -listen, answering every request with 200 and one line,
/// `<name>: <method> <path>`: the app `fedctl lab up -demo` runs in each datacenter, behind
/// echo's sidecar.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to listen, ip:port.
    #[arg(long, value_name = "IP:PORT")]
    pub listen: String,
    /// How the answers start, e.g. "echo in dc1 (node dc1-s1)".
    #[arg(long, value_name = "TEXT")]
    pub name: String,
}

pub async fn cmd_internal_echo(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let listener = tokio::net::TcpListener::bind(args.listen.as_str())
        .await
        .map_err(|e| CliError::failure(format!("listening on {}: {e}", args.listen)))?;
    let addr = listener.local_addr().map_or_else(|_| args.listen.clone(), |a| a.to_string());
    // In the lab's log of this process: where it listens, once it does.
    ctx.out.info(format!("==> echo listening on {addr}, answering as {:?}", args.name));
    fedctl::lab::serve_echo(listener, args.name).await;
    Ok(())
}
