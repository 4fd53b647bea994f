//! A `lab up` until its lab federates: the processes started stage by stage behind a progress
//! bar, and what is done when the lab does not come up.

use std::path::Path;
use std::time::{Duration, Instant};

use fedctl::lab::{
    Checker, Lab, LabError, Registry, Stage, build_isolation, create_tokens, first_exited, is_stopping, register_demo,
    start_demo_apps, start_demo_sidecars, start_gateways, start_servers, write_demo_entries,
};
use serde_json::Value;

use super::common::{Files, lab_error, tear_down};
use super::foreground::Signals;
use crate::cli::{CliError, Ctx};

/// How long one stage may take before the lab is given up.
const STAGE_TIMEOUT: Duration = Duration::from_secs(60);

/// Why a lab did not come up.
#[derive(Debug)]
pub enum Halt {
    /// Its files or processes could not be made.
    Lab(LabError),
    /// A process exited or a stage timed out.
    Stage(String),
    /// Ctrl-C, SIGTERM or SIGHUP (what [`Signals::next`] says).
    Signal(&'static str),
}

/// Starts the lab, showing progress, until it federates or a signal stops it. What each stage
/// took, for `-format=json`.
pub async fn come_up(
    lab: &mut Lab,
    fedctl: &Path,
    isolate: bool,
    started: Instant,
    signals: &mut Signals,
) -> Result<Vec<Value>, Halt> {
    let bar = indicatif::ProgressBar::new(Stage::of(lab).len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} [{pos}/{len}] {msg} ({elapsed})")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(Duration::from_millis(100));
    let outcome = tokio::select! {
        reached = start(lab, fedctl, &bar, isolate, started) => reached,
        signal = signals.next() => Err(Halt::Signal(signal)),
    };
    if outcome.is_ok() {
        bar.finish_and_clear();
    } else {
        bar.abandon();
    }
    outcome
}

/// Everything after the files are written: servers, then each stage (gateways once the agents
/// answer, the demo once the lab federated).
async fn start(
    lab: &mut Lab,
    fedctl: &Path,
    bar: &indicatif::ProgressBar,
    isolate: bool,
    started: Instant,
) -> Result<Vec<Value>, Halt> {
    if isolate {
        let built = build_isolation(lab);
        lab.save().map_err(Halt::Lab)?;
        built.map_err(Halt::Lab)?;
    }
    let launched = start_servers(lab, fedctl);
    lab.save().map_err(Halt::Lab)?;
    launched.map_err(Halt::Lab)?;
    let checker = Checker::for_lab(lab);
    let mut reached = Vec::new();
    for stage in Stage::of(lab) {
        if stage == Stage::Demo {
            bar.set_message("starting the demo: echo and web with their sidecars");
            start_demo(lab, fedctl).await.map_err(Halt::Lab)?;
        }
        bar.set_message(format!("waiting: {}", stage.describe()));
        reach(&checker, lab, stage).await.map_err(Halt::Stage)?;
        if stage == Stage::AgentsUp {
            // A secure lab's tokens, made in the primary before the gateways use theirs.
            if lab.security.is_some() {
                bar.set_message("making the ACL tokens in the primary");
                create_tokens(lab).await.map_err(Halt::Lab)?;
            }
            // The gateways register with their agents, which now answer.
            let launched = start_gateways(lab, fedctl);
            lab.save().map_err(Halt::Lab)?;
            launched.map_err(Halt::Lab)?;
        }
        bar.inc(1);
        reached.push(serde_json::json!({ "Stage": stage.describe(), "AfterSecs": started.elapsed().as_secs_f64() }));
    }
    Ok(reached)
}

/// The demo, once the lab federated: the echo apps, the config entries (gateways and
/// failover), then the services registered with their agents, then their sidecars. The lab is saved after each start, so `lab down` stops what was
/// started even when a later step fails.
async fn start_demo(lab: &mut Lab, fedctl: &Path) -> Result<(), LabError> {
    let launched = start_demo_apps(lab, fedctl);
    lab.save()?;
    launched?;
    write_demo_entries(lab).await?;
    register_demo(lab).await?;
    let launched = start_demo_sidecars(lab, fedctl);
    lab.save()?;
    launched
}

/// Stops what an `up` that did not come up started, removes its networks and says why it
/// stopped. Ok after a signal or `fedctl lab down`: what was asked for happened. After a
/// failure its directory stays for its logs (unless no process was started); the lab leaves
/// the registry either way.
pub fn give_up(ctx: &Ctx, registry: &Registry, lab: &Lab, halt: Halt) -> Result<(), CliError> {
    // `lab down` marks the lab, stops its processes (so a stage fails here, or a file is
    // missing), and removes the state file last.
    let stopped_elsewhere = is_stopping(&lab.dir) || !Lab::state_file(&lab.dir).exists();
    let keep_logs = !stopped_elsewhere
        && match &halt {
            Halt::Stage(_) => true,
            Halt::Lab(_) => !lab.pids().is_empty(),
            Halt::Signal(_) => false,
        };
    tear_down(registry, lab, Duration::from_secs(3), if keep_logs { Files::Keep } else { Files::Remove })?;
    match halt {
        _ if stopped_elsewhere => {
            ctx.out.info("==> the lab was stopped by `fedctl lab down` before it federated");
            Ok(())
        }
        Halt::Signal(signal) => {
            ctx.out.info(format!("==> {signal} before the lab federated: its processes are stopped and it is removed"));
            Ok(())
        }
        Halt::Lab(e @ LabError::Demo { .. }) if keep_logs => {
            let logs = lab.dir.join("logs");
            Err(lab_error(e).hint(format!("the processes were stopped; their logs are in {}", logs.display())))
        }
        Halt::Lab(e) => Err(lab_error(e)),
        Halt::Stage(message) => {
            let logs = lab.dir.join("logs");
            Err(CliError::failure(message)
                .hint(format!("the processes were stopped; their logs are in {}", logs.display())))
        }
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
            let mut message =
                format!("the lab did not reach \"{}\" within {}s", stage.describe(), STAGE_TIMEOUT.as_secs());
            // Which datacenter's curl fails, and how.
            if stage == Stage::Demo
                && let Some(problem) = checker.demo_problem(lab).await
            {
                message += &format!("; {problem}");
            }
            return Err(message);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(())
}
