//! Gossip encryption on three real servers (in-process agents, real UDP, durable data
//! directories): a key rotation by `fedctl keyring` with no member ever seen failed, the
//! keyring files that outlive it, an agent with another key that cannot join, and a forged
//! leave that an unencrypted pool believes but an encrypted one (ACLs on too) drops and counts.

use std::net::{SocketAddr, UdpSocket};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use fedctl::config::ConfigFlags;
use fedctl::gossip::{MemberId, MemberStatus};
use foca::{Codec, Header, Message, PostcardCodec};
use serde_json::Value;

use crate::support::agent::{TestAgent, acl_hcl, agent_starting, one_of_three};
use crate::support::{eventually, temp_dir};

/// Server `n`, its gossip encrypted with `key`; with `acl`, ACLs on too (default deny, the
/// master token [`MASTER`]).
async fn server(dir: &Path, n: usize, key: Option<&str>, acl: bool, join: Option<SocketAddr>) -> TestAgent {
    let config_files = if acl {
        let path = dir.join(format!("acl-s{n}.hcl"));
        std::fs::write(&path, acl_hcl(Some(MASTER))).unwrap();
        vec![path]
    } else {
        Vec::new()
    };
    agent_starting(ConfigFlags {
        config_files,
        encrypt: key.map(str::to_owned),
        ..one_of_three(dir, n, join.map(|a| a.to_string()))
    })
    .await
}

fn lan(agent: &TestAgent) -> &fedctl::gossip::Gossip {
    agent.agent.gossip.as_ref().expect("a LAN pool")
}

const MASTER: &str = "6d1f4a2e-93b1-4c8e-9f0a-2b7c5d8e1f3a";

/// Three servers of one datacenter, all alive in each other's LAN pool.
async fn three(dir: &Path, key: Option<&str>, acl: bool) -> Vec<TestAgent> {
    let first = server(dir, 0, key, acl, None).await;
    let join = Some(lan(&first).local().addr);
    let (second, third) = tokio::join!(server(dir, 1, key, acl, join), server(dir, 2, key, acl, join));
    let servers = vec![first, second, third];
    for s in &servers {
        eventually("three servers alive in the LAN pool", async || alive(lan(s)) == 3).await;
    }
    servers
}

fn alive(pool: &fedctl::gossip::Gossip) -> usize {
    pool.members().iter().filter(|m| m.status == MemberStatus::Alive).count()
}

async fn keyring_list(agent: &TestAgent, dir: &Path) -> Vec<Value> {
    let run = agent.cli(dir, &["keyring", "-list", "-format=json"]).await;
    assert_eq!(run.code, 0, "{run:?}");
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {run:?}"))
}

/// Each pool's keys as `key [held/members]`, pools in the answer's order.
fn shown(pools: &[Value]) -> Vec<(String, Vec<String>)> {
    pools
        .iter()
        .map(|p| {
            let name = if p["WAN"] == true {
                "WAN".to_owned()
            } else {
                format!("{} (LAN)", p["Datacenter"].as_str().unwrap())
            };
            let keys =
                p["Keys"].as_object().unwrap().iter().map(|(k, n)| format!("{k} [{n}/{}]", p["NumNodes"])).collect();
            (name, keys)
        })
        .collect()
}

