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
//! `Pool::new(n)` forks a fork server (`pool/server.rs`), which forks the `n` workers
//! (`ForkPoolWorker-1`...) and every replacement: a worker that dies, or that retires after
//! `maxtasksperchild` tasks, is replaced by a new process from that single-threaded server, so
//! replacements are safe even after the program has started threads. Items go to the workers in
//! chunks (Python's default size for `map`: `len / (4 n)`, rounded up; 1 for `imap`), encoded with
//! serde, and the results come back the same way, in input order where Python's are.
//!
//! # Functions, not closures
//! The functions a pool runs are plain `fn` items (a closure that captures nothing coerces to
//! one): a worker that is already running can be sent a function's address, since it is a fork
//! of the same program, but never a closure's captured values. It is the Rust twin of Python's
//! rule that a pool function must be picklable, that is, findable by name.
//!
//! # Where it differs from Python
//! - The workers are children of the fork server, not of the program (as with Python's
//!   `forkserver` start method, the default on Linux since 3.14).
//! - A worker that dies in the middle of a `map` makes that call return
//!   [`PoolError::WorkerDied`] with the items it lost, and a new worker takes its place. CPython's
//!   `Pool.map` waits forever in that case (bpo-22393).
//! - No thread collects results in the background: the calling thread does, whenever it calls
//!   into the pool (`get`, `ready`, the next item of an `imap`).

mod error;
mod inner;
mod server;

pub use error::PoolError;

use inner::{Chunk, ChunkState, Inner, State};
use serde::Serialize;
use serde::de::DeserializeOwned;
use server::{ChunkId, WorkerConfig};
use std::cell::RefCell;
use std::marker::PhantomData;
use std::rc::Rc;
use std::time::{Duration, Instant};

/// A pool of worker processes: Python's `multiprocessing.Pool(n)`. Dropping it is Python's
/// leaving a `with Pool(...) as p:` block: [`Pool::terminate`].
#[derive(Debug)]
pub struct Pool {
    inner: Rc<RefCell<Inner>>,
}

/// The options of Python's `Pool(processes, initializer, maxtasksperchild)`.
#[derive(Debug, Clone, Default)]
pub struct Builder {
    processes: Option<usize>,
    maxtasksperchild: Option<usize>,
    initializer: Option<fn()>,
}

impl Builder {
    /// How many workers (Python's default, as here: the number of CPUs).
    pub fn processes(mut self, n: usize) -> Self {
        self.processes = Some(n);
        self
    }

    /// A worker exits after this many tasks (chunks) and a new one takes its place.
    pub fn maxtasksperchild(mut self, tasks: usize) -> Self {
        self.maxtasksperchild = Some(tasks);
        self
    }

    /// Runs once in every worker as it starts, replacements included.
    pub fn initializer(mut self, f: fn()) -> Self {
        self.initializer = Some(f);
        self
    }

    /// Starts the fork server and the workers, and waits until all have started.
    ///
    /// Like [`crate::process::Process::start`], it must be called while the program has a single
    /// thread ([`PoolError::Start`] otherwise).
    pub fn build(self) -> Result<Pool, PoolError> {
        let processes = self
            .processes
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
        if processes == 0 {
            return Err(PoolError::NoProcesses);
        }
        if self.maxtasksperchild == Some(0) {
            return Err(PoolError::ZeroMaxTasks);
        }
        let (commands, inbox) = ipc_channel::ipc::channel().map_err(PoolError::Channel)?;
        let (to_program, replies) = ipc_channel::ipc::channel().map_err(PoolError::Channel)?;
        let config = WorkerConfig {
            maxtasksperchild: self.maxtasksperchild,
            initializer: self.initializer,
        };
        let mut server =
            crate::process::Process::new(move || server::serve(inbox, to_program, config))
                .name("ForkServer")
                .daemon(true);
        server.start().map_err(PoolError::Start)?;
        let inner = Inner::new(server, commands, replies, processes, self.maxtasksperchild);
        let pool = Pool {
            inner: Rc::new(RefCell::new(inner)),
        };
        pool.inner.borrow_mut().start_workers()?;
        Ok(pool)
    }
}

