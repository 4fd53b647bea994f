//! Gossip pools: SWIM membership and failure detection (foca) over UDP.
//!
//! foca is sans-IO; [`Gossip::bind`] returns the handle and the one task that owns foca, the
//! UDP socket and foca's timers (a queue inside the task, so no timer outlives it); the caller
//! spawns that task and owns it. Everyone else talks to it through a command channel and reads
//! membership from a watch channel it publishes after every change.
//!
//! A WAN pool federated through mesh gateways has a [`Tunnel`]: packets for members of other
//! datacenters go to it instead of UDP (the one `if` in the send path), and packets that
//! arrived through gateways come back in through [`Gossip::ingest`].

mod identity;
mod keyring;
mod keyring_query;

use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};
use std::num::{NonZeroU32, NonZeroUsize};
use std::sync::Arc;
use std::time::Duration;

use foca::{AccumulatingRuntime, Foca, OwnedNotification, PostcardCodec, Timer};
pub use identity::{MemberId, MemberMeta};
pub use keyring::{Keyring, KeyringError, Opened, Seed, Verify, generate_key, parse_key, seed};
use keyring_query::{ANSWER, Answer, Pending, QUERY, Query, SWIM};
pub use keyring_query::{KeyringOp, PoolKeys};
use serde::Serialize;
use tokio::net::UdpSocket;
use tokio::sync::{mpsc, oneshot, watch};

/// A member's state as this agent sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MemberStatus {
    Alive,
    Failed,
    Left,
}

/// One member of the pool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub id: MemberId,
    pub status: MemberStatus,
}

/// How to run the pool.
#[derive(Debug, Clone)]
pub struct GossipOptions {
    pub bind: SocketAddr,
    /// The IP others reach us at (the port is the bound one).
    pub advertise: IpAddr,
    pub name: String,
    pub meta: MemberMeta,
    /// Expected pool size; tunes dissemination and suspicion timeouts.
    pub expected_size: u32,
    /// Carries packets to members of other datacenters (WAN pools federated through mesh
    /// gateways).
    pub tunnel: Option<std::sync::Arc<dyn Tunnel>>,
    /// The pool's keys, when gossip is encrypted.
    pub keyring: Option<Arc<Keyring>>,
}

/// Where packets for other datacenters go instead of UDP.
pub trait Tunnel: std::fmt::Debug + Send + Sync {
    fn local_datacenter(&self) -> &str;
    /// Queues `packet` for `to` (a member, or a datacenter probe); never blocks, may drop
    /// (gossip tolerates loss).
    fn send(&self, to: &MemberId, packet: Vec<u8>);
}

enum Cmd {
    Join(Vec<SocketAddr>),
    JoinDatacenter(String),
    Leave(oneshot::Sender<()>),
    Keyring(KeyringOp, oneshot::Sender<PoolKeys>),
}

/// Why a keyring operation could not run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyringOpError {
    #[error("Gossip encryption is not enabled on this agent (start it with `encrypt`)")]
    NotEncrypted,
    #[error("the gossip pool has stopped")]
    Stopped,
}

/// A running gossip pool.
#[derive(Debug, Clone)]
pub struct Gossip {
    cmd: mpsc::Sender<Cmd>,
    ingest: mpsc::Sender<Vec<u8>>,
    members: watch::Receiver<BTreeMap<String, Member>>,
    /// Shared: handles are cloned per HTTP request (through the API state).
    local: std::sync::Arc<MemberId>,
    keyring: Option<Arc<Keyring>>,
}

