//! The DNS server: UDP and TCP on `ports.dns`, each question answered from the catalog of the
//! datacenter it names through the one request path (with the agent's `default` token: DNS
//! has no way to pass one), as the reference shapes answers and return codes.

use std::sync::Arc;
use std::time::Duration;

use hickory_proto::op::{Edns, Message, MessageType, OpCode, Query as Question, ResponseCode};
use hickory_proto::rr::{Name as DnsName, RData, Record, RecordType};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, UdpSocket};
use tokio::sync::watch;

use super::answer::{DnsSettings, Records, addr_records, answered, node_records, service_records, soa};
use super::names::{Lookup, NameError, parse};
use crate::backend::Backend;
use crate::state::{Query, QueryResult, ReadRequest, RequestContext, RequestError};
use crate::tasks::stopped;

/// Non-EDNS answers are cut to at most this many, whatever `udp_answer_limit` says.
const MAX_UDP_ANSWERS: usize = 8;
/// How long a TCP client may take to send its question.
const TCP_READ_TIMEOUT: Duration = Duration::from_secs(5);

/// Answers questions; cheap to clone.
#[derive(Debug, Clone)]
pub struct DnsServer {
    backend: Backend,
    settings: Arc<DnsSettings>,
    /// The agent's datacenter, for names without one.
    datacenter: String,
}

/// How a question was answered, before truncation.
struct Outcome {
    code: ResponseCode,
    records: Records,
    /// The SOA goes in the authority section (NXDOMAIN, or a name without records of the type).
    with_soa: bool,
}

impl Outcome {
    fn code(code: ResponseCode, with_soa: bool) -> Outcome {
        Outcome { code, records: Records::default(), with_soa }
    }
}

impl DnsServer {
    pub fn new(backend: Backend, settings: DnsSettings, datacenter: &str) -> DnsServer {
        DnsServer { backend, settings: Arc::new(settings), datacenter: datacenter.to_owned() }
    }

    /// The reply to `packet` (`udp`: cut to fit a datagram), or `None` for a packet that is
    /// not a question at all.
    pub async fn reply(&self, packet: &[u8], udp: bool) -> Option<Vec<u8>> {
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
            .set_authoritative(true);
        response.add_queries(request.queries().iter().cloned());
        let edns = request.extensions().as_ref();
        if let Some(edns) = edns {
            let mut ours = Edns::new();
            ours.set_max_payload(edns.max_payload().max(512));
            response.set_edns(ours);
        }
        let outcome = match (request.op_code(), request.queries()) {
            (OpCode::Query, [question]) => self.answer(question).await,
            (OpCode::Query, _) => Outcome::code(ResponseCode::FormErr, false),
            _ => Outcome::code(ResponseCode::NotImp, false),
        };
        response.set_response_code(outcome.code);
        if outcome.with_soa {
            response.add_name_server(soa(&self.settings));
        }
        let Records { mut answers, mut additionals } = outcome.records;
        if udp {
            let limit = edns.map_or(512, |e| usize::from(e.max_payload().max(512)));
            let cut = trim_udp(&response, &mut answers, &mut additionals, edns.is_none(), limit, &self.settings);
            response.set_truncated(cut && self.settings.enable_truncate);
        }
        response.insert_answers(answers);
        response.insert_additionals(additionals);
        response.to_vec().ok()
    }

    async fn answer(&self, question: &Question) -> Outcome {
        let qtype = question.query_type();
        if qtype == RecordType::AXFR {
            return Outcome::code(ResponseCode::NotImp, false);
        }
        let qname = question.name().to_lowercase();
        let text = qname.to_ascii();
        if super::names::fqdn(&text) == self.settings.domain && qtype == RecordType::SOA {
            let mut records = Records::default();
            records.answers.push(soa(&self.settings));
            return Outcome { code: ResponseCode::NoError, records, with_soa: false };
        }
        let name = match parse(&text, &self.settings.domain, qtype == RecordType::SRV) {
            Ok(name) => name,
            // No recursors (yet): a name outside the domain is not ours to answer.
            Err(NameError::OutsideDomain) => return Outcome::code(ResponseCode::ServFail, false),
            Err(NameError::Invalid) => return Outcome::code(ResponseCode::NXDomain, true),
        };
        let dc = name.datacenter.clone().unwrap_or_else(|| self.datacenter.clone());
        match name.lookup {
            Lookup::Service { service, tag, connect } => {
                let query = Query::CheckServiceNodes { service, tag, passing: false, connect };
                match self.read(&name.datacenter, query).await {
                    Ok(QueryResult::CheckServiceNodes(mut instances)) => {
                        instances.retain(|i| answered(i, self.settings.only_passing));
                        if instances.is_empty() {
                            return Outcome::code(ResponseCode::NXDomain, true);
                        }
                        shuffle(&mut instances);
                        let records = service_records(&self.settings, question.name(), qtype, &dc, &instances);
                        let with_soa = records.answers.is_empty();
                        Outcome { code: ResponseCode::NoError, records, with_soa }
                    }
                    Ok(_) => Outcome::code(ResponseCode::ServFail, false),
                    Err(e) => failed(&e),
                }
            }
            Lookup::Node { node } => match self.read(&name.datacenter, Query::NodeServices { node }).await {
                Ok(QueryResult::NodeServices(Some(view))) => {
                    if !matches!(qtype, RecordType::A | RecordType::AAAA | RecordType::ANY | RecordType::TXT) {
                        return Outcome::code(ResponseCode::NoError, false);
                    }
                    let records = node_records(&self.settings, question.name(), qtype, &view.node);
                    let with_soa = records.answers.is_empty();
                    Outcome { code: ResponseCode::NoError, records, with_soa }
                }
                Ok(QueryResult::NodeServices(None)) => Outcome::code(ResponseCode::NXDomain, true),
                Ok(_) => Outcome::code(ResponseCode::ServFail, false),
                Err(e) => failed(&e),
            },
            Lookup::Addr(ip) => Outcome {
                code: ResponseCode::NoError,
                records: addr_records(&self.settings, question.name(), ip),
                with_soa: false,
            },
        }
    }

