//! Bad packets at the DNS interface (property test): random bytes, real questions cut short or
//! with bytes changed, and names whose compression pointers loop, over UDP and TCP. After each
//! one the server still answers a real question.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream, UdpSocket};
use std::time::Duration;

use hickory_proto::op::{Message, MessageType, Query};
use hickory_proto::rr::{Name, RecordType};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::json;

use super::dns::{dns_agent, register};
use crate::support::eventually;

/// A question for `name` as a client would send it.
fn question(id: u16, name: &str) -> Vec<u8> {
    let mut m = Message::new();
    m.set_id(id).set_message_type(MessageType::Query).set_recursion_desired(true);
    m.add_query(Query::query(Name::from_ascii(name).unwrap(), RecordType::A));
    m.to_vec().unwrap()
}

/// Asks `web.service.consul` over UDP: its answers, or `None` without a reply in 2 s.
fn ask(addr: SocketAddr) -> Option<usize> {
    let socket = UdpSocket::bind("127.0.0.1:0").unwrap();
    socket.set_read_timeout(Some(Duration::from_secs(2))).unwrap();
    let id = rand::random::<u16>();
    socket.send_to(&question(id, "web.service.consul."), addr).unwrap();
    let mut buf = [0u8; 4096];
    loop {
        let n = socket.recv(&mut buf).ok()?;
        if let Ok(reply) = Message::from_vec(&buf[..n])
            && reply.id() == id
        {
            return Some(reply.answers().len());
        }
    }
}

/// A header, then a name of `labels` labels ending in a pointer to `target` (at or before the
/// pointer: a loop), then a type and class; the counts say what follows.
fn compression_loop(id: u16, counts: [u8; 4], labels: Vec<Vec<u8>>, target: usize) -> Vec<u8> {
    let mut p = id.to_be_bytes().to_vec();
    p.extend([0x01, 0x00]);
    for c in counts {
        p.extend([0, c]);
    }
    for label in labels {
        p.push(label.len() as u8);
        p.extend(label);
    }
    let at = 12 + target.min(p.len() - 12);
    p.extend([0xc0 | (at >> 8) as u8, at as u8]);
    p.extend([0x00, 0x01, 0x00, 0x01]);
    p
}

fn bad_packet() -> impl Strategy<Value = Vec<u8>> {
    let real = question(0x1234, "web.service.consul.");
    let cut_real = real.clone();
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..1024),
        (0..real.len()).prop_map(move |n| cut_real[..n].to_vec()),
        proptest::collection::vec((0..real.len(), any::<u8>()), 1..8).prop_map(move |changes| {
            let mut p = real.clone();
            for (i, b) in changes {
                p[i] = b;
            }
            p
        }),
        (
            any::<u16>(),
            [1u8..3, 0u8..3, 0u8..3, 0u8..3],
            proptest::collection::vec(proptest::collection::vec(b'a'..=b'z', 1..10), 0..4),
            0usize..40,
        )
            .prop_map(|(id, counts, labels, target)| compression_loop(id, counts, labels, target)),
    ]
}

/// Sends `packet` over TCP: framed with its own length, or with a length that lies.
fn send_tcp(addr: SocketAddr, packet: &[u8], lying_length: Option<u16>) {
    let Ok(mut stream) = TcpStream::connect(addr) else { return };
    let len = lying_length.unwrap_or(packet.len() as u16);
    let _ = stream.write_all(&len.to_be_bytes());
    let _ = stream.write_all(packet);
    // Whatever comes back (a FORMERR, nothing): the server decides; never wait long.
    stream.set_read_timeout(Some(Duration::from_millis(50))).unwrap();
    let _ = stream.read(&mut [0u8; 512]);
}

#[test]
fn bad_packets_never_crash_or_hang_the_server() {
    if !crate::support::have_tool("dig", "beside the other DNS tests") {
        return;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let (agent, addr) = runtime.block_on(async {
        let (agent, addr) = dns_agent().await;
        register(&agent, json!({"Name": "web", "ID": "web-1", "Port": 80, "Address": "10.0.0.5"})).await;
        eventually("web answers", async || ask(addr) == Some(1)).await;
        (agent, addr)
    });
    let garbage = UdpSocket::bind("127.0.0.1:0").unwrap();
    let mut runner = TestRunner::new(Config { cases: 400, failure_persistence: None, ..Config::default() });
    let cases = (bad_packet(), 0u8..4, any::<u16>());
    let result = runner.run(&cases, |(packet, how, lie)| {
        match how {
            0 | 1 => {
                garbage.send_to(&packet, addr).unwrap();
            }
            2 => send_tcp(addr, &packet, None),
            _ => send_tcp(addr, &packet, Some(lie)),
        }
        prop_assert_eq!(ask(addr), Some(1), "after {:?} ({})", packet, how);
        Ok(())
    });
    runtime.block_on(agent.stop());
    result.unwrap();
}
