//! Which labs run on this machine: a directory with one small file per lab (`<name>.json`,
//! naming the lab's directory), so `lab status` and `lab down` find every lab, foreground or
//! detached, without -dir. An entry whose lab has no state file any more is stale: reading the
//! registry removes it. Changes are made under an exclusive lock on `<registry>/.lock`.

use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::plan::{Lab, LabError, valid_name};

/// One registered lab.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct LabEntry {
    pub name: String,
    pub dir: PathBuf,
    /// When its `lab up` started, in seconds since the Unix epoch.
    pub started: u64,
}

/// The registry directory and what is in it.
#[derive(Debug, Clone)]
pub struct Registry {
    dir: PathBuf,
}

impl Registry {
    pub fn new(dir: impl Into<PathBuf>) -> Registry {
        Registry { dir: dir.into() }
    }

    /// This user's registry under the system temp dir: `fedctl-labs-<uid>`.
    pub fn default_dir() -> PathBuf {
        std::env::temp_dir().join(format!("fedctl-labs-{}", rustix::process::getuid().as_raw()))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn entry_file(&self, name: &str) -> PathBuf {
        self.dir.join(format!("{name}.json"))
    }

    /// Records `entry`. Its name must be free: held by no other lab whose state file exists
    /// (a stale holder, or the same directory, is replaced).
    pub fn register(&self, entry: &LabEntry) -> Result<(), LabError> {
        if !valid_name(&entry.name) {
            return Err(LabError::BadName(entry.name.clone()));
        }
        crate::files::create_private_dir(&self.dir).map_err(io("creating", &self.dir))?;
        // Checked and written under the lock: of two labs claiming one name only one gets it.
        let _lock = self.lock()?;
        let path = self.entry_file(&entry.name);
        if let Some(held) = read_entry(&path)
            && !same_dir(&held.dir, &entry.dir)
            && Lab::state_file(&held.dir).exists()
        {
            return Err(LabError::NameTaken { name: held.name, dir: held.dir });
        }
        // Written whole under a temporary name, then renamed into place: a reader never sees
        // half an entry.
        let text = serde_json::to_string_pretty(entry).unwrap_or_default();
        crate::files::write_private_file(&path, text.as_bytes()).map_err(io("writing", &path))
    }

    /// Registers `entry` under its name and returns the name it got: when another running lab
    /// holds it, a name that was not chosen (`explicit` false) gets "-2", "-3", ... "-99"
    /// added; a chosen one is refused.
    pub fn claim(&self, entry: &LabEntry, explicit: bool) -> Result<String, LabError> {
        if !valid_name(&entry.name) {
            return Err(LabError::BadName(entry.name.clone()));
        }
        // Names are ASCII (see `valid_name`), so slicing at any index is on a char boundary;
        // 60 leaves room for the number within 64.
        let stem = &entry.name[..entry.name.len().min(60)];
        let mut last = None;
        for n in 1..=99 {
            let name = if n == 1 { entry.name.clone() } else { format!("{stem}-{n}") };
            match self.register(&LabEntry { name: name.clone(), ..entry.clone() }) {
                Ok(()) => return Ok(name),
                Err(e @ LabError::NameTaken { .. }) if !explicit => last = Some(e),
                Err(e) => return Err(e),
            }
        }
        Err(last.unwrap_or_else(|| LabError::BadName(entry.name.clone())))
    }

    /// Removes every entry naming `dir`.
    pub fn unregister(&self, dir: &Path) {
        let Ok(_lock) = self.lock() else { return };
        for (path, entry) in self.read_all() {
            if entry.is_some_and(|e| same_dir(&e.dir, dir)) {
                let _ = std::fs::remove_file(path);
            }
        }
    }

    /// The registered labs, oldest first; stale and unreadable entries are removed.
    pub fn list(&self) -> Vec<LabEntry> {
        let mut labs = Vec::new();
        let mut stale = Vec::new();
        for (path, entry) in self.read_all() {
            match entry {
                Some(e) if Lab::state_file(&e.dir).exists() => labs.push(e),
                _ => stale.push(path),
            }
        }
        if !stale.is_empty()
            && let Ok(_lock) = self.lock()
        {
            // Checked again under the lock: a `lab up` may have taken over the name since.
            for path in stale {
                if read_entry(&path).is_none_or(|e| !Lab::state_file(&e.dir).exists()) {
                    let _ = std::fs::remove_file(path);
                }
            }
        }
        labs.sort_by(|a, b| (a.started, &a.name).cmp(&(b.started, &b.name)));
        labs
    }

    /// The registered lab named `name`.
    pub fn find(&self, name: &str) -> Option<LabEntry> {
        self.list().into_iter().find(|e| e.name == name)
    }

    /// `<registry>/.lock`, held exclusively until the file is dropped: one change to the
    /// registry at a time, across processes. The registry directory must exist.
    fn lock(&self) -> Result<std::fs::File, LabError> {
        let path = self.dir.join(".lock");
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .mode(crate::files::PRIVATE_FILE)
            .open(&path)
            .map_err(io("opening", &path))?;
        rustix::fs::flock(&file, rustix::fs::FlockOperation::LockExclusive)
            .map_err(|e| io("locking", &path)(std::io::Error::from(e)))?;
        Ok(file)
    }

    /// Every entry file and what it holds (`None`: unreadable). Nothing when the registry
    /// directory belongs to another user: its entries could name any directory.
    fn read_all(&self) -> Vec<(PathBuf, Option<LabEntry>)> {
        let owned = std::fs::metadata(&self.dir).is_ok_and(|m| m.uid() == rustix::process::getuid().as_raw());
        if !owned {
            return Vec::new();
        }
        let Ok(read) = std::fs::read_dir(&self.dir) else { return Vec::new() };
        let mut out = Vec::new();
        for item in read.flatten() {
            let file = item.file_name().to_string_lossy().into_owned();
            // Dot-files are entries being written, and the lock.
            if file.starts_with('.') || !file.ends_with(".json") {
                continue;
            }
            let path = item.path();
            let entry = read_entry(&path);
            out.push((path, entry));
        }
        out
    }
}

fn io(what: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> LabError {
    let path = path.to_owned();
    move |source| LabError::Io { what, path, source }
}

fn read_entry(path: &Path) -> Option<LabEntry> {
    serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()
}

/// Whether two lab directories are the same (as absolute paths; a relative -dir is taken
/// from the current directory).
pub fn same_dir(a: &Path, b: &Path) -> bool {
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_owned());
    abs(a) == abs(b)
}
