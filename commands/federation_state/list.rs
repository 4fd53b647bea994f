use fedctl::api::AgentSelf;
use fedctl::federation::ReplicationStatus;
use fedctl::state::FederationState;
use serde::Serialize;

use super::{age_secs, human_age};
use crate::cli::{CliError, ClientArgs, Ctx, FormatArg, api_error};

/// List every datacenter's federation state: its mesh gateways and how fresh it is.
///
/// One row per datacenter: whether it is the primary, healthy/total mesh gateways, the age
/// of its state, and this datacenter's replication of the primary's states (and, with ACLs on,
/// of its ACLs: `ACL replication here:`, which needs `acl:read`). The age counts
/// from the last time that datacenter's leader wrote its state: at once on a change, and at
/// least every 90s otherwise, so a healthy state is up to 90s old. Status is `ok` only when
/// every gateway is healthy. With -stale-after, exits 3 when a state is older than that or
/// replication is failing, for monitoring (a threshold under 90s fails healthy states). While
/// this datacenter's replication of the primary's states fails, each status is `unknown`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  fedctl federation-state list\n  fedctl federation-state list -stale-after 5m || alert"
)]
pub struct Args {
    /// Fail (exit 3) when any state is older than this (e.g. 5m; at least 90s, the refresh
    /// period) or replication is failing.
    #[arg(long, value_name = "DURATION")]
    pub stale_after: Option<String>,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub client: ClientArgs,
}

/// One row of the list (`-format=json` prints these as they are).
#[derive(Debug, Serialize)]
struct Row {
    datacenter: String,
    primary: bool,
    gateways_healthy: usize,
    gateways_total: usize,
    updated_at: String,
    age_seconds: Option<i64>,
    status: String,
}

pub async fn cmd_federation_state_list(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let stale_after = match &args.stale_after {
        Some(d) => {
            Some(fedctl::duration::parse_go_duration(d).map_err(|e| CliError::usage(format!("-stale-after: {e}")))?)
        }
        None => None,
    };
    let refresh = fedctl::federation::HEALTHY_STATE_MAX_AGE;
    if let Some(limit) = stale_after.filter(|l| *l < refresh) {
        ctx.out.info(format!(
            "warning: -stale-after {} is below the refresh period: a healthy datacenter's state can be {} old (its leader rewrites it once it is a minute old), so healthy states will be reported stale; use at least {}",
            fedctl::duration::GoDuration(limit),
            fedctl::duration::GoDuration(refresh),
            fedctl::duration::GoDuration(refresh * 2),
        ));
    }
    let client = args.client.client()?;
    let states: Vec<FederationState> =
        client.get("/v1/internal/federation-states", &[]).await.map_err(api_error)?.value;
    let status: ReplicationStatus =
        client.get("/v1/internal/federation-states/replication", &[]).await.map_err(api_error)?.value;
    let me: AgentSelf = client.get("/v1/agent/self", &[]).await.map_err(api_error)?.value;
    let acl = acl_replication(&client).await;
    let primary = me.config.primary_datacenter;

    // Failing when the last error is newer than the last success.
    let replication_failing = status.enabled && status.last_error_message.is_some() && {
        let err = status.last_error.as_deref().and_then(age_secs);
        let ok = status.last_success.as_deref().and_then(age_secs);
        matches!((err, ok), (Some(_), None)) || matches!((err, ok), (Some(e), Some(o)) if e < o)
    };
    let replication = if !status.enabled {
        "primary".to_owned()
    } else if replication_failing {
        format!("failing: {}", status.last_error_message.as_deref().unwrap_or_default())
    } else {
        match status.last_success.as_deref().and_then(age_secs) {
            Some(s) => format!("ok ({} ago)", human_age(s)),
            None => "not yet".to_owned(),
        }
    };

    let mut problems = Vec::new();
    let mut any_stale = false;
    let rows: Vec<Row> = states
        .into_iter()
        .map(|s| {
            let age = age_secs(&s.updated_at);
            let stale = matches!((age, stale_after), (Some(a), Some(limit)) if a as u64 > limit.as_secs());
            if stale {
                any_stale = true;
                problems.push(format!("{}'s state is {} old", s.datacenter, human_age(age.unwrap_or(0))));
            }
            let gateways = &s.mesh_gateways;
            Row {
                primary: s.datacenter == primary,
                gateways_healthy: gateways.iter().filter(|g| g.is_healthy()).count(),
                gateways_total: gateways.len(),
                age_seconds: age,
                status: if replication_failing && !stale {
                    // The copy here is as old as the last replication; what it says may no
                    // longer hold.
                    "unknown (replication failing)".to_owned()
                } else {
                    row_status(stale, gateways.iter().filter(|g| g.is_healthy()).count(), gateways.len())
                },
                datacenter: s.datacenter,
                updated_at: s.updated_at,
            }
        })
        .collect();
    if any_stale {
        problems.push(format!(
            "a state older than -stale-after: a healthy one is at most {} old",
            fedctl::duration::GoDuration(refresh)
        ));
    }
    if stale_after.is_some() && replication_failing {
        let why = status.last_error_message.as_deref().unwrap_or_default();
        problems.push(format!("replication of the primary's states is failing: {why}"));
    }

    if args.format.is_json() {
        ctx.out.json(&serde_json::json!({ "states": rows, "replication": status, "acl_replication": acl.json }))?;
    } else {
        ctx.out.table(
            &["Datacenter", "Primary", "Gateways", "Age", "Status"],
            rows.iter().map(|r| {
                vec![
                    r.datacenter.clone(),
                    if r.primary { "yes" } else { "no" }.to_owned(),
                    format!("{}/{}", r.gateways_healthy, r.gateways_total),
                    r.age_seconds.map_or("-".into(), human_age),
                    r.status.to_owned(),
                ]
            }),
        )?;
        ctx.out.line(format!("Replication here: {replication}"))?;
        if let Some(line) = &acl.line {
            ctx.out.line(format!("ACL replication here: {line}"))?;
        }
        ctx.out.line(format!(
            "Age: since the datacenter's leader last wrote its state (on every change; a healthy state is at most {} old).",
            fedctl::duration::GoDuration(refresh)
        ))?;
    }
    if problems.is_empty() { Ok(()) } else { Err(CliError::CheckFailed { message: problems.join("; ") }) }
}

