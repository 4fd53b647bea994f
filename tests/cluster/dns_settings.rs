//! What `dns_config`, `alt_domain` and `recursors` change, asked with `dig`: TTLs, health
//! filtering with `only_passing`, `a_record_limit` (with every question read through:
//! `use_cache = false`), UDP truncation (three answers without
//! EDNS, the TC bit with `enable_truncate`, then everything over TCP), EDNS sizes, and names
//! outside the domain asked of the recursors in order.

use serde_json::json;

use super::dns::{dns_agent, dns_agent_with, register};
use crate::support::dig::dig_at as dig;
use crate::support::recursor::{EXAMPLE_ADDRESS, Recursor};
use crate::support::{eventually, have_tool, temp_dir};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dns_config_sets_ttls_health_filtering_limits_and_a_second_domain() {
    if !have_tool("dig", "to ask the DNS interface") {
        return;
    }
    let dir = temp_dir();
    let config = dir.path().join("dns.hcl");
    std::fs::write(
        &config,
        r#"alt_domain = "mesh.internal"
dns_config {
  use_cache = false
  only_passing = true
  node_ttl = "7s"
  service_ttl = {
    "*" = "3s"
    "web" = "10s"
  }
  a_record_limit = 2
  soa {
    min_ttl = 5
  }
}
"#,
    )
    .unwrap();
    let (agent, addr) = dns_agent_with(vec![config]).await;
    for i in 0..4 {
        register(
            &agent,
            json!({"Name": "web", "ID": format!("web-{i}"), "Port": 80, "Address": format!("10.0.2.{i}")}),
        )
        .await;
    }
    register(&agent, json!({"Name": "db", "ID": "db-1", "Port": 5432, "Check": {"TTL": "60s"}})).await;
    register(&agent, json!({"Name": "api", "ID": "api-1", "Port": 9000, "Address": "10.0.3.1"})).await;
    eventually("web's instances answer over TCP", async || {
        dig(addr, &["+tcp", "web.service.consul", "SRV"]).answers.len() == 4
    })
    .await;

    // TTLs: web's own key beats the `*` prefix; nodes get node_ttl.
    let r = dig(addr, &["api.service.consul", "A"]);
    assert_eq!(r.answers, ["api.service.consul. 3 IN A 10.0.3.1"], "{}", r.text);
    let r = dig(addr, &["dns-node.node.consul", "A"]);
    assert_eq!(r.answers, ["dns-node.node.consul. 7 IN A 127.0.0.1"], "{}", r.text);
    // a_record_limit: two A records, over TCP too; SRV answers are not limited.
    for transport in ["+notcp", "+tcp"] {
        let r = dig(addr, &[transport, "web.service.consul", "A"]);
        assert_eq!(r.answers.len(), 2, "{transport}: {}", r.text);
        assert!(r.answers.iter().all(|a| a.contains(" 10 IN A 10.0.2.")), "{}", r.text);
    }
    assert_eq!(dig(addr, &["+tcp", "web.service.consul", "SRV"]).answers.len(), 4);

    // only_passing: warning is no longer enough.
    for (verb, answers) in [("warn", 0), ("pass", 1)] {
        let r = agent.http.put(agent.url(&format!("/v1/agent/check/{verb}/service:db-1"))).send().await.unwrap();
        assert_eq!(r.status(), 200);
        eventually(&format!("db {verb}: {answers} answers"), async || {
            dig(addr, &["db.service.consul", "A"]).answers.len() == answers
        })
        .await;
    }

    // The second domain answers as the first, in its own names; the SOA's minimum TTL is
    // also its TTL.
    let r = dig(addr, &["api.service.mesh.internal", "A"]);
    assert_eq!(r.answers, ["api.service.mesh.internal. 3 IN A 10.0.3.1"], "{}", r.text);
    let r = dig(addr, &["api.service.mesh.internal", "SRV"]);
    assert_eq!(
        r.answers,
        ["api.service.mesh.internal. 3 IN SRV 1 1 9000 0a000301.addr.dc1.mesh.internal."],
        "{}",
        r.text
    );
    let r = dig(addr, &["nope.service.mesh.internal", "A"]);
    assert!(
        r.authority[0].starts_with("mesh.internal. 5 IN SOA ns.mesh.internal. hostmaster.mesh.internal."),
        "{}",
        r.text
    );
    let r = dig(addr, &["mesh.internal", "NS"]);
    assert_eq!(r.answers, ["mesh.internal. 7 IN NS dns-node.node.dc1.mesh.internal."], "{}", r.text);
    let r = dig(addr, &["nope.service.consul", "A"]);
    assert_eq!(r.status, "NXDOMAIN");
    assert!(r.authority[0].starts_with("consul. 5 IN SOA ns.consul. hostmaster.consul. "), "{}", r.text);
    assert!(r.authority[0].ends_with(" 3600 600 86400 5"), "{}", r.text);
    agent.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn udp_answers_are_cut_with_the_tc_bit_when_asked_and_tcp_gets_everything() {
    if !have_tool("dig", "to ask the DNS interface") {
        return;
    }
    // The default: three answers without EDNS, no TC bit.
    let (agent, addr) = dns_agent().await;
    for i in 0..10 {
        register(
            &agent,
            json!({"Name": "api", "ID": format!("api-{i}"), "Port": 9000, "Address": format!("10.0.1.{i}")}),
        )
        .await;
    }
    eventually("ten instances over TCP", async || dig(addr, &["+tcp", "api.service.consul", "A"]).answers.len() == 10)
        .await;
    let r = dig(addr, &["+noedns", "+ignore", "api.service.consul", "A"]);
    assert_eq!(r.answers.len(), 3, "udp_answer_limit: {}", r.text);
    assert!(!r.has_flag("tc"), "enable_truncate is off: {}", r.text);
    let r = dig(addr, &["+bufsize=4096", "api.service.consul", "A"]);
    assert_eq!(r.answers.len(), 10, "with EDNS the byte size alone limits: {}", r.text);
    // Answers are shuffled: the first of three is not always the same.
    let firsts: std::collections::BTreeSet<String> =
        (0..20).map(|_| dig(addr, &["+noedns", "+ignore", "api.service.consul", "A"]).answers[0].clone()).collect();
    assert!(firsts.len() > 1, "{firsts:?}");
    agent.stop().await;

    // enable_truncate: the TC bit on a cut UDP answer, and dig (as any resolver) asks again
    // over TCP, where every answer comes with every target's address.
    let dir = temp_dir();
    let config = dir.path().join("truncate.hcl");
    std::fs::write(&config, "dns_config {\n  enable_truncate = true\n  udp_answer_limit = 2\n}\n").unwrap();
    let (agent, addr) = dns_agent_with(vec![config]).await;
    for i in 0..40 {
        register(
            &agent,
            json!({"Name": "big", "ID": format!("big-{i}"), "Port": 9000, "Address": format!("10.0.4.{i}")}),
        )
        .await;
    }
    eventually("forty instances over TCP", async || {
        dig(addr, &["+tcp", "big.service.consul", "SRV"]).answers.len() == 40
    })
    .await;
    let r = dig(addr, &["+noedns", "+ignore", "big.service.consul", "SRV"]);
    assert!(r.has_flag("tc"), "{}", r.text);
    assert_eq!(r.answers.len(), 2, "{}", r.text);
    assert_eq!(r.additional.len(), 2, "the additionals of the answers kept: {}", r.text);
    let r = dig(addr, &["+bufsize=1232", "+ignore", "big.service.consul", "SRV"]);
    assert!(r.has_flag("tc") && r.answers.len() < 40, "EDNS 1232 bytes hold fewer than 40: {}", r.text);
    let r = dig(addr, &["+noedns", "big.service.consul", "SRV"]);
    assert!(r.text.contains(";; Truncated, retrying in TCP mode."), "{}", r.text);
    assert!(!r.has_flag("tc"), "{}", r.text);
    assert_eq!((r.answers.len(), r.additional.len()), (40, 40), "{}", r.text);
    agent.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn names_outside_the_domain_go_to_the_recursors_in_order() {
    if !have_tool("dig", "to ask the DNS interface") {
        return;
    }
    let (first, second) = (Recursor::start().await, Recursor::start().await);
    first.fail(true);
    let dir = temp_dir();
    let config = dir.path().join("recursors.hcl");
    std::fs::write(&config, format!("recursors = [\"{}\", \"{}\"]\n", first.addr, second.addr)).unwrap();
    let (agent, addr) = dns_agent_with(vec![config]).await;

    // The first recursor fails: the second answers, over UDP and TCP, recursion available.
    for transport in ["+notcp", "+tcp"] {
        let r = dig(addr, &[transport, "example.com", "A"]);
        assert_eq!(r.status, "NOERROR", "{transport}: {}", r.text);
        assert_eq!(r.data(), [EXAMPLE_ADDRESS], "{}", r.text);
        assert!(r.has_flag("ra"), "{}", r.text);
    }
    assert_eq!((first.asked(), second.asked()), (2, 2), "each question asked of the first, then the second");
    // NXDOMAIN is an answer, passed on as is.
    let r = dig(addr, &["nope.example", "A"]);
    assert_eq!(r.status, "NXDOMAIN", "{}", r.text);
    assert_eq!((first.asked(), second.asked()), (3, 3));
    // Names in the domain are never sent on.
    assert_eq!(dig(addr, &["consul.service.consul", "A"]).answers.len(), 1);
    assert_eq!((first.asked(), second.asked()), (3, 3));
    // Every recursor failing: SERVFAIL.
    second.fail(true);
    assert_eq!(dig(addr, &["example.com", "A"]).status, "SERVFAIL");
    // A reverse name nobody in the catalog has goes to the recursors too.
    second.fail(false);
    assert_eq!(dig(addr, &["-x", "192.0.2.1"]).status, "NXDOMAIN");
    agent.stop().await;
}