fn keyring_file(dir: &Path, n: usize, file: &str) -> Vec<String> {
    let text = std::fs::read_to_string(dir.join(format!("s{n}/serf/{file}"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_key_rotation_across_three_servers_marks_no_member_failed_and_outlives_a_restart() {
    let dir = temp_dir();
    let d = dir.path();
    let keygen = || {
        let run = std::process::Command::new(crate::support::FEDCTL).arg("keygen").output().unwrap();
        assert!(run.status.success(), "{run:?}");
        String::from_utf8(run.stdout).unwrap().trim().to_owned()
    };
    let old = keygen();
    let servers = three(d, Some(&old), false).await;
    let new = keygen();
    assert_ne!(old, new);
    assert_eq!(base64_len(&new), 32, "keygen makes 32-byte keys");

    // Watch every server's view of the pool for the whole rotation.
    let failed = Arc::new(AtomicBool::new(false));
    let watching = Arc::new(AtomicBool::new(true));
    let watchers: Vec<_> = servers
        .iter()
        .map(|s| {
            let mut view = lan(s).subscribe();
            let (failed, watching) = (failed.clone(), watching.clone());
            tokio::spawn(async move {
                while watching.load(Ordering::Relaxed) {
                    if view.borrow_and_update().values().any(|m| m.status != MemberStatus::Alive) {
                        failed.store(true, Ordering::Relaxed);
                    }
                    let _ = tokio::time::timeout(std::time::Duration::from_millis(50), view.changed()).await;
                }
            })
        })
        .collect();

    let before = keyring_list(&servers[1], d).await;
    assert_eq!(
        shown(&before),
        [("WAN".into(), vec![format!("{old} [3/3]")]), ("dc1 (LAN)".into(), vec![format!("{old} [3/3]")])]
    );
    let install = servers[1].cli(d, &["keyring", "-install", &new]).await;
    assert_eq!(install.code, 0, "{install:?}");
    assert!(install.stderr.contains("==> Installing new gossip encryption key..."), "{install:?}");
    let both = keyring_list(&servers[2], d).await;
    for (_, keys) in shown(&both) {
        assert_eq!(keys.len(), 2, "{both:?}");
        assert!(keys.iter().all(|k| k.ends_with("[3/3]")), "every member holds both: {both:?}");
    }
    let used = servers[0].cli(d, &["keyring", "-use", &new]).await;
    assert_eq!(used.code, 0, "{used:?}");
    let removed = servers[0].cli(d, &["keyring", "-remove", &old]).await;
    assert_eq!(removed.code, 0, "{removed:?}");
    let after = keyring_list(&servers[0], d).await;
    assert_eq!(
        shown(&after),
        [("WAN".into(), vec![format!("{new} [3/3]")]), ("dc1 (LAN)".into(), vec![format!("{new} [3/3]")])]
    );
    // The primary cannot be removed: every member says so, and the command fails.
    let primary = servers[0].cli(d, &["keyring", "-remove", &new]).await;
    assert_eq!(primary.code, 1, "{primary:?}");
    assert!(primary.stderr.contains("dc1 (LAN) error: 3/3 nodes reported failure"), "{primary:?}");
    assert!(primary.stderr.contains("s2: Removing the primary key is not allowed"), "{primary:?}");
    let table = servers[0].cli(d, &["keyring", "-list"]).await;
    assert_eq!(table.stdout, format!("\nWAN:\n  {new} [3/3]\n\ndc1 (LAN):\n  {new} [3/3]\n"), "{table:?}");

    watching.store(false, Ordering::Relaxed);
    for w in watchers {
        w.await.unwrap();
    }
    assert!(!failed.load(Ordering::Relaxed), "no member was ever seen failed during the rotation");
    for n in 0..3 {
        assert_eq!(keyring_file(d, n, "local.keyring"), vec![new.clone()], "s{n}");
        assert_eq!(keyring_file(d, n, "remote.keyring"), vec![new.clone()], "s{n}");
    }

    // An agent that still has the old key only cannot join: its packets are dropped and counted.
    let stranger_dir = temp_dir();
    let stranger = server(stranger_dir.path(), 9, Some(&old), false, Some(lan(&servers[0]).local().addr)).await;
    eventually("the servers drop the stranger's packets", async || lan(&servers[0]).keyring().unwrap().dropped() > 0)
        .await;
    assert!(lan(&servers[0]).members().iter().all(|m| m.id.name != "s9"), "the stranger never joined");
    let metrics: Value =
        servers[0].http.get(servers[0].url("/v1/agent/metrics")).send().await.unwrap().json().await.unwrap();
    let dropped =
        metrics["Counters"].as_array().unwrap().iter().find(|c| c["Name"] == "fedctl.gossip.lan.dropped_packets");
    assert!(dropped.is_some_and(|c| c["Count"].as_u64() > Some(0)), "{metrics}");
    stranger.stop().await;
    // One with the new key joins.
    let newcomer_dir = temp_dir();
    let newcomer = server(newcomer_dir.path(), 8, Some(&new), false, Some(lan(&servers[1]).local().addr)).await;
    eventually("a newcomer with the new key joins", async || alive(lan(&servers[0])) == 4).await;
    newcomer.stop().await;

    // A restarted server keeps the rotated keyring, whatever -encrypt it is given again.
    let last = servers.into_iter().nth(2).unwrap();
    last.stop().await;
    let restarted = server(d, 2, Some(&old), false, None).await;
    assert_eq!(lan(&restarted).keyring().unwrap().keys(), vec![new.clone()], "the keyring file wins over -encrypt");
}

fn base64_len(key: &str) -> usize {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.decode(key).unwrap().len()
}

/// A foca Announce from `src` (a real member's identity, newer, marked leaving) to whoever
/// listens at `to`: in the clear, a pool believes it (the member left).
fn forged_leave(src: &MemberId, to: SocketAddr) -> Vec<u8> {
    let header =
        Header { src: src.leaving(), src_incarnation: 7, dst: MemberId::probe(to), message: Message::Announce };
    let mut packet = Vec::new();
    PostcardCodec.encode_header(&header, &mut packet).unwrap();
    packet
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forged_leave_is_believed_in_the_clear_and_dropped_and_counted_when_encrypted() {
    let socket = UdpSocket::bind("127.0.0.1:0").unwrap();
    for key in [None, Some(fedctl::gossip::generate_key())] {
        let dir = temp_dir();
        // Encrypted, ACLs are on too (default deny): neither lets the forgery in.
        let servers = three(dir.path(), key.as_deref(), key.is_some()).await;
        let (target, victim) = (lan(&servers[0]), lan(&servers[1]).local().clone());
        let packet = forged_leave(&victim, target.local().addr);
        let status = || target.members().into_iter().find(|m| m.id.name == victim.name).map(|m| m.status);
        match target.keyring() {
            None => {
                // The control: without encryption, the forgery works.
                eventually("a forged leave is believed in the clear", async || {
                    socket.send_to(&packet, target.local().addr).unwrap();
                    status() == Some(MemberStatus::Left)
                })
                .await;
            }
            Some(ring) => {
                let before = ring.dropped();
                for _ in 0..20 {
                    socket.send_to(&packet, target.local().addr).unwrap();
                }
                eventually("the forged packets are dropped and counted", async || ring.dropped() >= before + 20).await;
                assert_eq!(status(), Some(MemberStatus::Alive), "the victim is still alive");
                assert_eq!(alive(target), 3);
            }
        }
    }
}
