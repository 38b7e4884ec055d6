//! The coordinator takes in a reply: a worker started, answered for a chunk, panicked in one,
//! ended, or named what does not exist.

use super::super::jobs::{ChunkState, Failure};
use super::super::task::{ChunkId, Command, Reply};
use super::{Coordinator, State};

impl Coordinator {
    pub(super) fn handle(&mut self, reply: Reply) {
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
    pub(super) fn lied(&mut self, pid: u32, what: &str) {
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
    pub(super) fn chunk_returned(&mut self, slot: usize, chunk: ChunkId, state: ChunkState) {
        self.slots.returned(slot, chunk);
        self.jobs.resolve(chunk, state);
        self.dispatch();
    }
}
