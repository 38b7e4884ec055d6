//! The manager process: one thread owns every object and serves every connection from one
//! `epoll` loop (`events.rs`, with the short spin before it sleeps that makes a round trip cost
//! less than a wake-up). It never blocks on a peer: each socket is non-blocking, with a buffer
//! each way (`peer.rs`), and a frame is completed across as many wake-ups as its peer takes.
//!
//! Why a loop and not CPython's thread per connection: the objects need no lock (one thread
//! owns them), a waiting operation (a held lock, an empty queue) is a number in a list rather
//! than a parked thread, and 1,500 idle connections cost 1,500 small buffers, not 1,500 stacks.
//!
//! # Who can connect, and what a peer can do
//! The socket's address is abstract (Linux): any local process of any user that reads its name
//! in `/proc/net/unix` can connect; abstract sockets have no file permissions. So every peer
//! is a stranger until it answers the challenge (HMAC-SHA256 of 32 random bytes under the
//! key: `auth.rs`). Before it has:
//! - it may send one frame of at most [`MAX_HANDSHAKE`](super::protocol::MAX_HANDSHAKE) bytes;
//!   longer, or not an answer, and it is dropped;
//! - it has [`HANDSHAKE`] to answer, then it is dropped, whatever it sent or did not;
//! - at most [`MAX_PENDING`] such connections are kept; a new one drops the oldest.
//!
//! A peer that gave the key may stall in a frame, stop reading, or die at any point: it costs
//! the others nothing. Its requests are read only once its last reply is written (it never
//! makes the manager hold more than one reply), a partial frame waits in its own buffer, and a
//! closed or failed socket drops it and its place in every waiting line. Out of descriptors
//! (`EMFILE`), the server drops the oldest unauthenticated peer to accept the new one, or
//! accepts and closes it on a descriptor kept in reserve, or else stops accepting for
//! [`PAUSE`]: it never spins on a listener it cannot accept from. The tests in `common/tests/manager_peers/` make each case
//! with real sockets and processes, and check that open and new proxies answer meanwhile.

mod events;
mod objects;
mod peer;

use super::auth::Bytes;
use super::protocol::{self, Request, Response};
use events::Events;
use nix::errno::Errno;
use nix::poll::{PollFlags, PollTimeout};
use objects::Objects;
use peer::Peer;
use std::fs::File;
use std::io::ErrorKind;
use std::os::unix::net::{UnixListener, UnixStream};
use std::time::{Duration, Instant};

/// How long a new connection has to answer the challenge.
const HANDSHAKE: Duration = Duration::from_secs(1);
/// The most connections kept that have not answered yet.
const MAX_PENDING: usize = 64;
/// The most connections accepted in one wake-up (the others wait their turn).
const ACCEPTS_PER_WAKE: usize = 64;
/// How long accepting stops when the process is out of descriptors and none could be freed.
const PAUSE: Duration = Duration::from_millis(100);

struct Server {
    key: Bytes,
    listener: UnixListener,
    peers: Vec<Peer>,
    objects: Objects,
    next: u64,
    /// A descriptor kept open, to be closed for an `accept` when the process has no other.
    reserve: Option<File>,
    /// Accepting stops until then.
    paused_until: Option<Instant>,
    /// What the server waits on (`events.rs`).
    events: Events,
}

/// Serves on `listener` until a `Shutdown` request from a peer that gave `key`; then returns
/// (and the process ends).
pub(super) fn serve(listener: UnixListener, key: Bytes) {
    if listener.set_nonblocking(true).is_err() {
        return;
    }
    let Ok(events) = Events::new(&listener) else {
        return;
    };
    let mut server = Server {
        key,
        listener,
        peers: Vec::new(),
        objects: Objects::default(),
        next: 0,
        reserve: File::open("/dev/null").ok(),
        paused_until: None,
        events,
    };
    loop {
        let now = Instant::now();
        if server.paused_until.is_some_and(|until| now >= until) {
            server.paused_until = None;
        }
        let timeout = server.timeout(now);
        let listen = server.paused_until.is_none();
        let found = server
            .events
            .wait(&server.listener, listen, &mut server.peers, timeout);
        let ready = match found {
            Err(Errno::EINTR) => continue,
            Err(_) => return,
            Ok(ready) => ready,
        };
        for id in ready.failed {
            server.drop_peer(id);
        }
        for (id, events) in ready.peers {
            server.on_ready(id, events);
        }
        if ready.accept {
            server.accept(now);
        }
        // Every peer with a whole request read and nothing owed to it is served.
        let ids: Vec<u64> = server.peers.iter().map(Peer::id).collect();
        for id in ids {
            if server.serve_peer(id).is_break() {
                return;
            }
        }
        // The late go last, once what they sent is read (`an_answer_in_time_is_read_...`).
        server.expire(now);
    }
}

impl Server {
    fn index(&self, id: u64) -> Option<usize> {
        self.peers.iter().position(|p| p.id() == id)
    }

    fn drop_peer(&mut self, id: u64) {
        self.peers.retain(|p| p.id() != id);
        self.objects.forget(id);
    }

    /// Drops the peers whose time to answer the challenge is over.
    fn expire(&mut self, now: Instant) {
        let late: Vec<u64> = (self.peers.iter())
            .filter(|p| p.deadline().is_some_and(|deadline| deadline <= now))
            .map(Peer::id)
            .collect();
        for id in late {
            self.drop_peer(id);
        }
    }

    /// Until the next deadline (or the pause's end); with neither, no timeout.
    fn timeout(&self, now: Instant) -> PollTimeout {
        let next = (self.peers.iter().filter_map(Peer::deadline))
            .chain(self.paused_until)
            .min();
        match next {
            None => PollTimeout::NONE,
            Some(at) => {
                // Rounded up, so that the deadline has passed when poll returns.
                let ms = at.saturating_duration_since(now).as_micros().div_ceil(1000);
                PollTimeout::try_from(ms.min(60_000) as i32).unwrap_or(PollTimeout::MAX)
            }
        }
    }