/// `ok` only when every gateway is healthy.
fn row_status(stale: bool, healthy: usize, total: usize) -> String {
    if stale {
        "stale".to_owned()
    } else if total == 0 {
        "no gateways".to_owned()
    } else if healthy == 0 {
        "no healthy gateway".to_owned()
    } else if healthy < total {
        format!("degraded: {} of {total} gateways critical", total - healthy)
    } else {
        "ok".to_owned()
    }
}

/// This datacenter's ACL replication (`/v1/acl/replication`): its JSON, and a line for the
/// table (`None` while ACLs are off).
struct AclReplication {
    json: serde_json::Value,
    line: Option<String>,
}

async fn acl_replication(client: &fedctl::api::Client) -> AclReplication {
    let status: serde_json::Value = match client.get("/v1/acl/replication", &[]).await {
        Ok(reply) => reply.value,
        Err(fedctl::api::ClientError::Status { status, .. }) if status.as_u16() == 401 => {
            return AclReplication { json: serde_json::Value::Null, line: None };
        }
        Err(e) => return AclReplication { json: serde_json::Value::Null, line: Some(format!("not known: {e}")) },
    };
    let text = |key: &str| status[key].as_str().unwrap_or_default().to_owned();
    // The reference's zero time means never.
    let when = |key: &str| Some(text(key)).filter(|t| !t.starts_with("0001-")).and_then(|t| age_secs(&t));
    let line = if status["Enabled"] != true {
        "primary".to_owned()
    } else {
        match (when("LastError"), when("LastSuccess")) {
            (Some(e), ok) if ok.is_none_or(|o| e < o) => format!("failing: {}", text("LastErrorMessage")),
            (_, Some(ok)) => format!("ok ({} ago, index {})", human_age(ok), status["ReplicatedIndex"]),
            (_, None) => "not yet".to_owned(),
        }
    };
    AclReplication { json: status, line: Some(line) }
}
