//! Logs go to stderr. `FEDCTL_LOG` (tracing's env-filter syntax, e.g. `debug` or
//! `fedctl::raft=trace`) overrides the level a command picks.

pub fn init(default_level: &str, json: bool) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("FEDCTL_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(format!("{default_level},openraft=warn")));
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_ansi(ansi);
    let _ = if json { builder.json().try_init() } else { builder.try_init() };
}
