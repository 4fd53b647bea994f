use std::path::Path;

use fedctl::tls::files::{NewFile, cert_prefix, expand_domain, next_free_pair, write_new_files};
use fedctl::tls::names::node_server_name;
use fedctl::tls::{Ca, CertKind, CertOptions, ExtendedKeyUsage, SanEntry};
use serde::Serialize;

use crate::cli::{CliError, Ctx, FormatArg};
use crate::tls::hints::tls_error;

/// Create a certificate for a server, a client agent or the CLI, signed by a CA.
///
/// Writes <dc>-<kind>-<domain>-<n>.pem and <dc>-<kind>-<domain>-<n>-key.pem (mode 0600) to
/// the current directory, with the first <n> for which neither file exists.
///
/// A server certificate's SANs are, in order: <node>.server.<dc>.<domain> (with -node),
/// server.<dc>.<domain>, localhost, IP 127.0.0.1, then -additional-dnsname and
/// -additional-ipaddress values. Servers of federated datacenters need -node: gateways route
/// to a server by the SNI <node>.server.<dc>.<domain>, and the server must be valid for it.
///
/// The key is ECDSA P-256 (PKCS#8). The CA key may be PKCS#8 or SEC1 (`EC PRIVATE KEY`, as
/// Consul writes it). The new certificate is verified against the CA before it is written.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  fedctl tls cert create -server -dc dc1 -node n1\n  fedctl tls cert create -client -dc dc2\n  fedctl tls cert create -server -node n2 -additional-dnsname n2.example.com -additional-ipaddress 10.0.0.2"
)]
pub struct Args {
    /// CA certificate file; #DOMAIN# is replaced by -domain.
    #[arg(long, default_value = "#DOMAIN#-agent-ca.pem", value_name = "PATH")]
    pub ca: String,
    /// CA private key file; #DOMAIN# is replaced by -domain.
    #[arg(long, default_value = "#DOMAIN#-agent-ca-key.pem", value_name = "PATH")]
    pub key: String,
    /// Create a server certificate (valid for server and client authentication).
    #[arg(long)]
    pub server: bool,
    /// Create a client agent certificate.
    #[arg(long)]
    pub client: bool,
    /// Create a certificate for the CLI.
    #[arg(long)]
    pub cli: bool,
    /// Datacenter the certificate is for.
    #[arg(long, default_value = "dc1", value_name = "DC")]
    pub dc: String,
    /// The cluster's domain.
    #[arg(long, default_value = "consul", value_name = "DOMAIN")]
    pub domain: String,
    /// Node name of the server; adds the SAN <node>.server.<dc>.<domain>. Only with -server.
    #[arg(long, value_name = "NAME")]
    pub node: Option<String>,
    /// How many days the certificate is valid for.
    #[arg(long, default_value_t = 365, value_name = "DAYS")]
    pub days: u32,
    /// An extra DNS name to include; repeatable (not used for -cli certificates).
    #[arg(long, value_name = "NAME")]
    pub additional_dnsname: Vec<String>,
    /// An extra IP address to include; repeatable.
    #[arg(long, value_name = "IP")]
    pub additional_ipaddress: Vec<String>,
    #[command(flatten)]
    pub format: FormatArg,
}

#[derive(Serialize)]
struct Created<'a> {
    cert_file: String,
    key_file: String,
    ca_file: &'a str,
    common_name: &'a str,
    sans: &'a [SanEntry],
    extended_key_usages: &'a [ExtendedKeyUsage],
    not_after: String,
}

const SERVER_WARNING: &str = "==> WARNING: Server Certificates grants authority to become a
    server and access all state in the cluster including root keys
    and all ACL tokens. Do not distribute them to production hosts
    that are not server nodes. Store them as securely as CA keys.";

pub fn cmd_tls_cert_create(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let kind = kind_of(&args)?;
    let opts = CertOptions {
        kind: kind.clone(),
        dc: args.dc.clone(),
        domain: args.domain.clone(),
        days: args.days,
        additional_dnsnames: args.additional_dnsname.clone(),
        additional_ipaddresses: args.additional_ipaddress.clone(),
    };
    // Validate names before touching any file.
    let plan = opts.plan().map_err(tls_error)?;
    let (ca_file, key_file) = (expand_domain(&args.ca, &args.domain), expand_domain(&args.key, &args.domain));
    let prefix = cert_prefix(&kind, &args.dc, &args.domain);
    let (cert_path, key_path) = next_free_pair(Path::new(""), &prefix).map_err(tls_error)?;
    let ca = Ca::load(Path::new(&ca_file), Path::new(&key_file)).map_err(tls_error)?;

    if let CertKind::Server { node } = &kind {
        ctx.out.info(SERVER_WARNING);
        if node.is_none() {
            ctx.out.info(format!(
                "==> WARNING: without -node this certificate lacks {}; servers need that name \
                 when datacenters federate through mesh gateways",
                node_server_name("<node>", &args.dc, &args.domain)
            ));
        }
    }
    if !plan.ignored_dnsnames.is_empty() {
        ctx.out.info(format!(
            "==> WARNING: -additional-dnsname is not used for -cli certificates; ignored: {}",
            plan.ignored_dnsnames.join(", ")
        ));
    }
    ctx.out.info(format!("==> Using {ca_file} and {key_file}"));

    let issued = ca.issue(&opts).map_err(tls_error)?;
    write_new_files(&[
        NewFile { path: cert_path.clone(), contents: issued.cert_pem.as_bytes(), mode: 0o644 },
        NewFile { path: key_path.clone(), contents: issued.key_pem.as_bytes(), mode: 0o600 },
    ])
    .map_err(tls_error)?;

    let (cert_file, key_file_new) = (cert_path.display().to_string(), key_path.display().to_string());
    if args.format.is_json() {
        return ctx.out.json(&Created {
            cert_file,
            key_file: key_file_new,
            ca_file: &ca_file,
            common_name: &issued.plan.common_name,
            sans: &issued.plan.sans,
            extended_key_usages: &issued.plan.extended_key_usages,
            not_after: crate::cli::rfc3339(issued.not_after),
        });
    }
    ctx.out.line(format!("==> Saved {cert_file}"))?;
    ctx.out.line(format!("==> Saved {key_file_new}"))
}

/// Exactly one of -server, -client, -cli; -node only with -server. Checked in the reference
/// CLI's order, and as failures (exit 1), as the reference does.
fn kind_of(args: &Args) -> Result<CertKind, CliError> {
    if args.ca.is_empty() {
        return Err(CliError::failure("please provide the CA certificate with -ca"));
    }
    if args.key.is_empty() {
        return Err(CliError::failure("please provide the CA key with -key"));
    }
    let kind = match (args.server, args.client, args.cli) {
        (true, false, false) => CertKind::Server { node: args.node.clone() },
        (false, true, false) => CertKind::Client,
        (false, false, true) => CertKind::Cli,
        _ => {
            return Err(CliError::failure("please provide exactly one of -server, -client or -cli")
                .hint("e.g. `fedctl tls cert create -server -dc dc1 -node n1`"));
        }
    };
    if args.node.is_some() && !args.server {
        return Err(CliError::failure("-node requires -server")
            .hint("only server certificates carry <node>.server.<dc>.<domain>"));
    }
    Ok(kind)
}
