//! WAN gossip through mesh gateways: packets for members of other datacenters travel over
//! pooled TLS connections (ALPN `fedctl/wan-gossip/packet`, SNI `<node>.server.<dc>.<domain>`,
//! or `server.<dc>.<domain>` for "any server there"), each packet a 4-byte big-endian length
//! and the bytes. One connection per member, reused, closed after idling; a connection that
//! fails is dropped and the next packet dials again (through whichever gateway the locator
//! picks then).
//!
//! Ownership: the tunnel owns a map of per-member senders and every connection task (joined by
//! [`GatewayTunnel::close`]); each connection task owns its socket and removes its own entry
//! when it ends.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;
use tokio::sync::mpsc;

use super::{DialKind, Locator};
use crate::gossip::{MemberId, Tunnel};
use crate::tasks::SharedTasks;
use crate::tls::{AgentTls, Protocol, dial_tls};

/// The largest packet carried (the receiver refuses more).
pub const MAX_PACKET: usize = 4 * 1024 * 1024;
/// A connection with nothing to send for this long is closed.
pub const IDLE: Duration = Duration::from_secs(120);
const DIAL_TIMEOUT: Duration = Duration::from_secs(10);
/// After a failed dial, packets for that member are dropped this long instead of redialling
/// on each one.
const RETRY_AFTER: Duration = Duration::from_secs(1);
/// Packets queued per member while its connection is being made.
const QUEUE: usize = 256;

/// The WAN pool's tunnel through mesh gateways.
#[derive(Debug, Clone)]
pub struct GatewayTunnel {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    locator: Locator,
    tls: Arc<AgentTls>,
    conns: Mutex<HashMap<String, Slot>>,
    next_id: std::sync::atomic::AtomicU64,
    tasks: SharedTasks,
}

#[derive(Debug)]
enum Slot {
    Open { id: u64, tx: mpsc::Sender<Vec<u8>> },
    Failed { until: Instant },
}

impl GatewayTunnel {
    pub fn new(locator: Locator, tls: Arc<AgentTls>) -> GatewayTunnel {
        GatewayTunnel {
            inner: Arc::new(Inner {
                locator,
                tls,
                conns: Mutex::default(),
                next_id: std::sync::atomic::AtomicU64::new(1),
                tasks: SharedTasks::new(),
            }),
        }
    }

    /// Ends every connection; packets sent after this are dropped. The owner calls this on
    /// shutdown.
    pub async fn close(&self) {
        self.inner.conns().clear();
        self.inner.tasks.join(Duration::from_millis(200)).await;
    }
}

impl Inner {
    fn conns(&self) -> MutexGuard<'_, HashMap<String, Slot>> {
        self.conns.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Tunnel for GatewayTunnel {
    fn local_datacenter(&self) -> &str {
        self.inner.locator.datacenter()
    }

    fn send(&self, to: &MemberId, packet: Vec<u8>) {
        if packet.is_empty() || packet.len() > MAX_PACKET {
            return;
        }
        let dc = to.meta.datacenter.clone();
        let node = to.node().map(str::to_owned);
        let key = node.as_ref().map_or_else(|| format!("*.{dc}"), |n| format!("{n}.{dc}"));
        let mut conns = self.inner.conns();
        let tx = match conns.get(&key) {
            Some(Slot::Open { tx, .. }) if !tx.is_closed() => tx.clone(),
            Some(Slot::Failed { until }) if Instant::now() < *until => return,
            _ => {
                let (tx, rx) = mpsc::channel(QUEUE);
                let id = self.inner.next_id.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let task = connection(self.inner.clone(), key.clone(), id, dc, node, rx);
                if !self.inner.tasks.spawn("wan gossip connection", task) {
                    return; // closed
                }
                conns.insert(key, Slot::Open { id, tx: tx.clone() });
                tx
            }
        };
        if tx.try_send(packet).is_err() {
            tracing::debug!(member = %to.name, "dropping a WAN gossip packet: the queue is full");
        }
    }
}

/// One member's connection: dial through a gateway, then write queued packets until idle
/// or broken.
async fn connection(
    inner: Arc<Inner>,
    key: String,
    id: u64,
    dc: String,
    node: Option<String>,
    mut rx: mpsc::Receiver<Vec<u8>>,
) {
    let (stream, mut gateway) = match dial(&inner, &dc, node.as_deref()).await {
        Ok(s) => s,
        Err(error) => {
            tracing::debug!(member = %key, %error, "cannot open a WAN gossip connection");
            let mut conns = inner.conns();
            if matches!(conns.get(&key), Some(Slot::Open { id: i, .. }) if *i == id) {
                conns.insert(key, Slot::Failed { until: Instant::now() + RETRY_AFTER });
            }
            return;
        }
    };
    let mut stream = tokio::io::BufWriter::new(stream);
    loop {
        let packet = match tokio::time::timeout(IDLE, rx.recv()).await {
            Ok(Some(p)) => p,
            Ok(None) | Err(_) => break,
        };
        // Dialled through another datacenter's gateway while no local one was usable: once
        // one is, move to it when a dial through it succeeds (else stay).
        if inner.locator.superseded(&dc, &gateway)
            && let Ok((moved, through)) = dial(&inner, &dc, node.as_deref()).await
        {
            tracing::debug!(member = %key, from = %gateway, to = %through, "moved a WAN gossip connection off a fallback gateway");
            let _ = stream.flush().await;
            stream = tokio::io::BufWriter::new(moved);
            gateway = through;
        }
        let len = (packet.len() as u32).to_be_bytes();
        let written = async {
            stream.write_all(&len).await?;
            stream.write_all(&packet).await?;
            // More queued packets go out in the same flush.
            if rx.is_empty() {
                stream.flush().await?;
            }
            std::io::Result::Ok(())
        };
        if let Err(error) = written.await {
            tracing::debug!(member = %key, %error, "a WAN gossip connection broke");
            break;
        }
    }
    let mut conns = inner.conns();
    if matches!(conns.get(&key), Some(Slot::Open { id: i, .. }) if *i == id) {
        conns.remove(&key);
    }
}

/// A connection to `node` of `dc`, and the gateway it goes through.
async fn dial(
    inner: &Inner,
    dc: &str,
    node: Option<&str>,
) -> Result<(tokio_rustls::client::TlsStream<TcpStream>, String), String> {
    let Some(pick) = inner.locator.pick(dc) else {
        return Err(format!("no mesh gateway to reach datacenter {dc}"));
    };
    let gateway = pick.address;
    let result = dial_tls(&inner.tls, &gateway, node, dc, Protocol::WanGossipPacket, DIAL_TIMEOUT).await;
    inner.locator.report(&gateway, dc, DialKind::Gossip, result.as_ref().map(|_| ()).map_err(ToString::to_string));
    result.map(|s| (s, gateway)).map_err(|e| e.to_string())
}