impl Gossip {
    /// Binds the UDP socket; returns the pool's handle and its task, which the caller spawns
    /// (and owns). The task ends on `shutdown` or after a leave.
    pub async fn bind(
        opts: GossipOptions,
        shutdown: watch::Receiver<bool>,
    ) -> std::io::Result<(Gossip, impl std::future::Future<Output = ()> + Send + 'static)> {
        let socket = UdpSocket::bind(opts.bind).await?;
        let port = socket.local_addr()?.port();
        let local = MemberId::new(&opts.name, SocketAddr::new(opts.advertise, port), opts.meta.clone());
        let (cmd_tx, cmd_rx) = mpsc::channel(64);
        let (ingest_tx, ingest_rx) = mpsc::channel(1024);
        let initial = BTreeMap::from([(local.name.clone(), Member { id: local.clone(), status: MemberStatus::Alive })]);
        let (members_tx, members_rx) = watch::channel(initial);
        let size = NonZeroU32::new(opts.expected_size.max(1)).unwrap_or(NonZeroU32::MIN);
        let mut config = foca::Config::new_lan(size);
        // Members declared down are asked to rejoin every few seconds (foca's default is about a
        // minute), so a healed partition joins the pool again quickly. Cheap: one small packet.
        // Every 2 s one random member is asked for its member list (foca's default is 30 s):
        // an update whose broadcasts were lost (a path through gateways not up yet) is
        // repaired within seconds, not half a minute. One small exchange per period.
        config.periodic_announce =
            Some(foca::PeriodicParams { frequency: Duration::from_secs(2), num_members: NonZeroUsize::MIN });
        config.periodic_announce_to_down_members = Some(foca::PeriodicParams {
            frequency: Duration::from_secs(5),
            num_members: NonZeroUsize::MIN.saturating_add(2),
        });
        let io = Io { socket, tunnel: opts.tunnel.clone(), keyring: opts.keyring.clone() };
        let task = run(io, local.clone(), config, cmd_rx, ingest_rx, members_tx, shutdown);
        let gossip = Gossip {
            cmd: cmd_tx,
            ingest: ingest_tx,
            members: members_rx,
            local: std::sync::Arc::new(local),
            keyring: opts.keyring,
        };
        Ok((gossip, task))
    }

    /// This agent's identity (its advertised gossip address included).
    pub fn local(&self) -> &MemberId {
        &self.local
    }

    /// Announces this agent to each address; membership then spreads by gossip.
    pub async fn join(&self, addrs: Vec<SocketAddr>) {
        let _ = self.cmd.send(Cmd::Join(addrs)).await;
    }

    /// Announces this agent to any server of `datacenter` through the tunnel (mesh gateways).
    pub async fn join_datacenter(&self, datacenter: &str) {
        let _ = self.cmd.send(Cmd::JoinDatacenter(datacenter.to_owned())).await;
    }

    /// Where packets that arrived through mesh gateways are handed in.
    pub fn ingest(&self) -> mpsc::Sender<Vec<u8>> {
        self.ingest.clone()
    }

    /// Every member known, including failed and left ones (until foca forgets them).
    pub fn members(&self) -> Vec<Member> {
        self.members.borrow().values().cloned().collect()
    }

    /// A receiver that changes whenever membership does.
    pub fn subscribe(&self) -> watch::Receiver<BTreeMap<String, Member>> {
        self.members.clone()
    }

    /// The pool's keys, when gossip is encrypted.
    pub fn keyring(&self) -> Option<&Arc<Keyring>> {
        self.keyring.as_ref()
    }

    /// Runs `op` on every member of the pool known alive (this one included) and counts what
    /// they answered.
    pub async fn keyring_op(&self, op: KeyringOp) -> Result<PoolKeys, KeyringOpError> {
        if self.keyring.is_none() {
            return Err(KeyringOpError::NotEncrypted);
        }
        let (tx, rx) = oneshot::channel();
        self.cmd.send(Cmd::Keyring(op, tx)).await.map_err(|_| KeyringOpError::Stopped)?;
        rx.await.map_err(|_| KeyringOpError::Stopped)
    }

    /// Leaves gracefully: tells the pool we are leaving (so we show as `left`, not `failed`),
    /// then stops gossiping.
    pub async fn leave(&self) {
        let (tx, rx) = oneshot::channel();
        if self.cmd.send(Cmd::Leave(tx)).await.is_ok() {
            let _ = rx.await;
        }
    }
}

type Swim = Foca<MemberId, PostcardCodec, rand::rngs::StdRng, foca::NoCustomBroadcast>;

