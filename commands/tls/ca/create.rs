use fedctl::tls::files::{NewFile, ca_file_names, write_new_files};
use fedctl::tls::{CaOptions, generate_ca};
use serde::Serialize;

use crate::cli::{CliError, Ctx, FormatArg};
use crate::tls::hints::tls_error;

/// Create a new certificate authority (CA) for agent TLS.
///
/// Writes <domain>-agent-ca.pem and <domain>-agent-ca-key.pem (mode 0600) to the current
/// directory. The key is ECDSA P-256 in PKCS#8 form. Existing files are never overwritten:
/// if either file exists, nothing is written and the command fails.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  fedctl tls ca create\n  fedctl tls ca create -domain example -days 3650 -name-constraint"
)]
pub struct Args {
    /// How many days the CA is valid for.
    #[arg(long, default_value_t = 1825, value_name = "DAYS")]
    pub days: u32,
    /// The cluster's domain; it names the files and, with -name-constraint, limits the CA.
    #[arg(long, default_value = "consul", value_name = "DOMAIN")]
    pub domain: String,
    /// Add a critical name constraint: the CA may only sign names under <domain>, localhost
    /// and each -additional-name-constraint.
    #[arg(long)]
    pub name_constraint: bool,
    /// Another DNS domain the CA may sign for; repeatable; needs -name-constraint.
    #[arg(long, value_name = "DOMAIN", requires = "name_constraint")]
    pub additional_name_constraint: Vec<String>,
    /// Subject common name of the CA [default: fedctl Agent CA <serial>].
    #[arg(long, value_name = "NAME")]
    pub common_name: Option<String>,
    #[command(flatten)]
    pub format: FormatArg,
}

#[derive(Serialize)]
struct Created {
    cert_file: String,
    key_file: String,
    common_name: String,
    not_after: String,
    permitted_dns_domains: Vec<String>,
}

pub fn cmd_tls_ca_create(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let opts = CaOptions {
        days: args.days,
        domain: args.domain.clone(),
        name_constraint: args.name_constraint,
        additional_name_constraints: args.additional_name_constraint,
        common_name: args.common_name,
    };
    let (cert_file, key_file) = ca_file_names(&args.domain);
    let ca = generate_ca(&opts).map_err(tls_error)?;
    write_new_files(&[
        NewFile { path: cert_file.clone().into(), contents: ca.cert_pem.as_bytes(), mode: 0o644 },
        NewFile { path: key_file.clone().into(), contents: ca.key_pem.as_bytes(), mode: 0o600 },
    ])
    .map_err(tls_error)?;

    if args.format.is_json() {
        return ctx.out.json(&Created {
            cert_file,
            key_file,
            common_name: ca.common_name,
            not_after: crate::cli::rfc3339(ca.not_after),
            permitted_dns_domains: ca.permitted_dns_domains,
        });
    }
    ctx.out.line(format!("==> Saved {cert_file}"))?;
    ctx.out.line(format!("==> Saved {key_file}"))
}
