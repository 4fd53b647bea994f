use std::path::{Path, PathBuf};

use fedctl::lab::{Checker, Lab, LabEntry, LabProcess, Stage, gone};
use serde::Serialize;

use super::common::{Selected, gone_line, lab_error, names, print_summary, registry, select, started};
use crate::cli::{CliError, Ctx, FormatArg};

/// Check a lab again: its processes (naming each one that is gone) and whether it is still
/// federated; with a demo (`lab up -demo`), whether it still answers through the mesh.
///
/// Without -dir or -name: the running lab; when several run, a table of them all (name,
/// directory, datacenters, processes alive, start time) naming each one's gone processes.
/// -all lists every running lab, even one, and is how -format=json lists them (a JSON array;
/// without -all, -format=json needs one lab, so with several running pass -name or -all).
/// Running labs are found in the registry every `lab up` writes to ($TMPDIR/fedctl-labs-<uid>,
/// or the directory FEDCTL_LAB_REGISTRY names). Exits 3 when a process is gone or a stage no
/// longer holds.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  fedctl lab status\n  fedctl lab status -name second\n  fedctl lab status -all -format=json\n  fedctl lab status -dir /tmp/lab -format=json"
)]
pub struct Args {
    /// The lab's directory [default: the running lab].
    #[arg(long, value_name = "DIR", conflicts_with_all = ["name", "all"])]
    pub dir: Option<PathBuf>,
    /// The lab's name (`lab up -name`, else its directory's name).
    #[arg(long, value_name = "NAME", conflicts_with = "all")]
    pub name: Option<String>,
    /// List every running lab (with -format=json: a JSON array, however many run).
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub format: FormatArg,
}

pub async fn cmd_lab_status(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let registry = registry();
    if args.all {
        return many(ctx, &registry.list(), args.format);
    }
    match select(&registry, args.dir, args.name.as_deref())? {
        Selected::One(dir) => one(ctx, &dir, args.format).await,
        // One document shape per invocation: a lab, or (with -all) an array of them.
        Selected::Many(labs) if args.format.is_json() => Err(CliError::usage(format!(
            "{} labs are running: {}; -format=json shows one lab",
            labs.len(),
            names(&labs)
        ))
        .hint("pass -name NAME for one of them, or -all for a JSON array of them all")),
        Selected::Many(labs) => many(ctx, &labs, args.format),
    }
}

/// One lab in full: the summary table, what is gone, which stages no longer hold.
async fn one(ctx: &Ctx, dir: &Path, format: FormatArg) -> Result<(), CliError> {
    let lab = Lab::load(dir).map_err(lab_error)?;
    let checker = Checker::for_lab(&lab);
    let gone = gone(&lab);
    let mut failing = Vec::new();
    let all = Stage::of(&lab);
    for &stage in &all {
        if !checker.holds(&lab, stage).await {
            failing.push(format!("not: {}", stage.describe()));
        }
    }
    // What is gone: short in JSON (the processes are in `Gone`), named in the text.
    let (short, named) = match gone.len() {
        0 => (None, None),
        n => (Some(format!("{n} process(es) gone")), Some(format!("{n} process(es) {}", gone_line(&gone)))),
    };
    let problems: Vec<String> = short.into_iter().chain(failing.iter().cloned()).collect();
    // With a process gone, the stages that fail follow from it: the cause first, then what
    // fails, in one clause.
    let stages = if failing.is_empty() {
        None
    } else if named.is_some() {
        let which: Vec<&str> = failing.iter().map(|f| f.trim_start_matches("not: ")).collect();
        Some(format!("so {} of {} stages fail ({})", which.len(), all.len(), which.join(", ")))
    } else {
        Some(failing.join("; "))
    };
    let message = named.into_iter().chain(stages).collect::<Vec<_>>().join("; ");
    let federated = problems.is_empty();
    if format.is_json() {
        ctx.out.json(&serde_json::json!({
            "Lab": lab,
            "Federated": federated,
            "Problems": problems,
            "Gone": gone,
            "Demo": lab.demo_curls(),
            "DemoFailover": lab.demo_failover(),
        }))?;
    } else {
        ctx.out.line(format!("Lab: {} in {}", lab.name, lab.dir.display()))?;
        print_summary(ctx, &lab).await?;
        ctx.out.line("")?;
        ctx.out.line(if federated { "Status: federated".to_owned() } else { format!("Status: {message}") })?;
    }
    if federated { Ok(()) } else { Err(CliError::CheckFailed { message }) }
}

