use std::time::{Duration, Instant};

use serde_json::Value;

use crate::cli::{CliError, ClientArgs, Ctx};

/// Watch an Envoy started by `fedctl connect envoy` and say, in one line on stderr, when it is
/// ready (its admin API answers LIVE and it accepted the agent's whole configuration) or why
/// it is not (it rejected its configuration, e.g. a listener port is taken; no configuration
/// came in time). When Envoy exits first it says nothing: Envoy's own log says why.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Envoy's admin address, host:port.
    #[arg(long, value_name = "HOST:PORT")]
    pub admin: String,
    /// The proxy ID Envoy presents to the agent.
    #[arg(long, value_name = "ID")]
    pub proxy_id: String,
    /// Envoy's process ID.
    #[arg(long, value_name = "PID")]
    pub pid: u32,
    /// How long to wait for Envoy.
    #[arg(long, value_name = "DURATION", default_value = "60s")]
    pub timeout: fedctl::duration::GoDuration,
    /// Start again in the background and return at once.
    #[arg(long)]
    pub detach: bool,
    #[command(flatten)]
    pub client: ClientArgs,
}

const EVERY: Duration = Duration::from_millis(200);

pub async fn cmd_internal_envoy_ready(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    if args.detach {
        return detach();
    }
    let client = args.client.client()?;
    let http = reqwest::Client::builder().timeout(Duration::from_secs(2)).build().map_err(CliError::failure)?;
    let admin = format!("http://{}", args.admin);
    let deadline = Instant::now() + args.timeout.0;
    let mut waiting_for = "Envoy's admin API".to_owned();
    while Instant::now() < deadline {
        if !fedctl::lab::alive(args.pid) {
            // Envoy's own last lines say why; a line after them would only bury them.
            return Ok(());
        }
        let live = get_text(&http, &format!("{admin}/ready")).await.is_some_and(|t| t.trim() == "LIVE");
        let xds: Option<Value> = client.get::<Value>("/v1/internal/xds", &[]).await.ok().map(|a| a.value);
        let status = xds.as_ref().and_then(|x| x.get(&args.proxy_id));
        if let Some(rejected) = status.and_then(rejection) {
            ctx.out.info(format!("==> envoy is not ready: it rejected its configuration from the agent: {rejected}"));
            return Ok(());
        }
        waiting_for = match (live, status) {
            (false, _) => "Envoy's admin API to answer LIVE".to_owned(),
            (true, None) => format!("the agent to see an xDS stream from proxy {:?}", args.proxy_id),
            (true, Some(s)) if !all_acked(s) => "Envoy to accept its configuration".to_owned(),
            (true, Some(_)) => {
                let listening = listeners(&http, &admin).await;
                ctx.out.info(format!(
                    "==> envoy ready: {} listening on {} (admin {})",
                    args.proxy_id,
                    if listening.is_empty() { "-".to_owned() } else { listening.join(", ") },
                    args.admin
                ));
                return Ok(());
            }
        };
        tokio::time::sleep(EVERY).await;
    }
    ctx.out.info(format!("==> envoy is not ready after {}: still waiting for {waiting_for}", args.timeout));
    Ok(())
}

fn detach() -> Result<(), CliError> {
    let me = std::env::current_exe().map_err(CliError::failure)?;
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--detach").collect();
    std::process::Command::new(me)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .spawn()
        .map_err(CliError::failure)?;
    Ok(())
}

async fn get_text(http: &reqwest::Client, url: &str) -> Option<String> {
    let response = http.get(url).send().await.ok()?;
    response.text().await.ok()
}

/// A rejection of a version the agent sent last and Envoy has not accepted, with Envoy's
/// message.
fn rejection(status: &Value) -> Option<String> {
    let nack = status.get("LastNack").filter(|n| !n.is_null())?;
    let rejected = nack["RejectedVersion"].as_str()?;
    let pending = status["Types"]
        .as_object()?
        .values()
        .any(|t| t["SentVersion"].as_str() == Some(rejected) && t["AckedVersion"].as_str() != Some(rejected));
    pending.then(|| nack["Message"].as_str().unwrap_or("-").to_owned())
}

/// Every resource type sent has been accepted in its latest version.
fn all_acked(status: &Value) -> bool {
    status["Types"].as_object().is_some_and(|types| {
        !types.is_empty()
            && types.values().all(|t| {
                let sent = t["SentVersion"].as_str().unwrap_or_default();
                !sent.is_empty() && t["AckedVersion"].as_str() == Some(sent)
            })
    })
}

/// `address:port` of every listener Envoy has bound.
async fn listeners(http: &reqwest::Client, admin: &str) -> Vec<String> {
    let Some(text) = get_text(http, &format!("{admin}/listeners?format=json")).await else { return Vec::new() };
    let Ok(page) = serde_json::from_str::<Value>(&text) else { return Vec::new() };
    page["listener_statuses"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|l| {
            let a = &l["local_address"]["socket_address"];
            Some(format!("{}:{}", a["address"].as_str()?, a["port_value"].as_u64()?))
        })
        .collect()
}
