//! The register checker the fault-injection test relies on: it accepts what a register can do
//! and refuses each kind of anomaly (a stale read, a lost write, a compare-and-set that could
//! not have succeeded), with unknown outcomes either way.

use crate::support::linearizable::{Event, Op, check};

fn ev(client: usize, invoked: u64, completed: Option<u64>, op: Op) -> Event {
    Event { client, invoked, completed, op }
}
fn read(v: Option<&str>) -> Op {
    Op::Read(v.map(str::to_owned))
}
fn write(v: &str) -> Op {
    Op::Write(v.to_owned())
}
fn cas(expected: Option<&str>, new: &str, ok: bool) -> Op {
    Op::Cas { expected: expected.map(str::to_owned), new: new.to_owned(), ok }
}

#[test]
fn sequential_and_concurrent_histories_a_register_could_produce_pass() {
    let h = [ev(0, 0, Some(1), write("a")), ev(0, 2, Some(3), read(Some("a")))];
    assert!(check(&h).is_ok());
    // A read concurrent with a write may see either value.
    for seen in [None, Some("a")] {
        let h = [ev(0, 0, Some(10), write("a")), ev(1, 5, Some(6), read(seen))];
        assert!(check(&h).is_ok(), "concurrent read of {seen:?}");
    }
    // Compare-and-set: succeeds on what is there, fails on anything else.
    let h = [
        ev(0, 0, Some(1), cas(None, "a", true)),
        ev(0, 2, Some(3), cas(None, "b", false)),
        ev(1, 4, Some(5), cas(Some("a"), "c", true)),
        ev(1, 6, Some(7), read(Some("c"))),
    ];
    assert!(check(&h).is_ok());
}

#[test]
fn a_stale_read_a_lost_write_and_an_impossible_cas_are_violations() {
    let stale = [ev(0, 0, Some(1), write("a")), ev(0, 2, Some(3), write("b")), ev(1, 4, Some(5), read(Some("a")))];
    let v = check(&stale).unwrap_err();
    assert_eq!(v.stuck_at.op, read(Some("a")), "{v:?}");
    assert!(v.to_string().contains("cannot place: client 1"), "{v}");
    let lost = [ev(0, 0, Some(1), write("a")), ev(1, 2, Some(3), read(None))];
    assert!(check(&lost).is_err(), "a read after an acknowledged write sees nothing");
    let impossible = [ev(0, 0, Some(1), write("a")), ev(1, 2, Some(3), cas(Some("x"), "b", true))];
    assert!(check(&impossible).is_err());
    let refused_wrongly = [ev(0, 0, Some(1), write("a")), ev(1, 2, Some(3), cas(Some("a"), "b", false))];
    assert!(check(&refused_wrongly).is_err());
}

#[test]
fn an_unknown_outcome_may_have_happened_or_not_but_not_both() {
    // A write whose answer never came: later reads may see it, or not.
    for seen in [None, Some("a")] {
        let h = [ev(0, 0, None, write("a")), ev(1, 5, Some(6), read(seen))];
        assert!(check(&h).is_ok(), "read {seen:?} after an unknown write");
    }
    // Seen, then not seen again: it cannot have happened and un-happened.
    let h = [ev(0, 0, None, write("a")), ev(1, 5, Some(6), read(Some("a"))), ev(1, 7, Some(8), read(None))];
    assert!(check(&h).is_err());
    // An unknown compare-and-set took effect only if it could.
    let h =
        [ev(0, 0, Some(1), write("a")), ev(0, 2, None, cas(Some("x"), "b", true)), ev(1, 9, Some(10), read(Some("b")))];
    assert!(check(&h).is_err(), "b could only come from a cas that could not succeed");
}

#[test]
fn a_long_history_of_five_concurrent_clients_is_checked() {
    // A real register behind five clients, each operation taking effect at a random instant
    // inside its interval: linearizable by construction, so the checker must say so.
    let mut rng = 0x9e3779b97f4a7c15u64;
    let mut next = || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    let mut value: Option<String> = None;
    let mut clock = 0u64;
    let mut open: Vec<(usize, u64, Op)> = Vec::new();
    let mut history = Vec::new();
    let mut written = 0;
    for _ in 0..3000 {
        clock += 1;
        let client = (next() % 5) as usize;
        if let Some(pos) = open.iter().position(|(c, _, _)| *c == client) {
            let (c, invoked, op) = open.remove(pos);
            // The operation takes effect now, between its invocation and this completion.
            let done = match op {
                Op::Read(_) => Op::Read(value.clone()),
                Op::Write(v) => {
                    value = Some(v.clone());
                    Op::Write(v)
                }
                Op::Cas { expected, new, .. } => {
                    let ok = expected == value;
                    if ok {
                        value = Some(new.clone());
                    }
                    Op::Cas { expected, new, ok }
                }
            };
            let completed = if next() % 50 == 0 && !matches!(done, Op::Read(_)) { None } else { Some(clock) };
            history.push(Event { client: c, invoked, completed, op: done });
        } else {
            written += 1;
            let op = match next() % 3 {
                0 => Op::Read(None),
                1 => Op::Write(format!("v{written}")),
                _ => Op::Cas { expected: value.clone(), new: format!("v{written}"), ok: false },
            };
            open.push((client, clock, op));
        }
    }
    assert!(history.len() > 1000);
    assert!(check(&history).is_ok());
    // The same history with one read's answer changed to a value nobody wrote fails.
    let i = history.iter().position(|e| matches!(e.op, Op::Read(Some(_)))).unwrap();
    history[i].op = read(Some("never-written"));
    assert!(check(&history).is_err());
}
