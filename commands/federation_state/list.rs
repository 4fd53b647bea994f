use serde_json::{Value, json};

use super::{age_secs, healthy, human_age};
use crate::client_args::{ClientArgs, api_error};
use crate::ctx::Ctx;
use crate::exit::CliError;
use crate::format::FormatArg;

/// List every datacenter's federation state: its mesh gateways and how fresh it is.
///
/// One row per datacenter: whether it is the primary, healthy/total mesh gateways, the age
/// of its state (since its leader last wrote it), and this datacenter's replication of the
/// primary's states. With -stale-after, exits 3 when a state is older than that or
/// replication is failing, for monitoring.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  fedctl federation-state list\n  fedctl federation-state list -stale-after 5m || alert"
)]
pub struct Args {
    /// Fail (exit 3) when any state is older than this (e.g. 5m) or replication is failing.
    #[arg(long, value_name = "DURATION")]
    pub stale_after: Option<String>,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_federation_state_list(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let stale_after = match &args.stale_after {
        Some(d) => {
            Some(fedctl::duration::parse_go_duration(d).map_err(|e| CliError::usage(format!("-stale-after: {e}")))?)
        }
        None => None,
    };
    let client = args.client.client()?;
    let states: Vec<Value> = client.get("/v1/internal/federation-states", &[]).await.map_err(api_error)?.value;
    let status: Value = client.get("/v1/internal/federation-states/replication", &[]).await.map_err(api_error)?.value;
    let me: Value = client.get("/v1/agent/self", &[]).await.map_err(api_error)?.value;
    let primary = me["Config"]["PrimaryDatacenter"].as_str().unwrap_or_default().to_owned();

    let replication_failing = status["Enabled"] == true && !status["LastErrorMessage"].is_null() && {
        // Failing when the last error is newer than the last success.
        let err = status["LastError"].as_str().and_then(age_secs);
        let ok = status["LastSuccess"].as_str().and_then(age_secs);
        matches!((err, ok), (Some(_), None)) || matches!((err, ok), (Some(e), Some(o)) if e < o)
    };
    let replication = if status["Enabled"] != true {
        "primary".to_owned()
    } else if replication_failing {
        format!("failing: {}", status["LastErrorMessage"].as_str().unwrap_or_default())
    } else {
        match status["LastSuccess"].as_str().and_then(age_secs) {
            Some(s) => format!("ok ({} ago)", human_age(s)),
            None => "not yet".to_owned(),
        }
    };

    let mut problems = Vec::new();
    let rows: Vec<Value> = states
        .iter()
        .map(|s| {
            let dc = s["Datacenter"].as_str().unwrap_or_default();
            let gateways = s["MeshGateways"].as_array().cloned().unwrap_or_default();
            let healthy_count = gateways.iter().filter(|g| healthy(g)).count();
            let age = s["UpdatedAt"].as_str().and_then(age_secs);
            let stale = matches!((age, stale_after), (Some(a), Some(limit)) if a as u64 > limit.as_secs());
            if stale {
                problems.push(format!("{dc}'s state is {} old", human_age(age.unwrap_or(0))));
            }
            json!({
                "datacenter": dc,
                "primary": dc == primary,
                "gateways_healthy": healthy_count,
                "gateways_total": gateways.len(),
                "updated_at": s["UpdatedAt"],
                "age_seconds": age,
                "status": if stale { "stale" } else if gateways.is_empty() { "no gateways" } else { "ok" },
            })
        })
        .collect();
    if stale_after.is_some() && replication_failing {
        problems.push(format!("replication of the primary's states is failing: {replication}"));
    }

    if args.format.is_json() {
        ctx.out.json(&json!({ "states": rows, "replication": status }))?;
    } else {
        ctx.out.table(
            &["Datacenter", "Primary", "Gateways", "Age", "Status"],
            rows.iter().map(|r| {
                vec![
                    r["datacenter"].as_str().unwrap_or_default().to_owned(),
                    if r["primary"] == true { "yes" } else { "no" }.to_owned(),
                    format!("{}/{}", r["gateways_healthy"], r["gateways_total"]),
                    r["age_seconds"].as_i64().map_or("-".into(), human_age),
                    r["status"].as_str().unwrap_or_default().to_owned(),
                ]
            }),
        )?;
        ctx.out.line(format!("Replication here: {replication}"))?;
    }
    if problems.is_empty() { Ok(()) } else { Err(CliError::CheckFailed { message: problems.join("; ") }) }
}
