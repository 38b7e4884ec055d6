//! The program's side of a pool: its workers' slots, the jobs and their chunks, and the replies.
//!
//! Nothing here runs on a thread of its own: work moves on whenever the program calls into the
//! pool (a `get`, a `ready`, the next item of an `imap`), as the calling thread sends the queued
//! chunks and reads the replies. Each worker has up to [`PREFETCH`] chunks at a time.

use super::error::PoolError;
use super::server::{ChunkId, Command, Reply, RunChunk, Task, TaskPanic};
use crate::process::Process;
use ipc_channel::TryRecvError;
use ipc_channel::ipc::{IpcReceiver, IpcSender};
use std::collections::{HashMap, VecDeque};
use std::ops::Range;
use std::time::{Duration, Instant};

/// How many chunks a worker is given before it has answered for the first.
const PREFETCH: usize = 4;

/// Where the pool is in its life: Python's RUN, CLOSE, TERMINATE, and joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum State {
    Running,
    Closed,
    Terminated,
    Joined,
}

/// Why a chunk failed, kept so that a result can be asked for more than once.
#[derive(Debug, Clone)]
pub(super) enum Failure {
    Panicked(usize, TaskPanic),
    Died {
        worker: String,
        exitcode: Option<i32>,
        items: Range<usize>,
    },
    ServerDied,
    Terminated,
}

impl Failure {
    pub(super) fn error(&self) -> PoolError {
        match self.clone() {
            Failure::Panicked(index, TaskPanic { message, location }) => PoolError::TaskPanicked {
                index,
                message,
                location,
            },
            Failure::Died {
                worker,
                exitcode,
                items,
            } => PoolError::WorkerDied {
                worker,
                exitcode,
                items: items.collect(),
            },
            Failure::ServerDied => PoolError::ServerDied,
            Failure::Terminated => PoolError::Terminated,
        }
    }
}

#[derive(Debug)]
pub(super) enum ChunkState {
    Pending,
    Done(Vec<u8>),
    Failed(Failure),
}

/// A chunk waiting to be sent, or out with a worker.
#[derive(Debug)]
pub(super) struct Chunk {
    pub(super) id: ChunkId,
    pub(super) items: Range<usize>,
    pub(super) apply: usize,
    pub(super) f: usize,
    pub(super) encoded: Vec<u8>,
}

#[derive(Debug, Default)]
struct Slot {
    name: String,
    pid: Option<u32>,
    tasks: Option<IpcSender<Task>>,
    /// Chunk ids and their item ranges.
    in_flight: Vec<(ChunkId, Range<usize>)>,
    sent: usize,
    /// A worker was asked for and has not started yet.
    spawning: bool,
}

#[derive(Debug)]
pub(super) struct Inner {
    pub(super) server: Process,
    pub(super) commands: IpcSender<Command>,
    pub(super) replies: IpcReceiver<Reply>,
    slots: Vec<Slot>,
    pub(super) state: State,
    next_job: u64,
    pub(super) jobs: HashMap<u64, Vec<ChunkState>>,
    queue: VecDeque<Chunk>,
    maxtasksperchild: Option<usize>,
}

impl Inner {
    pub(super) fn new(
        server: Process,
        commands: IpcSender<Command>,
        replies: IpcReceiver<Reply>,
        processes: usize,
        maxtasksperchild: Option<usize>,
    ) -> Self {
        Inner {
            server,
            commands,
            replies,
            slots: (0..processes).map(|_| Slot::default()).collect(),
            state: State::Running,
            next_job: 0,
            jobs: HashMap::new(),
            queue: VecDeque::new(),
            maxtasksperchild,
        }
    }

    /// Asks the server for a worker in every slot and waits until all have started.
    pub(super) fn start_workers(&mut self) -> Result<(), PoolError> {
        for slot in 0..self.slots.len() {
            self.commands
                .send(Command::Spawn { slot })
                .map_err(PoolError::Ipc)?;
            self.slots[slot].spawning = true;
        }
        while self.slots.iter().any(|slot| slot.tasks.is_none()) {
            if self.state != State::Running {
                return Err(PoolError::ServerDied);
            }
            self.pump(Duration::from_millis(100));
        }
        Ok(())
    }

