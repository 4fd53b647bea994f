//! `fedctl lab up -detach` as a user runs it (real Envoy gateways, TLS, loopback): the
//! "federated" time it reports, beside its first stage (every agent answering).

use std::process::Command;

use serde_json::Value;

use crate::Ctx;
use crate::procs::FEDCTL;
use crate::report::{Row, Stat, Target};

const AREA: &str = "lab";

/// One `lab up -detach` then `lab down`: (agents up, federated) in seconds.
fn one(ctx: &Ctx, datacenters: usize, servers: usize) -> (f64, f64) {
    let tmp = ctx.tempdir();
    let dir = tmp.path().join("lab");
    let (n, m) = (datacenters.to_string(), servers.to_string());
    let up = Command::new(FEDCTL)
        .args(["lab", "up", "-detach", "-format=json", "-datacenters", &n, "-servers", &m, "-dir"])
        .arg(&dir)
        .env("TMPDIR", tmp.path())
        .output()
        .unwrap();
    let down = Command::new(FEDCTL).args(["lab", "down", "-dir"]).arg(&dir).env("TMPDIR", tmp.path()).output().unwrap();
    assert!(up.status.success(), "lab up: {}", String::from_utf8_lossy(&up.stderr));
    assert!(down.status.success(), "lab down: {}", String::from_utf8_lossy(&down.stderr));
    let report: Value = serde_json::from_slice(&up.stdout).unwrap();
    let agents_up = report["Stages"][0]["AfterSecs"].as_f64().unwrap();
    (agents_up, report["FederatedAfterSecs"].as_f64().unwrap())
}

pub async fn run(ctx: &Ctx) -> Vec<Row> {
    let mut rows = Vec::new();
    // A quick run (a smoke test of the runner) skips the large shape.
    let shapes: &[(usize, usize, f64)] = if ctx.quick { &[(2, 1, 5.0)] } else { &[(2, 1, 5.0), (3, 3, 10.0)] };
    for &(n, m, target) in shapes {
        let (mut up, mut federated) = (Vec::new(), Vec::new());
        for run in 0..ctx.runs {
            eprintln!("lab {n}x{m}: run {}/{}", run + 1, ctx.runs);
            let (u, f) = tokio::task::block_in_place(|| one(ctx, n, m));
            up.push(u);
            federated.push(f);
        }
        rows.push(
            Row::new(
                AREA,
                format!("`lab up -datacenters {n} -servers {m}` reports federated"),
                Stat::of(&federated, "s"),
            )
            .baseline("its agents all answering", Stat::of(&up, "s"))
            .target(Target::AtMost(target)),
        );
    }
    rows
}
