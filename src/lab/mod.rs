//! `fedctl lab`: a federation of several datacenters on this machine, federated through real
//! Envoy mesh gateways, started and checked in one command. The plan (ports, names), the
//! files (certificates, configs), the processes and the readiness checks, the registry of
//! running labs, and the demo (`-demo`: services with sidecars and the echo app they call);
//! the CLI shows progress and the summary.

mod check;
mod demo;
mod demo_start;
mod echo;
mod isolate;
mod plan;
mod registry;
mod run;
mod secure;

pub use check::{Checker, Stage};
pub use demo::{
    CrossUpstream, DEMO_ROUTE, DemoCurl, DemoFailover, DemoService, LabDemo, cross_route, echo_name, registration,
};
pub use demo_start::{register_demo, start_demo_apps, start_demo_sidecars, write_demo_entries};
pub use echo::{echo_response, head_end, serve_echo};
pub use isolate::{build as build_isolation, nat_rules, teardown as teardown_isolation};
pub use plan::{
    Isolation, Lab, LabDatacenter, LabError, LabGateway, LabOptions, LabProcess, LabServer, PortPicker, ProcessKind,
    name_from_dir, valid_name,
};
pub use registry::{LabEntry, Registry, same_dir};
pub use run::{
    alive, first_exited, gone, is_stopping, last_log_line, last_problem_line, log_file, mark_stopping, remove_files,
    start_gateways, start_servers, stop, unmark_stopping, write_files,
};
pub use secure::{JOB_POLICIES, LabSecurity, Secrets, create_tokens, management_token, server_hcl};
