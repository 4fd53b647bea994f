//! The keys fedctl's config files take, documented for the agent's `-help` and man page. A
//! test holds [`CONFIG_KEYS`] to [`accepted_keys`], the keys serde reads, so neither drifts.

use super::suggest::fields_of;
use crate::config::file::{FileAcl, FileAclTokens, FileConfig, FileConnect, FilePorts};
use crate::config::{FileDnsConfig, FileLimits, FileSoa};

/// Every key an agent config file takes (a key in a block dotted: `ports.http` is `http` in
/// `ports { }`), with what it does and its default.
pub const CONFIG_KEYS: &[(&str, &str)] = &[
    ("node_name", "the node's name, a DNS label (default: the host name's first label)"),
    ("datacenter", "the datacenter's name, a DNS label (default: dc1)"),
    ("server", "run as a server (default: off: a client agent, which needs retry_join to find servers)"),
    ("bootstrap_expect", "servers that must see each other before raft forms (default: 1)"),
    ("data_dir", "where the raft log and the node ID are kept, mode 0700 (required unless -dev)"),
    ("bind_addr", "the address of the gossip and server ports (default: 0.0.0.0; 127.0.0.1 with -dev)"),
    (
        "advertise_addr",
        "the address other agents reach this one at (default: bind_addr, or the primary IP when that is 0.0.0.0)",
    ),
    ("client_addr", "the address of the HTTP and xDS ports (default: 127.0.0.1)"),
    ("ports.http", "the HTTP API's port; -1 disables, 0 picks a free port (default: 8500)"),
    ("ports.server", "the server port: RPC and raft (default: 8300)"),
    ("ports.serf_lan", "the LAN gossip port (default: 8301)"),
    ("ports.serf_wan", "the WAN gossip port (default: 8302)"),
    ("ports.grpc", "the xDS (gRPC) port Envoy connects to (default: 8502)"),
    ("ports.grpc_tls", "xDS over TLS with the agent's cert_file and key_file (default: off)"),
    (
        "ports.https",
        "the HTTP API over TLS with the agent's cert_file and key_file, Consul's 8501 (default: off); set ports.http = -1 to serve HTTPS only",
    ),
    ("ports.dns", "the DNS interface, UDP and TCP, on client_addr; -1 disables, 0 picks a free port (default: 8600)"),
    (
        "domain",
        "the domain of the datacenters' names, as in server.<datacenter>.<domain> and web.service.<domain> (default: consul)",
    ),
    (
        "alt_domain",
        "a second domain the DNS interface answers as the first; it may not start with service, connect, \
         node, query, addr or the datacenter (default: none)",
    ),
    (
        "recursors",
        "DNS servers (IP, with a port or without: 53) that names outside the domains are asked of, in order \
         (default: none: such names get SERVFAIL)",
    ),
    ("dns_config.allow_stale", "any server may answer a DNS question, not only the leader (default: true)"),
    ("dns_config.max_stale", "an answer staler than this is asked again of the leader (default: 87600h)"),
    (
        "dns_config.use_cache",
        "answer from a view of each name kept current by a blocking query, so a question for another datacenter does not cross the WAN each time (default: true; Consul's is false)",
    ),
    (
        "dns_config.cache_max_age",
        "a view older than this since a server last answered it is read again; 0 is no limit (default: 0s)",
    ),
    ("dns_config.node_ttl", "the TTL of node, addr and NS records (default: 0s)"),
    (
        "dns_config.service_ttl",
        "TTLs of service records by service name; a name ending in * is a prefix, * alone every service \
         (default: 0s)",
    ),
    (
        "dns_config.only_passing",
        "answer only instances whose every check passes; off: all but those with a critical check \
         (default: off)",
    ),
    ("dns_config.udp_answer_limit", "answers in a UDP reply without EDNS, at most 8 (default: 3)"),
    ("dns_config.a_record_limit", "A and AAAA answers in any reply; 0 is no limit (default: 0)"),
    ("dns_config.enable_truncate", "set the TC bit on a UDP reply that was cut (default: off)"),
    ("dns_config.recursor_timeout", "how long one recursor may take (default: 2s)"),
    (
        "dns_config.enable_additional_node_meta_txt",
        "a node's metadata as TXT records in the additional section of SRV answers (default: true)",
    ),
    ("dns_config.soa.refresh", "the SOA record's refresh, in seconds (default: 3600)"),
    ("dns_config.soa.retry", "the SOA record's retry, in seconds (default: 600)"),
    ("dns_config.soa.expire", "the SOA record's expire, in seconds (default: 86400)"),
    ("dns_config.soa.min_ttl", "the SOA record's minimum TTL, and its own TTL, in seconds (default: 0)"),
    ("log_level", "trace, debug, info, warn or error (default: info; FEDCTL_LOG overrides)"),
    ("log_json", "log as JSON (default: off)"),
    (
        "retry_join",
        "addresses to join at start, retried with backoff: host, host:port or DNS name (port 8301 by default)",
    ),
    ("retry_join_wan", "WAN addresses of servers in other datacenters to join (port 8302 by default); servers only"),
    ("primary_datacenter", "the datacenter that holds the canonical federation states (default: this one)"),
    (
        "federation_state_prune_grace",
        "how long a datacenter may be gone from the WAN pool before the primary prunes its federation state \
         (default: 24h)",
    ),
    ("session_ttl_min", "the shortest session TTL accepted; at most 24h is (default: 10s)"),
    ("connect.enabled", "Connect, which enable_mesh_gateway_wan_federation needs (default: off)"),
    (
        "connect.enable_mesh_gateway_wan_federation",
        "servers of different datacenters talk only through mesh gateways; needs TLS with every verify_* key \
         (default: off)",
    ),
    (
        "connect.default_intention_policy",
        "allow or deny: what a connection no intention matches gets at a sidecar (default: acl.default_policy with ACLs on, else allow)",
    ),
    ("acl.enabled", "turn on ACLs: every request needs a token whose policies allow it (default: off)"),
    (
        "acl.default_policy",
        "allow or deny: what a token gets where no rule of its policies decides (default: allow; ACL \
         management always needs a rule)",
    ),
    (
        "acl.down_policy",
        "allow, deny, extend-cache or async-cache: what a token gets while the servers that resolve it \
         cannot be reached (default: extend-cache); never more than the default policy for an unknown token",
    ),
    ("acl.token_ttl", "how long a client agent keeps a resolved token (default: 30s)"),
    ("acl.tokens.master", "a management token the primary's leader installs (SecretID; primary servers only)"),
    ("acl.tokens.default", "the token of requests that bring none (default: anonymous)"),
    (
        "acl.tokens.agent",
        "the agent's own token: its node's registration and anti-entropy (default: the default token)",
    ),
    ("acl.tokens.agent_master", "a token resolved on this agent alone, to operate it while servers are away"),
    ("acl.tokens.replication", "a secondary's token for replicating from the primary"),
    (
        "primary_gateways",
        "mesh gateways of the primary datacenter to bootstrap WAN federation through (host:port or DNS \
         name:port); secondaries only",
    ),
    (
        "encrypt",
        "the gossip encryption key: base64 of 16 or 32 random bytes (`fedctl keygen`); seeds the keyrings \
         in <data_dir>/serf/ the first time, after which the keyring files win (default: none: gossip in the clear)",
    ),
    (
        "encrypt_verify_incoming",
        "refuse gossip packets that are not encrypted (default: true; false while turning encryption on)",
    ),
    ("encrypt_verify_outgoing", "encrypt the gossip packets sent (default: true; false while turning encryption on)"),
    ("disable_keyring_file", "keep the gossip keyring in memory only, not in <data_dir>/serf/ (default: false)"),
    ("primary_gateways_interval", "how often primary_gateways are resolved again (default: 30s)"),
    ("ca_file", "the CA certificate (PEM) the agents' certificates are checked against (default: none)"),
    ("cert_file", "the agent's certificate (PEM); TLS is on when it is set (default: none: plaintext)"),
    ("key_file", "the private key (PEM) of cert_file (default: none)"),
    (
        "verify_incoming",
        "refuse plaintext on the server port, and require a client certificate on the HTTPS port (default: off)",
    ),
    ("verify_incoming_https", "require a client certificate signed by ca_file on the HTTPS port (default: off)"),
    ("verify_outgoing", "use TLS for outgoing server connections (default: off)"),
    (
        "verify_server_hostname",
        "dial servers as <node>.server.<datacenter>.<domain> and accept only peer servers whose certificate \
         is valid for server.<datacenter>.<domain> (default: off)",
    ),
    ("raft_snapshot_threshold", "raft log entries between snapshots (default: 16384)"),
    ("limits.http_max_conns_per_client", "open HTTP connections per client IP; 0 is no limit (default: 200)"),
    ("limits.https_handshake_timeout", "the longest a TLS handshake on the HTTP or gRPC port may take (default: 5s)"),
    (
        "limits.rpc_handshake_timeout",
        "the longest a connection to the server port may take to say what it is and finish its TLS handshake \
         (default: 5s)",
    ),
    (
        "limits.http_header_read_timeout",
        "fedctl's: the longest an HTTP request's headers may take to arrive, and a keep-alive connection may \
         sit idle (default: 30s)",
    ),
    (
        "service",
        "a service to register (a block, repeatable; `services` for a list), with name, id, port, tags, \
         address, meta and check/checks",
    ),
    ("services", "services to register, a list of what `service` takes"),
    (
        "check",
        "a check to register (a block, repeatable; `checks` for a list): tcp, http or ttl, with id, name, \
         service_id, interval and timeout",
    ),
    ("checks", "checks to register, a list of what `check` takes"),
];

