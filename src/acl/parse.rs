//! The text of a policy's rules as a tree: the HCL (version 1) the reference reads, or JSON.
//!
//! HCL 1 is looser than HCL 2: attributes may share a line (`{ policy = "write" intentions =
//! "write" }`), commas may separate them, and a block may be written `key "a" = { ... }`. So the
//! rule language is read by this small parser rather than an HCL 2 one. What it yields is a
//! list of `(key, value)` entries in order; labels become nested objects, as HCL 1 decodes them.

/// A value of the tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Str(String),
    /// Entries in the order written (a key may repeat).
    Obj(Vec<(String, Node)>),
    /// A number, a boolean or a list: never meaningful in the rule language.
    Other,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Str(String),
    Eq,
    Open,
    Close,
    Comma,
    Other,
}

/// Parses rules text, HCL or JSON (text starting with `{`).
pub fn parse(text: &str) -> Result<Vec<(String, Node)>, String> {
    if text.trim_start().starts_with('{') {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        return match from_json(value) {
            Node::Obj(entries) => Ok(entries),
            _ => Err("the JSON rules are not an object".to_owned()),
        };
    }
    let tokens = tokens(text)?;
    let mut at = 0;
    let entries = body(&tokens, &mut at)?;
    match tokens.get(at) {
        None => Ok(entries),
        Some(t) => Err(format!("unexpected {t:?}")),
    }
}

fn from_json(value: serde_json::Value) -> Node {
    match value {
        serde_json::Value::String(s) => Node::Str(s),
        serde_json::Value::Object(map) => {
            let mut entries = Vec::new();
            for (k, v) in map {
                match v {
                    // HCL's JSON form allows a list of objects where one object is meant.
                    serde_json::Value::Array(items) if items.iter().all(serde_json::Value::is_object) => {
                        entries.extend(items.into_iter().map(|i| (k.clone(), from_json(i))));
                    }
                    v => entries.push((k, from_json(v))),
                }
            }
            Node::Obj(entries)
        }
        _ => Node::Other,
    }
}

fn tokens(text: &str) -> Result<Vec<Tok>, String> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => {}
            '#' => skip_line(&mut chars),
            '/' if chars.peek() == Some(&'/') => skip_line(&mut chars),
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                loop {
                    match chars.next() {
                        Some('/') if last == '*' => break,
                        Some(c) => last = c,
                        None => return Err("unterminated comment".to_owned()),
                    }
                }
            }
            '=' => out.push(Tok::Eq),
            '{' => out.push(Tok::Open),
            '}' => out.push(Tok::Close),
            ',' => out.push(Tok::Comma),
            '"' => out.push(Tok::Str(string(&mut chars)?)),
            c if c.is_alphanumeric() || c == '_' || c == '-' || c == '.' => {
                let mut word = String::from(c);
                while let Some(&n) = chars.peek() {
                    if !(n.is_alphanumeric() || n == '_' || n == '-' || n == '.') {
                        break;
                    }
                    word.push(n);
                    chars.next();
                }
                let ident = word.starts_with(|c: char| c.is_alphabetic() || c == '_');
                out.push(if ident && word != "true" && word != "false" { Tok::Ident(word) } else { Tok::Other });
            }
            '[' => {
                // A list: skipped whole (nothing in the rule language is one).
                let mut depth = 1;
                while depth > 0 {
                    match chars.next() {
                        Some('[') => depth += 1,
                        Some(']') => depth -= 1,
                        Some('"') => {
                            string(&mut chars)?;
                        }
                        Some(_) => {}
                        None => return Err("unterminated list".to_owned()),
                    }
                }
                out.push(Tok::Other);
            }
            c => return Err(format!("unexpected character {c:?}")),
        }
    }
    Ok(out)
}

fn skip_line(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if c == '\n' {
            break;
        }
    }
}

fn string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Result<String, String> {
    let mut s = String::new();
    loop {
        match chars.next() {
            Some('"') => return Ok(s),
            Some('\\') => match chars.next() {
                Some('n') => s.push('\n'),
                Some('t') => s.push('\t'),
                Some(c) => s.push(c),
                None => return Err("unterminated string".to_owned()),
            },
            Some('\n') | None => return Err("unterminated string".to_owned()),
            Some(c) => s.push(c),
        }
    }
}

/// Entries until a `}` or the end.
fn body(tokens: &[Tok], at: &mut usize) -> Result<Vec<(String, Node)>, String> {
    let mut entries = Vec::new();
    loop {
        match tokens.get(*at) {
            None | Some(Tok::Close) => return Ok(entries),
            Some(Tok::Comma) => *at += 1,
            Some(Tok::Ident(key) | Tok::Str(key)) => {
                let key = key.clone();
                *at += 1;
                let mut labels = Vec::new();
                while let Some(Tok::Str(label)) = tokens.get(*at) {
                    labels.push(label.clone());
                    *at += 1;
                }
                let has_eq = tokens.get(*at) == Some(&Tok::Eq);
                if has_eq {
                    *at += 1;
                }
                let value = match tokens.get(*at) {
                    Some(Tok::Open) => {
                        *at += 1;
                        let inner = body(tokens, at)?;
                        if tokens.get(*at) != Some(&Tok::Close) {
                            return Err(format!("block {key:?} is not closed"));
                        }
                        *at += 1;
                        Node::Obj(inner)
                    }
                    // `key = "value"` (the string was taken as a label above).
                    _ if has_eq && labels.is_empty() => match tokens.get(*at) {
                        Some(Tok::Str(s)) => {
                            *at += 1;
                            Node::Str(s.clone())
                        }
                        Some(Tok::Other | Tok::Ident(_)) => {
                            *at += 1;
                            Node::Other
                        }
                        t => return Err(format!("expected a value for {key:?}, found {t:?}")),
                    },
                    t => return Err(format!("expected `=` or `{{` after {key:?}, found {t:?}")),
                };
                // `key "a" "b" { .. }` is `key = { "a" = { "b" = { .. } } }`.
                let value = labels.into_iter().rev().fold(value, |v, label| Node::Obj(vec![(label, v)]));
                entries.push((key, value));
            }
            Some(t) => return Err(format!("unexpected {t:?}")),
        }
    }
}
