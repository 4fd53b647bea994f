//! Bridges the clap definitions to [`fedctl::argv::FlagSpec`], so Consul-style single-dash
//! long flags work for every option of every subcommand without listing them twice.

use fedctl::argv::FlagSpec;

/// The flag spec of the command tree `cmd` (built: global args propagated, help and version
/// flags added).
pub fn spec_of(cmd: &clap::Command) -> FlagSpec {
    let mut spec = FlagSpec::new();
    spec.set_external(cmd.is_allow_external_subcommands_set());
    for arg in cmd.get_arguments() {
        let takes_value = arg.get_action().takes_values();
        for long in arg.get_long_and_visible_aliases().into_iter().flatten() {
            spec.add_long(long, takes_value);
        }
        for short in arg.get_short_and_visible_aliases().into_iter().flatten() {
            spec.add_short(short, takes_value);
        }
    }
    for sub in cmd.get_subcommands() {
        let sub_spec = spec_of(sub);
        for alias in sub.get_all_aliases() {
            spec.add_subcommand(alias, sub_spec.clone());
        }
        spec.add_subcommand(sub.get_name(), sub_spec);
    }
    spec
}
