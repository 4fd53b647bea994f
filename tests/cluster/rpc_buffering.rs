//! What a peer can make the server port buffer, against a real agent process: frames declared
//! large and trickled on many connections hold at most the listener's frame budget (64 MiB),
//! not their sum, and small requests are served all the while.

use std::time::Duration;

use fedctl::rpc::message::{Answer, Envelope, Reply, Request, decode, encode};
use fedctl::rpc::{ClientOptions, RpcClient, Target};
use fedctl::state::RequestContext;
use fedctl::tls::Protocol;
use tokio::io::AsyncWriteExt;

use crate::support::process::{AgentProcess, FREE_PORTS};
use crate::support::{fedctl_cmd, temp_dir};

const MIB: usize = 1024 * 1024;
/// Connections, each with one frame of `BODY` bytes that never gets its last byte.
const CONNECTIONS: usize = 20;
const BODY: usize = 15 * MIB;

/// The process's resident memory, from /proc.
fn rss_bytes(pid: u32) -> usize {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let kib: usize = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .unwrap()
        .trim()
        .trim_end_matches(" kB")
        .trim()
        .parse()
        .unwrap();
    kib * 1024
}

async fn ping(rpc: &str) -> Reply {
    let client = RpcClient::new(ClientOptions::default());
    let target = Target { addr: rpc.to_owned(), node: None, datacenter: "dc1".into() };
    let body = encode(&Envelope { context: RequestContext::new(), request: Request::Ping }).unwrap();
    let reply = client.call(&target, Protocol::Rpc, body).await.expect("a ping is answered");
    decode::<Answer>(&reply).unwrap().expect("a pong")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn large_frames_trickled_on_twenty_connections_hold_the_frame_budget_not_their_sum() {
    let dir = temp_dir();
    let mut cmd = fedctl_cmd(dir.path());
    cmd.args(["agent", "-dev", "-node", "n1"]).args(FREE_PORTS);
    let agent = AgentProcess::spawn(cmd);
    agent.wait_for_leader().await;
    let pid = agent.child.id();
    let before = rss_bytes(pid);

    // Each connection: the RPC type byte, a frame header declaring BODY bytes, then all but
    // the last byte of the body, as fast as the server reads it.
    let rpc = agent.rpc.clone();
    let (sent_tx, mut sent) = tokio::sync::mpsc::unbounded_channel();
    let mut writers = Vec::new();
    for id in 0..CONNECTIONS as u64 {
        let (rpc, sent_tx) = (rpc.clone(), sent_tx.clone());
        writers.push(tokio::spawn(async move {
            let mut tcp = tokio::net::TcpStream::connect(&rpc).await.unwrap();
            let mut head = vec![0u8];
            head.extend_from_slice(&((BODY + 9) as u32).to_be_bytes());
            head.extend_from_slice(&id.to_be_bytes());
            head.push(1); // a request
            tcp.write_all(&head).await.unwrap();
            let chunk = vec![0x90u8; MIB];
            for _ in 0..BODY / MIB - 1 {
                if tcp.write_all(&chunk).await.is_err() {
                    return tcp;
                }
            }
            let _ = tcp.write_all(&chunk[..MIB - 1]).await;
            let _ = sent_tx.send(id);
            tcp // held open, the frame unfinished
        }));
    }
    drop(sent_tx);
    // The budget has room for four such frames: four connections get to send everything.
    for _ in 0..4 {
        tokio::time::timeout(Duration::from_secs(60), sent.recv()).await.expect("four frames buffered within 60s");
    }
    let grown = rss_bytes(pid).saturating_sub(before);
    let answer = ping(&agent.rpc).await;
    assert!(matches!(answer, Reply::Pong(ref p) if p.node == "n1"), "a small request is served: {answer:?}");
    let also_sent = std::iter::from_fn(|| sent.try_recv().ok()).count();
    assert!(
        grown < 100 * MIB,
        "{CONNECTIONS} connections with {} MiB frames grew the server by {} MiB (budget 64 MiB); {also_sent} more connections sent everything",
        BODY / MIB,
        grown / MIB
    );
    assert_eq!(also_sent, 0, "only the four with room in the budget were read to the end");
    for w in writers {
        w.abort();
    }
}