    /// One catalog read, in `datacenter` (the agent's when `None`), from any server, with the
    /// agent's `default` token.
    async fn read(&self, datacenter: &Option<String>, query: Query) -> Result<QueryResult, RequestError> {
        let mut ctx = RequestContext::new().in_datacenter(datacenter.as_deref()).stale();
        ctx.token = Some(self.backend.agent_tokens().or_default(None));
        Ok(self.backend.read(&ctx, ReadRequest::now(query)).await?.result)
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

/// Cuts a UDP answer as the reference: without EDNS to `min(8, udp_answer_limit)` answers,
/// then (any UDP) answers from the end until the whole reply fits `limit` bytes; the
/// additional records kept are those of the answers kept. True when something was cut.
fn trim_udp(
    response: &Message,
    answers: &mut Vec<Record>,
    additionals: &mut Vec<Record>,
    no_edns: bool,
    limit: usize,
    settings: &DnsSettings,
) -> bool {
    let before = answers.len();
    if no_edns {
        answers.truncate(settings.udp_answer_limit.clamp(1, MAX_UDP_ANSWERS));
    }
    let targets = |answers: &[Record]| -> Vec<DnsName> {
        answers
            .iter()
            .filter_map(|a| match a.data() {
                RData::SRV(srv) => Some(srv.target().clone()),
                _ => None,
            })
            .collect()
    };
    let size = |answers: &[Record], extra: &[Record]| {
        let mut m = response.clone();
        m.insert_answers(answers.to_vec());
        m.insert_additionals(extra.to_vec());
        m.to_vec().map_or(usize::MAX, |b| b.len())
    };
    let kept_extra = |answers: &[Record], extra: &[Record]| {
        let wanted = targets(answers);
        extra.iter().filter(|r| wanted.contains(r.name())).cloned().collect::<Vec<_>>()
    };
    *additionals = kept_extra(answers, additionals);
    while !answers.is_empty() && size(answers, additionals) > limit {
        answers.pop();
        *additionals = kept_extra(answers, additionals);
    }
    answers.len() < before
}

/// Serves DNS over UDP on `socket` until `stop`.
pub async fn serve_udp(socket: UdpSocket, server: DnsServer, mut stop: watch::Receiver<bool>) {
    let socket = Arc::new(socket);
    let mut buf = vec![0u8; 65535];
    loop {
        let (n, peer) = tokio::select! {
            r = socket.recv_from(&mut buf) => match r {
                Ok(r) => r,
                Err(e) => {
                    tracing::debug!(error = %e, "a DNS datagram could not be read");
                    continue;
                }
            },
            _ = stopped(&mut stop) => return,
        };
        let packet = buf[..n].to_vec();
        let (socket, server) = (socket.clone(), server.clone());
        // Each question on its own: a slow lookup (another datacenter) holds up no other.
        tokio::spawn(async move {
            if let Some(reply) = server.reply(&packet, true).await {
                let _ = socket.send_to(&reply, peer).await;
            }
        });
    }
}

/// Serves DNS over TCP on `listener` until `stop`: length-prefixed messages, several per
/// connection.
pub async fn serve_tcp(listener: TcpListener, server: DnsServer, mut stop: watch::Receiver<bool>) {
    loop {
        let (mut stream, _) = tokio::select! {
            r = listener.accept() => match r {
                Ok(r) => r,
                Err(e) => {
                    tracing::debug!(error = %e, "a DNS connection could not be accepted");
                    continue;
                }
            },
            _ = stopped(&mut stop) => return,
        };
        let server = server.clone();
        tokio::spawn(async move {
            loop {
                let mut len = [0u8; 2];
                match tokio::time::timeout(TCP_READ_TIMEOUT, stream.read_exact(&mut len)).await {
                    Ok(Ok(_)) => {}
                    _ => return,
                }
                let mut packet = vec![0u8; usize::from(u16::from_be_bytes(len))];
                match tokio::time::timeout(TCP_READ_TIMEOUT, stream.read_exact(&mut packet)).await {
                    Ok(Ok(_)) => {}
                    _ => return,
                }
                let Some(reply) = server.reply(&packet, false).await else { return };
                let Ok(len) = u16::try_from(reply.len()) else { return };
                if stream.write_all(&len.to_be_bytes()).await.is_err() || stream.write_all(&reply).await.is_err() {
                    return;
                }
            }
        });
    }
}
