//! The DNS server's answers: each question answered from the catalog of the datacenter it
//! names through the one request path (with the agent's `default` token: DNS has no way to
//! pass one), names outside the zones asked of the recursors, as the reference shapes answers
//! and return codes.

use std::sync::Arc;

use hickory_proto::op::{Edns, Message, MessageType, OpCode, Query as Question, ResponseCode};
use hickory_proto::rr::{Record, RecordType};

use super::answer::{Records, addr_records, answered, node_records, ns_records, ptr_records, service_records, soa};
use super::names::{Lookup, NameError, parse, reverse};
use super::recurse::recurse;
use super::settings::DnsSettings;
use super::trim::{Transport, fit};
use super::views::{Read, Views};
use crate::backend::Backend;
use crate::state::{Node, Query, QueryResult, ReadReply, ReadRequest, RequestError};

/// Answers questions; cheap to clone.
#[derive(Debug, Clone)]
pub struct DnsServer {
    backend: Backend,
    settings: Arc<DnsSettings>,
    /// The agent's datacenter, for names without one.
    datacenter: String,
    /// With `use_cache`: the views answers come from.
    views: Option<Views>,
}

/// How a question was answered, before truncation.
struct Outcome {
    code: ResponseCode,
    records: Records,
    /// The SOA goes in the authority section (NXDOMAIN, or a name without records of the type).
    with_soa: bool,
    /// NS records in the authority section (the zone's SOA question; their glue is in the
    /// additional section of `records`).
    authority: Vec<Record>,
}

impl Outcome {
    fn code(code: ResponseCode, with_soa: bool) -> Outcome {
        Outcome { code, records: Records::default(), with_soa, authority: Vec::new() }
    }

    /// NOERROR with `records`; the SOA too when they hold no answer.
    fn records(records: Records) -> Outcome {
        let with_soa = records.answers.is_empty();
        Outcome { code: ResponseCode::NoError, records, with_soa, authority: Vec::new() }
    }
}

/// What a question turned into: an answer of ours, or a recursor's reply to pass on as is.
enum Reply {
    Ours(Outcome),
    Forwarded(Vec<u8>),
}

impl DnsServer {
    pub fn new(backend: Backend, settings: DnsSettings, datacenter: &str, views: Option<Views>) -> DnsServer {
        DnsServer { backend, settings: Arc::new(settings), datacenter: datacenter.to_owned(), views }
    }

    /// The reply to `packet` (`tcp`: complete; else cut to fit a datagram), or `None` for a
    /// packet that is not a question at all.
    pub async fn reply(&self, packet: &[u8], tcp: bool) -> Option<Vec<u8>> {
        let request = match Message::from_vec(packet) {
            Ok(m) => m,
            // A header's worth of bytes: say it is malformed, to its ID; less: silence.
            Err(_) if packet.len() >= 12 => {
                let id = u16::from_be_bytes([packet[0], packet[1]]);
                return Message::error_msg(id, OpCode::Query, ResponseCode::FormErr).to_vec().ok();
            }
            Err(_) => return None,
        };
        if request.message_type() != MessageType::Query {
            return None;
        }
        let mut response = Message::new();
        response
            .set_id(request.id())
            .set_message_type(MessageType::Response)
            .set_op_code(request.op_code())
            .set_recursion_desired(request.recursion_desired())
            .set_recursion_available(!self.settings.recursors.is_empty());
        response.add_queries(request.queries().iter().cloned());
        let edns = request.extensions().as_ref();
        if let Some(edns) = edns {
            let mut ours = Edns::new();
            ours.set_max_payload(edns.max_payload().max(512));
            response.set_edns(ours);
        }
        let outcome = match (request.op_code(), request.queries()) {
            (OpCode::Query, [question]) => match self.answer(question, packet, tcp).await {
                Reply::Ours(outcome) => outcome,
                Reply::Forwarded(reply) => return Some(reply),
            },
            (OpCode::Query, _) => Outcome::code(ResponseCode::FormErr, false),
            _ => Outcome::code(ResponseCode::NotImp, false),
        };
        response.set_response_code(outcome.code);
        // Authoritative for the zones (and the reverse names answered from the catalog), not
        // for a name outside them that failed.
        let ours = outcome.code != ResponseCode::ServFail || self.zone_of(request.queries()).is_some();
        response.set_authoritative(ours);
        if outcome.with_soa {
            let zone = self.zone_of(request.queries()).unwrap_or(&self.settings.domain);
            response.add_name_server(soa(&self.settings, zone));
        }
        let Records { answers, additionals } = outcome.records;
        response.add_name_servers(outcome.authority);
        let transport = match (tcp, edns) {
            (true, _) => Transport::Tcp,
            (false, None) => Transport::udp(self.settings.udp_answer_limit),
            (false, Some(e)) => Transport::Edns { size: usize::from(e.max_payload()) },
        };
        // A record that cannot be encoded (a TXT string over 255 bytes): SERVFAIL, not silence.
        fit(response, answers, additionals, transport, self.settings.enable_truncate)
            .or_else(|| Message::error_msg(request.id(), request.op_code(), ResponseCode::ServFail).to_vec().ok())
    }