/// A registered lab as `lab status -all` lists it; the counts are `None` when its state file
/// cannot be read (`Error` says why).
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
struct LabSummary {
    name: String,
    dir: PathBuf,
    /// When its `lab up` started, RFC 3339.
    started: String,
    datacenters: Option<usize>,
    processes: Option<usize>,
    alive: Option<usize>,
    gone: Vec<LabProcess>,
    /// Processes its `lab up` has not started yet.
    not_started: Vec<LabProcess>,
    error: Option<String>,
}

impl LabSummary {
    fn of(entry: &LabEntry) -> LabSummary {
        let mut summary = LabSummary {
            name: entry.name.clone(),
            dir: entry.dir.clone(),
            started: started(entry),
            datacenters: None,
            processes: None,
            alive: None,
            gone: Vec::new(),
            not_started: Vec::new(),
            error: None,
        };
        match Lab::load(&entry.dir) {
            Ok(lab) => {
                let processes = lab.processes();
                summary.gone = gone(&lab);
                summary.not_started = processes.iter().filter(|p| p.pid.is_none()).cloned().collect();
                summary.alive = Some(processes.len() - summary.gone.len() - summary.not_started.len());
                summary.datacenters = Some(lab.datacenters.len());
                summary.processes = Some(processes.len());
            }
            Err(e) => summary.error = Some(e.to_string()),
        }
        summary
    }

    /// Its row: Name, Directory, Datacenters, Processes alive, Started.
    fn row(&self) -> Vec<String> {
        let alive = match (self.alive, self.processes) {
            (Some(alive), Some(all)) => format!("{alive}/{all}"),
            _ => "-".to_owned(),
        };
        let datacenters = self.datacenters.map_or_else(|| "-".to_owned(), |n| n.to_string());
        vec![self.name.clone(), self.dir.display().to_string(), datacenters, alive, self.started.clone()]
    }

    /// What the table does not show: why it cannot be read, what is gone, what is not started.
    fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if let Some(e) = &self.error {
            notes.push(format!("{}: cannot read its state: {e}", self.name));
        }
        if !self.gone.is_empty() {
            notes.push(format!("{}: {}", self.name, gone_line(&self.gone)));
        }
        if !self.not_started.is_empty() {
            let list: Vec<String> = self.not_started.iter().map(ToString::to_string).collect();
            notes.push(format!("{}: {}", self.name, list.join(", ")));
        }
        notes
    }
}

/// Every lab of `labs`, one row each, then what is wrong with each.
fn many(ctx: &Ctx, labs: &[LabEntry], format: FormatArg) -> Result<(), CliError> {
    let summaries: Vec<LabSummary> = labs.iter().map(LabSummary::of).collect();
    if format.is_json() {
        ctx.out.json(&summaries)?;
    } else if summaries.is_empty() {
        ctx.out.info("==> no lab is running");
    } else {
        ctx.out.table(
            &["Name", "Directory", "Datacenters", "Processes alive", "Started"],
            summaries.iter().map(LabSummary::row),
        )?;
        let notes: Vec<String> = summaries.iter().flat_map(LabSummary::notes).collect();
        if !notes.is_empty() {
            ctx.out.line("")?;
            for note in &notes {
                ctx.out.line(note)?;
            }
        }
        ctx.out.info(format!(
            "==> {} lab(s) running; `fedctl lab status -name NAME` checks one, `fedctl lab down -name NAME` (or -all) stops them",
            summaries.len()
        ));
    }
    let gone: Vec<&str> = summaries.iter().filter(|s| !s.gone.is_empty()).map(|s| s.name.as_str()).collect();
    let unreadable: Vec<&str> = summaries.iter().filter(|s| s.error.is_some()).map(|s| s.name.as_str()).collect();
    let mut problems = Vec::new();
    if !gone.is_empty() {
        problems.push(format!("processes are gone in lab(s) {}", gone.join(", ")));
    }
    if !unreadable.is_empty() {
        problems.push(format!("cannot read the state of lab(s) {}", unreadable.join(", ")));
    }
    if problems.is_empty() { Ok(()) } else { Err(CliError::CheckFailed { message: problems.join("; ") }) }
}
