//! The DNS interface of a `-dev` agent, asked with `dig` as users do: each name form and
//! record type (A, SRV with the targets' addresses in the additional section, TXT, ANY, PTR,
//! SOA, NS), health filtering and the reference's return codes.

use std::net::SocketAddr;

use fedctl::config::ConfigFlags;
use serde_json::json;

use crate::support::agent::{TestAgent, agent_with, free_ports};
use crate::support::dig::dig_at as dig;
use crate::support::{eventually, have_tool};

pub(super) async fn dns_agent() -> (TestAgent, SocketAddr) {
    dns_agent_with(Vec::new()).await
}

/// A `-dev` agent (node `dns-node`) with the DNS interface on a free port and `config_files`.
pub(super) async fn dns_agent_with(config_files: Vec<std::path::PathBuf>) -> (TestAgent, SocketAddr) {
    let flags = ConfigFlags { dev: true, node: Some("dns-node".into()), config_files, ..free_ports() };
    let agent = agent_with(flags).await;
    let addr = agent.agent.dns_addr.expect("ports.dns is 0: a free port");
    (agent, addr)
}

pub(super) async fn register(agent: &TestAgent, definition: serde_json::Value) {
    let r = agent.http.put(agent.url("/v1/agent/service/register")).json(&definition).send().await.unwrap();
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap_or_default());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn names_records_and_return_codes_as_the_reference() {
    if !have_tool("dig", "to ask the DNS interface") {
        return;
    }
    let (agent, addr) = dns_agent().await;
    register(&agent, json!({"Name": "web", "ID": "web-1", "Port": 8080, "Address": "10.0.0.5", "Tags": ["v1"]})).await;
    register(&agent, json!({"Name": "web", "ID": "web-2", "Port": 8081, "Tags": ["v2"]})).await;
    register(&agent, json!({"Name": "db", "ID": "db-1", "Port": 5432, "Check": {"TTL": "60s"}})).await;
    eventually("web's two instances answer", async || dig(addr, &["web.service.consul", "A"]).answers.len() == 2).await;

    // A: the service address, else the node's.
    let r = dig(addr, &["web.service.consul", "A"]);
    assert_eq!(r.status, "NOERROR");
    assert!(r.has_flag("aa") && !r.has_flag("ra"), "authoritative; no recursors, no recursion: {}", r.text);
    assert_eq!(r.data(), ["10.0.0.5", "127.0.0.1"], "{}", r.text);
    // A tag, the datacenter label, RFC 2782 (with and without .service), upper case.
    assert_eq!(dig(addr, &["v1.web.service.dc1.consul", "A"]).answers, ["v1.web.service.dc1.consul. 0 IN A 10.0.0.5"]);
    for name in ["_web._v2.service.consul", "_web._v2.consul", "_WEB._V2.SERVICE.CONSUL"] {
        let r = dig(addr, &[name, "SRV"]);
        assert_eq!(r.status, "NOERROR", "{}", r.text);
        assert_eq!(r.answers.len(), 1, "{}", r.text);
        assert!(r.answers[0].ends_with("IN SRV 1 1 8081 dns-node.node.dc1.consul."), "{}", r.text);
        assert!(
            r.additional.contains(&"dns-node.node.dc1.consul. 0 IN A 127.0.0.1".to_owned()),
            "the target's address, additional: {}",
            r.text
        );
    }
    // SRV of an instance with its own address: an addr target.
    let r = dig(addr, &["v1.web.service.consul", "SRV"]);
    assert_eq!(r.answers, ["v1.web.service.consul. 0 IN SRV 1 1 8080 0a000005.addr.dc1.consul."], "{}", r.text);
    assert!(r.additional.contains(&"0a000005.addr.dc1.consul. 0 IN A 10.0.0.5".to_owned()), "{}", r.text);
    assert_eq!(dig(addr, &["0a000005.addr.consul", "A"]).answers, ["0a000005.addr.consul. 0 IN A 10.0.0.5"]);
    // IPv6: AAAA of a service address, its 32-digit addr name, and its SRV target.
    register(&agent, json!({"Name": "v6", "ID": "v6-1", "Port": 80, "Address": "2001:db8::5"})).await;
    eventually("v6 answers", async || !dig(addr, &["v6.service.consul", "AAAA"]).answers.is_empty()).await;
    assert_eq!(dig(addr, &["v6.service.consul", "AAAA"]).answers, ["v6.service.consul. 0 IN AAAA 2001:db8::5"]);
    assert_eq!(dig(addr, &["v6.service.consul", "A"]).answers.len(), 0, "no A record for an IPv6 address");
    let hex = "20010db8000000000000000000000005";
    let r = dig(addr, &["v6.service.consul", "SRV"]);
    assert_eq!(r.answers, [format!("v6.service.consul. 0 IN SRV 1 1 80 {hex}.addr.dc1.consul.")], "{}", r.text);
    assert_eq!(r.additional, [format!("{hex}.addr.dc1.consul. 0 IN AAAA 2001:db8::5")], "{}", r.text);
    assert_eq!(dig(addr, &[&format!("{hex}.addr.consul"), "AAAA"]).data(), ["2001:db8::5"]);
    // TXT of a service answers its addresses, as the reference; ANY too.
    assert_eq!(dig(addr, &["v1.web.service.consul", "TXT"]).answers, ["v1.web.service.consul. 0 IN A 10.0.0.5"]);
    assert_eq!(dig(addr, &["v1.web.service.consul", "ANY"]).answers, ["v1.web.service.consul. 0 IN A 10.0.0.5"]);
    // The node, and the consul service of the servers.
    assert_eq!(dig(addr, &["dns-node.node.consul", "A"]).answers, ["dns-node.node.consul. 0 IN A 127.0.0.1"]);
    assert_eq!(dig(addr, &["consul.service.consul", "A"]).answers, ["consul.service.consul. 0 IN A 127.0.0.1"]);

    // Health: db's TTL check is critical, so db has no instance to answer; passing, it has.
    let r = dig(addr, &["db.service.consul", "A"]);
    assert_eq!((r.status.as_str(), r.answers.len()), ("NXDOMAIN", 0), "{}", r.text);
    assert!(r.authority[0].starts_with("consul. 0 IN SOA ns.consul. hostmaster.consul."), "the SOA: {}", r.text);
    let passed = agent.http.put(agent.url("/v1/agent/check/pass/service:db-1")).send().await.unwrap();
    assert_eq!(passed.status(), 200);
    eventually("db answers once passing", async || dig(addr, &["db.service.consul", "A"]).answers.len() == 1).await;
    let warned = agent.http.put(agent.url("/v1/agent/check/warn/service:db-1")).send().await.unwrap();
    assert_eq!(warned.status(), 200);
    eventually("db is warning", async || {
        let r = agent.http.get(agent.url("/v1/health/checks/db")).send().await.unwrap();
        r.json::<serde_json::Value>().await.unwrap()[0]["Status"] == "warning"
    })
    .await;
    assert_eq!(dig(addr, &["db.service.consul", "A"]).answers.len(), 1, "warning is answered unless only_passing");

    // Return codes: unknown names, an unknown datacenter, two datacenter labels, out of the
    // domain (no recursors), a name with no records of the type.
    for (name, qtype, want) in [
        ("nope.service.consul", "A", "NXDOMAIN"),
        ("nope.node.consul", "A", "NXDOMAIN"),
        ("web.service.dc9.consul", "A", "NXDOMAIN"),
        ("web.service.dc1.dc2.consul", "A", "NXDOMAIN"),
        ("web.consul", "A", "NXDOMAIN"),
        ("example.com", "A", "SERVFAIL"),
        ("nope.node.consul", "MX", "NOERROR"),
        ("web.service.consul", "AAAA", "NOERROR"),
        ("dns-node.node.consul", "SRV", "NOERROR"),
    ] {
        let r = dig(addr, &[name, qtype]);
        assert_eq!((r.status.as_str(), r.answers.len()), (want, 0), "{name} {qtype}: {}", r.text);
    }
    // Authoritative for the domain, not for a name outside it.
    assert!(dig(addr, &["nope.service.consul", "A"]).has_flag("aa"));
    assert!(!dig(addr, &["example.com", "A"]).has_flag("aa"));
    // A zone transfer (over TCP) is refused: NOTIMP, which dig reports as a failed transfer.
    let r = dig(addr, &["consul", "AXFR"]);
    assert!(r.text.contains("; Transfer failed.") && r.answers.is_empty(), "{}", r.text);
    agent.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn node_metadata_connect_names_reverse_lookups_and_the_zone() {
    if !have_tool("dig", "to ask the DNS interface") {
        return;
    }
    let (agent, addr) = dns_agent().await;
    // An external node with metadata, a service on it, and a sidecar proxy of web.
    for service in [
        json!({"Service": "cache", "ID": "cache-1", "Port": 6379}),
        json!({"Service": "mail", "ID": "mail-1", "Port": 25, "Address": "10.0.9.10"}),
    ] {
        let node = json!({
            "Node": "rack-node", "Address": "10.0.9.9", "NodeMeta": {"rack": "a1", "a=b": "c"}, "Service": service
        });
        let r = agent.http.put(agent.url("/v1/catalog/register")).json(&node).send().await.unwrap();
        assert_eq!(r.status(), 200, "{}", r.text().await.unwrap_or_default());
    }
    register(&agent, json!({"Name": "web", "ID": "web-1", "Port": 8080})).await;
    register(
        &agent,
        json!({"Name": "web-sidecar-proxy", "Kind": "connect-proxy", "Port": 21000,
               "Proxy": {"DestinationServiceName": "web", "DestinationServiceID": "web-1"}}),
    )
    .await;
    eventually("web's sidecar is in the catalog", async || {
        dig(addr, &["web.connect.consul", "SRV"]).answers.len() == 1
    })
    .await;

    // TXT: the node's metadata, RFC 1464 escaped; ANY: its address and metadata; A: the
    // address with the metadata in the additional section.
    let r = dig(addr, &["rack-node.node.consul", "TXT"]);
    let mut txt: Vec<&str> = r.answers.iter().map(|a| a.split(" IN TXT ").nth(1).unwrap()).collect();
    txt.sort();
    assert_eq!(txt, ["\"a`=b=c\"", "\"rack=a1\""], "{}", r.text);
    let r = dig(addr, &["rack-node.node.consul", "ANY"]);
    assert_eq!(r.answers.len(), 3, "{}", r.text);
    assert!(r.answers.contains(&"rack-node.node.consul. 0 IN A 10.0.9.9".to_owned()), "{}", r.text);
    let r = dig(addr, &["rack-node.node.consul", "A"]);
    assert_eq!(r.answers, ["rack-node.node.consul. 0 IN A 10.0.9.9"]);
    assert!(r.additional.contains(&"rack-node.node.consul. 0 IN TXT \"rack=a1\"".to_owned()), "{}", r.text);
    // Service and node names match regardless of case, as the reference's.
    assert_eq!(dig(addr, &["CACHE.service.consul", "A"]).data(), ["10.0.9.9"]);
    let mixed = json!({"Node": "Mixed-Case", "Address": "10.0.9.20"});
    let registered = agent.http.put(agent.url("/v1/catalog/register")).json(&mixed).send().await.unwrap();
    assert_eq!(registered.status(), 200);
    for name in ["mixed-case.node.consul", "MIXED-case.node.consul"] {
        assert_eq!(dig(addr, &[name, "A"]).data(), ["10.0.9.20"], "{name}");
    }
    // SRV targets on that node carry its metadata too.
    let r = dig(addr, &["cache.service.consul", "SRV"]);
    assert_eq!(r.answers, ["cache.service.consul. 0 IN SRV 1 1 6379 rack-node.node.dc1.consul."], "{}", r.text);
    assert!(r.additional.contains(&"rack-node.node.dc1.consul. 0 IN A 10.0.9.9".to_owned()), "{}", r.text);
    assert!(r.additional.contains(&"rack-node.node.dc1.consul. 0 IN TXT \"rack=a1\"".to_owned()), "{}", r.text);

    // The connect name: web's sidecar (its port), not web; in any case.
    let r = dig(addr, &["web.connect.consul", "SRV"]);
    assert_eq!(r.answers, ["web.connect.consul. 0 IN SRV 1 1 21000 dns-node.node.dc1.consul."], "{}", r.text);
    assert_eq!(dig(addr, &["WEB.connect.consul", "SRV"]).answers.len(), 1);

    // Reverse lookups: a node's address names the node; a service's address names the service.
    let r = dig(addr, &["-x", "10.0.9.9"]);
    assert_eq!(r.answers, ["9.9.0.10.in-addr.arpa. 0 IN PTR rack-node.node.dc1.consul."], "{}", r.text);
    let r = dig(addr, &["-x", "10.0.9.10"]);
    assert_eq!(r.answers, ["10.9.0.10.in-addr.arpa. 0 IN PTR mail.service.dc1.consul."], "{}", r.text);
    // An address nobody has is outside the zone: no recursors, SERVFAIL.
    assert_eq!(dig(addr, &["-x", "192.0.2.77"]).status, "SERVFAIL");

    // The zone: SOA with the servers as NS in the authority section (their addresses as
    // glue), and NS.
    let r = dig(addr, &["consul", "SOA"]);
    assert_eq!(r.status, "NOERROR");
    assert!(r.answers[0].starts_with("consul. 0 IN SOA ns.consul. hostmaster.consul. "), "{}", r.text);
    assert!(r.answers[0].ends_with(" 3600 600 86400 0"), "refresh, retry, expire, minimum: {}", r.text);
    assert_eq!(r.authority, ["consul. 0 IN NS dns-node.node.dc1.consul."], "{}", r.text);
    assert_eq!(r.additional, ["dns-node.node.dc1.consul. 0 IN A 127.0.0.1"], "{}", r.text);
    let r = dig(addr, &["consul", "NS"]);
    assert_eq!(r.answers, ["consul. 0 IN NS dns-node.node.dc1.consul."], "{}", r.text);
    // Any name in the zone asked for SOA or NS gets the zone's, as the reference.
    let r = dig(addr, &["web.service.consul", "SOA"]);
    assert!(r.answers[0].starts_with("consul. 0 IN SOA ns.consul. "), "{}", r.text);
    assert_eq!(dig(addr, &["nope.consul", "NS"]).answers, ["consul. 0 IN NS dns-node.node.dc1.consul."]);
    agent.stop().await;
}