/// The pool's packet I/O: UDP, plus the tunnel for other datacenters; sealed with the keyring
/// when there is one.
struct Io {
    socket: UdpSocket,
    tunnel: Option<std::sync::Arc<dyn Tunnel>>,
    keyring: Option<Arc<Keyring>>,
}

/// What a received packet holds.
enum Inbound {
    Swim(Vec<u8>),
    Query(Query),
    Answer(Answer),
}

impl Io {
    /// Sends `bytes` to `to`: through the tunnel for a member of another datacenter, else UDP.
    async fn send(&self, to: &MemberId, bytes: Vec<u8>) {
        if let Some(tunnel) = &self.tunnel
            && !to.meta.datacenter.is_empty()
            && to.meta.datacenter != tunnel.local_datacenter()
        {
            tunnel.send(to, bytes);
            return;
        }
        if let Err(e) = self.socket.send_to(&bytes, to.addr).await {
            tracing::debug!(to = %to.addr, error = %e, "sending a gossip packet failed");
        }
    }

    /// A SWIM packet as it goes on the wire: sealed when the pool is encrypted.
    fn swim_out(&self, bytes: &[u8]) -> Option<Vec<u8>> {
        match &self.keyring {
            Some(keyring) if keyring.verify().outgoing => keyring.seal(&keyring_query::frame(SWIM, bytes)),
            _ => Some(bytes.to_vec()),
        }
    }

    /// A keyring query or answer, always sealed (`None` without a keyring).
    fn sealed<T: Serialize>(&self, kind: u8, value: &T) -> Option<Vec<u8>> {
        let plain = keyring_query::frame(kind, &serde_json::to_vec(value).ok()?);
        self.keyring.as_ref()?.seal(&plain)
    }

    /// What `packet` holds; `None` for one dropped (no key opens it, or it makes no sense).
    fn inbound(&self, packet: &[u8]) -> Option<Inbound> {
        let Some(keyring) = &self.keyring else { return Some(Inbound::Swim(packet.to_vec())) };
        let plain = match keyring.open(packet)? {
            Opened::Clear(plain) => return Some(Inbound::Swim(plain)),
            Opened::Sealed(plain) => plain,
        };
        let (&kind, body) = plain.split_first()?;
        match kind {
            SWIM => Some(Inbound::Swim(body.to_vec())),
            QUERY => serde_json::from_slice(body).ok().map(Inbound::Query),
            ANSWER => serde_json::from_slice(body).ok().map(Inbound::Answer),
            _ => None,
        }
    }
}

