//! `?pretty`: a JSON answer indented as the reference's (`json.MarshalIndent` with four
//! spaces, then a newline), keys in the order they were written.

use axum::body::Body;
use axum::extract::Request;
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use axum::middleware::Next;
use axum::response::Response;

/// The most a JSON answer may be to be indented (larger ones go out as they are).
const MAX_PRETTY: usize = 64 * 1024 * 1024;

/// Indents the JSON answer of a request with `pretty` in its query.
pub async fn with_pretty(request: Request, next: Next) -> Response {
    let pretty = request.uri().query().is_some_and(|q| q.split('&').any(|p| p == "pretty" || p.starts_with("pretty=")));
    let response = next.run(request).await;
    let json = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !pretty || !json {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_PRETTY).await else {
        return Response::from_parts(parts, Body::empty());
    };
    let indented = indent(&bytes);
    parts.headers.remove(CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(indented))
}

/// `json` (compact, valid) indented with four spaces per level, empty objects and arrays
/// kept as `{}` and `[]`, ending in a newline.
pub fn indent(json: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(json.len() * 2);
    let mut depth = 0usize;
    let (mut in_string, mut escaped) = (false, false);
    let newline = |out: &mut Vec<u8>, depth: usize| {
        out.push(b'\n');
        out.extend(std::iter::repeat_n(b' ', depth * 4));
    };
    let mut bytes = json.iter().copied().peekable();
    while let Some(b) = bytes.next() {
        if in_string {
            out.push(b);
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => {
                in_string = true;
                out.push(b);
            }
            b'{' | b'[' => {
                out.push(b);
                while bytes.peek().is_some_and(u8::is_ascii_whitespace) {
                    bytes.next();
                }
                if let Some(&close) = bytes.peek()
                    && (close == b'}' || close == b']')
                {
                    out.push(close);
                    bytes.next();
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(b);
            }
            b',' => {
                out.push(b);
                newline(&mut out, depth);
            }
            b':' => out.extend_from_slice(b": "),
            b if b.is_ascii_whitespace() => {}
            b => out.push(b),
        }
    }
    out.push(b'\n');
    out
}

#[cfg(test)]
mod tests {
    use super::indent;

    #[test]
    fn indents_as_go_marshal_indent_keeping_key_order() {
        let compact = br#"{"Zed":1,"Alpha":[1,{"k":"a,b:{c}"}],"Empty":{},"None":[],"Esc":"q\"x"}"#;
        let want = "{\n    \"Zed\": 1,\n    \"Alpha\": [\n        1,\n        {\n            \"k\": \"a,b:{c}\"\n        }\n    ],\n    \"Empty\": {},\n    \"None\": [],\n    \"Esc\": \"q\\\"x\"\n}\n";
        assert_eq!(String::from_utf8(indent(compact)).unwrap(), want);
        assert_eq!(indent(b"true"), b"true\n");
    }
}
