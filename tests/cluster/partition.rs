//! A leader cut off from its datacenter by a network partition (three server processes, each
//! in its own network namespace on one bridge): it serves no stale read, refuses reads and
//! writes at once with a typed error instead of holding them, says it knows no leader, and
//! follows the new leader once the partition heals. Default reads are linearizable.

use crate::support::netns::{Ns, Topology};
use crate::support::process::AgentProcess;
use crate::support::{FEDCTL, eventually_with, temp_dir};

/// A request from inside `ns` to its agent: status, the X-Consul-* headers, and the body.
struct Answer {
    status: u16,
    headers: String,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }
}

/// `curl` inside `ns`; `--max-time` only detects a request that hangs (the reference's hold
/// is 7 s), it is not a measurement.
fn call(ns: &Ns, method: &str, path: &str, body: Option<&str>) -> Answer {
    let url = format!("http://127.0.0.1:8500{path}");
    let mut cmd = ns.command("curl");
    cmd.args(["-s", "-i", "--max-time", "20", "-X", method, &url]);
    if let Some(b) = body {
        cmd.args(["--data-binary", b]);
    }
    let out = cmd.output().expect("curl");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    Answer { status, headers: head.to_owned(), body: body.to_owned() }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_partitioned_leader_serves_no_stale_read_and_fails_fast_until_the_partition_heals() {
    let Some(mut topo) = Topology::new("to partition a leader from its datacenter") else {
        return;
    };
    let lan = topo.network("lan");
    let hosts: Vec<usize> = (0..3).map(|n| topo.host(&format!("s{n}"))).collect();
    for (n, host) in hosts.iter().enumerate() {
        topo.attach(*host, lan, &format!("10.77.0.{}/24", n + 1));
    }
    let dir = temp_dir();
    let agents: Vec<AgentProcess> = (0..3)
        .map(|n| {
            let ip = format!("10.77.0.{}", n + 1);
            let mut cmd = topo.ns(hosts[n]).command(FEDCTL);
            cmd.args(["agent", "-server", "-bootstrap-expect", "3", "-node", &format!("s{n}")])
                .args(["-bind", &ip, "-advertise", &ip, "-retry-join", "10.77.0.1"])
                .args(["-data-dir", &dir.path().join(format!("s{n}")).display().to_string()]);
            AgentProcess::spawn(cmd)
        })
        .collect();
    let logs = || agents.iter().map(|a| a.log()).collect::<Vec<_>>().join("\n---\n");
    let ns = |n: usize| topo.ns(hosts[n]);
    let leader = |n: usize| call(ns(n), "GET", "/v1/status/leader", None).body.trim_matches('"').to_owned();
    eventually_with("every server knows the leader", logs, async || (0..3).all(|n| leader(n).contains(":8300"))).await;
    let old = (0..3).find(|n| leader(*n).starts_with(&format!("10.77.0.{}:", n + 1))).unwrap();
    let follower = (old + 1) % 3;
    assert_eq!(call(ns(old), "PUT", "/v1/kv/k", Some("v1")).body, "true");

    // Cut the leader off. The others elect a new leader and take a newer write.
    topo.set_link(hosts[old], lan, false);
    eventually_with("the majority takes a write", logs, async || {
        call(ns(follower), "PUT", "/v1/kv/k", Some("v2")).body == "true"
    })
    .await;
    assert_eq!(call(ns(follower), "GET", "/v1/kv/k?raw", None).body, "v2");

    // The old leader: no stale read, no held request, no claim to know a leader.
    let read = call(ns(old), "GET", "/v1/kv/k?raw", None);
    assert_ne!(read.body, "v1", "a default read on the partitioned leader was stale");
    assert_eq!(read.status, 500, "a default read on the partitioned leader: {} {}", read.status, read.body);
    assert!(read.body.contains("leadership lost"), "a typed error: {}", read.body);
    let consistent = call(ns(old), "GET", "/v1/kv/k?raw&consistent", None);
    assert!(consistent.status == 500 && consistent.body.contains("leadership lost"), "{}", consistent.body);
    let write = call(ns(old), "PUT", "/v1/kv/k", Some("lost"));
    assert!(write.status == 500 && write.body.contains("leadership lost"), "a write: {} {}", write.status, write.body);
    let stale = call(ns(old), "GET", "/v1/kv/k?stale", None);
    assert_eq!(stale.status, 200, "?stale is still served: {}", stale.body);
    assert_eq!(stale.header("X-Consul-KnownLeader"), Some("false"), "{}", stale.headers);
    let contact: u64 = stale.header("X-Consul-LastContact").unwrap().parse().unwrap();
    assert!(contact >= 1000, "LastContact says how long since a quorum answered: {contact} ms");
    assert_eq!(leader(old), "", "/v1/status/leader names no leader");

    // Healed: the old leader follows the new one, and its default reads are current.
    topo.set_link(hosts[old], lan, true);
    eventually_with("the old leader reads the newer write", logs, async || {
        call(ns(old), "GET", "/v1/kv/k?raw", None).body == "v2"
    })
    .await;
    let new_leader = leader(follower);
    eventually_with("the old leader knows the new leader", logs, async || leader(old) == new_leader).await;
    assert_eq!(call(ns(old), "GET", "/v1/kv/k?raw", None).body, "v2", "the write refused while cut off never landed");
}
