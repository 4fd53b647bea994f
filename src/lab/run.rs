//! Starting and stopping a lab's processes. Each one runs in its own process group (so a
//! Ctrl-C at the terminal reaches only `fedctl lab up`, which then stops them in order) and
//! logs to `<dir>/logs/`.

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::plan::{Lab, LabError, LabProcess};
use crate::config::{WAN_FEDERATION_HCL, verified_tls_hcl};
use crate::tls::{Ca, CaOptions, CertKind, CertOptions, generate_ca};

fn io(what: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> LabError {
    let path = path.to_owned();
    move |source| LabError::Io { what, path, source }
}

/// Writes the CA, a server certificate per server and an agent config per server.
pub fn write_files(lab: &Lab) -> Result<(), LabError> {
    let dir = &lab.dir;
    for sub in ["tls", "data", "logs", "config"] {
        crate::files::create_private_dir(&dir.join(sub)).map_err(io("creating", &dir.join(sub)))?;
    }
    let g = generate_ca(&CaOptions::default())?;
    let ca = Ca::from_pem(g.cert_pem.as_bytes(), g.key_pem.as_bytes(), "lab CA", "lab CA key")?;
    let ca_file = dir.join("tls/ca.pem");
    std::fs::write(&ca_file, &g.cert_pem).map_err(io("writing", &ca_file))?;
    let primary = lab.primary_gateways().iter().map(|g| format!("{g:?}")).collect::<Vec<_>>().join(", ");
    let secrets = match lab.security {
        Some(_) => {
            // A CLI certificate for the HTTPS API, which wants a client certificate of the CA.
            let issued = ca.issue(&CertOptions::new(CertKind::Cli))?;
            let (cert, key) = (dir.join("tls/cli.pem"), dir.join("tls/cli-key.pem"));
            std::fs::write(&cert, issued.cert_pem).map_err(io("writing", &cert))?;
            crate::files::write_private_file(&key, issued.key_pem.as_bytes()).map_err(io("writing", &key))?;
            Some(super::secure::write_secrets(dir)?)
        }
        None => None,
    };
    for d in &lab.datacenters {
        for s in &d.servers {
            let opts =
                CertOptions { dc: d.name.clone(), ..CertOptions::new(CertKind::Server { node: Some(s.node.clone()) }) };
            let issued = ca.issue(&opts)?;
            let (cert, key) = (dir.join(format!("tls/{}.pem", s.node)), dir.join(format!("tls/{}-key.pem", s.node)));
            std::fs::write(&cert, issued.cert_pem).map_err(io("writing", &cert))?;
            crate::files::write_private_file(&key, issued.key_pem.as_bytes()).map_err(io("writing", &key))?;
            let mut text = verified_tls_hcl(&ca_file, &cert, &key) + WAN_FEDERATION_HCL;
            if !d.primary {
                text += &format!("primary_gateways = [{primary}]\nprimary_gateways_interval = \"2s\"\n");
            }
            if let Some(secrets) = &secrets {
                text += &super::secure::server_hcl(secrets, d.primary);
            }
            let path = config_file(dir, &s.node);
            std::fs::write(&path, text).map_err(io("writing", &path))?;
        }
    }
    Ok(())
}

fn config_file(dir: &Path, node: &str) -> PathBuf {
    dir.join(format!("config/{node}.hcl"))
}

/// Starts `fedctl args...` (through `ip netns exec` in namespace `ns`) in its own process group,
/// logging to `log`; its pid.
pub(super) fn spawn(
    fedctl: &Path,
    ns: Option<&str>,
    args: &[String],
    log: &Path,
    what: String,
) -> Result<u32, LabError> {
    let out = std::fs::File::create(log).map_err(io("creating", log))?;
    let err = out.try_clone().map_err(io("opening", log))?;
    // In a namespace, `ip netns exec` execs fedctl: the pid is fedctl's (then Envoy's).
    let mut cmd = match ns {
        Some(ns) => {
            let mut c = Command::new("ip");
            c.args(["netns", "exec", ns]).arg(fedctl);
            c
        }
        None => Command::new(fedctl),
    };
    let child = cmd
        .args(args)
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .env_remove("FEDCTL_HTTP_ADDR")
        .env_remove("CONSUL_HTTP_ADDR")
        .process_group(0)
        .spawn()
        .map_err(|source| LabError::Spawn { what, source })?;
    Ok(child.id())
}

/// Starts every server, recording their pids in `lab`. Start the gateways once the servers'
/// HTTP APIs answer: `connect envoy -register` needs its agent.
pub fn start_servers(lab: &mut Lab, fedctl: &Path) -> Result<(), LabError> {
    let dir = lab.dir.clone();
    for d in &mut lab.datacenters {
        let first_lan = format!("{}:{}", d.servers[0].ip, d.servers[0].serf_lan);
        let expect = d.servers.len().to_string();
        for (i, s) in d.servers.iter_mut().enumerate() {
            let mut args: Vec<String> = [
                "agent",
                "-server",
                "-bootstrap-expect",
                &expect,
                "-node",
                &s.node,
                "-datacenter",
                &d.name,
                "-primary-datacenter",
                "dc1",
                "-bind",
                &s.ip,
                "-advertise",
                &s.ip,
            ]
            .iter()
            .map(|a| a.to_string())
            .collect();
            for (flag, port) in [
                ("-http-port", s.http),
                ("-server-port", s.server),
                ("-serf-lan-port", s.serf_lan),
                ("-serf-wan-port", s.serf_wan),
                ("-grpc-port", s.grpc),
            ] {
                args.extend([flag.to_owned(), port.to_string()]);
            }
            if let Some(https) = s.https {
                args.extend(["-https-port".into(), https.to_string()]);
            }
            if let Some(dns) = s.dns {
                args.extend(["-dns-port".into(), dns.to_string()]);
            }
            args.extend(["-data-dir".into(), dir.join("data").join(&s.node).display().to_string()]);
            args.extend(["-config-file".into(), config_file(&dir, &s.node).display().to_string()]);
            if s.ns.is_some() {
                // Reachable from this machine's address on the datacenter's network.
                args.extend(["-client".into(), "0.0.0.0".into()]);
            }
            if i > 0 {
                args.extend(["-join".into(), first_lan.clone()]);
            }
            let log = dir.join(format!("logs/{}.log", s.node));
            s.pid = Some(spawn(fedctl, s.ns.as_deref(), &args, &log, format!("server {}", s.node))?);
        }
    }
    Ok(())
}

/// Starts every gateway (`fedctl connect envoy` on its server's agent), recording their pids.
pub fn start_gateways(lab: &mut Lab, fedctl: &Path) -> Result<(), LabError> {
    let dir = lab.dir.clone();
    let token_file = super::secure::gateway_token_file(lab);
    for d in &mut lab.datacenters {
        for g in &mut d.gateways {
            let agent = &d.servers[g.agent];
            let (lan, wan) = (format!("{}:{}", g.lan, g.port), format!("{}:{}", g.wan, g.port));
            let mut args: Vec<String> = [
                "connect",
                "envoy",
                "-http-addr",
                &agent.http_addr(),
                "-gateway=mesh",
                "-register",
                "-expose-servers",
                "-proxy-id",
                &g.id,
                "-address",
                &lan,
                "-wan-address",
                &wan,
                "-admin-bind",
                &format!("127.0.0.1:{}", g.admin),
                "--",
                "--base-id",
                &g.admin.to_string(),
                "-l",
                "warning",
            ]
            .iter()
            .map(|a| a.to_string())
            .collect();
            if let Some(file) = &token_file {
                // Before `--` (Envoy's arguments); a file, so no secret is on a command line.
                args.splice(2..2, ["-token-file".to_owned(), file.display().to_string()]);
            }
            let log = dir.join(format!("logs/{}.log", g.id));
            g.pid = Some(spawn(fedctl, g.ns.as_deref(), &args, &log, format!("gateway {}", g.id))?);
        }
    }
    Ok(())
}

/// The first of the lab's processes that is no longer running, with the last line of its log.
pub fn first_exited(lab: &Lab) -> Option<(String, String)> {
    let first = gone(lab).into_iter().next()?;
    let last = last_log_line(lab, &first.name);
    Some((first.name, last))
}

/// The lab's processes that were started and are no longer running.
pub fn gone(lab: &Lab) -> Vec<LabProcess> {
    lab.processes().into_iter().filter(|p| p.pid.is_some_and(|pid| !alive(pid))).collect()
}

/// Where process `name` (a node name or a gateway's ID) of `lab` logs.
pub fn log_file(lab: &Lab, name: &str) -> PathBuf {
    lab.dir.join(format!("logs/{name}.log"))
}

/// The last non-empty line of process `name`'s log, or "(empty log)".
pub fn last_log_line(lab: &Lab, name: &str) -> String {
    let log = std::fs::read_to_string(log_file(lab, name)).unwrap_or_default();
    log.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("(empty log)").trim().to_owned()
}

/// The last line of a process's log that reports a problem (an error, a warning, a panic),
/// if any: what most likely says why it exited.
pub fn last_problem_line(lab: &Lab, name: &str) -> Option<String> {
    let log = std::fs::read_to_string(log_file(lab, name)).unwrap_or_default();
    let problem =
        |l: &str| ["ERROR", "WARN", "error:", "panicked", "[critical]", "[error]"].iter().any(|p| l.contains(p));
    log.lines().rev().find(|l| problem(l)).map(|l| l.trim().to_owned())
}

/// The file `lab down` creates in a lab's directory before it stops the processes, so a
/// foreground `lab up` watching them knows they are being stopped on purpose. It holds the pid
/// of that `lab down`.
const STOPPING: &str = "stopping";

/// Marks the lab in `dir` as being stopped by this process (best effort).
pub fn mark_stopping(dir: &Path) {
    let _ = std::fs::write(dir.join(STOPPING), std::process::id().to_string());
}

/// Takes the mark back (a `down` that could not stop every process).
pub fn unmark_stopping(dir: &Path) {
    let _ = std::fs::remove_file(dir.join(STOPPING));
}

/// Whether a `lab down` is stopping the lab in `dir`: its mark is there and the process that
/// made it still runs (a `lab down` killed half-way leaves a stale mark).
pub fn is_stopping(dir: &Path) -> bool {
    std::fs::read_to_string(dir.join(STOPPING)).ok().and_then(|pid| pid.trim().parse::<u32>().ok()).is_some_and(alive)
}

/// Whether process `pid` still exists (and is not a zombie of ours).
pub fn alive(pid: u32) -> bool {
    let status = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // The state is the field after the parenthesised command name.
    let state = status.rsplit_once(") ").and_then(|(_, rest)| rest.chars().next());
    matches!(state, Some(s) if s != 'Z' && s != 'X')
}

/// Stops every process (SIGTERM, then SIGKILL after `grace`); returns those still alive.
pub fn stop(pids: &[u32], grace: Duration) -> Vec<u32> {
    // Only those still running: the pid of one that exited long ago may be another's now.
    let pids: Vec<u32> = pids.iter().copied().filter(|p| alive(*p)).collect();
    let signal = |pid: u32, sig| {
        if let Some(p) = rustix::process::Pid::from_raw(pid as i32) {
            let _ = rustix::process::kill_process(p, sig);
        }
    };
    // Gateways and servers alike get TERM; agents leave gracefully on it.
    for &pid in &pids {
        signal(pid, rustix::process::Signal::TERM);
    }
    let deadline = Instant::now() + grace;
    while Instant::now() < deadline && pids.iter().any(|p| alive(*p)) {
        std::thread::sleep(Duration::from_millis(50));
    }
    for &pid in pids.iter().filter(|p| alive(**p)) {
        signal(pid, rustix::process::Signal::KILL);
    }
    let deadline = Instant::now() + Duration::from_secs(2);
    while Instant::now() < deadline && pids.iter().any(|p| alive(*p)) {
        std::thread::sleep(Duration::from_millis(20));
    }
    pids.iter().copied().filter(|p| alive(*p)).collect()
}

/// Removes what a lab wrote into `dir` (and `dir` itself when nothing else is in it).
pub fn remove_files(dir: &Path) {
    for sub in ["tls", "data", "logs", "config", "lab.json", "management.token", STOPPING] {
        let path = dir.join(sub);
        let _ = if path.is_dir() { std::fs::remove_dir_all(&path) } else { std::fs::remove_file(&path) };
    }
    let _ = std::fs::remove_dir(dir);
}
