//! Protocol detection and frame decoding, on recorded and arbitrary bytes.

use std::sync::Arc;

use fedctl::rpc::frame::{Decoder, Frame, FrameError, Kind, encode};
use fedctl::rpc::protocol::{Detected, detect};
use fedctl::tls::Protocol;
use fedctl::tls::alpn::{ALPN_RAFT, ALPN_RPC, SERVER_ALPN};
use proptest::prelude::*;

#[test]
fn first_bytes() {
    assert_eq!(detect(0), Detected::Plain(Protocol::Rpc));
    assert_eq!(detect(1), Detected::Plain(Protocol::Raft));
    assert_eq!(detect(0x16), Detected::Tls);
    assert_eq!(detect(3), Detected::TlsUpgrade);
    for b in [2u8, 4, 7, 19, 0x15, 0x17, b'G', 0xff] {
        assert_eq!(detect(b), Detected::Garbage(b), "byte {b:#x}");
    }
    // An HTTP request on the port is garbage, not RPC.
    assert_eq!(detect(b"GET / HTTP/1.1"[0]), Detected::Garbage(b'G'));
}

#[test]
fn alpn_ids() {
    for alpn in SERVER_ALPN {
        assert_eq!(Protocol::from_alpn(alpn).map(Protocol::alpn), Some(alpn));
    }
    assert_eq!(Protocol::from_alpn(b"h2"), None);
    assert_eq!(Protocol::from_alpn(b""), None);
}

/// The first flight a real rustls client sends: a ClientHello with SNI and ALPN.
fn recorded_client_hello(sni: &str, alpn: &[u8]) -> Vec<u8> {
    let mut config = rustls::ClientConfig::builder_with_provider(fedctl::tls::provider())
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(rustls::RootCertStore::empty())
        .with_no_client_auth();
    config.alpn_protocols = vec![alpn.to_vec()];
    let name = rustls::pki_types::ServerName::try_from(sni.to_owned()).unwrap();
    let mut conn = rustls::ClientConnection::new(Arc::new(config), name).unwrap();
    let mut bytes = Vec::new();
    conn.write_tls(&mut bytes).unwrap();
    bytes
}

#[test]
fn a_recorded_client_hello_is_tls_with_its_sni_and_alpn() {
    let hello = recorded_client_hello("n1.server.dc1.consul", ALPN_RAFT);
    assert_eq!(detect(hello[0]), Detected::Tls);
    // The same bytes, read the way a gateway reads them without terminating TLS.
    let mut acceptor = rustls::server::Acceptor::default();
    acceptor.read_tls(&mut hello.as_slice()).unwrap();
    let accepted = acceptor.accept().unwrap().expect("a whole ClientHello");
    let ch = accepted.client_hello();
    assert_eq!(ch.server_name(), Some("n1.server.dc1.consul"));
    let alpn: Vec<&[u8]> = ch.alpn().unwrap().collect();
    assert_eq!(alpn, [ALPN_RAFT]);
    let _ = ALPN_RPC;
}

#[test]
fn frames_round_trip_even_byte_by_byte() {
    let frames = [
        Frame { id: 1, kind: Kind::Request, body: b"hello".to_vec() },
        Frame { id: u64::MAX, kind: Kind::Response, body: Vec::new() },
        Frame { id: 7, kind: Kind::Request, body: vec![0xAB; 70_000] },
    ];
    let mut wire = Vec::new();
    for f in &frames {
        wire.extend(encode(f, 1 << 20).unwrap());
    }
    let mut decoder = Decoder::new(1 << 20);
    let mut out = Vec::new();
    for b in wire {
        decoder.push(&[b]);
        while let Some(f) = decoder.next_frame().unwrap() {
            out.push(f);
        }
    }
    assert_eq!(out, frames);
    assert_eq!(decoder.buffered(), 0);
}

#[test]
fn oversized_short_and_unknown_frames_are_errors() {
    let mut d = Decoder::new(100);
    d.push(&(1_000_000u32).to_be_bytes());
    assert_eq!(d.next_frame(), Err(FrameError::TooLarge { len: 1_000_000, max: 100 }));
    let mut d = Decoder::new(100);
    d.push(&[0, 0, 0, 3, 1, 2, 3]);
    assert_eq!(d.next_frame(), Err(FrameError::TooShort { len: 3 }));
    let mut d = Decoder::new(100);
    d.push(&[0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 1, 9]);
    assert_eq!(d.next_frame(), Err(FrameError::BadKind(9)));
    let big = Frame { id: 1, kind: Kind::Request, body: vec![0; 200] };
    assert!(matches!(encode(&big, 100), Err(FrameError::TooLarge { .. })));
}

proptest! {
    /// Arbitrary bytes, in arbitrary chunks, never panic the decoder and never loop: each
    /// call either yields a frame (consuming bytes), asks for more, or fails.
    #[test]
    fn arbitrary_bytes_never_panic_or_hang(bytes in proptest::collection::vec(any::<u8>(), 0..4096), chunk in 1usize..64) {
        let mut d = Decoder::new(1024);
        for piece in bytes.chunks(chunk) {
            d.push(piece);
            loop {
                let before = d.buffered();
                match d.next_frame() {
                    Ok(Some(_)) => prop_assert!(d.buffered() < before),
                    Ok(None) | Err(_) => break,
                }
            }
        }
        let _ = detect(bytes.first().copied().unwrap_or(0));
    }

    #[test]
    fn arbitrary_frames_round_trip(
        frames in proptest::collection::vec((any::<u64>(), any::<bool>(), proptest::collection::vec(any::<u8>(), 0..512)), 0..16),
        chunk in 1usize..100,
    ) {
        let frames: Vec<Frame> = frames
            .into_iter()
            .map(|(id, req, body)| Frame { id, kind: if req { Kind::Request } else { Kind::Response }, body })
            .collect();
        let wire: Vec<u8> = frames.iter().flat_map(|f| encode(f, 4096).unwrap()).collect();
        let mut d = Decoder::new(4096);
        let mut out = Vec::new();
        for piece in wire.chunks(chunk) {
            d.push(piece);
            while let Some(f) = d.next_frame().unwrap() {
                out.push(f);
            }
        }
        prop_assert_eq!(out, frames);
    }
}

#[test]
fn a_large_frame_is_buffered_in_exactly_its_size_and_the_memory_is_given_back() {
    let body = vec![7u8; 1 << 20];
    let bytes = encode(&Frame { id: 1, kind: Kind::Request, body: body.clone() }, 2 << 20).unwrap();
    let mut d = Decoder::new(2 << 20);
    for chunk in bytes[..bytes.len() - 1].chunks(16 * 1024) {
        d.push(chunk);
        assert_eq!(d.next_frame(), Ok(None));
    }
    assert_eq!(d.declared(), Some(bytes.len() - 4), "the frame in progress is known by its header");
    assert!(d.capacity() < bytes.len() + 16 * 1024, "no doubling: {} for a {} byte frame", d.capacity(), bytes.len());
    d.push(&bytes[bytes.len() - 1..]);
    assert_eq!(d.next_frame().unwrap().unwrap().body, body);
    assert_eq!(d.declared(), None);
    assert!(d.capacity() <= 64 * 1024, "an idle connection keeps {} bytes", d.capacity());
}
