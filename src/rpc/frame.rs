//! Frames on an RPC or raft connection (pure codec, no I/O).
//!
//! A frame is `len: u32 BE` (of what follows) `| id: u64 BE | kind: u8 | body`. The id pairs
//! a response with its request, so many requests can be in flight on one connection. A
//! declared length over the cap is an error before any of the body is buffered, so a peer
//! cannot make us allocate more than the cap.

/// Bytes before the body: id + kind.
const HEADER: usize = 9;
/// Bytes a frame adds to its body: the length prefix and the header.
pub const FRAME_OVERHEAD: usize = 4 + HEADER;

/// The default cap on one frame (raft sends snapshots in chunks well below it).
pub const DEFAULT_MAX_FRAME: usize = 16 * 1024 * 1024;

/// What a frame carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Request = 1,
    Response = 2,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    pub id: u64,
    pub kind: Kind,
    pub body: Vec<u8>,
}

/// Why a byte stream is not a valid frame sequence. The connection must be closed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FrameError {
    #[error("frame of {len} bytes exceeds the {max} byte limit")]
    TooLarge { len: usize, max: usize },
    #[error("frame of {len} bytes is shorter than its {HEADER} byte header")]
    TooShort { len: usize },
    #[error("unknown frame kind {0}")]
    BadKind(u8),
}

/// Encodes a frame; an error if it would exceed `max` (the caller reports it).
pub fn encode(frame: &Frame, max: usize) -> Result<Vec<u8>, FrameError> {
    let len = HEADER + frame.body.len();
    if len > max {
        return Err(FrameError::TooLarge { len, max });
    }
    let mut out = Vec::with_capacity(4 + len);
    out.extend_from_slice(&(len as u32).to_be_bytes());
    out.extend_from_slice(&frame.id.to_be_bytes());
    out.push(frame.kind as u8);
    out.extend_from_slice(&frame.body);
    Ok(out)
}

/// A decoder whose buffer grew past this for one large frame gives the memory back once the
/// frame is out, so an idle connection holds little.
const KEEP_CAPACITY: usize = 64 * 1024;

/// Incremental decoder: feed bytes as they arrive, take whole frames out.
#[derive(Debug)]
pub struct Decoder {
    buf: Vec<u8>,
    max: usize,
}

impl Decoder {
    pub fn new(max: usize) -> Decoder {
        Decoder { buf: Vec::new(), max }
    }

    pub fn push(&mut self, bytes: &[u8]) {
        if let Some(len) = self.declared().filter(|&len| len <= self.max) {
            // Room for exactly this frame, not the doubling a growing Vec would allocate.
            self.buf.reserve_exact((4 + len).saturating_sub(self.buf.len()).max(bytes.len()));
        }
        self.buf.extend_from_slice(bytes);
    }

    /// The declared length of the frame whose header has arrived but whose body has not all.
    pub fn declared(&self) -> Option<usize> {
        let len_bytes = self.buf.get(..4)?;
        let len = u32::from_be_bytes([len_bytes[0], len_bytes[1], len_bytes[2], len_bytes[3]]) as usize;
        (self.buf.len() < 4 + len).then_some(len)
    }

    /// The next whole frame, `Ok(None)` if more bytes are needed.
    pub fn next_frame(&mut self) -> Result<Option<Frame>, FrameError> {
        let Some(len_bytes) = self.buf.get(..4) else {
            return Ok(None);
        };
        let len = u32::from_be_bytes([len_bytes[0], len_bytes[1], len_bytes[2], len_bytes[3]]) as usize;
        if len > self.max {
            return Err(FrameError::TooLarge { len, max: self.max });
        }
        if len < HEADER {
            return Err(FrameError::TooShort { len });
        }
        if self.buf.len() < 4 + len {
            return Ok(None);
        }
        let kind = match self.buf[12] {
            1 => Kind::Request,
            2 => Kind::Response,
            other => return Err(FrameError::BadKind(other)),
        };
        let mut id = [0u8; 8];
        id.copy_from_slice(&self.buf[4..12]);
        let body = self.buf[4 + HEADER..4 + len].to_vec();
        self.buf.drain(..4 + len);
        if self.buf.capacity() > KEEP_CAPACITY && self.buf.len() <= KEEP_CAPACITY {
            self.buf.shrink_to(KEEP_CAPACITY);
        }
        Ok(Some(Frame { id: u64::from_be_bytes(id), kind, body }))
    }

    /// Bytes buffered but not yet part of a whole frame.
    pub fn buffered(&self) -> usize {
        self.buf.len()
    }

    /// Bytes the buffer holds allocated.
    pub fn capacity(&self) -> usize {
        self.buf.capacity()
    }
}
