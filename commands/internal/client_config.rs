use fedctl::api::{Setting, Source};

use crate::cli::{CliError, ClientArgs, Ctx, FormatArg};

/// Show the client settings a command would use to reach an agent, and where each one came
/// from (flag, environment variable or default). The token is never printed.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub client: ClientArgs,
    #[command(flatten)]
    pub format: FormatArg,
}

pub fn cmd_internal_client_config(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let mut settings = args.client.resolve()?;
    if let Some(token) = &settings.token.value {
        settings.token.value = Some(format!("<{} characters, hidden>", token.chars().count()));
    }
    if args.format.is_json() {
        return ctx.out.json(&settings);
    }
    let rows: [(&str, &Setting); 7] = [
        ("http-addr", &settings.http_addr),
        ("token", &settings.token),
        ("ca-file", &settings.ca_file),
        ("client-cert", &settings.client_cert),
        ("client-key", &settings.client_key),
        ("tls-server-name", &settings.tls_server_name),
        ("datacenter", &settings.datacenter),
    ];
    for (name, setting) in rows {
        let source = match &setting.source {
            Source::Flag => "flag".to_owned(),
            Source::Env(var) => format!("env {var}"),
            Source::Default => "default".to_owned(),
            Source::Unset => "unset".to_owned(),
        };
        let value = setting.value.as_deref().unwrap_or("-");
        ctx.out.line(format!("{name:<16} {value:<40} {source}"))?;
    }
    Ok(())
}
