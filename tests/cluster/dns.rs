//! The DNS interface of a `-dev` agent, asked with `dig` as users do: each name form, A and
//! SRV records (with the targets' addresses in the additional section), health filtering,
//! the reference's return codes, UDP cut to three answers without EDNS while TCP gets them
//! all, and garbage that never stops the server answering.

use std::net::SocketAddr;
use std::process::Command;

use fedctl::config::ConfigFlags;
use serde_json::json;

use crate::support::agent::{TestAgent, agent_with, free_ports};
use crate::support::{eventually, have_tool};

async fn dns_agent() -> (TestAgent, SocketAddr) {
    let agent =
        agent_with(ConfigFlags { dev: true, node: Some("dns-node".into()), dns_port: Some(0), ..free_ports() }).await;
    let addr = agent.agent.dns_addr.expect("ports.dns was set");
    (agent, addr)
}

/// `dig` at `addr` with `args`: (status, the answer section's lines, the whole output).
fn dig(addr: SocketAddr, args: &[&str]) -> (String, Vec<String>, String) {
    let out = Command::new("dig")
        .args([&format!("@{}", addr.ip()), "-p", &addr.port().to_string(), "+tries=1", "+time=3"])
        .args(args)
        .output()
        .expect("running dig");
    // Whitespace collapsed, line by line: records read as `name ttl IN type data`.
    let text: String = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ") + "\n")
        .collect();
    let status = text.split("status: ").nth(1).and_then(|s| s.split(',').next()).unwrap_or("").to_owned();
    let mut answers = Vec::new();
    let mut section = "";
    for line in text.lines() {
        if let Some(name) = line.strip_prefix(";; ").and_then(|l| l.strip_suffix(" SECTION:")) {
            section = if name == "ANSWER" { "answer" } else { "" };
        } else if line.trim().is_empty() {
            section = "";
        } else if section == "answer" {
            answers.push(line.to_owned());
        }
    }
    (status, answers, text)
}

