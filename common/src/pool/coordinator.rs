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
use super::task::{ChunkId, Command, Reply};
use crate::process::Process;
use ipc_channel::TryRecvError;
use ipc_channel::ipc::{IpcReceiver, IpcSender};
use std::time::{Duration, Instant};

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
}

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
                return Err(PoolError::ServerDied);
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
    /// A wait without a deadline sleeps in `recv` and wakes only for a reply: no look at the server
    /// every so often. The server and the workers hold the only senders of `replies` (the
    /// program's went with the server's target), and a worker dies with the server (its
    /// lifeline, `PR_SET_PDEATHSIG`), so a dead server closes the channel and wakes the wait.
    /// A program that waited 100 ms at a time woke main ten times a second while a slow task
    /// ran, which exercise 14's check could not tell from a loop polling `ready()`.
    fn pump(&mut self, timeout: Option<Duration>) -> bool {
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
                if !self.server.is_alive() {
                    self.fail_all(Failure::ServerDied, State::Terminated);
                }
                false
            }
            Err(TryRecvError::IpcError(_)) => {
                self.fail_all(Failure::ServerDied, State::Terminated);
                false
            }
        }
    }

    fn handle(&mut self, reply: Reply) {
        match reply {
            Reply::Spawned {
                slot,
                name,
                pid,
                tasks,
            } => {
                self.slots.spawned(slot, name, pid, tasks);
                self.dispatch();
            }
            Reply::Done {
                slot,
                pid,
                chunk,
                results,
            } => match self.slots.check_reply(slot, pid, chunk, 0) {
                Ok(_) => self.chunk_returned(slot, chunk, ChunkState::Done(results)),
                Err(what) => self.lied(pid, &what),
            },
            Reply::Panicked {
                slot,
                pid,
                chunk,
                offset,
                panic,
            } => match self.slots.check_reply(slot, pid, chunk, offset) {
                Ok(first) => {
                    let failure = Failure::Panicked(first + offset, panic);
                    self.chunk_returned(slot, chunk, ChunkState::Failed(failure));
                }
                Err(what) => self.lied(pid, &what),
            },
            Reply::Ended { slot, exitcode } => {
                if slot >= self.slots.len() {
                    return;
                }
                let lost = self.slots.ended(slot, exitcode);
                self.lose(lost);
                // A replacement, unless the pool is winding down with nothing left to do.
                if self.state == State::Running
                    || (self.state == State::Closed && !self.slots.queue_is_empty())
                {
                    let _ = self.commands.send(Command::Spawn { slot });
                    self.slots.spawning(slot);
                }
            }
        }
    }

    /// A reply from the worker whose PID is `pid` named what does not exist: that worker is
    /// killed by the server (which reports its end, and a replacement starts, as for a dead one) and the
    /// chunks it had fail naming it. A reply whose PID is no worker's is dropped: nothing it
    /// says can be placed.
    fn lied(&mut self, pid: u32, what: &str) {
        let Some(slot) = self.slots.slot_of(pid) else {
            return;
        };
        let lost = self.slots.lied(slot, what);
        // The server kills it: its own child, so the PID cannot be another process's yet.
        let _ = self.commands.send(Command::KillWorker { slot });
        self.lose(lost);
        self.dispatch();
    }

    /// A worker answered for `chunk`: its slot has room again, and the chunk its state.
    fn chunk_returned(&mut self, slot: usize, chunk: ChunkId, state: ChunkState) {
        self.slots.returned(slot, chunk);
        self.jobs.resolve(chunk, state);
        self.dispatch();
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
