//! Cutting an answer to what its transport carries, as the reference: a UDP reply without
//! EDNS to `udp_answer_limit` answers (at most 8) and 512 bytes, with EDNS to the size the
//! client advertised, over TCP to 4096 records (1024 SRV) and 65535 bytes. The additional
//! records kept are those of the answers kept, so no reply carries extras without their
//! answers.

use hickory_proto::op::Message;
use hickory_proto::rr::{Name, RData, Record, RecordType};

/// Non-EDNS answers are cut to at most this many, whatever `udp_answer_limit` says.
const MAX_UDP_ANSWERS: usize = 8;
/// A TCP reply's records, and its SRV records.
const MAX_TCP_RECORDS: usize = 4096;
const MAX_TCP_SRV_RECORDS: usize = 1024;
/// A TCP message's length is two bytes.
const MAX_TCP_BYTES: usize = 65535;

/// How a reply travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transport {
    /// UDP without EDNS: at most `answers` answers in 512 bytes.
    Udp {
        answers: usize,
    },
    /// UDP with EDNS: the size the client advertised (at least 512).
    Edns {
        size: usize,
    },
    Tcp,
}

impl Transport {
    /// `udp_answer_limit` as the cap of a UDP reply without EDNS.
    pub fn udp(udp_answer_limit: usize) -> Transport {
        Transport::Udp { answers: udp_answer_limit.clamp(1, MAX_UDP_ANSWERS) }
    }

    /// The most answers it carries, of these.
    fn most(self, answers: &[Record]) -> usize {
        match self {
            Transport::Udp { answers: most } => most,
            Transport::Edns { .. } => usize::MAX,
            Transport::Tcp if answers.first().is_some_and(|a| a.record_type() == RecordType::SRV) => {
                MAX_TCP_SRV_RECORDS
            }
            Transport::Tcp => MAX_TCP_RECORDS,
        }
    }

    /// The most bytes it carries.
    fn bytes(self) -> usize {
        match self {
            Transport::Udp { .. } => 512,
            Transport::Edns { size } => size.max(512),
            Transport::Tcp => MAX_TCP_BYTES,
        }
    }
}

/// `response` with `answers` and `additionals`, cut to what `transport` carries (the TC bit
/// set when something was cut and `truncate`), encoded: once when everything fits.
pub fn fit(
    mut response: Message,
    mut answers: Vec<Record>,
    mut additionals: Vec<Record>,
    transport: Transport,
    truncate: bool,
) -> Option<Vec<u8>> {
    if answers.len() <= transport.most(&answers) {
        response.insert_answers(answers);
        response.insert_additionals(additionals);
        let bytes = response.to_vec().ok()?;
        if bytes.len() <= transport.bytes() {
            return Some(bytes);
        }
        (answers, additionals) = (response.take_answers(), response.take_additionals());
    }
    let cut = trim(&response, &mut answers, &mut additionals, transport);
    response.set_truncated(cut && truncate);
    response.insert_answers(answers);
    response.insert_additionals(additionals);
    response.to_vec().ok()
}

/// Cuts `answers` from the end (and `additionals` with them) until `response` with them fits
/// `transport`. True when something was cut.
fn trim(response: &Message, answers: &mut Vec<Record>, additionals: &mut Vec<Record>, transport: Transport) -> bool {
    let before = answers.len();
    answers.truncate(transport.most(answers));
    let bytes = transport.bytes();
    sync_extra(answers, additionals);
    if !answers.is_empty() && size(response, answers, additionals) > bytes {
        // The most answers that fit, by bisection: each try is an encoding. One answer is
        // always kept, as the reference: a reply cut to nothing would read as "no records".
        let (mut fits, mut over) = (1, answers.len());
        while over - fits > 1 {
            let mid = (fits + over) / 2;
            let extra = kept_extra(&answers[..mid], additionals);
            if size(response, &answers[..mid], &extra) <= bytes {
                fits = mid;
            } else {
                over = mid;
            }
        }
        answers.truncate(fits);
        sync_extra(answers, additionals);
        if size(response, answers, additionals) > bytes {
            additionals.clear();
        }
    }
    answers.len() < before
}

/// The reply's length in bytes with these records (compressed, as it is sent).
fn size(response: &Message, answers: &[Record], additionals: &[Record]) -> usize {
    let mut m = response.clone();
    m.insert_answers(answers.to_vec());
    m.insert_additionals(additionals.to_vec());
    m.to_vec().map_or(usize::MAX, |b| b.len())
}

