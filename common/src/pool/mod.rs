//! Python's `multiprocessing.Pool`: worker processes started once and kept for every call.
//!
//! ```
//! use common::pool::Pool;
//! fn square(x: u64) -> u64 { x * x }
//! fn mul(a: u64, b: u64) -> u64 { a * b }
//!
//! let pool = Pool::new(2).expect("start the pool");
//! assert_eq!(pool.map(square, 1..=5).expect("map"), [1, 4, 9, 16, 25]);
//! assert_eq!(pool.apply(square, 7).expect("apply"), 49);
//! assert_eq!(pool.starmap(mul, [(2, 3), (4, 5)]).expect("starmap"), [6, 20]);
//! let later = pool.apply_async(square, 8).expect("apply_async");
//! assert_eq!(later.get().expect("get"), 64);
//! let lazy: Vec<u64> = pool.imap(square, 1..=3).expect("imap").map(|r| r.unwrap()).collect();
//! assert_eq!(lazy, [1, 4, 9]);
//! pool.close();
//! pool.join().expect("join");
//! ```
//!
//! `Pool::new(n)` starts a fork server (`pool/server.rs`) by the start method (a fork of the
//! program, a fresh run of it under `spawn`, a child of the program's fork server under
//! `forkserver`), and the server forks the `n` workers (`ForkPoolWorker-1`...) and every
//! replacement: a worker that dies, or that retires after `maxtasksperchild` tasks, is replaced
//! by a new process from that single-threaded server, so replacements are safe even after the
//! program has started threads. Under `spawn` the workers therefore start from the program's
//! first state, as Python's spawned workers do, for the cost of one new program, not `n`. Items go to the workers in
//! chunks (Python's default size for `map`: `len / (4 n)`, rounded up; 1 for `imap`), encoded with
//! serde, and the results come back the same way, in input order where Python's are.
//!
//! # Functions, not closures
//! The functions a pool runs are plain `fn` items (a closure that captures nothing coerces to
//! one): a worker that is already running can be sent where a function lies in the program, since
//! it runs the same program, but never a closure's captured values. It is the Rust twin of Python's
//! rule that a pool function must be picklable, that is, findable by name.
//!
//! # Where it differs from Python
//! - The workers are children of the pool's fork server, not of the program, and are forks of it
//!   under every start method (Python spawns each worker under `spawn`); their names say so.
//! - A worker that dies in the middle of a `map` makes that call return
//!   [`PoolError::WorkerDied`] with the items it lost, and a new worker takes its place. CPython's
//!   `Pool.map` waits forever in that case (bpo-22393).
//! - No thread collects results in the background: the calling thread does, whenever it calls
//!   into the pool (`get`, `ready`, the next item of an `imap`).

mod builder;
mod coordinator;
mod encode;
mod error;
mod jobs;
mod results;
mod server;
mod slots;
mod task;

pub use builder::Builder;
pub use error::PoolError;
pub use results::{AsyncResult, IMap, Order};
#[doc(hidden)]
pub use task::lie_in_the_next_reply;

use coordinator::Coordinator;
use results::{decode_all, decode_one};
use serde::Serialize;
use serde::de::DeserializeOwned;
use slots::Chunk;
use std::cell::RefCell;
use std::rc::Rc;
use task::Function;

/// A pool of worker processes: Python's `multiprocessing.Pool(n)`. Dropping it is Python's
/// leaving a `with Pool(...) as p:` block: [`Pool::terminate`].
#[derive(Debug)]
pub struct Pool {
    coordinator: Rc<RefCell<Coordinator>>,
}

/// Python's default chunk size for `map`: `len / (4 * workers)`, rounded up.
fn default_chunksize(len: usize, workers: usize) -> usize {
    len.div_ceil(workers * 4).max(1)
}

impl From<Coordinator> for Pool {
    fn from(coordinator: Coordinator) -> Self {
        Pool {
            coordinator: Rc::new(RefCell::new(coordinator)),
        }
    }
}

impl Pool {
    /// A pool of `processes` workers, started now: Python's `Pool(processes)`.
    pub fn new(processes: usize) -> Result<Pool, PoolError> {
        Pool::builder().processes(processes).build()
    }

