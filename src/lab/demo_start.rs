//! Starting a lab's demo once the lab federated (sidecars need leaf certificates, which a
//! secondary issues only once its intermediate CA is signed by the primary through the
//! gateways): the echo apps, then echo and web registered with their sidecars on each
//! datacenter's agent, then the sidecars. Each process is started as the servers and gateways
//! are (same binary, own process group, log in `logs/`, in the server's namespace in an
//! isolated lab) and its pid recorded in the lab, so `lab status` and `lab down` know it.

use std::path::Path;
use std::time::Duration;

use super::demo::{echo_name, registration};
use super::plan::{Lab, LabError};
use super::run::spawn;

/// A demo step's error: in which datacenter, what was being done, and why it failed.
fn demo_error(datacenter: &str, step: String) -> impl FnOnce(LabError) -> LabError {
    let datacenter = datacenter.to_owned();
    move |e| {
        let reason = match e {
            LabError::Spawn { source, .. } => source.to_string(),
            other => other.to_string(),
        };
        LabError::Demo { datacenter, step, reason }
    }
}

/// `e` and every error under it: reqwest's own message rarely says what failed.
pub(super) fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text += &format!(": {s}");
        source = s.source();
    }
    text
}

/// Starts every datacenter's echo app (`fedctl internal echo` on 127.0.0.1), recording pids.
pub fn start_demo_apps(lab: &mut Lab, fedctl: &Path) -> Result<(), LabError> {
    let dir = lab.dir.clone();
    for d in &mut lab.datacenters {
        let Some(demo) = d.demo.as_mut() else { continue };
        let server = &d.servers[demo.agent];
        let name = demo.app_name(&d.name);
        let args: Vec<String> = [
            "internal",
            "echo",
            "-listen",
            &format!("127.0.0.1:{}", demo.echo.port),
            "-name",
            &echo_name(&d.name, &server.node),
        ]
        .iter()
        .map(|a| a.to_string())
        .collect();
        let log = dir.join(format!("logs/{name}.log"));
        let step = format!("starting echo's app `fedctl internal echo` (log {})", log.display());
        let pid = spawn(fedctl, server.ns.as_deref(), &args, &log, name).map_err(demo_error(&d.name, step))?;
        demo.app_pid = Some(pid);
    }
    Ok(())
}

/// Registers echo, then web (its upstream echo), each with its sidecar, on each datacenter's
/// agent. Their agents must answer (the lab waits for that before anything else).
pub async fn register_demo(lab: &Lab) -> Result<(), LabError> {
    crate::tls::install_default_provider();
    let http = client(lab);
    for d in &lab.datacenters {
        let Some(demo) = &d.demo else { continue };
        let server = &d.servers[demo.agent];
        let url = format!("http://{}/v1/agent/service/register", server.http_addr());
        let mut web_upstreams = vec![(demo.echo.name.as_str(), "", demo.upstream)];
        if let Some(cross) = &demo.cross {
            web_upstreams.push((demo.echo.name.as_str(), cross.datacenter.as_str(), cross.port));
        }
        for (service, upstreams) in [(&demo.echo, Vec::new()), (&demo.web, web_upstreams)] {
            let step = format!("registering {} with its sidecar on {}'s agent (PUT {url})", service.name, server.node);
            let body = registration(service, &upstreams, server.ns.is_some());
            let failed = |reason| LabError::Demo { datacenter: d.name.clone(), step: step.clone(), reason };
            let response = http.put(url.as_str()).json(&body).send().await.map_err(|e| failed(error_chain(&e)))?;
            let status = response.status();
            if !status.is_success() {
                let text = response.text().await.unwrap_or_default();
                return Err(failed(format!("{status}: {}", text.trim())));
            }
        }
    }
    Ok(())
}

/// Writes the demo's config entries (gateways `local` for every proxy, echo failing over to
/// the other datacenters) through the primary's first agent.
pub async fn write_demo_entries(lab: &Lab) -> Result<(), LabError> {
    let Some(primary) = lab.datacenters.iter().find(|d| d.primary).or(lab.datacenters.first()) else { return Ok(()) };
    let server = &primary.servers[0];
    let http = client(lab);
    let url = format!("http://{}/v1/config", server.http_addr());
    for entry in lab.demo_entries() {
        let step = format!("writing the config entry {} {} (PUT {url})", entry["Kind"], entry["Name"]);
        let failed = |reason| LabError::Demo { datacenter: primary.name.clone(), step: step.clone(), reason };
        let response = http.put(url.as_str()).json(&entry).send().await.map_err(|e| failed(error_chain(&e)))?;
        let status = response.status();
        let text = response.text().await.unwrap_or_default();
        if !status.is_success() || text.trim() != "true" {
            return Err(failed(format!("{status}: {}", text.trim())));
        }
    }
    Ok(())
}

/// Starts echo's and web's sidecars in every datacenter (`fedctl connect envoy -sidecar-for`
/// on their agent), recording pids. Register the services first: the sidecar is looked up
/// there.
pub fn start_demo_sidecars(lab: &mut Lab, fedctl: &Path) -> Result<(), LabError> {
    let dir = lab.dir.clone();
    let token_file = lab.security.as_ref().map(|s| s.management_token_file.clone());
    for d in &mut lab.datacenters {
        let Some(demo) = d.demo.as_mut() else { continue };
        let server = &d.servers[demo.agent];
        for service in [&mut demo.echo, &mut demo.web] {
            let name = service.sidecar_name(&d.name);
            // As the gateways: Envoy's log (warnings and errors) goes to the process's log.
            let mut args: Vec<String> = [
                "connect",
                "envoy",
                "-http-addr",
                &server.http_addr(),
                "-sidecar-for",
                &service.name,
                "-admin-bind",
                &format!("127.0.0.1:{}", service.admin),
                "--",
                "--base-id",
                &service.admin.to_string(),
                "-l",
                "warning",
            ]
            .iter()
            .map(|a| a.to_string())
            .collect();
            if let Some(file) = &token_file {
                // Before `--` (Envoy's arguments): the demo's sidecars use the management token.
                args.splice(2..2, ["-token-file".to_owned(), file.display().to_string()]);
            }
            let log = dir.join(format!("logs/{name}.log"));
            let step = format!(
                "starting {}'s sidecar `fedctl connect envoy -sidecar-for {}` (log {})",
                service.name,
                service.name,
                log.display()
            );
            let pid = spawn(fedctl, server.ns.as_deref(), &args, &log, name).map_err(demo_error(&d.name, step))?;
            service.pid = Some(pid);
        }
    }
    Ok(())
}

/// The demo's HTTP client: with the management token in a secure lab.
fn client(lab: &Lab) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    if let Some(token) = super::secure::management_token(lab)
        && let Ok(value) = reqwest::header::HeaderValue::from_str(&token)
    {
        headers.insert("X-Consul-Token", value);
    }
    reqwest::Client::builder().timeout(Duration::from_secs(10)).default_headers(headers).build().unwrap_or_default()
}
