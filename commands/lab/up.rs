use std::path::PathBuf;
use std::time::{Duration, Instant};

use fedctl::lab::{
    Checker, Lab, LabOptions, Stage, alive, build_isolation, first_exited, start_gateways, start_servers, stop,
    teardown_isolation, write_files,
};

use super::common::{lab_error, pointer, print_summary};
use crate::cli::{CliError, Ctx, FormatArg};

/// Start a federated lab on this machine: datacenters federated through real Envoy gateways.
///
/// Makes a CA and a certificate per server, writes agent configs, starts the servers
/// (`fedctl agent`) and the gateways (`fedctl connect envoy`), and waits, showing progress,
/// until agents are up, leaders elected, WAN members alive, federation states complete and
/// cross-datacenter RPC works. Then it prints every datacenter's address. In the foreground
/// Ctrl-C stops everything and removes the lab; with -detach the lab keeps running (stop it
/// with `fedctl lab down`). Everything listens on 127.0.0.1 on free ports.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  fedctl lab up\n  fedctl lab up -datacenters 3 -servers 3 -detach\n  fedctl lab status\n  fedctl lab down"
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
    /// Leave the lab running and return.
    #[arg(long)]
    pub detach: bool,
    /// Put every server and gateway in its own network namespace (needs root): servers of
    /// different datacenters have no route to each other, only gateways reach the WAN.
    #[arg(long)]
    pub isolate: bool,
    #[command(flatten)]
    pub format: FormatArg,
}

/// How long one stage may take before the lab is given up.
const STAGE_TIMEOUT: Duration = Duration::from_secs(60);

pub async fn cmd_lab_up(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    crate::connect::find_envoy(None)?;
    let dir = args.dir.clone().unwrap_or_else(|| {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
        std::env::temp_dir().join(format!("fedctl-lab-{}-{nanos}", std::process::id()))
    });
    if let Ok(existing) = Lab::load(&dir)
        && existing.pids().into_iter().any(alive)
    {
        return Err(lab_error(fedctl::lab::LabError::Running(dir)));
    }
    let opts = LabOptions {
        datacenters: args.datacenters,
        servers: args.servers,
        gateways: args.gateways,
        dir,
        isolate: args.isolate,
    };
    let mut lab = Lab::plan(&opts).map_err(CliError::usage)?;
    let started = Instant::now();
    write_files(&lab).map_err(lab_error)?;
    if args.isolate {
        let built = build_isolation(&mut lab);
        lab.save().map_err(lab_error)?;
        if let Err(e) = built {
            // Nothing runs yet: undo what was made.
            shut_down(&lab);
            fedctl::lab::remove_files(&lab.dir);
            return Err(lab_error(e));
        }
    }
    let fedctl = std::env::current_exe().map_err(|e| CliError::failure(format!("locating the fedctl binary: {e}")))?;
    let launched = start_servers(&mut lab, &fedctl);
    lab.save().map_err(lab_error)?;
    if let Err(e) = launched {
        shut_down(&lab);
        return Err(lab_error(e));
    }
    let bar = indicatif::ProgressBar::new(Stage::ALL.len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} [{pos}/{len}] {msg} ({elapsed})")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(Duration::from_millis(100));
    let checker = Checker::new();
    let mut reached = Vec::new();
    for stage in Stage::ALL {
        bar.set_message(format!("waiting: {}", stage.describe()));
        if let Err(message) = reach(&checker, &lab, stage).await {
            bar.abandon();
            shut_down(&lab);
            let logs = lab.dir.join("logs");
            return Err(CliError::failure(message)
                .hint(format!("the processes were stopped; their logs are in {}", logs.display())));
        }
        if stage == Stage::AgentsUp {
            // The gateways register with their agents, which now answer.
            let launched = start_gateways(&mut lab, &fedctl);
            lab.save().map_err(lab_error)?;
            if let Err(e) = launched {
                bar.abandon();
                shut_down(&lab);
                return Err(lab_error(e));
            }
        }
        bar.inc(1);
        reached.push(serde_json::json!({ "Stage": stage.describe(), "AfterSecs": started.elapsed().as_secs_f64() }));
    }
    bar.finish_and_clear();
    let took = started.elapsed();
    if args.format.is_json() {
        ctx.out
            .json(&serde_json::json!({ "Lab": lab, "FederatedAfterSecs": took.as_secs_f64(), "Stages": reached }))?;
    } else {
        ctx.out.info(format!(
            "==> federated: {} datacenter(s) x {} server(s), {} gateway(s) each, in {:.1}s",
            args.datacenters,
            args.servers,
            args.gateways,
            took.as_secs_f64()
        ));
        print_summary(ctx, &lab).await?;
    }
    if args.detach {
        let _ = std::fs::write(pointer(), lab.dir.display().to_string());
        ctx.out.info(format!("==> the lab keeps running in {}; stop it with `fedctl lab down`", lab.dir.display()));
        return Ok(());
    }
    ctx.out.info("==> Ctrl-C stops the lab");
    let _ = tokio::signal::ctrl_c().await;
    let left = stop(&lab.pids(), Duration::from_secs(5));
    if let Some(iso) = &lab.isolation {
        teardown_isolation(iso);
    }
    if left.is_empty() {
        let _ = std::fs::remove_dir_all(&lab.dir);
        ctx.out.info("==> stopped; the lab is removed");
        Ok(())
    } else {
        Err(CliError::failure(format!("processes {left:?} did not stop; the lab stays in {}", lab.dir.display())))
    }
}

/// Waits until `stage` holds; why not, when a process exits or the stage times out.
async fn reach(checker: &Checker, lab: &Lab, stage: Stage) -> Result<(), String> {
    let deadline = Instant::now() + STAGE_TIMEOUT;
    while !checker.holds(lab, stage).await {
        if let Some((name, last)) = first_exited(lab) {
            return Err(format!("{name} exited: {last}"));
        }
        if Instant::now() > deadline {
            return Err(format!("the lab did not reach \"{}\" within {}s", stage.describe(), STAGE_TIMEOUT.as_secs()));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(())
}

/// Stops what a failed `up` started and removes its networks.
fn shut_down(lab: &Lab) {
    stop(&lab.pids(), Duration::from_secs(3));
    if let Some(iso) = &lab.isolation {
        teardown_isolation(iso);
    }
}
