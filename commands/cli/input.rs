//! What commands read besides their flags: a file named as an argument, or standard input.

use std::io::Read;

use super::CliError;

/// The text of the file `source`, or of standard input for `-`; a failure in the reference's
/// words (`Failed to load data: ...`).
pub fn load_data(source: &str) -> Result<String, CliError> {
    let text = if source == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).map(|_| text).map_err(|e| format!("reading standard input: {e}"))
    } else {
        std::fs::read_to_string(source).map_err(|e| format!("reading {source}: {e}"))
    };
    text.map_err(|e| CliError::failure(format!("Failed to load data: {e}")))
}
