//! Free ports for processes that bind them a moment later (Envoy's listeners and admin), and
//! the flags that put an agent's listeners on free ports; shared by the tests and the
//! benchmark runner (which includes this file).

use std::sync::atomic::{AtomicU32, Ordering};

/// A port nothing listens on right now, and that nothing else in this process was given. It
/// is below the kernel's ephemeral range (32768 and up), where agents binding port 0 and
/// outgoing connections take theirs, and below 20000, where `fedctl lab` picks its ports,
/// so it stays free until its process binds it. Each process starts elsewhere in the range.
pub fn free_port() -> u16 {
    const LOW: u32 = 10_000;
    const SPAN: u32 = 10_000;
    static NEXT: AtomicU32 = AtomicU32::new(u32::MAX);
    let _ = NEXT.compare_exchange(u32::MAX, std::process::id() % SPAN, Ordering::SeqCst, Ordering::SeqCst);
    loop {
        let port = (LOW + NEXT.fetch_add(1, Ordering::SeqCst) % SPAN) as u16;
        if std::net::TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
}

/// `fedctl agent` flags that put every listener on a free port (the banner tells which).
pub const FREE_PORTS: [&str; 12] = [
    "-http-port",
    "0",
    "-server-port",
    "0",
    "-serf-lan-port",
    "0",
    "-serf-wan-port",
    "0",
    "-grpc-port",
    "0",
    "-dns-port",
    "0",
];
