//! `fedctl lab`: a federation of several datacenters on this machine, federated through real
//! Envoy mesh gateways, started and checked in one command. The plan (ports, names), the
//! files (certificates, configs), the processes and the readiness checks; the CLI shows
//! progress and the summary.

mod check;
mod isolate;
mod plan;
mod run;

pub use check::{Checker, Stage};
pub use isolate::{build as build_isolation, teardown as teardown_isolation};
pub use plan::{Isolation, Lab, LabDatacenter, LabError, LabGateway, LabOptions, LabServer, PortPicker};
pub use run::{alive, first_exited, remove_files, start_gateways, start_servers, stop, write_files};
