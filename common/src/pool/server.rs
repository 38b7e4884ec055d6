//! The pool's other processes: the fork server, which stays single-threaded and forks every
//! worker (replacements too), and the workers' loop. Python's `forkserver` start method is the
//! same idea: a fork from a process with one thread is always safe.
//!
//! How a function reaches a worker that is already running: by its address. Every worker is a
//! fork of the server, itself a fork of the program made by `Pool::new`, so the program's code is
//! at the same addresses in all of them. A task carries two: `f`, a plain `fn(T) -> R`, and
//! `apply::<T, R>`, which decodes the items, calls `f` on each and encodes the results. A closure
//! that captures values has no such address (its captures live in the caller's memory), which is
//! why the pool takes `fn` items: the Rust twin of Python's rule that a pool function must be
//! picklable by name.

use crate::process::Process;
use ipc_channel::TryRecvError;
use ipc_channel::ipc::{self, IpcReceiver, IpcSender};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Duration;

/// From the program to the fork server.
#[derive(Debug, Serialize, Deserialize)]
pub(super) enum Command {
    /// Fork a worker for this slot.
    Spawn { slot: usize },
    /// No more work: wait for the workers (told to stop), then exit.
    Stop,
    /// Kill the workers now, then exit.
    Kill,
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
    /// A chunk's results, encoded.
    Done {
        slot: usize,
        chunk: ChunkId,
        results: Vec<u8>,
    },
    /// `f` panicked on the item at `offset` in the chunk.
    Panicked {
        slot: usize,
        chunk: ChunkId,
        offset: usize,
        panic: TaskPanic,
    },
}

/// What a task's panic said and where: caught in the worker (which prints nothing), handed to
/// the caller, as Python hands a worker's exception to the caller of `map`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct TaskPanic {
    pub(super) message: String,
    pub(super) location: String,
}

std::thread_local! {
    /// The last panic in this worker, as its panic hook saw it.
    static LAST_PANIC: std::cell::RefCell<Option<TaskPanic>> = const { std::cell::RefCell::new(None) };
}

/// In a worker: panics are kept for the reply instead of printed.
fn keep_panics_quiet() {
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

/// Which chunk of which job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct ChunkId {
    pub(super) job: u64,
    pub(super) index: usize,
}

/// From the program to one worker.
#[derive(Debug, Serialize, Deserialize)]
pub(super) enum Task {
    /// Chunks to run, in order: one message for all that the worker is given at once.
    Run(Vec<RunChunk>),
    /// No more tasks: exit.
    Stop,
}

/// Apply `f` to the encoded items, with `apply` (see the module's header).
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct RunChunk {
    pub(super) chunk: ChunkId,
    pub(super) apply: usize,
    pub(super) f: usize,
    pub(super) items: Vec<u8>,
}

/// What `apply` made of a chunk.
pub(super) enum Outcome {
    Done(Vec<u8>),
    Panicked(usize, TaskPanic),
}

/// The signature every `apply::<..>` instantiation has, so that a worker can call it by address.
pub(super) type ApplyFn = fn(usize, &[u8]) -> Outcome;

/// Decodes a `Vec<T>`, applies the `fn(T) -> R` at address `f` to each item, encodes the results.
pub(super) fn apply<T: DeserializeOwned, R: Serialize>(f: usize, items: &[u8]) -> Outcome {
    // SAFETY: `f` was made from a `fn(T) -> R` with this very `T` and `R` (`Chunk::new` pairs
    // them), in a process whose code is at the same addresses as this one's (see the header).
    let f = unsafe { std::mem::transmute::<usize, fn(T) -> R>(f) };
    let items: Vec<T> = postcard::from_bytes(items).expect("items the pool itself encoded");
    let mut results = Vec::with_capacity(items.len());
    for (offset, item) in items.into_iter().enumerate() {
        match catch_unwind(AssertUnwindSafe(|| f(item))) {
            Ok(result) => results.push(result),
            Err(_) => return Outcome::Panicked(offset, last_panic()),
        }
    }
    Outcome::Done(postcard::to_stdvec(&results).expect("results of a Serialize type encode"))
}

