//! One connection, as the manager sees it: its socket (non-blocking), what it has sent that is
//! not yet a whole frame, what the manager has to send it, and whether it has given the key.
//! Nothing here ever waits: a read or a write takes what the socket has room for now.

use super::super::auth::{self, Bytes};
use super::super::protocol::{self, Answer, Challenge, MAX_FRAME, MAX_HANDSHAKE, Verdict};
use nix::poll::PollFlags;
use serde::Serialize;
use std::io::{self, ErrorKind, Read, Write};
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::net::UnixStream;
use std::time::Instant;

/// How much one read takes from a socket.
const READ: usize = 16 * 1024;

/// Where a connection is in its life.
enum Stage {
    /// Sent this challenge; must answer it by `deadline`, or is dropped.
    Challenged { challenge: Bytes, deadline: Instant },
    /// Gave the key.
    Trusted,
}

/// Why a connection is dropped.
#[derive(Debug)]
pub(super) enum Fault {
    /// It closed, or its socket failed.
    Closed,
    /// It sent what the protocol does not allow (too long a frame, a frame that does not decode).
    Garbled,
    /// Its answer to the challenge was wrong (it is told so first).
    WrongKey,
}

impl From<io::Error> for Fault {
    fn from(_: io::Error) -> Self {
        Fault::Closed
    }
}

pub(super) struct Peer {
    id: u64,
    stream: UnixStream,
    stage: Stage,
    /// Bytes read that do not make a whole frame yet.
    input: Vec<u8>,
    /// Frames to write, from `written` on.
    output: Vec<u8>,
    written: usize,
    /// It asked for what is answered later (a held lock, an empty queue, an event not set).
    waiting: bool,
    /// Its interest as `epoll` has it (`None`: not added yet).
    pub(super) registered: Option<nix::sys::epoll::EpollFlags>,
}

impl Peer {
    /// A connection just accepted: made non-blocking, and sent its challenge (which it must
    /// answer by `deadline`).
    pub(super) fn new(id: u64, stream: UnixStream, deadline: Instant) -> io::Result<Self> {
        stream.set_nonblocking(true)?;
        let challenge = auth::random()?;
        let mut peer = Peer {
            id,
            stream,
            stage: Stage::Challenged {
                challenge,
                deadline,
            },
            input: Vec::new(),
            output: Vec::new(),
            written: 0,
            waiting: false,
            registered: None,
        };
        peer.send(&Challenge(challenge))?;
        Ok(peer)
    }

    pub(super) fn id(&self) -> u64 {
        self.id
    }

    /// When it must have answered the challenge (`None`: it has).
    pub(super) fn deadline(&self) -> Option<Instant> {
        match self.stage {
            Stage::Challenged { deadline, .. } => Some(deadline),
            Stage::Trusted => None,
        }
    }

    pub(super) fn fd(&self) -> BorrowedFd<'_> {
        self.stream.as_fd()
    }

    /// Its requests are read only once its last one is answered and the answer written: a peer
    /// that does not read its replies makes the manager hold one reply for it, never more.
    fn blocked(&self) -> bool {
        self.waiting || self.written < self.output.len()
    }

    /// What to poll it for. Not readable while blocked; its end is seen anyway (`POLLHUP`).
    pub(super) fn events(&self) -> PollFlags {
        let mut events = PollFlags::empty();
        if !self.blocked() {
            events |= PollFlags::POLLIN;
        }
        if self.written < self.output.len() {
            events |= PollFlags::POLLOUT;
        }
        events
    }

    /// One read of what the socket holds.
    pub(super) fn read(&mut self) -> Result<(), Fault> {
        let mut buffer = [0u8; READ];
        match self.stream.read(&mut buffer) {
            Ok(0) => Err(Fault::Closed),
            Ok(n) => {
                self.input.extend_from_slice(&buffer[..n]);
                Ok(())
            }
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::Interrupted) => Ok(()),
            Err(_) => Err(Fault::Closed),
        }
    }

    /// The next whole frame's body, if it is not blocked and one is there. Before the key, only
    /// a frame the size of an answer is allowed, and an answer is all it may send.
    pub(super) fn next_request(&mut self, key: &Bytes) -> Result<Option<Vec<u8>>, Fault> {
        if self.blocked() || self.input.len() < 4 {
            return Ok(None);
        }
        let length =
            u32::from_le_bytes([self.input[0], self.input[1], self.input[2], self.input[3]]);
        let length = length as usize;
        let most = match self.stage {
            Stage::Challenged { .. } => MAX_HANDSHAKE,
            Stage::Trusted => MAX_FRAME,
        };
        if length > most {
            return Err(Fault::Garbled);
        }
        if self.input.len() < 4 + length {
            return Ok(None);
        }
        let body = self.input[4..4 + length].to_vec();
        self.input.drain(..4 + length);
        match self.stage {
            Stage::Trusted => Ok(Some(body)),
            Stage::Challenged { challenge, .. } => {
                self.answered(key, &challenge, &body)?;
                self.next_request(key)
            }
        }
    }

    /// Checks an answer to `challenge`: trusted, and answered the peer's own challenge; or told
    /// it failed.
    fn answered(&mut self, key: &Bytes, challenge: &Bytes, body: &[u8]) -> Result<(), Fault> {
        let answer: Answer = protocol::decode(body).map_err(|_| Fault::Garbled)?;
        if !auth::verify(key, challenge, &answer.digest) {
            let _ = self.send(&Verdict::Failure);
            return Err(Fault::WrongKey);
        }
        self.stage = Stage::Trusted;
        let digest = auth::answer(key, &answer.challenge);
        self.send(&Verdict::Welcome { digest })?;
        Ok(())
    }

    /// Its request is answered later.
    pub(super) fn wait(&mut self) {
        self.waiting = true;
    }

    /// Queues `value` and writes what the socket takes now.
    pub(super) fn send<T: Serialize>(&mut self, value: &T) -> io::Result<()> {
        self.waiting = false;
        if self.written == self.output.len() {
            self.output.clear();
            self.written = 0;
        }
        self.output.extend_from_slice(&protocol::frame(value)?);
        self.flush()
    }

    /// Writes what the socket takes now; an error if the peer is gone.
    pub(super) fn flush(&mut self) -> io::Result<()> {
        while self.written < self.output.len() {
            match self.stream.write(&self.output[self.written..]) {
                Ok(0) => return Err(ErrorKind::WriteZero.into()),
                Ok(n) => self.written += n,
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) if e.kind() == ErrorKind::WouldBlock => return Ok(()),
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }
}
