//! The jobs: each call into the pool is a job made of chunks, and the table below is the only
//! thing that changes a chunk's state, from pending to done or failed, and to yielded once an
//! `imap` has handed its results out.

use super::error::PoolError;
use super::task::{ChunkId, TaskPanic};
use std::collections::HashMap;
use std::ops::Range;

/// Why a chunk failed, kept so that a result can be asked for more than once.
#[derive(Debug, Clone)]
pub(super) enum Failure {
    Panicked(usize, TaskPanic),
    Died {
        worker: String,
        exitcode: Option<i32>,
        items: Range<usize>,
    },
    /// The worker's reply named what does not exist (`what`): it was killed, with these items.
    Lied {
        worker: String,
        what: String,
        items: Range<usize>,
    },
    ServerDied,
    /// The server was seen stopped while a worker it had to start was awaited.
    ServerStopped {
        pid: u32,
    },
    Terminated,
}

impl Failure {
    fn error(&self) -> PoolError {
        match self.clone() {
            Failure::Panicked(index, panic) => panic.error(index),
            Failure::Died {
                worker,
                exitcode,
                items,
            } => PoolError::WorkerDied {
                worker,
                exitcode,
                items: items.collect(),
            },
            Failure::Lied {
                worker,
                what,
                items,
            } => PoolError::WorkerLied {
                worker,
                what,
                items: items.collect(),
            },
            Failure::ServerDied => PoolError::ServerDied,
            Failure::ServerStopped { pid } => PoolError::ServerStopped { pid },
            Failure::Terminated => PoolError::Terminated,
        }
    }
}

/// Where one chunk is.
#[derive(Debug)]
pub(super) enum ChunkState {
    Pending,
    Done(Vec<u8>),
    Failed(Failure),
    /// An `imap` took its results (or its error) out.
    Yielded,
}

/// The chunks of every job still held by an `AsyncResult` or an `IMap`.
#[derive(Debug, Default)]
pub(super) struct Jobs {
    next: u64,
    chunks: HashMap<u64, Vec<ChunkState>>,
}

impl Jobs {
    /// A new job of `count` pending chunks; its number.
    pub(super) fn add(&mut self, count: usize) -> u64 {
        let job = self.next;
        self.next += 1;
        self.chunks
            .insert(job, (0..count).map(|_| ChunkState::Pending).collect());
        job
    }

    /// A chunk came back, or was lost: its new state (if its job is still held).
    pub(super) fn resolve(&mut self, chunk: ChunkId, state: ChunkState) {
        if let Some(slot) = self
            .chunks
            .get_mut(&chunk.job())
            .and_then(|chunks| chunks.get_mut(chunk.index()))
        {
            *slot = state;
        }
    }

    /// Every chunk still pending fails with `failure` (the pool is gone).
    pub(super) fn fail_pending(&mut self, failure: &Failure) {
        for chunk in self.chunks.values_mut().flatten() {
            if matches!(chunk, ChunkState::Pending) {
                *chunk = ChunkState::Failed(failure.clone());
            }
        }
    }

    /// Whether chunk `index` of `job` is no longer pending.
    pub(super) fn is_resolved(&self, job: u64, index: usize) -> bool {
        self.states(job)
            .get(index)
            .is_some_and(|chunk| !matches!(chunk, ChunkState::Pending))
    }

    /// Whether no chunk of `job` is pending.
    pub(super) fn all_resolved(&self, job: u64) -> bool {
        (0..self.states(job).len()).all(|index| self.is_resolved(job, index))
    }

    /// Whether every chunk of `job` is done.
    pub(super) fn all_done(&self, job: u64) -> bool {
        self.states(job)
            .iter()
            .all(|chunk| matches!(chunk, ChunkState::Done(_)))
    }

    /// The encoded results of every chunk of `job`, in order, if all are done (borrowed: a
    /// result may be asked for again, and decoding needs no copy of its bytes).
    pub(super) fn results(&self, job: u64) -> Option<Vec<&[u8]>> {
        self.states(job)
            .iter()
            .map(|chunk| match chunk {
                ChunkState::Done(bytes) => Some(bytes.as_slice()),
                _ => None,
            })
            .collect()
    }

    /// Chunk `index` of `job`, taken out for an `imap` to yield; `None` while it is pending.
    pub(super) fn take(&mut self, job: u64, index: usize) -> Option<Result<Vec<u8>, PoolError>> {
        let chunk = self.chunks.get_mut(&job)?.get_mut(index)?;
        match std::mem::replace(chunk, ChunkState::Yielded) {
            ChunkState::Done(bytes) => Some(Ok(bytes)),
            ChunkState::Failed(failure) => Some(Err(failure.error())),
            ChunkState::Pending => {
                *chunk = ChunkState::Pending;
                None
            }
            ChunkState::Yielded => None,
        }
    }

    /// How many jobs are held (their results kept until taken or forgotten).
    pub(super) fn held(&self) -> usize {
        self.chunks.len()
    }

    /// The job is no longer held: its chunks are forgotten as they come back.
    pub(super) fn forget(&mut self, job: u64) {
        self.chunks.remove(&job);
    }

    /// The error a job reports: its first failed chunk's; for a worker's death, with the items of
    /// every chunk of the job that the same worker lost.
    pub(super) fn error(&self, job: u64) -> Option<PoolError> {
        let chunks = self.states(job);
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

    fn states(&self, job: u64) -> &[ChunkState] {
        self.chunks.get(&job).map_or(&[], Vec::as_slice)
    }
}
