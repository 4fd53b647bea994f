//! Gossip is not authenticated: crafted UDP packets (foca's own encoding) claim a fake server
//! joined, a real server left, and a fake WAN member of another datacenter exists. Against
//! three real server processes with mutual TLS, none of them changes the raft voters, the
//! catalog, or the datacenters: the leader asks each server over the server port who it is
//! before believing gossip, and logs each refusal once.

use std::net::{SocketAddr, UdpSocket};
use std::path::Path;

use fedctl::gossip::{MemberId, MemberMeta};
use foca::{Codec, Header, Message, PostcardCodec};
use serde_json::Value;

use super::processes::{leader_of, tls_file, unassigned_port};
use crate::support::process::{AgentProcess, get};
use crate::support::{eventually_with, fedctl_cmd, fedctl_ok, http_client, temp_dir};

struct Server {
    agent: AgentProcess,
    name: String,
    gossip: SocketAddr,
    wan: SocketAddr,
    rpc_port: u16,
}

fn spawn(dir: &Path, n: usize, join: Option<SocketAddr>) -> Server {
    let (rpc, serf, wan) = (unassigned_port(), unassigned_port(), unassigned_port());
    let mut cmd = fedctl_cmd(dir);
    cmd.args(["agent", "-server", "-bootstrap-expect", "3", "-node", &format!("s{n}")])
        .args(["-bind", "127.0.0.1", "-advertise", "127.0.0.1", "-http-port", "0", "-grpc-port", "0"])
        .args(["-dns-port", "0"])
        .args(["-server-port", &rpc.to_string(), "-serf-lan-port", &serf.to_string()])
        .args(["-serf-wan-port", &wan.to_string()])
        .args(["-data-dir", &dir.join(format!("data-s{n}")).display().to_string()])
        .args(["-config-file", &tls_file(dir, n)]);
    if let Some(j) = join {
        cmd.args(["-join", &j.to_string()]);
    }
    Server {
        agent: AgentProcess::spawn(cmd),
        name: format!("s{n}"),
        gossip: ([127, 0, 0, 1], serf).into(),
        wan: ([127, 0, 0, 1], wan).into(),
        rpc_port: rpc,
    }
}

/// A foca Announce from `src`, addressed to whoever listens at `to`: the smallest packet that
/// makes a member believe `src` exists (as it claims itself to be).
fn announce(src: &MemberId, to: SocketAddr) -> Vec<u8> {
    let header = Header { src: src.clone(), src_incarnation: 0, dst: MemberId::probe(to), message: Message::Announce };
    let mut packet = Vec::new();
    PostcardCodec.encode_header(&header, &mut packet).unwrap();
    packet
}

fn server_meta(datacenter: &str, rpc_port: u16) -> MemberMeta {
    MemberMeta { server: true, datacenter: datacenter.into(), rpc_port, build: "1.8.0".into(), ..MemberMeta::default() }
}

async fn json(http: &str, path: &str) -> Value {
    get(&http_client(), &format!("{http}{path}")).await.json().await.unwrap_or(Value::Null)
}

