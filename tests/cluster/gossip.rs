//! LAN gossip over real UDP sockets: join, graceful leave, failure detection.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use fedctl::gossip::{Gossip, GossipOptions, MemberMeta, MemberStatus};
use tokio::sync::watch;

use crate::support::eventually;

async fn member(name: &str, server: bool) -> (Gossip, watch::Sender<bool>) {
    let (stop, stopped) = watch::channel(false);
    let opts = GossipOptions {
        bind: SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 0),
        advertise: IpAddr::V4(Ipv4Addr::LOCALHOST),
        name: name.into(),
        meta: MemberMeta {
            server,
            datacenter: "dc1".into(),
            rpc_port: 8300,
            build: "test".into(),
            leaving: false,
            wan_port: 0,
            dns: String::new(),
        },
        expected_size: 3,
        tunnel: None,
        keyring: None,
    };
    let (gossip, task) = Gossip::bind(opts, stopped).await.unwrap();
    tokio::spawn(task);
    (gossip, stop)
}

fn status(g: &Gossip, name: &str) -> Option<MemberStatus> {
    g.members().into_iter().find(|m| m.id.name == name).map(|m| m.status)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn members_join_leave_and_fail() {
    let (a, _sa) = member("a", true).await;
    let (b, sb) = member("b", true).await;
    let (c, _sc) = member("c", false).await;
    // b and c only know a's address; they learn of each other through gossip.
    b.join(vec![a.local().addr]).await;
    c.join(vec![a.local().addr]).await;
    for g in [&a, &b, &c] {
        eventually("everyone sees three alive members", async || {
            ["a", "b", "c"].iter().all(|n| status(g, n) == Some(MemberStatus::Alive))
        })
        .await;
    }
    let seen = b.members().into_iter().find(|m| m.id.name == "c").unwrap();
    assert!(!seen.id.meta.server && seen.id.meta.datacenter == "dc1", "metadata travels: {seen:?}");

    c.leave().await;
    assert_eq!(status(&c, "c"), Some(MemberStatus::Left));
    eventually("a sees c left (not failed)", async || status(&a, "c") == Some(MemberStatus::Left)).await;

    let _ = sb.send(true); // b stops answering
    eventually("a sees b failed", async || status(&a, "b") == Some(MemberStatus::Failed)).await;
    assert_eq!(status(&a, "a"), Some(MemberStatus::Alive));
}
