//! What travels between the program, the fork server and the workers, and the one place where a
//! function to run is paired with the code that runs it.
//!
//! How a function reaches a worker that is already running: by where its code lies. Every worker
//! is a fork of the server, itself started by `Pool::new` as a fork of the program, a fresh run of
//! the same executable (`spawn`) or a fork of the fork server (itself such a run): the code is the
//! same file, moved as a whole by address-space randomisation, so a function's distance from a
//! fixed function of this crate is the same in all of them (`callback.rs`). A [`Function`]
//! carries two such callbacks: `f`, a plain `fn(T) -> R` (or `fn(A, B) -> R` for `starmap`), and
//! `apply::<T, R, F>`, which decodes the items, calls `f` on each and encodes the results. A closure that captures values has no such address (its
//! captures live in the caller's memory), which is why the pool takes `fn` items: the Rust twin
//! of Python's rule that a pool function must be picklable by name.

use super::encode::encode;
use super::error::PoolError;
use crate::callback::{Callback, Erased, FnPointer};
use ipc_channel::ipc::IpcSender;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};

/// From the program to the fork server.
#[derive(Debug, Serialize, Deserialize)]
pub(super) enum Command {
    /// Fork a worker for this slot.
    Spawn { slot: usize },
    /// No more work: wait for the workers (told to stop), then exit.
    Stop,
    /// Kill the workers now, then exit.
    Kill,
    /// Kill the worker of this slot (its reply lied); its end is reported as any other's.
    KillWorker { slot: usize },
}

/// From the fork server and the workers to the program.
#[derive(Debug, Serialize, Deserialize)]
pub(super) enum Reply {
    /// A worker started; tasks for it go to `tasks`.
    Spawned {
        slot: usize,
        name: String,
        pid: u32,
        tasks: IpcSender<Task>,
    },
    /// A worker ended, reaped by the server.
    Ended { slot: usize, exitcode: Option<i32> },
    /// A chunk's results, encoded. `slot`, `pid` and `chunk` are what the worker says of itself:
    /// the coordinator checks them against what it gave out (`slots.rs`) before it believes them.
    Done {
        slot: usize,
        pid: u32,
        chunk: ChunkId,
        #[serde(with = "serde_bytes")]
        results: Vec<u8>,
    },
    /// `f` panicked on the item at `offset` in the chunk.
    Panicked {
        slot: usize,
        pid: u32,
        chunk: ChunkId,
        offset: usize,
        panic: TaskPanic,
    },
}

/// Which chunk of which job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct ChunkId {
    job: u64,
    index: usize,
}

impl ChunkId {
    pub(super) fn new(job: u64, index: usize) -> Self {
        ChunkId { job, index }
    }

    pub(super) fn job(self) -> u64 {
        self.job
    }

    /// Its place among its job's chunks.
    pub(super) fn index(self) -> usize {
        self.index
    }
}

/// From the program to one worker.
#[derive(Debug, Serialize, Deserialize)]
pub(super) enum Task {
    /// Chunks to run, in order: one message for all that the worker is given at once.
    Run(Vec<RunChunk>),
    /// No more tasks: exit.
    Stop,
}

/// One chunk for a worker: its items, encoded, and the function to apply to each.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct RunChunk {
    chunk: ChunkId,
    function: Function,
    #[serde(with = "serde_bytes")]
    items: Vec<u8>,
}

impl RunChunk {
    pub(super) fn new(chunk: ChunkId, function: Function, items: Vec<u8>) -> Self {
        RunChunk {
            chunk,
            function,
            items,
        }
    }

    /// In the worker of `slot`: runs the chunk; the reply to send.
    pub(super) fn run(self, slot: usize) -> Reply {
        let chunk = self.chunk;
        let pid = std::process::id();
        let outcome = self.function.run(self.items);
        // A worker told to lie (a test of the coordinator's checks) names a slot that does not exist.
        let slot = if LIE.swap(false, Ordering::Relaxed) {
            slot + 1_000
        } else {
            slot
        };
        match outcome {
            Outcome::Done(results) => Reply::Done {
                slot,
                pid,
                chunk,
                results,
            },
            Outcome::Panicked(offset, panic) => Reply::Panicked {
                slot,
                pid,
                chunk,
                offset,
                panic,
            },
        }
    }
}