/// The same for `starmap`'s `fn(A, B) -> R` on pairs.
pub(super) fn apply_pairs<A: DeserializeOwned, B: DeserializeOwned, R: Serialize>(
    f: usize,
    items: &[u8],
) -> Outcome {
    // SAFETY: as in `apply`, for a `fn(A, B) -> R`.
    let f = unsafe { std::mem::transmute::<usize, fn(A, B) -> R>(f) };
    let items: Vec<(A, B)> = postcard::from_bytes(items).expect("items the pool itself encoded");
    let mut results = Vec::with_capacity(items.len());
    for (offset, (a, b)) in items.into_iter().enumerate() {
        match catch_unwind(AssertUnwindSafe(|| f(a, b))) {
            Ok(result) => results.push(result),
            Err(_) => return Outcome::Panicked(offset, last_panic()),
        }
    }
    Outcome::Done(postcard::to_stdvec(&results).expect("results of a Serialize type encode"))
}

/// What every worker is started with.
#[derive(Debug, Clone, Copy)]
pub(super) struct WorkerConfig {
    pub(super) maxtasksperchild: Option<usize>,
    pub(super) initializer: Option<fn()>,
}

/// The fork server's loop: fork workers on request, report each one that ends, stop on request
/// or when the program is gone.
pub(super) fn serve(
    commands: IpcReceiver<Command>,
    replies: IpcSender<Reply>,
    config: WorkerConfig,
) {
    let mut workers: Vec<(usize, Process)> = Vec::new();
    let mut started = 0;
    loop {
        match commands.try_recv_timeout(Duration::from_millis(20)) {
            Ok(Command::Spawn { slot }) => {
                started += 1;
                let name = format!("ForkPoolWorker-{started}");
                let Ok((tasks, inbox)) = ipc::channel::<Task>() else {
                    return;
                };
                let to_program = replies.clone();
                let mut worker =
                    Process::new(move || work(slot, &inbox, &to_program, config)).name(&name);
                if worker.start().is_err() {
                    return;
                }
                let pid = worker.pid().expect("a started process has a PID");
                workers.push((slot, worker));
                if replies
                    .send(Reply::Spawned {
                        slot,
                        name,
                        pid,
                        tasks,
                    })
                    .is_err()
                {
                    break;
                }
            }
            Ok(Command::Stop) => {
                for (_, worker) in &mut workers {
                    worker.join();
                }
                return;
            }
            Ok(Command::Kill) | Err(TryRecvError::IpcError(_)) => break,
            Err(TryRecvError::Empty) => {}
        }
        let mut index = 0;
        while index < workers.len() {
            if workers[index].1.is_alive() {
                index += 1;
                continue;
            }
            let (slot, mut worker) = workers.swap_remove(index);
            let exitcode = worker.exitcode();
            if replies.send(Reply::Ended { slot, exitcode }).is_err() {
                break;
            }
        }
    }
    for (_, worker) in &mut workers {
        worker.kill();
    }
    for (_, worker) in &mut workers {
        worker.join();
    }
}

/// A worker's loop: run each task it is sent, report the outcome; after `maxtasksperchild`
/// tasks, or when told to stop, exit.
fn work(slot: usize, inbox: &IpcReceiver<Task>, replies: &IpcSender<Reply>, config: WorkerConfig) {
    keep_panics_quiet();
    if let Some(initializer) = config.initializer {
        initializer();
    }
    let mut done = 0;
    while let Ok(Task::Run(batch)) = inbox.recv() {
        for RunChunk {
            chunk,
            apply,
            f,
            items,
        } in batch
        {
            // SAFETY: `apply` is the address of an `apply::<T, R>` or `apply_pairs::<A, B, R>`,
            // all of type `ApplyFn`, in the program this worker is a fork of (see the header).
            let apply = unsafe { std::mem::transmute::<usize, ApplyFn>(apply) };
            let reply = match apply(f, &items) {
                Outcome::Done(results) => Reply::Done {
                    slot,
                    chunk,
                    results,
                },
                Outcome::Panicked(offset, panic) => Reply::Panicked {
                    slot,
                    chunk,
                    offset,
                    panic,
                },
            };
            if replies.send(reply).is_err() {
                return;
            }
            done += 1;
            if config.maxtasksperchild.is_some_and(|most| done >= most) {
                return;
            }
        }
    }
}
