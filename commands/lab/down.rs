use std::path::{Path, PathBuf};
use std::time::Duration;

use fedctl::lab::{Lab, Registry, mark_stopping, unmark_stopping};

use super::common::{Files, Selected, lab_error, names, registry, select, tear_down};
use crate::cli::{CliError, Ctx};

/// Stop every process of a lab and remove what it created.
///
/// Without -dir or -name: the running lab; when several run, name one with -name or stop them
/// all with -all. Running labs are found in the registry every `lab up` writes to
/// ($TMPDIR/fedctl-labs-<uid>, or the directory FEDCTL_LAB_REGISTRY names). A foreground
/// `lab up` whose lab is stopped this way ends too.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  fedctl lab down\n  fedctl lab down -name second\n  fedctl lab down -all")]
pub struct Args {
    /// The lab's directory [default: the running lab].
    #[arg(long, value_name = "DIR", conflicts_with_all = ["name", "all"])]
    pub dir: Option<PathBuf>,
    /// The lab's name (`lab up -name`, else its directory's name).
    #[arg(long, value_name = "NAME", conflicts_with = "all")]
    pub name: Option<String>,
    /// Stop every running lab.
    #[arg(long)]
    pub all: bool,
}

pub async fn cmd_lab_down(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let registry = registry();
    if args.all {
        return down_all(ctx, &registry);
    }
    match select(&registry, args.dir, args.name.as_deref())? {
        Selected::One(dir) => down_one(ctx, &registry, &dir),
        Selected::Many(labs) => Err(CliError::usage(format!("{} labs are running: {}", labs.len(), names(&labs)))
            .hint("pass -name NAME to stop one of them, or -all to stop them all")),
    }
}

/// Every registered lab; the ones that could not be stopped are named at the end.
fn down_all(ctx: &Ctx, registry: &Registry) -> Result<(), CliError> {
    let labs = registry.list();
    if labs.is_empty() {
        ctx.out.info("==> no lab is running; nothing to stop");
        return Ok(());
    }
    let mut failed = Vec::new();
    for entry in &labs {
        if let Err(e) = down_one(ctx, registry, &entry.dir) {
            ctx.out.info(format!("==> {}: {}", entry.name, e.message()));
            failed.push(entry.name.clone());
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(CliError::failure(format!("could not stop lab(s) {}", failed.join(", ")))
            .hint("`fedctl lab status` shows what is left of them"))
    }
}

/// Stops the lab in `dir`, removes its files and networks, and takes it out of the registry.
fn down_one(ctx: &Ctx, registry: &Registry, dir: &Path) -> Result<(), CliError> {
    let lab = Lab::load(dir).map_err(lab_error)?;
    // A foreground `lab up` watching these processes stays quiet about them.
    mark_stopping(dir);
    let done =
        tear_down(registry, &lab, Duration::from_secs(5), Files::Remove).inspect_err(|_| unmark_stopping(dir))?;
    let already = if done.exited > 0 { format!(" ({} had already exited)", done.exited) } else { String::new() };
    ctx.out.info(format!(
        "==> stopped {} process(es){already}; removed the lab {} in {}",
        done.stopped,
        lab.name,
        dir.display()
    ));
    Ok(())
}