/// The SRV targets of `answers`.
fn targets(answers: &[Record]) -> Vec<&Name> {
    answers
        .iter()
        .filter_map(|a| match a.data() {
            RData::SRV(srv) => Some(srv.target()),
            _ => None,
        })
        .collect()
}

/// The additional records that belong to `answers`: those named by their SRV targets, or all
/// of them when no answer is an SRV record (a node's metadata beside its address).
fn kept_extra(answers: &[Record], additionals: &[Record]) -> Vec<Record> {
    if answers.is_empty() {
        return Vec::new();
    }
    let wanted = targets(answers);
    if wanted.is_empty() {
        return additionals.to_vec();
    }
    additionals.iter().filter(|r| wanted.contains(&r.name())).cloned().collect()
}

fn sync_extra(answers: &[Record], additionals: &mut Vec<Record>) {
    *additionals = kept_extra(answers, additionals);
}

#[cfg(test)]
mod tests {
    use super::*;
    use hickory_proto::rr::rdata::{A, SRV, TXT};

    fn srv_answer(i: u8) -> (Record, Record) {
        let target = Name::from_ascii(format!("node-{i:03}-with-a-longer-name.node.dc1.consul.")).unwrap();
        let owner = Name::from_ascii("web.service.consul.").unwrap();
        let srv = Record::from_rdata(owner, 0, RData::SRV(SRV::new(1, 1, 8080, target.clone())));
        let a = Record::from_rdata(target, 0, RData::A(A::new(10, 0, 0, i)));
        (srv, a)
    }

    fn answers(n: u8) -> (Vec<Record>, Vec<Record>) {
        (1..=n).map(srv_answer).unzip()
    }

    #[test]
    fn udp_without_edns_keeps_the_answer_limit_and_their_extras() {
        let (mut ans, mut extra) = answers(10);
        assert!(trim(&Message::new(), &mut ans, &mut extra, Transport::udp(3)));
        assert_eq!(ans.len(), 3);
        assert_eq!(extra.len(), 3);
        for (a, e) in ans.iter().zip(&extra) {
            let RData::SRV(srv) = a.data() else { panic!() };
            assert_eq!(srv.target(), e.name());
        }
        let (mut ans, mut extra) = answers(2);
        assert!(!trim(&Message::new(), &mut ans, &mut extra, Transport::udp(3)), "nothing to cut");
        assert_eq!((ans.len(), extra.len()), (2, 2));
    }

    #[test]
    fn bytes_cut_to_the_most_answers_that_fit() {
        let (all, all_extra) = answers(200);
        for size in [512, 1232, 4096] {
            let (mut ans, mut extra) = (all.clone(), all_extra.clone());
            assert!(trim(&Message::new(), &mut ans, &mut extra, Transport::Edns { size }));
            assert!(!ans.is_empty());
            assert!(size_of(&ans, &extra) <= size, "{size}");
            let one_more = ans.len() + 1;
            let more = kept_extra(&all[..one_more], &all_extra);
            assert!(size_of(&all[..one_more], &more) > size, "one more answer would not fit {size}");
        }
        let (mut ans, mut extra) = (all.clone(), all_extra.clone());
        assert!(!trim(&Message::new(), &mut ans, &mut extra, Transport::Tcp), "TCP carries 200");
        assert_eq!(ans.len(), 200);
    }

    #[test]
    fn fit_sets_the_tc_bit_only_when_it_cut_and_was_asked_to() {
        let (ans, extra) = answers(40);
        let reply = |ans, extra, truncate| {
            Message::from_vec(&fit(Message::new(), ans, extra, Transport::udp(3), truncate).unwrap()).unwrap()
        };
        let m = reply(ans.clone(), extra.clone(), true);
        assert!(m.truncated());
        assert_eq!((m.answers().len(), m.additionals().len()), (3, 3));
        assert!(!reply(ans, extra, false).truncated(), "enable_truncate off");
        let (two, extra) = answers(2);
        let m = reply(two, extra, true);
        assert!(!m.truncated());
        assert_eq!((m.answers().len(), m.additionals().len()), (2, 2));
        // One answer bigger than a datagram alone is still answered (its extras dropped).
        let owner = Name::from_ascii("n1.node.consul.").unwrap();
        let txt = Record::from_rdata(owner, 0, RData::TXT(TXT::new(vec!["x".repeat(250); 3])));
        let m = reply(vec![txt.clone(), txt], Vec::new(), true);
        assert_eq!(m.answers().len(), 1);
        assert!(m.truncated());
    }

    fn size_of(answers: &[Record], extra: &[Record]) -> usize {
        size(&Message::new(), answers, extra)
    }
}
