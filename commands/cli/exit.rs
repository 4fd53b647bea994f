//! How a command ends: every error becomes `error: ...` (+ `hint: ...`) on stderr, and every
//! exit code comes from [`finish`]: 0 ok, 1 failure, 2 usage, 3 a requested check failed, 130
//! interrupted twice; a command whose exit code is part of its answer (`intention check`) says
//! which ([`CliError::Exit`]). A closed stdout (`| head`)
//! is not an error: the reader has what it wanted, so the exit code is 0.

use std::fmt::Display;
use std::io::{self, Write};

#[derive(Debug)]
pub enum CliError {
    /// The command ran and failed (bad certificate input, agent unreachable, ...): exit 1.
    Failure { message: String, hint: Option<String> },
    /// The command line itself is wrong: exit 2.
    Usage { message: String, hint: Option<String> },
    /// clap's own report (parse errors, or help/version output): printed by clap.
    Clap(clap::Error),
    /// stdout was closed by its reader: exit 0, print nothing.
    BrokenPipe,
    /// A health check the user asked for failed (e.g. `-stale-after`): exit 3.
    CheckFailed { message: String },
    /// A second interrupt stopped a long-running command before it finished cleaning up:
    /// exit 130 (as a shell reports SIGINT), nothing more printed.
    Interrupted,
    /// A command whose exit code is part of its answer, as the reference's `intention check`
    /// (1: `Denied`, already printed; 2: it could not tell): exit `code`, and report `message`,
    /// if any, as an error.
    Exit { code: u8, message: Option<String> },
}

impl CliError {
    pub fn failure(message: impl Display) -> Self {
        CliError::Failure { message: message.to_string(), hint: None }
    }

    pub fn usage(message: impl Display) -> Self {
        CliError::Usage { message: message.to_string(), hint: None }
    }

    /// Adds (or replaces) the `hint:` line.
    pub fn hint(self, hint: impl Display) -> Self {
        match self {
            CliError::Failure { message, .. } => CliError::Failure { message, hint: Some(hint.to_string()) },
            CliError::Usage { message, .. } => CliError::Usage { message, hint: Some(hint.to_string()) },
            other => other,
        }
    }

    /// What went wrong in plain words, without the hint: the `error:` line's text.
    pub fn message(&self) -> String {
        match self {
            CliError::Failure { message, .. } | CliError::Usage { message, .. } | CliError::CheckFailed { message } => {
                message.clone()
            }
            CliError::Clap(e) => e.to_string().trim_end().to_owned(),
            CliError::BrokenPipe => "stdout was closed".to_owned(),
            CliError::Interrupted => "interrupted".to_owned(),
            CliError::Exit { code, message } => message.clone().unwrap_or_else(|| format!("exit status {code}")),
        }
    }
}

impl From<io::Error> for CliError {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::BrokenPipe { CliError::BrokenPipe } else { CliError::failure(e) }
    }
}

impl From<clap::Error> for CliError {
    fn from(e: clap::Error) -> Self {
        CliError::Clap(e)
    }
}

/// Reports the outcome on stderr and returns the process exit code.
pub fn finish(result: Result<(), CliError>) -> u8 {
    let (code, message, hint) = match result {
        Ok(()) => return 0,
        Err(CliError::BrokenPipe) => return 0,
        Err(CliError::Interrupted) => return 130,
        Err(CliError::Exit { code, message: None }) => return code,
        Err(CliError::Clap(e)) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            // Help and version go to stdout; a closed pipe there is fine too.
            let _ = e.print();
            return code;
        }
        Err(CliError::Failure { message, hint }) => (1, message, hint),
        Err(CliError::Usage { message, hint }) => (2, message, hint),
        Err(CliError::CheckFailed { message }) => (3, message, None),
        Err(CliError::Exit { code, message: Some(message) }) => (code, message, None),
    };
    tracing::debug!(code, %message, "command failed");
    let mut stderr = io::stderr().lock();
    let _ = writeln!(stderr, "error: {message}");
    if let Some(hint) = hint {
        let _ = writeln!(stderr, "hint: {hint}");
    }
    code
}
