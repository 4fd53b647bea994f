use std::path::PathBuf;
use std::time::Duration;

use fedctl::lab::{Lab, stop};

use super::common::{lab_dir, lab_error, pointer};
use crate::cli::{CliError, Ctx};

/// Stop every process of a lab and remove what it created.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The lab [default: the last one started with -detach].
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

pub async fn cmd_lab_down(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let dir = lab_dir(args.dir)?;
    let lab = Lab::load(&dir).map_err(lab_error)?;
    let pids = lab.pids();
    let left = stop(&pids, Duration::from_secs(5));
    if !left.is_empty() {
        return Err(CliError::failure(format!("processes {left:?} did not stop; the lab stays in {}", dir.display())));
    }
    if let Some(iso) = &lab.isolation {
        fedctl::lab::teardown_isolation(iso);
    }
    fedctl::lab::remove_files(&dir);
    if std::fs::read_to_string(pointer()).is_ok_and(|p| dir.as_path() == std::path::Path::new(p.trim())) {
        let _ = std::fs::remove_file(pointer());
    }
    ctx.out.info(format!("==> stopped {} process(es); removed the lab in {}", pids.len(), dir.display()));
    Ok(())
}
