//! The program's side of a pool: the fork server, the replies from it and from the workers, and
//! the pool's life (close, join, terminate). It owns the workers' slots (`slots.rs`) and the jobs
//! (`jobs.rs`), and moves chunks between them.
//!
//! Nothing here runs on a thread of its own: work moves on whenever the program calls into the
//! pool (a `get`, a `ready`, the next item of an `imap`), as the calling thread sends the queued
//! chunks and reads the replies.

use super::error::PoolError;
use super::jobs::{ChunkState, Failure, Jobs};
use super::slots::{Chunk, Lost, Slots};
use super::task::{Command, Reply};
use crate::process::Process;
use ipc_channel::TryRecvError;
use ipc_channel::ipc::{IpcReceiver, IpcSender};
use std::time::{Duration, Instant};

mod replies;

/// Where the pool is in its life: Python's RUN, CLOSE, TERMINATE, and joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Running,
    Closed,
    Terminated,
    Joined,
}

#[derive(Debug)]
pub(super) struct Coordinator {
    server: Process,
    commands: IpcSender<Command>,
    replies: IpcReceiver<Reply>,
    slots: Slots,
    state: State,
    jobs: Jobs,
    /// Since when the server has been seen stopped while a worker it must start was awaited.
    stopped_since: Option<Instant>,
}

/// How long the server may be seen stopped while a worker it must start is awaited, before the
/// pool gives up on it: a busy server runs or sleeps, never stops, so no load trips this (as for
/// the `forkserver` start method's server, `process/forkserver.rs`).
const STOPPED_FOR: Duration = Duration::from_secs(1);

/// How often a wait looks at the server while a worker it must start is awaited.
const LOOK_EVERY: Duration = Duration::from_millis(50);

/// How often a wait for results looks at the server and the workers: a worker that dies is
/// reported by the server, so a stopped server leaves its death unreported. Seldom, so that a
/// program waiting for a slow task still sleeps (exercise 14 counts main's wakes: this adds at
/// most one to a 1.5 s task).
const LOOK_WHILE_BUSY: Duration = Duration::from_secs(2);

impl Coordinator {
    pub(super) fn new(
        server: Process,
        commands: IpcSender<Command>,
        replies: IpcReceiver<Reply>,
        slots: Slots,
    ) -> Self {
        Coordinator {
            server,
            commands,
            replies,
            slots,
            state: State::Running,
            jobs: Jobs::default(),
            stopped_since: None,
        }
    }

    /// Asks the server for a worker in every slot and waits until all have started.
    pub(super) fn start_workers(&mut self) -> Result<(), PoolError> {
        for slot in 0..self.slots.len() {
            self.commands
                .send(Command::Spawn { slot })
                .map_err(PoolError::Ipc)?;
            self.slots.spawning(slot);
        }
        while !self.slots.all_started() {
            if self.state != State::Running {
                return Err(match self.server.pid() {
                    Some(pid) if self.stopped_since.is_some() => PoolError::ServerStopped { pid },
                    _ => PoolError::ServerDied,
                });
            }
            self.pump(Some(Duration::from_millis(100)));
        }
        Ok(())
    }

    /// The PIDs of the workers, slot by slot, once any replacement asked for has started.
    pub(super) fn worker_pids(&mut self) -> Vec<u32> {
        let deadline = Instant::now() + Duration::from_secs(10);
        self.pump_until(Some(deadline), |pool| {
            pool.state != State::Running || pool.slots.none_starting()
        });
        self.slots.pids()
    }

    /// How many workers the pool keeps.
    pub(super) fn processes(&self) -> usize {
        self.slots.len()
    }

    /// Whether the pool still takes work (not closed nor terminated).
    pub(super) fn is_running(&self) -> bool {
        self.state == State::Running
    }

    /// The jobs' chunks, to read.
    pub(super) fn jobs(&self) -> &Jobs {
        &self.jobs
    }

    /// The jobs' chunks, for an `imap` to take its results out of, or a result to forget.
    pub(super) fn jobs_mut(&mut self) -> &mut Jobs {
        &mut self.jobs
    }

    /// A new job made of `chunks` (their `id.job` is filled in here); its number.
    pub(super) fn submit(&mut self, chunks: Vec<Chunk>) -> Result<u64, PoolError> {
        if self.state != State::Running {
            return Err(PoolError::NotRunning);
        }
        let job = self.jobs.add(chunks.len());
        for chunk in chunks {
            self.slots.queue(chunk.of_job(job));
        }
        self.dispatch();
        Ok(job)
    }

    fn dispatch(&mut self) {
        let lost = self.slots.dispatch();
        self.lose(lost);
    }

    fn lose(&mut self, lost: Vec<Lost>) {
        for (chunk, failure) in lost {
            self.jobs.resolve(chunk, ChunkState::Failed(failure));
        }
    }