async fn run(
    io: Io,
    local: MemberId,
    config: foca::Config,
    mut cmd_rx: mpsc::Receiver<Cmd>,
    mut ingest_rx: mpsc::Receiver<Vec<u8>>,
    members_tx: watch::Sender<BTreeMap<String, Member>>,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut foca: Swim = Foca::new(local.clone(), config, rand::make_rng(), PostcardCodec);
    let mut runtime = AccumulatingRuntime::new();
    let mut timers = Timers::default();
    let mut buf = vec![0u8; 64 * 1024];
    // Set by a leave: when to stop, and whom to tell.
    let mut leaving: Option<(tokio::time::Instant, oneshot::Sender<()>)> = None;
    // Keyring queries this member sent, by ID.
    let mut queries: BTreeMap<u64, Pending> = BTreeMap::new();
    // Keyring queries this member answered, by ID, with the answer sent.
    let mut answered: BTreeMap<u64, (tokio::time::Instant, Vec<u8>)> = BTreeMap::new();
    loop {
        let leave_at = leaving.as_ref().map(|(at, _)| *at);
        let query_at = queries.values().map(|q| q.resend_at.min(q.deadline)).min();
        tokio::select! {
            r = io.socket.recv_from(&mut buf) => {
                if let Ok((n, _)) = r {
                    let inbound = io.inbound(&buf[..n]);
                    receive(&io, &mut foca, &mut runtime, &mut queries, &mut answered, inbound, false).await;
                }
            }
            Some(packet) = ingest_rx.recv() => {
                let inbound = io.inbound(&packet);
                receive(&io, &mut foca, &mut runtime, &mut queries, &mut answered, inbound, true).await;
            }
            _ = tokio::time::sleep_until(query_at.unwrap_or_else(tokio::time::Instant::now)), if query_at.is_some() => {
                keyring_query::resend_or_finish(&io, &mut queries).await;
            }
            _ = timers.next_due(), if !timers.is_empty() => {
                for timer in timers.take_due() {
                    let _ = foca.handle_timer(timer, &mut runtime);
                }
            }
            Some(cmd) = cmd_rx.recv() => match cmd {
                Cmd::Join(addrs) => {
                    for addr in addrs.into_iter().filter(|a| *a != local.addr) {
                        let _ = foca.announce(MemberId::probe(addr), &mut runtime);
                    }
                }
                Cmd::JoinDatacenter(dc) => {
                    let _ = foca.announce(MemberId::probe_datacenter(&dc), &mut runtime);
                }
                Cmd::Keyring(op, done) => {
                    let members = members_tx.borrow().clone();
                    if let Some(pending) = keyring_query::ask(&io, foca.identity(), &members, op, done).await {
                        queries.insert(pending.query.id, pending);
                    }
                }
                Cmd::Leave(done) => {
                    // First become a `leaving` identity, so peers can tell leave from failure;
                    // leave for real once that had a moment to spread.
                    let _ = foca.change_identity(local.leaving(), &mut runtime);
                    leaving = Some((tokio::time::Instant::now() + LEAVE_PROPAGATION, done));
                }
            },
            _ = tokio::time::sleep_until(leave_at.unwrap_or_else(tokio::time::Instant::now)), if leave_at.is_some() => {
                let _ = foca.leave_cluster(&mut runtime);
                flush(&io, &mut runtime, &mut timers, &members_tx).await;
                members_tx.send_modify(|m| {
                    if let Some(me) = m.get_mut(&local.name) {
                        me.status = MemberStatus::Left;
                    }
                });
                if let Some((_, done)) = leaving.take() {
                    let _ = done.send(());
                }
                return;
            }
            _ = crate::tasks::stopped(&mut shutdown) => return,
        }
        flush(&io, &mut runtime, &mut timers, &members_tx).await;
    }
}

/// Packets no key opened are logged at most this often.
static DROP_LOG: crate::throttle::Throttle = crate::throttle::Throttle::burst(5, Duration::from_secs(10));

/// Hands a received packet to foca, answers a keyring query, or counts an answer.
async fn receive(
    io: &Io,
    foca: &mut Swim,
    runtime: &mut AccumulatingRuntime<MemberId>,
    queries: &mut BTreeMap<u64, Pending>,
    answered: &mut BTreeMap<u64, (tokio::time::Instant, Vec<u8>)>,
    inbound: Option<Inbound>,
    through_gateway: bool,
) {
    match inbound {
        None => {
            if let Some(suppressed) = DROP_LOG.allow() {
                let dropped = io.keyring.as_ref().map_or(0, |k| k.dropped());
                tracing::warn!(dropped, suppressed, "dropped a gossip packet that no installed key opens");
            }
        }
        Some(Inbound::Swim(packet)) => {
            let packet = match through_gateway {
                true => readdress_announce(&packet, foca.identity()).unwrap_or(packet),
                false => packet,
            };
            if let Err(e) = foca.handle_data(&packet, runtime) {
                tracing::debug!(error = %e, through_gateway, "ignoring a gossip packet");
            }
        }
        Some(Inbound::Query(query)) => keyring_query::answer(io, &foca.identity().name, query, answered).await,
        Some(Inbound::Answer(answer)) => keyring_query::count(queries, answer),
    }
}

/// foca's timers, due in order (a sequence number keeps equal deadlines apart).
#[derive(Default)]
struct Timers {
    queue: BTreeMap<(tokio::time::Instant, u64), Timer<MemberId>>,
    seq: u64,
}

impl Timers {
    fn is_empty(&self) -> bool {
        self.queue.is_empty()
    }

    fn add(&mut self, after: Duration, timer: Timer<MemberId>) {
        self.seq += 1;
        self.queue.insert((tokio::time::Instant::now() + after, self.seq), timer);
    }

