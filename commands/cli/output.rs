//! The one place the CLI writes: data to stdout, everything else to stderr.

use std::fmt::Display;
use std::io::{self, Write};

use serde::Serialize;

use super::exit::CliError;

/// Command output. Write errors on stdout (including a closed pipe) are returned so the
/// command stops; stderr messages are best-effort.
#[derive(Debug, Default)]
pub struct Output;

impl Output {
    /// One line of data on stdout.
    pub fn line(&self, line: impl Display) -> Result<(), CliError> {
        writeln!(io::stdout().lock(), "{line}")?;
        Ok(())
    }

    /// Raw bytes on stdout (generated scripts).
    pub fn raw(&self, bytes: &[u8]) -> Result<(), CliError> {
        let mut stdout = io::stdout().lock();
        stdout.write_all(bytes)?;
        stdout.flush()?;
        Ok(())
    }

    /// A value as pretty JSON on stdout.
    pub fn json<T: Serialize>(&self, value: &T) -> Result<(), CliError> {
        let text = serde_json::to_string_pretty(value).map_err(CliError::failure)?;
        self.line(text)
    }

    /// A table for people: aligned columns, no borders (like the reference CLI).
    pub fn table<R: IntoIterator<Item = String>>(
        &self,
        header: &[&str],
        rows: impl IntoIterator<Item = R>,
    ) -> Result<(), CliError> {
        let mut table = comfy_table::Table::new();
        table.load_style(comfy_table::presets::NOTHING).set_header(header.to_vec());
        for row in rows {
            table.add_row(row.into_iter().collect::<Vec<String>>());
        }
        for column in table.column_iter_mut() {
            column.set_padding((0, 2));
        }
        for line in table.to_string().lines() {
            self.line(line.trim_end())?;
        }
        Ok(())
    }

    /// Progress and notes for the person at the terminal, on stderr.
    pub fn info(&self, line: impl Display) {
        let _ = writeln!(io::stderr().lock(), "{line}");
    }
}
