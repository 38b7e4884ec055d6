//! Python's `multiprocessing.Pool(n).map(f, items)`, on forked worker processes.
//!
//! ```
//! fn square(x: u64) -> u64 { x * x }
//! let squares = common::pool::Pool::new(2).map(square, 1..=5).expect("pool.map");
//! assert_eq!(squares, [1, 4, 9, 16, 25]);
//! ```
//!
//! Each `map` forks the pool's `n` workers (named `ForkPoolWorker-1`...), which inherit `f` by
//! the fork: a Rust closure cannot be sent to a process that is already running, where Python
//! pickles the function by its name. Items go out in chunks (Python's default chunk size:
//! `len / (4 n)`, rounded up) and results come back, both over `ipc-channel` with serde; the
//! results are put back in input order. Every worker gets a chunk before any gets a second one,
//! so with at least `n` chunks each worker does some of the work. The workers have exited by the
//! time `map` returns.

use crate::process::{Process, ProcessError};
use ipc_channel::ipc::{self, IpcReceiver, IpcSender};
use ipc_channel::{IpcError, TryRecvError};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;
use std::time::Duration;

/// A pool of `n` worker processes: Python's `multiprocessing.Pool(n)`.
#[derive(Debug, Clone)]
pub struct Pool {
    processes: usize,
}

/// Why a `map` failed. The workers are gone when it is returned. A variant that wraps another
/// error gives it as its `source()`.
///
/// ```
/// use common::pool::PoolError;
/// use std::error::Error;
/// let error = PoolError::Channel(std::io::Error::other("too many open files"));
/// assert_eq!(error.source().unwrap().to_string(), "too many open files");
/// ```
#[derive(Debug)]
pub enum PoolError {
    /// A worker could not be started.
    Start(ProcessError),
    /// A channel to or from the workers could not be made (too many open files, say).
    Channel(std::io::Error),
    /// A message to or from a worker could not be sent or received.
    Ipc(IpcError),
    /// `f` panicked on the item at this index (in input order).
    TaskPanicked {
        /// The item's index.
        index: usize,
    },
    /// A worker died (killed, or it crashed) while it had these items.
    WorkerDied {
        /// The worker's name.
        worker: String,
        /// Its exit code (`-9` after SIGKILL).
        exitcode: Option<i32>,
        /// The indexes of the items it had not finished.
        items: std::ops::Range<usize>,
    },
}

impl fmt::Display for PoolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PoolError::Start(error) => write!(f, "cannot start a pool worker: {error}"),
            PoolError::Channel(error) => write!(f, "cannot make a pool channel: {error}"),
            PoolError::Ipc(error) => write!(f, "pool channel failed: {error}"),
            PoolError::TaskPanicked { index } => write!(f, "the task for item {index} panicked"),
            PoolError::WorkerDied {
                worker,
                exitcode,
                items,
            } => write!(
                f,
                "{worker} died (exit code {exitcode:?}) with items {}..{} unfinished",
                items.start, items.end
            ),
        }
    }
}

impl std::error::Error for PoolError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            PoolError::Start(error) => Some(error),
            PoolError::Channel(error) => Some(error),
            PoolError::Ipc(error) => Some(error),
            PoolError::TaskPanicked { .. } | PoolError::WorkerDied { .. } => None,
        }
    }
}

/// From the pool to one worker.
#[derive(Serialize, Deserialize)]
enum Task<T> {
    Chunk { start: usize, items: Vec<T> },
    Stop,
}

/// From a worker to the pool.
#[derive(Serialize, Deserialize)]
enum Reply<R> {
    Done {
        worker: usize,
        start: usize,
        results: Vec<R>,
    },
    Panicked {
        index: usize,
    },
}

/// How long the pool waits for a reply before it checks whether a worker died.
const POLL: Duration = Duration::from_millis(50);

impl Pool {
    /// A pool of `processes` workers.
    ///
    /// # Panics
    /// If `processes` is 0, as Python raises `ValueError`.
    pub fn new(processes: usize) -> Self {
        assert!(processes > 0, "a pool needs at least one process");
        Pool { processes }
    }

    /// Applies `f` to every item in worker processes; the results in input order.
    ///
    /// Like [`Process::start`], it must be called while the process has a single thread.
    pub fn map<T, R, F>(
        &self,
        f: F,
        items: impl IntoIterator<Item = T>,
    ) -> Result<Vec<R>, PoolError>
    where
        T: Serialize + DeserializeOwned + 'static,
        R: Serialize + DeserializeOwned + 'static,
        F: Fn(T) -> R + 'static,
    {
        let items: Vec<T> = items.into_iter().collect();
        let total = items.len();
        if total == 0 {
            return Ok(Vec::new());
        }
        let chunk_size = total.div_ceil(self.processes * 4);
        let mut chunks = Vec::new();
        let mut items = items.into_iter();
        for start in (0..total).step_by(chunk_size) {
            chunks.push((start, items.by_ref().take(chunk_size).collect::<Vec<T>>()));
        }
        let mut chunks = chunks.into_iter();

        let (reply_sender, replies) = ipc::channel::<Reply<R>>().map_err(PoolError::Channel)?;
        let f = Rc::new(f);
        let mut workers = Vec::new();
        for index in 0..self.processes.min(chunks.len()) {
            let (task_sender, tasks) = ipc::channel::<Task<T>>().map_err(PoolError::Channel)?;
            let (f, reply_sender) = (Rc::clone(&f), reply_sender.clone());
            let mut process = Process::new(move || work(index, &*f, &tasks, &reply_sender))
                .name(format!("ForkPoolWorker-{}", index + 1));
            if let Err(error) = process.start() {
                stop_all(&mut workers);
                return Err(PoolError::Start(error));
            }
            workers.push(Worker {
                process,
                tasks: task_sender,
                busy: None,
            });
        }
        // The workers hold their copies; ours must go, or nothing could ever disconnect.
        drop(reply_sender);

        let outcome = self.dispatch(&mut workers, &mut chunks, &replies, total);
        stop_all(&mut workers);
        // A worker that found stdout closed (`| head -1`) has ended quietly; so does the pool.
        if outcome.is_err() && crate::output::stdout_reader_gone() {
            crate::output::stdout_closed();
        }
        outcome
    }

