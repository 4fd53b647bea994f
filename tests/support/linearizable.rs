//! A linearizability checker for one register with compare-and-set (Wing & Gong's search with
//! Lowe's memoization, as Knossos and Porcupine do it).
//!
//! A history is what clients saw: each operation's invocation and completion times, and its
//! outcome. An operation whose outcome is unknown (the client timed out, the connection broke,
//! the server said a write "may still be committed") has no completion: it may have taken
//! effect at any point after its invocation, or never. The history is linearizable if every
//! completed operation can be placed at one instant between its invocation and completion,
//! in an order that a single register would have produced.
//!
//! Compare-and-set over Consul's `ModifyIndex` is checked as compare-and-set over values: every
//! write in a test writes a value never written before, so "the index is still the one I
//! read" is the same as "the value is still the one I read".

use std::collections::HashSet;

/// What one operation did, as its client saw it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Op {
    /// A read that returned this value (`None`: the key did not exist).
    Read(Option<String>),
    /// A write of this value.
    Write(String),
    /// Set `new` if the register holds `expected` (`None`: only if absent); `ok` is the answer.
    Cas { expected: Option<String>, new: String, ok: bool },
}

/// One operation of a history.
#[derive(Debug, Clone)]
pub struct Event {
    pub client: usize,
    pub invoked: u64,
    /// `None`: the outcome is unknown (it may or may not have taken effect).
    pub completed: Option<u64>,
    pub op: Op,
}

/// Applies `op` to `state`: the new state, or `None` if a register could not have answered so.
fn step(state: &Option<String>, op: &Op, known: bool) -> Option<Option<String>> {
    match op {
        Op::Read(seen) => (seen == state).then(|| state.clone()),
        Op::Write(v) => Some(Some(v.clone())),
        // An unknown outcome of a compare-and-set: it took effect if it could.
        Op::Cas { expected, new, .. } if !known => {
            Some(if expected == state { Some(new.clone()) } else { state.clone() })
        }
        Op::Cas { expected, new, ok: true } => (expected == state).then(|| Some(new.clone())),
        Op::Cas { expected, ok: false, .. } => (expected != state).then(|| state.clone()),
    }
}

/// Why a history is not linearizable: the operations linearized when the search last got
/// furthest, and the first one that could not follow them.
#[derive(Debug)]
pub struct Violation {
    pub linearized: Vec<Event>,
    pub stuck_at: Event,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let show = |e: &Event| format!("client {} [{}, {:?}] {:?}", e.client, e.invoked, e.completed, e.op);
        writeln!(f, "not linearizable; the longest valid order ends with:")?;
        for e in self.linearized.iter().rev().take(5).rev() {
            writeln!(f, "  {}", show(e))?;
        }
        write!(f, "and then cannot place: {}", show(&self.stuck_at))
    }
}

/// Whether `history` (one register, starting absent) is linearizable.
pub fn check(history: &[Event]) -> Result<(), Violation> {
    // Reads with an unknown outcome say nothing.
    let ops: Vec<&Event> = history.iter().filter(|e| e.completed.is_some() || !matches!(e.op, Op::Read(_))).collect();
    if ops.is_empty() {
        return Ok(());
    }
    // Entries in time order: (time, is_return, op). A call sorts before a return at the same
    // time; an unknown outcome returns at the end of time.
    let mut entries: Vec<(u64, bool, usize)> = Vec::with_capacity(ops.len() * 2);
    for (i, e) in ops.iter().enumerate() {
        entries.push((e.invoked, false, i));
        entries.push((e.completed.unwrap_or(u64::MAX), true, i));
    }
    entries.sort();
    // A doubly linked list over the entries, so linearized operations can be lifted out and
    // put back.
    let n = entries.len();
    let mut next: Vec<usize> = (1..=n).collect();
    let mut prev: Vec<usize> = (0..n).map(|i| i.wrapping_sub(1)).collect();
    let head = n; // sentinel index
    next.push(0);
    prev.push(usize::MAX);
    if n > 0 {
        prev[0] = head;
    }
    let mut return_of = vec![0usize; ops.len()];
    for (idx, (_, is_return, op)) in entries.iter().enumerate() {
        if *is_return {
            return_of[*op] = idx;
        }
    }
    let unlink = |next: &mut Vec<usize>, prev: &mut Vec<usize>, i: usize| {
        let (p, q) = (prev[i], next[i]);
        next[p] = q;
        if q < n {
            prev[q] = p;
        }
    };
    let relink = |next: &mut Vec<usize>, prev: &mut Vec<usize>, i: usize| {
        let (p, q) = (prev[i], next[i]);
        next[p] = i;
        if q < n {
            prev[q] = i;
        }
    };

    let words = ops.len().div_ceil(64);
    let mut linearized = vec![0u64; words];
    let mut seen: HashSet<(Vec<u64>, Option<String>)> = HashSet::new();
    let mut state: Option<String> = None;
    // (call entry, the state before it) of each operation linearized so far.
    let mut stack: Vec<(usize, Option<String>)> = Vec::new();
    let mut best: Vec<usize> = Vec::new();
    let mut cursor = next[head];
    loop {
        if next[head] == n {
            return Ok(()); // every operation placed (unknown outcomes at the end, if need be)
        }
        let (_, is_return, op) = entries[cursor];
        if !is_return {
            let known = ops[op].completed.is_some();
            if let Some(after) = step(&state, &ops[op].op, known) {
                let mut with = linearized.clone();
                with[op / 64] |= 1 << (op % 64);
                if seen.insert((with.clone(), after.clone())) {
                    stack.push((cursor, state.clone()));
                    if stack.len() > best.len() {
                        best = stack.iter().map(|(c, _)| entries[*c].2).collect();
                    }
                    linearized = with;
                    state = after;
                    unlink(&mut next, &mut prev, cursor);
                    unlink(&mut next, &mut prev, return_of[op]);
                    cursor = next[head];
                    continue;
                }
            }
            cursor = next[cursor];
            continue;
        }
        // An operation is due to return but was not placed: undo the last placement.
        let Some((call, before)) = stack.pop() else {
            // The first operation to complete that the longest placement could not take.
            let stuck = (0..ops.len())
                .filter(|i| !best.contains(i) && ops[*i].completed.is_some())
                .min_by_key(|i| ops[*i].completed)
                .unwrap_or(op);
            return Err(Violation {
                linearized: best.iter().map(|&i| ops[i].clone()).collect(),
                stuck_at: ops[stuck].clone(),
            });
        };
        let undone = entries[call].2;
        relink(&mut next, &mut prev, return_of[undone]);
        relink(&mut next, &mut prev, call);
        linearized[undone / 64] &= !(1 << (undone % 64));
        state = before;
        cursor = next[call];
    }
}
