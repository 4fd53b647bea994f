//! A foreground `lab up` once its lab is federated: it reports each process that exits (the
//! rest keep running) until a signal asks it to stop the lab, or `lab down` stopped it
//! elsewhere.

use std::time::Duration;

use fedctl::lab::{Lab, Registry, alive, gone, is_stopping, last_log_line, last_problem_line, log_file};
use tokio::signal::unix::{Signal, SignalKind, signal};

use super::common::{Files, tear_down};
use crate::cli::{CliError, Ctx};

/// How often the lab's processes are checked.
const EVERY: Duration = Duration::from_millis(500);

/// Ctrl-C (SIGINT), SIGTERM and a closed terminal (SIGHUP), as one stream.
#[derive(Debug)]
pub struct Signals {
    interrupt: Option<Signal>,
    hangup: Option<Signal>,
    terminate: Option<Signal>,
}

impl Default for Signals {
    fn default() -> Self {
        Signals::new()
    }
}

impl Signals {
    /// Takes over the three signals (they no longer end the process) until dropped.
    pub fn new() -> Signals {
        Signals {
            interrupt: signal(SignalKind::interrupt()).ok(),
            hangup: signal(SignalKind::hangup()).ok(),
            terminate: signal(SignalKind::terminate()).ok(),
        }
    }

    /// Waits for the next signal; what it was, for messages.
    pub async fn next(&mut self) -> &'static str {
        async fn recv(s: &mut Option<Signal>) {
            match s {
                Some(s) => {
                    s.recv().await;
                }
                None => std::future::pending().await,
            }
        }
        tokio::select! {
            _ = recv(&mut self.interrupt) => "interrupted",
            _ = recv(&mut self.hangup) => "the terminal closed (SIGHUP)",
            _ = recv(&mut self.terminate) => "terminated",
        }
    }
}

/// Watches the federated `lab` until a signal, then stops and removes it; ends at once when
/// `lab down` stopped it elsewhere.
pub async fn run(ctx: &Ctx, registry: &Registry, lab: &Lab, signals: &mut Signals) -> Result<(), CliError> {
    ctx.out.info(format!(
        "==> Ctrl-C stops the lab (so does closing this terminal); `fedctl lab status -name {}` checks it",
        lab.name
    ));
    match watch(ctx, lab, signals).await {
        Ended::Signal(why) => ctx.out.info(format!("==> {why}: stopping the lab")),
        Ended::Removed => {
            if lab.pids().into_iter().all(|p| !alive(p)) {
                ctx.out.info("==> the lab was stopped by `fedctl lab down`");
                return Ok(());
            }
            ctx.out.info("==> the lab's state file is gone; stopping its processes");
        }
    }
    tear_down(registry, lab, Duration::from_secs(5), Files::Remove)?;
    ctx.out.info("==> stopped; the lab is removed");
    Ok(())
}

/// Why watching ended.
#[derive(Debug)]
enum Ended {
    /// A signal: stop the lab.
    Signal(&'static str),
    /// The lab's state file is gone (`lab down` stopped it, or its directory was removed).
    Removed,
}

/// Checks the lab's processes every [`EVERY`]: each one that exits is reported once, with the
/// last line of its log; the lab keeps running. Quiet while `lab down` is stopping it.
async fn watch(ctx: &Ctx, lab: &Lab, signals: &mut Signals) -> Ended {
    let mut reported: Vec<u32> = Vec::new();
    let mut tick = tokio::time::interval(EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            signal = signals.next() => return Ended::Signal(signal),
            _ = tick.tick() => {}
        }
        // In this order: `lab down` marks the lab before it stops a process, and removes the
        // state file before the mark, so a process it stopped is never reported.
        let exited = gone(lab);
        if is_stopping(&lab.dir) {
            continue;
        }
        if !Lab::state_file(&lab.dir).exists() {
            return Ended::Removed;
        }
        for process in exited {
            let Some(pid) = process.pid else { continue };
            if reported.contains(&pid) {
                continue;
            }
            reported.push(pid);
            // Killed from outside, a process's log ends with whatever it did last (often
            // "ready"): name the last problem it reported, else say how the log ends.
            let said = match last_problem_line(lab, &process.name) {
                Some(line) => format!("its last reported problem: {line}"),
                None => format!("no problem in its log, which ends: {}", last_log_line(lab, &process.name)),
            };
            ctx.out.info(format!("==> warning: {process} exited; {said}"));
            ctx.out.info(format!(
                "    its log: {}; the rest of the lab keeps running until Ctrl-C; `fedctl lab status -name {}` shows what is gone",
                log_file(lab, &process.name).display(),
                lab.name
            ));
        }
    }
}