    fn dispatch<T, R>(
        &self,
        workers: &mut [Worker<T>],
        chunks: &mut impl Iterator<Item = (usize, Vec<T>)>,
        replies: &IpcReceiver<Reply<R>>,
        total: usize,
    ) -> Result<Vec<R>, PoolError>
    where
        T: Serialize + DeserializeOwned,
        R: Serialize + DeserializeOwned,
    {
        for worker in workers.iter_mut() {
            worker.give(chunks.next())?;
        }
        let mut results: Vec<Option<R>> = (0..total).map(|_| None).collect();
        let mut done = 0;
        while done < total {
            match replies.try_recv_timeout(POLL) {
                Ok(Reply::Done {
                    worker,
                    start,
                    results: chunk,
                }) => {
                    done += chunk.len();
                    for (offset, result) in chunk.into_iter().enumerate() {
                        results[start + offset] = Some(result);
                    }
                    workers[worker].give(chunks.next())?;
                }
                Ok(Reply::Panicked { index }) => return Err(PoolError::TaskPanicked { index }),
                Err(TryRecvError::Empty) => {
                    if let Some(error) = workers.iter_mut().find_map(Worker::death) {
                        return Err(error);
                    }
                }
                Err(TryRecvError::IpcError(IpcError::Disconnected)) => {
                    // Every worker has closed its end, so each is exiting: wait for the busy ones,
                    // which a moment ago may not have been reapable yet.
                    for worker in workers.iter_mut().filter(|worker| worker.busy.is_some()) {
                        worker.process.join();
                    }
                    return Err(workers
                        .iter_mut()
                        .find_map(Worker::death)
                        .unwrap_or(PoolError::Ipc(IpcError::Disconnected)));
                }
                Err(TryRecvError::IpcError(error)) => return Err(PoolError::Ipc(error)),
            }
        }
        Ok(results
            .into_iter()
            .map(|result| result.expect("every index was filled"))
            .collect())
    }
}

/// The pool's side of one worker.
struct Worker<T> {
    process: Process,
    tasks: IpcSender<Task<T>>,
    /// The item indexes it is working on.
    busy: Option<std::ops::Range<usize>>,
}

impl<T: Serialize + DeserializeOwned> Worker<T> {
    /// Sends the next chunk, or `Stop` when there is none.
    fn give(&mut self, chunk: Option<(usize, Vec<T>)>) -> Result<(), PoolError> {
        let task = match chunk {
            Some((start, items)) => {
                self.busy = Some(start..start + items.len());
                Task::Chunk { start, items }
            }
            None => {
                self.busy = None;
                Task::Stop
            }
        };
        self.tasks
            .send(task)
            .map_err(|error| self.death().unwrap_or(PoolError::Ipc(error)))
    }

    /// The error to report if this worker died while it had work.
    fn death(&mut self) -> Option<PoolError> {
        let items = self.busy.clone()?;
        if self.process.is_alive() {
            return None;
        }
        Some(PoolError::WorkerDied {
            worker: self.process.get_name().to_owned(),
            exitcode: self.process.exitcode(),
            items,
        })
    }
}

/// Ends every worker and reaps it: no zombie is left, whatever happened.
fn stop_all<T>(workers: &mut [Worker<T>]) {
    for worker in workers.iter_mut() {
        if worker.busy.is_some() {
            worker.process.kill();
        }
    }
    for worker in workers.iter_mut() {
        worker.process.join();
    }
}

/// A worker's loop: take a chunk, apply `f` to each item, send the results back.
fn work<T, R>(
    worker: usize,
    f: &dyn Fn(T) -> R,
    tasks: &IpcReceiver<Task<T>>,
    replies: &IpcSender<Reply<R>>,
) where
    T: Serialize + DeserializeOwned,
    R: Serialize + DeserializeOwned,
{
    while let Ok(Task::Chunk { start, items }) = tasks.recv() {
        let mut results = Vec::with_capacity(items.len());
        for (offset, item) in items.into_iter().enumerate() {
            match catch_unwind(AssertUnwindSafe(|| f(item))) {
                Ok(result) => results.push(result),
                Err(_) => {
                    let _ = replies.send(Reply::Panicked {
                        index: start + offset,
                    });
                    return;
                }
            }
        }
        if replies
            .send(Reply::Done {
                worker,
                start,
                results,
            })
            .is_err()
        {
            return;
        }
    }
}