    /// The PIDs of the workers, slot by slot, once any replacement asked for has started.
    pub(super) fn worker_pids(&mut self) -> Vec<u32> {
        let deadline = Instant::now() + Duration::from_secs(10);
        self.pump_until(Some(deadline), |pool| {
            pool.state != State::Running || pool.slots.iter().all(|slot| !slot.spawning)
        });
        self.slots.iter().filter_map(|slot| slot.pid).collect()
    }

    /// How many workers the pool keeps.
    pub(super) fn processes(&self) -> usize {
        self.slots.len()
    }

    /// A new job made of `chunks` (their `id.job` is filled in here); its number.
    pub(super) fn submit(&mut self, chunks: Vec<Chunk>) -> Result<u64, PoolError> {
        if self.state != State::Running {
            return Err(PoolError::NotRunning);
        }
        let job = self.next_job;
        self.next_job += 1;
        let states = chunks.iter().map(|_| ChunkState::Pending).collect();
        self.jobs.insert(job, states);
        for mut chunk in chunks {
            chunk.id.job = job;
            self.queue.push_back(chunk);
        }
        self.dispatch();
        Ok(job)
    }

    /// Gives queued chunks to the workers that have room, one each per round, and sends each
    /// worker its share as one message (one wake-up for it, however many chunks).
    fn dispatch(&mut self) {
        let mut batches: Vec<Vec<Chunk>> = self.slots.iter().map(|_| Vec::new()).collect();
        'rounds: for _round in 0..PREFETCH {
            for (slot, batch) in self.slots.iter().zip(&mut batches) {
                let busy = slot.in_flight.len() + batch.len();
                let room = busy < PREFETCH
                    && self
                        .maxtasksperchild
                        .is_none_or(|most| slot.sent + batch.len() < most);
                if slot.tasks.is_none() || !room {
                    continue;
                }
                let Some(chunk) = self.queue.pop_front() else {
                    break 'rounds;
                };
                batch.push(chunk);
            }
        }
        let mut lost = Vec::new();
        for (slot, batch) in self.slots.iter_mut().zip(batches) {
            let (Some(tasks), false) = (&slot.tasks, batch.is_empty()) else {
                continue;
            };
            let ranges: Vec<(ChunkId, Range<usize>)> =
                batch.iter().map(|c| (c.id, c.items.clone())).collect();
            let task = Task::Run(
                batch
                    .into_iter()
                    .map(|c| RunChunk {
                        chunk: c.id,
                        apply: c.apply,
                        f: c.f,
                        items: c.encoded,
                    })
                    .collect(),
            );
            if tasks.send(task).is_ok() {
                slot.sent += ranges.len();
                slot.in_flight.extend(ranges);
            } else {
                // The worker is gone (its `Ended` is on the way) with these items.
                slot.tasks = None;
                for (chunk, items) in ranges {
                    let failure = Failure::Died {
                        worker: slot.name.clone(),
                        exitcode: None,
                        items,
                    };
                    lost.push((chunk, failure));
                }
            }
        }
        for (chunk, failure) in lost {
            self.set(chunk, ChunkState::Failed(failure));
        }
    }

    /// Waits up to `timeout` for one reply and acts on it.
    pub(super) fn pump(&mut self, timeout: Duration) {
        match self.replies.try_recv_timeout(timeout) {
            Ok(reply) => self.handle(reply),
            Err(TryRecvError::Empty) => {
                if !self.server.is_alive() {
                    self.fail_all(Failure::ServerDied, State::Terminated);
                }
            }
            Err(TryRecvError::IpcError(_)) => {
                self.fail_all(Failure::ServerDied, State::Terminated);
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
                self.slots[slot] = Slot {
                    name,
                    pid: Some(pid),
                    tasks: Some(tasks),
                    ..Slot::default()
                };
                self.dispatch();
            }
            Reply::Done {
                slot,
                chunk,
                results,
            } => self.finish(slot, chunk, ChunkState::Done(results)),
            Reply::Panicked {
                slot,
                chunk,
                offset,
                panic,
            } => {
                let start = self.slots[slot]
                    .in_flight
                    .iter()
                    .find(|(id, _)| *id == chunk)
                    .map_or(0, |(_, items)| items.start);
                let failure = Failure::Panicked(start + offset, panic);
                self.finish(slot, chunk, ChunkState::Failed(failure));
            }
            Reply::Ended { slot, exitcode } => {
                let ended = std::mem::take(&mut self.slots[slot]);
                for (chunk, items) in ended.in_flight {
                    let failure = Failure::Died {
                        worker: ended.name.clone(),
                        exitcode,
                        items,
                    };
                    self.set(chunk, ChunkState::Failed(failure));
                }
                // A replacement, unless the pool is winding down with nothing left to do.
                if self.state == State::Running
                    || (self.state == State::Closed && !self.queue.is_empty())
                {
                    let _ = self.commands.send(Command::Spawn { slot });
                    self.slots[slot].spawning = true;
                }
            }
        }
    }

    fn finish(&mut self, slot: usize, chunk: ChunkId, state: ChunkState) {
        self.slots[slot].in_flight.retain(|(id, _)| *id != chunk);
        self.set(chunk, state);
        self.dispatch();
    }

    fn set(&mut self, chunk: ChunkId, state: ChunkState) {
        if let Some(slot) = self
            .jobs
            .get_mut(&chunk.job)
            .and_then(|chunks| chunks.get_mut(chunk.index))
        {
            *slot = state;
        }
    }

    /// Marks every chunk not yet done as failed, and the pool as `state`.
    fn fail_all(&mut self, failure: Failure, state: State) {
        self.state = state;
        self.queue.clear();
        for slot in &mut self.slots {
            slot.in_flight.clear();
            slot.tasks = None;
            slot.pid = None;
        }
        for chunks in self.jobs.values_mut() {
            for chunk in chunks.iter_mut() {
                if matches!(chunk, ChunkState::Pending) {
                    *chunk = ChunkState::Failed(failure.clone());
                }
            }
        }
    }

    /// The error a job reports: its first failed chunk's; for a worker's death, with the items of
    /// every chunk of the job that the same worker lost.
    pub(super) fn job_error(&self, job: u64) -> Option<PoolError> {
        let chunks = self.jobs.get(&job)?;
        let first = chunks.iter().find_map(|chunk| match chunk {
            ChunkState::Failed(failure) => Some(failure),
            _ => None,
        })?;
        let mut error = first.error();
        if let (Failure::Died { worker, .. }, PoolError::WorkerDied { items, .. }) =
            (first, &mut error)
        {
            *items = chunks
                .iter()
                .filter_map(|chunk| match chunk {
                    ChunkState::Failed(Failure::Died {
                        worker: w, items, ..
                    }) if w == worker => Some(items.clone()),
                    _ => None,
                })
                .flatten()
                .collect();
        }
        Some(error)
    }

    /// Whether chunk `index` of `job` is no longer pending.
    pub(super) fn resolved(&self, job: u64, index: usize) -> bool {
        self.jobs
            .get(&job)
            .and_then(|chunks| chunks.get(index))
            .is_some_and(|chunk| !matches!(chunk, ChunkState::Pending))
    }

    /// Pumps until `done` holds or `deadline` passes; whether it holds.
    pub(super) fn pump_until(
        &mut self,
        deadline: Option<Instant>,
        done: impl Fn(&Inner) -> bool,
    ) -> bool {
        while !done(self) {
            let left = match deadline {
                Some(deadline) => match deadline.checked_duration_since(Instant::now()) {
                    Some(left) => left.min(Duration::from_millis(100)),
                    None => return false,
                },
                None => Duration::from_millis(100),
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
                    pool.state != State::Closed
                        || (pool.queue.is_empty()
                            && pool.slots.iter().all(|slot| slot.in_flight.is_empty()))
                });
                for slot in &self.slots {
                    if let Some(tasks) = &slot.tasks {
                        let _ = tasks.send(Task::Stop);
                    }
                }
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

impl Drop for Inner {
    /// Python's `with Pool(...) as p:` ends with `terminate()`; so does dropping a pool.
    fn drop(&mut self) {
        self.terminate();
    }
}
