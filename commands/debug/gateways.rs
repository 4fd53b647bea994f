use std::io::IsTerminal;

use std::time::Duration;

use std::collections::BTreeMap;

use fedctl::duration::GoDuration;
use fedctl::state::CheckServiceNode;
use fedctl::wan::{Candidate, DialRecord, FAILURE_QUARANTINE, LocatorStatus, ProbeReport, Via};

use crate::cli::{CliError, ClientArgs, Ctx, FormatArg, api_error};

/// Show how this server reaches every other datacenter through mesh gateways.
///
/// For every datacenter: the candidate gateways with their source (config, federation state,
/// local catalog) and health, the one the server would dial now and why, and dial failures
/// with their age (a failure older than the locator's quarantine is marked old: it no longer
/// steers dialling). With -services, the data-plane routes too: the services each
/// datacenter's gateways expose to the others (read in that datacenter, through the
/// gateways), with their healthy instances, the SNI they are reached by, and the gateways that
/// carry them.
///
/// With -probe, every hop is measured: each local gateway is asked to answer as itself, each
/// other datacenter's gateway is asked through it and directly from the server, and a real TLS
/// handshake with a server is made along every path (each gateway x rpc, gossip packet) with
/// latency. For each unreachable datacenter it names the broken hop (the
/// local gateway, its WAN side, the remote gateway, the remote servers, or a certificate) and
/// what to check or restart. Exits 3 when a datacenter is unreachable. Ask a server (its HTTP
/// address) of the datacenter to look from.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  fedctl debug gateways\n  fedctl debug gateways -probe\n  fedctl debug gateways -probe -tries 20 -format=json\n  fedctl debug gateways -services"
)]
pub struct Args {
    /// Probe every path with real handshakes.
    #[arg(long)]
    pub probe: bool,
    /// Also show the data-plane routes: the services each datacenter's gateways expose, read
    /// in that datacenter through the gateways (so with a datacenter unreachable, this dials
    /// it, and the dial failures show it).
    #[arg(long)]
    pub services: bool,
    /// Handshakes per path when probing (1-50).
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub tries: u32,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_debug_gateways(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let client = args.client.client()?;
    let status: LocatorStatus = client.get("/v1/internal/gateways", &[]).await.map_err(api_error)?.value;
    if !status.enabled {
        return Err(CliError::failure(format!(
            "the agent (datacenter {}) does not federate through mesh gateways",
            status.datacenter
        ))
        .hint("ask a server with connect { enable_mesh_gateway_wan_federation = true }"));
    }
    let probe = if args.probe {
        let spinner = (!args.format.is_json() && std::io::stderr().is_terminal()).then(|| {
            let s = indicatif::ProgressBar::new_spinner().with_message("probing every path through the gateways");
            s.enable_steady_tick(std::time::Duration::from_millis(100));
            s
        });
        let query = [("tries", args.tries.to_string())];
        let report = client.get::<ProbeReport>("/v1/internal/gateways/probe", &query).await.map_err(api_error);
        if let Some(s) = spinner {
            s.finish_and_clear();
        }
        Some(report?.value)
    } else {
        None
    };
    let routes = if args.services { data_plane(&client, &status).await } else { BTreeMap::new() };
    let roots: Option<serde_json::Value> = client.get("/v1/connect/ca/roots", &[]).await.ok().map(|r| r.value);
    let td =
        roots.as_ref().and_then(|r| r["TrustDomain"].as_str()).filter(|t| !t.is_empty()).unwrap_or("<trust-domain>");
    if args.format.is_json() {
        // Per datacenter `{"Services": {name: [instances]}}` or `{"Error": "..."}`.
        let routes: BTreeMap<&String, serde_json::Value> = routes
            .iter()
            .map(|(dc, r)| match r {
                Ok(s) => (dc, serde_json::json!({ "Services": s })),
                Err(e) => (dc, serde_json::json!({ "Error": e })),
            })
            .collect();
        ctx.out.json(&serde_json::json!({ "Status": status, "Probe": probe, "Routes": routes }))?;
    } else {
        print_status(ctx, &status)?;
        if args.services {
            print_routes(ctx, &status, td, &routes)?;
        }
        if let Some(report) = &probe {
            print_probe(ctx, report)?;
        }
    }
    let unreachable: Vec<String> = match &probe {
        Some(report) => report.unreachable.clone(),
        None => status.picks.iter().filter(|(_, pick)| pick.is_none()).map(|(dc, _)| dc.clone()).collect(),
    };
    if unreachable.is_empty() {
        Ok(())
    } else {
        Err(CliError::CheckFailed { message: format!("unreachable datacenter(s): {}", unreachable.join(", ")) })
    }
}

fn print_status(ctx: &Ctx, status: &LocatorStatus) -> Result<(), CliError> {
    let dc = &status.datacenter;
    ctx.out.line(format!("Datacenter {dc} (primary: {})", status.primary_datacenter))?;
    let row = |dc: &str, c: &Candidate| {
        let failing: Vec<String> = status
            .dials
            .get(&c.address)
            .into_iter()
            .flatten()
            .filter(|(_, d)| d.consecutive_failures > 0)
            .map(|(to, d)| format!("to {to}: {}", failures(d)))
            .collect();
        let recent = if failing.is_empty() { "-".to_owned() } else { failing.join("; ") };
        let health = if c.healthy { "healthy" } else { "critical" };
        vec![dc.to_owned(), c.address.clone(), c.source.to_string(), health.to_owned(), recent]
    };
    let mut rows: Vec<Vec<String>> = status.local.iter().map(|c| row(&format!("{dc} (local)"), c)).collect();
    for (remote, list) in &status.remote {
        rows.extend(list.iter().map(|c| row(remote, c)));
    }
    ctx.out.line("")?;
    ctx.out.table(&["Datacenter", "Gateway", "Source", "Health", "Dial failures"], rows)?;
    ctx.out.line("")?;
    let picks = status.picks.iter().map(|(dc, p)| match p {
        None if !status.local.is_empty() || status.remote.get(dc).is_some_and(|r| !r.is_empty()) => {
            vec![dc.clone(), "-".to_owned(), "every gateway known is critical: unreachable".to_owned()]
        }
        None => vec![dc.clone(), "-".to_owned(), "no gateway known: unreachable".to_owned()],
        Some(p) => vec![dc.clone(), p.address.clone(), p.reason.clone()],
    });
    ctx.out.table(&["To", "Dial now", "Why"], picks)
}

/// Per datacenter, what its gateways route service traffic to: each service with its
/// connect instances (`Ok`), or why they could not be read.
async fn data_plane(
    client: &fedctl::api::Client,
    status: &LocatorStatus,
) -> BTreeMap<String, Result<BTreeMap<String, Vec<CheckServiceNode>>, String>> {
    let mut dcs: Vec<&String> = status.remote.keys().chain(status.picks.keys()).collect();
    dcs.push(&status.datacenter);
    dcs.sort();
    dcs.dedup();
    let mut out = BTreeMap::new();
    for dc in dcs {
        let query = [("dc", dc.clone())];
        let read = client.get("/v1/internal/mesh/services", &query).await.map(|r| r.value).map_err(|e| e.to_string());
        out.insert(dc.clone(), read);
    }
    out
}

/// The data-plane routes: for each datacenter, the services its gateways expose (their SNI and
/// instances), and through which gateways other datacenters reach them.
fn print_routes(
    ctx: &Ctx,
    status: &LocatorStatus,
    td: &str,
    routes: &BTreeMap<String, Result<BTreeMap<String, Vec<CheckServiceNode>>, String>>,
) -> Result<(), CliError> {
    let mut rows = Vec::new();
    for (dc, read) in routes {
        let through = if *dc == status.datacenter {
            "this datacenter's gateways route it in".to_owned()
        } else {
            let gateways: Vec<String> = status
                .remote
                .get(dc)
                .into_iter()
                .flatten()
                .map(|c| format!("{}{}", c.address, if c.healthy { "" } else { " (critical)" }))
                .collect();
            if gateways.is_empty() { "no gateway known".to_owned() } else { gateways.join(", ") }
        };
        match read {
            Err(e) => rows.push(vec![dc.clone(), "-".into(), format!("READ FAILED: {e}"), through]),
            Ok(services) if services.is_empty() => {
                rows.push(vec![dc.clone(), "-".into(), "no service with a sidecar".into(), through])
            }
            Ok(services) => {
                for (service, instances) in services {
                    let healthy = instances.iter().filter(|i| i.is_healthy()).count();
                    let sni = fedctl::tls::names::service_sni(service, dc, td);
                    let shown = format!("{healthy} of {} healthy; SNI {sni}", instances.len());
                    rows.push(vec![dc.clone(), service.clone(), shown, through.clone()]);
                }
            }
        }
    }
    ctx.out.line("")?;
    ctx.out.table(&["Datacenter", "Service", "Instances", "Reached through"], rows)
}

/// `16 failed, last 4m12s ago (old): <error>`: old once past the quarantine, when the
/// locator no longer avoids the gateway for it.
fn failures(d: &DialRecord) -> String {
    let error = d.last_error.as_deref().unwrap_or("-");
    match d.failed_ago_secs {
        Some(ago) => {
            let age = GoDuration(Duration::from_secs(ago as u64));
            let old = if Duration::from_secs_f64(ago) > FAILURE_QUARANTINE { " (old)" } else { "" };
            format!("{} failed, last {age} ago{old}: {error}", d.consecutive_failures)
        }
        None => format!("{} failed: {error}", d.consecutive_failures),
    }
}

fn print_probe(ctx: &Ctx, report: &ProbeReport) -> Result<(), CliError> {
    let gateways = report.gateways.iter().map(|g| {
        let asked = if g.datacenter == report.datacenter {
            format!("local gateway {}", g.gateway)
        } else if g.via == Via::Local {
            format!("{}'s gateway, through local gateway {}", g.datacenter, g.gateway)
        } else {
            format!("{}'s gateway {}, directly", g.datacenter, g.gateway)
        };
        let answer = match (&g.answered_by, &g.error) {
            (Some(a), _) => format!("answers ({} {})", a.datacenter, a.service_id),
            (None, e) => format!("no answer: {}", e.as_deref().unwrap_or("-")),
        };
        vec![asked, answer]
    });
    ctx.out.line("")?;
    ctx.out.table(&["Asked", "Gateway answer"], gateways)?;
    let ms = |v: Option<f64>| v.map_or("-".to_owned(), |m| format!("{m:.1}ms"));
    let rows = report.paths.iter().map(|p| {
        vec![
            p.datacenter.clone(),
            format!("{} ({})", p.gateway, p.via),
            p.protocol.clone(),
            if p.ok { "ok" } else { "FAILED" }.to_owned(),
            ms(p.p50_ms),
            ms(p.p99_ms),
            p.broken_hop.clone().unwrap_or_else(|| "-".to_owned()),
        ]
    });
    ctx.out.line("")?;
    ctx.out.table(&["To", "Through", "Protocol", "Result", "p50", "p99", "Broken hop"], rows)?;
    if report.verdicts.is_empty() {
        return ctx.out.line("\nNo other datacenter is known yet (none in the WAN pool or the federation states).");
    }
    if report.unreachable.is_empty() {
        return ctx.out.line("\nAll datacenters reachable.");
    }
    ctx.out.line(format!("\nUnreachable: {}", report.unreachable.join(", ")))?;
    for (dc, v) in report.verdicts.iter().filter(|(_, v)| !v.reachable) {
        ctx.out.line(format!("  {dc}: broken hop: {}", v.broken_hop.as_deref().unwrap_or("-")))?;
        ctx.out.line(format!("  {dc}: next: {}", v.next.as_deref().unwrap_or("-")))?;
    }
    Ok(())
}