/// Python's default chunk size for `map`: `len / (4 * workers)`, rounded up.
fn default_chunksize(len: usize, workers: usize) -> usize {
    len.div_ceil(workers * 4).max(1)
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
        self.inner.borrow_mut().worker_pids()
    }

    fn workers(&self) -> usize {
        self.inner.borrow().processes()
    }

    /// Encodes `items` in chunks of `chunksize` and queues them with `apply` and `f`.
    fn submit<T: Serialize>(
        &self,
        items: Vec<T>,
        chunksize: usize,
        apply: server::ApplyFn,
        f: usize,
    ) -> Result<(u64, usize), PoolError> {
        if chunksize == 0 {
            return Err(PoolError::ZeroChunksize);
        }
        let mut chunks = Vec::new();
        for (index, start) in (0..items.len()).step_by(chunksize).enumerate() {
            let end = (start + chunksize).min(items.len());
            chunks.push(Chunk {
                id: ChunkId { job: 0, index },
                items: start..end,
                apply: apply as usize,
                f,
                encoded: postcard::to_stdvec(&items[start..end]).map_err(PoolError::Format)?,
            });
        }
        let count = chunks.len();
        let job = self.inner.borrow_mut().submit(chunks)?;
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
        let (job, _) = self.submit(items, chunksize, server::apply::<T, R>, f as usize)?;
        Ok(AsyncResult::new(&self.inner, job, decode_all::<R>))
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
        let apply = server::apply_pairs::<A, B, R>;
        let (job, _) = self.submit(pairs, chunksize, apply, f as usize)?;
        AsyncResult::new(&self.inner, job, decode_all::<R>).get()
    }

    /// Python's `apply_async(f, (arg,))`: `f(arg)` in a worker, the result when ready.
    pub fn apply_async<T, R>(&self, f: fn(T) -> R, arg: T) -> Result<AsyncResult<R>, PoolError>
    where
        T: Serialize + DeserializeOwned,
        R: Serialize + DeserializeOwned,
    {
        let (job, _) = self.submit(vec![arg], 1, server::apply::<T, R>, f as usize)?;
        Ok(AsyncResult::new(&self.inner, job, decode_one::<R>))
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
        self.imap_chunked(f, items, 1, true)
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
        self.imap_chunked(f, items, 1, false)
    }

    /// [`Pool::imap`] (`ordered`) or [`Pool::imap_unordered`] with Python's `chunksize=`.
    pub fn imap_chunked<T, R>(
        &self,
        f: fn(T) -> R,
        items: impl IntoIterator<Item = T>,
        chunksize: usize,
        ordered: bool,
    ) -> Result<IMap<R>, PoolError>
    where
        T: Serialize + DeserializeOwned,
        R: Serialize + DeserializeOwned,
    {
        let items: Vec<T> = items.into_iter().collect();
        let (job, chunks) = self.submit(items, chunksize, server::apply::<T, R>, f as usize)?;
        Ok(IMap {
            inner: Rc::clone(&self.inner),
            job,
            left: (0..chunks).collect(),
            ordered,
            ready: Vec::new(),
        })
    }

    /// Python's `close()`: no new work; the work already given finishes.
    pub fn close(&self) {
        self.inner.borrow_mut().close();
    }

    /// Python's `join()`: after `close`, waits for the work and for every worker to exit; after
    /// `terminate`, for the workers to be gone. Before either it is [`PoolError::StillRunning`].
    pub fn join(&self) -> Result<(), PoolError> {
        self.inner.borrow_mut().join()
    }

    /// Python's `terminate()`: stops the workers now; results not yet in become
    /// [`PoolError::Terminated`].
    pub fn terminate(&self) {
        self.inner.borrow_mut().terminate();
    }

    /// Whether the pool still takes work (not closed nor terminated).
    pub fn is_running(&self) -> bool {
        self.inner.borrow().state == State::Running
    }
}

impl Drop for Pool {
    /// Python's leaving `with Pool(...) as p:`: `terminate()`, even while results of it are still
    /// held (they then report [`PoolError::Terminated`] for what was not in).
    fn drop(&mut self) {
        if let Ok(mut inner) = self.inner.try_borrow_mut() {
            inner.terminate();
        }
    }
}

fn decode_all<R: DeserializeOwned>(chunks: Vec<Vec<u8>>) -> Result<Vec<R>, PoolError> {
    let mut all = Vec::new();
    for chunk in chunks {
        all.extend(postcard::from_bytes::<Vec<R>>(&chunk).map_err(PoolError::Format)?);
    }
    Ok(all)
}

fn decode_one<R: DeserializeOwned>(chunks: Vec<Vec<u8>>) -> Result<R, PoolError> {
    decode_all::<R>(chunks)?
        .pop()
        .ok_or(PoolError::Format(postcard::Error::DeserializeUnexpectedEnd))
}

/// A result to come: Python's `AsyncResult`. Asking for it (`get`, `ready`, `wait`) is also what
/// moves the pool's work on.
#[derive(Debug)]
pub struct AsyncResult<O> {
    inner: Rc<RefCell<Inner>>,
    job: u64,
    finish: fn(Vec<Vec<u8>>) -> Result<O, PoolError>,
    _output: PhantomData<O>,
}

impl<O> AsyncResult<O> {
    fn new(
        inner: &Rc<RefCell<Inner>>,
        job: u64,
        finish: fn(Vec<Vec<u8>>) -> Result<O, PoolError>,
    ) -> Self {
        AsyncResult {
            inner: Rc::clone(inner),
            job,
            finish,
            _output: PhantomData,
        }
    }

