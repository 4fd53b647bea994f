//! Consul-style flag normalisation (`-node n1` == `--node n1`), tested without clap.

use std::ffi::OsString;

use fedctl::argv::{FlagSpec, normalize};

fn spec() -> FlagSpec {
    let create = FlagSpec::new()
        .long("node", true)
        .long("dc", true)
        .long("server", false)
        .long("help", false)
        .short('h', false)
        .short('o', true);
    let cert = FlagSpec::new().long("help", false).subcommand("create", create);
    let tls = FlagSpec::new().long("help", false).subcommand("cert", cert);
    FlagSpec::new().long("help", false).long("version", false).short('V', false).subcommand("tls", tls).external()
}

fn norm(args: &[&str]) -> Vec<String> {
    let args = std::iter::once("fedctl").chain(args.iter().copied()).map(OsString::from);
    normalize(&spec(), args).into_iter().skip(1).map(|s| s.into_string().unwrap()).collect()
}

#[test]
fn single_dash_long_options_become_double_dash() {
    assert_eq!(
        norm(&["tls", "cert", "create", "-node", "n1", "-server"]),
        ["tls", "cert", "create", "--node", "n1", "--server"]
    );
}

#[test]
fn equals_form_is_rewritten_with_its_value() {
    assert_eq!(
        norm(&["tls", "cert", "create", "-node=n1", "-dc=dc2"]),
        ["tls", "cert", "create", "--node=n1", "--dc=dc2"]
    );
}

#[test]
fn double_dash_forms_are_left_alone() {
    let args = ["tls", "cert", "create", "--node", "n1", "--dc=dc2", "--server"];
    assert_eq!(norm(&args), args);
}

#[test]
fn single_letter_short_flags_are_kept() {
    assert_eq!(norm(&["-V"]), ["-V"]);
    assert_eq!(norm(&["tls", "cert", "create", "-h"]), ["tls", "cert", "create", "-h"]);
}

#[test]
fn a_value_starting_with_a_dash_is_not_rewritten() {
    assert_eq!(
        norm(&["tls", "cert", "create", "-node", "-server", "-dc", "dc1"]),
        ["tls", "cert", "create", "--node", "-server", "--dc", "dc1"]
    );
    assert_eq!(norm(&["tls", "cert", "create", "--node", "-server"]), ["tls", "cert", "create", "--node", "-server"]);
    // A short option that takes a value protects its value too.
    assert_eq!(norm(&["tls", "cert", "create", "-o", "-server"]), ["tls", "cert", "create", "-o", "-server"]);
}

#[test]
fn a_boolean_flag_does_not_swallow_the_next_word() {
    assert_eq!(
        norm(&["tls", "cert", "create", "-server", "-node", "n1"]),
        ["tls", "cert", "create", "--server", "--node", "n1"]
    );
}

#[test]
fn names_are_looked_up_in_the_current_subcommand_only() {
    // `node` is an option of `tls cert create`, not of `tls`: there it is an unknown long flag
    // (for the parser to reject by name) and `n1` is not taken as its value.
    assert_eq!(norm(&["tls", "-node", "n1"]), ["tls", "--node", "n1"]);
    assert_eq!(norm(&["tls", "cert", "create", "-node", "n1"]), ["tls", "cert", "create", "--node", "n1"]);
    // `help` exists at every level.
    assert_eq!(norm(&["tls", "-help"]), ["tls", "--help"]);
}

#[test]
fn unknown_single_dash_long_words_reach_the_parser_as_unknown_long_flags() {
    // Not as the short flag `-b` followed by "ogus": the parser can then say "did you mean".
    assert_eq!(norm(&["tls", "cert", "create", "-bogus"]), ["tls", "cert", "create", "--bogus"]);
    assert_eq!(norm(&["tls", "cert", "create", "-nod=n1"]), ["tls", "cert", "create", "--nod=n1"]);
    // A cluster of known shorts and words that are not spelled like flags stay as they are.
    assert_eq!(norm(&["tls", "cert", "create", "-hh", "-5x"]), ["tls", "cert", "create", "-hh", "-5x"]);
}

#[test]
fn everything_after_a_double_dash_is_verbatim() {
    assert_eq!(norm(&["tls", "cert", "create", "--", "-node", "n1"]), ["tls", "cert", "create", "--", "-node", "n1"]);
}

#[test]
fn plugin_arguments_are_passed_verbatim() {
    assert_eq!(norm(&["foo", "-node", "n1", "-help"]), ["foo", "-node", "n1", "-help"]);
}

#[test]
fn a_lone_dash_and_negative_numbers_are_positional() {
    assert_eq!(norm(&["tls", "-", "-5"]), ["tls", "-", "-5"]);
}

#[cfg(unix)]
#[test]
fn non_utf8_arguments_pass_through() {
    use std::os::unix::ffi::OsStringExt;
    let raw = OsString::from_vec(vec![b'-', 0xff, 0xfe]);
    let args = vec![OsString::from("fedctl"), OsString::from("tls"), raw.clone()];
    assert_eq!(normalize(&spec(), args)[2], raw);
}
