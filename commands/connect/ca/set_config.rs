use std::path::PathBuf;

use reqwest::Method;

use crate::cli::{CliError, ClientArgs, Ctx};

/// Change the Connect CA's settings from a JSON file (`PUT /v1/connect/ca/configuration`),
/// in the primary datacenter.
///
/// The file is `{"Provider": "consul", "Config": {...}}`. Config keys: LeafCertTTL (1h to
/// 8760h, default 72h), IntermediateCertTTL (at least 3 x LeafCertTTL, default 8760h),
/// RotationPeriod, PrivateKeyType (ec or rsa) and PrivateKeyBits, PrivateKey and RootCert
/// (PEM). A new PrivateKey (with or without its RootCert), or a new key type, rotates the
/// root: the old root cross-signs the new one, both stay trusted, and every agent re-issues
/// its leaves within seconds, so connections keep working. Changing only TTLs does not rotate.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  fedctl connect ca set-config -config-file ca.json\n\n\
    ca.json rotating to a new P-384 root:\n  {\"Provider\": \"consul\", \"Config\": {\"PrivateKeyType\": \"ec\", \"PrivateKeyBits\": 384}}")]
pub struct Args {
    /// The JSON file with the new configuration.
    #[arg(long, value_name = "FILE")]
    pub config_file: Option<PathBuf>,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_connect_ca_set_config(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Some(path) = &args.config_file else { return Err(CliError::usage("The -config-file flag is required")) };
    let text = std::fs::read(path).map_err(|e| CliError::failure(format!("Error reading config file: {e}")))?;
    let body: serde_json::Value =
        serde_json::from_slice(&text).map_err(|e| CliError::failure(format!("Error parsing config file: {e}")))?;
    let client = args.client.client()?;
    let body = serde_json::to_vec(&body).map_err(CliError::failure)?;
    let () = client
        .call(Method::PUT, "/v1/connect/ca/configuration", &[], Some(body))
        .await
        .map_err(|e| CliError::failure(format!("Error setting CA configuration: {e}")))?;
    ctx.out.line("Configuration updated!")
}