    /// A peer's socket is ready: writes what it is owed, reads what it sent, or drops it.
    fn on_ready(&mut self, id: u64, events: PollFlags) {
        let Some(index) = self.index(id) else { return };
        let peer = &mut self.peers[index];
        let mut fine = true;
        if events.contains(PollFlags::POLLOUT) {
            fine = peer.flush().is_ok();
        }
        if fine && events.contains(PollFlags::POLLIN) {
            fine = peer.read().is_ok();
        } else if events.intersects(PollFlags::POLLHUP | PollFlags::POLLERR | PollFlags::POLLNVAL) {
            fine = false;
        }
        if !fine {
            self.drop_peer(id);
        }
    }

    /// Handles the whole requests a peer has sent, while it is owed nothing.
    fn serve_peer(&mut self, id: u64) -> std::ops::ControlFlow<()> {
        while let Some(index) = self.index(id) {
            let body = match self.peers[index].next_request(&self.key) {
                Ok(Some(body)) => body,
                Ok(None) => break,
                Err(_) => {
                    self.drop_peer(id);
                    break;
                }
            };
            match protocol::decode::<Request>(&body) {
                Ok(request) => self.handle(id, request)?,
                Err(_) => self.drop_peer(id),
            }
        }
        std::ops::ControlFlow::Continue(())
    }

    fn handle(&mut self, id: u64, request: Request) -> std::ops::ControlFlow<()> {
        match request {
            Request::Shutdown => {
                self.deliver(id, &Response::Ok);
                return std::ops::ControlFlow::Break(());
            }
            Request::Create(kind) => {
                let created = self.objects.create(kind);
                self.deliver(id, &created);
            }
            Request::Call { object, op } => {
                let object = object as usize;
                let outcome = self.objects.call(id, object, op);
                match (outcome.response, self.index(id)) {
                    (Some(response), _) => {
                        self.deliver(id, &response);
                    }
                    (None, Some(index)) => self.peers[index].wait(),
                    (None, None) => {}
                }
                for (waiter, answer) in outcome.wake {
                    self.deliver(waiter, &answer);
                }
                if outcome.handoff {
                    self.hand_over(object);
                }
            }
        }
        std::ops::ControlFlow::Continue(())
    }

    /// Sends `response` to peer `id`; whether it went out (false: the peer is gone, and
    /// forgotten). A reply the socket has no room for yet is the peer's to read later.
    fn deliver(&mut self, id: u64, response: &Response) -> bool {
        let Some(index) = self.index(id) else {
            return false;
        };
        if self.peers[index].send(response).is_ok() {
            return true;
        }
        self.drop_peer(id);
        false
    }

    /// Gives a free lock, or the queue's items, to the peers waiting for them, first come first
    /// served. A waiter that cannot be answered (its process died while it waited, and its end
    /// is not seen yet) is passed over: the lock or the item goes to the next one.
    fn hand_over(&mut self, object: usize) {
        while let Some((waiter, answer)) = self.objects.next_handoff(object) {
            if !self.deliver(waiter, &answer) {
                self.objects.take_back(object, answer);
            }
        }
    }

    /// Accepts what is waiting on the listener, a bounded number at a time.
    fn accept(&mut self, now: Instant) {
        for _ in 0..ACCEPTS_PER_WAKE {
            match self.listener.accept() {
                Ok((stream, _)) => self.admit(stream, now),
                Err(e) if e.kind() == ErrorKind::WouldBlock => return,
                Err(e)
                    if matches!(
                        e.kind(),
                        ErrorKind::Interrupted | ErrorKind::ConnectionAborted
                    ) => {}
                Err(e) => {
                    let out_of_descriptors = matches!(
                        e.raw_os_error().map(Errno::from_raw),
                        Some(Errno::EMFILE | Errno::ENFILE)
                    );
                    if !(out_of_descriptors && self.shed()) {
                        self.paused_until = Some(now + PAUSE);
                        return;
                    }
                }
            }
        }
    }

    /// A new connection: challenged, with [`HANDSHAKE`] to answer. The oldest unanswered one
    /// goes if there are [`MAX_PENDING`] already.
    fn admit(&mut self, stream: UnixStream, now: Instant) {
        if self.pending() >= MAX_PENDING {
            self.drop_oldest_pending();
        }
        self.next += 1;
        if let Ok(peer) = Peer::new(self.next, stream, now + HANDSHAKE) {
            self.peers.push(peer);
        }
    }

    fn pending(&self) -> usize {
        self.peers.iter().filter(|p| p.deadline().is_some()).count()
    }

    /// Drops the unauthenticated peer that came first; whether there was one.
    fn drop_oldest_pending(&mut self) -> bool {
        let oldest = (self.peers.iter())
            .filter_map(|p| p.deadline().map(|deadline| (deadline, p.id())))
            .min();
        if let Some((_, id)) = oldest {
            self.drop_peer(id);
        }
        oldest.is_some()
    }

    /// Out of descriptors: frees one, so that the next accept can succeed. The oldest
    /// unauthenticated peer goes; without one, the reserve is closed, the waiting connection
    /// accepted and closed (its peer sees it end), and the reserve opened again. Whether the
    /// listener may be tried again now.
    fn shed(&mut self) -> bool {
        if self.drop_oldest_pending() {
            return true;
        }
        if self.reserve.take().is_none() {
            return false;
        }
        let refused = self.listener.accept().is_ok();
        self.reserve = File::open("/dev/null").ok();
        refused
    }
}