    /// The options: `Pool::builder().processes(4).maxtasksperchild(2).initializer(f).build()`.
    pub fn builder() -> Builder {
        Builder::default()
    }

    /// The PIDs of the workers (Python: `[w.pid for w in pool._pool]`), replacements that are
    /// starting included: it waits for them.
    pub fn worker_pids(&self) -> Vec<u32> {
        self.coordinator.borrow_mut().worker_pids()
    }

    fn workers(&self) -> usize {
        self.coordinator.borrow().processes()
    }

    /// Encodes `items` in chunks of `chunksize` and queues them, each with `function`.
    fn submit<T: Serialize>(
        &self,
        items: Vec<T>,
        chunksize: usize,
        function: Function,
    ) -> Result<(u64, usize), PoolError> {
        let chunks = Chunk::split(&items, chunksize, function)?;
        let count = chunks.len();
        let job = self.coordinator.borrow_mut().submit(chunks)?;
        Ok((job, count))
    }

    /// Python's `map_async(f, items)`: the results, in input order, when ready.
    pub fn map_async<T, R>(
        &self,
        f: fn(T) -> R,
        items: impl IntoIterator<Item = T>,
    ) -> Result<AsyncResult<Vec<R>>, PoolError>
    where
        T: Serialize + DeserializeOwned,
        R: Serialize + DeserializeOwned,
    {
        let items: Vec<T> = items.into_iter().collect();
        let chunksize = default_chunksize(items.len(), self.workers());
        self.map_async_chunked(f, items, chunksize)
    }

    /// [`Pool::map_async`] with Python's `chunksize=`.
    pub fn map_async_chunked<T, R>(
        &self,
        f: fn(T) -> R,
        items: impl IntoIterator<Item = T>,
        chunksize: usize,
    ) -> Result<AsyncResult<Vec<R>>, PoolError>
    where
        T: Serialize + DeserializeOwned,
        R: Serialize + DeserializeOwned,
    {
        let items: Vec<T> = items.into_iter().collect();
        let (job, _) = self.submit(items, chunksize, Function::new(f))?;
        Ok(AsyncResult::new(&self.coordinator, job, decode_all::<R>))
    }

    /// Python's `map(f, items)`: `f` on every item in the workers; the results in input order.
    pub fn map<T, R>(
        &self,
        f: fn(T) -> R,
        items: impl IntoIterator<Item = T>,
    ) -> Result<Vec<R>, PoolError>
    where
        T: Serialize + DeserializeOwned,
        R: Serialize + DeserializeOwned,
    {
        self.map_async(f, items)?.get()
    }

    /// [`Pool::map`] with Python's `chunksize=`.
    pub fn map_chunked<T, R>(
        &self,
        f: fn(T) -> R,
        items: impl IntoIterator<Item = T>,
        chunksize: usize,
    ) -> Result<Vec<R>, PoolError>
    where
        T: Serialize + DeserializeOwned,
        R: Serialize + DeserializeOwned,
    {
        self.map_async_chunked(f, items, chunksize)?.get()
    }

    /// Python's `starmap(f, pairs)`: `f(a, b)` for every pair; the results in input order.
    pub fn starmap<A, B, R>(
        &self,
        f: fn(A, B) -> R,
        pairs: impl IntoIterator<Item = (A, B)>,
    ) -> Result<Vec<R>, PoolError>
    where
        A: Serialize + DeserializeOwned,
        B: Serialize + DeserializeOwned,
        R: Serialize + DeserializeOwned,
    {
        let pairs: Vec<(A, B)> = pairs.into_iter().collect();
        let chunksize = default_chunksize(pairs.len(), self.workers());
        let (job, _) = self.submit(pairs, chunksize, Function::new(f))?;
        AsyncResult::new(&self.coordinator, job, decode_all::<R>).get()
    }

    /// Python's `apply_async(f, (arg,))`: `f(arg)` in a worker, the result when ready.
    pub fn apply_async<T, R>(&self, f: fn(T) -> R, arg: T) -> Result<AsyncResult<R>, PoolError>
    where
        T: Serialize + DeserializeOwned,
        R: Serialize + DeserializeOwned,
    {
        let (job, _) = self.submit(vec![arg], 1, Function::new(f))?;
        Ok(AsyncResult::new(&self.coordinator, job, decode_one::<R>))
    }