    async fn answer(&self, question: &Question, packet: &[u8], tcp: bool) -> Reply {
        let qtype = question.query_type();
        if qtype == RecordType::AXFR {
            return Reply::Ours(Outcome::code(ResponseCode::NotImp, false));
        }
        let text = super::names::fqdn(&question.name().to_lowercase().to_ascii());
        let Some(zone) = self.settings.zone_of(&text) else {
            if let Some(ip) = reverse(&text)
                && let Some(outcome) = self.ptr(question, ip).await
            {
                return Reply::Ours(outcome);
            }
            return self.recurse(question, packet, tcp).await;
        };
        // SOA and NS questions get the zone's, whatever the name in it (as the reference's
        // handleQuery).
        if matches!(qtype, RecordType::SOA | RecordType::NS) {
            return Reply::Ours(self.zone_records(qtype, zone).await);
        }
        let name = match parse(&text, zone, qtype == RecordType::SRV) {
            Ok(name) => name,
            Err(NameError::OutsideDomain) => return self.recurse(question, packet, tcp).await,
            Err(NameError::Invalid) => return Reply::Ours(Outcome::code(ResponseCode::NXDomain, true)),
        };
        let dc = name.datacenter.clone().unwrap_or_else(|| self.datacenter.clone());
        let outcome = match name.lookup {
            Lookup::Service { service, tag, connect } => {
                let query = Query::CheckServiceNodes { service: service.clone(), tag, passing: false, connect };
                match self.read(&name.datacenter, query).await.as_deref() {
                    Ok(QueryResult::CheckServiceNodes(all)) => {
                        let mut instances: Vec<_> =
                            all.iter().filter(|i| answered(i, self.settings.only_passing)).collect();
                        if instances.is_empty() {
                            return Reply::Ours(Outcome::code(ResponseCode::NXDomain, true));
                        }
                        shuffle(&mut instances);
                        Outcome::records(service_records(
                            &self.settings,
                            zone,
                            question.name(),
                            qtype,
                            &dc,
                            &service,
                            &instances,
                        ))
                    }
                    Ok(_) => Outcome::code(ResponseCode::ServFail, false),
                    Err(e) => failed(e),
                }
            }
            // Only A, AAAA, ANY and TXT are asked of the catalog (as the reference's
            // nodeLookup): any other type is an empty NOERROR, known node or not.
            Lookup::Node { .. }
                if !matches!(qtype, RecordType::A | RecordType::AAAA | RecordType::ANY | RecordType::TXT) =>
            {
                Outcome::code(ResponseCode::NoError, false)
            }
            Lookup::Node { node } => match self.node(&name.datacenter, node).await {
                Ok(Some(node)) => Outcome::records(node_records(&self.settings, question.name(), qtype, &node)),
                Ok(None) => Outcome::code(ResponseCode::NXDomain, true),
                Err(e) => failed(&e),
            },
            Lookup::Addr(ip) => {
                Outcome { with_soa: false, ..Outcome::records(addr_records(&self.settings, question.name(), ip)) }
            }
        };
        Reply::Ours(outcome)
    }

    /// The zone `questions` ask in (the domain, or `alt_domain`); `None` outside both.
    fn zone_of(&self, questions: &[Question]) -> Option<&str> {
        let text = super::names::fqdn(&questions.first()?.name().to_lowercase().to_ascii());
        self.settings.zone_of(&text)
    }

    /// The node named `name` in `datacenter` (the question is lower case; a node's name is
    /// matched regardless of case, as the reference's, by the node list when it is not lower
    /// case itself).
    async fn node(&self, datacenter: &Option<String>, name: String) -> Result<Option<Node>, RequestError> {
        let exact = self.read(datacenter, Query::NodeServices { node: name.clone() }).await?;
        if let QueryResult::NodeServices(Some(view)) = exact.as_ref() {
            return Ok(Some(view.node.clone()));
        }
        let all = self.read(datacenter, Query::Nodes).await?;
        let QueryResult::Nodes(nodes) = all.as_ref() else { return Ok(None) };
        Ok(nodes.iter().find(|n| n.node.eq_ignore_ascii_case(&name)).cloned())
    }