    /// Sleeps until the earliest timer is due (never, with none).
    async fn next_due(&self) {
        match self.queue.keys().next() {
            Some((at, _)) => tokio::time::sleep_until(*at).await,
            None => std::future::pending().await,
        }
    }

    fn take_due(&mut self) -> Vec<Timer<MemberId>> {
        let now = tokio::time::Instant::now();
        let later = self.queue.split_off(&(now, u64::MAX));
        std::mem::replace(&mut self.queue, later).into_values().collect()
    }
}

/// How long a leaving member keeps gossiping its `leaving` identity before it goes.
const LEAVE_PROPAGATION: Duration = Duration::from_millis(600);

/// Sends queued packets, schedules timers, applies notifications to the membership view.
async fn flush(
    io: &Io,
    runtime: &mut AccumulatingRuntime<MemberId>,
    timers: &mut Timers,
    members_tx: &watch::Sender<BTreeMap<String, Member>>,
) {
    while let Some((to, bytes)) = runtime.to_send() {
        if let Some(packet) = io.swim_out(&bytes) {
            io.send(&to, packet).await;
        }
    }
    while let Some((after, timer)) = runtime.to_schedule() {
        timers.add(after, timer);
    }
    while let Some(notification) = runtime.to_notify() {
        members_tx.send_modify(|m| apply(m, notification));
    }
}

/// Membership changes are logged, but a flood of them (forged members, say) at most this often.
static MEMBER_LOG: crate::throttle::Throttle = crate::throttle::Throttle::burst(20, Duration::from_secs(1));

fn apply(members: &mut BTreeMap<String, Member>, n: OwnedNotification<MemberId>) {
    match n {
        OwnedNotification::MemberUp(id) | OwnedNotification::Rejoin(id) if !id.is_probe() => {
            if let Some(suppressed) = MEMBER_LOG.allow() {
                tracing::info!(member = %id.name, addr = %id.addr, suppressed, "member joined");
            }
            let status = if id.meta.leaving { MemberStatus::Left } else { MemberStatus::Alive };
            members.insert(id.name.clone(), Member { id, status });
        }
        OwnedNotification::Rename(old, id) if !id.is_probe() => {
            // The member at that address took a new identity; under another name, the old
            // one is gone.
            if old.name != id.name {
                members.remove(&old.name);
            }
            let status = if id.meta.leaving { MemberStatus::Left } else { MemberStatus::Alive };
            members.insert(id.name.clone(), Member { id, status });
        }
        OwnedNotification::MemberDown(id) if !id.is_probe() => {
            let entry =
                members.entry(id.name.clone()).or_insert(Member { id: id.clone(), status: MemberStatus::Failed });
            let failed = entry.status != MemberStatus::Left && !id.meta.leaving;
            entry.status = if failed { MemberStatus::Failed } else { MemberStatus::Left };
            if let Some(suppressed) = MEMBER_LOG.allow() {
                match failed {
                    true => tracing::warn!(member = %id.name, suppressed, "member failed"),
                    false => tracing::info!(member = %id.name, suppressed, "member left"),
                }
            }
        }
        _ => {}
    }
}

/// An announce through a gateway is addressed to "any server of this datacenter" (a probe
/// identity whose address is never dialled); foca only accepts announces addressed to its own
/// address, so such a packet is re-addressed to this member. Any other packet: `None`.
fn readdress_announce(packet: &[u8], me: &MemberId) -> Option<Vec<u8>> {
    use foca::Codec;
    let mut codec = PostcardCodec;
    let mut rest = packet;
    let mut header: foca::Header<MemberId> = codec.decode_header(&mut rest).ok()?;
    if header.message != foca::Message::Announce
        || !header.dst.is_probe()
        || header.dst.meta.datacenter != me.meta.datacenter
    {
        return None;
    }
    header.dst = me.clone();
    let mut out = Vec::with_capacity(packet.len() + 64);
    codec.encode_header(&header, &mut out).ok()?;
    out.extend_from_slice(rest);
    Some(out)
}