    /// Python's `apply(f, (arg,))`: `f(arg)` in a worker, waited for.
    pub fn apply<T, R>(&self, f: fn(T) -> R, arg: T) -> Result<R, PoolError>
    where
        T: Serialize + DeserializeOwned,
        R: Serialize + DeserializeOwned,
    {
        self.apply_async(f, arg)?.get()
    }

    /// Python's `imap(f, items)`: the results in input order, each as soon as it and all before
    /// it are done (chunks of 1, as Python's default). A failed chunk yields one `Err`.
    pub fn imap<T, R>(
        &self,
        f: fn(T) -> R,
        items: impl IntoIterator<Item = T>,
    ) -> Result<IMap<R>, PoolError>
    where
        T: Serialize + DeserializeOwned,
        R: Serialize + DeserializeOwned,
    {
        self.imap_chunked(f, items, 1, Order::AsGiven)
    }

    /// Python's `imap_unordered(f, items)`: the results as each finishes.
    pub fn imap_unordered<T, R>(
        &self,
        f: fn(T) -> R,
        items: impl IntoIterator<Item = T>,
    ) -> Result<IMap<R>, PoolError>
    where
        T: Serialize + DeserializeOwned,
        R: Serialize + DeserializeOwned,
    {
        self.imap_chunked(f, items, 1, Order::AsFinished)
    }

    /// [`Pool::imap`] ([`Order::AsGiven`]) or [`Pool::imap_unordered`] ([`Order::AsFinished`])
    /// with Python's `chunksize=`.
    pub fn imap_chunked<T, R>(
        &self,
        f: fn(T) -> R,
        items: impl IntoIterator<Item = T>,
        chunksize: usize,
        order: Order,
    ) -> Result<IMap<R>, PoolError>
    where
        T: Serialize + DeserializeOwned,
        R: Serialize + DeserializeOwned,
    {
        let items: Vec<T> = items.into_iter().collect();
        let (job, chunks) = self.submit(items, chunksize, Function::new(f))?;
        Ok(IMap::new(&self.coordinator, job, chunks, order))
    }

    /// Python's `close()`: no new work; the work already given finishes.
    pub fn close(&self) {
        self.coordinator.borrow_mut().close();
    }

    /// Python's `join()`: after `close`, waits for the work and for every worker to exit; after
    /// `terminate`, for the workers to be gone. Before either it is [`PoolError::StillRunning`].
    pub fn join(&self) -> Result<(), PoolError> {
        self.coordinator.borrow_mut().join()
    }

    /// Python's `terminate()`: stops the workers now; results not yet in become
    /// [`PoolError::Terminated`].
    pub fn terminate(&self) {
        self.coordinator.borrow_mut().terminate();
    }

    /// Whether the pool still takes work (not closed nor terminated).
    pub fn is_running(&self) -> bool {
        self.coordinator.borrow().is_running()
    }

    /// For tests of the pool's own bookkeeping: how many calls' results it still keeps. A call's
    /// results are kept while its `AsyncResult` or `IMap` lives, and forgotten when it is
    /// dropped: a program that drops them keeps no memory for them.
    #[doc(hidden)]
    pub fn calls_held(&self) -> usize {
        self.coordinator.borrow().jobs().held()
    }
}

impl Drop for Pool {
    /// Python's leaving `with Pool(...) as p:`: `terminate()`, even while results of it are still
    /// held (they then report [`PoolError::Terminated`] for what was not in).
    fn drop(&mut self) {
        if let Ok(mut inner) = self.coordinator.try_borrow_mut() {
            inner.terminate();
        }
    }
}

#[cfg(test)]
mod tests {
    /// Python's rule: `len / (4 * workers)`, rounded up, and at least 1.
    #[test]
    fn the_default_chunksize_is_len_over_four_times_the_workers_rounded_up() {
        for (len, workers, chunksize) in [
            (99, 4, 7),
            (100, 4, 7),
            (96, 4, 6),
            (16, 4, 1),
            (1, 8, 1),
            (0, 2, 1),
            (1000, 3, 84),
        ] {
            assert_eq!(
                super::default_chunksize(len, workers),
                chunksize,
                "{len} over {workers}"
            );
        }
    }
}
