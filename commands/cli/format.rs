use clap::ValueEnum;

/// How a command prints its result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// For people: tables and `==>` lines.
    #[default]
    Table,
    /// For programs: one JSON document on stdout.
    Json,
}

/// `-format=table|json`, flattened into every command that prints a result.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct FormatArg {
    /// Output format: table (for people) or json (for programs).
    #[arg(long, value_enum, default_value_t = Format::Table, value_name = "FORMAT")]
    pub format: Format,
}

impl FormatArg {
    pub fn is_json(&self) -> bool {
        self.format == Format::Json
    }
}

/// RFC 3339 text for a timestamp shown to users or emitted as JSON.
pub fn rfc3339(t: time::OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339).unwrap_or_else(|_| t.to_string())
}
