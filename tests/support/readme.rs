//! The README's guides as tests run them: the shell code of a marked block, and the
//! background jobs a guide started, killed even when the test fails.

use std::process::Command;

/// The shell code of the fenced block after `marker` (e.g. `<!-- guide:start -->`) in the
/// README, up to the next `...:end -->` marker.
pub fn block(readme: &str, marker: &str) -> String {
    let start = readme.find(marker).unwrap_or_else(|| panic!("README has no {marker}"));
    let rest = &readme[start..];
    let end = rest.find(":end -->").unwrap_or_else(|| panic!("the README block {marker} ends"));
    let body = &rest[..end];
    let body = &body[..body.rfind("<!--").unwrap_or(body.len())];
    body.lines().filter(|l| !l.starts_with("```") && !l.starts_with("<!--")).collect::<Vec<_>>().join("\n")
}

/// Kills the pids listed in a file (a guide's `jobs -p`) when dropped.
pub struct Jobs(pub std::path::PathBuf);

impl Drop for Jobs {
    fn drop(&mut self) {
        for pid in std::fs::read_to_string(&self.0).unwrap_or_default().split_whitespace() {
            let _ = Command::new("kill").arg(pid).status();
        }
    }
}