fn member_status(members: &Value, name: &str) -> Option<i64> {
    members.as_array()?.iter().find(|m| m["Name"] == name)?["Status"].as_i64()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forged_gossip_changes_neither_raft_voters_nor_the_catalog_nor_the_datacenters() {
    let dir = temp_dir();
    let p = dir.path();
    fedctl_ok(p, &["tls", "ca", "create"]);
    for n in 0..3 {
        fedctl_ok(p, &["tls", "cert", "create", "-server", "-node", &format!("s{n}")]);
    }
    let s0 = spawn(p, 0, None);
    let join = s0.gossip;
    let servers = [s0, spawn(p, 1, Some(join)), spawn(p, 2, Some(join))];
    let logs = || servers.iter().map(|s| format!("--- {}\n{}", s.name, s.agent.log())).collect::<String>();
    for s in &servers {
        eventually_with("a leader", logs, async || !leader_of(&s.agent.http).await.is_empty()).await;
    }
    let leader_rpc = leader_of(&servers[0].agent.http).await;
    let leader = servers.iter().find(|s| s.agent.rpc == leader_rpc).unwrap();
    let victim = servers.iter().find(|s| s.agent.rpc != leader_rpc).unwrap();
    let http = leader.agent.http.clone();
    eventually_with("three voters and every server in the catalog", logs, async || {
        let nodes = json(&http, "/v1/catalog/nodes").await;
        json(&http, "/v1/status/peers").await.as_array().is_some_and(|a| a.len() == 3)
            && nodes.as_array().is_some_and(|a| a.len() == 3)
    })
    .await;
    let attacker = UdpSocket::bind("127.0.0.1:0").unwrap();
    let spray = |packet: &dyn Fn(SocketAddr) -> Vec<u8>, to: &[SocketAddr]| {
        for addr in to {
            attacker.send_to(&packet(*addr), addr).unwrap();
        }
    };
    let lan: Vec<SocketAddr> = servers.iter().map(|s| s.gossip).collect();

    // 1. Two fake servers join: one whose server port is closed, one pointing at a real
    //    server's port (whose certificate names another node).
    let fake_a = MemberId::new("fake-a", attacker.local_addr().unwrap(), server_meta("dc1", unassigned_port()));
    let fake_b =
        MemberId::new("fake-b", ([127, 0, 0, 1], unassigned_port()).into(), server_meta("dc1", victim.rpc_port));
    for fake in [&fake_a, &fake_b] {
        spray(&|to| announce(fake, to), &lan);
    }
    eventually_with("the leader refused both fakes as voters", logs, async || {
        let log = leader.agent.log();
        let refused = |name: &str| {
            log.lines().any(|l| l.contains("not adding a server gossip names as a raft voter") && l.contains(name))
        };
        refused("fake-a@") && refused("fake-b@")
    })
    .await;
    let members = json(&http, "/v1/agent/members").await;
    assert!(member_status(&members, "fake-a").is_some(), "the forged join reached gossip: {members}");

    // 2. A forged leave of a real follower: its own identity, newer, marked leaving.
    let forged_leave = MemberId {
        name: victim.name.clone(),
        addr: victim.gossip,
        generation: u64::MAX / 2,
        meta: MemberMeta { leaving: true, wan_port: victim.wan.port(), ..server_meta("dc1", victim.rpc_port) },
    };
    spray(&|to| announce(&forged_leave, to), &[leader.gossip]);
    eventually_with("gossip on the leader believes the forged leave", logs, async || {
        member_status(&json(&http, "/v1/agent/members").await, &victim.name) == Some(3)
    })
    .await;
    eventually_with("the leader checked the victim and kept it", logs, async || {
        leader.agent.log().lines().any(|l| l.contains("answers as itself on its server port: keeping it"))
    })
    .await;

    // 3. A fake WAN member of a datacenter that does not exist.
    let evil = MemberId::new("evil.dc9", attacker.local_addr().unwrap(), server_meta("dc9", unassigned_port()));
    spray(&|to| announce(&evil, to), &[leader.wan]);
    eventually_with("the leader ignored the fake WAN member", logs, async || {
        leader.agent.log().lines().any(|l| l.contains("ignoring a WAN member") && l.contains("evil.dc9"))
    })
    .await;
    let wan_members = json(&http, "/v1/agent/members?wan=1").await;
    assert!(member_status(&wan_members, "evil.dc9").is_some(), "the forged WAN join reached gossip: {wan_members}");

    // 4. A flood: a thousand forged servers at once (sent again while the leader's socket
    //    drops some: UDP under load).
    let flood_start = std::time::Instant::now();
    let flood: Vec<MemberId> = (0..1000)
        .map(|i| {
            // Each at an address of its own, where nothing listens (127.1.0.0/16 is loopback).
            let addr = SocketAddr::from(([127, 1, (i / 256) as u8, (i % 256) as u8], 9));
            MemberId::new(&format!("flood-{i}"), addr, server_meta("dc1", 9))
        })
        .collect();
    eventually_with("the flood reached gossip", logs, async || {
        for fake in &flood {
            attacker.send_to(&announce(fake, leader.gossip), leader.gossip).unwrap();
        }
        json(&http, "/v1/agent/members").await.as_array().is_some_and(|a| a.len() > 500)
    })
    .await;

    // Nothing that matters changed.
    for s in &servers {
        let http = &s.agent.http;
        let peers = json(http, "/v1/status/peers").await;
        assert_eq!(peers.as_array().map(Vec::len), Some(3), "{}: raft voters {peers}", s.name);
        let nodes = json(http, "/v1/catalog/nodes?stale").await;
        let mut names: Vec<&str> = nodes.as_array().unwrap().iter().filter_map(|n| n["Node"].as_str()).collect();
        names.sort();
        assert_eq!(names, ["s0", "s1", "s2"], "{}: the catalog's nodes", s.name);
        assert_eq!(json(http, "/v1/catalog/datacenters").await, serde_json::json!(["dc1"]), "{}", s.name);
    }
    let (status, _) = {
        let resp = http_client().put(format!("{http}/v1/kv/still-writable")).body("yes").send().await.unwrap();
        (resp.status().as_u16(), resp.text().await.unwrap())
    };
    assert_eq!(status, 200, "the datacenter still takes writes");
    // Each refusal is logged once, not per reconciliation or per packet, and a flood is logged
    // at a bounded rate (membership changes 20 a second, refusals 10 a minute).
    let log = leader.agent.log();
    let flood_lines = log.lines().filter(|l| l.contains("flood-")).count();
    // The throttle counts in fixed one-second windows, and an interval of T seconds touches at
    // most floor(T) + 2 of them (the first may have begun before the flood did).
    let bound = 20 * (flood_start.elapsed().as_secs() as usize + 2) + 10;
    assert!(flood_lines <= bound, "a thousand forged members logged {flood_lines} lines (bound {bound})");
    for (name, refusal) in [
        ("fake-a@", "not adding a server gossip names"),
        ("fake-b@", "not adding a server gossip names"),
        ("evil.dc9", "ignoring a WAN member"),
    ] {
        let lines = log.lines().filter(|l| l.contains(name) && l.contains(refusal)).count();
        assert_eq!(lines, 1, "{name}'s refusal logged {lines} times:\n{log}");
    }
}
