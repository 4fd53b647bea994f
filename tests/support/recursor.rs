//! A small upstream DNS server for recursion tests, on UDP and TCP of one port: it answers
//! `example.com.` A with 192.0.2.1 and every other name NXDOMAIN, or SERVFAIL to everything
//! while failing; it counts the questions it was asked.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use hickory_proto::op::{Message, MessageType, ResponseCode};
use hickory_proto::rr::rdata::A;
use hickory_proto::rr::{RData, Record, RecordType};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, UdpSocket};

pub const EXAMPLE_ADDRESS: &str = "192.0.2.1";

pub struct Recursor {
    pub addr: SocketAddr,
    failing: Arc<AtomicBool>,
    asked: Arc<AtomicUsize>,
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

impl Recursor {
    pub async fn start() -> Recursor {
        let udp = UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let addr = udp.local_addr().unwrap();
        let tcp = TcpListener::bind(addr).await.unwrap();
        let failing = Arc::new(AtomicBool::new(false));
        let asked = Arc::new(AtomicUsize::new(0));
        let (f, a) = (failing.clone(), asked.clone());
        let udp_task = tokio::spawn(async move {
            let mut buf = vec![0u8; 65535];
            while let Ok((n, peer)) = udp.recv_from(&mut buf).await {
                if let Some(reply) = answer(&buf[..n], &f, &a) {
                    let _ = udp.send_to(&reply, peer).await;
                }
            }
        });
        let (f, a) = (failing.clone(), asked.clone());
        let tcp_task = tokio::spawn(async move {
            while let Ok((mut stream, _)) = tcp.accept().await {
                let (f, a) = (f.clone(), a.clone());
                tokio::spawn(async move {
                    let mut len = [0u8; 2];
                    while stream.read_exact(&mut len).await.is_ok() {
                        let mut packet = vec![0u8; usize::from(u16::from_be_bytes(len))];
                        if stream.read_exact(&mut packet).await.is_err() {
                            return;
                        }
                        let Some(reply) = answer(&packet, &f, &a) else { return };
                        let len = (reply.len() as u16).to_be_bytes();
                        if stream.write_all(&len).await.is_err() || stream.write_all(&reply).await.is_err() {
                            return;
                        }
                    }
                });
            }
        });
        Recursor { addr, failing, asked, tasks: vec![udp_task, tcp_task] }
    }

    /// From now on every question gets SERVFAIL (or, with `false`, an answer again).
    pub fn fail(&self, failing: bool) {
        self.failing.store(failing, Ordering::SeqCst);
    }

    /// How many questions it was asked.
    pub fn asked(&self) -> usize {
        self.asked.load(Ordering::SeqCst)
    }
}

impl Drop for Recursor {
    fn drop(&mut self) {
        for t in &self.tasks {
            t.abort();
        }
    }
}

fn answer(packet: &[u8], failing: &AtomicBool, asked: &AtomicUsize) -> Option<Vec<u8>> {
    let request = Message::from_vec(packet).ok()?;
    asked.fetch_add(1, Ordering::SeqCst);
    let mut reply = Message::new();
    reply
        .set_id(request.id())
        .set_message_type(MessageType::Response)
        .set_recursion_desired(request.recursion_desired())
        .set_recursion_available(true)
        .add_queries(request.queries().iter().cloned());
    let question = request.queries().first()?;
    if failing.load(Ordering::SeqCst) {
        reply.set_response_code(ResponseCode::ServFail);
    } else if question.name().to_ascii().eq_ignore_ascii_case("example.com.") {
        if question.query_type() == RecordType::A {
            let ip = EXAMPLE_ADDRESS.parse().unwrap();
            reply.add_answer(Record::from_rdata(question.name().clone(), 60, RData::A(A(ip))));
        }
    } else {
        reply.set_response_code(ResponseCode::NXDomain);
    }
    reply.to_vec().ok()
}
