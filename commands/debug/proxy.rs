use std::collections::BTreeMap;

use serde_json::Value;

use crate::cli::{CliError, ClientArgs, Ctx, FormatArg, api_error};

/// Show every proxy (sidecar or gateway) the local agent configures: whether its
/// configuration was delivered or what it waits for, its leaf certificate (serial, expiry, next
/// renewal), and its xDS stream (the version Envoy acknowledged, the last rejection).
///
/// A second table shows each sidecar upstream's discovery chain, one line per target (the
/// primary target, then failover targets): its datacenter, the mesh gateway mode used and
/// where that mode came from (upstream, proxy, service-defaults, proxy-defaults), the
/// instances read in that datacenter (or why reading them failed), the endpoints Envoy was
/// given with their health, and whether Envoy acknowledged them.
///
/// A third table shows, per sidecar, the intentions in force at its public listener in
/// precedence order (the first that matches a client decides), the default for a client no
/// intention matches, and the connections its Envoy allowed and denied. With -source NAME,
/// the decision a client of service NAME gets there, and the intention that made it.
///
/// A leaf whose renewal keeps failing is flagged; in the last tenth of its lifetime it is
/// EXPIRING, and the command exits 3, so a monitor catches it long before the certificate
/// runs out. With a PROXY-ID only that proxy is shown.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  fedctl debug proxy\n  fedctl debug proxy web-sidecar-proxy -format=json\n  fedctl debug proxy echo-sidecar-proxy -source web"
)]
pub struct Args {
    /// Only this proxy (its service ID).
    pub proxy_id: Option<String>,
    /// Show the decision a client of this service gets at each sidecar, and the intention
    /// that made it.
    #[arg(long, value_name = "SERVICE")]
    pub source: Option<String>,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_debug_proxy(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let client = args.client.client()?;
    let query: Vec<(&str, String)> = args.source.iter().map(|s| ("source", s.clone())).collect();
    let mut proxies: BTreeMap<String, Value> =
        client.get("/v1/internal/proxies", &query).await.map_err(api_error)?.value;
    if let Some(id) = &args.proxy_id {
        proxies.retain(|k, _| k == id);
        if proxies.is_empty() {
            return Err(CliError::failure(format!("no proxy {id:?} is registered with this agent"))
                .hint("`fedctl debug proxy` lists them all"));
        }
    }
    let expiring: Vec<&String> =
        proxies.iter().filter(|(_, p)| p["Leaf"]["Expiring"] == true).map(|(k, _)| k).collect();
    let message = (!expiring.is_empty()).then(|| {
        format!(
            "leaf certificate expiring and not renewed: {}",
            expiring.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
        )
    });
    if args.format.is_json() {
        ctx.out.json(&proxies)?;
    } else {
        let rows: Vec<Vec<String>> = proxies.iter().map(|(id, p)| row(id, p)).collect();
        ctx.out.table(&["Proxy", "Kind", "Service", "Config", "Leaf", "xDS"], rows)?;
        let upstreams: Vec<Vec<String>> = proxies.iter().flat_map(|(id, p)| upstream_rows(id, p)).collect();
        if !upstreams.is_empty() {
            ctx.out.table(
                &["Proxy", "Upstream", "Target", "Mesh gateway", "Instances", "Endpoints", "Envoy"],
                upstreams,
            )?;
        }
        let intentions: Vec<Vec<String>> = proxies.iter().flat_map(|(id, p)| intention_rows(id, p)).collect();
        if !intentions.is_empty() {
            ctx.out.table(&["Proxy", "Intention", "Precedence", "ID", "Envoy counted"], intentions)?;
        }
        for (id, p) in &proxies {
            let d = &p["Intentions"]["Decision"];
            if !d.is_null() {
                let verdict = if d["Allowed"] == true { "allowed" } else { "denied" };
                ctx.out.line(format!(
                    "{id}: {} is {verdict}: {}",
                    d["Source"].as_str().unwrap_or("?"),
                    d["Reason"].as_str().unwrap_or("?")
                ))?;
            }
        }
    }
    match message {
        Some(message) => Err(CliError::CheckFailed { message }),
        None => Ok(()),
    }
}

fn row(id: &str, p: &Value) -> Vec<String> {
    let text = |v: &Value| v.as_str().unwrap_or("-").to_owned();
    let waiting: Vec<String> =
        p["WaitingFor"].as_array().into_iter().flatten().filter_map(|w| w.as_str().map(str::to_owned)).collect();
    let config = if p["Delivered"] == true {
        let upstreams = p["Upstreams"].as_object().map_or(0, |u| u.len());
        let next =
            if waiting.is_empty() { String::new() } else { format!("; the next waits for {}", waiting.join(", ")) };
        format!("delivered ({upstreams} upstream(s)){next}")
    } else if waiting.is_empty() {
        "waiting".to_owned()
    } else {
        format!("waiting for {}", waiting.join(", "))
    };
    let leaf = &p["Leaf"];
    let leaf = if leaf.is_null() {
        "-".to_owned()
    } else {
        let state = match (leaf["Expiring"] == true, leaf["Failures"].as_u64().unwrap_or(0)) {
            (true, n) => format!("EXPIRING, renewal failed {n} time(s): {}", text(&leaf["LastError"])),
            (false, 0) => format!("renews at {}", text(&leaf["RenewAt"])),
            (false, n) => format!("renewal failed {n} time(s): {}", text(&leaf["LastError"])),
        };
        format!("{} valid before {}; {state}", text(&leaf["SerialNumber"]), text(&leaf["ValidBefore"]))
    };
    let xds = &p["Xds"];
    let xds = if xds.is_null() {
        "no stream yet".to_owned()
    } else {
        let version = format!("{:08x}", xds["ConfigVersion"].as_u64().unwrap_or(0));
        let acked: Vec<String> = ["listeners", "clusters", "endpoints"]
            .iter()
            .filter(|t| !xds["Types"][*t].is_null())
            .map(|t| {
                format!(
                    "{t} {}",
                    if xds["Types"][*t]["AckedVersion"] == xds["Types"][*t]["SentVersion"] {
                        "acked"
                    } else {
                        "pending"
                    }
                )
            })
            .collect();
        let nack = match xds["LastNack"]["Message"].as_str() {
            Some(m) => format!("; last rejected: {m}"),
            None => String::new(),
        };
        format!("{} stream(s), v{version}: {}{nack}", xds["Streams"], acked.join(", "))
    };
    vec![id.to_owned(), text(&p["Kind"]), text(&p["Service"]), config, leaf, xds]
}

/// One line per intention in force at a sidecar, then its default; the first line says what
/// its Envoy counted.
fn intention_rows(proxy: &str, p: &Value) -> Vec<Vec<String>> {
    let i = &p["Intentions"];
    if i.is_null() {
        return Vec::new();
    }
    let counted = &i["Counted"];
    let counted = match counted["Error"].as_str() {
        Some(e) => format!("unknown: {e}"),
        None => format!("{} allowed, {} denied", counted["Allowed"], counted["Denied"]),
    };
    let mut rows = Vec::new();
    for rule in i["Rules"].as_array().into_iter().flatten() {
        let id = rule["ID"].as_str().filter(|s| !s.is_empty()).unwrap_or("(config entry)");
        rows.push(vec![
            String::new(),
            rule["Intention"].as_str().unwrap_or("?").to_owned(),
            rule["Precedence"].to_string(),
            id.to_owned(),
            String::new(),
        ]);
    }
    let default =
        format!("default: {} ({})", i["Default"].as_str().unwrap_or("?"), i["DefaultReason"].as_str().unwrap_or("?"));
    rows.push(vec![String::new(), default, "-".into(), "-".into(), String::new()]);
    rows[0][0] = proxy.to_owned();
    rows[0][4] = counted;
    rows
}

/// One line per target of each upstream of a sidecar.
fn upstream_rows(proxy: &str, p: &Value) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for (id, u) in p["Upstreams"].as_object().into_iter().flatten() {
        if let Some(error) = u["Error"].as_str() {
            rows.push(vec![
                proxy.to_owned(),
                id.clone(),
                "-".into(),
                "-".into(),
                "-".into(),
                error.to_owned(),
                "-".into(),
            ]);
            continue;
        }
        let endpoints: Vec<String> = u["Endpoints"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| format!("{} {}", e["Address"].as_str().unwrap_or("?"), e["Health"].as_str().unwrap_or("?")))
            .collect();
        let endpoints = if endpoints.is_empty() { "none".to_owned() } else { endpoints.join(", ") };
        let envoy = if u["Acked"] == true { "acked" } else { "pending" };
        for (i, t) in u["Targets"].as_array().into_iter().flatten().enumerate() {
            let mode = format!(
                "{} (from {})",
                t["MeshGateway"].as_str().unwrap_or("?"),
                t["MeshGatewayFrom"].as_str().unwrap_or("?")
            );
            let mut instances = match (t["Instances"].as_u64(), t["HealthyInstances"].as_u64()) {
                (Some(n), Some(h)) => format!("{h} of {n} healthy"),
                _ => "not read yet".to_owned(),
            };
            if let Some(error) = t["ReadError"].as_str() {
                instances = format!("READ FAILED: {error}");
            }
            if let Some(warning) = t["Warning"].as_str() {
                instances = format!("{instances}; {warning}");
            }
            let first = i == 0;
            let shown = |s: &str| if first { s.to_owned() } else { String::new() };
            let target = if first {
                t["ID"].as_str().unwrap_or("?").to_owned()
            } else {
                format!("failover {}", t["ID"].as_str().unwrap_or("?"))
            };
            rows.push(vec![shown(proxy), shown(id), target, mode, instances, shown(&endpoints), shown(envoy)]);
        }
    }
    rows
}