    /// The zone apex's SOA (with up to three NS records in the authority section) or NS
    /// question, from the local `consul` service's servers.
    async fn zone_records(&self, qtype: RecordType, zone: &str) -> Outcome {
        let query = Query::CheckServiceNodes { service: "consul".into(), tag: None, passing: false, connect: false };
        let all = self.read(&None, query).await;
        let mut servers: Vec<_> = match all.as_deref() {
            Ok(QueryResult::CheckServiceNodes(servers)) => servers.iter().filter(|s| s.is_healthy()).collect(),
            Ok(_) => return Outcome::code(ResponseCode::ServFail, false),
            Err(e) => return failed(e),
        };
        shuffle(&mut servers);
        let ns = ns_records(&self.settings, zone, &self.datacenter, &servers);
        if qtype == RecordType::NS {
            return Outcome::records(ns);
        }
        let records = Records { answers: vec![soa(&self.settings, zone)], additionals: ns.additionals };
        Outcome { authority: ns.answers, ..Outcome::records(records) }
    }

    /// A reverse name's PTR records from the local datacenter's nodes, else its services'
    /// addresses; `None` when nothing is at `ip` (for the recursors).
    async fn ptr(&self, question: &Question, ip: std::net::IpAddr) -> Option<Outcome> {
        let read = |query| self.read_through(self.local(query));
        let Ok(QueryResult::Nodes(nodes)) = read(Query::Nodes).await.map(|r| r.result) else { return None };
        let mut services = Vec::new();
        if !nodes.iter().any(|n| n.address.parse() == Ok(ip)) {
            let query = Query::ServicesAt { address: ip.to_string() };
            if let Ok(QueryResult::ServiceNodes(instances)) = read(query).await.map(|r| r.result) {
                services.extend(instances.into_iter().map(|i| (i.service_name, i.service_address)));
            }
        }
        let records = ptr_records(&self.settings, question.name(), &self.datacenter, ip, &nodes, &services);
        (!records.answers.is_empty()).then(|| Outcome::records(records))
    }

    /// A name outside the zones: the recursors' reply, or SERVFAIL when there are none or
    /// every one failed.
    async fn recurse(&self, question: &Question, packet: &[u8], tcp: bool) -> Reply {
        let recursors = &self.settings.recursors;
        if recursors.is_empty() {
            return Reply::Ours(Outcome::code(ResponseCode::ServFail, false));
        }
        match recurse(recursors, packet, tcp, self.settings.recursor_timeout).await {
            Some(reply) => Reply::Forwarded(reply),
            None => {
                let name = question.name().to_ascii();
                let qtype = question.query_type();
                tracing::warn!(question = %name, %qtype, ?recursors, "all resolvers failed for question from client");
                Reply::Ours(Outcome::code(ResponseCode::ServFail, false))
            }
        }
    }

    /// `query` in this datacenter, with the agent's `default` token (DNS has no way to pass
    /// one).
    fn local(&self, query: Query) -> Read {
        Read { datacenter: None, query, token: self.backend.agent_tokens().or_default(None) }
    }

    /// One catalog read, in `datacenter` (the agent's when `None`): from its view with
    /// `use_cache` (which the read starts), else read through.
    async fn read(&self, datacenter: &Option<String>, query: Query) -> Result<Arc<QueryResult>, RequestError> {
        // `web.service.dc1.consul` asked of dc1 is the same read as `web.service.consul`.
        let datacenter = datacenter.clone().filter(|d| !d.eq_ignore_ascii_case(&self.datacenter));
        let read = Read { datacenter, ..self.local(query) };
        if let Some(result) = self.views.as_ref().and_then(|v| v.get(&read)) {
            return Ok(result);
        }
        let reply = self.read_through(read.clone()).await?;
        Ok(match &self.views {
            Some(views) => views.keep(&read, reply.index, reply.result),
            None => Arc::new(reply.result),
        })
    }

    /// A read of the servers: from any server with `allow_stale`, asked again of the leader
    /// when that answer is staler than `max_stale`.
    async fn read_through(&self, read: Read) -> Result<ReadReply, RequestError> {
        let ctx = read.context(false);
        if self.settings.allow_stale {
            let reply = self.backend.read(&ctx.clone().stale(), ReadRequest::now(read.query.clone())).await?;
            if u128::from(reply.last_contact_ms) <= self.settings.max_stale.as_millis() {
                return Ok(reply);
            }
            tracing::debug!(last_contact_ms = reply.last_contact_ms, "Query results too stale, re-requesting");
        }
        self.backend.read(&ctx, ReadRequest::now(read.query)).await
    }
}

/// A failed read: an unknown datacenter is NXDOMAIN (as the reference since 1.8.1), anything
/// else SERVFAIL.
fn failed(error: &RequestError) -> Outcome {
    match error {
        RequestError::NoPathToDatacenter(_) => Outcome::code(ResponseCode::NXDomain, true),
        other => {
            tracing::debug!(error = %other, "a DNS lookup failed");
            Outcome::code(ResponseCode::ServFail, false)
        }
    }
}

fn shuffle<T>(items: &mut [T]) {
    for i in (1..items.len()).rev() {
        items.swap(i, rand::random_range(0..=i));
    }
}
