use std::io::IsTerminal;

use serde_json::Value;

use crate::client_args::{ClientArgs, api_error};
use crate::ctx::Ctx;
use crate::exit::CliError;
use crate::format::FormatArg;

/// Show how this server reaches every other datacenter through mesh gateways.
///
/// For every datacenter: the candidate gateways with their source (config, federation state,
/// local catalog) and health, the one the server would dial now and why, and recent dial
/// failures. With -probe, a real TLS handshake along every path (each gateway x rpc, gossip
/// packet, gossip stream) with latency, and for each failure the hop that is broken. Exits 3
/// when a datacenter is unreachable. Ask a server (its HTTP address) of the datacenter to
/// look from.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  fedctl debug gateways\n  fedctl debug gateways -probe\n  fedctl debug gateways -probe -tries 20 -format=json"
)]
pub struct Args {
    /// Probe every path with real handshakes.
    #[arg(long)]
    pub probe: bool,
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
    let status: Value = client.get("/v1/internal/gateways", &[]).await.map_err(api_error)?.value;
    if status["Enabled"] != true {
        return Err(CliError::failure(format!(
            "the agent (datacenter {}) does not federate through mesh gateways",
            status["Datacenter"].as_str().unwrap_or("?")
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
        let report = client.get::<Value>("/v1/internal/gateways/probe", &query).await.map_err(api_error);
        if let Some(s) = spinner {
            s.finish_and_clear();
        }
        Some(report?.value)
    } else {
        None
    };
    if args.format.is_json() {
        ctx.out.json(&serde_json::json!({ "Status": status, "Probe": probe }))?;
    } else {
        print_status(ctx, &status)?;
        if let Some(report) = &probe {
            print_probe(ctx, report)?;
        }
    }
    let unreachable: Vec<String> = match &probe {
        Some(report) => strings(&report["Unreachable"]),
        None => status["Picks"]
            .as_object()
            .map_or(Vec::new(), |p| p.iter().filter(|(_, pick)| pick.is_null()).map(|(dc, _)| dc.clone()).collect()),
    };
    if unreachable.is_empty() {
        Ok(())
    } else {
        Err(CliError::CheckFailed { message: format!("unreachable datacenter(s): {}", unreachable.join(", ")) })
    }
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array().map_or(Vec::new(), |a| a.iter().filter_map(|s| s.as_str().map(str::to_owned)).collect())
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "-".to_owned(),
        other => other.to_string(),
    }
}

fn print_status(ctx: &Ctx, status: &Value) -> Result<(), CliError> {
    let dc = text(&status["Datacenter"]);
    ctx.out.line(format!("Datacenter {dc} (primary: {})", text(&status["PrimaryDatacenter"])))?;
    let dials = &status["Dials"];
    let row = |dc: &str, c: &Value| {
        let addr = text(&c["Address"]);
        let failing: Vec<String> = dials[&addr]
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(_, d)| d["ConsecutiveFailures"].as_u64().unwrap_or(0) > 0)
            .map(|(to, d)| format!("to {to}: {} failed: {}", d["ConsecutiveFailures"], text(&d["LastError"])))
            .collect();
        let recent = if failing.is_empty() { "-".to_owned() } else { failing.join("; ") };
        vec![
            dc.to_owned(),
            addr,
            text(&c["Source"]),
            if c["Healthy"] == true { "healthy" } else { "critical" }.to_owned(),
            recent,
        ]
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    for c in status["Local"].as_array().into_iter().flatten() {
        rows.push(row(&format!("{dc} (local)"), c));
    }
    for (remote, list) in status["Remote"].as_object().into_iter().flatten() {
        for c in list.as_array().into_iter().flatten() {
            rows.push(row(remote, c));
        }
    }
    ctx.out.line("")?;
    ctx.out.table(&["Datacenter", "Gateway", "Source", "Health", "Recent dials"], rows)?;
    ctx.out.line("")?;
    let picks: Vec<Vec<String>> = status["Picks"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(dc, p)| match p {
            Value::Null => vec![dc.clone(), "-".to_owned(), "no gateway known: unreachable".to_owned()],
            p => vec![dc.clone(), text(&p["Address"]), text(&p["Reason"])],
        })
        .collect();
    ctx.out.table(&["To", "Dial now", "Why"], picks)
}

fn print_probe(ctx: &Ctx, report: &Value) -> Result<(), CliError> {
    let ms = |v: &Value| v.as_f64().map_or("-".to_owned(), |m| format!("{m:.1}ms"));
    let rows: Vec<Vec<String>> = report["Paths"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| {
            vec![
                text(&p["Datacenter"]),
                format!("{} ({})", text(&p["Gateway"]), text(&p["Via"])),
                text(&p["Protocol"]),
                if p["Ok"] == true { "ok".to_owned() } else { "FAILED".to_owned() },
                ms(&p["P50Ms"]),
                ms(&p["P99Ms"]),
                p["BrokenHop"].as_str().unwrap_or("-").to_owned(),
            ]
        })
        .collect();
    ctx.out.line("")?;
    ctx.out.table(&["To", "Through", "Protocol", "Result", "p50", "p99", "Broken hop"], rows)?;
    let unreachable = strings(&report["Unreachable"]);
    if unreachable.is_empty() {
        ctx.out.line("\nAll datacenters reachable.")
    } else {
        ctx.out.line(format!("\nUnreachable: {}", unreachable.join(", ")))
    }
}