    fn wait_until(&self, deadline: Option<Instant>) -> bool {
        let job = self.job;
        self.inner.borrow_mut().pump_until(deadline, |pool| {
            let chunks = pool.jobs.get(&job).map_or(0, Vec::len);
            (0..chunks).all(|index| pool.resolved(job, index))
        })
    }

    /// Whether the result is in (Python's `ready()`); never waits.
    pub fn ready(&self) -> bool {
        self.wait_until(Some(Instant::now()))
    }

    /// Whether it completed without an error: `None` while it is not ready (where Python's
    /// `successful()` raises `ValueError`).
    pub fn successful(&self) -> Option<bool> {
        self.ready().then(|| {
            let inner = self.inner.borrow();
            let chunks = inner.jobs.get(&self.job).map_or(&[][..], Vec::as_slice);
            chunks
                .iter()
                .all(|chunk| matches!(chunk, ChunkState::Done(_)))
        })
    }

    /// Waits until the result is in: Python's `wait()`.
    pub fn wait(&self) {
        self.wait_until(None);
    }

    /// Waits up to `timeout`; whether the result is in: Python's `wait(timeout)`.
    pub fn wait_timeout(&self, timeout: Duration) -> bool {
        self.wait_until(Some(Instant::now() + timeout))
    }

    /// Waits for the result: Python's `get()`. It can be asked for again.
    pub fn get(&self) -> Result<O, PoolError> {
        self.wait();
        self.take()
    }

    /// Waits up to `timeout` for the result: Python's `get(timeout)`; [`PoolError::Timeout`] if
    /// it is not in by then (ask again later).
    pub fn get_timeout(&self, timeout: Duration) -> Result<O, PoolError> {
        if !self.wait_timeout(timeout) {
            return Err(PoolError::Timeout);
        }
        self.take()
    }

    fn take(&self) -> Result<O, PoolError> {
        let inner = self.inner.borrow();
        if let Some(error) = inner.job_error(self.job) {
            // A worker that found stdout closed (`| head -1`) ended quietly; so do we.
            if crate::output::stdout_reader_gone() {
                crate::output::stdout_closed();
            }
            return Err(error);
        }
        let chunks = inner.jobs.get(&self.job).map_or(&[][..], Vec::as_slice);
        let mut encoded = Vec::with_capacity(chunks.len());
        for chunk in chunks {
            match chunk {
                ChunkState::Done(bytes) => encoded.push(bytes.clone()),
                _ => return Err(PoolError::Timeout),
            }
        }
        (self.finish)(encoded)
    }
}

impl<O> Drop for AsyncResult<O> {
    fn drop(&mut self) {
        if let Ok(mut inner) = self.inner.try_borrow_mut() {
            inner.jobs.remove(&self.job);
        }
    }
}

/// The results of [`Pool::imap`] or [`Pool::imap_unordered`], one `Result` per item (one `Err`
/// for a chunk that failed).
#[derive(Debug)]
pub struct IMap<R> {
    inner: Rc<RefCell<Inner>>,
    job: u64,
    /// Chunks not yet yielded, in input order.
    left: std::collections::VecDeque<usize>,
    ordered: bool,
    /// Results of the chunk being yielded, last first.
    ready: Vec<R>,
}

impl<R: DeserializeOwned> Iterator for IMap<R> {
    type Item = Result<R, PoolError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(result) = self.ready.pop() {
            return Some(Ok(result));
        }
        let (job, ordered) = (self.job, self.ordered);
        let left: Vec<usize> = self.left.iter().copied().collect();
        let mut inner = self.inner.borrow_mut();
        inner.pump_until(None, |pool| match ordered {
            true => left.first().is_none_or(|&index| pool.resolved(job, index)),
            false => left.is_empty() || left.iter().any(|&index| pool.resolved(job, index)),
        });
        let position = self
            .left
            .iter()
            .position(|&index| inner.resolved(job, index))?;
        let index = self.left.remove(position)?;
        let chunk = inner.jobs.get_mut(&job)?.get_mut(index)?;
        match std::mem::replace(chunk, ChunkState::Failed(inner::Failure::Terminated)) {
            ChunkState::Done(bytes) => match postcard::from_bytes::<Vec<R>>(&bytes) {
                Ok(mut results) => {
                    results.reverse();
                    self.ready = results;
                    drop(inner);
                    self.next()
                }
                Err(error) => Some(Err(PoolError::Format(error))),
            },
            ChunkState::Failed(failure) => Some(Err(failure.error())),
            ChunkState::Pending => None,
        }
    }
}

impl<R> Drop for IMap<R> {
    fn drop(&mut self) {
        if let Ok(mut inner) = self.inner.try_borrow_mut() {
            inner.jobs.remove(&self.job);
        }
    }
}
