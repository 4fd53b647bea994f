//! fedctl's integration tests: one binary, one folder per kind (`unit/`, `cli/`, `cluster/`,
//! `federation/`, `jepsen/`) and `support/` for what they share; `unit::architecture` checks
//! that no test file is left out of this tree.
//!
//! Library tests call `fedctl::*` directly; CLI tests run the real `fedctl` binary in a
//! temporary directory. Tests that need an outside tool (openssl, man, bash) skip with a
//! message when it is missing, and fail instead when `FEDCTL_REQUIRE_E2E=1` (set by tests/run).

#![allow(clippy::print_stderr, clippy::print_stdout, clippy::unwrap_used)]

mod cli;
mod cluster;
mod federation;
mod jepsen;
mod mesh;
mod support;
mod unit;
