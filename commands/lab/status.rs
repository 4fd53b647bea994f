use std::path::PathBuf;

use fedctl::lab::{Checker, Lab, Stage, alive};

use super::common::{lab_dir, lab_error, print_summary};
use crate::cli::{CliError, Ctx, FormatArg};

/// Check a lab again: its processes and whether it is still federated.
///
/// Exits 3 when a process is gone or a stage no longer holds.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The lab [default: the last one started with -detach].
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    #[command(flatten)]
    pub format: FormatArg,
}

pub async fn cmd_lab_status(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let dir = lab_dir(args.dir)?;
    let lab = Lab::load(&dir).map_err(lab_error)?;
    let checker = Checker::new();
    let mut failing = Vec::new();
    let gone = lab.pids().into_iter().filter(|p| !alive(*p)).count();
    if gone > 0 {
        failing.push(format!("{gone} process(es) gone"));
    }
    for stage in Stage::ALL {
        if !checker.holds(&lab, stage).await {
            failing.push(format!("not: {}", stage.describe()));
        }
    }
    let federated = failing.is_empty();
    if args.format.is_json() {
        ctx.out.json(&serde_json::json!({ "Lab": lab, "Federated": federated, "Problems": failing }))?;
    } else {
        print_summary(ctx, &lab).await?;
        ctx.out.line("")?;
        ctx.out.line(if federated {
            "Status: federated".to_owned()
        } else {
            format!("Status: {}", failing.join("; "))
        })?;
    }
    if federated { Ok(()) } else { Err(CliError::CheckFailed { message: failing.join("; ") }) }
}