/// Set in a worker by [`lie_in_the_next_reply`].
static LIE: AtomicBool = AtomicBool::new(false);

/// For tests of the pool's own checks, called by a task in a worker: that worker's reply for
/// this chunk names a slot that does not exist, as a worker gone wrong might. The coordinator
/// must end the worker (it is replaced) and fail the call naming it, never panic.
#[doc(hidden)]
pub fn lie_in_the_next_reply() {
    LIE.store(true, Ordering::Relaxed);
}

/// What a task's panic said and where: caught in the worker (which prints nothing), handed to
/// the caller, as Python hands a worker's exception to the caller of `map`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct TaskPanic {
    message: String,
    location: String,
}

impl TaskPanic {
    /// The caller's error for this panic on the item at `index`.
    pub(super) fn error(self, index: usize) -> PoolError {
        PoolError::TaskPanicked {
            index,
            message: self.message,
            location: self.location,
        }
    }
}

/// What running a chunk made of it.
enum Outcome {
    Done(Vec<u8>),
    Panicked(usize, TaskPanic),
}

/// A plain function a pool can run on an item: `fn(T) -> R`, or `fn(A, B) -> R` on a pair.
/// Only function pointers implement it, so a value of it is one address.
pub(super) trait Call<T, R>: FnPointer {
    fn call(self, item: T) -> R;
}

impl<T, R> Call<T, R> for fn(T) -> R {
    fn call(self, item: T) -> R {
        self(item)
    }
}

impl<A, B, R> Call<(A, B), R> for fn(A, B) -> R {
    fn call(self, (a, b): (A, B)) -> R {
        self(a, b)
    }
}

/// The signature every `apply::<..>` instantiation has, so that a worker can call it back.
type ApplyFn = fn(Erased, Vec<u8>) -> Outcome;

/// A function for the workers, paired with the `apply` made for its very types.
/// [`Function::new`] is the only way to make one from a function.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub(super) struct Function {
    apply: Callback<ApplyFn>,
    f: Erased,
}

impl Function {
    /// `f`, with the `apply` that decodes `T`, calls `f` and encodes `R`.
    pub(super) fn new<T, R, F>(f: F) -> Function
    where
        T: DeserializeOwned,
        R: Serialize,
        F: Call<T, R>,
    {
        Function {
            apply: Callback::new(apply::<T, R, F> as ApplyFn),
            f: Callback::new(f).erase(),
        }
    }

    /// In a worker: runs the chunk's encoded `items`.
    fn run(self, items: Vec<u8>) -> Outcome {
        (self.apply.get())(self.f, items)
    }
}

/// Decodes a `Vec<T>`, applies `f` to each item, encodes the results.
fn apply<T: DeserializeOwned, R: Serialize, F: Call<T, R>>(f: Erased, items: Vec<u8>) -> Outcome {
    // SAFETY: `Function::new` is the only place this `apply::<T, R, F>` is paired with an erased
    // callback, and it erased a `Callback<F>` of this very `F`.
    let f = unsafe { f.assume::<F>() }.get();
    let items: Vec<T> = postcard::from_bytes(&items).expect("items the pool itself encoded");
    let mut results = Vec::with_capacity(items.len());
    for (offset, item) in items.into_iter().enumerate() {
        match catch_unwind(AssertUnwindSafe(|| f.call(item))) {
            Ok(result) => results.push(result),
            Err(_) => return Outcome::Panicked(offset, last_panic()),
        }
    }
    Outcome::Done(encode(&results).expect("results of a Serialize type encode"))
}

std::thread_local! {
    /// The last panic in this worker, as its panic hook saw it.
    static LAST_PANIC: RefCell<Option<TaskPanic>> = const { RefCell::new(None) };
}

/// In a worker: panics are kept for the reply instead of printed.
pub(super) fn keep_panics_quiet() {
    std::panic::set_hook(Box::new(|info| {
        let panic = TaskPanic {
            message: info.payload_as_str().unwrap_or("Box<dyn Any>").to_owned(),
            location: info.location().map(ToString::to_string).unwrap_or_default(),
        };
        LAST_PANIC.with(|last| last.replace(Some(panic)));
    }));
}

fn last_panic() -> TaskPanic {
    LAST_PANIC
        .with(|last| last.take())
        .unwrap_or_else(|| TaskPanic {
            message: "a panic".to_owned(),
            location: String::new(),
        })
}
