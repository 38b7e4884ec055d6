//! The workers as the program sees them: one slot per worker (its name, PID, task channel and the
//! chunks it has), the queue of chunks not yet given out, and the dispatch that gives them out.
//! Each worker has up to [`PREFETCH`] chunks at a time.

use super::encode::encode;
use super::error::PoolError;
use super::jobs::Failure;
use super::task::{ChunkId, Function, RunChunk, Task};
use ipc_channel::ipc::IpcSender;
use serde::Serialize;
use std::collections::VecDeque;
use std::ops::Range;

/// How many chunks a worker is given before it has answered for the first.
const PREFETCH: usize = 4;

/// A chunk waiting to be sent, or out with a worker.
#[derive(Debug)]
pub(super) struct Chunk {
    /// Its job (set by [`Chunk::of_job`]) and its place in it.
    id: ChunkId,
    /// The indexes of its items in the call's input.
    items: Range<usize>,
    function: Function,
    encoded: Vec<u8>,
}

impl Chunk {
    /// `items` cut in chunks of `chunksize` (the last may be shorter), encoded, each to be run
    /// with `function`.
    pub(super) fn split<T: Serialize>(
        items: &[T],
        chunksize: usize,
        function: Function,
    ) -> Result<Vec<Chunk>, PoolError> {
        if chunksize == 0 {
            return Err(PoolError::ZeroChunksize);
        }
        (0..items.len())
            .step_by(chunksize)
            .enumerate()
            .map(|(index, start)| {
                let end = (start + chunksize).min(items.len());
                Ok(Chunk {
                    id: ChunkId::new(0, index),
                    items: start..end,
                    function,
                    encoded: encode(&items[start..end]).map_err(PoolError::Format)?,
                })
            })
            .collect()
    }

    /// The chunk, as part of job `job`.
    pub(super) fn of_job(self, job: u64) -> Chunk {
        Chunk {
            id: ChunkId::new(job, self.id.index()),
            ..self
        }
    }
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

/// The slots and the queue.
#[derive(Debug)]
pub(super) struct Slots {
    slots: Vec<Slot>,
    queue: VecDeque<Chunk>,
    maxtasksperchild: Option<usize>,
}

/// A chunk a worker will not answer for: the worker is gone.
pub(super) type Lost = (ChunkId, Failure);

impl Slots {
    pub(super) fn new(processes: usize, maxtasksperchild: Option<usize>) -> Self {
        Slots {
            slots: (0..processes).map(|_| Slot::default()).collect(),
            queue: VecDeque::new(),
            maxtasksperchild,
        }
    }

    /// How many workers the pool keeps.
    pub(super) fn len(&self) -> usize {
        self.slots.len()
    }

    /// A worker was asked for in `slot`.
    pub(super) fn spawning(&mut self, slot: usize) {
        if let Some(held) = self.slots.get_mut(slot) {
            held.spawning = true;
        }
    }

    /// The worker of `slot` started.
    pub(super) fn spawned(&mut self, slot: usize, name: String, pid: u32, tasks: IpcSender<Task>) {
        let Some(held) = self.slots.get_mut(slot) else {
            return;
        };
        *held = Slot {
            name,
            pid: Some(pid),
            tasks: Some(tasks),
            ..Slot::default()
        };
    }

    /// Whether every slot has a worker that started.
    pub(super) fn all_started(&self) -> bool {
        self.slots.iter().all(|slot| slot.tasks.is_some())
    }

    /// Whether no worker asked for is still starting.
    pub(super) fn none_starting(&self) -> bool {
        self.slots.iter().all(|slot| !slot.spawning)
    }

    /// The workers' PIDs, slot by slot.
    pub(super) fn pids(&self) -> Vec<u32> {
        self.slots.iter().filter_map(|slot| slot.pid).collect()
    }

    pub(super) fn queue(&mut self, chunk: Chunk) {
        self.queue.push_back(chunk);
    }

    pub(super) fn queue_is_empty(&self) -> bool {
        self.queue.is_empty()
    }

    /// Whether nothing is queued and no worker has a chunk.
    pub(super) fn idle(&self) -> bool {
        self.queue.is_empty() && self.slots.iter().all(|slot| slot.in_flight.is_empty())
    }