    /// Takes in one reply, waiting up to `timeout` for it (without one, until a reply comes or
    /// the channel closes); whether one came.
    ///
    /// A wait without a deadline sleeps in `recv` and wakes for a reply, and otherwise only to
    /// look at the server (below): a dead server needs no look. The server and the workers hold
    /// the only senders of `replies` (the program's went with the server's target), and a worker
    /// dies with the server (its lifeline, `PR_SET_PDEATHSIG`), so a dead server closes the
    /// channel and wakes the wait. A program that waited 100 ms at a time woke main ten times a
    /// second while a slow task ran, which exercise 14's check could not tell from a loop
    /// polling `ready()`.
    ///
    /// While a worker is starting, the server must answer: the wait then looks at it every
    /// `LOOK_EVERY`; while work is out, every `LOOK_WHILE_BUSY`. A server seen stopped for
    /// `STOPPED_FOR` while it must start a worker or report one that ended is killed, and the
    /// pool ended: a stopped server with every worker alive is waited for, as Python waits.
    fn pump(&mut self, timeout: Option<Duration>) -> bool {
        let starting = !self.slots.none_starting();
        let watching = starting || !self.slots.idle();
        let look = if starting {
            LOOK_EVERY
        } else {
            LOOK_WHILE_BUSY
        };
        // Whether this wait ends at the look rather than at the caller's deadline.
        let looks = watching && timeout.is_none_or(|timeout| timeout > look);
        let timeout = match (watching, timeout) {
            (true, Some(timeout)) => Some(timeout.min(look)),
            (true, None) => Some(look),
            (false, timeout) => timeout,
        };
        let reply = match timeout {
            Some(timeout) => self.replies.try_recv_timeout(timeout),
            None => self.replies.recv().map_err(TryRecvError::IpcError),
        };
        match reply {
            Ok(reply) => {
                self.handle(reply);
                true
            }
            Err(TryRecvError::Empty) => {
                if looks {
                    // The pool's own wake, not the program's: a checker that counts how often
                    // the waiting thread wakes leaves it out (`trace`'s `look`).
                    crate::trace::record(crate::trace::Kind::Look, "the pool looks at its server");
                }
                if !self.server.is_alive() {
                    self.fail_all(Failure::ServerDied, State::Terminated);
                } else if watching && self.server_stopped_too_long(starting) {
                    let pid = self.server.pid().unwrap_or_default();
                    // SIGKILL ends a stopped process; its workers die with it (their lifeline).
                    self.server.kill();
                    self.server.join();
                    self.fail_all(Failure::ServerStopped { pid }, State::Terminated);
                }
                false
            }
            Err(TryRecvError::IpcError(_)) => {
                self.fail_all(Failure::ServerDied, State::Terminated);
                false
            }
        }
    }

    /// Whether the server has been seen stopped for `STOPPED_FOR` (each look that finds it
    /// running starts the count again) while it must serve: a worker is `starting`, or one has
    /// ended that it cannot report.
    fn server_stopped_too_long(&mut self, starting: bool) -> bool {
        let pid = |pid: u32| nix::unistd::Pid::from_raw(pid as i32);
        let stopped =
            (self.server.pid()).is_some_and(|server| crate::process::stopped(pid(server)));
        if !stopped {
            self.stopped_since = None;
            return false;
        }
        let since = *self.stopped_since.get_or_insert_with(Instant::now);
        let needed =
            starting || (self.slots.pids().into_iter()).any(|w| crate::process::ended(pid(w)));
        needed && since.elapsed() >= STOPPED_FOR
    }

    /// Marks every chunk not yet done as failed, and the pool as `state`.
    fn fail_all(&mut self, failure: Failure, state: State) {
        self.state = state;
        self.slots.clear();
        self.jobs.fail_pending(&failure);
    }

    /// Pumps until `done` holds or `deadline` passes; whether it holds.
    pub(super) fn pump_until(
        &mut self,
        deadline: Option<Instant>,
        done: impl Fn(&Coordinator) -> bool,
    ) -> bool {
        while !done(self) {
            let left = match deadline {
                Some(deadline) => match deadline.checked_duration_since(Instant::now()) {
                    Some(left) if !left.is_zero() => Some(left),
                    // The deadline has come (at once for `ready()`): what has arrived is taken
                    // in, without waiting, before the answer. Without this look `ready()` never
                    // saw a result come in, and a loop polling it never ended.
                    _ => {
                        while !done(self) && self.pump(Some(Duration::ZERO)) {}
                        return done(self);
                    }
                },
                None => None,
            };
            self.pump(left);
        }
        true
    }

    /// Python's `close()`: no new work; what is queued still runs.
    pub(super) fn close(&mut self) {
        if self.state == State::Running {
            self.state = State::Closed;
        }
    }

    /// Python's `join()`: after `close`, waits for the queued work, then for every worker.
    pub(super) fn join(&mut self) -> Result<(), PoolError> {
        match self.state {
            State::Running => return Err(PoolError::StillRunning),
            State::Joined => return Ok(()),
            State::Terminated => {}
            State::Closed => {
                self.pump_until(None, |pool| {
                    pool.state != State::Closed || pool.slots.idle()
                });
                self.slots.stop_all();
                let _ = self.commands.send(Command::Stop);
            }
        }
        self.server.join();
        self.state = State::Joined;
        Ok(())
    }

    /// Python's `terminate()`: the workers are killed now; unfinished work fails.
    pub(super) fn terminate(&mut self) {
        if matches!(self.state, State::Terminated | State::Joined) {
            return;
        }
        let _ = self.commands.send(Command::Kill);
        if !self.server.join_timeout(Duration::from_secs(5)) {
            // Its SIGTERM handler ends its workers before it dies.
            self.server.terminate();
            self.server.join();
        }
        self.fail_all(Failure::Terminated, State::Terminated);
        self.state = State::Joined;
    }
}

impl Drop for Coordinator {
    /// Python's `with Pool(...) as p:` ends with `terminate()`; so does dropping a pool.
    fn drop(&mut self) {
        self.terminate();
    }
}
