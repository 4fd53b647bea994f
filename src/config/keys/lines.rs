//! The lines keys are on: a light scan of a config file's text for its keys and how deeply
//! each is nested, and the walk that finds a key's path among them.

use super::{Segment, Syntax};

/// A key as written in the file: its name, its line (from 1) and how many brackets enclose it.
#[derive(Debug)]
pub(super) struct Written<'t> {
    name: &'t str,
    line: usize,
    depth: usize,
}

/// The line of the key at `segments`: each step is looked for among the direct children of
/// the one before (the least nested keys inside its value). `None` when a step is not found,
/// or is an element of a list other than the first written as one `[...]` (its bounds are not
/// tracked), rather than a line that may be wrong.
pub(super) fn locate(written: &[Written<'_>], segments: &[Segment]) -> Option<usize> {
    // The keys inside the current value: written[lo..hi].
    let (mut lo, mut hi) = (0, written.len());
    let mut line = None;
    let mut i = 0;
    while i < segments.len() {
        let Segment::Key(name) = &segments[i] else {
            return None;
        };
        let depth = written[lo..hi].iter().map(|k| k.depth).min()?;
        let same: Vec<usize> =
            (lo..hi).filter(|&j| written[j].depth == depth && written[j].name == name.as_str()).collect();
        let pick = match segments.get(i + 1) {
            Some(Segment::Index(n)) => {
                i += 1;
                if same.len() > 1 {
                    // HCL's repeated blocks: one key per element.
                    *same.get(*n)?
                } else if *n == 0 {
                    *same.first()?
                } else {
                    return None;
                }
            }
            _ => *same.first()?,
        };
        line = Some(written[pick].line);
        lo = pick + 1;
        hi = (pick + 1..hi).find(|&j| written[j].depth <= written[pick].depth).unwrap_or(hi);
        i += 1;
    }
    line
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'-'
}

/// Where the line holding `from` ends: its line break, or the end of the text.
fn line_end(b: &[u8], mut from: usize) -> usize {
    while b.get(from).is_some_and(|&c| c != b'\n') {
        from += 1;
    }
    from
}

/// The first byte at or after `from` that is not a space (nor a line break, if `lines`).
fn next_token(b: &[u8], mut from: usize, lines: bool) -> Option<u8> {
    while let Some(&c) = b.get(from) {
        match c {
            b' ' | b'\t' | b'\r' => from += 1,
            b'\n' if lines => from += 1,
            _ => return Some(c),
        }
    }
    None
}

/// Whether what follows a name ending before `after` makes it a key: JSON `"key":`; HCL
/// `key =`, `key {`, `key "label" {` or `key:` (in an object).
fn key_follows(b: &[u8], after: usize, syntax: Syntax) -> bool {
    match syntax {
        Syntax::Json => next_token(b, after, true) == Some(b':'),
        Syntax::Hcl => {
            let mut at = after;
            while b.get(at).is_some_and(|&c| c == b' ' || c == b'\t') {
                at += 1;
            }
            match b.get(at) {
                Some(b'=') => b.get(at + 1) != Some(&b'='),
                Some(b':' | b'{' | b'"') => true,
                _ => false,
            }
        }
    }
}

/// Every key written in the text, in order. Strings, comments and heredocs are skipped; in
/// HCL a key must start a statement (a line, or follow `{` or `,`).
pub(super) fn scan(text: &str, syntax: Syntax) -> Vec<Written<'_>> {
    let b = text.as_bytes();
    let hcl = syntax == Syntax::Hcl;
    let mut keys = Vec::new();
    let mut i = 0;
    let mut line = 1;
    let mut depth = 0usize;
    // HCL: a statement, so maybe a key, may start here.
    let mut at_start = true;
    while let Some(&c) = b.get(i) {
        match c {
            b'\n' => {
                line += 1;
                i += 1;
                at_start = true;
            }
            b' ' | b'\t' | b'\r' => i += 1,
            b'#' if hcl => i = line_end(b, i),
            b'/' if hcl && b.get(i + 1) == Some(&b'/') => i = line_end(b, i),
            b'/' if hcl && b.get(i + 1) == Some(&b'*') => i = skip_block_comment(b, i + 2, &mut line),
            b'{' | b'[' | b'(' => {
                depth += 1;
                i += 1;
                at_start = c == b'{';
            }
            b'}' | b']' | b')' => {
                depth = depth.saturating_sub(1);
                i += 1;
                at_start = false;
            }
            b',' => {
                i += 1;
                at_start = true;
            }
            b'"' => {
                let key_line = line;
                let start = i + 1;
                let end = skip_string(b, start, &mut line);
                let after = end + 1;
                if (!hcl || at_start)
                    && key_follows(b, after, syntax)
                    && let Some(name) = text.get(start..end)
                {
                    keys.push(Written { name, line: key_line, depth });
                }
                i = after;
                at_start = false;
            }
            b'<' if hcl && b.get(i + 1) == Some(&b'<') => {
                i = heredoc_end(text, i + 2, &mut line);
                at_start = false;
            }
            _ if hcl && (c.is_ascii_alphabetic() || c == b'_') => {
                let start = i;
                while b.get(i).is_some_and(|&c| is_ident(c)) {
                    i += 1;
                }
                if at_start
                    && key_follows(b, i, syntax)
                    && let Some(name) = text.get(start..i)
                {
                    keys.push(Written { name, line, depth });
                }
                at_start = false;
            }
            _ => {
                i += 1;
                at_start = false;
            }
        }
    }
    keys
}

/// Skips the inside of a quoted string from just after its opening `"`; returns where its
/// closing `"` is (or the end of the text) and counts the lines it spans.
fn skip_string(b: &[u8], from: usize, line: &mut usize) -> usize {
    let mut i = from;
    while let Some(&c) = b.get(i) {
        match c {
            b'"' => break,
            b'\\' => i += 2,
            b'\n' => {
                *line += 1;
                i += 1;
            }
            _ => i += 1,
        }
    }
    i.min(b.len())
}

/// Skips the inside of a `/* ... */` comment from just after its `/*`; returns where scanning
/// goes on (just after the `*/`, or the end of the text) and counts the lines it spans.
fn skip_block_comment(b: &[u8], from: usize, line: &mut usize) -> usize {
    let mut i = from;
    while i < b.len() && !(b[i] == b'*' && b.get(i + 1) == Some(&b'/')) {
        if b[i] == b'\n' {
            *line += 1;
        }
        i += 1;
    }
    (i + 2).min(b.len())
}

/// Skips an HCL heredoc (`<<EOF` or `<<-EOF`, lines, `EOF`) from just after its `<<`; returns
/// where scanning goes on (the line break after the closing marker) and counts the lines.
fn heredoc_end(text: &str, from: usize, line: &mut usize) -> usize {
    let b = text.as_bytes();
    let mut i = from;
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    let marker_start = i;
    while b.get(i).is_some_and(|&c| is_ident(c)) {
        i += 1;
    }
    let Some(marker) = text.get(marker_start..i).filter(|m| !m.is_empty()) else {
        return from;
    };
    i = line_end(b, i);
    while i < b.len() {
        // b[i] is a line break.
        i += 1;
        *line += 1;
        let body_start = i;
        i = line_end(b, i);
        if text.get(body_start..i).is_some_and(|l| l.trim() == marker) {
            break;
        }
    }
    i
}
