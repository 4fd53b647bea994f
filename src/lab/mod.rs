//! `fedctl lab`: a federation of several datacenters on this machine, federated through real
//! Envoy mesh gateways, started and checked in one command. The plan (ports, names), the
//! files (certificates, configs), the processes and the readiness checks, and the registry of
//! running labs; the CLI shows progress and the summary.

mod check;
mod isolate;
mod plan;
mod registry;
mod run;

pub use check::{Checker, Stage};
pub use isolate::{build as build_isolation, teardown as teardown_isolation};
pub use plan::{
    Isolation, Lab, LabDatacenter, LabError, LabGateway, LabOptions, LabProcess, LabServer, PortPicker, ProcessKind,
    name_from_dir, valid_name,
};
pub use registry::{LabEntry, Registry, same_dir};
pub use run::{
    alive, first_exited, gone, is_stopping, last_log_line, last_problem_line, log_file, mark_stopping, remove_files,
    start_gateways, start_servers, stop, unmark_stopping, write_files,
};