    /// Checks what a worker's reply says of itself against what was given out: `slot` has a
    /// worker whose PID is `pid`, and it holds `chunk`, of at least `offset + 1` items. Where the
    /// chunk's items start in its call's input, or what does not exist, in words.
    pub(super) fn check_reply(
        &self,
        slot: usize,
        pid: u32,
        chunk: ChunkId,
        offset: usize,
    ) -> Result<usize, String> {
        let Some(held) = self.slots.get(slot).filter(|s| s.pid == Some(pid)) else {
            return Err(format!("slot {slot}, which it does not have"));
        };
        let Some((_, items)) = held.in_flight.iter().find(|(id, _)| *id == chunk) else {
            return Err(format!(
                "chunk {} of job {}, which it was not given",
                chunk.index(),
                chunk.job()
            ));
        };
        if offset >= items.len() {
            return Err(format!("item {offset} of a chunk of {}", items.len()));
        }
        Ok(items.start)
    }

    /// The slot of the worker whose PID is `pid`, if one has it.
    pub(super) fn slot_of(&self, pid: u32) -> Option<usize> {
        self.slots.iter().position(|s| s.pid == Some(pid))
    }

    /// The worker of `slot` lied (`what`): its chunks are lost, and it gets no more. Its `Ended`
    /// comes later, and a replacement with it.
    pub(super) fn lied(&mut self, slot: usize, what: &str) -> Vec<Lost> {
        let held = &mut self.slots[slot];
        held.tasks = None;
        // Its replacement is as good as asked for: it is, as soon as the server reports the end.
        held.spawning = true;
        let worker = held.name.clone();
        (held.in_flight.drain(..))
            .map(|(chunk, items)| {
                let what = what.to_owned();
                let worker = worker.clone();
                (
                    chunk,
                    Failure::Lied {
                        worker,
                        what,
                        items,
                    },
                )
            })
            .collect()
    }

    /// The worker of `slot` answered for `chunk`.
    pub(super) fn returned(&mut self, slot: usize, chunk: ChunkId) {
        self.slots[slot].in_flight.retain(|(id, _)| *id != chunk);
    }

    /// The worker of `slot` ended with `exitcode`: the chunks it had are lost.
    pub(super) fn ended(&mut self, slot: usize, exitcode: Option<i32>) -> Vec<Lost> {
        let Some(ended) = self.slots.get_mut(slot).map(std::mem::take) else {
            return Vec::new();
        };
        ended
            .in_flight
            .into_iter()
            .map(|(chunk, items)| {
                let worker = ended.name.clone();
                (
                    chunk,
                    Failure::Died {
                        worker,
                        exitcode,
                        items,
                    },
                )
            })
            .collect()
    }

    /// Every worker is gone: nothing queued, nothing out.
    pub(super) fn clear(&mut self) {
        self.queue.clear();
        for slot in &mut self.slots {
            slot.in_flight.clear();
            slot.tasks = None;
            slot.pid = None;
        }
    }

    /// Tells every worker to exit once its tasks are done.
    pub(super) fn stop_all(&self) {
        for slot in &self.slots {
            if let Some(tasks) = &slot.tasks {
                let _ = tasks.send(Task::Stop);
            }
        }
    }

    /// Gives each queued chunk to the least busy worker that has room (so that chunks given
    /// one at a time, as `apply_async` gives them, spread over idle workers rather than queue
    /// behind one that may be stuck), and sends each worker its share as one message (one
    /// wake-up for it, however many chunks); the chunks of a worker found gone.
    pub(super) fn dispatch(&mut self) -> Vec<Lost> {
        let mut batches: Vec<Vec<Chunk>> = self.slots.iter().map(|_| Vec::new()).collect();
        while !self.queue.is_empty() {
            let least_busy = self
                .slots
                .iter()
                .zip(&batches)
                .enumerate()
                .filter(|(_, (slot, batch))| {
                    slot.tasks.is_some()
                        && slot.in_flight.len() + batch.len() < PREFETCH
                        && self
                            .maxtasksperchild
                            .is_none_or(|most| slot.sent + batch.len() < most)
                })
                .min_by_key(|(_, (slot, batch))| slot.in_flight.len() + batch.len())
                .map(|(index, _)| index);
            let Some(index) = least_busy else { break };
            batches[index].extend(self.queue.pop_front());
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
                    .map(|c| RunChunk::new(c.id, c.function, c.encoded))
                    .collect(),
            );
            if tasks.send(task).is_ok() {
                slot.sent += ranges.len();
                slot.in_flight.extend(ranges);
            } else {
                // The worker is gone (its `Ended` is on the way) with these items.
                slot.tasks = None;
                for (chunk, items) in ranges {
                    let worker = slot.name.clone();
                    let failure = Failure::Died {
                        worker,
                        exitcode: None,
                        items,
                    };
                    lost.push((chunk, failure));
                }
            }
        }
        lost
    }
}
