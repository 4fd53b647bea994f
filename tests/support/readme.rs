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

/// A README guide run as a user would: in a namespace of its own (its fixed ports free), in a
/// fresh directory, with the built `fedctl` first on PATH. Every block's background jobs are
/// killed on drop.
pub struct Guide {
    // Dropped last: the jobs die before their namespace goes.
    pub dir: tempfile::TempDir,
    topo: super::netns::Topology,
    host: usize,
    path: String,
    readme: String,
    jobs: Vec<Jobs>,
}

impl Guide {
    pub fn new(why: &str) -> Option<Guide> {
        let mut topo = super::netns::Topology::new(why)?;
        let host = topo.host("guide");
        let bin = std::path::Path::new(super::FEDCTL).parent().unwrap().display().to_string();
        let path = format!("{bin}:{}", std::env::var("PATH").unwrap_or_default());
        let readme = std::fs::read_to_string(super::repo_root().join("README.md")).unwrap();
        Some(Guide { dir: super::temp_dir(), topo, host, path, readme, jobs: Vec::new() })
    }

    pub fn ns(&self) -> &super::netns::Ns {
        self.topo.ns(self.host)
    }

    /// Runs the block after `marker` as one script (`set -e`); returns the pids of the
    /// background jobs it started.
    pub fn run_block(&mut self, marker: &str, name: &str) -> Vec<u32> {
        let pids = self.dir.path().join(format!("{name}.pids"));
        let script = format!("set -e\n{}\njobs -p > {}\n", block(&self.readme, marker), pids.display());
        std::fs::write(self.dir.path().join(format!("{name}.sh")), script).unwrap();
        self.jobs.push(Jobs(pids.clone()));
        let status = self
            .ns()
            .command("bash")
            .arg(format!("{name}.sh"))
            .current_dir(self.dir.path())
            .env("PATH", &self.path)
            .env_remove("FEDCTL_HTTP_ADDR")
            .env_remove("CONSUL_HTTP_ADDR")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "the guide's {marker} block ran");
        std::fs::read_to_string(&pids).unwrap().split_whitespace().map(|p| p.parse().unwrap()).collect()
    }

    /// The commands of the block after `marker`, one per line, comments dropped.
    pub fn lines(&self, marker: &str) -> Vec<String> {
        block(&self.readme, marker)
            .lines()
            .map(|l| l.split("  #").next().unwrap().trim().to_owned())
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    }

    /// Runs one line as the user would type it: `(exit code, stdout)`.
    pub fn run(&self, line: &str) -> (i32, String) {
        let out = self
            .ns()
            .command("bash")
            .args(["-c", line])
            .current_dir(self.dir.path())
            .env("PATH", &self.path)
            .env_remove("FEDCTL_HTTP_ADDR")
            .env_remove("CONSUL_HTTP_ADDR")
            .output()
            .unwrap();
        (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// The named files of the guide's directory, for failure messages.
    pub fn logs(&self, files: &[&str]) -> String {
        files
            .iter()
            .map(|f| format!("--- {f}:\n{}", std::fs::read_to_string(self.dir.path().join(f)).unwrap_or_default()))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The two-datacenter guides' first checks, run as a user types them: `members` shows
    /// s1.dc1 and s2.dc2 alive, then the write across datacenters works, then the read on the
    /// other side gives `world`. `logs` are shown on failure.
    pub async fn federated(&self, lines: &[String], logs: &[&str]) {
        super::eventually_with(
            "members -wan shows both servers alive",
            || self.logs(logs),
            async || {
                let (code, out) = self.run(&lines[0]);
                code == 0 && out.contains("s1.dc1") && out.contains("s2.dc2") && out.matches("alive").count() == 2
            },
        )
        .await;
        super::eventually_with(
            "the cross-datacenter write works",
            || self.logs(logs),
            async || self.run(&lines[1]).0 == 0,
        )
        .await;
        assert_eq!(self.run(&lines[2]), (0, "world\n".to_owned()));
    }

    /// Runs the teardown block after `marker`, each line succeeding, then waits for every one
    /// of `pids` (the guide's background jobs) to exit.
    pub async fn tear_down(&self, marker: &str, pids: &[u32], logs: &[&str]) {
        for line in self.lines(marker) {
            let (code, out) = self.run(&line);
            assert_eq!(code, 0, "{line}: {out}");
        }
        super::eventually_with(
            "the guide's processes are gone",
            || self.logs(logs),
            async || pids.iter().all(|p| !fedctl::lab::alive(*p)),
        )
        .await;
    }
}