/// [`CONFIG_KEYS`] as help text: a heading, then one key a line with its description, the
/// descriptions aligned. No line break at the end.
pub fn config_keys_help() -> String {
    let mut out = String::from("Config file keys (HCL or JSON; flags override them):");
    for (key, description) in CONFIG_KEYS {
        out.push_str(&format!("\n  {key}"));
        for line in wrap(description, HELP_WIDTH - DESCRIPTION_INDENT.len()) {
            out.push_str(&format!("\n{DESCRIPTION_INDENT}{line}"));
        }
    }
    out
}

/// Lines at most this wide need no wrapping by the terminal (help) or by man (80 columns less
/// its indent), either of which would lose their indent.
const HELP_WIDTH: usize = 72;
const DESCRIPTION_INDENT: &str = "      ";

/// `text` in lines of at most `width` characters, broken at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.len() + 1 + word.len() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// The keys an agent config file takes, as serde reads them: the top level's, with a block's
/// (`ports`, `connect`, `limits`) replaced by its own keys, dotted (`ports.http`). `service`,
/// `services`, `check` and `checks` are one key each.
pub fn accepted_keys() -> Vec<String> {
    let mut out = Vec::new();
    for &name in fields_of::<FileConfig>() {
        let block = match name {
            "ports" => fields_of::<FilePorts>(),
            "connect" => fields_of::<FileConnect>(),
            "limits" => fields_of::<FileLimits>(),
            "dns_config" => {
                for &field in fields_of::<FileDnsConfig>() {
                    match field {
                        "soa" => out.extend(fields_of::<FileSoa>().iter().map(|t| format!("dns_config.soa.{t}"))),
                        _ => out.push(format!("dns_config.{field}")),
                    }
                }
                continue;
            }
            "acl" => {
                for &field in fields_of::<FileAcl>() {
                    match field {
                        "tokens" => out.extend(fields_of::<FileAclTokens>().iter().map(|t| format!("acl.tokens.{t}"))),
                        _ => out.push(format!("acl.{field}")),
                    }
                }
                continue;
            }
            _ => {
                out.push(name.to_owned());
                continue;
            }
        };
        out.extend(block.iter().map(|field| format!("{name}.{field}")));
    }
    out
}
