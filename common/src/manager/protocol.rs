//! What a proxy and the manager say to each other, each message a frame (a 4-byte little-endian
//! length, then the value in `postcard`) on the proxy's own connection: first the handshake
//! (`Challenge`, `Answer`, `Verdict`), then one request and its response at a time.

use super::auth::Bytes;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::io::{self, Read, Write};

/// The largest frame either side accepts from a peer that has given the key.
pub(super) const MAX_FRAME: usize = 1 << 30;
/// The largest frame the manager reads before the key is given: an `Answer` (65 bytes).
pub(super) const MAX_HANDSHAKE: usize = 80;

/// The manager's first message on a connection: 32 random bytes to answer.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Challenge(pub(super) Bytes);

/// The proxy's answer: the challenge's HMAC under the key, and a challenge of its own for the
/// manager (so that a process posing as the manager cannot learn what a proxy asks).
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Answer {
    pub(super) digest: Bytes,
    pub(super) challenge: Bytes,
}

/// The manager's verdict on an answer: its own digest of the proxy's challenge, or `Failure`
/// (Python's `#FAILURE#`), after which it closes the connection.
#[derive(Debug, Serialize, Deserialize)]
pub(super) enum Verdict {
    Welcome { digest: Bytes },
    Failure,
}

/// The kinds of object a manager holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(super) enum Kind {
    Dict,
    List,
    Namespace,
    Lock,
    Queue,
    Event,
}

/// From a proxy to the manager. Keys and values are already encoded: the manager never knows
/// their types, only their bytes (as Python's manager holds pickles it could unpickle).
#[derive(Debug, Serialize, Deserialize)]
pub(super) enum Request {
    /// A new object; the response is `Created` with its number.
    Create(Kind),
    /// An operation on object `object`.
    Call { object: u32, op: Op },
    /// End the manager (Python's `shutdown()`): it answers, then exits.
    Shutdown,
}

/// An operation; which ones an object takes depends on its kind.
#[derive(Debug, Serialize, Deserialize)]
pub(super) enum Op {
    /// dict `d[k] = v`; namespace `ns.k = v`.
    Set {
        key: Vec<u8>,
        value: Vec<u8>,
    },
    /// dict `d.get(k)`; namespace `ns.k`.
    Get {
        key: Vec<u8>,
    },
    /// dict `del d[k]`.
    Remove {
        key: Vec<u8>,
    },
    /// dict `d.items()`; list `list(l)`.
    Items,
    /// `len(...)`.
    Len,
    /// list `l.append(v)`.
    Append {
        value: Vec<u8>,
    },
    /// lock `acquire()`: answered when the lock is taken.
    Acquire,
    /// lock `release()`.
    Release,
    /// queue `put(v)`.
    Put {
        value: Vec<u8>,
    },
    /// queue `get()`: answered when an item is there.
    Take,
    /// event `set()`, `clear()`, `is_set()`, `wait()` (answered when it is set).
    SetFlag,
    ClearFlag,
    IsSet,
    Wait,
}

impl Op {
    /// Whether the call changes what the object holds (a dict's or namespace's entry, a list's
    /// item): counted apart, so that the checker sees who wrote and who only looked.
    pub(super) fn writes(&self) -> bool {
        matches!(self, Op::Set { .. } | Op::Remove { .. } | Op::Append { .. })
    }
}

/// From the manager to a proxy.
#[derive(Debug, Serialize, Deserialize)]
pub(super) enum Response {
    Ok,
    Created(u32),
    Value(Option<Vec<u8>>),
    Pairs(Vec<(Vec<u8>, Vec<u8>)>),
    Len(u64),
    Flag(bool),
    /// The operation failed in the manager (Python re-raises the manager's exception).
    Error(String),
}

/// One frame: the value's length, then the value.
pub(super) fn frame<T: Serialize>(value: &T) -> io::Result<Vec<u8>> {
    let mut frame = postcard::to_extend(value, vec![0u8; 4]).map_err(io::Error::other)?;
    let length = u32::try_from(frame.len() - 4).map_err(io::Error::other)?;
    frame[..4].copy_from_slice(&length.to_le_bytes());
    Ok(frame)
}

/// Writes one frame.
pub(super) fn send<T: Serialize>(mut to: impl Write, value: &T) -> io::Result<()> {
    to.write_all(&frame(value)?)
}

/// The buffers of one side of a connection, kept from message to message, so that a request and
/// its response cost no allocation once they have grown to fit, and each is one `write` and
/// (usually) one `read`.
#[derive(Debug, Default)]
pub(super) struct Buffers {
    out: Vec<u8>,
    input: Vec<u8>,
}

impl Buffers {
    /// Writes `value` as one frame, in one `write` where the socket takes it whole.
    pub(super) fn send<T: Serialize>(&mut self, mut to: impl Write, value: &T) -> io::Result<()> {
        let mut out = std::mem::take(&mut self.out);
        out.clear();
        out.extend_from_slice(&[0; 4]);
        let mut out = postcard::to_extend(value, out).map_err(io::Error::other)?;
        let length = u32::try_from(out.len() - 4).map_err(io::Error::other)?;
        out[..4].copy_from_slice(&length.to_le_bytes());
        let written = to.write_all(&out);
        self.out = out;
        written
    }

    /// Reads one frame, as many bytes as have come at each `read` (the whole of a small one at
    /// the first), and decodes it. The other side sends nothing unasked, so bytes past the frame
    /// are a broken protocol, not the next message.
    pub(super) fn receive<T: DeserializeOwned>(&mut self, mut from: impl Read) -> io::Result<T> {
        let input = &mut self.input;
        let mut filled = 0;
        let mut end = 4;
        while filled < end {
            if input.len() < end.max(4096) {
                input.resize(end.max(4096), 0);
            }
            let read = from.read(&mut input[filled..])?;
            if read == 0 {
                return Err(io::ErrorKind::UnexpectedEof.into());
            }
            filled += read;
            if end == 4 && filled >= 4 {
                let length = u32::from_le_bytes([input[0], input[1], input[2], input[3]]) as usize;
                if length > MAX_FRAME {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        "frame too large",
                    ));
                }
                end = 4 + length;
            }
        }
        if filled > end {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "bytes after the response",
            ));
        }
        decode(&input[4..end])
    }
}

/// A frame's body as a `T`.
pub(super) fn decode<T: DeserializeOwned>(body: &[u8]) -> io::Result<T> {
    postcard::from_bytes(body).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// Reads one frame; `UnexpectedEof` when the other side has closed.
pub(super) fn receive<T: DeserializeOwned>(mut from: impl Read) -> io::Result<T> {
    let mut length = [0u8; 4];
    from.read_exact(&mut length)?;
    let length = u32::from_le_bytes(length) as usize;
    if length > MAX_FRAME {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "frame too large",
        ));
    }
    let mut body = vec![0u8; length];
    from.read_exact(&mut body)?;
    decode(&body)
}
