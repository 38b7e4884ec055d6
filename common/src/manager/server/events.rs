//! How the manager waits for its sockets: `epoll`, each socket registered once (a peer's
//! interest changed only when it changes), and a short look before it sleeps.
//!
//! The look: for up to 50 µs after its last work the manager looks again without sleeping (and
//! gives the CPU to whoever wants it between looks). A proxy sends its next request a few µs
//! after its reply, so that request is found awake: on this machine, waking a sleeping core
//! costs tens of µs (the bench's floor rows), and a set+get is four wake-ups. Measured in
//! `bench/notes.md`: set+get 116–150 µs without the look, 41–45 µs with it, and the CPU a
//! set+get drops too (82–110 µs to 48–52 µs: a halted core's wake-up costs more than the
//! looks). On one core the yield gives the proxy the CPU. Where looking stops paying (no request
//! within the budget, or a machine so busy that a yield costs a time slice), [`Spin`] makes the
//! next waits sleep at once.

use super::peer::Peer;
use crate::spin::Spin;
use nix::poll::{PollFlags, PollTimeout};
use nix::sys::epoll::{Epoll, EpollCreateFlags, EpollEvent, EpollFlags};
use std::os::unix::net::UnixListener;
use std::time::Instant;

/// The listener's mark in `epoll` (a peer's is its id, which starts at 1).
const LISTENER: u64 = 0;
/// The most events taken in one wait (the others are taken at the next).
const EVENTS: usize = 64;

/// What one wait found.
#[derive(Default)]
pub(super) struct Ready {
    /// The listener has connections to accept.
    pub(super) accept: bool,
    /// Peers whose sockets are ready, with what they are ready for.
    pub(super) peers: Vec<(u64, PollFlags)>,
    /// Peers `epoll` would not register (out of memory or watches): to be dropped.
    pub(super) failed: Vec<u64>,
}

pub(super) struct Events {
    epoll: Epoll,
    buffer: Vec<EpollEvent>,
    /// Whether the listener is registered for `EPOLLIN` now (not while accepting is paused).
    listening: bool,
    /// Since when it has been looking for work without sleeping, if it is.
    looking_since: Option<Instant>,
    spin: Spin,
}

impl Events {
    pub(super) fn new(listener: &UnixListener) -> nix::Result<Self> {
        let epoll = Epoll::new(EpollCreateFlags::EPOLL_CLOEXEC)?;
        epoll.add(listener, EpollEvent::new(EpollFlags::EPOLLIN, LISTENER))?;
        Ok(Events {
            epoll,
            buffer: vec![EpollEvent::empty(); EVENTS],
            listening: true,
            looking_since: None,
            spin: Spin::default(),
        })
    }

    /// Registers what changed (the listener on or off, each peer's interest), then waits until
    /// a socket is ready or `timeout` passes; while spinning, only looks. An error from `epoll`
    /// itself (not from one peer's registration) ends the server.
    pub(super) fn wait(
        &mut self,
        listener: &UnixListener,
        listen: bool,
        peers: &mut [Peer],
        timeout: PollTimeout,
    ) -> nix::Result<Ready> {
        let mut ready = Ready::default();
        if listen != self.listening {
            let interest = if listen {
                EpollFlags::EPOLLIN
            } else {
                EpollFlags::empty()
            };
            self.epoll
                .modify(listener, &mut EpollEvent::new(interest, LISTENER))?;
            self.listening = listen;
        }
        for peer in peers.iter_mut() {
            let wanted = EpollFlags::from_bits_truncate(i32::from(peer.events().bits()));
            let mut event = EpollEvent::new(wanted, peer.id());
            let done = match peer.registered {
                Some(had) if had == wanted => Ok(()),
                Some(_) => self.epoll.modify(peer.fd(), &mut event),
                None => self.epoll.add(peer.fd(), event),
            };
            match done {
                Ok(()) => peer.registered = Some(wanted),
                Err(_) => ready.failed.push(peer.id()),
            }
        }
        // Looking: one look without sleeping; nothing there and budget left, give the CPU away
        // and return to look again at the next call; budget spent, sleep.
        let n = match self.looking_since {
            Some(since) => match self.epoll.wait(&mut self.buffer, PollTimeout::ZERO)? {
                0 if self.spin.again(since) => 0,
                0 => {
                    self.looking_since = None;
                    self.epoll.wait(&mut self.buffer, timeout)?
                }
                n => {
                    self.spin.found(since);
                    n
                }
            },
            None => self.epoll.wait(&mut self.buffer, timeout)?,
        };
        if n > 0 {
            self.looking_since = self.spin.begin().then(Instant::now);
        }
        for event in &self.buffer[..n] {
            // EPOLLIN, EPOLLOUT, EPOLLERR and EPOLLHUP have poll(2)'s values.
            let flags = PollFlags::from_bits_truncate(event.events().bits() as i16);
            match event.data() {
                LISTENER => ready.accept = flags.contains(PollFlags::POLLIN),
                id => ready.peers.push((id, flags)),
            }
        }
        Ok(ready)
    }
}