async fn register(agent: &TestAgent, definition: serde_json::Value) {
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
    eventually("web's two instances answer", async || dig(addr, &["web.service.consul", "A"]).1.len() == 2).await;

    // A: the service address, else the node's.
    let (status, answers, _) = dig(addr, &["web.service.consul", "A"]);
    assert_eq!(status, "NOERROR");
    let mut shown: Vec<String> = answers.iter().map(|a| a.rsplit(' ').next().unwrap().to_owned()).collect();
    shown.sort();
    assert_eq!(shown, ["10.0.0.5", "127.0.0.1"], "{answers:?}");
    // A tag, the datacenter label, RFC 2782 (with and without .service), upper case.
    let (_, answers, _) = dig(addr, &["v1.web.service.dc1.consul", "A"]);
    assert_eq!(answers, ["v1.web.service.dc1.consul. 0 IN A 10.0.0.5"]);
    for name in ["_web._v2.service.consul", "_web._v2.consul", "_WEB._V2.SERVICE.CONSUL"] {
        let (status, answers, text) = dig(addr, &[name, "SRV"]);
        assert_eq!(status, "NOERROR", "{text}");
        assert_eq!(answers.len(), 1, "{text}");
        assert!(answers[0].ends_with("IN SRV 1 1 8081 dns-node.node.dc1.consul."), "{text}");
        assert!(
            text.contains("dns-node.node.dc1.consul. 0 IN A 127.0.0.1"),
            "the target's address, additional: {text}"
        );
    }
    // SRV of an instance with its own address: an addr target.
    let (_, answers, text) = dig(addr, &["v1.web.service.consul", "SRV"]);
    assert_eq!(answers, ["v1.web.service.consul. 0 IN SRV 1 1 8080 0a000005.addr.dc1.consul."], "{text}");
    assert!(text.contains("0a000005.addr.dc1.consul. 0 IN A 10.0.0.5"), "{text}");
    let (_, answers, _) = dig(addr, &["0a000005.addr.consul", "A"]);
    assert_eq!(answers, ["0a000005.addr.consul. 0 IN A 10.0.0.5"]);
    // The node, and the consul service of the servers.
    let (_, answers, _) = dig(addr, &["dns-node.node.consul", "A"]);
    assert_eq!(answers, ["dns-node.node.consul. 0 IN A 127.0.0.1"]);
    let (_, answers, _) = dig(addr, &["consul.service.consul", "A"]);
    assert_eq!(answers, ["consul.service.consul. 0 IN A 127.0.0.1"]);

    // Health: db's TTL check is critical, so db has no instance to answer; passing, it has.
    let (status, answers, text) = dig(addr, &["db.service.consul", "A"]);
    assert_eq!((status.as_str(), answers.len()), ("NXDOMAIN", 0), "{text}");
    assert!(text.contains("consul. 0 IN SOA ns.consul. hostmaster.consul."), "the SOA: {text}");
    let passed = agent.http.put(agent.url("/v1/agent/check/pass/service:db-1")).send().await.unwrap();
    assert_eq!(passed.status(), 200);
    eventually("db answers once passing", async || dig(addr, &["db.service.consul", "A"]).1.len() == 1).await;

    // Return codes: unknown names, an unknown datacenter, two datacenter labels, out of the
    // domain (no recursors), a name with no records of the type.
    for (name, qtype, want) in [
        ("nope.service.consul", "A", "NXDOMAIN"),
        ("nope.node.consul", "A", "NXDOMAIN"),
        ("web.service.dc9.consul", "A", "NXDOMAIN"),
        ("web.service.dc1.dc2.consul", "A", "NXDOMAIN"),
        ("web.consul", "A", "NXDOMAIN"),
        ("example.com", "A", "SERVFAIL"),
        ("web.service.consul", "AAAA", "NOERROR"),
    ] {
        let (status, answers, text) = dig(addr, &[name, qtype]);
        assert_eq!((status.as_str(), answers.len()), (want, 0), "{name} {qtype}: {text}");
    }
    let (status, answers, _) = dig(addr, &["consul", "SOA"]);
    assert_eq!(status, "NOERROR");
    assert!(answers[0].starts_with("consul. 0 IN SOA ns.consul. hostmaster.consul."), "{answers:?}");
    agent.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn udp_without_edns_gets_three_answers_and_tcp_all_and_garbage_changes_nothing() {
    if !have_tool("dig", "to ask the DNS interface") {
        return;
    }
    let (agent, addr) = dns_agent().await;
    for i in 0..10 {
        register(
            &agent,
            json!({"Name": "api", "ID": format!("api-{i}"), "Port": 9000, "Address": format!("10.0.1.{i}")}),
        )
        .await;
    }
    eventually("ten instances over TCP", async || dig(addr, &["+tcp", "api.service.consul", "A"]).1.len() == 10).await;
    let (_, answers, _) = dig(addr, &["+noedns", "+ignore", "api.service.consul", "A"]);
    assert_eq!(answers.len(), 3, "udp_answer_limit: {answers:?}");
    let (_, answers, _) = dig(addr, &["+bufsize=4096", "api.service.consul", "A"]);
    assert_eq!(answers.len(), 10, "with EDNS the byte size alone limits: {answers:?}");
    // Answers are shuffled: the first of three is not always the same.
    let firsts: std::collections::BTreeSet<String> =
        (0..20).map(|_| dig(addr, &["+noedns", "+ignore", "api.service.consul", "A"]).1[0].clone()).collect();
    assert!(firsts.len() > 1, "{firsts:?}");

    // Garbage over UDP and TCP: the server keeps answering.
    let socket = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    for packet in
        [&b""[..], b"\x00", &[0xff; 12], &[0u8; 512], b"\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\xc0\x0c"]
    {
        socket.send_to(packet, addr).unwrap();
    }
    let mut tcp = std::net::TcpStream::connect(addr).unwrap();
    std::io::Write::write_all(&mut tcp, b"\x00\x05junk").unwrap();
    drop(tcp);
    let (status, answers, _) = dig(addr, &["api.service.consul", "A"]);
    assert_eq!((status.as_str(), answers.is_empty()), ("NOERROR", false));
    agent.stop().await;
}
